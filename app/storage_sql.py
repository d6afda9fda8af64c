"""Storage layer: SQL whose spelling differs between SQLite and PostgreSQL, as SQLAlchemy
constructs compiled per engine — so the services above never write an engine's dialect."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

T = TypeVar("T")


class unindexed(FunctionElement[T]):  # lower case: reads as SQL, like func.*
    """A column's value with its index hidden from the planner.

    SQLite, left to choose, walks an index it should not (``periods.under_management``: a plain
    scan is twice as fast); its idiom is the unary ``+``. PostgreSQL plans from statistics and has
    no unary plus for dates: there the column is itself.
    """

    inherit_cache = True

    def __init__(self, column: ColumnElement[T]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _plain(element: unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unary_plus(element: unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def ids_written(connection: Connection, table: str) -> None:
    """After rows were inserted with ids numbered by the app (the demo, seed lists): PostgreSQL's
    id sequence does not see them and would hand out id 1 again; it is moved past the largest.
    SQLite takes the next id from the table itself: nothing to do."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f"(SELECT max(id) FROM {table}))"
            ),
            {"table": table},
        )


# --- raw SQL for the largest exports ------------------------------------------------------------


def driver_rows(session: Session, sql: str, params: dict[str, object]) -> Iterator[tuple[Any, ...]]:
    """Plain tuples straight from the DB-API cursor, for exports of hundreds of thousands of rows
    (no Row objects). ``sql`` uses ``:name`` parameters, compiled to the engine's own style."""
    connection = session.connection()
    compiled = text(sql).compile(dialect=connection.dialect)
    args: object = params
    if compiled.positional:
        args = [params[name] for name in compiled.positiontup or ()]
    cursor = connection.connection.cursor()
    try:
        cursor.execute(compiled.string, args)
        yield from cursor
    finally:
        cursor.close()


def day_value(session: Session, day: date) -> object:
    """A date as raw SQL binds it: SQLite stores dates as ISO text, PostgreSQL as dates."""
    return day.isoformat() if session.connection().dialect.name == "sqlite" else day


def as_date(value: object) -> date:
    """A date read by raw SQL: ISO text from SQLite, a date from PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def ordered_join(session: Session) -> str:
    """The join keyword that keeps the left table as the outer loop: SQLite's ``CROSS JOIN``
    (its planner takes the hint); PostgreSQL plans by statistics and wants a plain ``JOIN``."""
    return "CROSS JOIN" if session.connection().dialect.name == "sqlite" else "JOIN"
