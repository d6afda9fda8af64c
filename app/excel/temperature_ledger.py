"""体温台账 — every observed case's readings over a range of days.

Two sheets: the long form (one row per case per day: 上午/下午 temperature and symptoms, who
measured) that the township can filter and sum, and a printable grid (第1天…第14天 × 上午/下午 from
each case's first day, clipped to the range) like the paper forms pinned at the door. The long
form can run to hundreds of thousands of rows, so it is streamed straight from the services'
cursor; nothing here touches a row beyond handing it on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.excel.daily_report import signature_rows
from app.excel.field_columns import SERIAL_LABEL, field_columns, numbered_rows, serial_column
from app.models.daily_report import Signature, date_text
from app.models.fields import PERSON_CASE, READING, Field, Place

__all__ = [
    "DAYS",
    "FORM_NAME",
    "GRID_FIELDS",
    "GRID_TITLE",
    "LONG_FIELDS",
    "TemperatureLedger",
    "TemperatureLine",
    "day_cells",
    "grid_labels",
    "long_labels",
    "write_temperature_ledger",
]

FORM_NAME = "体温台账"
GRID_TITLE = "14天体温表"
GRID_DAYS = 14
#: The long form: one row per person per day, the day's two readings side by side.
LONG_FIELDS: tuple[Field, ...] = (
    *PERSON_CASE.pick(("name", "id_number", "group_name")),
    *READING.pick(
        ("reading_date", "am_celsius", "am_symptoms", "pm_celsius", "pm_symptoms", "measured_by")
    ),
)
_LONG_WIDTHS = {
    "name": 10, "id_number": 20, "group_name": 10, "am_celsius": 9, "am_symptoms": 10,
    "pm_celsius": 9, "pm_symptoms": 10, "measured_by": 12,
}  # fmt: skip
#: The 14-day grid: who, from when, then 第1天 … 第14天 × 上午/下午 (``GRID_DAYS``).
GRID_FIELDS: tuple[Field, ...] = PERSON_CASE.pick(("name", "group_name", "start_date"))
_GRID_WIDTHS = {"name": 9, "group_name": 8, "start_date": 11}
#: A grid row's key for its 28 reading cells.
DAYS = "days"

#: A row of either sheet: a value per field (and, in the grid, ``DAYS``).
TemperatureLine = Mapping[str, object]


@dataclass
class TemperatureLedger:
    signature: Signature
    first: date
    last: date
    rows: Iterator[TemperatureLine]  # LONG_FIELDS
    row_count: int
    grid_rows: Iterator[TemperatureLine]  # GRID_FIELDS and DAYS
    grid_count: int


def day_cells(row: TemperatureLine) -> Sequence[object]:
    cells = row[DAYS]
    assert isinstance(cells, Sequence)
    return cells


def long_labels() -> list[str]:
    return [SERIAL_LABEL, *(f.label_in(Place.LEDGER) for f in LONG_FIELDS)]


def grid_labels() -> list[str]:
    # A line break keeps the 28 narrow columns readable: "第1天" over "上午".
    labels = [SERIAL_LABEL, *(f.label_in(Place.LEDGER) for f in GRID_FIELDS)]
    for k in range(1, GRID_DAYS + 1):
        labels += [f"第{k}天\n上午", f"第{k}天\n下午"]
    return labels


def _range_text(first: date, last: date) -> str:
    if first == last:
        return date_text(first)
    return f"{date_text(first)}至{date_text(last)}"


def write_temperature_ledger(
    target: Path,
    ledger: TemperatureLedger,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    from app.excel.workbook import Column, SheetSpec, write_workbook

    sig = ledger.signature
    period = _range_text(ledger.first, ledger.last)
    long_columns = [serial_column(7), *field_columns(LONG_FIELDS, widths=_LONG_WIDTHS)]
    grid_columns = [serial_column(5.5), *field_columns(GRID_FIELDS, widths=_GRID_WIDTHS)]
    grid_columns += [Column(label, "decimal1", 6) for label in grid_labels()[len(grid_columns) :]]
    footer = signature_rows(sig)
    sheets = [
        SheetSpec(
            title=FORM_NAME,
            columns=long_columns,
            rows=numbered_rows(LONG_FIELDS, ledger.rows),
            heading=f"{sig.unit_name}{FORM_NAME}（{period}）",
            subheading_rows=[
                [f"填报单位：{sig.unit_name}", f"共 {ledger.row_count} 条（每人每天一行）"]
            ],
            footer_rows=footer,
            landscape=False,
            row_count_hint=ledger.row_count,
        ),
        SheetSpec(
            title=GRID_TITLE,
            columns=grid_columns,
            rows=numbered_rows(GRID_FIELDS, ledger.grid_rows, day_cells),
            heading=f"{sig.unit_name}居家观察人员14天体温登记表（{period}）",
            subheading_rows=[
                [
                    f"填报单位：{sig.unit_name}",
                    "第1天为观察开始日；*为有症状；“—”为观察已结束；空白为未测或不在导出日期内",
                    f"共 {ledger.grid_count} 人",
                ]
            ],
            footer_rows=footer,
            landscape=True,
            row_count_hint=ledger.grid_count,
        ),
    ]
    write_workbook(target, sheets, progress=progress)
