"""Ledger columns from the field registry, and a row's cells from a mapping keyed by field.

A ledger names which fields it prints (``RecordType.placed(Place.LEDGER)`` or its own ``pick``)
and the services hand it rows as ``{field key: value}``; the header, the number format, the mask
and the cell order all come from the same :class:`~app.models.fields.Field`, so no column can
drift out of line with its header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from app.models.fields import Field, Place

if TYPE_CHECKING:
    from app.excel.workbook import Column, ColumnKind

__all__ = ["SERIAL_LABEL", "cells", "field_columns", "numbered_rows", "serial_column"]

#: The first column of every ledger: the row's number, written by the ledger itself.
SERIAL_LABEL = "序号"
_YES_NO = {True: "是", False: "否"}


def serial_column(width: float | None = None) -> Column:
    from app.excel.workbook import Column

    return Column(SERIAL_LABEL, "int", width)


def _column_kind(field: Field) -> ColumnKind:
    return "text" if field.kind == "bool" else field.kind


def field_columns(
    fields: Iterable[Field],
    *,
    widths: Mapping[str, float | None] | None = None,
    place: Place = Place.LEDGER,
) -> list[Column]:
    """One column per field: its label in ``place``, kind and mask; ``widths`` (by field key)
    overrides the field's own width for a form laid out more tightly."""
    from app.excel.workbook import Column

    widths = widths or {}
    return [
        Column(
            f.label_in(place),
            _column_kind(f),
            widths.get(f.key, f.width),
            f.personal,
        )
        for f in fields
    ]


def cells(fields: Sequence[Field], row: Mapping[str, object]) -> list[object]:
    """The row's values in the order of ``fields`` (a yes/no field reads 是/否). A field the row
    lacks is a programming error, never a silently empty column."""
    return [_cell(f, row[f.key]) for f in fields]


def _cell(field: Field, value: object) -> object:
    return _YES_NO[value] if field.kind == "bool" and isinstance(value, bool) else value


def numbered_rows(
    fields: Sequence[Field],
    rows: Iterable[Mapping[str, object]],
    tail: Callable[[Mapping[str, object]], Sequence[object]] = lambda _row: (),
) -> Iterator[list[object]]:
    """序号, the fields' cells, then what ``tail`` adds (a form's own columns), row by row."""
    for number, row in enumerate(rows, start=1):
        yield [number, *cells(fields, row), *tail(row)]
