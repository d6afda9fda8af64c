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

This module is imported by the services for its layout constants and DTOs, so openpyxl is only
imported inside the writing function.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app import clock

if TYPE_CHECKING:
    from app.excel.workbook import SheetSpec

__all__ = [
    "HEAD_LABELS",
    "SHEET_TITLE",
    "TAIL_LABELS",
    "TOTAL_LABEL",
    "ZERO_REPORT_LABELS",
    "AnomalyLine",
    "DailyTable",
    "DailyWorkbook",
    "EndedCaseLine",
    "NewCaseLine",
    "ReportDates",
    "Signature",
    "UnitLine",
    "daily_report_sheets",
    "date_text",
    "period_text",
    "read_dates",
    "report_title",
    "signature_rows",
    "write_daily_report",
]

SHEET_TITLE = "日报表"
TOTAL_LABEL = "合计"
#: Columns before the per-measure 在管 split.
HEAD_LABELS: tuple[str, ...] = ("序号", "单位", "累计排查", "当日新增排查", "在管人数")
#: Columns after it.
TAIL_LABELS: tuple[str, ...] = (
    "当日解除", "累计解除", "当日转运送医", "当日发热人数", "当日漏测人次", "包保未落实",
    "检查车辆", "检查人数", "劝返车辆", "劝返人数",
)  # fmt: skip
#: A report whose totals of these are all 0 is a 零报告 (every number is still written, as 0).
ZERO_REPORT_LABELS: tuple[str, ...] = (
    "当日新增排查", "当日发热人数", "当日转运送医", "劝返车辆", "劝返人数"
)  # fmt: skip

# The 统计时间 line spells the window out in full, as paper forms do:
# 2022年2月2日24:00至2月3日24:00.
_TITLE_DATE = re.compile(r"[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]")
_PERIOD = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}:\d{2})\s*至\s*"
    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}:\d{2})"
)


def date_text(day: date) -> str:
    """2022年2月3日 — the form printed on Chinese reports (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _clock(cutoff: time) -> str:
    # A midnight cut-off is written "24:00" on the day it closes, as the township asks for it.
    return "24:00" if cutoff == time(0, 0) else f"{cutoff.hour}:{cutoff.minute:02d}"


def period_text(day: date, cutoff: time) -> str:
    """The statistical window of ``day``: "2022年2月2日24:00至2月3日24:00" (or 15:00 to 15:00).

    The window closes on ``day`` at the cut-off and opens 24 hours earlier (see
    ``app.services.reference.day_window``); the year is repeated only when it changes.
    """
    opens = day - timedelta(days=1)
    end = f"{day.month}月{day.day}日" if day.year == opens.year else date_text(day)
    clock = _clock(cutoff)
    return f"{date_text(opens)}{clock}至{end}{clock}"


def report_title(unit_name: str, day: date, *, zero: bool) -> str:
    kind = "疫情防控零报告" if zero else "疫情防控日报表"
    return f"{unit_name}{kind}（{date_text(day)}）"


@dataclass(frozen=True)
class ReportDates:
    """The dates written above a report's table, as read back by the merge."""

    day: date | None  # from the title "（2022年2月3日）"
    period: str | None  # the 统计时间 window, normalised to the way period_text writes it
    period_day: date | None  # the day that window closes on (the report day)


def read_dates(text: str) -> ReportDates:
    """Find the title date and the 统计时间 window in the text above a report's header."""
    day = None
    found = _TITLE_DATE.search(text)
    if found:
        day = _safe_date(*(int(g) for g in found.groups()))
    window = _PERIOD.search(text)
    if not window:
        return ReportDates(day, None, None)
    y1, m1, d1, c1, y2, m2, d2, c2 = window.groups()
    opens = _safe_date(int(y1), int(m1), int(d1))
    year = int(y2) if y2 else int(y1) + (1 if int(m2) < int(m1) else 0)
    closes = _safe_date(year, int(m2), int(d2))
    if opens is None or closes is None:
        return ReportDates(day, None, None)
    end = f"{closes.month}月{closes.day}日" if closes.year == opens.year else date_text(closes)
    period = f"{date_text(opens)}{_norm_clock(c1)}至{end}{_norm_clock(c2)}"
    return ReportDates(day, period, closes)


