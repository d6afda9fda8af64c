"""体温填报表 — the day's fill-in sheet of a temperature round, written out and read back.

The medical worker takes the printed sheet (or the file) on the round and writes each reading
down; the clerk imports the filled-in file. The sheet therefore carries everything the import
needs to find its way back: the measuring date in a row above the header (a sheet is for one
day), and 身份证号 as text so each row maps to one person even when two people share a name.
Readings already in the ledger are pre-filled, so the sheet doubles as the day's printout.

Only layout lives here; matching rows to people and deciding what to save is
``app.services.readings_import``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.excel.errors import ImportFileError
from app.excel.field_columns import SERIAL_LABEL, field_columns, numbered_rows, serial_column
from app.excel.sheet_reader import SheetRow, UncachedFormula, cell_text, open_table
from app.excel.workbook import SheetSpec, atomic_save, write_workbook
from app.models.fields import PERSON_CASE, READING, Field, Place
from app.models.validation import ValidationError, parse_date

__all__ = [
    "DATE_LABEL",
    "HEADERS",
    "SYNONYMS",
    "FilledSheet",
    "RoundsSheet",
    "SheetLine",
    "read_rounds_sheet",
    "write_rounds_sheet",
]

#: The sheet's columns after 序号: who (the person's fields), then the day's two readings.
SHEET_FIELDS: tuple[Field, ...] = (
    *PERSON_CASE.pick(("name", "id_number", "group_name")),
    *READING.pick(
        ("am_celsius", "am_symptoms", "pm_celsius", "pm_symptoms", "measured_by", "note")
    ),
)
#: Widths for a sheet filled in by hand (the person's columns are narrower than the roster's).
_WIDTHS = {"name": 10, "id_number": 21, "group_name": 10}
HEADERS: tuple[str, ...] = (SERIAL_LABEL, *(f.label_in(Place.LEDGER) for f in SHEET_FIELDS))
DATE_LABEL = "测量日期"
SHEET_TITLE = "体温登记表"
HEADER_ROW = 4  # title, 填报单位/日期, 填写说明, then the header

#: Header names the reader accepts for each field (our own sheet, and the common variants a
#: township template or a clerk's retyped copy uses — see FORMS.md "Temperature logs").
SYNONYMS: dict[str, tuple[str, ...]] = {f.key: f.headers for f in SHEET_FIELDS}

_DATE_CELL = re.compile(r"^\s*(?:测量|填报|登记|统计)?日期\s*[:：]?\s*(.*)$")


@dataclass(frozen=True)
class SheetLine:
    """One person on the sheet; readings already taken are pre-filled."""

    name: str
    id_number: str | None
    group_name: str | None
    am_celsius: float | None = None
    am_symptoms: str | None = None
    pm_celsius: float | None = None
    pm_symptoms: str | None = None
    measured_by: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RoundsSheet:
    unit_name: str
    day: date
    lines: Sequence[SheetLine]
    reporter: str = ""
    phone: str = ""


@dataclass(frozen=True)
class FilledSheet:
    """What a filled-in sheet holds, still raw: the importer decides what each value means."""

    day: date | None  # from the 测量日期 row above the header; None when there is none
    day_text: str | None  # that cell as written, to quote when it cannot be read
    labels: dict[str, str]  # canonical key → header text as written in the file
    rows: list[SheetRow] = field(default_factory=list)
    day_row: int | None = None  # Excel row of the date, to name it in messages
    # The date is a formula saved without its result: there is a date, but nothing to read.
    day_uncomputed: bool = False


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def write_rounds_sheet(target: Path, sheet: RoundsSheet) -> None:
    """Write the fill-in sheet to ``target`` atomically (A4 landscape, header on every page)."""
    columns = [serial_column(6), *field_columns(SHEET_FIELDS, widths=_WIDTHS)]
    rows = list(numbered_rows(SHEET_FIELDS, (vars(line) for line in sheet.lines)))
    contact = "　".join(
        part
        for part in (
            f"填报人：{sheet.reporter}" if sheet.reporter else "",
            f"联系电话：{sheet.phone}" if sheet.phone else "",
        )
        if part
    )
    subheading = [
        [f"填报单位：{sheet.unit_name}", contact, f"{DATE_LABEL}：{day_text(sheet.day)}"],
        ["填写说明：体温填数字，如 36.5；症状填“无”或 干咳、乏力、咽痛 等，多个用顿号隔开。"],
    ]
    spec = SheetSpec(
        title=SHEET_TITLE,
        columns=columns,
        rows=rows,
        heading=f"{sheet.unit_name}居家观察人员体温登记表",
        subheading_rows=subheading,
        landscape=True,
        row_count_hint=len(rows),
    )
    write_workbook(target, [spec], streaming=False)
    atomic_save(target, lambda tmp: _roomy_for_handwriting(target, tmp, len(rows)))


#: Data rows tall enough to write a temperature by hand on the printed sheet (points).
HANDWRITING_ROW_HEIGHT = 22.0
_CENTERED_COLUMNS = ("A", "E", "F", "G", "H")  # 序号 and the four reading cells


def _roomy_for_handwriting(source: Path, tmp: Path, count: int) -> None:
    """Second pass over the finished sheet: taller rows and centred reading cells, so the
    printed form has room for a pen (the shared writer keeps every report compact)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment

    book = load_workbook(source)
    sheet = book.active
    first = HEADER_ROW + 1
    centred = Alignment(horizontal="center", vertical="center")
    for row in range(first, first + count):
        sheet.row_dimensions[row].height = HANDWRITING_ROW_HEIGHT
        for column in _CENTERED_COLUMNS:
            sheet[f"{column}{row}"].alignment = centred
    book.save(tmp)


