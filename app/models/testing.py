"""核酸检测 — nucleic-acid test results: one sample of one person on one day.

Which days of a period a test is due is a policy (``Settings.TEST_SCHEDULE``), not a table; a
result row exists once a clerk has typed or imported what the sampling team or the lab reported.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Tracked


class TestResult(StrEnum):
    """检测结果 — what a clerk records for a due sample."""

    __test__ = False  # not a pytest test class, whatever its name

    NEGATIVE = "阴性"
    POSITIVE = "阳性"
    PENDING = "待出"  # sampled, result not back yet (结果未出)
    NOT_TESTED = "未检"  # due but not sampled (away, refused, missed)

    @property
    def sampled(self) -> bool:
        """已采样: a swab was taken, whatever came back."""
        return self is not TestResult.NOT_TESTED


class NucleicAcidTest(Tracked, Base):
    """核酸检测结果 — one per person and sample day; ``case_id`` is the period it counted for."""

    __tablename__ = "nucleic_acid_test"
    __table_args__ = (
        Index("uq_nucleic_acid_test_person_day", "person_id", "sample_date", unique=True),
        Index("ix_nucleic_acid_test_sample_date", "sample_date"),
        Index("ix_nucleic_acid_test_result", "result"),
    )
    __test__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"), index=True)
    sample_date: Mapped[date] = mapped_column(Date)  # 采样日期
    result: Mapped[str] = mapped_column(String(4))  # TestResult value
    tested_on: Mapped[date | None] = mapped_column(Date)  # 检测日期 (the lab's)
    lab: Mapped[str | None] = mapped_column(String(100))  # 检测机构
    source: Mapped[str] = mapped_column(String(10), default="录入")  # 录入 / 导入
    note: Mapped[str | None] = mapped_column(String(200))
