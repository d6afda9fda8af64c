"""Writing helpers shared by every exported form.

Two promises to the clerk live here:

* a failed export never leaves a half-written or clobbered file (:func:`atomic_save`);
* every report looks the same — title, bordered table with a grey bold header that repeats on
  every printed page, A4 fitted to width — because they are all written by :func:`write_workbook`
  from a declarative :class:`SheetSpec`.

Large exports (a county-wide checkpoint log can have hundreds of thousands of rows) switch to
openpyxl's write-only mode, which streams rows to disk instead of holding a cell object per value.
"""

from __future__ import annotations

import errno
import gc
import logging
import math
import os
import re
import stat
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import suppress
from copy import copy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import partial, reduce
from itertools import islice
from operator import add
from pathlib import Path
from typing import Any, Literal
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import fromstring

from app import clock, scratch
from app.excel.errors import ExportError
from app.excel.formula_guard import FORMULA_TRIGGERS, neutralised
from app.models.masking import MaskKind, current_privacy, mask_value

__all__ = [
    "Column",
    "ColumnKind",
    "SheetSpec",
    "WorkbookDraft",
    "atomic_save",
    "suggested_filename",
    "write_workbook",
]

_log = logging.getLogger(__name__)

ColumnKind = Literal["text", "int", "decimal1", "date", "datetime", "time"]

#: Temp files start with a dot and "~" so Explorer/Finder users and sync tools treat them as
#: scratch files; the prefix (and the writer's process id after it) lets the next export into the
#: folder, or the next start, remove what a power cut or a kill left (see ``app.scratch``).
TEMP_PREFIX = scratch.PREFIX

#: Above this many rows the workbook is streamed (write-only mode) when ``streaming`` is None.
STREAMING_THRESHOLD = 5_000
#: ``progress`` is called every this many rows.
PROGRESS_EVERY = 500
#: In streaming mode widths must be known before the first row is written, so they are fitted
#: to this many leading rows only.
WIDTH_SAMPLE_ROWS = 200

_NUMBER_FORMATS: dict[str, str] = {
    "text": "@",
    "int": "0",
    "decimal1": "0.0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": "hh:mm",
}

# Module-level style objects: openpyxl interns styles per workbook, and building them once keeps
# object creation out of the per-cell path.
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill(fill_type="solid", fgColor="D9D9D9")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_HEADING_FONT = Font(bold=True, size=16)
_HEADING_ALIGN = Alignment(horizontal="center", vertical="center")
_DATA_ALIGN = Alignment(vertical="center")
_FREE_ALIGN = {
    "left": Alignment(horizontal="left", vertical="center"),
    "center": Alignment(horizontal="center", vertical="center"),
    "right": Alignment(horizontal="right", vertical="center"),
}
_HEADING_HEIGHT = 30.0


# --------------------------------------------------------------------------------------------
# Atomic save
# --------------------------------------------------------------------------------------------


def atomic_save(target: Path, write: Callable[[Path], None]) -> None:
    """Write ``target`` through a temp file in the same folder, then swap it in.

    ``write(tmp)`` must create the whole file at ``tmp``.  The temp file lives next to the target
    so the final :func:`os.replace` is a rename on one volume (atomic on NTFS and POSIX); it is
    fsynced first because a village laptop may lose power right after "保存成功".  On any failure
    the temp file is removed and ``target`` is left exactly as it was.  ``OSError`` is turned into
    :class:`ExportError` with a Chinese sentence; any other exception (a bug, or a cancellation
    raised from a progress callback) propagates unchanged after the clean-up.
    """
    target = Path(target)
    name = target.name
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            f"无法保存 {name}：文件夹“{folder}”不存在（U 盘是否已拔出？）。请重新选择保存位置。"
        )
    if target.is_dir():
        raise ExportError(f"无法保存 {name}：该位置已有同名文件夹。请换一个文件名。")
    if target.exists() and _is_read_only(target):
        raise ExportError(
            f"无法写入 {name}：原文件是只读的。请在文件属性中取消“只读”，或换一个文件名保存。"
        )

    scratch.sweep(folder)  # what a killed or powered-off export left here earlier
    with scratch.scratch_file(folder, target.suffix or ".xlsx") as tmp:
        try:
            _create_new(tmp)
            _match_permissions(tmp, target)
            write(tmp)
            _fsync_file(tmp)
            os.replace(tmp, target)
        except BaseException as exc:
            _close_abandoned_writers(exc)
            failed_write = _as_os_error(exc)
            if failed_write is not None:
                raise _export_error(failed_write, name) from exc
            raise
    _fsync_dir(folder)
    privacy = current_privacy()
    if privacy is not None:  # the caller encrypts what was written (app.services.privacy)
        privacy.note_saved(target)


