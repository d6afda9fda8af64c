"""人员台账 — register, change, end, delete and find cases (periods of management).

A case's fields are the person/case record type of the field registry (``app.models.fields``);
:class:`CaseInput` and :class:`CaseRow` restate only the *structural* ones, and carry the rest as
the registry declares them, so a new field reaches them with no code here:

* structural — the ids and references the services join and check on (``id``, ``person_id``,
  ``category_id``, ``measure_id``, ``source_pass_id``), the version a save checks
  (app.services.concurrency), whether the case is deleted, and the dates the logic computes or
  reasons with (``start_date``, ``planned_end`` from the measure's length, ``registered_on`` from
  the statistical day, ``ended_on`` set by an end): typed attributes, written out below;
* everything else a table, form, ledger or daily list shows (姓名, 身份证号, 联系电话, 人员类别 by
  name, 来源地, 备注 …): a :class:`CaseInput` gets one keyword per case field the form edits
  (:data:`CASE_INPUT_FIELDS`), and a :class:`CaseRow` holds :data:`ROW_FIELDS` in ``values`` keyed
  by field key, read as ``row.phone`` or ``row["phone"]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, make_dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from app import clock
from app.config import Settings
from app.db import Database, natural_key
from app.models import Case, Category, EndReason, Measure, Person, local_now
from app.models.fields import PERSON_CASE, Field, FieldValues, Place, RecordType
from app.models.search import person_search_key
from app.models.validation import (
    ValidationError,
    check_period,
    optional_text,
    parse_resident_id,
    require_text,
)
from app.services.access import Permission, require
from app.services.concurrency import check_version, refusing_stale
from app.services.errors import Conflict, NotFound
from app.services.periods import under_management
from app.services.reference import get_setting, statistical_day

RESIDENT_ID = "居民身份证"
ID_TYPES: tuple[str, ...] = (
    RESIDENT_ID,
    "港澳台居民居住证",
    "港澳居民来往内地通行证",
    "护照",
    "其他",
)


@dataclass(frozen=True)
class _PersonStructure:
    """Who a person is — what a row is matched on and what a resident ID gives (birth date, sex):
    the input the services reason with; :class:`PersonInput` adds the rest."""

    name: str
    id_number: str | None = None
    id_type: str = RESIDENT_ID
    sex: str | None = None
    birth_date: date | None = None


@dataclass(frozen=True)
class _CaseStructure:
    """A case's structural input (see the module docstring); :class:`CaseInput` adds the rest."""

    category_id: int
    measure_id: int
    start_date: date
    planned_end: date | None = None  # None: from the measure's default length
    registered_on: date | None = None  # None: today's statistical day
    source_pass_id: int | None = None


_PERSON_TABLE, _CASE_TABLE = PERSON_CASE.tables
_PYTHON_TYPES: dict[str, Any] = {"text": str, "date": date, "int": int, "bool": bool}


@dataclass(frozen=True)
class FormInputs:
    """What the person form of a record type hands the services: the person's and the case's
    fields it edits beyond their structure, and the input types with one keyword (named by the
    column: the person's 备注 is ``note``) per field."""

    person_fields: tuple[Field, ...]
    case_fields: tuple[Field, ...]
    person: Any  # a PersonInput: _PersonStructure and a keyword per person field
    case: Any  # a CaseInput: _CaseStructure and a keyword per case field
    info: Any  # a PersonInfo: the PersonInput as stored, with its id and version


@cache
def form_inputs(record: RecordType = PERSON_CASE) -> FormInputs:
    """The inputs of ``record``'s person form (a test tries a new field on a copy of it)."""
    person_table, case_table = record.tables
    person_fields = _form_fields(record, person_table, _PersonStructure)
    case_fields = _form_fields(record, case_table, _CaseStructure)
    person = _input_type(
        "PersonInput",
        _PersonStructure,
        person_fields,
        "What the clerk typed (or an import row held) about a person, before validation.",
    )
    info = make_dataclass(
        "PersonInfo",
        [
            ("id", int, field(kw_only=True)),
            ("version", int, field(default=1, kw_only=True)),
        ],
        bases=(person,),
        frozen=True,
    )
    info.__module__ = __name__
    info.__doc__ = (
        "A person as stored: what can be typed about them, its id, and the version read (a save "
        "checks it: app.services.concurrency)."
    )
    case = _input_type(
        "CaseInput",
        _CaseStructure,
        case_fields,
        "What the clerk typed about a case: its structure and its form's fields.",
    )
    return FormInputs(person_fields, case_fields, person, case, info)


