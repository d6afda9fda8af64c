"""Declarative base and the columns every record of the ledger shares."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import clock

# Stable constraint names keep the numbered SQL migrations diffable against the models.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def local_now() -> datetime:
    """Clerks work in local time on offline laptops; the ledger stores naive local timestamps."""
    return clock.now().replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Created/updated timestamps. Who made a change is in the audit trail (``AuditEntry``)."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime, default=local_now, server_default=func.current_timestamp()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=local_now, onupdate=local_now, server_default=func.current_timestamp()
    )


class SoftDeleted:
    """Deleting only stamps ``deleted_at``: a clerk's mistaken delete can be undone."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