def _as_os_error(exc: BaseException) -> OSError | None:
    """The failed write behind ``exc``. openpyxl writes through lxml when it is installed, and
    lxml reports a full disk as ``SerialisationError("IO_ENOSPC")``, not as an ``OSError``."""
    if isinstance(exc, OSError):
        return exc
    if type(exc).__name__ == "SerialisationError" and str(exc).startswith("IO_"):
        number = getattr(errno, str(exc).removeprefix("IO_"), None)
        if isinstance(number, int):
            return OSError(number, os.strerror(number))
    return None


def _close_abandoned_writers(exc: BaseException) -> None:
    """Close what a failed ``write`` left open, now, while the clerk's error is being reported.

    openpyxl does not close its zip archive (nor a sheet's XML stream) when writing fails: the
    frames of the traceback keep them, and Python closes them at exit — where, on a full disk,
    the close fails again and prints a traceback under the clerk's one-line message (and on
    Windows an open handle keeps the temp file from being deleted). Clearing the frames closes
    them here; the second failure they report is expected and only logged.
    """
    previous = sys.unraisablehook
    sys.unraisablehook = _log_unraisable
    try:
        seen: set[int] = set()
        current: BaseException | None = exc
        while current is not None and id(current) not in seen:  # and the errors it arose from
            seen.add(id(current))
            traceback.clear_frames(current.__traceback__)
            current = current.__context__ or current.__cause__
        gc.collect()
    finally:
        sys.unraisablehook = previous


def _log_unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    _log.debug("closing an abandoned export writer: %r", unraisable.exc_value)


def _is_read_only(path: Path) -> bool:
    # On POSIX a rename replaces a read-only file without complaint (only the folder's permission
    # counts), so the clerk's "只读" protection would be silently bypassed: check it ourselves.
    # The mode-bit test also works when running as root, where os.access always says yes.
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    no_write_bits = not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    return no_write_bits or not os.access(path, os.W_OK)


def _create_new(tmp: Path) -> None:
    # O_EXCL: never someone else's file. Mode 0666 filtered by the user's umask, as the OS gives
    # any new file: the export is never wider than the user's own setting (0644 was, whatever
    # the umask).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    os.close(os.open(tmp, flags, 0o666))


def _match_permissions(tmp: Path, target: Path) -> None:
    """A replaced file keeps its mode; a new one in a folder only its owner may enter (the app's
    private data folder) is 0600 like the backups beside it; elsewhere the umask decided."""
    try:
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        elif os.name != "nt" and stat.S_IMODE(target.parent.stat().st_mode) & 0o077 == 0:
            os.chmod(tmp, 0o600)
    except OSError:
        pass  # FAT/exFAT USB sticks refuse chmod; permissions do not matter there.


def _fsync_file(path: Path) -> None:
    # Windows needs a handle opened for writing to flush it.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders and NTFS journals
    # the rename anyway.  Best effort: the file is already complete at this point.
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_WIN_SHARING_VIOLATION = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_DISK_FULL = (39, 112)  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL


def _export_error(exc: OSError, name: str) -> ExportError:
    winerror = getattr(exc, "winerror", None)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or winerror in _WIN_DISK_FULL:
        return ExportError(
            f"磁盘空间不足，无法保存 {name}。请清理磁盘空间，或保存到 U 盘等其他位置后重试。"
        )
    if (
        isinstance(exc, PermissionError)
        or winerror in _WIN_SHARING_VIOLATION
        or exc.errno == errno.EROFS
    ):
        return ExportError(
            f"无法写入 {name}：文件可能正在 Excel/WPS 中打开，或文件夹只读。请关闭文件后重试。"
        )
    if isinstance(exc, FileNotFoundError):
        return ExportError(
            f"无法保存 {name}：保存位置不存在或已被移走（U 盘是否已拔出？）。请重新选择保存位置。"
        )
    if exc.errno == errno.EFBIG:  # FAT32's 4 GB, or a quota on one file's size
        return ExportError(
            f"无法保存 {name}：文件超出了这个磁盘允许的大小。请保存到其他磁盘后重试。"
        )
    if exc.errno == errno.EIO:
        return ExportError(
            f"无法保存 {name}：读写磁盘出错（磁盘或 U 盘可能有故障）。请保存到其他位置后重试。"
        )
    if exc.errno == errno.ENAMETOOLONG:
        return ExportError(f"无法保存 {name}：文件名或路径太长。请换一个短一些的文件名或文件夹。")
    detail = exc.strerror or str(exc)
    return ExportError(f"保存 {name} 失败：{detail}。请换一个保存位置后重试。")


