"""体温填报表 round trip: export the day's fill-in sheet, import the filled-in readings back.

What a clerk can rely on when importing:

* all or nothing — any bad cell refuses the whole file with row, column and reason
  (``ImportRejected``) and nothing is saved;
* rows are matched by 身份证号, or by 姓名 where the name is unique among the day's due list;
* blank cells are skipped, so a sheet filled only for 上午 leaves 下午 alone;
* an existing reading is never silently replaced: the same value is a no-op, a different one is
  a conflict, and a file with conflicts writes nothing unless ``overwrite`` is asked for;
* the sheet's 测量日期 must be the day being imported — a sheet from another day is refused;
* readings are saved through ``rounds.save_reading`` (one transaction), so a fever or a symptom
  opens an anomaly exactly as a typed one does.

openpyxl is imported only when a sheet is written or read (``app.excel.rounds_sheet``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app import clock
from app.config import Settings
from app.db import Database
from app.excel.sheet_reader import SheetRow, UncachedFormula, cell_text, is_blank
from app.models import Slot
from app.models.masking import mask_id_number
from app.models.problems import ImportRejected, RowProblem
from app.models.validation import (
    ValidationError,
    is_fever,
    optional_text,
    parse_temperature,
    temperature_needs_confirmation,
)
from app.services import rounds
from app.services.access import Permission, require
from app.services.errors import Conflict, ServiceError
from app.services.reference import get_setting, unit_profile
from app.services.rounds import DueItem, ReadingEntry, ReadingInfo

if TYPE_CHECKING:  # the sheet module imports openpyxl: only when a sheet is really used
    from app.excel.rounds_sheet import FilledSheet, SheetLine

T = TypeVar("T")

FORM_NAME = "体温登记表"

# The sheet's fields for each slot: (temperature key, symptoms key, header shown when absent).
_SLOT_KEYS: dict[Slot, tuple[str, str, str, str]] = {
    Slot.AM: ("am_celsius", "am_symptoms", "上午体温", "上午症状"),
    Slot.PM: ("pm_celsius", "pm_symptoms", "下午体温", "下午症状"),
}
_NO_SYMPTOMS = {"无", "否", "正常", "-", "—", "/"}


# --- export -------------------------------------------------------------------------------------


def sheet_lines(db: Database, day: date) -> list[SheetLine]:
    """Everyone due on ``day`` in round order, with the readings already taken."""
    from app.excel.rounds_sheet import SheetLine

    pm_of = {item.case_id: item.reading for item in rounds.due_list(db, day, Slot.PM)}
    lines: list[SheetLine] = []
    for item in rounds.due_list(db, day, Slot.AM):
        am, pm = item.reading, pm_of.get(item.case_id)
        taken_by = [r.measured_by for r in (am, pm) if r is not None and r.measured_by]
        notes = [r.note for r in (am, pm) if r is not None and r.note]
        lines.append(
            SheetLine(
                name=item.name,
                id_number=item.id_number,
                group_name=item.group_name,
                am_celsius=am.celsius if am else None,
                am_symptoms=_symptom_text(am),
                pm_celsius=pm.celsius if pm else None,
                pm_symptoms=_symptom_text(pm),
                measured_by="、".join(dict.fromkeys(taken_by)) or None,
                note="；".join(dict.fromkeys(notes)) or None,
            )
        )
    return lines


def _symptom_text(reading: ReadingInfo | None) -> str | None:
    if reading is None:
        return None
    return "、".join(reading.symptoms) or "无"


def export_rounds_sheet(db: Database, day: date, target: Path) -> Path:
    """Write the day's fill-in sheet to ``target`` (atomically); returns ``target``."""
    from app.excel.rounds_sheet import RoundsSheet, write_rounds_sheet

    require(db, Permission.EXPORT)
    unit = unit_profile(db)
    lines = sheet_lines(db, day)
    write_rounds_sheet(
        Path(target),
        RoundsSheet(unit.unit_name, day, lines, reporter=unit.reporter, phone=unit.phone),
    )
    return Path(target)


def suggested_sheet_name(db: Database, day: date) -> str:
    from app.excel.workbook import suggested_filename

    return suggested_filename(unit_profile(db).unit_name, FORM_NAME, day)


# --- import -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadingConflict:
    """A reading in the sheet that differs from the one already recorded."""

    row: int
    name: str
    slot: Slot
    existing: str  # "36.5 ℃" or "36.5 ℃ 干咳"
    incoming: str

    def __str__(self) -> str:
        return (
            f"第{self.row}行 {self.name} {self.slot.label}：已登记 {self.existing}，"
            f"表中为 {self.incoming}"
        )


