"""A table model over a short list held in memory (accounts, anomalies, a round, a day's cars).

The list is replaced at once (``_set_items``, a model reset) or, when the same rows come back in
the same order, refreshed in place (``_refresh_items``: ``dataChanged``, so a selection, the scroll
position and an open editor survive); single rows are replaced, inserted and removed by key. A
subclass declares its columns (``FIELDS`` from the registry, then ``HEADERS`` marked for
translation in ``TRANSLATION_CONTEXT``), names a row's key (``_key``) and says what its own cells
show (``_cell``); the rest is ``TableModelBase``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject

from app.ui.widgets.table_base import TableModelBase

T = TypeVar("T")


class ListTableModel(TableModelBase, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    # --- the whole list -----------------------------------------------------------------------

    def _set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def _refresh_items(self, items: Sequence[T]) -> None:
        """Show ``items``: the same keys in the same order are updated in place, else a reset."""
        if [self._key(i) for i in items] != [self._key(i) for i in self._items]:
            self._set_items(items)
            return
        self._items = list(items)
        self._rows_changed(0, len(self._items) - 1)

    def _rows_changed(self, first: int, last: int) -> None:
        """Whole rows changed (a single-cell signal would rewrite an open editor's text)."""
        if 0 <= first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    # --- single rows --------------------------------------------------------------------------

    def row_of(self, key: object) -> int | None:
        """The row whose ``_key`` is ``key`` (None: not shown)."""
        for row, item in enumerate(self._items):
            if self._key(item) == key:
                return row
        return None

    def item_of(self, key: object) -> T | None:
        """The row whose ``_key`` is ``key`` (None: not shown)."""
        row = self.row_of(key)
        return None if row is None else self._items[row]

    def _replace_item(self, row: int, item: T) -> None:
        self._items[row] = item
        self._rows_changed(row, row)

    def _insert_item(self, row: int, item: T) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self.endInsertRows()

    def _remove_item(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()

    # --- TableModelBase -----------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._items)

    def _item(self, row: int) -> T:
        return self._items[row]
