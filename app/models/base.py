"""Declarative base and the columns every record of the ledger shares."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class Versioned:
    """版本号 — optimistic concurrency for records two clerks may edit at once.

    SQLAlchemy counts ``version`` up on every ORM save and adds ``WHERE version = <as loaded>``
    to the UPDATE: a record changed by another clerk since it was read is never silently
    overwritten (``app.services.concurrency`` turns that into the clerk's 已被他人修改 message).
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
