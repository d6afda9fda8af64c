"""One reader for every file a list arrives in: .xlsx, 97-2003 .xls, and CSV text.

County and township systems send lists as .xlsx, as binary .xls (WPS still saves it), and as CSV
in UTF-8 or GBK. Whatever the extension says, the file's first bytes decide how it is read, and
every kind comes out the same: a :class:`Grid` of sheets, each knowing whether it is hidden and
yielding rows of raw cell values. Header matching, validation and all-or-nothing rules sit above
this and never see which format the list came in. Every refusal is one Chinese sentence.

A formula cell whose result was never computed (a list written by a program, not saved in Excel)
reads as :class:`UncachedFormula`, never as a blank: a silent blank would become a default later.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.excel.errors import ImportFileError

__all__ = [
    "READABLE_FORMATS",
    "READABLE_SUFFIXES",
    "Grid",
    "GridSheet",
    "UncachedFormula",
    "open_grid",
    "unreadable_message",
]

#: The extensions of the files :func:`open_grid` reads, for open dialogs and help texts. (The
#: content decides how a file is read; these are what such files are called.) .et is WPS's own.
READABLE_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".et", ".csv", ".txt")
#: The same for a sentence: ".xlsx、.xlsm、.xls、.et、.csv 或 .txt".
READABLE_FORMATS = "、".join(READABLE_SUFFIXES[:-1]) + " 或 " + READABLE_SUFFIXES[-1]

_CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, .et, encrypted xlsx
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
_SAVE_AS_XLSX = "请在 Excel/WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。"


@dataclass(frozen=True)
class UncachedFormula:
    """A formula cell saved without its result (nothing to read until Excel computes it)."""

    formula: str  # "=DATE(2026,12,1)"

    def __str__(self) -> str:
        return self.formula


Rows = Iterator[tuple[object, ...]]


@dataclass
class GridSheet:
    """One worksheet: its name, whether the clerk can see it, and its rows from row 1."""

    name: str
    hidden: bool  # hidden or very hidden in Excel/WPS
    _rows: Callable[[], Rows]

    def rows(self) -> Rows:
        """Rows from row 1 on, one tuple per row (empty rows as ``()``)."""
        return self._rows()


class Grid:
    """An opened file; ``close()`` (or a ``with`` block) releases it."""

    def __init__(
        self,
        file_name: str,
        kind: str,
        sheets: Sequence[GridSheet],
        active: int = 0,
        close: Callable[[], None] | None = None,
    ) -> None:
        self.file_name = file_name
        self.kind = kind  # "xlsx", "xls" or "csv"
        self.sheets = list(sheets)
        self.active = active if 0 <= active < len(self.sheets) else 0
        self._close = close

    def visible_in_order(self) -> list[GridSheet]:
        """The sheets the clerk can see, the one Excel opens on first."""
        visible = [s for s in self.sheets if not s.hidden]
        active = self.sheets[self.active] if self.sheets else None
        if active is not None and not active.hidden:
            visible.remove(active)
            visible.insert(0, active)
        return visible

    def close(self) -> None:
        close, self._close = self._close, None
        if close is not None:
            close()

    def __enter__(self) -> Grid:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


# --------------------------------------------------------------------------------------------
# Opening
# --------------------------------------------------------------------------------------------


def open_grid(path: Path) -> Grid:
    """Open ``path`` as whatever its content is; ImportFileError (Chinese) when it cannot be."""
    path = Path(path)
    head, handle = _open_handle(path)
    if head.startswith(b"PK"):
        return _open_xlsx(path, handle)  # read lazily: the Grid closes the handle
    with handle:
        data = handle.read()  # .xls and CSV are read whole, as xlrd and csv need them
    if data.startswith(_CFB_SIGNATURE):
        return _open_cfb(path, data)
    _refuse_markup(path, data)
    if path.suffix.lower() in _TEXT_SUFFIXES or _looks_delimited(data):
        return _open_csv(path, data)
    raise ImportFileError(
        f"{path.name} 不是 Excel 或 CSV 文件，无法导入。如果它能在 Excel/WPS 中打开，"
        "请另存为“Excel 工作簿（*.xlsx）”后再导入。"
    )


def _open_handle(path: Path) -> tuple[bytes, IO[bytes]]:
    name = path.name
    if not path.exists():
        raise ImportFileError(f"找不到文件：{path}。请确认文件没有被移动或删除。")
    if path.is_dir():
        raise ImportFileError(f"{name} 是文件夹，请选择一个 Excel 文件。")
    try:
        handle = open(path, "rb")  # noqa: SIM115 — closed by the Grid (xlsx) or right here
    except PermissionError as exc:
        raise ImportFileError(
            f"无法打开 {name}：文件可能正在被其他程序占用，或没有读取权限。请关闭文件后重试。"
        ) from exc
    except OSError as exc:
        raise ImportFileError(f"无法打开 {name}：{exc.strerror or exc}。") from exc
    head = handle.read(8)
    handle.seek(0)
    if not head:
        handle.close()
        raise ImportFileError(f"{name} 是空文件（0 字节），可能没有下载或拷贝完整。")
    return head, handle


# ---- .xlsx -----------------------------------------------------------------------------------


def _open_xlsx(path: Path, handle: IO[bytes]) -> Grid:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # A file object, not the path: openpyxl refuses names not ending in .xlsx, but
            # clerks' files are often renamed ("名单.xlsx.bak", no extension at all).
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:
            handle.close()
            raise ImportFileError(unreadable_message(path)) from exc

    def close() -> None:
        try:
            workbook.close()
        finally:
            handle.close()

    sheets = [
        GridSheet(ws.title, ws.sheet_state != "visible", _xlsx_rows_of(ws))
        for ws in workbook.worksheets
    ]
    try:
        active = workbook.worksheets.index(workbook.active) if workbook.active else 0
    except ValueError:
        active = 0  # the active tab is a chart sheet
    return Grid(path.name, "xlsx", sheets, active, close)


def _xlsx_rows_of(ws: Any) -> Callable[[], Rows]:
    return lambda: _xlsx_rows(ws)


def _xlsx_rows(ws: Any) -> Rows:
    """The sheet's rows as values, read with the cached results of formulas.

    openpyxl's own ``data_only`` reading turns a formula without a cached result into None,
    indistinguishable from a blank cell; this parser marks it instead. (Read straight from the
    sheet XML rather than through ``<dimension>``, which some generators write wrongly.)
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            if cell["value"] is None and formula is not None and not _has_result(element):
                # A shared formula's follower cells carry no text of their own.
                cell["value"] = UncachedFormula("=" + (formula.text or ""))
            return cell

    workbook = ws.parent
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with ws._get_source() as source:
            parser = _Parser(
                source,
                ws._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            expected = 1
            for number, cells in parser.parse():
                while expected < number:
                    expected += 1
                    yield ()
                if number < expected:
                    continue  # rows out of order: keep the first
                expected = number + 1
                if not cells:
                    yield ()
                    continue
                values: list[object] = [None] * cells[-1]["column"]
                for cell in cells:
                    column = cell["column"]
                    if column > len(values):
                        values.extend([None] * (column - len(values)))
                    values[column - 1] = cell["value"]
                yield tuple(values)


def _has_result(element: Any) -> bool:
    """Whether a formula cell carries its computed result.

    Excel saves every result, an empty text one as ``t="str"`` with an empty ``<v>``; programs
    that only write the formula leave ``<v>`` out or empty (openpyxl writes ``<v />``).
    """
    from openpyxl.worksheet._reader import VALUE_TAG

    value = element.find(VALUE_TAG)
    if value is None:
        return False
    return bool(value.text) or element.get("t") == "str"


def unreadable_message(path: Path) -> str:
    """For a file that opened but whose content cannot be read (openpyxl parses lazily, so
    damage can surface while rows are read)."""
    name = path.name
    if path.suffix.lower() in (".xlsb", ".ods", ".numbers"):
        return f"{name} 不是本软件能读取的格式。{_SAVE_AS_XLSX}"
    return (
        f"无法读取 {name}：文件已损坏，或不是 Excel 工作簿。"
        "请在 Excel/WPS 中打开确认内容，另存为 .xlsx 后再导入。"
    )


# ---- .xls (and encrypted files, which share the compound-file signature) ---------------------


def _password_message(name: str) -> str:
    return (
        f"{name} 设置了打开密码，无法读取。请在 Excel/WPS 中打开，取消密码"
        "（文件 → 信息/文档加密 → 清除密码）并保存后再导入。"
    )


def _open_cfb(path: Path, data: bytes) -> Grid:
    name = path.name
    if _is_encrypted_ooxml(data):
        raise ImportFileError(_password_message(name))
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=False, logfile=io.StringIO())
    except Exception as exc:
        if "encrypt" in str(exc).lower():
            raise ImportFileError(_password_message(name)) from exc
        raise ImportFileError(
            f"无法读取 {name}：这是旧版 Excel 97-2003（.xls）或 WPS 文件，"
            "但内容已损坏或格式不受支持。"
            f"{_SAVE_AS_XLSX}"
        ) from exc
    sheets = []
    active = 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        if sheet.sheet_visible:
            active = index
        rows = [_xls_row(book, sheet, r) for r in range(sheet.nrows)]
        sheets.append(GridSheet(sheet.name, sheet.visibility != 0, _list_rows(rows)))
    book.release_resources()
    return Grid(name, "xls", sheets, active)