def _form_fields(record: RecordType, table: str, structure: type) -> tuple[Field, ...]:
    """The fields of ``table`` the person form edits beyond ``structure``, in the registry's
    order."""
    written = {s.name for s in dataclass_fields(structure)}
    return tuple(
        f
        for f in record.placed(Place.FORM)
        if record.table_of(f) == table and f.column and f.column not in written
    )


def _input_type(name: str, structure: type, fields: tuple[Field, ...], doc: str) -> Any:
    """``structure`` and one keyword per field (None when not given)."""
    made = make_dataclass(
        name,
        [(f.column, _PYTHON_TYPES.get(f.kind, object) | None, None) for f in fields],
        bases=(structure,),
        frozen=True,
    )
    made.__module__ = __name__
    made.__doc__ = doc
    return made


_INPUTS = form_inputs()
#: The person's fields a form edits beyond who they are (联系电话, 现住址, 村民小组, 备注 …).
PERSON_INPUT_FIELDS: tuple[Field, ...] = _INPUTS.person_fields
#: The case's own fields a form edits beyond its structure (来源地, 抵达日期 …).
CASE_INPUT_FIELDS: tuple[Field, ...] = _INPUTS.case_fields
#: What the clerk typed (or an import row held) about a person, before validation: who they are,
#: then one keyword per field of :data:`PERSON_INPUT_FIELDS`.
PersonInput: type[_PersonStructure] = _INPUTS.person
#: What the clerk typed (or a list held) about a case, before validation: the structure, then one
#: keyword per field of :data:`CASE_INPUT_FIELDS`.
CaseInput: type[_CaseStructure] = _INPUTS.case
#: A person as stored: a PersonInput with its ``id`` and the ``version`` read.
PersonInfo: type[_PersonStructure] = _INPUTS.info


@dataclass(frozen=True)
class CaseRow(FieldValues):
    """One line of the roster, as the tables, forms and exports show it: the structure typed,
    every other field in ``values`` (see the module docstring), read as ``row.name`` too."""

    id: int
    person_id: int
    category_id: int
    measure_id: int
    registered_on: date
    start_date: date
    planned_end: date | None
    ended_on: date | None
    values: Mapping[str, Any]  # field key → value, for :data:`ROW_FIELDS` and 年龄
    deleted: bool = False
    source_pass_id: int | None = None  # the checkpoint pass the person was registered from
    version: int = 1  # the case's, as read: a save checks it (app.services.concurrency)

    @property
    def status(self) -> str:
        if self.deleted:
            return "已删除"
        if self.ended_on is None:
            return "在管"
        return self.values.get("end_reason") or "已结束"


#: Where a field shows: a CaseRow carries every stored field placed in one of these …
_SHOWN = Place.TABLE | Place.FORM | Place.LEDGER | Place.NEW_CASES | Place.ENDED_CASES
#: … and the case's 备注, which the roster shows as its 状态 cell's tooltip.
_ALSO_READ = frozenset({"note"})
_ROW_STRUCTURE = frozenset(f.name for f in dataclass_fields(CaseRow))
#: The fields a :class:`CaseRow` holds in ``values``, read from the database by their registry
#: entry; 年龄 (``age``) is added, computed from the birth date.
ROW_FIELDS: tuple[Field, ...] = tuple(
    f
    for f in PERSON_CASE.fields
    if (f.places & _SHOWN or f.key in _ALSO_READ) and f.column and f.key not in _ROW_STRUCTURE
)


