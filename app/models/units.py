"""所属单位 — villages in one database: an account of a village sees and edits its own records.

The one place the unit is applied. A session whose ``info[UNIT_KEY]`` names a village adds, to
every statement about mapped records it runs (through the ORM or straight on its connection),
the criteria below (SQLAlchemy's ``with_loader_criteria``): the village's people, their cases,
readings, 核酸检测 results, anomalies and 包保, its staff and its checkpoints with their
vehicles, and the part of the 操作留痕 that is the village's (below). New people, staff and
checkpoints are stamped with the village. No unit (a village's own laptop, or a township
account on the server): the whole ledger, and no cost.

Raw SQL, which no hook can read (the 体温台账 and its 14天体温表 grid, hand-written SQL on a
DB-API cursor for speed), adds ``unit_condition`` itself: the same village, the same rows the
ORM would give. Without a unit it adds nothing — the statement, and its speed, as before.

The 操作留痕 of a village account: the entries about its records (its people — their cases,
readings, anomalies and 包保 carry the person — its staff, checkpoints, vehicle passes and their
occupants, its accounts and its 填报单位 profile), whoever wrote them (the township correcting
a village's person is the village's business), and the entries written under the name of one of
its own accounts (its settings changes, imports, exports of the daily report …). The trail names
the clerk by 姓名, not by account: a name that an account outside the village also carries
(the township's 王芳 and the village's 王芳) does not count, so that another unit's namesake
never opens its entries to the village. What the township or another village changed in the
shared lists and settings stays theirs. The township account sees the whole trail.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Delete,
    Engine,
    Executable,
    Insert,
    Select,
    Update,
    and_,
    event,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, with_loader_criteria

from app.models.assignments import Assignment, Staff
from app.models.audit import AuditEntry
from app.models.checkpoints import Checkpoint, Occupant, VehiclePass
from app.models.health import Anomaly, AnomalyKind, TemperatureReading
from app.models.operators import Operator
from app.models.reference import UnitProfile
from app.models.roster import Case, Person
from app.models.testing import NucleicAcidTest

UNIT_KEY = "unit"  # Session.info key holding the signed-in account's village (None: all)
_STAMPED = (Person, Staff, Checkpoint)  # records that carry their unit themselves
_STAMPED_TABLES = frozenset(model.__tablename__ for model in _STAMPED)


def unit_criteria(unit: str) -> list[Any]:
    """The loader criteria that keep a statement to ``unit``'s records."""
    people = select(Person.id).where(Person.unit == unit)
    cases = select(Case.id).where(Case.person_id.in_(people))
    checkpoints = select(Checkpoint.id).where(Checkpoint.unit == unit)
    passes = select(VehiclePass.id).where(VehiclePass.checkpoint_id.in_(checkpoints))
    anomalies = or_(Anomaly.case_id.in_(cases), Anomaly.pass_id.in_(passes), _untied_positive(unit))
    options = [
        (Person, Person.unit == unit),
        (Staff, Staff.unit == unit),
        (Checkpoint, Checkpoint.unit == unit),
        (Case, Case.person_id.in_(people)),
        (TemperatureReading, TemperatureReading.case_id.in_(cases)),
        # By person, not case: a 全员核酸 sample of someone not under management has no case.
        (NucleicAcidTest, NucleicAcidTest.person_id.in_(people)),
        (Assignment, Assignment.case_id.in_(cases)),
        (Anomaly, anomalies),
        (VehiclePass, VehiclePass.checkpoint_id.in_(checkpoints)),
        (Occupant, Occupant.pass_id.in_(passes)),
        (AuditEntry, _audit_criterion(unit, people, checkpoints, passes, anomalies)),
    ]
    return [
        with_loader_criteria(model, criterion, include_aliases=True) for model, criterion in options
    ]


def _untied_positive(unit: str) -> ColumnElement[bool]:
    """A 核酸阳性 of someone not under management (a 全员核酸 sample) has no case: its anomaly
    names the person only (``nucleic_tests._open_positive_anomaly``). It is the village's whose
    people carry that name — unless a person of another unit does too: a namesake never shows
    one village's alarm to another (the township sees it either way)."""
    own = select(Person.name).where(Person.unit == unit)
    others = select(Person.name).where(or_(Person.unit.is_(None), Person.unit != unit))
    return and_(
        Anomaly.case_id.is_(None),
        Anomaly.pass_id.is_(None),
        Anomaly.kind == AnomalyKind.POSITIVE_TEST.value,
        Anomaly.subject_name.in_(own),
        Anomaly.subject_name.not_in(others),
    )