# --------------------------------------------------------------------------------------------
# Declarative table writer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of an exported table.

    ``kind`` decides the stored type and number format.  ``text`` columns are always stored as
    strings with the "@" format so ID numbers and phones never turn into 1.1E+17.
    ``width`` None → fitted to content (CJK counts 2 units, ASCII 1.1, clamped to 6..50).
    ``mask`` marks a resident's ID number or phone: masked (110105********002X, 138****5678)
    when the export is written with ``mask_personal``.
    """

    header: str
    kind: ColumnKind = "text"
    width: float | None = None
    mask: MaskKind | None = None


@dataclass
class SheetSpec:
    """One worksheet: optional title lines, a bordered table, optional signature lines."""

    title: str  # sheet name; sanitised ([]:*?/\ removed, ≤31 chars, unique in the workbook)
    columns: list[Column]
    rows: Iterable[Sequence[object]]  # may be a generator (large exports)
    heading: str | None = None  # merged bold 16pt title row above everything
    # e.g. [["填报单位：X村", "", "统计时间：2022年2月3日"]]; spread across the table width
    subheading_rows: list[list[str]] = field(default_factory=list)
    # e.g. [["填报人：张三", "联系电话：138…", "审核人：李四"]]; written right under the table
    footer_rows: list[list[str]] = field(default_factory=list)
    landscape: bool | None = None  # None → landscape when more than 8 columns
    row_count_hint: int | None = None  # for progress and the streaming decision


def write_workbook(
    target: Path,
    sheets: Sequence[SheetSpec],
    *,
    progress: Callable[[int, int], None] | None = None,
    streaming: bool | None = None,
    mask_personal: bool | None = None,
) -> None:
    """Write ``sheets`` to ``target`` atomically (see :func:`atomic_save`).

    ``mask_personal`` masks the columns marked ``Column(mask=...)``; None → as the surrounding
    ``app.models.masking.export_privacy`` block says (no block: not masked).

    ``progress(done_rows, total_or_0)`` is called every :data:`PROGRESS_EVERY` data rows and once
    at the end with ``(done, done)``; total is 0 while unknown (a generator without a hint).  An
    exception raised by ``progress`` (e.g. the clerk pressed 取消) aborts the export and leaves no
    file.  ``streaming`` None → write-only mode when a sheet is expected to exceed
    :data:`STREAMING_THRESHOLD` rows (by ``row_count_hint``, else by ``len(rows)``; a
    generator of unknown length streams).
    """
    if not sheets:
        raise ValueError("write_workbook needs at least one sheet")
    for spec in sheets:
        _check_columns(spec)
    if streaming is None:
        streaming = any(_expects_many_rows(spec) for spec in sheets)
    total = _total_rows(sheets)
    if mask_personal is None:
        mask_personal = _masked_by_caller()

    def write(tmp: Path) -> None:
        _TableWriter(
            streaming=streaming, progress=progress, total=total, mask_personal=mask_personal
        ).save(sheets, tmp)

    atomic_save(Path(target), write)


class WorkbookDraft:
    """A streamed (write-only) workbook written a sheet at a time, then saved atomically.

    The daily report writes its lists of people on a second thread while the day is still
    being counted, and its 日报表 sheet last, in front of them (``add(..., first=True)``).
    One thread at a time may call ``add``; ``save`` or ``discard`` ends the draft. Each
    sheet streams to its own scratch file, so nothing reaches ``target`` before ``save``.
    ``mask_personal`` None → as the calling thread's privacy block says (see
    :func:`write_workbook`), read here, because a block is per thread.
    """

    def __init__(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        mask_personal: bool | None = None,
    ) -> None:
        if mask_personal is None:
            mask_personal = _masked_by_caller()
        self._writer = _TableWriter(
            streaming=True, progress=progress, total=0, mask_personal=mask_personal
        )
        self._wb = _new_workbook(streaming=True)
        self._used: set[str] = set()

    def add(self, *sheets: SheetSpec, first: bool = False) -> None:
        """Write ``sheets`` after those already written (``first``: in front of them)."""
        for spec in sheets:
            _check_columns(spec)
        self._writer.ticker.total += _total_rows(sheets)
        for at, spec in enumerate(sheets):
            ws = self._wb.create_sheet(_sheet_title(spec.title, self._used), at if first else None)
            self._writer._write_streaming(ws, spec)

    def save(self, target: Path) -> None:
        """Save the sheets to ``target`` atomically (see :func:`atomic_save`)."""
        self._writer.ticker.finish()
        atomic_save(Path(target), partial(_save_quick, self._wb))

    def discard(self) -> None:
        """Drop a draft that will not be saved (its scratch files with it)."""
        _discard_write_only(self._wb)


#: zlib level of the daily report's file: 3 deflates the county's 1.9 MB of sheet XML in a third
#: of the time level 6 (openpyxl's, zlib's default) takes, for a file ~16 % larger (178 → 206 KB).
_QUICK_DEFLATE = 3


def _save_quick(wb: Any, path: Path) -> None:
    """``wb.save(path)`` (openpyxl's ``save_workbook``) with :data:`_QUICK_DEFLATE`."""
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    # As openpyxl's save does (UTC, naive), but from the app's one clock.
    wb.properties.modified = clock.now().astimezone(UTC).replace(tzinfo=None)
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=_QUICK_DEFLATE) as zf:
        ExcelWriter(wb, zf).save()  # closes it; ``with`` closes it after a failure too


