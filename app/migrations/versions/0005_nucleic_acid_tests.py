"""Schema 5: 核酸检测 — nucleic-acid test results (issue 22).

One row per person and sample day (re-importing a lab's list adds nothing); ``case_id`` is the
period of management the test counted for (NULL for a 全员核酸 round of someone not under
management). Which days are due is a setting (``test_schedule``), not a table.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "nucleic_acid_test",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=4), nullable=False),
        sa.Column("tested_on", sa.Date(), nullable=True),
        sa.Column("lab", sa.String(length=100), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name="pk_nucleic_acid_test"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_nucleic_acid_test_person_id_person"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name="fk_nucleic_acid_test_case_id_case_record"
        ),
    )
    op.create_index("ix_nucleic_acid_test_case_id", "nucleic_acid_test", ["case_id"])
    op.create_index("ix_nucleic_acid_test_result", "nucleic_acid_test", ["result"])
    op.create_index("ix_nucleic_acid_test_sample_date", "nucleic_acid_test", ["sample_date"])
    op.create_index(
        "uq_nucleic_acid_test_person_day",
        "nucleic_acid_test",
        ["person_id", "sample_date"],
        unique=True,
    )
