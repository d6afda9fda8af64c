"""Reference lists a clerk can edit: categories, measures, end reasons, staff roles, settings."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class Category(Base):
    """人员类别 — why a person is on the roster (密切接触者, 中高风险地区返乡人员 …)."""

    __tablename__ = "category"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Measure(Base):
    """管控措施 — what is done with the person, with its default length in days.

    ``needs_readings`` marks measures the village monitors itself (twice-daily temperatures);
    a person in 集中隔离 is monitored by the facility, and 仅登记 by nobody.
    """

    __tablename__ = "measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    default_days: Mapped[int] = mapped_column(Integer, default=14)
    needs_readings: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    required_roles: Mapped[list[StaffRole]] = relationship(
        secondary="measure_required_role", order_by="StaffRole.sort_order", lazy="selectin"
    )


class StaffRole(Base):
    """包保角色 — 医护人员, 村干部, 乡镇干部, 民警, 网格员 …"""

    __tablename__ = "staff_role"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MeasureRequiredRole(Base):
    """Which 包保 roles a measure requires (default 三包一: 医护人员 + 村干部 + 乡镇干部)."""

    __tablename__ = "measure_required_role"
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"), primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("staff_role.id"), primary_key=True)


class EndKind(StrEnum):
    """How an end reason counts in the daily report."""

    RELEASE = "release"  # 期满解除 → 当日解除 / 累计解除
    MEDICAL = "medical"  # 送医, 确诊 → 当日转运送医
    TRANSFER = "transfer"  # 转集中隔离
    OTHER = "other"


class EndReason(Base):
    """结束原因 — 期满解除, 转集中隔离, 送医/转诊, 确诊, 迁出, 其他."""

    __tablename__ = "end_reason"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default=EndKind.OTHER.value)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """A policy value declared in ``app.config.Settings``, stored as text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UnitProfile(Base):
    """填报单位 — printed on every export. Row 1 is the ledger's own; on a township server each
    village pushed in keeps its own profile too (``unit``: the village), so its account's reports
    are signed as the village signs them."""

    __tablename__ = "unit_profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_name: Mapped[str] = mapped_column(String(100), default="")  # 填报单位
    township: Mapped[str] = mapped_column(String(100), default="")  # 上级乡镇
    reporter: Mapped[str] = mapped_column(String(50), default="")  # 填报人
    phone: Mapped[str] = mapped_column(String(30), default="")  # 联系电话
    reviewer: Mapped[str] = mapped_column(String(50), default="")  # 审核人
    unit: Mapped[str | None] = mapped_column(String(50))  # the village it is (None: row 1)
