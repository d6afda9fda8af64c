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
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from app.excel.errors import ImportFileError

__all__ = [
    "BLANK_ROWS_STOP",
    "HeaderMatch",
    "SheetRow",
    "TableRows",
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

_CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, .et, encrypted xlsx
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
        workbook: Any,
        handle: IO[bytes],
        worksheet: Any,
        header_row: int,
        width: int,
        direct: list[tuple[str, int]],
        joined: list[tuple[str, tuple[int, ...]]],
    ) -> None:
        self._workbook = workbook
        self._handle: IO[bytes] | None = handle
        self._buffer: deque[SheetRow] = deque()
        self._rows = self._produce(worksheet, header_row, width, direct, joined)
        self._exhausted = False

    @staticmethod
    def _produce(
        ws: Any,
        header_row: int,
        width: int,
        direct: list[tuple[str, int]],
        joined: list[tuple[str, tuple[int, ...]]],
    ) -> Iterator[SheetRow]:
        used = sorted({i for _, i in direct} | {i for _, parts in joined for i in parts})
        source = ws.iter_rows(min_row=header_row + 1, max_col=width, values_only=True)
        blank_run = 0
        row_number = header_row
        try:
            for raw in source:
                row_number += 1
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
                values: dict[str, object] = {key: raw[i] for key, i in direct}
                for key, parts in joined:
                    values[key] = _join_parts([cell_text(raw[i]) for i in parts])
                yield SheetRow(row_number, values)
        finally:
            source.close()

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
            if not self._exhausted and self._handle is not None:
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
        if self._handle is None:
            return
        try:
            self._rows.close()
        finally:
            try:
                self._workbook.close()
            finally:
                self._handle.close()
                self._handle = None

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
# Opening a file
# --------------------------------------------------------------------------------------------


def _open_workbook(path: Path) -> tuple[Any, IO[bytes]]:
    name = path.name
    if not path.exists():
        raise ImportFileError(f"找不到文件：{path}。请确认文件没有被移动或删除。")
    if path.is_dir():
        raise ImportFileError(f"{name} 是文件夹，请选择一个 Excel 文件。")
    try:
        handle = open(path, "rb")  # noqa: SIM115 — handed to TableRows, which closes it
    except PermissionError as exc:
        raise ImportFileError(
            f"无法打开 {name}：文件可能正在被其他程序占用，或没有读取权限。请关闭文件后重试。"
        ) from exc
    except OSError as exc:
        raise ImportFileError(f"无法打开 {name}：{exc.strerror or exc}。") from exc
    try:
        head = handle.read(8)
        handle.seek(0)
        _check_signature(path, head)
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                # A file object, not the path: openpyxl refuses names not ending in .xlsx, but
                # clerks' files are often renamed ("名单.xlsx.xls", no extension at all).
                workbook = load_workbook(handle, read_only=True, data_only=True)
            except Exception as exc:
                raise ImportFileError(_unreadable_message(path)) from exc
    except BaseException:
        handle.close()
        raise
    return workbook, handle


def _check_signature(path: Path, head: bytes) -> None:
    name = path.name
    suffix = path.suffix.lower()
    if not head:
        raise ImportFileError(f"{name} 是空文件（0 字节），可能没有下载或拷贝完整。")
    if head == _CFB_SIGNATURE:
        if _is_encrypted_ooxml(path):
            raise ImportFileError(
                f"{name} 设置了打开密码，无法读取。请在 Excel/WPS 中打开，取消密码"
                "（文件 → 信息/文档加密 → 清除密码）并保存后再导入。"
            )
        raise ImportFileError(
            f"{name} 是旧版 Excel 97-2003（.xls）或 WPS（.et）格式，本软件只能读取 .xlsx。"
            "请在 Excel/WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。"
        )
    if head[:2] != b"PK":
        if suffix in (".xls", ".et", ".htm", ".html") or head.lstrip()[:1] == b"<":
            # County systems often export an HTML table named .xls.
            raise ImportFileError(
                f"{name} 不是真正的 .xlsx 文件（可能是系统导出的旧版 .xls 或网页表格）。"
                "请在 Excel/WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。"
            )
        if suffix in (".csv", ".txt"):
            raise ImportFileError(
                f"{name} 是文本（CSV）文件。请在 Excel/WPS 中打开，另存为 .xlsx 后再导入。"
            )
        raise ImportFileError(
            f"{name} 不是 Excel（.xlsx）文件，无法导入。请选择 .xlsx 格式的名单。"
        )


