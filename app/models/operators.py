"""操作员账号 — who may open the ledger, and as what (管理员 / 录入员).

Passwords are stored only as salted scrypt hashes (``app.services.operators``). The counters of
wrong passwords live here, in the ledger, so the delay after five wrong tries survives a restart
of the app (and is shared by the GUI and the command line).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked


class Operator(Tracked, Base):
    """One account. Never deleted (the audit trail names it): switched off with ``active``."""

    __tablename__ = "operator"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)  # 账号, stored lower-case
    display_name: Mapped[str] = mapped_column(String(50))  # 姓名, recorded in the audit trail
    role: Mapped[str] = mapped_column(String(10))  # app.services.access.Role value
    password_hash: Mapped[str] = mapped_column(String(200))  # "scrypt$n$r$p$salt$hash"
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)  # wrong passwords in a row
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)  # no tries before this
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The village/社区 whose people the account sees and edits; NULL: the whole ledger (a
    # village's own laptop, or a township account on the server, which sees all its villages).
    unit: Mapped[str | None] = mapped_column(String(50))
