"""Schema 4: several clerks on one ledger (a township server).

``version`` on person, case_record, temperature_reading and anomaly: optimistic concurrency — every
save checks the version the clerk's form was read at and counts it up, so a second clerk's save of
the same record is refused (已被他人修改) instead of silently overwriting the first.
``unit`` on person, operator, staff, checkpoint and unit_profile (a pushed village's own 填报单位
profile): the village or 社区 it belongs to; NULL on a
village's own ledger (everything in it is its own) and, for an account, a township account that
sees all its villages. Cases, readings, anomalies and vehicles belong through them.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

VERSIONED = ("person", "case_record", "temperature_reading", "anomaly")
UNIT_OF_ITS_OWN = ("person", "operator", "staff", "checkpoint", "unit_profile")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        )
    for table in UNIT_OF_ITS_OWN:
        op.add_column(table, sa.Column("unit", sa.String(length=50), nullable=True))
    op.create_index("ix_person_unit", "person", ["unit"])