@dataclass(frozen=True)
class RosterFilter:
    status: str = "active"  # active 在管 / ended 已解除 / all 全部 / deleted 已删除
    category_id: int | None = None
    measure_id: int | None = None
    group_name: str | None = None
    text: str = ""
    on: date | None = None  # "active" means under management on this day (default today)


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def clean_person(data: PersonInput, *, today: date | None = None) -> PersonInput:
    """The person as stored: validated, trimmed, a resident ID filling in birth date and sex.
    Raises ValidationError."""
    name = require_text(data.name, "姓名", max_length=50)
    id_type = data.id_type or RESIDENT_ID
    id_number = optional_text(data.id_number, max_length=30)
    sex, birth = data.sex, data.birth_date
    if id_number and id_type == RESIDENT_ID:
        resident = parse_resident_id(id_number, today=today)
        id_number, birth, sex = resident.number, resident.birth_date, resident.sex
    elif id_number:
        id_number = id_number.upper()
    return PersonInput(
        name=name,
        id_type=id_type,
        id_number=id_number,
        sex=sex,
        birth_date=birth,
        **{f.column: field_value(f, getattr(data, f.column)) for f in PERSON_INPUT_FIELDS},
    )


def planned_end_for(start: date, days: int, *, day_one_is_start: bool) -> date | None:
    """计划解除日期: the day after the last day of observation."""
    if days <= 0:
        return None
    return start + timedelta(days=days if day_one_is_start else days + 1)


#: The columns of a person that the clerk types (the rest the ledger keeps itself).
_PERSON_INPUTS: tuple[str, ...] = tuple(f.name for f in dataclass_fields(PersonInput))


def _apply_person(person: Person, clean: PersonInput) -> None:
    for key in _PERSON_INPUTS:
        setattr(person, key, getattr(clean, key))
    person.search_key = person_search_key(clean.name)


def find_person_by_id_number(db: Database, id_number: str) -> PersonInfo | None:
    with db.reading() as session:
        person = _live_person_by_id(session, id_number)
        return _person_info(person) if person else None


def _live_person_by_id(session: Session, id_number: str | None) -> Person | None:
    if not id_number:
        return None
    return session.scalar(
        select(Person).where(Person.id_number == id_number, Person.deleted_at.is_(None))
    )


def _person_info(p: Person) -> PersonInfo:
    return PersonInfo(
        id=p.id, version=p.version, **{key: getattr(p, key) for key in _PERSON_INPUTS}
    )


def _checked_case_values(session: Session, data: CaseInput, today: date) -> dict[str, object]:
    measure = session.get(Measure, data.measure_id)
    if measure is None:
        raise ValidationError("管控措施", "请选择管控措施。")
    if session.get(Category, data.category_id) is None:
        raise ValidationError("人员类别", "请选择人员类别。")
    if data.start_date > today:
        raise ValidationError("开始日期", "开始日期不能晚于今天。")
    for f in CASE_INPUT_FIELDS:  # a date the clerk records of a case has happened (抵达日期)
        value = getattr(data, f.column)
        if f.kind == "date" and value is not None and value > today:
            raise ValidationError(f.label, f"{f.label}不能晚于今天。")
    planned = data.planned_end or planned_end_for(
        data.start_date,
        measure.default_days,
        day_one_is_start=get_setting(session, Settings.DAY_ONE_IS_START),
    )
    if planned:
        check_period(data.start_date, planned, end_field="计划解除日期")
    registered = data.registered_on or statistical_day(
        local_now(), get_setting(session, Settings.STAT_CUTOFF)
    )
    return {
        "category_id": data.category_id,
        "measure_id": data.measure_id,
        "registered_on": registered,
        "start_date": data.start_date,
        "planned_end": planned,
        "source_pass_id": data.source_pass_id,
        **{f.column: field_value(f, getattr(data, f.column)) for f in CASE_INPUT_FIELDS},
    }


def field_value(f: Field, value: object) -> object:
    """A typed field's value as stored: the field's own check, else text trimmed (None if blank,
    at most its ``max_length``, 200 if it names none). Raises ValidationError."""
    if f.validate is not None:
        return f.validate(value)
    if f.kind == "text":
        return optional_text(value, max_length=f.max_length or 200, field=f.label)
    return value


