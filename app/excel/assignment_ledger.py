"""包保责任表 — each case that needs a 包保 team, and who answers for it in every required role.

A role nobody holds reads 未落实 and the last column sums up what is missing (缺乡镇干部), so the
sheet doubles as the list of gaps to close. Rows come from the services as a generator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.excel.daily_report import signature_rows
from app.excel.field_columns import field_columns, numbered_rows, serial_column
from app.excel.roster_ledger import RosterLine, team_cells, team_columns
from app.models.daily_report import Signature, date_text
from app.models.fields import PERSON_CASE, Field

__all__ = ["CASE_FIELDS", "FORM_NAME", "STATUS", "AssignmentLedger", "write_assignment_ledger"]

FORM_NAME = "包保责任表"

#: The case's columns, before the team's (a narrower set than the roster's).
CASE_FIELDS: tuple[Field, ...] = PERSON_CASE.pick(
    ("name", "id_number", "phone", "group_name", "address", "measure", "start_date", "planned_end")
)
STATUS_LABEL = "包保落实情况"
#: A row's key for its 包保落实情况 (已落实, or 缺 and the roles nobody holds).
STATUS = "status"


@dataclass
class AssignmentLedger:
    signature: Signature
    day: date
    role_names: Sequence[str]
    rows: Iterator[RosterLine]  # the case's fields, ``TEAM`` and ``STATUS``
    row_count: int


def _team_and_status(row: RosterLine) -> list[object]:
    return [*team_cells(row), row[STATUS]]


def write_assignment_ledger(
    target: Path,
    ledger: AssignmentLedger,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    from app.excel.workbook import Column, SheetSpec, write_workbook

    columns = [
        serial_column(5.5),
        *field_columns(CASE_FIELDS),
        *team_columns(ledger.role_names),
        Column(STATUS_LABEL),
    ]
    sig = ledger.signature
    sheet = SheetSpec(
        title=FORM_NAME,
        columns=columns,
        rows=numbered_rows(CASE_FIELDS, ledger.rows, _team_and_status),
        heading=f"{sig.unit_name}{FORM_NAME}（{date_text(ledger.day)}）",
        subheading_rows=[
            [f"填报单位：{sig.unit_name}", f"共 {ledger.row_count} 人（{date_text(ledger.day)}）"]
        ],
        footer_rows=signature_rows(sig),
        landscape=True,
        row_count_hint=ledger.row_count,
    )
    write_workbook(target, [sheet], progress=progress)