def _check_columns(spec: SheetSpec) -> None:
    if not spec.columns:
        raise ValueError(f"sheet {spec.title!r} has no columns")
    for col in spec.columns:
        if col.kind not in _NUMBER_FORMATS:
            raise ValueError(f"unknown column kind {col.kind!r} in sheet {spec.title!r}")


def _masked_by_caller() -> bool:
    privacy = current_privacy()
    return privacy is not None and privacy.mask_personal


def _new_workbook(*, streaming: bool) -> Any:
    wb = Workbook(write_only=streaming)
    wb.properties.creator = "防疫台账"
    if not streaming:
        wb.remove(wb.active)  # the default empty "Sheet"
    return wb


def _expects_many_rows(spec: SheetSpec) -> bool:
    if spec.row_count_hint is not None:
        return spec.row_count_hint > STREAMING_THRESHOLD
    if isinstance(spec.rows, Sized):
        return len(spec.rows) > STREAMING_THRESHOLD
    return True  # a generator of unknown length: assume it is the big one


def _total_rows(sheets: Sequence[SheetSpec]) -> int:
    total = 0
    for spec in sheets:
        if spec.row_count_hint is not None:
            total += spec.row_count_hint
        elif isinstance(spec.rows, Sized):
            total += len(spec.rows)
        else:
            return 0
    return total


# ---- value conversion per column kind -------------------------------------------------------
# Values arrive from services as Python objects; each kind coerces the obvious cases (an int phone,
# a datetime in a date column) and otherwise writes the value as given, e.g. a "—" placeholder.


def _as_text(v: Any) -> Any:
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, time):
        return v.strftime("%H:%M")
    return str(v)


def _as_int(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _as_decimal(v: Any) -> Any:
    return int(v) if isinstance(v, bool) else v


def _naive(v: datetime) -> datetime:
    # Excel has no time zones; show the clerk's local wall-clock time.
    return v.astimezone().replace(tzinfo=None) if v.tzinfo is not None else v


def _as_date(v: Any) -> Any:
    if isinstance(v, datetime):
        return _naive(v).date()
    return v


def _as_datetime(v: Any) -> Any:
    if isinstance(v, datetime):
        return _naive(v)
    if isinstance(v, date):
        return datetime.combine(v, time())
    return v


def _as_time(v: Any) -> Any:
    if isinstance(v, datetime):
        return _naive(v).time()
    if isinstance(v, time) and v.tzinfo is not None:
        return v.replace(tzinfo=None)
    return v


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": _as_text,
    "int": _as_int,
    "decimal1": _as_decimal,
    "date": _as_date,
    "datetime": _as_datetime,
    "time": _as_time,
}


def _converters(columns: Sequence[Column], mask_personal: bool) -> list[Callable[[Any], Any]]:
    """One converter per column; a marked column also masks when ``mask_personal``."""
    converters = []
    for col in columns:
        convert = _CONVERTERS[col.kind]
        if mask_personal and col.mask is not None:
            convert = partial(_masked, convert, col.mask)
        converters.append(convert)
    return converters


def _masked(convert: Callable[[Any], Any], kind: MaskKind, value: Any) -> Any:
    return mask_value(kind, convert(value))


def _set_value(cell: Any, value: Any) -> None:
    """The one way a value reaches a cell — data, headers, the title with the unit's name and
    the signature lines alike: typed by openpyxl, text never able to start a formula."""
    if value.__class__ is str:
        value = neutralised(value)
    try:
        cell.value = value
    except IllegalCharacterError:
        # Control characters pasted from web systems make the file unreadable by Excel.
        cell.value = neutralised(ILLEGAL_CHARACTERS_RE.sub("", value))
    if cell.data_type in ("f", "e"):
        # "#N/A" typed as a remark must stay text too: an error cell reads back as nothing.
        cell.data_type = "s"


# ---- column widths ----------------------------------------------------------------------------


class _CharUnits(dict[str, float]):
    """A character's width in units, worked out once per character (a name is a few CJK ones)."""

    def __missing__(self, ch: str) -> float:
        if ch.isascii():
            units = 1.1
        elif unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            # Ambiguous-width characters (℃, ①, …) render double width in Chinese fonts.
            units = 2.0
        else:
            units = 1.1
        self[ch] = units
        return units


_CHAR_UNITS = _CharUnits()


def _text_units(text: str) -> float:
    if text.isascii():
        return len(text) * 1.1
    # Added up from 0.0 in order, as a loop would (sum() compensates rounding on Python 3.12+).
    return reduce(add, map(_CHAR_UNITS.__getitem__, text), 0.0)


def _value_units(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, str):
        if "\n" in value:
            return max(_text_units(line) for line in value.split("\n"))
        return _text_units(value)
    if isinstance(value, datetime):
        return 16 * 1.1
    if isinstance(value, date):
        return 10 * 1.1
    if isinstance(value, time):
        return 5 * 1.1
    if isinstance(value, float):
        return len(f"{value:.1f}") * 1.1
    return len(str(value)) * 1.1


