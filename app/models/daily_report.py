"""日报表 / 零报告 as the domain sees it: the numbers of a report day in the report's column
layout, its title and dates, the people behind the numbers, and a township's sum of many reports.

The services fill these; ``app.excel.daily_report`` lays them out in a workbook and
``app.excel.merge`` reads them back from one; the GUI previews them. They are plain data and
text — no workbook, no database — so they live below all three.

The people behind the numbers: a 当日新增 or 当日解除 line is a mapping keyed by field of the
person/case registry (``app.models.fields``), holding the fields placed in ``Place.NEW_CASES`` or
``Place.ENDED_CASES``; a field given that place is listed on the sheet with no code here. None of
their columns is structural (the services choose and order the people; the lists only print them).
An :class:`AnomalyLine` stays a class of its own: its columns are the anomaly's (异常类型, 处置 …),
which no record type of the registry declares, and only its 姓名 and 村民小组 name the person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app.models.fields import PERSON_CASE, Field, Place

TOTAL_LABEL = "合计"
#: Columns before the per-measure 在管 split.
HEAD_LABELS: tuple[str, ...] = ("序号", "单位", "累计排查", "当日新增排查", "在管人数")
#: Columns after it.
TAIL_LABELS: tuple[str, ...] = (
    "当日解除", "累计解除", "当日转运送医", "当日发热人数", "当日漏测人次", "包保未落实",
    "检查车辆", "检查人数", "劝返车辆", "劝返人数",
)  # fmt: skip
#: 核酸检测 columns, after the tail, only when the setting ``daily_report_tests`` is on (off by
#: default: a township's existing layout stays exactly as it was); the merge sums them when present.
TEST_LABELS: tuple[str, ...] = ("当日应检", "当日已检", "当日阳性")
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


# --- what the services hand over ------------------------------------------------------------------


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
    extras: tuple[str, ...] = ()  # TEST_LABELS when the report carries them, else none

    @property
    def number_labels(self) -> list[str]:
        return [*HEAD_LABELS[2:], *self.measures, *TAIL_LABELS, *self.extras]

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


#: 当日新增排查 — the columns of the list of people registered on the day, in registry order.
NEW_CASE_FIELDS: tuple[Field, ...] = PERSON_CASE.placed(Place.NEW_CASES)
#: 当日解除 / 转运送医 — the columns of the list of cases ended on the day (结束日期, 结束原因 …).
ENDED_CASE_FIELDS: tuple[Field, ...] = PERSON_CASE.placed(Place.ENDED_CASES)

#: One person registered on the day: a value per field of :data:`NEW_CASE_FIELDS`.
NewCaseLine = Mapping[str, object]
#: One case whose management ended on the day: a value per field of :data:`ENDED_CASE_FIELDS`.
EndedCaseLine = Mapping[str, object]


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


@dataclass(frozen=True)
class PeopleBehind:
    """A village's day's lists of people (当日新增, 当日解除, 异常情况), which need no count:
    the export writes them while the day is being counted."""

    signature: Signature
    day: date
    new_cases: Sequence[NewCaseLine] = ()
    ended_cases: Sequence[EndedCaseLine] = ()
    anomalies: Sequence[AnomalyLine] = ()
    new_case_fields: Sequence[Field] = NEW_CASE_FIELDS
    ended_case_fields: Sequence[Field] = ENDED_CASE_FIELDS

    @classmethod
    def of(cls, report: DailyWorkbook) -> PeopleBehind:
        return cls(
            report.signature,
            report.table.day,
            report.new_cases,
            report.ended_cases,
            report.anomalies,
            report.new_case_fields,
            report.ended_case_fields,
        )


@dataclass
class DailyWorkbook:
    table: DailyTable
    signature: Signature
    new_cases: list[NewCaseLine] = field(default_factory=list)
    ended_cases: list[EndedCaseLine] = field(default_factory=list)
    anomalies: list[AnomalyLine] = field(default_factory=list)
    with_total: bool = False  # a township's merged report adds a 合计 row
    # The lists' columns (the registry's, unless a new field is being tried out).
    new_case_fields: Sequence[Field] = NEW_CASE_FIELDS
    ended_case_fields: Sequence[Field] = ENDED_CASE_FIELDS

    @property
    def title(self) -> str:
        return report_title(
            self.signature.unit_name, self.table.day, zero=self.table.is_zero_report()
        )


# --- how the GUI and the workbook break a header ------------------------------------------------

#: Words a count header starts with: the line break goes after them ("当日\n发热人数").
_HEADER_WORDS: tuple[str, ...] = ("当日新增", "当日", "累计", "在管", "检查", "劝返", "包保")


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


# --- a township's sum of its villages' reports ----------------------------------------------------


@dataclass(frozen=True)
class ReportFile:
    """One daily report as read from a file."""

    path: Path
    table: DailyTable  # this file's units and measures

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class MergePreview:
    """The files, and the table they sum to (a row per unit; ``table.total()`` is 合计)."""

    files: list[ReportFile]
    table: DailyTable
    source_of: dict[str, Path] = field(default_factory=dict)  # unit → the file it came from