def _audit_criterion(
    unit: str,
    people: Select[Any],
    checkpoints: Select[Any],
    passes: Select[Any],
    anomalies: ColumnElement[bool],
) -> ColumnElement[bool]:
    """The 操作留痕 entries that are ``unit``'s (the rule is in the module docstring)."""
    # How the trail names an account (OperatorInfo.label): its 姓名, else the account name.
    label = func.coalesce(func.nullif(Operator.display_name, ""), Operator.username)
    own_names = select(label).where(Operator.unit == unit)
    other_names = select(label).where(or_(Operator.unit.is_(None), Operator.unit != unit))
    about = {
        Staff.__tablename__: select(Staff.id).where(Staff.unit == unit),
        Checkpoint.__tablename__: checkpoints,
        VehiclePass.__tablename__: passes,
        Occupant.__tablename__: select(Occupant.id).where(Occupant.pass_id.in_(passes)),
        Anomaly.__tablename__: select(Anomaly.id).where(anomalies),
        Operator.__tablename__: select(Operator.id).where(Operator.unit == unit),
        UnitProfile.__tablename__: select(UnitProfile.id).where(UnitProfile.unit == unit),
    }
    return or_(
        AuditEntry.person_id.in_(people),
        *(
            and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
            for entity, ids in about.items()
        ),
        and_(AuditEntry.operator.in_(own_names), AuditEntry.operator.not_in(other_names)),
    )


def unit_condition(session: Session, person_id: str, params: dict[str, object]) -> str:
    """For raw SQL: `` AND <person_id> IN (the unit's people)`` when ``session`` is kept to a
    village (its parameter added to ``params``), else "" — the statement stays as it is.

    ``person_id`` is the SQL expression of the row's person (``c.person_id``). The unit is the
    one the session's connection carries for this transaction, as for the ORM's statements.
    """
    unit = session.connection().get_execution_options().get("fangyi_unit")
    if unit is None:
        return ""
    params["fangyi_unit"] = unit
    return (
        f" AND {person_id} IN (SELECT unit_person.id FROM person unit_person"
        " WHERE unit_person.unit = :fangyi_unit)"
    )


def scope_connection(connection: Connection, unit: str | None) -> None:
    """Keep the statements run on ``connection`` to ``unit`` (None: all villages)."""
    # An execution option of this Connection object, which lives as long as the transaction
    # (``Connection.info`` would stay with the pooled DB-API connection after it).
    connection.execution_options(fangyi_unit=unit)


def _hand_to_connection(session: Session, _transaction: object, connection: Connection) -> None:
    """The session's unit goes with each transaction it begins, so that statements run on its
    connection directly (the fast paths: ``session.connection().execute``) are scoped too."""
    scope_connection(connection, session.info.get(UNIT_KEY))


def _scope(
    connection: Connection, statement: Executable, *args: object
) -> tuple[Executable, Any, Any]:
    """``before_execute``: every ORM-aware SELECT, UPDATE or DELETE gets the unit's criteria, and
    rows INSERTed in bulk (an imported list) into a table that carries its unit get it."""
    multiparams, params = args[0], args[1]
    unit = connection.get_execution_options().get("fangyi_unit")
    if unit is None:
        return statement, multiparams, params
    if isinstance(statement, Select | Update | Delete):
        statement = statement.options(*unit_criteria(unit))
    elif isinstance(statement, Insert) and statement.table.name in _STAMPED_TABLES:
        rows = multiparams if isinstance(multiparams, list | tuple) and multiparams else [params]
        for row in rows:
            if isinstance(row, dict):
                row.setdefault("unit", unit)
    return statement, multiparams, params


def _stamp(session: Session, _context: object, _instances: object) -> None:
    unit = session.info.get(UNIT_KEY)
    if unit is None:
        return
    for record in session.new:
        if isinstance(record, _STAMPED) and record.unit is None:
            record.unit = unit


def install_unit_scope(sessions: object, engine: Engine) -> None:
    """Keep every session ``sessions`` makes to its ``info[UNIT_KEY]`` unit (see above)."""
    event.listen(sessions, "after_begin", _hand_to_connection)
    event.listen(sessions, "before_flush", _stamp)
    event.listen(engine, "before_execute", _scope, retval=True)
