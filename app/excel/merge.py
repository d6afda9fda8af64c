"""乡镇汇总 — read villages' daily reports back and sum them into one 日报表 with a 合计 row.

The reader accepts exactly the layout :mod:`app.excel.daily_report` writes: it finds the header
row by 序号/单位, checks every fixed label is where it belongs (the 管控措施 columns between
在管人数 and 当日解除 may differ from village to village), reads each unit's row and takes the
day from the title or the 统计时间 line. Rows labelled 合计 are skipped, so a township's merged
file can be merged again by the county.

Whatever cannot be summed safely is refused with the file named: a different day or 统计时间, a
header that is not the daily report's, a number that is not a whole number, the same unit twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from app.excel.daily_report import SHEET_TITLE
from app.excel.errors import ImportFileError
from app.excel.grid import UncachedFormula
from app.models.daily_report import (
    HEAD_LABELS,
    TAIL_LABELS,
    TOTAL_LABEL,
    DailyTable,
    MergePreview,
    ReportFile,
    UnitLine,
    date_text,
    read_dates,
)
from app.models.problems import FORMULA_WITHOUT_RESULT

__all__ = ["merge_files", "read_daily_report"]

#: The header is looked for in this many rows from the top (title, 填报单位 line, header).
HEADER_SCAN_ROWS = 20
#: A township has tens of villages, a county a few hundred units; anything beyond is not a report.
MAX_UNIT_ROWS = 5_000


# --------------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------------


def _label(value: object) -> str:
    from app.excel.sheet_reader import normalize_header

    return normalize_header(value)


def _text(value: object) -> str | None:
    from app.excel.sheet_reader import cell_text

    return cell_text(value)


def _expected_layout() -> str:
    return "、".join([*HEAD_LABELS, "（各管控措施）", *TAIL_LABELS])


def _check_header(name: str, row_number: int, labels: list[str]) -> tuple[str, ...]:
    """The measure labels between 在管人数 and 当日解除, or ImportFileError naming the file."""
    while labels and not labels[-1]:
        labels.pop()
    head, tail = len(HEAD_LABELS), len(TAIL_LABELS)
    measures = tuple(labels[head : len(labels) - tail]) if len(labels) >= head + tail else ()
    fixed = set(HEAD_LABELS) | set(TAIL_LABELS)
    if (
        len(labels) < head + tail
        or tuple(labels[:head]) != HEAD_LABELS
        or tuple(labels[len(labels) - tail :]) != TAIL_LABELS
        or any(not m or m in fixed for m in measures)
        or len(set(measures)) != len(measures)
    ):
        found = "、".join(label or "（空）" for label in labels)
        raise ImportFileError(
            f"{name} 的表头与日报表格式不一致，不能汇总。"
            f"第 {row_number} 行应为：{_expected_layout()}；"
            f"实为：{found}。请使用本软件导出的日报表，不要增删或改动表头。"
        )
    return measures


_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _whole_number(name: str, row_number: int, column: int, label: str, value: object) -> int:
    """A count cell as a whole number, or ImportFileError naming the cell and what is wrong."""
    cell = f"{name} 第 {row_number} 行「{label}」"
    at = _CellAddress(row_number, column)
    if isinstance(value, UncachedFormula):
        raise ImportFileError(f"{cell}（单元格 {at}）{FORMULA_WITHOUT_RESULT}，不能汇总。")
    if isinstance(value, bool):
        raise ImportFileError(f"{cell}应为整数，实为“{_text(value)}”（单元格 {at}），不能汇总。")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ImportFileError(f"{cell}应为整数，实为小数 {value:g}（单元格 {at}），不能汇总。")
        number = int(value)
    else:
        text = _text(value)
        if text is None:
            raise ImportFileError(
                f"{cell}是空的（单元格 {at}），不能汇总。没有的数字也要填 0（零报告同样要填 0）。"
            )
        plain = text.translate(_FULL_WIDTH_DIGITS)
        if not _ASCII_DIGITS.fullmatch(plain):
            why = _why_not_digits(text)
            raise ImportFileError(f"{cell}应为整数，实为“{text}”（单元格 {at}）{why}，不能汇总。")
        number = int(plain)
    if number < 0:
        raise ImportFileError(f"{cell}是负数（{number}，单元格 {at}），不能汇总。")
    return number


@dataclass(frozen=True)
class _CellAddress:
    """A cell's Excel address (D4), worked out only when a message needs it."""

    row: int
    column: int  # 1-based

    def __str__(self) -> str:
        from openpyxl.utils import get_column_letter  # only on the error path

        return f"{get_column_letter(self.column)}{self.row}"


def _why_not_digits(text: str) -> str:
    """Why text that looks numeric is not a count (² passes str.isdigit but is no number)."""
    odd = next((ch for ch in text if not ("0" <= ch <= "9" or "０" <= ch <= "９")), None)
    if odd is None:
        return ""
    if odd.isdigit() or odd.isnumeric():
        return f"，其中“{odd}”是上标、圈号等特殊数字符号，不是普通数字"
    if odd in ".．":
        return "，不是整数"
    if odd in "-－":
        return "，不能是负数或带横线"
    return f"，其中“{odd}”不是数字"


