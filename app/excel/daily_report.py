"""日报表 / 零报告 — the daily report a village e-mails to the township, and its layout.

The township pastes these numbers into its own sums, so the layout is a contract: a merged title
row, one row with 填报单位 (and its 上级乡镇) and 统计时间, ONE header row (序号, 单位, the fixed
counts, one column per 管控措施, the fixed tail), one data row per unit, then the signature lines,
the 报送时间 and a blank space under 填报单位（盖章） for the seal. A village's report has no
合计 row: FORMS.md's township layouts (泰安 0-24时 日报表) list one row per unit and the township
sums them; the township's merge (``with_total``) adds the 合计.

Header labels are broken onto two lines only between words ("包保\n未落实", never "包保未落/实")
and each count column is as wide as its longer line, so Excel and LibreOffice never wrap them
again mid-word. Readers drop the line breaks (``normalize_header``).
``app.excel.merge`` reads exactly this layout back, and writes its township sum with the same
writer, so a township's merged file can itself be merged by the county.

What the report says (its numbers, title, dates and the people behind them) is domain data in
``app.models.daily_report``; this module only lays it out. openpyxl is imported inside the
writing function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import clock
from app.excel.field_columns import field_columns, numbered_rows, serial_column
from app.models.daily_report import (
    TOTAL_LABEL,
    DailyWorkbook,
    PeopleBehind,
    Signature,
    date_text,
    header_lines,
)
from app.models.fields import Field, Place

if TYPE_CHECKING:
    from app.excel.workbook import Column, SheetSpec

__all__ = [
    "SHEET_TITLE",
    "DailyReportWriter",
    "daily_report_sheets",
    "people_sheets",
    "signature_rows",
    "write_daily_report",
]

SHEET_TITLE = "日报表"
# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def write_daily_report(
    target: Path,
    report: DailyWorkbook,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write the 日报表 sheet and, when given, the sheets naming the people behind the numbers."""
    from app.excel.workbook import write_workbook

    write_workbook(target, daily_report_sheets(report), progress=progress, streaming=True)


class DailyReportWriter:
    """A village's 日报表 written in two steps, so that its lists of people can be written (on
    another thread) while the day is still being counted: ``write_people``, then ``finish``
    with the counted report, which puts the 日报表 sheet in front and saves the file. The
    workbook is the one ``write_daily_report`` writes."""

    def __init__(self, *, progress: Callable[[int, int], None] | None = None) -> None:
        from app.excel.workbook import WorkbookDraft

        self._draft = WorkbookDraft(progress=progress)

    def write_people(self, people: PeopleBehind) -> None:
        self._draft.add(*people_sheets(people))

    def finish(self, target: Path, report: DailyWorkbook) -> None:
        self._draft.add(_report_sheet(report), first=True)
        self._draft.save(target)

    def discard(self) -> None:
        self._draft.discard()


def daily_report_sheets(report: DailyWorkbook) -> list[SheetSpec]:
    sheets = [_report_sheet(report)]
    if not report.with_total:  # a village's own report; a merged one has no people to list
        sheets += people_sheets(PeopleBehind.of(report))
    return sheets


def people_sheets(people: PeopleBehind) -> list[SheetSpec]:
    """当日新增, 当日解除 and 异常情况: the people behind a village's numbers."""
    return [
        _people_sheet(
            people,
            "当日新增",
            "当日新增排查人员名单",
            people.new_case_fields,
            people.new_cases,
            Place.NEW_CASES,
        ),
        _people_sheet(
            people,
            "当日解除",
            "当日解除及转运人员名单",
            people.ended_case_fields,
            people.ended_cases,
            Place.ENDED_CASES,
        ),
        _anomalies_sheet(people),
    ]


def signature_rows(sig: Signature) -> list[list[str]]:
    """The lines under every form's table: 填报人 / 联系电话 / 审核人, then 填报日期."""
    filed = sig.filed_on or clock.today()
    return [
        [f"填报人：{sig.reporter}", f"联系电话：{sig.phone}", f"审核人：{sig.reviewer}"],
        [f"填报日期：{date_text(filed)}"],
    ]


