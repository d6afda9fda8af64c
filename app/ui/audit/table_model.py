"""The audit trail as a table: every change ever saved, without loading them all.

Like the roster, the model holds only the ordered entry ids of the current filter
(``audit_query.audit_ids``) and renders rows page by page (``audit_query.audit_rows``) when the
view first asks for them. Sorting is by time only (newest first by default); the proxy passes it
to the model, which re-queries the ids, instead of sorting in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.db import Database
from app.services import audit_query
from app.services.audit_query import AuditFilter, AuditRow

Index = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the entry id
SortRole = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200

TIME, OPERATOR, ACTION, ENTITY, PERSON, RECORD, CHANGES = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "时间"),
    QT_TRANSLATE_NOOP("AuditTableModel", "操作员"),
    QT_TRANSLATE_NOOP("AuditTableModel", "操作"),
    QT_TRANSLATE_NOOP("AuditTableModel", "类别"),
    QT_TRANSLATE_NOOP("AuditTableModel", "人员"),
    QT_TRANSLATE_NOOP("AuditTableModel", "记录"),
    QT_TRANSLATE_NOOP("AuditTableModel", "改动内容（原 → 新）"),
)
WIDTHS = (130, 80, 60, 70, 70, 110, 560)
_ACTION_COLORS = {"删除": Qt.GlobalColor.darkRed, "移除": Qt.GlobalColor.darkRed}


class AuditTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = AuditFilter()
        self._oldest_first = False
        self._ids: list[int] = []
        self._rows: dict[int, AuditRow] = {}
        self._fetched_pages: set[int] = set()
        self.rows_fetched = 0  # rows rendered from the database (tests, diagnostics)

    # --- loading ------------------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        """After a restore the context holds a new ``Database``."""
        self._db = db

    def set_filter(self, flt: AuditFilter) -> None:
        self._filter = flt
        self.reload()

    def current_filter(self) -> AuditFilter:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = audit_query.audit_ids(self._db, self._filter, oldest_first=self._oldest_first)
        self._rows.clear()
        self._fetched_pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column != TIME:
            return  # the trail is read in time order; other columns are filters
        self._oldest_first = order == Qt.SortOrder.AscendingOrder
        self.reload()

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.AscendingOrder if self._oldest_first else Qt.SortOrder.DescendingOrder

    def row_of(self, entry_id: int) -> int | None:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return None

    def audit_row(self, row: int) -> AuditRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        if page not in self._fetched_pages:
            self._fetched_pages.add(page)
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            for found in audit_query.audit_rows(self._db, ids):
                self._rows[found.id] = found
                self.rows_fetched += 1
        return self._rows.get(self._ids[row])

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditTableModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ObjectRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            SortRole,
        ):
            return None
        row = self.audit_row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == SortRole:
            return row.at if column == TIME else self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _ACTION_COLORS.get(row.action) if column == ACTION else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.changes_text("\n") if column == CHANGES and row.changes else None
        return self._text(row, column)

    @staticmethod
    def _text(row: AuditRow, column: int) -> str:
        if column == TIME:
            return f"{row.at:%Y-%m-%d %H:%M}"
        if column == OPERATOR:
            return row.operator
        if column == ACTION:
            return row.action
        if column == ENTITY:
            return row.entity_label
        if column == PERSON:
            return row.person_name or ""
        if column == RECORD:
            return row.record
        return row.changes_text()


class AuditProxyModel(QSortFilterProxyModel):
    """Passes header sorting to the model (a re-query), never sorting the whole trail itself."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, AuditTableModel):
            source.sort(column, order)
