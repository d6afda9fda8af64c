"""Reading helpers for imports from county/township workbooks of unknown layout.

County systems and township clerks send lists whose header is rarely on row 1 (a merged title sits
above it), whose column names vary ("身份证号" / "身份证号码（必填）" / "证件号码"), and whose
formatted blank tail can reach Excel's last row.  :func:`open_table` finds the header by an anchor
cell (姓名), maps the columns it knows to canonical keys, and streams the rows as raw values; what a
value means (date written four ways, ID as number…) is decided by the importer, not here.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import warnings
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import Any

from app.excel.errors import ImportFileError
from app.excel.formula_guard import TEXT_MARK, unmarked
from app.excel.grid import Grid, GridSheet, UncachedFormula, open_grid, unreadable_message

__all__ = [
    "BLANK_ROWS_STOP",
    "HeaderMatch",
    "SheetRow",
    "TableRows",
    "UncachedFormula",
    "cell_text",
    "is_blank",
    "normalize_header",
    "open_table",
]

#: Reading stops after this many consecutive blank rows: county files often carry formatting
#: (borders, validation) down to row 1,048,576, which would otherwise be read cell by cell.
BLANK_ROWS_STOP = 50
#: Rows are pulled from openpyxl in chunks so warning suppression is not paid per row.
_CHUNK = 1000

_ZERO_WIDTH = "\u200b\ufeff\u200c\u200d\u2060"


# --------------------------------------------------------------------------------------------
# Cell helpers
# --------------------------------------------------------------------------------------------


def cell_text(value: object) -> str | None:
    """A raw cell value as trimmed text, or None when blank.

    Integral floats lose the ".0" (a phone typed as a number reads back as 13800138000.0);
    datetimes at midnight become a plain ISO date (Excel has no date-only type), other datetimes
    "YYYY-MM-DD HH:MM:SS"; booleans become 是/否 as the clerk means them in 是否 columns.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in _ZERO_WIDTH or text[-1:] in _ZERO_WIDTH:
            text = text.strip(_ZERO_WIDTH + " \t\r\n\u3000\xa0")
        if text[:1] == TEXT_MARK:  # our exports mark text that looks like a formula
            text = unmarked(text)
        return text or None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def is_blank(value: object) -> bool:
    """True for None and for strings holding only spaces (full-width and zero-width included)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip().strip(_ZERO_WIDTH + " \t\r\n\u3000\xa0")
    return False


# --------------------------------------------------------------------------------------------
# Header normalisation and matching
# --------------------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[\s" + _ZERO_WIDTH + r"]+")
# Notes that only tell the clerk how to fill the column; after NFKC "（" is "(".
_NOTE_BRACKET = re.compile(
    r"[(\[【〔<《]\*?(?:必填|选填|非必填|必须填写|必须|必录|选录|必输|选输|可选|可不填|可空|如有"
    r"|请填写|请选择|下拉选择|填写|注|备注|例|示例|格式|\*)[^)\]】〕>》]*[)\]】〕>》]"
)
_ANY_BRACKET = re.compile(
    r"\([^()]*\)|【[^【】]*】|\[[^\[\]]*\]|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》"
)
_EDGE_MARKS_LEFT = "*※★☆#"
_EDGE_MARKS_RIGHT = ":*※★☆"


def normalize_header(value: object) -> str:
    """Header text reduced to what identifies the column.

    Full-width → half-width, all whitespace removed (headers are often wrapped with Alt+Enter),
    filling notes such as "（必填）" / "(选填)" removed, and the "*" / "：" marks templates put
    around required fields stripped.  Brackets that carry meaning ("体温(上午)") are kept; the
    matcher falls back to a bracket-free form only when nothing matches exactly.
    """
    text = cell_text(value)
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _WHITESPACE.sub("", text)
    text = _NOTE_BRACKET.sub("", text)
    return text.lstrip(_EDGE_MARKS_LEFT).rstrip(_EDGE_MARKS_RIGHT)


def _bare(normalized: str) -> str:
    previous = None
    text = normalized
    while previous != text:  # nested brackets
        previous = text
        text = _ANY_BRACKET.sub("", text)
    return text.rstrip(_EDGE_MARKS_RIGHT) or normalized


@dataclass(frozen=True)
class _Header:
    index: int  # 0-based column
    label: str  # as in the file, line breaks removed
    full: str
    bare: str
    alternatives: tuple[str, ...] = ()  # group+name forms of a two-row header ("上午体温")


@dataclass
class _KeyMatcher:
    exact: set[str]
    bare: set[str]
    patterns: list[re.Pattern[str]]
    display: str  # how to name the column to the clerk when it is missing

    @classmethod
    def build(cls, key: str, names: Sequence[str]) -> _KeyMatcher:
        if isinstance(names, str):
            names = [names]
        exact: set[str] = set()
        bare: set[str] = set()
        patterns: list[re.Pattern[str]] = []
        plain: list[str] = []
        for name in names:
            if name.startswith("re:"):
                patterns.append(re.compile(name[3:]))
            else:
                norm = normalize_header(name)
                if norm:
                    exact.add(norm)
                    bare.add(_bare(norm))
                    plain.append(name)
        return cls(exact, bare, patterns, plain[0] if plain else key)


def _header_label(value: object) -> str:
    text = cell_text(value) or ""
    return re.sub(r"\s*[\r\n]+\s*", "", text)


# --------------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderMatch:
    """Where the table is and which file column feeds which canonical field."""

    sheet_name: str
    header_row: int  # Excel row number
    columns: dict[str, int]  # canonical key → 0-based column index (first part for joined keys)
    column_labels: dict[str, str]  # canonical key → header text as in the file ("/"-joined)
    unknown_headers: list[str]  # headers the importer does not use, to list to the clerk
    # canonical key → 0-based indexes of the parts concatenated for a joined field
    joined_columns: dict[str, tuple[int, ...]] = field(default_factory=dict)
    above: tuple[tuple[object, ...], ...] = ()  # rows above the header, as read
    # Set when several visible sheets hold a table: which one was read, for the clerk to see.
    notice: str | None = None
    candidates: tuple[str, ...] = ()  # every visible sheet holding a table (to offer a choice)


@dataclass(frozen=True)
class SheetRow:
    """One non-blank data row."""

    row: int  # Excel row number
    values: dict[str, object]  # canonical key → raw value; joined keys → concatenated str | None


class TableRows(Iterator[SheetRow]):
    """Lazy rows of an opened table; owns the open file.

    The file is closed when iteration ends, on :meth:`close`, on leaving a ``with`` block, or when
    the object is garbage-collected — so an importer that stops at the first bad row cannot leave
    the clerk's file locked on Windows.
    """

    def __init__(
        self,
        grid: Grid,
        source: Iterator[tuple[int, tuple[object, ...]]],
        width: int,
        direct: list[tuple[str, int]],
        joined: list[tuple[str, tuple[int, ...]]],
    ) -> None:
        self._grid: Grid | None = grid
        self._source = source
        self._buffer: deque[SheetRow] = deque()
        self._rows = self._produce(source, width, direct, joined)
        self._exhausted = False

    @staticmethod
    def _produce(
        source: Iterator[tuple[int, tuple[object, ...]]],
        width: int,
        direct: list[tuple[str, int]],
        joined: list[tuple[str, tuple[int, ...]]],
    ) -> Iterator[SheetRow]:
        used = sorted({i for _, i in direct} | {i for _, parts in joined for i in parts})
        blank_run = 0
        for row_number, values in source:
            raw = values + (None,) * (width - len(values)) if len(values) < width else values
            # Blank means blank in every column the importer reads: templates pre-number
            # 序号 hundreds of rows down, and those rows hold nothing to import.
            for i in used:
                v = raw[i]
                if v is not None and (v.__class__ is not str or not is_blank(v)):
                    break
            else:
                blank_run += 1
                if blank_run >= BLANK_ROWS_STOP:
                    return
                continue
            if _is_footer(raw):
                # Signature/total lines under the table are not people; treat them as
                # blank so a real blank tail after them still ends the read.
                blank_run += 1
                continue
            blank_run = 0
            row: dict[str, object] = {key: raw[i] for key, i in direct}
            for key, parts in joined:
                row[key] = _join_parts([cell_text(raw[i]) for i in parts])
            yield SheetRow(row_number, row)

    def _fill(self) -> None:
        # openpyxl warns about things the clerk cannot act on (unknown extensions, odd dates);
        # the test suite turns warnings into errors, and the UI has no place for them.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(_CHUNK):
                try:
                    self._buffer.append(next(self._rows))
                except StopIteration:
                    self._exhausted = True
                    break

    def __iter__(self) -> TableRows:
        return self

    def __next__(self) -> SheetRow:
        if not self._buffer:
            if not self._exhausted and self._grid is not None:
                try:
                    self._fill()
                except Exception as exc:
                    message = (
                        f"读取第 {self._last_row()} 行附近时出错：文件可能已损坏。"
                        "请在 Excel/WPS 中打开并另存为 .xlsx 后重试。"
                    )
                    self.close()
                    raise ImportFileError(message) from exc
            if not self._buffer:
                self.close()
                raise StopIteration
        return self._buffer.popleft()

    def _last_row(self) -> str:
        return str(self._buffer[-1].row) if self._buffer else "?"

    def close(self) -> None:
        """Release the file (safe to call more than once)."""
        self._buffer.clear()
        grid, self._grid = self._grid, None
        if grid is None:
            return
        try:
            self._rows.close()
            _close_iterator(self._source)
        finally:
            grid.close()

    def __enter__(self) -> TableRows:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


# Lines forms print under the table: "填报人：张三  审核人：李四", "注：…", "合计".
_FOOTER = re.compile(
    r"\s*(?:(?:填报|填表|制表|审核|负责|联系|报告|统计|签字|签名|盖章|单位|注|备注|说明)"
    r"[^\s:：]{0,6}[:：]|(?:合计|总计|小计)\s*$)"
)


def _is_footer(raw: tuple[object, ...]) -> bool:
    for v in raw:
        if v is not None:
            return isinstance(v, str) and _FOOTER.match(v) is not None
    return False


def _join_parts(parts: list[str | None]) -> str | None:
    """Concatenate address parts ("浙江省" + "温州市" + …) without repeating a prefix.

    Some systems repeat the full path in each level ("温州市" then "温州市鹿城区"), others
    give only the level; both read naturally when joined this way.
    """
    out = ""
    for part in parts:
        if not part:
            continue
        if part.startswith(out):
            out = part
        elif not out.endswith(part):
            out += part
    return out or None


# --------------------------------------------------------------------------------------------
# open_table
# --------------------------------------------------------------------------------------------


def open_table(
    path: Path,
    synonyms: Mapping[str, Sequence[str]],
    *,
    required: Sequence[str] = ("name",),
    anchor: str | Sequence[str] = "姓名",
    max_header_scan: int = 20,
    joined: Mapping[str, Sequence[str]] | None = None,
    sheet: str | None = None,
) -> tuple[HeaderMatch, TableRows]:
    """Find the table in ``path`` and return its header mapping and a lazy row iterator.

    ``path`` may be .xlsx, 97-2003 .xls or CSV, whatever its name (see :mod:`app.excel.grid`).
    The header row is the first row (within ``max_header_scan`` rows) holding a cell equal, after
    :func:`normalize_header`, to ``anchor`` (or any of several anchors). Sheets are searched the
    way the clerk sees the file: the sheet Excel opens on first, then the other visible ones;
    hidden sheets are never read (the clerk is told when the only table is on one), and when
    several sheets hold a table the one used is named in :attr:`HeaderMatch.notice`.

    A header of two rows (a merged group such as 证件信息 over 证件类型 / 证件号码, with 姓名
    merged down over both) is read as one: the lower row names the column, the upper one names
    it where the lower is empty and serves as its group.

    ``synonyms`` maps each canonical key to accepted header names; an entry starting with "re:"
    is a regular expression searched in the normalised header. Matching runs in three passes —
    exact, then ignoring bracketed parts, then regexes — and a column serves one key; within a
    pass the leftmost column wins. ``joined`` maps a key to header names whose non-empty values
    are concatenated when no column matches the key directly. ``sheet`` names the sheet to read
    (the clerk's choice among :attr:`HeaderMatch.candidates`); a hidden one is still refused.

    The returned :class:`TableRows` must be exhausted or closed (it is also closed on garbage
    collection); it skips blank rows and stops after :data:`BLANK_ROWS_STOP` of them in a row.
    Raises :class:`ImportFileError` for unreadable files, no header, or missing required columns.
    """
    path = Path(path)
    anchors = {normalize_header(anchor)} if isinstance(anchor, str) else set()
    if not isinstance(anchor, str):
        anchors = {normalize_header(a) for a in anchor}
    anchors.discard("")
    if not anchors:
        raise ValueError("open_table needs a non-empty anchor")

    # Built before the file is opened so a bad pattern fails as the programming error it is.
    matchers = {key: _KeyMatcher.build(key, names) for key, names in synonyms.items()}

    grid = open_grid(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = _find_header(grid, anchors, max_header_scan, anchor, sheet)
        match, direct, joined_plan = _match_headers(found, matchers, joined or {}, required)
    except ImportFileError:
        grid.close()
        raise
    except Exception as exc:
        # openpyxl parses sheets lazily, so damage can surface only now.
        grid.close()
        raise ImportFileError(unreadable_message(path)) from exc
    except BaseException:
        grid.close()
        raise
    rows = TableRows(grid, found.rest, len(found.labels), direct, joined_plan)
    return match, rows


@dataclass
class _FoundHeader:
    sheet_name: str
    header_row: int  # Excel row of the (lower) header row; data starts below it
    labels: list[object]  # one per column, a two-row header already folded into one
    alternatives: dict[int, tuple[str, ...]]  # column → group+name forms to match as well
    above: list[tuple[object, ...]]  # rows above the header (title, 填报单位, 测量日期 …)
    rest: Iterator[tuple[int, tuple[object, ...]]]  # (Excel row, values) below the header
    notice: str | None
    candidates: tuple[str, ...] = ()  # every visible sheet holding a table


def _find_header(
    grid: Grid,
    anchors: set[str],
    max_header_scan: int,
    anchor: str | Sequence[str],
    wanted_sheet: str | None = None,
) -> _FoundHeader:
    chosen: tuple[GridSheet, Iterator[tuple[object, ...]], list[tuple[object, ...]], int] | None
    chosen = None
    candidates: list[str] = []  # visible sheets holding a table, the one Excel opens on first
    hidden_hits: list[str] = []
    for sheet in [*grid.visible_in_order(), *(s for s in grid.sheets if s.hidden)]:
        source = sheet.rows()
        head = list(islice(source, max_header_scan + 1))
        at = _anchor_row(head[:max_header_scan], anchors)
        if at is not None and sheet.hidden:
            hidden_hits.append(sheet.name)
        elif at is not None:
            candidates.append(sheet.name)
            if chosen is None and wanted_sheet in (None, sheet.name):
                chosen = (sheet, source, head, at)
                continue
        _close_iterator(source)
    if chosen is None:
        if wanted_sheet is not None and wanted_sheet in hidden_hits:
            hidden_hits = [wanted_sheet]
        elif wanted_sheet is not None:
            raise ImportFileError(
                f"{grid.file_name} 中没有可读取的工作表「{wanted_sheet}」（或它的前 "
                f"{max_header_scan} 行没有表头）。"
            )
        raise ImportFileError(_no_header_message(grid, anchor, max_header_scan, hidden_hits))
    sheet, source, head, at = chosen
    notice = None
    if len(candidates) > 1 and wanted_sheet is None:
        names = "、".join(f"「{name}」" for name in candidates)
        notice = (
            f"{grid.file_name} 中有 {len(candidates)} 个工作表都有名单表头（{names}），"
            f"本次读取的是「{sheet.name}」（打开文件时显示的工作表）。"
            "如要导入其他工作表，请在导入窗口选择工作表，或在 Excel/WPS 中切换到那个工作表后保存。"
        )
    found = _fold_header(sheet.name, head, at, source, anchors, notice)
    found.candidates = tuple(candidates)
    return found


def _anchor_row(head: Sequence[tuple[object, ...]], anchors: set[str]) -> int | None:
    for index, values in enumerate(head):
        for v in values:
            if v is not None and normalize_header(v) in anchors:
                return index
    return None


def _close_iterator(source: Iterator[Any]) -> None:
    close = getattr(source, "close", None)
    if close is not None:
        close()


def _no_header_message(
    grid: Grid, anchor: str | Sequence[str], max_header_scan: int, hidden_hits: list[str]
) -> str:
    wanted = anchor if isinstance(anchor, str) else "”或“".join(anchor)
    if hidden_hits:
        names = "、".join(f"「{n}」" for n in hidden_hits)
        return (
            f"{grid.file_name} 中表头含“{wanted}”的工作表{names}是隐藏的，本软件不读取隐藏的"
            "工作表（以免导入不该导入的数据）。请在 Excel/WPS 中右键工作表标签 → 取消隐藏，"
            "保存后再导入；或把名单复制到可见的工作表。"
        )
    seen = [s.name + ("（隐藏）" if s.hidden else "") for s in grid.sheets]
    sheets = "、".join(f"「{t}」" for t in seen) or "（没有工作表）"
    return (
        f"在 {grid.file_name} 中没有找到表头含“{wanted}”的工作表（只查看每个工作表的前 "
        f"{max_header_scan} 行）。文件中的工作表：{sheets}。请确认选择的是正确的名单文件。"
    )


def _fold_header(
    sheet_name: str,
    head: list[tuple[object, ...]],
    at: int,
    source: Iterator[tuple[object, ...]],
    anchors: set[str],
    notice: str | None,
) -> _FoundHeader:
    """The header at ``head[at]``, folded with the row below or above when it is a two-row one."""
    anchor_row = head[at]
    anchor_col = next(
        i for i, v in enumerate(anchor_row) if v is not None and normalize_header(v) in anchors
    )
    upper: tuple[object, ...] | None = None
    lower = anchor_row
    last = at
    below = head[at + 1] if at + 1 < len(head) else None
    if below is not None and _continues_header(anchor_row, below, anchor_col):
        upper, lower, last = anchor_row, below, at + 1
    elif at > 0 and _groups_header(head[at - 1], anchor_row):
        upper = head[at - 1]
    first = last - (1 if upper is not None else 0)
    labels, alternatives = _fold(upper, lower)

    def rest() -> Iterator[tuple[int, tuple[object, ...]]]:
        number = last + 1
        for values in chain(head[last + 1 :], source):
            number += 1
            yield number, values

    rows = rest()
    return _FoundHeader(
        sheet_name, last + 1, labels, alternatives, head[:first], _Closing(rows, source), notice
    )


class _Closing(Iterator[tuple[int, tuple[object, ...]]]):
    """Rows below the header that also close the sheet's reader when closed early."""

    def __init__(self, rows: Iterator[tuple[int, tuple[object, ...]]], source: Iterator[Any]):
        self._rows = rows
        self._source = source

    def __next__(self) -> tuple[int, tuple[object, ...]]:
        return next(self._rows)

    def close(self) -> None:
        _close_iterator(self._rows)
        _close_iterator(self._source)


def _text_cells(values: Sequence[object]) -> dict[int, str]:
    return {i: t for i, v in enumerate(values) if (t := _header_label(v))}


def _continues_header(
    header: tuple[object, ...], below: tuple[object, ...], anchor_col: int
) -> bool:
    """The row under the anchor row is a second header row, not the first person.

    It is when the anchor column (姓名, merged down) is empty there, it holds only text, and some
    of that text sits under an empty header cell — the tail of a merged group label.
    """
    if anchor_col < len(below) and not is_blank(below[anchor_col]):
        return False
    cells = {i: v for i, v in enumerate(below) if not is_blank(v)}
    if not cells or not all(isinstance(v, str) for v in cells.values()):
        return False
    named = _text_cells(header)
    return any(i not in named for i in cells)


def _groups_header(above: tuple[object, ...], header: tuple[object, ...]) -> bool:
    """The row above the anchor row is a group row (基本信息 / 证件信息 over their columns).

    A title or a "填报单位：…" line is not: a group row has several cells, none of them a
    "label：value" pair, and names a column the header row leaves empty (merged down over both).
    """
    groups = _text_cells(above)
    if len(groups) < 2 or any(":" in t or "：" in t for t in groups.values()):
        return False
    named = _text_cells(header)
    return any(i not in named for i in groups)


_GROUP_SUFFIX = re.compile(r"(?:信息|情况|资料|详情)$")


def _grouped_names(group: str, name: str) -> tuple[str, ...]:
    """How a column under a group can be named in full: 证件信息 + 号码 → 证件号码,
    体温 + 上午 → 上午体温."""
    stem = _GROUP_SUFFIX.sub("", group)
    names = [group + name, name + group]
    if stem and stem != group:
        names += [stem + name, name + stem]
    return tuple(names)


def _fold(
    upper: tuple[object, ...] | None, lower: tuple[object, ...]
) -> tuple[list[object], dict[int, tuple[str, ...]]]:
    if upper is None:
        return list(lower), {}
    width = max(len(upper), len(lower))
    labels: list[object] = []
    alternatives: dict[int, tuple[str, ...]] = {}
    group: str | None = None
    for i in range(width):
        top = _header_label(upper[i]) if i < len(upper) else ""
        name = _header_label(lower[i]) if i < len(lower) else ""
        if top:
            group = top
        elif not name:
            group = None
        if name:
            labels.append(name)
            if group and group != name:
                alternatives[i] = _grouped_names(group, name)
        else:
            labels.append(top or None)
    return labels, alternatives


def _match_headers(
    found: _FoundHeader,
    matchers: Mapping[str, _KeyMatcher],
    joined: Mapping[str, Sequence[str]],
    required: Sequence[str],
) -> tuple[HeaderMatch, list[tuple[str, int]], list[tuple[str, tuple[int, ...]]]]:
    sheet_name, header_row = found.sheet_name, found.header_row
    headers: list[_Header] = []
    for index, value in enumerate(found.labels):
        full = normalize_header(value)
        if full:
            alternatives = tuple(normalize_header(a) for a in found.alternatives.get(index, ()))
            headers.append(_Header(index, _header_label(value), full, _bare(full), alternatives))

    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    claimed: set[int] = set()

    def run_pass(test: Any) -> None:
        for key, matcher in matchers.items():
            if key in columns:
                continue
            for h in headers:
                if h.index not in claimed and test(matcher, h):
                    columns[key] = h.index
                    labels[key] = h.label
                    claimed.add(h.index)
                    break

    # Exact names first so a loose match ("体温" for "体温(上午)", or a regex) can never take a
    # column another key names exactly.
    # Under a group the joined name is the more specific one: 证件信息 over 类型 is 证件类型,
    # which must not go to 类型 (人员类别) just because that pass came first.
    run_pass(lambda m, h: any(a in m.exact for a in h.alternatives))
    run_pass(lambda m, h: h.full in m.exact)
    run_pass(lambda m, h: h.bare in m.bare)
    run_pass(lambda m, h: any(p.search(h.full) or p.search(h.bare) for p in m.patterns))

    joined_plan: list[tuple[str, tuple[int, ...]]] = []
    joined_columns: dict[str, tuple[int, ...]] = {}
    joined_display: dict[str, str] = {}
    used_by_joined: set[int] = set()
    for key, names in joined.items():
        joined_display[key] = "/".join(names)
        if key in columns:
            continue  # a direct column wins over assembling the parts
        parts: list[_Header] = []
        for name in names:
            part = _find_part(headers, name)
            if part is not None and part not in parts:
                parts.append(part)
        if parts:
            indexes = tuple(p.index for p in parts)
            joined_plan.append((key, indexes))
            joined_columns[key] = indexes
            columns[key] = indexes[0]
            labels[key] = "/".join(p.label for p in parts)
            used_by_joined.update(indexes)

    missing = [key for key in required if key not in columns]
    if missing:
        names = []
        for key in missing:
            if key in matchers:
                names.append(f"“{matchers[key].display}”")
            elif key in joined_display:
                names.append(f"“{joined_display[key]}”")
            else:
                names.append(f"“{key}”")
        present = "、".join(h.label for h in headers[:30])
        raise ImportFileError(
            f"工作表「{sheet_name}」第 {header_row} 行的表头中缺少必需的列：{'、'.join(names)}。"
            f"表头现有：{present}。请把对应列的标题改成上述名称后重新导入。"
        )

    used = claimed | used_by_joined
    unknown = [h.label for h in headers if h.index not in used]
    direct = [(key, index) for key, index in columns.items() if key not in joined_columns]
    match = HeaderMatch(
        sheet_name=sheet_name,
        header_row=header_row,
        columns=columns,
        column_labels=labels,
        unknown_headers=unknown,
        joined_columns=joined_columns,
        above=tuple(found.above),
        notice=found.notice,
        candidates=found.candidates,
    )
    return match, direct, joined_plan


def _find_part(headers: Sequence[_Header], name: str) -> _Header | None:
    norm = normalize_header(name)
    if not norm:
        return None
    for h in headers:
        if h.full == norm:
            return h
    bare = _bare(norm)
    for h in headers:
        if h.bare == bare:
            return h
    return None
