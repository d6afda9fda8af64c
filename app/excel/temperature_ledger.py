"""体温台账 — every observed case's readings over a range of days.

Two sheets: the long form (one row per case per day: 上午/下午 temperature and symptoms, who
measured) that the township can filter and sum, and a printable grid (第1天…第14天 × 上午/下午 from
each case's first day, clipped to the range) like the paper forms pinned at the door. The long
form can run to hundreds of thousands of rows, so it is streamed straight from the services'
cursor; nothing here touches a row beyond handing it on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.excel.daily_report import Signature, date_text, signature_rows

__all__ = [
    "FORM_NAME",
    "GRID_TITLE",
    "LONG_LABELS",
    "TemperatureLedger",
    "grid_labels",
    "write_temperature_ledger",
]

FORM_NAME = "体温台账"
GRID_TITLE = "14天体温表"
GRID_DAYS = 14
LONG_LABELS: tuple[str, ...] = (
    "序号", "姓名", "身份证号", "村民小组", "日期", "上午体温", "上午症状", "下午体温",
    "下午症状", "测量人", "核酸结果",
)  # fmt: skip
GRID_CASE_LABELS: tuple[str, ...] = ("序号", "姓名", "村民小组", "开始日期")


@dataclass
class TemperatureLedger:
    signature: Signature
    first: date
    last: date
    rows: Iterator[Sequence[object]]  # LONG_LABELS order
    row_count: int
    grid_rows: Iterator[Sequence[object]]  # GRID_CASE_LABELS, then AM, PM for each of 14 days
    grid_count: int


def grid_labels() -> list[str]:
    # A line break keeps the 28 narrow columns readable: "第1天" over "上午".
    labels = list(GRID_CASE_LABELS)
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
    long_columns = [
        Column("序号", "int", 7), Column("姓名", width=10),
        Column("身份证号", width=20, mask="id"),
        Column("村民小组", width=10), Column("日期", "date", 11.5),
        Column("上午体温", "decimal1", 9), Column("上午症状", width=10),
        Column("下午体温", "decimal1", 9), Column("下午症状", width=10),
        Column("测量人", width=12), Column("核酸结果", width=9),
    ]  # fmt: skip
    grid_columns = [
        Column("序号", "int", 5.5), Column("姓名", width=9), Column("村民小组", width=8),
        Column("开始日期", "date", 11),
    ]  # fmt: skip
    grid_columns += [Column(label, "decimal1", 6) for label in grid_labels()[4:]]
    footer = signature_rows(sig)
    sheets = [
        SheetSpec(
            title=FORM_NAME,
            columns=long_columns,
            rows=ledger.rows,
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
            rows=ledger.grid_rows,
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
