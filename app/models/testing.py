"""核酸检测 — nucleic-acid test results: one sample of one person on one day.

Which days of a period a test is due is a policy (``Settings.TEST_SCHEDULE``), not a table; a
result row exists once a clerk has typed or imported what the sampling team or the lab reported.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class TestField:
    """One field of a test record, declared once: the label ledgers print and the header names
    a sampling system's result list may use for it (the import's synonyms)."""

    __test__ = False

    key: str
    label: str
    headers: tuple[str, ...]
    personal: bool = False  # an ID number: masked in exports that mask


TEST_FIELDS: tuple[TestField, ...] = (
    TestField("name", "姓名", ("受检者姓名", "姓名", "被检者姓名", "受检人姓名")),
    TestField(
        "id_number",
        "证件号码",
        ("证件号码", "身份证号", "身份证号码", "证件号", "受检者证件号码"),
        personal=True,
    ),
    TestField("sample_date", "采样日期", ("采样时间", "采样日期")),
    TestField("tested_on", "检测日期", ("检测时间", "检测日期", "报告时间", "报告日期")),
    TestField("result", "检测结果", ("检测结果", "结果", "核酸检测结果", "核酸结果")),
    TestField("lab", "检测机构", ("检测机构", "检测单位", "检测实验室")),
)
TEST_FIELD = {f.key: f for f in TEST_FIELDS}