def _fit_width(units: float) -> float:
    # +2 leaves room for cell padding and the bold header.
    return round(max(6.0, min(50.0, units + 2.0)), 1)


class _WidthMeter:
    def __init__(self, columns: Sequence[Column]) -> None:
        self.fixed = [c.width for c in columns]
        self.units = [_text_units(c.header) for c in columns]
        self._measure = [i for i, c in enumerate(columns) if c.width is None]

    def add(self, converted: Sequence[Any]) -> None:
        units = self.units
        for i in self._measure:
            v = converted[i]
            if v is not None:
                u = _value_units(v)
                if u > units[i]:
                    units[i] = u

    def add_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """``add`` for each of ``rows``, a column at a time."""
        units = self.units
        for i in self._measure:
            values = [v for row in rows if (v := row[i]) is not None]
            if values:
                units[i] = max(units[i], *map(_value_units, values))

    def widths(self) -> list[float]:
        return [
            fixed if fixed is not None else _fit_width(units)
            for fixed, units in zip(self.fixed, self.units, strict=True)
        ]


_LINE_HEIGHT = 14.5  # points per line of 11 pt text; CJK glyphs are taller than Latin ones


def _header_height(columns: Sequence[Column], widths: Sequence[float]) -> float | None:
    """Height for a header row whose labels wrap in narrow columns (None when one line fits).

    Neither Excel nor LibreOffice grows a row for wrapped text in a file written by openpyxl, so
    a label such as "当日新增排查" in a narrow count column would be cut off. Counting a CJK
    character as 2 units errs on the tall side, which costs a little white space, never text.
    """
    lines = 1
    for col, width in zip(columns, widths, strict=True):
        usable = max(width - 0.5, 1.0)
        parts = col.header.split("\n")
        needed = sum(max(1, math.ceil(_text_units(part) / usable)) for part in parts)
        lines = max(lines, needed)
    return None if lines == 1 else lines * _LINE_HEIGHT + 4


# ---- layout helpers ---------------------------------------------------------------------------

_SHEET_TITLE_ILLEGAL = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def _sheet_title(raw: str, used: set[str]) -> str:
    title = _SHEET_TITLE_ILLEGAL.sub("", raw or "").strip().strip("'").strip()
    title = title[:31] or "工作表"
    base, n = title, 2
    # Excel compares sheet names case-insensitively and reserves "History".
    while title.casefold() in used or title.casefold() == "history":
        suffix = f"({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.casefold())
    return title


@dataclass(frozen=True)
class _FreeCell:
    first_col: int  # 1-based
    last_col: int
    text: str | None
    align: str


def _spread(entries: Sequence[str], ncols: int) -> list[_FreeCell]:
    """Lay a subheading/footer line across the table width.

    Fewer entries than columns → each entry gets an equal merged block, the first aligned left,
    the last right, the middle ones centred — the way paper forms print "填报单位 … 统计时间".
    """
    k = len(entries)
    if k == 0:
        return []
    if k >= ncols:
        return [_FreeCell(i + 1, i + 1, _as_text(e) or None, "left") for i, e in enumerate(entries)]
    base, extra = divmod(ncols, k)
    cells: list[_FreeCell] = []
    col = 1
    for i, entry in enumerate(entries):
        size = base + (1 if i < extra else 0)
        if i == 0:
            align = "left"
        elif i == k - 1:
            align = "right"
        else:
            align = "center"
        cells.append(_FreeCell(col, col + size - 1, _as_text(entry) or None, align))
        col += size
    return cells