class ReadingConflicts(Conflict):
    """The sheet would change readings already recorded; nothing was imported."""

    def __init__(self, conflicts: list[ReadingConflict]) -> None:
        self.conflicts = conflicts
        shown = "\n".join(str(c) for c in conflicts[:10])
        more = f"\n……还有 {len(conflicts) - 10} 条。" if len(conflicts) > 10 else ""
        super().__init__(
            f"有 {len(conflicts)} 条体温与已登记的不同，未导入任何数据。"
            f"请核对；确认以表中为准时选择“覆盖”后重新导入：\n{shown}{more}"
        )


@dataclass(frozen=True)
class PlannedReading:
    row: int
    entry: ReadingEntry
    conflict: ReadingConflict | None  # set when it replaces a different recorded value
    abnormal: bool


@dataclass(frozen=True)
class ReadingsImportPlan:
    """What importing a sheet would do; nothing has been saved."""

    day: date
    readings: list[PlannedReading]  # new and changed readings, in sheet order
    unchanged: int  # readings already recorded with the same value
    unusual: list[str] = field(default_factory=list)  # 35.0–35.9 / ≥ 40.5: worth a second look

    @property
    def conflicts(self) -> list[ReadingConflict]:
        return [p.conflict for p in self.readings if p.conflict is not None]

    @property
    def new_count(self) -> int:
        return sum(1 for p in self.readings if p.conflict is None)

    @property
    def abnormal_count(self) -> int:
        return sum(1 for p in self.readings if p.abnormal)


@dataclass(frozen=True)
class ReadingsImportResult:
    day: date
    written: int  # new readings saved
    overwritten: int  # conflicting readings replaced (only with overwrite)
    unchanged: int
    anomalies: int  # readings that opened (or kept open) an anomaly
    dry_run: bool = False


def plan_readings_import(
    db: Database, path: Path, *, day: date | None = None, today: date | None = None
) -> ReadingsImportPlan:
    """Read and check a filled-in sheet against the ledger; raises instead of returning problems.

    ``day`` is the date the clerk means to import (the rounds page's date, ``--date``); the sheet's
    own 测量日期 must agree with it. Raises ``ImportFileError`` (unreadable file), ``ServiceError``
    (no or wrong date) or ``ImportRejected`` (bad rows, listing every problem).
    """
    from app.excel.rounds_sheet import day_text, read_rounds_sheet

    sheet = read_rounds_sheet(Path(path))
    sheet_day = _sheet_day(sheet, day, Path(path).name)
    if sheet_day > (today or clock.today()):
        raise ServiceError(f"填报表的日期 {day_text(sheet_day)} 晚于今天，不能导入将来的体温。")
    due = {slot: rounds.due_list(db, sheet_day, slot) for slot in (Slot.AM, Slot.PM)}
    threshold = rounds.fever_threshold(db)
    matcher = _Matcher(due[Slot.AM], sheet, sheet_day)
    existing = {slot: {item.case_id: item.reading for item in items} for slot, items in due.items()}
    problems: list[RowProblem] = []
    planned: list[PlannedReading] = []
    unusual: list[str] = []
    unchanged = 0
    for sheet_row in sheet.rows:
        row = _without_uncomputed_formulas(sheet_row, sheet, problems)
        if not _has_readings(row):
            continue  # a name with nothing filled in: not measured (yet), nothing to import
        row_problems: list[RowProblem] = []
        item = matcher.match(row, row_problems)
        extras = _row_extras(row, sheet, item, row_problems)
        for slot, (temp_key, symptom_key, temp_header, symptom_header) in _SLOT_KEYS.items():
            raw_temp = row.values.get(temp_key)
            raw_symptoms = row.values.get(symptom_key)
            temp_label = sheet.labels.get(temp_key, temp_header)
            symptom_label = sheet.labels.get(symptom_key, symptom_header)
            if is_blank(raw_temp):
                if _says_symptoms(raw_symptoms):
                    reason = f"填写了症状但没有填{slot.label}体温"
                    row_problems.append(RowProblem(row.row, symptom_label, reason))
                continue
            value = _checked(row.row, temp_label, row_problems, parse_temperature, raw_temp)
            names = _checked(
                row.row, symptom_label, row_problems, rounds.parse_symptoms, raw_symptoms
            )
            if value is None or names is None or item is None or extras is None:
                continue
            who = f"第{row.row}行 {item.name} {slot.label}体温 {value:.1f} ℃"
            if temperature_needs_confirmation(value):
                unusual.append(f"{who}，数值少见，请核对")
            old = existing[slot].get(item.case_id)
            conflict = None
            if old is not None:
                if _same(old, value, names):
                    unchanged += 1
                    continue
                conflict = ReadingConflict(
                    row.row,
                    item.name,
                    slot,
                    _shown(old.celsius, old.symptoms),
                    _shown(value, names),
                )
            measured_by, note = extras
            entry = ReadingEntry(item.case_id, sheet_day, slot, value, names, measured_by, note)
            abnormal = is_fever(value, threshold) or bool(names)
            planned.append(PlannedReading(row.row, entry, conflict, abnormal))
        problems.extend(row_problems)
    if problems:
        raise ImportRejected(problems)
    return ReadingsImportPlan(sheet_day, planned, unchanged, unusual)