def _xls_row(book: Any, sheet: Any, r: int) -> tuple[object, ...]:
    import xlrd

    values: list[object] = []
    for kind, value in zip(sheet.row_types(r), sheet.row_values(r), strict=True):
        if kind == xlrd.XL_CELL_DATE:
            try:
                values.append(xlrd.xldate.xldate_as_datetime(value, book.datemode))
            except Exception:
                values.append(value)
        elif kind == xlrd.XL_CELL_BOOLEAN:
            values.append(bool(value))
        elif kind == xlrd.XL_CELL_ERROR:
            values.append(xlrd.error_text_from_code.get(value, "#错误"))
        elif kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or value == "":
            values.append(None)
        else:
            # Numbers stay floats, as Excel stores them: an 18-digit ID kept as a number has
            # lost its last digits, and validation must be able to say so.
            values.append(value)
    return tuple(values)


def _is_encrypted_ooxml(data: bytes) -> bool:
    try:
        import olefile
    except ImportError:
        return False
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"))
    except Exception:
        return False


def _list_rows(rows: list[tuple[object, ...]]) -> Callable[[], Rows]:
    return lambda: iter(rows)


# ---- web pages and XML named .xls ------------------------------------------------------------


def _refuse_markup(path: Path, data: bytes) -> None:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        head = data[:8192].decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").lower()
        head = head.encode("utf-8", errors="ignore")
    if not head.startswith(b"<"):
        return
    name = path.name
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head or b"<workbook" in head:
        raise ImportFileError(
            f"{name} 实际上是 Excel 2003 XML 表格（SpreadsheetML），只是扩展名为"
            f"“{path.suffix or '（无）'}”，本软件不能直接读取。{_SAVE_AS_XLSX}"
        )
    if b"<html" in head or b"<table" in head or b"<!doctype html" in head:
        raise ImportFileError(
            f"{name} 实际上是网页（HTML）表格，只是扩展名为“{path.suffix or '（无）'}”"
            f"（网上系统导出的名单常见这种情况），本软件不能直接读取。{_SAVE_AS_XLSX}"
        )
    raise ImportFileError(f"{name} 是 XML 文本文件，不是 Excel 表格，无法导入。{_SAVE_AS_XLSX}")


