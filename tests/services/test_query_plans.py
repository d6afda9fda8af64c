"""How the counting queries reach SQLite: the plan and the number of statements they take.

At county scale these decide the time (README, "Benchmarks"); here they are checked without a
clock: the plan SQLite picks, and how many statements a count sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from app.db import Database
from app.models import Case, Slot
from app.services import rounds
from app.services.periods import under_management
from app.services.roster import CaseInput, PersonInput, register_case

DAY = date(2022, 3, 10)


def _plan(db: Database, statement: object) -> str:
    with db.reading() as session:
        compiled = statement.compile(session.get_bind())  # type: ignore[attr-defined]
        sql = f"EXPLAIN QUERY PLAN {compiled}"
        params = compiled.construct_params()
        rows = session.connection().exec_driver_sql(sql, tuple(params.values())).all()
    return "\n".join(str(row[-1]) for row in rows)


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.sqlite_only  # SQLite's planner
def test_under_management_scans_cases_instead_of_walking_the_period_index(db: Database) -> None:
    """On a current day nearly every case has started: the (start_date, ended_on) index would
    be walked end to end and each row looked up again, twice the work of a plain scan."""
    query = select(func.count(Case.id)).where(*under_management(DAY))
    assert "ix_case_record_period" not in _plan(db, query)


def test_missed_readings_of_both_rounds_are_counted_in_one_statement(db: Database) -> None:
    for name, started in (("张三", DAY - timedelta(days=2)), ("李四", DAY)):
        register_case(db, PersonInput(name, group_name="一组"), CaseInput(1, 1, start_date=started))
    rounds.record_reading(db, 1, DAY, Slot.AM, 36.5, today=DAY)
    evening = datetime(2022, 3, 10, 23, 0)
    with db.reading() as session, _statements(db) as sent:
        missed = rounds.missing_count(session, DAY)
    assert missed == 3  # 张三's afternoon, both of 李四's
    assert len([s for s in sent if s.lstrip().upper().startswith("SELECT")]) == 1
    with db.reading() as session:
        assert rounds.missing_count(session, DAY, Slot.AM) == 1
        assert rounds.missing_count(session, DAY, as_of=evening) == 3
        assert rounds.missing_count(session, DAY, as_of=datetime(2022, 3, 10, 6, 0)) == 0
