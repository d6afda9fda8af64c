"""Storage layer: SQL whose spelling differs between SQLite and PostgreSQL, as SQLAlchemy
constructs compiled per engine — so the services above never write an engine's dialect."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, text
from sqlalchemy.ext.compiler import compiles
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