class _Ticker:
    """Counts data rows across sheets and reports progress."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.done)


def _discard_write_only(wb: Any) -> None:
    """Tear down an aborted write-only workbook in order.

    Left to the garbage collector, a half-written sheet's row generator is finalised after its
    XML stream was closed and raises "I/O operation on closed file" in some later, unrelated
    code; its scratch XML file in %TEMP% would also stay until the app exits.
    """
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        writer = getattr(ws, "_writer", None)
        if rows is not None:
            with suppress(Exception):
                rows.close()
        if writer is not None:
            with suppress(Exception):
                writer.close()
            with suppress(OSError):
                os.remove(writer.out)


def _checked_rows(rows: Iterable[Sequence[object]], ncols: int) -> Iterator[Sequence[object]]:
    for values in rows:
        n = len(values)
        if n == ncols:
            yield values
        elif n < ncols:
            yield (*values, *([None] * (ncols - n)))
        else:
            raise ValueError(f"row has {n} values but the table has {ncols} columns: {values!r}")


_DATE_KINDS = frozenset({"date", "datetime", "time"})
_EXCEL_MAX_TEXT = 32767  # characters in one cell; openpyxl cuts longer text there too
#: Characters ``_DataRows`` must pass through ``_cell_text`` or escape anywhere in a text: those
#: openpyxl removes (its ``ILLEGAL_CHARACTERS_RE``: \x00-\x08, \x0b, \x0c, \x0e-\x1f), the
#: characters XML escapes, and a carriage return, which the parser would read as a line feed.
#: One character class: an alternation of them searched 3× slower.
_TEXT_TO_MIND = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f&<>\r]")
#: Data rows parsed at once by ``_DataRows`` (a batch's XML is held as text until then).
_BATCH_ROWS = 500


def _as_is(values: Sequence[Any], _row_idx: int) -> Sequence[Any]:
    """Stand-in for ``WriteOnlyWorksheet._values_to_row``: a data row goes to ``_DataRows``
    as the converted values it is."""
    return values


class _DataRows:
    """Writes data rows as openpyxl's write-only writer would, without a cell object per value:
    the 25,000 cells of a county's daily report cost 0.3 s through openpyxl's cells.

    Each cell gets its column's style (registered once, from the prototype cell) and the type
    openpyxl gives its value; a value it would treat otherwise (a date in a column without a date
    format, which openpyxl re-formats; anything unusual) sends the row through openpyxl's cells.

    A row's XML is built as text and :data:`_BATCH_ROWS` rows are parsed at once into the
    elements the sheet's stream serialises: one parse in C costs far less than creating three
    elements a cell from Python, and the file is what lxml writes for those elements, as before.
    Text the parser refuses (characters XML cannot hold) sends its batch through openpyxl's
    cells, which refuse it the way they always did.
    """

    def __init__(self, ws: Any, protos: Sequence[Any], date_columns: Sequence[bool]) -> None:
        self.ws = ws
        self.protos = protos
        # Each cell's XML up to its row number, and from the row number to its type.
        self.heads = [f'<c r="{get_column_letter(i)}' for i in range(1, len(protos) + 1)]
        self.tails = [f'" s="{cell.style_id}" t="' for cell in protos]
        self.date_columns = date_columns
        self.epoch = ws.parent.epoch
        self.openpyxl_row = ws._writer.write_row  # the general path
        self.numbers: dict[Any, str] = {}  # a number or date → its <v> (dates repeat a lot)
        self.pending: list[str] = []  # rows' XML not yet parsed
        self.pending_rows: list[tuple[Sequence[Any], int]] = []
        self.xf: Any = None

    def write(self, xf: Any, values: Sequence[Any], row_idx: int) -> None:
        number = str(row_idx)
        parts = [f'<row r="{number}">']
        add = parts.append
        numbers = self.numbers
        for head, tail, is_date, value in zip(
            self.heads, self.tails, self.date_columns, values, strict=True
        ):
            kind = value.__class__
            if value is None:
                add(f'{head}{number}{tail}n"/>')
            elif kind is str:
                # Most text needs nothing done: what does starts a formula, holds a control
                # character or one of XML's own, or is very long.
                text = value
                if text and (
                    text[0] in FORMULA_TRIGGERS
                    or _TEXT_TO_MIND.search(text)
                    or len(text) > _EXCEL_MAX_TEXT
                ):
                    text = _cell_text(text)
                    escaped = _xml_escaped(text)
                else:
                    escaped = text
                if not text:
                    add(f'{head}{number}{tail}inlineStr"/>')
                    continue
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                add(f'{head}{number}{tail}inlineStr"><is><t{space}>{escaped}</t></is></c>')
            elif kind is bool:
                add(f'{head}{number}{tail}b"><v>{"1" if value else "0"}</v></c>')
            elif kind is int or kind is float:
                # Only ints are remembered: -0.0 == 0 as a key, and "-0" is not "0".
                v = numbers.get(value) if kind is int else None
                if v is None:
                    v = safe_string(value)
                    if not v:  # NaN or infinity: openpyxl writes an empty <v></v>
                        self.flush()
                        self._through_openpyxl(xf, values, row_idx)
                        return
                    if kind is int:
                        numbers[value] = v
                add(f'{head}{number}{tail}n"><v>{v}</v></c>')
            elif is_date and kind in (date, datetime, time) and _naive_value(value):
                v = numbers.get((kind, value))
                if v is None:
                    v = numbers[(kind, value)] = safe_string(to_excel(value, self.epoch))
                add(f'{head}{number}{tail}n"><v>{v}</v></c>')
            else:
                self.flush()
                self._through_openpyxl(xf, values, row_idx)
                return
        add("</row>")
        self.xf = xf
        self.pending.append("".join(parts))
        self.pending_rows.append((values, row_idx))
        if len(self.pending) >= _BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the rows built so far (before openpyxl writes a row, and after the last)."""
        if not self.pending:
            return
        xml = "".join(("<rows>", *self.pending, "</rows>"))
        rows, self.pending_rows = self.pending_rows, []
        self.pending = []
        try:
            parsed = fromstring(xml.encode("utf-8", "surrogatepass"))
        except SyntaxError:  # lxml's and ElementTree's parse errors
            for values, row_idx in rows:
                self._through_openpyxl(self.xf, values, row_idx)
            return
        self.xf.write(*parsed)

    def _through_openpyxl(self, xf: Any, values: Sequence[Any], row_idx: int) -> None:
        cells = []
        for column, (proto, value) in enumerate(zip(self.protos, values, strict=True), 1):
            # A copy: openpyxl may re-format a cell for its value, and the prototype's style is
            # the one every other row's cells point to.
            cell = WriteOnlyCell(self.ws)
            cell._style = copy(proto._style)
            cell.row, cell.column = row_idx, column
            _set_value(cell, value)
            cells.append(cell)
        self.openpyxl_row(xf, cells, row_idx)


