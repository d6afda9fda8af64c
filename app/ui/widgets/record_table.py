"""A table model for short lists of DTOs (Today's to-do lists, a person's cases and anomalies).

Small lists are loaded whole; the 50,000-row roster has its own lazy model (``lazy_table``).
Each table declares its columns once as ``RecordColumn``s; ``ObjectRole`` gives the row's key so a
selection or a click survives the sort proxy, ``SortRole`` the raw value to sort on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_base import TableModelBase

T = TypeVar("T")


@dataclass(frozen=True)
class RecordColumn(Generic[T]):
    title: str  # translated by the widget that declares the table
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # default: the text
    color: Callable[[T], QColor | None] | None = None
    tooltip: Callable[[T], str | None] | None = None
    align: Qt.AlignmentFlag | None = None


class RecordTableModel(TableModelBase, Generic[T]):
    # What a ``RecordColumn`` (and the row's key) can answer.
    ANSWERED_ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            ObjectRole,
            SortRole,
        }
    )

    def __init__(
        self,
        columns: Sequence[RecordColumn[T]],
        key: Callable[[T], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._key_of = key
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T:
        return self._records[row]

    def _row_count(self) -> int:
        return len(self._records)

    def _item(self, row: int) -> T:
        return self._records[row]

    def _titles(self) -> list[str]:
        return [column.title for column in self._columns]

    def _column_count(self) -> int:
        return len(self._columns)

    def _key(self, record: T) -> object:
        return self._key_of(record)

    def _cell(self, record: T, column_number: int, role: int) -> Any:
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == SortRole:
            return column.sort(record) if column.sort else column.text(record)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            return column.color(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None
