"""在管人员台账 — everyone under management on a day, with the 包保 team answerable for each.

One column pair per 包保 role that some measure requires (医护人员 / 医护人员电话, 村干部 / …); a
required role nobody holds reads 未落实, so the township sees the gap on paper. Rows arrive as a
generator from the services and are streamed when there are many.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.excel.workbook import Column

from app.excel.daily_report import signature_rows
from app.excel.field_columns import field_columns, numbered_rows, serial_column
from app.models.daily_report import Signature, date_text
from app.models.fields import PERSON_CASE, Field, Place

__all__ = [
    "CASE_FIELDS",
    "FORM_NAME",
    "TEAM",
    "RosterLedger",
    "RosterLine",
    "roster_columns",
    "write_roster_ledger",
]

FORM_NAME = "在管人员台账"

#: The case's columns, before the team's: every person/case field the ledger shows.
CASE_FIELDS: tuple[Field, ...] = PERSON_CASE.placed(Place.LEDGER)
#: A row's key for its 包保 cells (name, phone per role), printed after the case's fields.
TEAM = "team"

#: One person under management: a value per field of :data:`CASE_FIELDS`, and ``TEAM``.
RosterLine = Mapping[str, object]


@dataclass
class RosterLedger:
    signature: Signature
    day: date
    role_names: Sequence[str]  # one name/phone column pair each
    rows: Iterator[RosterLine]
    row_count: int
    fields: Sequence[Field] = CASE_FIELDS  # the case's columns (the registry's, unless tried out)


def team_columns(role_names: Sequence[str]) -> list[Column]:
    from app.excel.workbook import Column

    columns = []
    for role in role_names:
        # A cadre's or doctor's own mobile is personal too: masked with the residents' numbers.
        columns += [Column(role), Column(f"{role}电话", mask="phone")]
    return columns


def team_cells(row: RosterLine) -> Sequence[object]:
    cells = row[TEAM]
    assert isinstance(cells, Sequence)
    return cells


def roster_columns(
    role_names: Sequence[str], fields: Sequence[Field] = CASE_FIELDS
) -> list[Column]:
    return [serial_column(5.5), *field_columns(fields), *team_columns(role_names)]


def write_roster_ledger(
    target: Path, ledger: RosterLedger, *, progress: Callable[[int, int], None] | None = None
) -> None:
    from app.excel.workbook import SheetSpec, write_workbook

    sig = ledger.signature
    sheet = SheetSpec(
        title=FORM_NAME,
        columns=roster_columns(ledger.role_names, ledger.fields),
        rows=numbered_rows(ledger.fields, ledger.rows, team_cells),
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