def register_case(
    db: Database,
    person: PersonInput,
    case: CaseInput,
    *,
    existing_person_id: int | None = None,
    today: date | None = None,
) -> CaseRow:
    """排查登记: put a person on the roster.

    A resident ID already on the roster raises ``Conflict`` unless the clerk chose that person
    (``existing_person_id``); a person already under management cannot get a second open case.
    """
    require(db, Permission.RECORD)
    today = today or clock.today()
    clean = clean_person(person, today=today)
    with db.session() as session:
        existing = _live_person_by_id(session, clean.id_number)
        if existing_person_id is not None:
            target = session.get(Person, existing_person_id)
            if target is None or target.is_deleted:
                raise NotFound("找不到要使用的已有人员。")
        elif existing is not None:
            raise Conflict(
                f"身份证号 {clean.id_number} 已登记为「{existing.name}」"
                f"（{existing.group_name or '未填组别'}）。请选择使用已有人员。"
            )
        else:
            target = Person()
            session.add(target)
        if existing is not None and existing.id != target.id:
            raise Conflict(f"身份证号 {clean.id_number} 已属于另一人「{existing.name}」。")
        _apply_person(target, clean)
        session.flush()
        if any(c.ended_on is None and not c.is_deleted for c in target.cases):
            raise Conflict(f"「{target.name}」目前已在管，无需重复登记；如需更改请编辑现有记录。")
        record = Case(person_id=target.id, **_checked_case_values(session, case, today))
        session.add(record)
        session.flush()
        return _row(session, record.id)


def update_person(
    db: Database, person_id: int, data: PersonInput, *, seen_version: int | None = None
) -> PersonInfo:
    """Save a person's details. ``seen_version``: the version the clerk's form read (see
    ``PersonInfo.version``); another clerk's save since then raises ``EditedElsewhere``."""
    require(db, Permission.RECORD)
    clean = clean_person(data)
    with db.session() as session:
        return _update_person(session, person_id, clean, seen_version)


def update_case(
    db: Database, case_id: int, data: CaseInput, *, seen_version: int | None = None
) -> CaseRow:
    """Save a case's period and category; ``seen_version`` as for ``update_person``."""
    require(db, Permission.RECORD)
    with db.session() as session:
        _update_case(session, case_id, data, seen_version)
        return _row(session, case_id)


def update_registration(
    db: Database,
    person: PersonInfo,
    person_data: PersonInput,
    case: CaseRow,
    case_data: CaseInput,
) -> CaseRow:
    """The person form's save of an existing record: person and case in one transaction, each
    checked against the version the form read — both saved, or (已被他人修改) neither."""
    require(db, Permission.RECORD)
    clean = clean_person(person_data)
    with db.session() as session:
        _update_person(session, person.id, clean, person.version)
        _update_case(session, case.id, case_data, case.version)
        return _row(session, case.id)


def _update_person(
    session: Session, person_id: int, clean: PersonInput, seen_version: int | None
) -> PersonInfo:
    person = session.get(Person, person_id)
    if person is None or person.is_deleted:
        raise NotFound("找不到这个人员。")
    yours = {key: getattr(clean, key) for key in _PERSON_INPUTS}
    check_version(session, person, seen_version, yours, named=person.name)
    other = _live_person_by_id(session, clean.id_number)
    if other is not None and other.id != person_id:
        raise Conflict(f"身份证号 {clean.id_number} 已属于「{other.name}」。")
    _apply_person(person, clean)
    with refusing_stale(person.name):
        session.flush()
    return _person_info(person)


def _update_case(session: Session, case_id: int, data: CaseInput, seen_version: int | None) -> None:
    case = _live_case(session, case_id)
    values = _checked_case_values(
        session, replace(data, registered_on=case.registered_on), clock.today()
    )
    named = f"{case.person.name}的登记记录"
    check_version(session, case, seen_version, values, named=named)
    for key, value in values.items():
        setattr(case, key, value)
    if case.ended_on:
        check_period(case.start_date, case.ended_on, end_field="结束日期")
    with refusing_stale(named):
        session.flush()


