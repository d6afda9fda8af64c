"""导入核酸检测结果 — the sampling system's result list, matched to the roster by ID number.

Real lists differ in their headers (受检者姓名/姓名, 证件号码/身份证号, 采样时间, 检测时间,
检测结果/结果, 检测机构): the names come from the field registry (``NUCLEIC_ACID_TEST``).
All or nothing: one bad row imports nothing. People not on the roster (a 全员核酸 list holds
the whole village) are listed and left out. Importing the same list again adds nothing: one
result per person and sample day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.excel.sheet_reader import SheetRow, UncachedFormula, cell_text, open_table
from app.models import Case, Person
from app.models.fields import NUCLEIC_ACID_TEST as FIELDS
from app.models.problems import ImportRejected, RowProblem
from app.models.testing import TestResult
from app.models.validation import ValidationError, parse_date, parse_resident_id
from app.services.access import Permission, require
from app.services.errors import Conflict, ServiceError
from app.services.nucleic_tests import TestEntry, parse_result, save_test

T = TypeVar("T")
SYNONYMS = FIELDS.import_headers()


@dataclass(frozen=True)
class Unmatched:
    """A row whose ID number is not on the roster: listed for the clerk, not imported."""

    row: int
    name: str
    id_number: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.name or '（无姓名）'} {self.id_number}：台账中没有此证件号码"


@dataclass(frozen=True)
class TestsImportResult:
    __test__ = False

    new: int
    updated: int
    unchanged: int
    positive: int  # 阳性 among the rows: each has an anomaly open
    unmatched: tuple[Unmatched, ...] = field(default=())

    @property
    def summary(self) -> str:
        text = f"新登记 {self.new} 条，更新 {self.updated} 条，相同跳过 {self.unchanged} 条"
        if self.unmatched:
            text += f"，台账中无此人 {len(self.unmatched)} 条（未导入）"
        return text


@dataclass(frozen=True)
class _Row:
    row: int
    name: str
    id_number: str
    entry_values: tuple[date, TestResult, date | None, str | None]


def import_tests(db: Database, path: Path, *, dry_run: bool = False) -> TestsImportResult:
    """Read, check and save the whole list in one transaction — or raise and save nothing."""
    require(db, Permission.RECORD)
    rows = _read(path)
    with db.session() as session:
        result = _save(session, rows)
        if dry_run:
            session.rollback()
    return result


def _read(path: Path) -> list[_Row]:
    anchors = FIELDS["id_number"].headers + FIELDS["name"].headers
    match, table = open_table(path, SYNONYMS, required=FIELDS.required_for_import, anchor=anchors)
    labels = {key: match.column_labels.get(key, FIELDS[key].label) for key in SYNONYMS}
    problems: list[RowProblem] = []
    rows: list[_Row] = []
    today = clock.today()
    with table:
        for sheet_row in table:
            found = _row(sheet_row, labels, problems, today)
            if found is not None:
                rows.append(found)
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ServiceError(f"{path.name} 中没有检测结果。")
    return rows


def _row(
    sheet_row: SheetRow, labels: dict[str, str], problems: list[RowProblem], today: date
) -> _Row | None:
    values = sheet_row.values
    number = sheet_row.row
    before = len(problems)
    for key, value in values.items():
        if isinstance(value, UncachedFormula):
            problems.append(RowProblem.formula_without_result(number, labels[key]))
    if len(problems) > before:
        return None

    def checked(key: str, parse: Callable[[object], T]) -> T | None:
        try:
            return parse(values.get(key))
        except ValidationError as error:
            problems.append(RowProblem(number, labels[key], error.message))
        except ServiceError as error:
            problems.append(RowProblem(number, labels[key], str(error)))
        return None

    id_number = checked("id_number", _id_key)
    sampled = checked("sample_date", lambda raw: parse_date(raw, field="采样时间", today=today))
    result = checked("result", parse_result)
    tested_on = None
    if cell_text(values.get("tested_on")) is not None:
        tested_on = checked("tested_on", lambda raw: parse_date(raw, field="检测时间", today=today))
    if len(problems) > before or id_number is None or sampled is None or result is None:
        return None
    lab = cell_text(values.get("lab"))
    name = cell_text(values.get("name")) or ""
    return _Row(number, name, id_number, (sampled, result, tested_on, lab))


def _id_key(raw: object) -> str:
    """A resident ID in canonical form (15 → 18 digits, lower x → X); other documents as written."""
    text = cell_text(raw)
    if text is None:
        raise ServiceError("不能为空：按证件号码对应到台账中的人")
    try:
        return parse_resident_id(text).number
    except ValidationError:
        return text.strip().upper()


def _save(session: Session, rows: list[_Row]) -> TestsImportResult:
    people = _people_by_id(session, {r.id_number for r in rows})
    problems: list[RowProblem] = []
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    positive = 0
    unmatched: list[Unmatched] = []
    for r in rows:
        person_id = people.get(r.id_number)
        if person_id is None:
            unmatched.append(Unmatched(r.row, r.name, r.id_number))
            continue
        sampled, result, tested_on, lab = r.entry_values
        entry = TestEntry(
            person_id, _case_on(session, person_id, sampled), sampled, result, tested_on, lab,
            source="导入",
        )  # fmt: skip
        try:
            saved = save_test(session, entry, overwrite=False)
        except Conflict as error:
            problems.append(RowProblem(r.row, FIELDS["result"].label, str(error)))
            continue
        except (ServiceError, ValidationError) as error:
            problems.append(RowProblem(r.row, FIELDS["sample_date"].label, str(error)))
            continue
        counts[saved.status] += 1
        positive += result is TestResult.POSITIVE
    if problems:
        raise ImportRejected(problems)  # the session's transaction rolls back: nothing saved
    return TestsImportResult(
        counts["new"], counts["updated"], counts["unchanged"], positive, tuple(unmatched)
    )


def _people_by_id(session: Session, id_numbers: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    ordered = sorted(id_numbers)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows = session.execute(
            select(Person.id_number, Person.id).where(
                Person.id_number.in_(chunk), Person.deleted_at.is_(None)
            )
        )
        found.update({number: person_id for number, person_id in rows if number})
    return found


def _case_on(session: Session, person_id: int, day: date) -> int | None:
    """The period of management the sample belongs to (None: not under management that day)."""
    return session.scalar(
        select(Case.id)
        .where(
            Case.person_id == person_id,
            Case.deleted_at.is_(None),
            Case.start_date <= day,
            (Case.ended_on.is_(None)) | (Case.ended_on > day),
        )
        .order_by(Case.start_date.desc())
        .limit(1)
    )
