"""The audit trail as a table: every change ever saved, without loading them all.

Like the roster, the model holds only the ordered entry ids of the current filter
(``audit_query.audit_ids``) and renders rows page by page (``audit_query.audit_rows``) when the
view first asks for them. Sorting is by time only (newest first by default); the proxy passes it
to the model, which re-queries the ids, instead of sorting in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSortFilterProxyModel, Qt

from app.services import audit_query
from app.services.audit_query import AuditFilter, AuditRow
from app.services.ledger import Database
from app.ui.widgets.lazy_table import LazyIdTableModel
from app.ui.widgets.roles import SortRole

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


class AuditTableModel(LazyIdTableModel[AuditFilter, AuditRow]):
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "AuditTableModel"

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        self._oldest_first = False
        super().__init__(db, AuditFilter(), parent)

    # --- loading ------------------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        """After a restore the context holds a new ``Database``."""
        self._db = db

    def _query_ids(self) -> list[int]:
        return audit_query.audit_ids(self._db, self._filter, oldest_first=self._oldest_first)

    def _fetch_rows(self, ids: list[int]) -> list[AuditRow]:
        return audit_query.audit_rows(self._db, ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column != TIME:
            return  # the trail is read in time order; other columns are filters
        self._oldest_first = order == Qt.SortOrder.AscendingOrder
        self.reload()

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.AscendingOrder if self._oldest_first else Qt.SortOrder.DescendingOrder

    def audit_row(self, row: int) -> AuditRow | None:
        return self._row(row)

    # --- Qt model -----------------------------------------------------------------------------

    def _cell(self, row: AuditRow, column: int, role: int) -> Any:
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