def _norm_clock(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours)}:{minutes}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# DTOs: what the services hand over
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitLine:
    """One unit's row: its name and a count for every number column (label → value)."""

    unit: str
    counts: dict[str, int]


@dataclass
class DailyTable:
    """The numbers of one report day for one or more units, in the report's column layout."""

    day: date
    period: str  # "2022年2月2日24:00至2月3日24:00" (without the "统计时间：" prefix)
    measures: tuple[str, ...]  # 在管 split, in column order
    lines: list[UnitLine] = field(default_factory=list)

    @property
    def number_labels(self) -> list[str]:
        return [*HEAD_LABELS[2:], *self.measures, *TAIL_LABELS]

    @property
    def labels(self) -> list[str]:
        """The header row, exactly as written: 序号, 单位, … 劝返人数."""
        return [*HEAD_LABELS[:2], *self.number_labels]

    def values(self, line: UnitLine) -> list[int]:
        return [line.counts.get(label, 0) for label in self.number_labels]

    def total(self) -> list[int]:
        sums = [0] * len(self.number_labels)
        for line in self.lines:
            for i, v in enumerate(self.values(line)):
                sums[i] += v
        return sums

    def is_zero_report(self) -> bool:
        totals = dict(zip(self.number_labels, self.total(), strict=True))
        return all(totals[label] == 0 for label in ZERO_REPORT_LABELS)


@dataclass(frozen=True)
class Signature:
    """Who files the report (from the 填报单位 profile) and when."""

    unit_name: str
    reporter: str = ""
    phone: str = ""
    reviewer: str = ""
    filed_on: date | None = None  # 填报日期; None → today
    township: str = ""  # 上级乡镇, printed beside the unit on the daily report
    filed_at: datetime | None = None  # 报送时间 on the daily report; None → now


@dataclass(frozen=True)
class NewCaseLine:
    """当日新增排查 — one person registered on the day."""

    name: str
    sex: str | None
    id_number: str | None
    phone: str | None
    group_name: str | None
    address: str | None
    category: str
    measure: str
    origin: str | None
    arrival_date: date | None
    start_date: date
    planned_end: date | None


@dataclass(frozen=True)
class EndedCaseLine:
    """当日解除 / 转运送医 — one case whose management ended on the day, and why."""

    name: str
    id_number: str | None
    phone: str | None
    group_name: str | None
    measure: str
    start_date: date
    ended_on: date
    end_reason: str


@dataclass(frozen=True)
class AnomalyLine:
    """异常情况 — a fever, symptom or missed reading and what was done about it."""

    name: str
    group_name: str | None
    kind: str
    slot: str | None  # 上午 / 下午
    observation: str
    action: str | None
    handled_by: str | None
    handled_at: datetime | None
    status: str  # 已处置 / 处置中 / 未处置
    outcome: str | None


@dataclass
class DailyWorkbook:
    table: DailyTable
    signature: Signature
    new_cases: list[NewCaseLine] = field(default_factory=list)
    ended_cases: list[EndedCaseLine] = field(default_factory=list)
    anomalies: list[AnomalyLine] = field(default_factory=list)
    with_total: bool = False  # a township's merged report adds a 合计 row

    @property
    def title(self) -> str:
        return report_title(
            self.signature.unit_name, self.table.day, zero=self.table.is_zero_report()
        )


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


def daily_report_sheets(report: DailyWorkbook) -> list[SheetSpec]:
    sheets = [_report_sheet(report)]
    if not report.with_total:  # a village's own report; a merged one has no people to list
        sheets += [_new_cases_sheet(report), _ended_sheet(report), _anomalies_sheet(report)]
    return sheets


def signature_rows(sig: Signature) -> list[list[str]]:
    """The lines under every form's table: 填报人 / 联系电话 / 审核人, then 填报日期."""
    filed = sig.filed_on or clock.today()
    return [
        [f"填报人：{sig.reporter}", f"联系电话：{sig.phone}", f"审核人：{sig.reviewer}"],
        [f"填报日期：{date_text(filed)}"],
    ]