# ---- CSV -------------------------------------------------------------------------------------


def _looks_delimited(data: bytes) -> bool:
    head = data[:4096]
    wide = _utf16_without_bom(head)
    if wide or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode(wide or "utf-16", errors="ignore").encode("utf-8")
    if b"\0" in head:
        return False
    first = head.split(b"\n", 1)[0]
    return b"," in first or b"\t" in first


def _open_csv(path: Path, data: bytes) -> Grid:
    text, encoding = decode_text(path.name, data)
    lines = text.splitlines()
    sample = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = [
        tuple(_csv_value(v) for v in record)
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]
    _refuse_garbled(path.name, rows, encoding)
    sheet_name = path.stem or path.name
    return Grid(path.name, "csv", [GridSheet(sheet_name, False, _list_rows(rows))])


def _csv_value(raw: str) -> str | None:
    """A CSV field as text, never a number: leading zeros and 18-digit IDs survive as written.

    Systems that want Excel to keep an ID as text write it as ``="110105…"``; that wrapper is
    dropped.
    """
    if raw.startswith('="') and raw.endswith('"') and len(raw) >= 3:
        raw = raw[2:-1]
    return raw if raw.strip() else None


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """CSV bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (⊃ GBK).

    UTF-8 is tried strictly first: text that is valid UTF-8 is almost never meant as GBK. What
    decodes as neither is refused rather than guessed.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif _utf16_without_bom(data):
        candidates = [_utf16_without_bom(data)]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            if encoding == "utf-8" and _mostly_utf8(data):
                raise ImportFileError(
                    f"{name} 是 UTF-8 编码的文本，但其中有损坏的字节（可能没有下载或拷贝完整），"
                    f"读出来会有乱码。请重新获取文件；{_SAVE_AS_XLSX}"
                ) from None
    raise ImportFileError(
        f"{name} 的文字编码无法识别（不是 UTF-8，也不是 GBK/GB18030），读出来会是乱码。"
        f"{_SAVE_AS_XLSX}"
    )


def _utf16_without_bom(data: bytes) -> str:
    """ "utf-16-le"/"utf-16-be" for UTF-16 text saved without a BOM (its ASCII half is NULs)."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return ""
    if sample[1::2].count(0) * 3 > half:
        return "utf-16-le"
    if sample[0::2].count(0) * 3 > half:
        return "utf-16-be"
    return ""


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few damaged bytes, which GB18030 would turn into plausible nonsense."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return wide >= 4 and damaged <= max(3, wide // 20)


