"""包保责任表 — each case that needs a 包保 team, and who answers for it in every required role.

A role nobody holds reads 未落实 and the last column sums up what is missing (缺乡镇干部), so the
sheet doubles as the list of gaps to close. Rows come from the services as a generator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.excel.workbook import ColumnKind

from app.excel.daily_report import signature_rows
from app.excel.roster_ledger import team_columns
from app.models.daily_report import Signature, date_text
from app.models.masking import PERSONAL_HEADERS

__all__ = ["CASE_LABELS", "FORM_NAME", "AssignmentLedger", "write_assignment_ledger"]

FORM_NAME = "包保责任表"

CASE_LABELS: tuple[str, ...] = (
    "序号", "姓名", "身份证号", "联系电话", "村民小组", "现住址", "管控措施", "开始日期",
    "计划解除日期",
)  # fmt: skip
STATUS_LABEL = "包保落实情况"


@dataclass
class AssignmentLedger:
    signature: Signature
    day: date
    role_names: Sequence[str]
    rows: Iterator[Sequence[object]]  # CASE_LABELS values, name/phone per role, status
    row_count: int


def write_assignment_ledger(
    target: Path,
    ledger: AssignmentLedger,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    from app.excel.workbook import Column, SheetSpec, write_workbook

    kinds: dict[str, ColumnKind] = {"序号": "int", "开始日期": "date", "计划解除日期": "date"}
    columns = [
        Column(
            label,
            kinds.get(label, "text"),
            5.5 if label == "序号" else None,
            PERSONAL_HEADERS.get(label),
        )
        for label in CASE_LABELS
    ]
    columns += [*team_columns(ledger.role_names), Column(STATUS_LABEL)]
    sig = ledger.signature
    sheet = SheetSpec(
        title=FORM_NAME,
        columns=columns,
        rows=ledger.rows,
        heading=f"{sig.unit_name}{FORM_NAME}（{date_text(ledger.day)}）",
        subheading_rows=[
            [f"填报单位：{sig.unit_name}", f"共 {ledger.row_count} 人（{date_text(ledger.day)}）"]
        ],
        footer_rows=signature_rows(sig),
        landscape=True,
        row_count_hint=ledger.row_count,
    )
    write_workbook(target, [sheet], progress=progress)
