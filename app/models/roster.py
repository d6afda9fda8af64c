"""The roster: people and their periods of management (cases)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SoftDeleted, Tracked, Versioned
from app.models.partial_index import PartialIndex
from app.models.reference import Category, EndReason, Measure


class Person(Versioned, Tracked, SoftDeleted, Base):
    """人员 — someone the village has registered (排查登记). One person may have several cases."""

    __tablename__ = "person"
    __table_args__ = (
        # One live record per ID number; deleted records keep theirs so undo still works.
        PartialIndex(
            "uq_person_live_id_number",
            "id_number",
            unique=True,
            where="deleted_at IS NULL AND id_number IS NOT NULL",
        ),
        Index("ix_person_search_key", "search_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    # Pinyin initials and full pinyin ("zs zhangsan"), computed when the name is saved so that
    # search never converts 50,000 names at typing speed.
    search_key: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str | None] = mapped_column(String(2))
    id_type: Mapped[str] = mapped_column(String(30), default="居民身份证")  # 证件类型
    id_number: Mapped[str | None] = mapped_column(String(30))  # 证件号码
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))  # 现住址
    group_name: Mapped[str | None] = mapped_column(String(50), index=True)  # 村民小组/小区楼栋
    # 所属村/社区 on a township server; NULL on a village's own ledger (all of it is its own).
    unit: Mapped[str | None] = mapped_column(String(50), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    cases: Mapped[list[Case]] = relationship(back_populates="person", order_by="Case.start_date")


class Case(Versioned, Tracked, SoftDeleted, Base):
    """排查登记 / 管控 — one period of management of one person, ending in release or transfer."""

    __tablename__ = "case_record"
    __table_args__ = (
        Index("ix_case_record_period", "start_date", "ended_on"),
        Index("ix_case_record_registered_on", "registered_on"),
        Index("ix_case_record_ended_on", "ended_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id"))
    origin: Mapped[str | None] = mapped_column(String(200))  # 来源地 / 旅居史
    arrival_date: Mapped[date | None] = mapped_column(Date)  # 抵达日期
    registered_on: Mapped[date] = mapped_column(Date)  # 登记日期 (statistical day)
    start_date: Mapped[date] = mapped_column(Date)  # 开始日期
    planned_end: Mapped[date | None] = mapped_column(Date)  # 计划解除日期
    ended_on: Mapped[date | None] = mapped_column(Date)  # 实际结束日期
    end_reason_id: Mapped[int | None] = mapped_column(ForeignKey("end_reason.id"))
    source_pass_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle_pass.id"))
    note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="cases")
    category: Mapped[Category] = relationship()
    measure: Mapped[Measure] = relationship()
    end_reason: Mapped[EndReason | None] = relationship()

    def under_management_on(self, day: date) -> bool:
        """在管: started on or before ``day`` and not ended on or before it."""
        return self.start_date <= day and (self.ended_on is None or self.ended_on > day)
