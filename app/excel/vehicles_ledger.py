"""卡点车辆登记表 — the checkpoint vehicle log as the township asks for it.

Sheet 1 has one row per vehicle stopped, with the day's four numbers (检查车辆/检查人数/劝返车辆/
劝返人数) under the table; sheet 2 (车上人员) lists everyone registered aboard. The numbers are
counted by the service (``totals_between``) and only printed here, so the export, the page and the
daily report can never disagree.

This module sits below the services: it describes the records it needs with Protocols instead of
importing the services' dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from app import clock
from app.excel.field_columns import cells, field_columns, serial_column
from app.excel.workbook import Column, SheetSpec, write_workbook
from app.models.fields import OCCUPANT, VEHICLE_PASS, Field, Place

FORM_NAME = "卡点车辆登记表"
OCCUPANTS_SHEET = "车上人员"

#: Each pass's own columns, after 序号, 日期, 时间 and 卡点.
PASS_FIELDS: tuple[Field, ...] = VEHICLE_PASS.placed(Place.LEDGER)
#: Each person aboard, after 序号, 日期 and 车牌号.
OCCUPANT_FIELDS: tuple[Field, ...] = OCCUPANT.placed(Place.LEDGER)

VEHICLE_COLUMNS: list[Column] = [
    serial_column(6),
    Column("日期", "date", 11),
    Column("时间", "time", 7),
    Column("卡点"),
    *field_columns(PASS_FIELDS),
]

OCCUPANT_COLUMNS: list[Column] = [
    serial_column(6),
    Column("日期", "date", 11),
    Column(VEHICLE_PASS["plate"].label, width=12),
    *field_columns(OCCUPANT_FIELDS),
]


class VehicleRecord(Protocol):
    """What one pass must offer (``app.services.checkpoints.PassInfo`` does): an attribute per
    field of :data:`PASS_FIELDS`, and these."""

    @property
    def passed_at(self) -> datetime: ...
    @property
    def checkpoint(self) -> str: ...
    @property
    def plate(self) -> str: ...
    @property
    def occupants(self) -> Sequence[object]: ...  # an attribute per field of OCCUPANT_FIELDS


def _line(record: object, fields: Sequence[Field]) -> dict[str, object]:
    """A record's values keyed by field."""
    return {f.key: getattr(record, f.key) for f in fields}


class Totals(Protocol):
    @property
    def vehicles(self) -> int: ...
    @property
    def people(self) -> int: ...
    @property
    def turned_back_vehicles(self) -> int: ...
    @property
    def turned_back_people(self) -> int: ...
    @property
    def abnormal(self) -> int: ...


class Unit(Protocol):
    @property
    def unit_name(self) -> str: ...
    @property
    def township(self) -> str: ...
    @property
    def reporter(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def reviewer(self) -> str: ...


def _cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(first_day: date, last_day: date) -> str:
    if first_day == last_day:
        return _cn_date(first_day)
    return f"{_cn_date(first_day)} 至 {_cn_date(last_day)}"


def totals_line(totals: Totals) -> list[str]:
    """The four numbers the daily report asks for, plus fevers, as one footer line."""
    return [
        "合计",
        f"检查车辆 {totals.vehicles} 辆",
        f"检查人数 {totals.people} 人次",
        f"劝返车辆 {totals.turned_back_vehicles} 辆",
        f"劝返人数 {totals.turned_back_people} 人次",
        f"体温异常 {totals.abnormal} 辆",
    ]


def vehicle_rows(records: Sequence[VehicleRecord]) -> list[list[object]]:
    return [
        [number, r.passed_at.date(), r.passed_at.time(), r.checkpoint, *cells(PASS_FIELDS, line)]
        for number, r in enumerate(records, start=1)
        for line in (_line(r, PASS_FIELDS),)
    ]


def occupant_rows(records: Sequence[VehicleRecord]) -> list[list[object]]:
    rows: list[list[object]] = []
    for r in records:
        for o in r.occupants:
            line = _line(o, OCCUPANT_FIELDS)
            rows.append([len(rows) + 1, r.passed_at.date(), r.plate, *cells(OCCUPANT_FIELDS, line)])
    return rows


def write_vehicles_ledger(
    target: Path,
    records: Sequence[VehicleRecord],
    totals: Totals,
    unit: Unit,
    *,
    first_day: date,
    last_day: date,
    checkpoint: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the workbook atomically: a failed export leaves no file and the old one untouched."""
    unit_name = unit.unit_name or "（未填写填报单位）"
    if unit.township:
        unit_name = f"{unit.township}{unit.unit_name}" if unit.unit_name else unit.township
    where = f"卡点：{checkpoint}" if checkpoint else "卡点：全部"
    period = f"统计时间：{period_text(first_day, last_day)}"
    subheading = [[f"填报单位：{unit_name}", where, period]]
    signature = [
        f"填报人：{unit.reporter}",
        f"联系电话：{unit.phone}",
        f"审核人：{unit.reviewer}",
        f"填报日期：{_cn_date(clock.today())}",
    ]
    sheets = [
        SheetSpec(
            title=FORM_NAME,
            columns=VEHICLE_COLUMNS,
            rows=vehicle_rows(records),
            heading=FORM_NAME,
            subheading_rows=subheading,
            footer_rows=[totals_line(totals), signature],
            landscape=True,
        ),
        SheetSpec(
            title=OCCUPANTS_SHEET,
            columns=OCCUPANT_COLUMNS,
            rows=occupant_rows(records),
            heading=f"{FORM_NAME}（{OCCUPANTS_SHEET}）",
            # Seven narrow columns: three entries on one line would clip the period.
            subheading_rows=[[f"填报单位：{unit_name}", where], [period]],
            footer_rows=[signature],
            landscape=False,
        ),
    ]
    write_workbook(target, sheets, progress=progress)
