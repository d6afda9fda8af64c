"""Rows a revision ships with (reference lists), written the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table``.

    Rows with explicit ids: PostgreSQL's id sequence does not see them, so it is moved past the
    largest id (otherwise the clerk's first new row would collide with id 1). SQLite needs nothing.
    """
    target = sa.table(table, *(sa.column(name) for name in columns))
    op.bulk_insert(target, [dict(zip(columns, row, strict=True)) for row in rows])
    bind = op.get_bind()
    if "id" in columns and bind.dialect.name == "postgresql":
        bind.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        )
