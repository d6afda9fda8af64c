"""A table model over a short list loaded whole (accounts, anomalies, a person's readings).

The list is replaced at once (``_set_items``, a model reset); a subclass declares its columns
(``FIELDS`` from the registry, then ``HEADERS`` marked for translation in ``TRANSLATION_CONTEXT``)
and says what its own cells show (``_cell``); the rest is ``TableModelBase``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QObject

from app.ui.widgets.table_base import TableModelBase

T = TypeVar("T")


class ListTableModel(TableModelBase, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def _set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._items)

    def _item(self, row: int) -> T:
        return self._items[row]