#: The narrowest count column (room for a five-digit township sum).
_COUNT_WIDTH = 7.5


def _header_width(header: str) -> float:
    # CJK characters take two width units; one unit more keeps Excel from wrapping again.
    return max(_COUNT_WIDTH, max(2 * len(line) for line in header.split("\n")) + 1.5)


def _report_sheet(report: DailyWorkbook) -> SheetSpec:
    from app.excel.workbook import Column, SheetSpec

    table = report.table
    labels = table.labels
    columns = [Column("序号", "int", 5.5), Column("单位", "text")]
    for label in labels[2:]:
        header = header_lines(label)
        columns.append(Column(header, "int", _header_width(header)))
    rows: list[list[object]] = [
        [i, line.unit, *table.values(line)] for i, line in enumerate(table.lines, start=1)
    ]
    if report.with_total:
        rows.append([None, TOTAL_LABEL, *table.total()])
    return SheetSpec(
        title=SHEET_TITLE,
        columns=columns,
        rows=rows,
        heading=report.title,
        subheading_rows=[[_unit_text(report), f"统计时间：{table.period}"]],
        footer_rows=_report_footer(report),
        landscape=True,
    )


def _unit_text(report: DailyWorkbook) -> str:
    """填报单位 with its 上级乡镇 beside it (a township's own sum names no township above)."""
    sig = report.signature
    if report.with_total or not sig.township.strip():
        return f"填报单位：{sig.unit_name}"
    return f"填报单位：{sig.unit_name}　　上级乡镇：{sig.township.strip()}"


def _report_footer(report: DailyWorkbook) -> list[list[str]]:
    """填报人 / 联系电话 / 审核人, then 报送时间 and 填报单位（盖章） over two blank rows that
    leave room for the seal."""
    sig = report.signature
    at = sig.filed_at or clock.now()
    day = sig.filed_on or at.date()
    sent = f"报送时间：{date_text(day)} {at:%H:%M}"
    return [signature_rows(sig)[0], [sent, "填报单位（盖章）："], [""], [""]]


def _list_sheet(
    people: PeopleBehind,
    title: str,
    what: str,
    columns: list[Column],
    rows: list[list[object]],
    unit: str = "人",
) -> SheetSpec:
    """A sheet listing what is behind the day's numbers: its heading, 填报单位 and the count."""
    from app.excel.workbook import SheetSpec

    sig = people.signature
    return SheetSpec(
        title=title,
        columns=columns,
        rows=rows,
        heading=f"{sig.unit_name}{what}（{date_text(people.day)}）",
        subheading_rows=[[f"填报单位：{sig.unit_name}", f"共 {len(rows)} {unit}"]],
        landscape=True,
    )


def _people_sheet(
    people: PeopleBehind,
    title: str,
    what: str,
    fields: Sequence[Field],
    lines: Iterable[Mapping[str, object]],
    place: Place,
) -> SheetSpec:
    """当日新增 / 当日解除: a column per registry field placed on the list, a row per person."""
    columns = [serial_column(5.5), *field_columns(fields, place=place)]
    return _list_sheet(people, title, what, columns, list(numbered_rows(fields, lines)))


def _anomalies_sheet(people: PeopleBehind) -> SheetSpec:
    from app.excel.workbook import Column

    columns = [
        Column("序号", "int", 5.5), Column("姓名"), Column("村民小组"), Column("异常类型"),
        Column("时段", width=6), Column("异常情况", width=24), Column("处置措施", width=24),
        Column("处置人"), Column("处置时间", "datetime"), Column("状态"),
        Column("处置结果", width=24),
    ]  # fmt: skip
    rows: list[list[object]] = [
        [i, a.name, a.group_name, a.kind, a.slot, a.observation, a.action, a.handled_by,
         a.handled_at, a.status, a.outcome]
        for i, a in enumerate(people.anomalies, start=1)
    ]  # fmt: skip
    return _list_sheet(people, "异常情况", "异常情况及处置", columns, rows, "条")