def apply_readings_import(
    db: Database, plan: ReadingsImportPlan, *, overwrite: bool = False, today: date | None = None
) -> ReadingsImportResult:
    """Save a checked plan in one transaction; with conflicts and no ``overwrite``, save nothing."""
    require(db, Permission.RECORD)
    conflicts = plan.conflicts
    if conflicts and not overwrite:
        raise ReadingConflicts(conflicts)
    # overwrite=False for the new ones: a reading typed on the rounds page since the plan was made
    # is a conflict too, and refuses the whole transaction rather than being replaced unseen.
    new = [p.entry for p in plan.readings if p.conflict is None]
    changed = [p.entry for p in plan.readings if p.conflict is not None]
    with db.session() as session:
        threshold = get_setting(session, Settings.FEVER_THRESHOLD)
        results = [
            rounds.save_reading(session, e, overwrite=False, today=today, threshold=threshold)
            for e in new
        ] + [
            rounds.save_reading(session, e, overwrite=True, today=today, threshold=threshold)
            for e in changed
        ]
    return ReadingsImportResult(
        plan.day,
        written=len(new),
        overwritten=len(changed),
        unchanged=plan.unchanged,
        anomalies=sum(1 for r in results if r.abnormal),
    )


# --- helpers ------------------------------------------------------------------------------------


def _without_uncomputed_formulas(
    row: SheetRow, sheet: FilledSheet, problems: list[RowProblem]
) -> SheetRow:
    """Each formula cell saved without its result is a problem, then read as blank (never as a
    default) so no other check reports the same cell again."""
    from app.excel.rounds_sheet import SYNONYMS

    formulas = [key for key, v in row.values.items() if isinstance(v, UncachedFormula)]
    if not formulas:
        return row
    for key in formulas:
        label = sheet.labels.get(key) or SYNONYMS[key][0]
        problems.append(RowProblem.formula_without_result(row.row, label))
    return SheetRow(row.row, {k: None if k in formulas else v for k, v in row.values.items()})


def _sheet_day(sheet: FilledSheet, wanted: date | None, filename: str) -> date:
    from app.excel.rounds_sheet import DATE_LABEL, day_text

    if sheet.day_uncomputed and sheet.day_row is not None:
        problem = RowProblem.formula_without_result(sheet.day_row, DATE_LABEL)
        raise ServiceError(f"{filename} {problem}。")
    if sheet.day is None and sheet.day_text:
        raise ServiceError(
            f"{filename} 第 {sheet.day_row} 行的{DATE_LABEL}“{sheet.day_text}”无法识别，"
            "请写成 2022年2月3日 这样的日期。"
        )
    if sheet.day is None:
        if wanted is None:
            raise ServiceError(
                f"{filename} 的表头上方没有“{DATE_LABEL}”，不知道是哪一天的体温。"
                "请在表头上方写上“测量日期：2022年2月3日”，或在导入时指定日期。"
            )
        return wanted
    if wanted is not None and wanted != sheet.day:
        raise ServiceError(
            f"{filename} 是 {day_text(sheet.day)} 的填报表，不是 {day_text(wanted)} 的，"
            "未导入任何数据。请选择对应日期的填报表，或改选日期后再导入。"
        )
    return sheet.day


def _checked(
    row: int, column: str, problems: list[RowProblem], parse: Callable[[object], T], raw: object
) -> T | None:
    """``parse(raw)``, or None with the reason added to ``problems``."""
    try:
        return parse(raw)
    except ValidationError as error:
        problems.append(RowProblem(row, column, error.message))
    except ServiceError as error:
        problems.append(RowProblem(row, column, str(error)))
    return None


def _says_symptoms(raw: object) -> bool:
    return not is_blank(raw) and str(raw).strip() not in _NO_SYMPTOMS


def _has_readings(row: SheetRow) -> bool:
    return any(
        not is_blank(row.values.get(temp)) or _says_symptoms(row.values.get(symptoms))
        for temp, symptoms, _, _ in _SLOT_KEYS.values()
    )


