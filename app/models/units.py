"""所属单位 — villages in one database: an account of a village sees and edits its own records.

The one place the unit is applied. A session whose ``info[UNIT_KEY]`` names a village adds, to
every statement about mapped records it runs (through the ORM or straight on its connection),
the criteria below (SQLAlchemy's ``with_loader_criteria``): the village's people, their cases,
readings, anomalies and 包保, its staff and its checkpoints with their vehicles. New people,
staff and checkpoints are stamped with the village. No unit (a village's own laptop, or a
township account on the server): the whole ledger, and no cost.

Not covered: the 体温台账 and 体温记录 grid exports read through a raw DB-API cursor (hand-written
SQL, for speed); on a server they are the township's, whoever exports them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Connection,
    Delete,
    Engine,
    Executable,
    Insert,
    Select,
    Update,
    event,
    or_,
    select,
)
from sqlalchemy.orm import Session, with_loader_criteria

from app.models.assignments import Assignment, Staff
from app.models.checkpoints import Checkpoint, Occupant, VehiclePass
from app.models.health import Anomaly, TemperatureReading
from app.models.roster import Case, Person

UNIT_KEY = "unit"  # Session.info key holding the signed-in account's village (None: all)
_STAMPED = (Person, Staff, Checkpoint)  # records that carry their unit themselves
_STAMPED_TABLES = frozenset(model.__tablename__ for model in _STAMPED)


def unit_criteria(unit: str) -> list[Any]:
    """The loader criteria that keep a statement to ``unit``'s records."""
    people = select(Person.id).where(Person.unit == unit)
    cases = select(Case.id).where(Case.person_id.in_(people))
    checkpoints = select(Checkpoint.id).where(Checkpoint.unit == unit)
    passes = select(VehiclePass.id).where(VehiclePass.checkpoint_id.in_(checkpoints))
    options = [
        (Person, Person.unit == unit),
        (Staff, Staff.unit == unit),
        (Checkpoint, Checkpoint.unit == unit),
        (Case, Case.person_id.in_(people)),
        (TemperatureReading, TemperatureReading.case_id.in_(cases)),
        (Assignment, Assignment.case_id.in_(cases)),
        (Anomaly, or_(Anomaly.case_id.in_(cases), Anomaly.pass_id.in_(passes))),
        (VehiclePass, VehiclePass.checkpoint_id.in_(checkpoints)),
        (Occupant, Occupant.pass_id.in_(passes)),
    ]
    return [
        with_loader_criteria(model, criterion, include_aliases=True) for model, criterion in options
    ]


def _hand_to_connection(session: Session, _transaction: object, connection: Connection) -> None:
    """The session's unit goes with each transaction it begins, so that statements run on its
    connection directly (the fast paths: ``session.connection().execute``) are scoped too."""
    # An execution option of this Connection object, which lives as long as the transaction
    # (``Connection.info`` would stay with the pooled DB-API connection after it).
    connection.execution_options(fangyi_unit=session.info.get(UNIT_KEY))


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
