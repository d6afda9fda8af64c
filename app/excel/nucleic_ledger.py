"""核酸检测台账 — the tests of every case over a range of days.

Two sheets: one row per case (who, which days were due, then each sample's date and result side by
side, as the paper 台账 the county asked for), and the long form (one row per test) that the
township can filter and sum. Column labels, widths and masking come from the field registry
(``NUCLEIC_ACID_TEST``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.excel.daily_report import Signature, date_text, signature_rows
from app.excel.field_columns import field_columns, serial_column
from app.models.fields import NUCLEIC_ACID_TEST as FIELDS
from app.models.fields import Place

if TYPE_CHECKING:
    from app.excel.workbook import Column, SheetSpec

FORM_NAME = "核酸检测台账"
LONG_TITLE = "检测明细"
MIN_TEST_COLUMNS = 3  # 核酸检测3次: the paper form always had room for three
WHO = ("name", "id_number", "group_name")  # the person columns of the per-case sheet


@dataclass(frozen=True)
class CaseTests:
    """One case's line: who, the due days, and its samples in order (date, result)."""

    name: str
    id_number: str | None
    group_name: str | None
    measure: str
    start_date: date
    planned_end: date | None
    due_days: str  # "第1、4、7天" / "无"
    samples: tuple[tuple[date, str], ...]


@dataclass(frozen=True)
class TestLine:
    """One test, for the long form."""

    __test__ = False

    name: str
    id_number: str | None
    group_name: str | None
    sample_date: date
    tested_on: date | None
    result: str
    lab: str | None
    source: str


@dataclass(frozen=True)
class TestsLedger:
    __test__ = False

    signature: Signature
    first: date
    last: date
    cases: Sequence[CaseTests]
    tests: Sequence[TestLine]


def _label(key: str) -> str:
    return FIELDS[key].label


def sample_labels(count: int) -> list[str]:
    labels: list[str] = []
    for n in range(1, count + 1):
        labels += [f"第{n}次{_label('sample_date')}", f"第{n}次结果"]
    return labels


def write_tests_ledger(target: Path, ledger: TestsLedger) -> None:
    from app.excel.workbook import Column, SheetSpec, write_workbook

    sig = ledger.signature
    period = date_text(ledger.first)
    if ledger.last != ledger.first:
        period += f"至{date_text(ledger.last)}"
    width = max([MIN_TEST_COLUMNS, *(len(c.samples) for c in ledger.cases)])
    case_columns = [
        serial_column(6), *field_columns(FIELDS.pick(WHO)),
        Column("管控措施", width=16), Column("开始日期", "date", 11.5),
        Column("计划解除日期", "date", 11.5), Column("应检天数", width=12),
    ]  # fmt: skip
    for label in sample_labels(width):
        kind = "date" if label.endswith(_label("sample_date")) else "text"
        case_columns.append(Column(label, kind, 11.5 if kind == "date" else 8))  # type: ignore[arg-type]
    case_rows = []
    for n, c in enumerate(ledger.cases, start=1):
        cells: list[object] = []
        for sampled, result in c.samples:
            cells += [sampled, result]
        cells += [None] * (2 * width - len(cells))
        case_rows.append(
            [n, c.name, c.id_number, c.group_name, c.measure, c.start_date, c.planned_end,
             c.due_days, *cells]
        )  # fmt: skip
    long_fields = FIELDS.placed(Place.LEDGER)
    long_columns = [serial_column(6), *field_columns(long_fields)]
    long_rows = [
        [n, *(getattr(t, f.key) for f in long_fields)] for n, t in enumerate(ledger.tests, start=1)
    ]

    def sheet(title: str, heading: str, columns: list[Column], rows: list[list[object]],
              count: str, *, landscape: bool) -> SheetSpec:  # fmt: skip
        return SheetSpec(
            title=title,
            columns=columns,
            rows=rows,
            heading=f"{sig.unit_name}{heading}（{period}）",
            subheading_rows=[[f"填报单位：{sig.unit_name}", count]],
            footer_rows=signature_rows(sig),
            landscape=landscape,
        )

    write_workbook(
        target,
        [
            sheet(FORM_NAME, FORM_NAME, case_columns, case_rows, f"共 {len(case_rows)} 人",
                  landscape=True),
            sheet(LONG_TITLE, "核酸检测明细", long_columns, long_rows, f"共 {len(long_rows)} 条",
                  landscape=False),
        ],
    )  # fmt: skip