def read_rounds_sheet(path: Path) -> FilledSheet:
    """Open a filled-in sheet: its date row, its header labels and its non-blank rows.

    Raises ``ImportFileError`` when the file is unreadable or has no 姓名 / 体温 columns.
    """
    path = Path(path)
    match, rows = open_table(path, SYNONYMS, required=("name",))
    with rows:
        data = list(rows)
    if "am_celsius" not in match.columns and "pm_celsius" not in match.columns:
        raise ImportFileError(
            f"{path.name} 第 {match.header_row} 行的表头中没有“上午体温”或“下午体温”列。"
            "请使用本软件导出的体温填报表，或把体温列的标题改成“上午体温”“下午体温”。"
        )
    found = _sheet_date(match.above)
    labels = dict(match.column_labels)
    return FilledSheet(found.day, found.text, labels, data, found.row, found.uncomputed)


@dataclass(frozen=True)
class _SheetDate:
    """What the rows above the header say about the day (all None: no 测量日期 at all)."""

    day: date | None = None
    text: str | None = None
    row: int | None = None
    uncomputed: bool = False


def _sheet_date(above: Sequence[Sequence[object]]) -> _SheetDate:
    """The 测量日期 written above the header: "测量日期：2022年2月3日", or the label and the date
    in neighbouring cells (a clerk's own template, or a real Excel date)."""
    for number, values in enumerate(above, start=1):
        cells = list(values)
        for index, value in enumerate(cells):
            if isinstance(value, UncachedFormula) and _names_the_date(value):
                # ="测量日期："&TEXT(TODAY(),…) saved by a program: the label is there, unread.
                return _SheetDate(text=str(value), row=number, uncomputed=True)
            text = cell_text(value)
            found = _DATE_CELL.match(text) if text else None
            if found is None:
                continue
            raw: object = found.group(1).strip()
            if not raw:  # label alone: the date is in the next non-blank cell of the row
                raw = next((v for v in cells[index + 1 :] if cell_text(v)), None)
            if raw is None:
                return _SheetDate(row=number)
            if isinstance(raw, UncachedFormula):
                return _SheetDate(text=str(raw), row=number, uncomputed=True)
            try:
                day = parse_date(raw, field=DATE_LABEL, allow_future=True)
            except ValidationError:
                return _SheetDate(text=cell_text(raw), row=number)
            return _SheetDate(day, cell_text(raw), number)
    return _SheetDate()


def _names_the_date(formula: UncachedFormula) -> bool:
    """Whether a text in the formula's quotes is the 测量日期 label ("测量日期：", "日期")."""
    return any(_DATE_CELL.match(part) for part in re.findall(r'"([^"]*)"', formula.formula))
