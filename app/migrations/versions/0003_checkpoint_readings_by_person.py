"""Schema 3: a checkpoint fever names the person whose reading it is.

``vehicle_pass.driver_temperature``: the driver's own reading (the passengers' are on occupant).
``anomaly.subject_name``: who the anomaly is about when no case names them (a passenger or driver
stopped at a checkpoint), shown on Today, in the anomaly lists, the daily report and the audit.
Rows from before keep NULL: their anomaly is still named by plate and driver, as it was.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("vehicle_pass", sa.Column("driver_temperature", sa.Float(), nullable=True))
    op.add_column("anomaly", sa.Column("subject_name", sa.String(length=100), nullable=True))