def _same(old: ReadingInfo, value: float, names: tuple[str, ...]) -> bool:
    return round(old.celsius * 10) == round(value * 10) and set(old.symptoms) == set(names)


def _shown(celsius: float, symptoms: tuple[str, ...]) -> str:
    return f"{celsius:.1f} ℃" + (f"（{'、'.join(symptoms)}）" if symptoms else "")


def _row_extras(
    row: SheetRow, sheet: FilledSheet, item: DueItem | None, problems: list[RowProblem]
) -> tuple[str | None, str | None] | None:
    """测量人 (default: the person's 包保 medical worker, as on the rounds page) and 备注."""
    measured_label = sheet.labels.get("measured_by", "测量人")
    note_label = sheet.labels.get("note", "备注")
    ok = True
    measured_by = note = None
    try:
        measured_by = optional_text(row.values.get("measured_by"), max_length=50, field="测量人")
    except ValidationError as error:
        problems.append(RowProblem(row.row, measured_label, error.message))
        ok = False
    try:
        note = optional_text(row.values.get("note"), max_length=200)
    except ValidationError as error:
        problems.append(RowProblem(row.row, note_label, error.message))
        ok = False
    if not ok:
        return None
    if measured_by is None and item is not None:
        measured_by = item.medical_staff
    return measured_by, note


def normalize_id_number(value: object) -> str:
    """身份证号 as typed in a sheet → comparable text (full-width digits, spaces, lower-case x)."""
    text = unicodedata.normalize("NFKC", cell_text(value) or "")
    return re.sub(r"\s+", "", text).upper()


class _Matcher:
    """Finds the due-list person of a sheet row: by 身份证号, else by a unique 姓名."""

    def __init__(self, due: list[DueItem], sheet: FilledSheet, day: date) -> None:
        from app.excel.rounds_sheet import day_text

        self.by_id = {normalize_id_number(i.id_number): i for i in due if i.id_number}
        # A sheet exported with 脱敏 shows 110105********0023: matched with the name beside it.
        self.by_masked: dict[str, list[DueItem]] = {}
        for item in due:
            if item.id_number:
                masked = normalize_id_number(mask_id_number(item.id_number))
                self.by_masked.setdefault(masked, []).append(item)
        self.by_name: dict[str, list[DueItem]] = {}
        for item in due:
            self.by_name.setdefault(item.name, []).append(item)
        self.name_label = sheet.labels.get("name", "姓名")
        self.id_label = sheet.labels.get("id_number", "身份证号")
        self.day_text = day_text(day)
        self.seen: dict[int, int] = {}  # case id → first sheet row

    def match(self, row: SheetRow, problems: list[RowProblem]) -> DueItem | None:
        name = re.sub(r"\s+", "", cell_text(row.values.get("name")) or "")
        raw_id = row.values.get("id_number")
        id_number = normalize_id_number(raw_id)
        item: DueItem | None = None
        if id_number:
            item = self.by_id.get(id_number)
            if item is None and "*" in id_number:
                same = [i for i in self.by_masked.get(id_number, []) if not name or i.name == name]
                item = same[0] if len(same) == 1 else None
            if item is None:
                reason = f"{id_number} 不在 {self.day_text} 应测体温的名单中"
                if isinstance(raw_id, int | float):
                    reason += "（这一列被存成了数字，后几位可能已丢失，请把该列设为文本后重填）"
                problems.append(RowProblem(row.row, self.id_label, reason))
                return None
            if name and name != item.name:
                problems.append(
                    RowProblem(
                        row.row,
                        self.name_label,
                        f"姓名“{name}”与身份证号登记的“{item.name}”不一致，请核对",
                    )
                )
                return None
        elif name:
            found = self.by_name.get(name, [])
            if not found:
                problems.append(
                    RowProblem(
                        row.row,
                        self.name_label,
                        f"“{name}”不在 {self.day_text} 应测体温的名单中，请核对姓名或填写身份证号",
                    )
                )
                return None
            if len(found) > 1:
                problems.append(
                    RowProblem(
                        row.row,
                        self.id_label,
                        f"名单中有 {len(found)} 人叫“{name}”，请填写身份证号以区分",
                    )
                )
                return None
            item = found[0]
        else:
            problems.append(
                RowProblem(row.row, self.name_label, "没有姓名和身份证号，不知道是谁的体温")
            )
            return None
        first = self.seen.setdefault(item.case_id, row.row)
        if first != row.row:
            problems.append(
                RowProblem(
                    row.row, self.name_label, f"“{item.name}”与第 {first} 行是同一人，请合并为一行"
                )
            )
            return None
        return item
