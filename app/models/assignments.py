"""包保 — staff answerable for each person under home observation (三包一 and its variants)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SoftDeleted, Tracked
from app.models.reference import StaffRole


class Staff(Tracked, SoftDeleted, Base):
    """包保人员 — a medical worker, village cadre, township cadre … who can be assigned to cases."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    role_id: Mapped[int] = mapped_column(ForeignKey("staff_role.id"))
    phone: Mapped[str | None] = mapped_column(String(30))
    organisation: Mapped[str | None] = mapped_column(String(100))  # 单位
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # 在岗
    unit: Mapped[str | None] = mapped_column(String(50))  # 所属村/社区 on a township server
    role: Mapped[StaffRole] = relationship(lazy="joined")


class Assignment(Tracked, Base):
    """One staff member answerable for one case in one role, from a date until ``until`` (open)."""

    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_case_role", "case_id", "role_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("staff_role.id"))
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    staff: Mapped[Staff] = relationship(lazy="joined")
    role: Mapped[StaffRole] = relationship(lazy="joined")
