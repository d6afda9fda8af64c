"""Storage layer: SQL whose spelling differs between SQLite and PostgreSQL, as SQLAlchemy
constructs compiled per engine — so the services above never write an engine's dialect."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement
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