def end_case(
    db: Database, case_id: int, ended_on: date, reason_id: int, *, note: str | None = None
) -> CaseRow:
    """期满解除 / 转集中隔离 / 送医 …: close the period of management on a date."""
    require(db, Permission.RECORD)
    with db.session() as session:
        case = _live_case(session, case_id)
        if case.ended_on is not None:
            raise Conflict(f"这条记录已于 {case.ended_on:%Y-%m-%d} 结束。")
        if session.get(EndReason, reason_id) is None:
            raise ValidationError("结束原因", "请选择结束原因。")
        if ended_on > clock.today():
            raise ValidationError("结束日期", "结束日期不能晚于今天。")
        check_period(case.start_date, ended_on, end_field="结束日期")
        case.ended_on = ended_on
        case.end_reason_id = reason_id
        if note:
            case.note = f"{case.note}；{note}" if case.note else note
        session.flush()
        return _row(session, case.id)


def reopen_case(db: Database, case_id: int) -> CaseRow:
    """Undo an end recorded by mistake."""
    require(db, Permission.RECORD)
    with db.session() as session:
        case = _live_case(session, case_id)
        _refuse_second_open_case(session, case)
        case.ended_on = None
        case.end_reason_id = None
        session.flush()
        return _row(session, case.id)


def delete_case(db: Database, case_id: int) -> None:
    """Soft delete: hidden everywhere, undone with ``restore_case``."""
    require(db, Permission.DELETE)
    with db.session() as session:
        _live_case(session, case_id).deleted_at = local_now()


def restore_case(db: Database, case_id: int) -> CaseRow:
    require(db, Permission.DELETE)
    with db.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("找不到这条记录。")
        if case.ended_on is None:
            _refuse_second_open_case(session, case)
        case.deleted_at = None
        session.flush()
        return _row(session, case.id)


def _refuse_second_open_case(session: Session, case: Case) -> None:
    """One person, one open period of management: undoing an end or a delete must not make two."""
    other = session.scalar(
        select(Case.id).where(
            Case.person_id == case.person_id,
            Case.id != case.id,
            Case.deleted_at.is_(None),
            Case.ended_on.is_(None),
        )
    )
    if other is not None:
        raise Conflict(f"「{case.person.name}」已有一条在管记录，不能再有第二条；请先处理那一条。")


def _live_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.is_deleted:
        raise NotFound("找不到这条登记记录（可能已被删除）。")
    return case


# --- queries --------------------------------------------------------------------------------------


def _filtered(query: Select, flt: RosterFilter) -> Select:  # type: ignore[type-arg]
    day = flt.on or clock.today()
    if flt.status == "deleted":
        query = query.where(Case.deleted_at.is_not(None))
    else:
        query = query.where(Case.deleted_at.is_(None))
    if flt.status == "active":
        query = query.where(*under_management(day))
    elif flt.status == "ended":
        query = query.where(Case.ended_on.is_not(None), Case.ended_on <= day)
    if flt.category_id is not None:
        query = query.where(Case.category_id == flt.category_id)
    if flt.measure_id is not None:
        query = query.where(Case.measure_id == flt.measure_id)
    if flt.group_name:
        query = query.where(Person.group_name == flt.group_name)
    text = flt.text.strip().lower()
    if text:
        # "_" and "%" typed by the clerk are plain characters, not LIKE wildcards.
        literal_text = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{literal_text}%"
        query = query.where(
            or_(
                Person.name.like(pattern, escape="\\"),
                Person.search_key.like(pattern, escape="\\"),
                Person.id_number.like(f"%{literal_text.upper()}%", escape="\\"),
                Person.phone.like(pattern, escape="\\"),
            )
        )
    return query


# What a roster table can be ordered by (``roster_ids(sort=...)``); ties fall back to 组别, 姓名.
ROSTER_SORTS: tuple[str, ...] = (
    "group_name", "name", "sex", "age", "id_number", "phone", "category", "measure",
    "start_date", "planned_end", "status",
)  # fmt: skip


def people_to_visit(*more: Any) -> Select[Any]:
    """The columns of every list a clerk walks with (who owes a reading, who must be swabbed):
    case id, person id, name, ID number, 村民小组, address, phone and measure, then ``more``."""
    return (
        select(
            Case.id,
            Person.id,
            Person.name,
            Person.id_number,
            Person.group_name,
            Person.address,
            Person.phone,
            Measure.name,
            *more,
        )
        .join(Person, Person.id == Case.person_id)
        .join(Measure, Measure.id == Case.measure_id)
    )