def _is_encrypted_ooxml(path: Path) -> bool:
    try:
        import olefile
    except ImportError:
        # Without olefile guess from the name: an encrypted .xlsx keeps its extension.
        return path.suffix.lower() in (".xlsx", ".xlsm")
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return bool(ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"))
    except Exception:
        return False


def _unreadable_message(path: Path) -> str:
    name = path.name
    if path.suffix.lower() in (".xlsb", ".ods", ".numbers"):
        return (
            f"{name} 不是本软件能读取的格式。"
            "请在 Excel/WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。"
        )
    return (
        f"无法读取 {name}：文件已损坏，或不是 Excel 工作簿。"
        "请在 Excel/WPS 中打开确认内容，另存为 .xlsx 后再导入。"
    )


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
) -> tuple[HeaderMatch, TableRows]:
    """Find the table in ``path`` and return its header mapping and a lazy row iterator.

    The header row is the first row (within ``max_header_scan`` rows of the first sheet that has
    one) holding a cell equal, after :func:`normalize_header`, to ``anchor`` (or any of several
    anchors).  ``synonyms`` maps each canonical key to accepted header names; an entry starting
    with "re:" is a regular expression searched in the normalised header.  Matching runs in three
    passes — exact, then ignoring bracketed parts, then regexes — and a column serves one key;
    within a pass the leftmost column wins.  ``joined`` maps a key to header names whose
    non-empty values are concatenated when no column matches the key directly.

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

    workbook, handle = _open_workbook(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ws, header_row, header_values = _find_header(
                workbook, path, anchors, max_header_scan, anchor
            )
        match, direct, joined_plan = _match_headers(
            ws.title, header_row, header_values, matchers, joined or {}, required
        )
    except ImportFileError:
        _close_quietly(workbook, handle)
        raise
    except Exception as exc:
        # openpyxl parses sheets lazily, so damage can surface only now.
        _close_quietly(workbook, handle)
        raise ImportFileError(_unreadable_message(path)) from exc
    except BaseException:
        _close_quietly(workbook, handle)
        raise
    rows = TableRows(workbook, handle, ws, header_row, len(header_values), direct, joined_plan)
    return match, rows


def _close_quietly(workbook: Any, handle: IO[bytes]) -> None:
    try:
        workbook.close()
    except Exception:
        pass
    finally:
        handle.close()


def _find_header(
    workbook: Any,
    path: Path,
    anchors: set[str],
    max_header_scan: int,
    anchor: str | Sequence[str],
) -> tuple[Any, int, tuple[object, ...]]:
    seen: list[str] = []
    for ws in workbook.worksheets:
        seen.append(ws.title)
        # Some generators write a wrong <dimension> (e.g. "A1"), which would make read-only
        # mode stop after one row; ignore it and read what is really there.
        ws.reset_dimensions()
        rows = ws.iter_rows(min_row=1, max_row=max_header_scan, values_only=True)
        try:
            for number, values in enumerate(rows, 1):
                for v in values:
                    if v is not None and normalize_header(v) in anchors:
                        return ws, number, values
        finally:
            rows.close()
    wanted = anchor if isinstance(anchor, str) else "”或“".join(anchor)
    sheets = "、".join(f"「{t}」" for t in seen) or "（没有工作表）"
    raise ImportFileError(
        f"在 {path.name} 中没有找到表头含“{wanted}”的工作表（只查看每个工作表的前 "
        f"{max_header_scan} 行）。文件中的工作表：{sheets}。请确认选择的是正确的名单文件。"
    )


def _match_headers(
    sheet_name: str,
    header_row: int,
    header_values: Sequence[object],
    matchers: Mapping[str, _KeyMatcher],
    joined: Mapping[str, Sequence[str]],
    required: Sequence[str],
) -> tuple[HeaderMatch, list[tuple[str, int]], list[tuple[str, tuple[int, ...]]]]:
    headers: list[_Header] = []
    for index, value in enumerate(header_values):
        full = normalize_header(value)
        if full:
            headers.append(_Header(index, _header_label(value), full, _bare(full)))

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
