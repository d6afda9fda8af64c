"""包保人员 table: who can be assigned, in which role, and how many people each looks after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.assignments import StaffInfo
from app.ui.widgets.roles import ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex

RETIRED_COLOR = QColor("#8a8a8a")


class StaffTableModel(QAbstractTableModel):
    NAME, ROLE, PHONE, ORGANISATION, ACTIVE, LOAD = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._staff: list[StaffInfo] = []
        self._role_rank: dict[int, int] = {}

    # --- loading ------------------------------------------------------------------------------

    def set_staff(self, staff: list[StaffInfo], role_order: list[int]) -> None:
        """Show this list; the same people in the same order are updated in place (dataChanged)."""
        self._role_rank = {role_id: rank for rank, role_id in enumerate(role_order)}
        if [s.id for s in staff] == [s.id for s in self._staff]:
            self._staff = list(staff)
            if staff:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(staff) - 1, self.COLUMN_COUNT - 1)
                )
            return
        self.beginResetModel()
        self._staff = list(staff)
        self.endResetModel()

    def staff_at(self, row: int) -> StaffInfo:
        return self._staff[row]

    def row_of(self, staff_id: int) -> int | None:
        for row, staff in enumerate(self._staff):
            if staff.id == staff_id:
                return row
        return None

    def all_staff(self) -> list[StaffInfo]:
        return list(self._staff)

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._staff)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("姓名"),
            self.tr("角色"),
            self.tr("电话"),
            self.tr("单位"),
            self.tr("在岗"),
            self.tr("包保人数"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._staff):
            return None
        staff = self._staff[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(staff, column)
        if role == SortRole:
            return self._sort_value(staff, column)
        if role == ObjectRole:
            return staff.id
        if role == Qt.ItemDataRole.ForegroundRole and not staff.active:
            return RETIRED_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ACTIVE, self.LOAD):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LOAD:
            return self.tr("目前负责 {count} 名在管人员").format(count=staff.load)
        return None

    def _display(self, staff: StaffInfo, column: int) -> str | None:
        if column == self.NAME:
            return staff.name
        if column == self.ROLE:
            return staff.role
        if column == self.PHONE:
            return staff.phone or ""
        if column == self.ORGANISATION:
            return staff.organisation or ""
        if column == self.ACTIVE:
            return self.tr("在岗") if staff.active else self.tr("离岗")
        if column == self.LOAD:
            return str(staff.load)
        return None

    def _sort_value(self, staff: StaffInfo, column: int) -> Any:
        if column == self.ROLE:
            return self._role_rank.get(staff.role_id, len(self._role_rank))
        if column == self.ACTIVE:
            return 0 if staff.active else 1
        if column == self.LOAD:
            return staff.load
        return self._display(staff, column)


class StaffFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SortRole``; shows one role only, and hides 离岗 staff unless asked to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self._role_id: int | None = None
        self._show_retired = True

    def set_role(self, role_id: int | None) -> None:
        self.beginFilterChange()
        self._role_id = role_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_retired(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_retired = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, StaffTableModel):
            return True
        staff = model.staff_at(source_row)
        if self._role_id is not None and staff.role_id != self._role_id:
            return False
        return self._show_retired or staff.active