def group_rank(session: Session):  # type: ignore[no-untyped-def]
    """村民小组 in natural order (一组 < 二组 < 十组) as a SQL expression.

    The ``natural`` collation calls Python for every comparison: ordering 50,000 rows with it took
    ~0.9 s. The distinct group names are few, so rank them once in Python and let SQLite sort
    integers.
    """
    named = select(Person.group_name).where(Person.group_name.is_not(None)).distinct()
    # Names that count alike (1组, 一组) are ordered by their text: DISTINCT returns them in no
    # set order on PostgreSQL, and a stable sort would keep whatever order that was.
    ranked = sorted(session.scalars(named), key=lambda name: (natural_key(name), name))
    if not ranked:
        return literal(0)
    ranks = {name: rank for rank, name in enumerate(ranked)}
    return sql_case(ranks, value=Person.group_name, else_=len(ranked))


def group_order(session: Session):  # type: ignore[no-untyped-def]
    """ORDER BY terms for 村民小组 in natural order, people without a group first (as SQLite's
    ``natural`` collation put them; PostgreSQL would put NULLs last)."""
    return (Person.group_name.is_not(None), group_rank(session))


def _sort_columns(sort: str, descending: bool):  # type: ignore[no-untyped-def]
    primary = {
        "name": [Person.search_key],
        "sex": [Person.sex],
        "age": [Person.birth_date],  # older first when ascending by birth date: flipped below
        "id_number": [Person.id_number],
        "phone": [Person.phone],
        "category": [Category.sort_order, Category.id],
        "measure": [Measure.sort_order, Measure.id],
        "start_date": [Case.start_date],
        "planned_end": [Case.planned_end],
        "status": [Case.ended_on.is_not(None), Case.ended_on],
    }.get(sort, [])
    if sort == "age":
        descending = not descending
    return [(c.desc() if descending else c.asc()).nulls_last() for c in primary]


def roster_ids(
    db: Database, flt: RosterFilter, *, sort: str = "group_name", descending: bool = False
) -> list[int]:
    """The ordered case ids matching a filter — cheap, so a table can fetch rows lazily.

    ``sort`` is one of ``ROSTER_SORTS``. Measured at 50,000 cases: ~0.09 s for all of them, ~0.03 s
    for a name or pinyin search.
    """
    if sort not in ROSTER_SORTS:
        raise ValueError(f"unknown roster sort {sort!r}")
    query = _filtered(select(Case.id).join(Person, Case.person_id == Person.id), flt)
    if sort == "category":
        query = query.join(Category, Category.id == Case.category_id)
    elif sort == "measure":
        query = query.join(Measure, Measure.id == Case.measure_id)
    with db.reading() as session:
        group = group_rank(session)
        if sort == "group_name" and descending:
            group = group.desc()
        query = query.order_by(*_sort_columns(sort, descending), group, Person.search_key, Case.id)
        # Through the Connection, rows unpacked here: the ORM's result processing cost ~15 ms for
        # 25,000 ids, and ``.scalars().all()`` another ~20 ms over plain row iteration (bench/).
        return [case_id for (case_id,) in session.connection().execute(query)]


def roster_rows(db: Database, case_ids: list[int]) -> list[CaseRow]:
    """Rows for these ids, in the given order."""
    if not case_ids:
        return []
    with db.reading() as session:
        by_id = {row.id: row for row in _rows(session, case_ids)}
    return [by_id[i] for i in case_ids if i in by_id]


def case_row(db: Database, case_id: int) -> CaseRow:
    with db.reading() as session:
        return _row(session, case_id)


def group_names(db: Database) -> list[str]:
    query = (
        select(Person.group_name)
        .where(Person.group_name.is_not(None), Person.deleted_at.is_(None))
        .distinct()
    )
    with db.reading() as session:
        return sorted((g for g in session.scalars(query) if g), key=natural_key)


def person_info(db: Database, person_id: int) -> PersonInfo:
    with db.reading() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("找不到这个人员。")
        return _person_info(person)


def cases_of_person(db: Database, person_id: int) -> list[CaseRow]:
    query = select(Case.id).where(Case.person_id == person_id).order_by(Case.start_date)
    with db.reading() as session:
        return _rows(session, list(session.scalars(query)))


