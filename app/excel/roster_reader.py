"""花名册导入 — which columns of a county or township list feed which roster field.

County systems, townships and health centres each send their own layout (see FORMS.md): the ID
column may be 身份证号, 身份证号码, 证件号码 or 公民身份号码, the phone 联系电话, 手机号码 or 电话,
the origin one column or five (来源省份 … 来源社区村).  This module knows those names and turns
each data row into a :class:`RosterRow` of raw cell values; what a value means (a date written
four ways, an ID stored as a number, 密接 for 密切接触者) is decided by ``app.services.imports``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.excel.sheet_reader import open_table
from app.models.fields import PERSON_CASE, RecordType

__all__ = [
    "SYNONYMS",
    "RosterRow",
    "RosterTable",
    "read_roster",
]


#: field key → header names used by real lists ("re:" = regular expression on the header),
#: from the field registry. The first name is how a missing column is named to the clerk.
SYNONYMS: Mapping[str, Sequence[str]] = PERSON_CASE.import_headers()


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One data row of a roster list: raw cell values by field key (None when blank or absent)."""

    row: int  # Excel row number
    values: Mapping[str, object]

    def __getitem__(self, key: str) -> object:
        return self.values[key]  # every field the list is read for; a misspelt key raises

    def without(self, keys: Sequence[str]) -> RosterRow:
        """The row with these cells read as blank."""
        return RosterRow(self.row, {k: None if k in keys else v for k, v in self.values.items()})


@dataclass(frozen=True)
class RosterTable:
    """A roster list as read from the file, before any validation."""

    file_name: str
    sheet_name: str
    header_row: int
    labels: dict[str, str]  # field → header as written in the file (joined parts "/"-separated)
    ignored_columns: list[str]  # headers the import does not use, as written in the file
    rows: list[RosterRow]
    notice: str | None = None  # which sheet was read, when several hold a list
    sheet_names: tuple[str, ...] = ()  # every visible sheet holding a list, to choose from

    def has(self, field: str) -> bool:
        return field in self.labels

    def label(self, field: str) -> str:
        """The header the clerk sees for ``field``, or its usual name when the file lacks it."""
        return self.labels.get(field) or SYNONYMS[field][0]


#: progress is reported every this many rows while reading
PROGRESS_EVERY = 500


def read_roster(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    record: RecordType = PERSON_CASE,
) -> RosterTable:
    """Read the sheet whose header has 姓名 (.xlsx, .xls or CSV). Raises ``ImportFileError``.

    The sheet Excel opens on is preferred and hidden sheets are never read; when several sheets
    hold a list, :attr:`RosterTable.notice` says which one was read and ``sheet`` chooses another
    of :attr:`RosterTable.sheet_names`.

    ``progress(rows_read, 0)`` is called every :data:`PROGRESS_EVERY` rows (the total is unknown
    until the end, so 0 says "busy"). ``record`` names the fields looked for (the registry's).
    """
    path = Path(path)
    synonyms = record.import_headers()
    match, table_rows = open_table(
        path,
        synonyms,
        required=record.required_for_import,
        joined=record.joined_import_headers(),
        sheet=sheet,
    )
    rows: list[RosterRow] = []
    with table_rows:
        for sheet_row in table_rows:
            values = sheet_row.values
            rows.append(RosterRow(sheet_row.row, {k: values.get(k) for k in synonyms}))
            if progress is not None and len(rows) % PROGRESS_EVERY == 0:
                progress(len(rows), 0)
    return RosterTable(
        file_name=path.name,
        sheet_name=match.sheet_name,
        header_row=match.header_row,
        labels=dict(match.column_labels),
        ignored_columns=list(match.unknown_headers),
        rows=rows,
        notice=match.notice,
        sheet_names=match.candidates,
    )
