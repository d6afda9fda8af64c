"""卡点 — checkpoints and the vehicles (with people aboard) stopped there."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SoftDeleted, Tracked

DIRECTIONS: tuple[str, ...] = ("进", "出")
VEHICLE_TYPES: tuple[str, ...] = ("小型汽车", "货车", "客车", "摩托车", "电动车", "农用车", "其他")


class Disposition(StrEnum):
    """处置 — what happened to the vehicle."""

    PASSED = "放行"
    REGISTERED_PASSED = "登记后放行"
    TURNED_BACK = "劝返"
    REPORTED = "上报"


class Checkpoint(Tracked, Base):
    """卡点/值守点."""

    __tablename__ = "checkpoint"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    location: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10), default="村级")  # 乡级 / 村级
    responsible: Mapped[str | None] = mapped_column(String(50))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[str | None] = mapped_column(String(50))  # 所属村/社区 on a township server


class VehiclePass(Tracked, SoftDeleted, Base):
    """车辆登记 — one vehicle stopped at a checkpoint."""

    __tablename__ = "vehicle_pass"
    __table_args__ = (
        Index("ix_vehicle_pass_checkpoint_time", "checkpoint_id", "passed_at"),
        Index("ix_vehicle_pass_plate", "plate"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    checkpoint_id: Mapped[int] = mapped_column(ForeignKey("checkpoint.id"))
    passed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    direction: Mapped[str] = mapped_column(String(2), default="进")
    plate: Mapped[str] = mapped_column(String(20))
    plate_kind: Mapped[str] = mapped_column(String(20))
    vehicle_type: Mapped[str | None] = mapped_column(String(20))
    driver_name: Mapped[str | None] = mapped_column(String(50))
    driver_id_number: Mapped[str | None] = mapped_column(String(30))
    driver_phone: Mapped[str | None] = mapped_column(String(30))
    people_aboard: Mapped[int] = mapped_column(Integer, default=1)  # driver included
    origin: Mapped[str | None] = mapped_column(String(100))  # 来源地
    destination: Mapped[str | None] = mapped_column(String(100))  # 目的地
    purpose: Mapped[str | None] = mapped_column(String(100))  # 事由
    driver_temperature: Mapped[float | None] = mapped_column(Float)  # the driver's own reading
    max_temperature: Mapped[float | None] = mapped_column(Float)  # highest of everyone aboard
    disinfected: Mapped[bool] = mapped_column(Boolean, default=False)
    disposition: Mapped[str] = mapped_column(String(10), default=Disposition.PASSED.value)
    abnormal: Mapped[bool] = mapped_column(Boolean, default=False)
    action_taken: Mapped[str | None] = mapped_column(String(200))
    duty_staff: Mapped[str | None] = mapped_column(String(100))
    checkpoint: Mapped[Checkpoint] = relationship(lazy="joined")
    occupants: Mapped[list[Occupant]] = relationship(
        back_populates="vehicle_pass", cascade="all, delete-orphan", order_by="Occupant.id"
    )


class Occupant(Base):
    """车上人员 — someone aboard a stopped vehicle."""

    __tablename__ = "occupant"
    id: Mapped[int] = mapped_column(primary_key=True)
    pass_id: Mapped[int] = mapped_column(ForeignKey("vehicle_pass.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(String(30))
    temperature: Mapped[float | None] = mapped_column(Float)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"))
    vehicle_pass: Mapped[VehiclePass] = relationship(back_populates="occupants")