def _row(session: Session, case_id: int) -> CaseRow:
    rows = _rows(session, [case_id])
    if not rows:
        raise NotFound("找不到这条登记记录。")
    return rows[0]


#: Fields stored as a reference id and shown by the referenced row's name.
_NAMED_BY_REFERENCE = {
    "category": Category.name,
    "measure": Measure.name,
    "end_reason": EndReason.name,
}


def field_column(field: Field) -> Any:
    """The SQL expression of a stored person/case field, labelled with its key: 人员类别, 管控措施
    and 结束原因 by name (the query joins their tables), every other field straight from its
    table. Rows read with these are ``{field key: value}``."""
    if field.key in _NAMED_BY_REFERENCE:
        return _NAMED_BY_REFERENCE[field.key].label(field.key)
    model = Case if field.table == _CASE_TABLE else Person
    return getattr(model, field.column or field.key).label(field.key)


# What a CaseRow is read from: plain columns, no ORM objects (a page of 200 rows built from ORM
# objects with four joined loads took a third of the roster's opening time). The structure by
# name, then the registry's fields.
_ROW_COLUMNS = (
    Case.id.label("id"), Case.person_id.label("person_id"), Case.category_id.label("category_id"),
    Case.measure_id.label("measure_id"), Case.registered_on.label("registered_on"),
    Case.start_date.label("start_date"), Case.planned_end.label("planned_end"),
    Case.ended_on.label("ended_on"), Case.deleted_at.label("deleted_at"),
    Case.source_pass_id.label("source_pass_id"), Case.version.label("version"),
    Person.birth_date.label("born"),  # for 年龄
    *(field_column(f) for f in ROW_FIELDS),
)  # fmt: skip


def _rows(session: Session, case_ids: list[int]) -> list[CaseRow]:
    """Rows for these ids in the order given (callers ordered the ids; ``IN`` does not keep it)."""
    today = clock.today()
    rows: list[CaseRow] = []
    # SQLite limits bound parameters; 900 per query keeps well under it.
    for start in range(0, len(case_ids), 900):
        chunk = case_ids[start : start + 900]
        query = (
            select(*_ROW_COLUMNS)
            .join(Person, Person.id == Case.person_id)
            .join(Category, Category.id == Case.category_id)
            .join(Measure, Measure.id == Case.measure_id)
            .outerjoin(EndReason, EndReason.id == Case.end_reason_id)
            .where(Case.id.in_(chunk))
        )
        # (autoflushes: callers may have unsaved edits)
        for line in session.execute(query).mappings():
            values = {f.key: line[f.key] for f in ROW_FIELDS}
            values["age"] = age_on(line["born"], today)
            rows.append(
                CaseRow(
                    id=line["id"],
                    person_id=line["person_id"],
                    category_id=line["category_id"],
                    measure_id=line["measure_id"],
                    registered_on=line["registered_on"],
                    start_date=line["start_date"],
                    planned_end=line["planned_end"],
                    ended_on=line["ended_on"],
                    values=values,
                    deleted=line["deleted_at"] is not None,
                    source_pass_id=line["source_pass_id"],
                    version=line["version"],
                )
            )
    position = {case_id: index for index, case_id in enumerate(case_ids)}
    return sorted(rows, key=lambda row: position[row.id])


def due_for_release(db: Database, day: date, limit: int | None = None) -> list[CaseRow]:
    """Open cases whose planned end has come (ready for 期满解除), the most overdue first;
    with ``limit``, only the first so many (count them all with ``count_due_for_release``)."""
    query = select(Case.id).where(*_due_for_release(day)).order_by(Case.planned_end).limit(limit)
    with db.reading() as session:
        return _rows(session, list(session.scalars(query)))


def count_due_for_release(db: Database, day: date) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).where(*_due_for_release(day))) or 0


def _due_for_release(day: date) -> tuple[ColumnElement[bool], ...]:
    return (
        Case.deleted_at.is_(None),
        Case.ended_on.is_(None),
        Case.planned_end.is_not(None),
        Case.planned_end <= day,
    )
