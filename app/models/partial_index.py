"""A partial index declared for both engines without loading SQLAlchemy's PostgreSQL dialect.

``Index(..., postgresql_where=...)`` makes SQLAlchemy validate the argument against the PostgreSQL
dialect, which imports it and its five drivers' modules (25–90 ms of every start on a village
laptop that only ever opens SQLite). Here the PostgreSQL ``WHERE`` is handed over only when
something asks for the index's PostgreSQL options — the PostgreSQL DDL compiler, Alembic's
comparison — by which time that dialect is loaded anyway. The index is the same on both engines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, TextClause, text
from sqlalchemy.sql.base import _DialectArgDict

POSTGRESQL = "postgresql"


class PartialIndex(Index):
    """``Index(name, *columns, sqlite_where=where, postgresql_where=where, **kw)``."""

    def __init__(self, name: str, *columns: str, where: str, **kw: Any) -> None:
        self._postgresql_where: TextClause = text(where)
        super().__init__(name, *columns, sqlite_where=text(where), **kw)

    def _kw_reg_for_dialect_cls(self, dialect_name: str) -> _DialectArgDict:  # type: ignore[override]
        options = super()._kw_reg_for_dialect_cls(dialect_name)
        if dialect_name == POSTGRESQL:
            options["where"] = self._postgresql_where
        return options
