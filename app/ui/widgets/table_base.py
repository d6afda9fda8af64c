"""The one base of the interface's table models: column titles, counts, index checks, and the
columns that show fields of the registry (``app.models.fields``).

A model declares its columns as ``FIELDS`` (registry fields, titled by the registry's labels in
their translation context, each cell the row's value under the field's key) followed by
``HEADERS`` (the model's own columns, marked for translation in ``TRANSLATION_CONTEXT``), and says
how many rows it has and what a row is. A field column needs no code: adding a field to the table
is adding ``Place.TABLE`` to its registry entry. A model may still answer any cell itself
(``_cell``) — a badge, a colour, a tooltip — and names its rows' keys once (``_key``: the
``ObjectRole`` a selection survives the sort proxy by). Columns that depend on the data (a role
per 包保 role, a report's labels) come from ``_column_count`` and ``_titles``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.fields import LABEL_CONTEXT, Field, Place
from app.ui.widgets.roles import ObjectRole, SortRole

__all__ = ["Index", "TableModelBase", "field_sort_value", "field_text", "field_title"]

Index = QModelIndex | QPersistentModelIndex

# Titles are the registry's and the subclass's strings, translated in their own contexts; this
# module has no strings of its own, so it has no .ts file either.
_in_context = QCoreApplication.translate


def field_title(field: Field, place: Place = Place.TABLE) -> str:
    """The field's label where it appears, in the interface's language."""
    return _in_context(LABEL_CONTEXT, field.label_in(place))


def field_value(item: object, field: Field) -> object:
    """A row's value of a field: rows are mappings keyed by field, or objects with the attribute."""
    if isinstance(item, Mapping):
        return item.get(field.key)
    return getattr(item, field.key)


def field_text(field: Field, value: object) -> str:
    """How a table shows a value: dates as 2022-02-03, nothing as blank."""
    del field  # every kind reads the same today; the field is where a kind-specific text goes
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def field_sort_value(field: Field, value: object) -> object:
    """What the proxy sorts a field's cells by: numbers and dates raw, the rest as shown."""
    if field.kind in ("int", "decimal1", "date", "datetime") and value is not None:
        return value
    return field_text(field, value)


class TableModelBase(QAbstractTableModel):
    """Row and column counts, titles and index checks, once for every table model."""

    FIELDS: ClassVar[Sequence[Field]] = ()  # registry fields, the first columns
    HEADERS: ClassVar[Sequence[str]] = ()  # the model's own columns, after the fields
    TRANSLATION_CONTEXT: ClassVar[str] = ""
    ROW_NUMBERS: ClassVar[bool] = False  # the vertical header numbers the rows 1, 2, 3 …
    #: The roles ``_cell`` can answer (None: any). Sizing and painting a row, the item delegate
    #: asks each cell for a dozen roles (font, background, icon, check state …): a model that
    #: names its own says None to the rest before any lookup (half of Today's list work at
    #: start-up, bench/startup.py).
    ANSWERED_ROLES: ClassVar[frozenset[int] | None] = None

    # --- for subclasses -----------------------------------------------------------------------

    def _row_count(self) -> int:
        raise NotImplementedError

    def _item(self, row: int) -> Any:
        """The row's data (None: not available, e.g. deleted meanwhile)."""
        raise NotImplementedError

    def _cell(self, item: Any, column: int, role: int) -> Any:
        """What one cell shows for ``role``; the default shows a field column's value."""
        return self._field_cell(item, column, role)

    def _key(self, item: Any) -> object:
        """The row's key for ``ObjectRole`` (None: ``_cell`` answers ``ObjectRole`` itself)."""
        del item
        return None

    def _column_count(self) -> int:
        return len(self.FIELDS) + len(self.HEADERS)

    def _titles(self) -> list[str]:
        return [field_title(f) for f in self.FIELDS] + [
            _in_context(self.TRANSLATION_CONTEXT, title) for title in self.HEADERS
        ]

    def _header_tooltip(self, section: int) -> str | None:
        """A column title's tooltip (none by default)."""
        del section
        return None

    # --- field columns ------------------------------------------------------------------------

    def _field_cell(self, item: Any, column: int, role: int) -> Any:
        if not 0 <= column < len(self.FIELDS):
            return None
        field = self.FIELDS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return field_text(field, field_value(item, field))
        if role == SortRole:
            return field_sort_value(field, field_value(item, field))
        return None

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._column_count():
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tooltip(section)
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and self.ROW_NUMBERS
            and 0 <= section < self._row_count()
        ):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.ANSWERED_ROLES is not None and role not in self.ANSWERED_ROLES:
            return None
        if (
            not index.isValid()
            or not 0 <= index.row() < self._row_count()
            or not 0 <= index.column() < self._column_count()
        ):
            return None
        item = self._item(index.row())
        if item is None:
            return None
        if role == ObjectRole:
            key = self._key(item)
            if key is not None:
                return key
        return self._cell(item, index.column(), role)