def _xml_escaped(text: str) -> str:
    """``text`` as XML character data; a carriage return as a reference, or the parser would
    read it as a line feed."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _naive_value(value: date | time) -> bool:
    """A date, or a time of day without a zone (openpyxl refuses zones; its error is kept)."""
    return getattr(value, "tzinfo", None) is None


def _cell_text(value: str) -> str:
    """What ``_set_value`` stores for a text value: never a formula, no control characters."""
    text = neutralised(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = neutralised(ILLEGAL_CHARACTERS_RE.sub("", text))
    return text[:_EXCEL_MAX_TEXT]


class _TableWriter:
    def __init__(
        self,
        *,
        streaming: bool,
        progress: Callable[[int, int], None] | None,
        total: int,
        mask_personal: bool = False,
    ) -> None:
        self.streaming = streaming
        self.ticker = _Ticker(progress, total)
        self.mask_personal = mask_personal

    def save(self, sheets: Sequence[SheetSpec], path: Path) -> None:
        wb = _new_workbook(streaming=self.streaming)
        used: set[str] = set()
        try:
            for spec in sheets:
                ws = wb.create_sheet(_sheet_title(spec.title, used))
                if self.streaming:
                    self._write_streaming(ws, spec)
                else:
                    self._write_normal(ws, spec)
            self.ticker.finish()
            wb.save(path)
        except BaseException:
            if self.streaming:
                _discard_write_only(wb)
            raise

    # -- shared page setup ----------------------------------------------------------------------

    @staticmethod
    def _page_setup(ws: Any, spec: SheetSpec, header_row: int) -> None:
        ncols = len(spec.columns)
        landscape = spec.landscape if spec.landscape is not None else ncols > 8
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"

    @staticmethod
    def _header_row(spec: SheetSpec) -> int:
        return 1 + (1 if spec.heading else 0) + len(spec.subheading_rows)

    # -- normal mode ----------------------------------------------------------------------------

    def _write_normal(self, ws: Any, spec: SheetSpec) -> None:
        columns = spec.columns
        ncols = len(columns)
        header_row = self._header_row(spec)
        self._page_setup(ws, spec, header_row)

        r = 1
        if spec.heading:
            cell = ws.cell(row=1, column=1)
            _set_value(cell, spec.heading)
            cell.font = _HEADING_FONT
            cell.alignment = _HEADING_ALIGN
            if ncols > 1:
                ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
            ws.row_dimensions[1].height = _HEADING_HEIGHT
            r += 1
        for entries in spec.subheading_rows:
            self._free_row_normal(ws, r, entries, ncols)
            r += 1

        for ci, col in enumerate(columns, 1):
            cell = ws.cell(row=r, column=ci)
            _set_value(cell, col.header)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = _HEADER_ALIGN
            cell.border = _BORDER

        # Style one prototype cell per column; data cells copy its style array, which is far
        # cheaper than assigning border/format/alignment (each re-hashes the style) per cell.
        protos = []
        for col in columns:
            proto = Cell(ws)  # detached: styles it, but is never part of the sheet
            proto.border = _BORDER
            proto.number_format = _NUMBER_FORMATS[col.kind]
            proto.alignment = _DATA_ALIGN
            protos.append(proto._style)
        converters = _converters(columns, self.mask_personal)
        meter = _WidthMeter(columns)
        cell_at = ws.cell
        tick = self.ticker.tick

        for values in _checked_rows(spec.rows, ncols):
            r += 1
            converted = [conv(v) for conv, v in zip(converters, values, strict=True)]
            meter.add(converted)
            for ci, (style, v) in enumerate(zip(protos, converted, strict=True), 1):
                cell = cell_at(row=r, column=ci)
                cell._style = copy(style)
                if v is not None:
                    _set_value(cell, v)
            tick()

        for entries in spec.footer_rows:
            r += 1
            self._free_row_normal(ws, r, entries, ncols)

        widths = meter.widths()
        for ci, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(ci)].width = width
        header_height = _header_height(columns, widths)
        if header_height is not None:
            ws.row_dimensions[header_row].height = header_height

    @staticmethod
    def _free_row_normal(ws: Any, r: int, entries: Sequence[str], ncols: int) -> None:
        for fc in _spread(entries, ncols):
            cell = ws.cell(row=r, column=fc.first_col)
            if fc.text is not None:
                _set_value(cell, fc.text)
            cell.alignment = _FREE_ALIGN[fc.align]
            if fc.last_col > fc.first_col:
                ws.merge_cells(
                    start_row=r, start_column=fc.first_col, end_row=r, end_column=fc.last_col
                )

    # -- streaming (write-only) mode ------------------------------------------------------------

    def _write_streaming(self, ws: Any, spec: SheetSpec) -> None:
        columns = spec.columns
        ncols = len(columns)
        header_row = self._header_row(spec)
        converters = _converters(columns, self.mask_personal)

        # Write-only sheets emit <cols>, <sheetView> and sheet properties with the first row, so
        # widths, frozen panes and fit-to-page must all be settled before anything is appended.
        # A sheet small enough for normal mode is measured whole, so it gets the widths normal
        # mode gives it (the daily report streams for speed and must look as it always did);
        # a big one by its leading rows. Measured rows are kept converted, not converted twice.
        rows_iter = iter(_checked_rows(spec.rows, ncols))
        measured = WIDTH_SAMPLE_ROWS if _expects_many_rows(spec) else STREAMING_THRESHOLD
        sample = [
            [conv(v) for conv, v in zip(converters, values, strict=True)]
            for values in islice(rows_iter, measured)
        ]
        meter = _WidthMeter(columns)
        meter.add_rows(sample)
        widths = meter.widths()
        for ci, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(ci)].width = width
        header_height = _header_height(columns, widths)
        if header_height is not None:
            ws.row_dimensions[header_row].height = header_height
        self._page_setup(ws, spec, header_row)
        if spec.heading:
            ws.row_dimensions[1].height = _HEADING_HEIGHT

        r = 0
        if spec.heading:
            r += 1
            cell = WriteOnlyCell(ws)
            _set_value(cell, spec.heading)
            cell.font = _HEADING_FONT
            cell.alignment = _HEADING_ALIGN
            ws.append([cell])
            if ncols > 1:
                # Write-only sheets still collect merged ranges and write them after the rows.
                ws.merged_cells.add(f"A1:{get_column_letter(ncols)}1")
        for entries in spec.subheading_rows:
            r += 1
            self._free_row_streaming(ws, r, entries, ncols)

        header_cells = []
        for col in columns:
            cell = WriteOnlyCell(ws)
            _set_value(cell, col.header)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = _HEADER_ALIGN
            cell.border = _BORDER
            header_cells.append(cell)
        ws.append(header_cells)
        r += 1

        # The data rows skip openpyxl's cell objects: ``_DataRows`` writes each row's XML
        # straight to the sheet's stream, styled as one prototype cell per column says (the
        # same XML openpyxl writes; tests/excel/test_daily_report_streaming.py compares).
        protos = []
        for col in columns:
            cell = WriteOnlyCell(ws)
            cell.border = _BORDER
            cell.number_format = _NUMBER_FORMATS[col.kind]
            cell.alignment = _DATA_ALIGN
            protos.append(cell)
        data_rows = _DataRows(ws, protos, [col.kind in _DATE_KINDS for col in columns])
        append = ws.append
        tick = self.ticker.tick
        ws._values_to_row = _as_is
        ws._writer.write_row = data_rows.write
        try:
            for converted in sample:
                append(converted)
                tick()
                r += 1
            for values in rows_iter:
                append([conv(v) for conv, v in zip(converters, values, strict=True)])
                tick()
                r += 1
            data_rows.flush()
        finally:
            del ws._values_to_row  # back to openpyxl's own for the footer rows
            del ws._writer.write_row

        for entries in spec.footer_rows:
            r += 1
            self._free_row_streaming(ws, r, entries, ncols)

    @staticmethod
    def _free_row_streaming(ws: Any, r: int, entries: Sequence[str], ncols: int) -> None:
        row: list[Any] = [None] * ncols
        for fc in _spread(entries, ncols):
            cell = WriteOnlyCell(ws)
            if fc.text is not None:
                _set_value(cell, fc.text)
            cell.alignment = _FREE_ALIGN[fc.align]
            row[fc.first_col - 1] = cell
            if fc.last_col > fc.first_col:
                first = get_column_letter(fc.first_col)
                last = get_column_letter(fc.last_col)
                ws.merged_cells.add(f"{first}{r}:{last}{r}")
        ws.append(row)


# --------------------------------------------------------------------------------------------
# File names
# --------------------------------------------------------------------------------------------

_FILENAME_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def suggested_filename(unit: str, form: str, day: date) -> str:
    """Default name for an export, e.g. ``东村日报告（2022年2月3日）.xlsx``.

    Characters Windows refuses in file names are dropped (a unit called "东村/西村联防" must not
    turn into a sub-folder).
    """
    name = f"{unit}{form}（{day.year}年{day.month}月{day.day}日）.xlsx"
    return _FILENAME_ILLEGAL.sub("", name).strip().lstrip(".")
