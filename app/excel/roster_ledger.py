"""在管人员台账 — everyone under management on a day, with the 包保 team answerable for each.

One column pair per 包保 role that some measure requires (医护人员 / 医护人员电话, 村干部 / …); a
required role nobody holds reads 未落实, so the township sees the gap on paper. Rows arrive as a
generator from the services and are streamed when there are many.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.excel.workbook import Column, ColumnKind

from app.excel.daily_report import Signature, date_text, signature_rows
from app.excel.masking import PERSONAL_HEADERS

__all__ = ["FORM_NAME", "RosterLedger", "roster_columns", "write_roster_ledger"]

FORM_NAME = "在管人员台账"
TESTS_LABEL = "核酸检测"

#: The case columns before the team columns (the services yield values in this order).
CASE_LABELS: tuple[str, ...] = (
    "序号", "姓名", "性别", "年龄", "身份证号", "联系电话", "村民小组", "现住址", "人员类别",
    "管控措施", "来源地", "抵达日期", "开始日期", "计划解除日期",
)  # fmt: skip


@dataclass
class RosterLedger:
    signature: Signature
    day: date
    role_names: Sequence[str]  # one name/phone column pair each
    rows: Iterator[Sequence[object]]  # CASE_LABELS values, name, phone per role, then 核酸检测
    row_count: int


def team_columns(role_names: Sequence[str]) -> list[Column]:
    from app.excel.workbook import Column

    columns = []
    for role in role_names:
        # A cadre's or doctor's own mobile is personal too: masked with the residents' numbers.
        columns += [Column(role), Column(f"{role}电话", mask="phone")]
    return columns


def roster_columns(role_names: Sequence[str]) -> list[Column]:
    from app.excel.workbook import Column

    kinds: dict[str, ColumnKind] = {
        "序号": "int", "年龄": "int", "抵达日期": "date", "开始日期": "date", "计划解除日期": "date"
    }  # fmt: skip
    widths = {"序号": 5.5, "性别": 5.5, "年龄": 5.5}
    columns = [
        Column(
            label,
            kinds.get(label, "text"),
            widths.get(label),
            PERSONAL_HEADERS.get(label),
        )
        for label in CASE_LABELS
    ]
    # The person's 核酸检测 in this period, after the team ("06-01 阴性；06-04 待出").
    return [*columns, *team_columns(role_names), Column(TESTS_LABEL, width=24)]


def write_roster_ledger(
    target: Path, ledger: RosterLedger, *, progress: Callable[[int, int], None] | None = None
) -> None:
    from app.excel.workbook import SheetSpec, write_workbook

    sig = ledger.signature
    sheet = SheetSpec(
        title=FORM_NAME,
        columns=roster_columns(ledger.role_names),
        rows=ledger.rows,
        heading=f"{sig.unit_name}{FORM_NAME}（{date_text(ledger.day)}）",
        subheading_rows=[
            [
                f"填报单位：{sig.unit_name}",
                f"在管人数：{ledger.row_count} 人（截至{date_text(ledger.day)}）",
            ]
        ],
        footer_rows=signature_rows(sig),
        landscape=True,
        row_count_hint=ledger.row_count,
    )
    write_workbook(target, [sheet], progress=progress)
