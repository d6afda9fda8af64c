"""A table model over a short list loaded whole (accounts, anomalies, a person's readings).

The list is replaced at once (``_set_items``, a model reset); a subclass declares its column titles
(``HEADERS``, marked for translation in ``TRANSLATION_CONTEXT``) and says what one cell
shows (``_cell``). Row counting, header titles and the index checks live here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")

Index = QModelIndex | QPersistentModelIndex

# The titles are the subclass's strings, translated in its context (its module's .ts file); this
# module has no strings of its own, so it has no .ts file either.
_in_context = QCoreApplication.translate


class ListTableModel(QAbstractTableModel, Generic[T]):
    HEADERS: ClassVar[Sequence[str]] = ()
    TRANSLATION_CONTEXT: ClassVar[str] = ""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def _set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def _cell(self, item: T, column: int, role: int) -> Any:
        """What one cell shows for ``role`` (None: nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _in_context(self.TRANSLATION_CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self._cell(self._items[index.row()], index.column(), role)