def read_daily_report(path: Path) -> ReportFile:
    """Read one village's (or township's) daily report; rows labelled 合计 are skipped.

    Any format the imports read (.xlsx, .xls, CSV) is accepted; the 日报表 sheet is used, else
    the sheet Excel opens on — never a hidden one.
    """
    import warnings

    from app.excel.grid import open_grid, unreadable_message  # same checks as the imports

    path = Path(path)
    name = path.name
    with open_grid(path) as grid:
        visible = grid.visible_in_order()
        if not visible:
            raise ImportFileError(f"{name} 中没有可见的工作表，不能汇总。")
        sheet = next((s for s in visible if s.name == SHEET_TITLE), visible[0])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's notes about styles mean nothing here
                rows = islice(sheet.rows(), HEADER_SCAN_ROWS + MAX_UNIT_ROWS)
                return _read_rows(path, rows)
        except ImportFileError:
            raise
        except Exception as exc:  # openpyxl parses lazily: damage shows up while reading rows
            raise ImportFileError(unreadable_message(path)) from exc


def _read_rows(path: Path, rows: Iterable[tuple[object, ...]]) -> ReportFile:
    name = path.name
    above: list[str] = []
    header_row = 0
    labels: list[str] = []
    for number, values in enumerate(rows, start=1):
        if number > HEADER_SCAN_ROWS:
            break
        if len(values) >= 2 and _label(values[0]) == "序号" and _label(values[1]) == "单位":
            header_row = number
            labels = [_label(v) for v in values]
            break
        above.extend(t for t in (_text(v) for v in values) if t)
    if not header_row:
        raise ImportFileError(
            f"{name} 中没有找到日报表的表头（以“序号”“单位”开头的一行，只查看前 "
            f"{HEADER_SCAN_ROWS} 行）。请确认选择的是本软件导出的日报表。"
        )
    measures = _check_header(name, header_row, labels)
    number_labels = [*HEAD_LABELS[2:], *measures, *TAIL_LABELS]

    day = _report_day(name, "\n".join(above))
    lines: list[UnitLine] = []
    seen: set[str] = set()
    for number, values in enumerate(rows, start=header_row + 1):
        cells = list(values) + [None] * (len(labels) - len(values))
        unit = _text(cells[1])
        if unit is None:
            break  # the signature lines (填报人 …) sit in merged cells starting in column A
        if unit == TOTAL_LABEL or _text(cells[0]) == TOTAL_LABEL:
            continue
        if unit in seen:
            raise ImportFileError(f"{name} 中「{unit}」出现了两次，不能汇总。请删去重复的行。")
        seen.add(unit)
        counts = {
            label: _whole_number(name, number, 3 + i, label, cells[2 + i])
            for i, label in enumerate(number_labels)
        }
        lines.append(UnitLine(unit, counts))
    if not lines:
        raise ImportFileError(f"{name} 的表头下面没有任何单位的数据行，不能汇总。")
    return ReportFile(path, DailyTable(day.day, day.period, measures, lines))


@dataclass(frozen=True)
class _Day:
    day: date
    period: str


def _report_day(name: str, text: str) -> _Day:
    dates = read_dates(text)
    day = dates.day or dates.period_day
    if day is None:
        raise ImportFileError(
            f"{name} 的标题和“统计时间”中都读不出日期（应如“（2022年2月3日）”），不能汇总。"
        )
    if dates.day and dates.period_day and dates.day != dates.period_day:
        raise ImportFileError(
            f"{name} 的标题日期（{date_text(dates.day)}）与统计时间（{dates.period}）不一致，"
            "不能汇总。请重新导出这个日报表。"
        )
    return _Day(day, dates.period or "")


# --------------------------------------------------------------------------------------------
# Merging
# --------------------------------------------------------------------------------------------


def _union_measures(files: Sequence[ReportFile]) -> tuple[str, ...]:
    """Every measure column, each file's own order kept: a new one goes after its predecessor."""
    merged: list[str] = []
    for report in files:
        previous: str | None = None
        for measure in report.table.measures:
            if measure not in merged:
                at = merged.index(previous) + 1 if previous is not None else 0
                # Past any measures already placed after the predecessor by earlier files.
                while at < len(merged) and merged[at] not in report.table.measures:
                    at += 1
                merged.insert(at, measure)
            previous = measure
    return tuple(merged)


def merge_files(paths: Sequence[Path]) -> MergePreview:
    """Read and check every file; ImportFileError names the file that cannot be summed."""
    if not paths:
        raise ImportFileError("请至少选择一个日报表文件。")
    files: list[ReportFile] = []
    seen_paths: dict[Path, Path] = {}
    source_of: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        key = path.resolve()
        if key in seen_paths:
            raise ImportFileError(f"{path.name} 被选择了两次，请去掉重复的文件。")
        seen_paths[key] = path
        report = read_daily_report(path)
        if files:
            first = files[0]
            if report.table.day != first.table.day:
                raise ImportFileError(
                    f"{report.name} 是 {date_text(report.table.day)} 的日报表，与 {first.name}"
                    f"（{date_text(first.table.day)}）日期不同，不能汇总。"
                )
            if (
                report.table.period
                and first.table.period
                and report.table.period != first.table.period
            ):
                raise ImportFileError(
                    f"{report.name} 的统计时间（{report.table.period}）与 {first.name}"
                    f"（{first.table.period}）不同，不能汇总。请各单位使用相同的统计截止时间。"
                )
        for line in report.table.lines:
            if line.unit in source_of:
                raise ImportFileError(
                    f"「{line.unit}」在 {source_of[line.unit].name} 和 {report.name} 中都出现了，"
                    "同一单位不能汇总两次。请去掉重复的文件。"
                )
            source_of[line.unit] = path
        files.append(report)
    period = next((f.table.period for f in files if f.table.period), "")
    table = DailyTable(
        day=files[0].table.day,
        period=period,
        measures=_union_measures(files),
        lines=[line for f in files for line in f.table.lines],
    )
    return MergePreview(files, table, source_of)
