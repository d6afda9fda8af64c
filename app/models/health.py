"""Twice-daily temperatures and the anomalies they raise."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked, Versioned, local_now

SYMPTOMS: tuple[str, ...] = ("发热", "干咳", "乏力", "咽痛", "嗅(味)觉减退", "腹泻", "其他")
SYMPTOM_SEPARATOR = "、"


class Slot(StrEnum):
    """上午 / 下午 — the two readings of a day."""

    AM = "AM"
    PM = "PM"

    @property
    def label(self) -> str:
        return "上午" if self is Slot.AM else "下午"


class TemperatureReading(Versioned, Tracked, Base):
    """体温 — one reading per case, date and slot; °C with one decimal."""

    __tablename__ = "temperature_reading"
    __table_args__ = (
        Index("uq_reading_case_day_slot", "case_id", "reading_date", "slot", unique=True),
        Index("ix_reading_day_slot", "reading_date", "slot"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id"))
    reading_date: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(2))
    celsius: Mapped[float] = mapped_column(Float)
    symptoms: Mapped[str] = mapped_column(String(100), default="")  # joined by SYMPTOM_SEPARATOR
    measured_by: Mapped[str | None] = mapped_column(String(50))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    note: Mapped[str | None] = mapped_column(String(200))


class AnomalyKind(StrEnum):
    FEVER = "发热"
    SYMPTOM = "症状"
    MISSED = "漏测"
    CHECKPOINT = "卡点体温异常"
    POSITIVE_TEST = "核酸阳性"  # the loudest: on Today until handled (转运/送医)


class Anomaly(Versioned, Tracked, Base):
    """异常处置 — a fever, symptom or missed reading and what was done about it."""

    __tablename__ = "anomaly"
    __table_args__ = (Index("ix_anomaly_open", "closed", "detected_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"), index=True)
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("temperature_reading.id"))
    pass_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle_pass.id"))
    kind: Mapped[str] = mapped_column(String(20))
    detected_on: Mapped[date] = mapped_column(Date)
    slot: Mapped[str | None] = mapped_column(String(2))
    # Who it is about when no case names them: the feverish passenger or driver at a checkpoint.
    subject_name: Mapped[str | None] = mapped_column(String(100))
    observation: Mapped[str] = mapped_column(String(200))  # what was seen
    action: Mapped[str | None] = mapped_column(String(200))  # what was done (报告卫生院 …)
    handled_by: Mapped[str | None] = mapped_column(String(50))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