# Characters a list of Chinese names and addresses has no business containing: the replacement
# character, private-use code points, and the Latin-1 letters UTF-8 bytes turn into when read
# as a Western code page ("å§“å" for 姓名).
_GARBLE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff\u0080-\u009f"
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]"
)


def is_garbled(text: str) -> bool:
    """True when ``text`` reads like mojibake rather than Chinese (or plain ASCII)."""
    if _GARBLE_CHARS.search(text):
        return True
    hanzi = [ch for ch in text if unicodedata.category(ch) == "Lo"]
    if not hanzi:
        return False
    # Text decoded with the wrong Chinese code page is full of rare characters outside GB2312,
    # the set every common name and place name is written in.
    rare = 0
    for ch in hanzi:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare * 3 > len(hanzi) and rare >= 2


def _refuse_garbled(name: str, rows: list[tuple[object, ...]], encoding: str) -> None:
    for number, row in enumerate(rows, 1):
        for value in row:
            if isinstance(value, str) and is_garbled(value):
                shown = "".join(ch if ch.isprintable() else "?" for ch in value[:12])
                shown += "…" if len(value) > 12 else ""
                label = "GBK" if encoding == "gb18030" else encoding.upper().replace("-SIG", "")
                raise ImportFileError(
                    f"{name} 第 {number} 行的“{shown}”是乱码：按 {label} 编码读不出正确的中文，"
                    f"文件的编码无法确定，为免导入错字已停止。{_SAVE_AS_XLSX}"
                )