#: Words a count header starts with: the line break goes after them ("当日\n发热人数").
_HEADER_WORDS: tuple[str, ...] = ("当日新增", "当日", "累计", "在管", "检查", "劝返", "包保")
#: The narrowest count column (room for a five-digit township sum).
_COUNT_WIDTH = 7.5


def header_lines(label: str) -> str:
    """A count header on at most two lines, broken between words: "包保\n未落实"."""
    if len(label) <= 2:
        return label
    for word in _HEADER_WORDS:
        if label.startswith(word) and len(label) - len(word) >= 2:
            return f"{word}\n{label[len(word) :]}"
    # Chinese terms are mostly two-character words: break at the even position nearest the
    # middle ("居家健康\n监测", "集中隔离\n医学观察").
    middle = len(label) // 2
    cut = middle + (middle % 2) if len(label) - (middle + middle % 2) >= 2 else middle - middle % 2
    return f"{label[:cut]}\n{label[cut:]}" if 0 < cut < len(label) else label


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


def _detail_heading(report: DailyWorkbook, what: str) -> str:
    return f"{report.signature.unit_name}{what}（{date_text(report.table.day)}）"


def _count_row(report: DailyWorkbook, count: int, unit: str = "人") -> list[list[str]]:
    return [[f"填报单位：{report.signature.unit_name}", f"共 {count} {unit}"]]


def _new_cases_sheet(report: DailyWorkbook) -> SheetSpec:
    from app.excel.workbook import Column, SheetSpec

    columns = [
        Column("序号", "int", 5.5), Column("姓名"), Column("性别", width=5.5),
        Column("身份证号", mask="id"), Column("联系电话", mask="phone"), Column("村民小组"),
        Column("现住址"),
        Column("人员类别"), Column("管控措施"), Column("来源地"), Column("抵达日期", "date"),
        Column("开始日期", "date"), Column("计划解除日期", "date"),
    ]  # fmt: skip
    rows = [
        [i, c.name, c.sex, c.id_number, c.phone, c.group_name, c.address, c.category, c.measure,
         c.origin, c.arrival_date, c.start_date, c.planned_end]
        for i, c in enumerate(report.new_cases, start=1)
    ]  # fmt: skip
    return SheetSpec(
        title="当日新增",
        columns=columns,
        rows=rows,
        heading=_detail_heading(report, "当日新增排查人员名单"),
        subheading_rows=_count_row(report, len(rows)),
        landscape=True,
    )


def _ended_sheet(report: DailyWorkbook) -> SheetSpec:
    from app.excel.workbook import Column, SheetSpec

    columns = [
        Column("序号", "int", 5.5), Column("姓名"), Column("身份证号", mask="id"),
        Column("联系电话", mask="phone"), Column("村民小组"), Column("管控措施"),
        Column("开始日期", "date"),
        Column("结束日期", "date"), Column("结束原因"),
    ]  # fmt: skip
    rows = [
        [i, c.name, c.id_number, c.phone, c.group_name, c.measure, c.start_date, c.ended_on,
         c.end_reason]
        for i, c in enumerate(report.ended_cases, start=1)
    ]  # fmt: skip
    return SheetSpec(
        title="当日解除",
        columns=columns,
        rows=rows,
        heading=_detail_heading(report, "当日解除及转运人员名单"),
        subheading_rows=_count_row(report, len(rows)),
        landscape=True,
    )


def _anomalies_sheet(report: DailyWorkbook) -> SheetSpec:
    from app.excel.workbook import Column, SheetSpec

    columns = [
        Column("序号", "int", 5.5), Column("姓名"), Column("村民小组"), Column("异常类型"),
        Column("时段", width=6), Column("异常情况", width=24), Column("处置措施", width=24),
        Column("处置人"), Column("处置时间", "datetime"), Column("状态"),
        Column("处置结果", width=24),
    ]  # fmt: skip
    rows = [
        [i, a.name, a.group_name, a.kind, a.slot, a.observation, a.action, a.handled_by,
         a.handled_at, a.status, a.outcome]
        for i, a in enumerate(report.anomalies, start=1)
    ]  # fmt: skip
    return SheetSpec(
        title="异常情况",
        columns=columns,
        rows=rows,
        heading=_detail_heading(report, "异常情况及处置"),
        subheading_rows=_count_row(report, len(rows), "条"),
        landscape=True,
    )
