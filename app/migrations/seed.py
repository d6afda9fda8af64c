"""Rows a revision ships with (reference lists), written the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.storage_sql import ids_written


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table``.

    Rows with explicit ids move PostgreSQL's id sequence past them (``ids_written``).
    """
    target = sa.table(table, *(sa.column(name) for name in columns))
    op.bulk_insert(target, [dict(zip(columns, row, strict=True)) for row in rows])
    if "id" in columns:
        ids_written(op.get_bind(), table)
