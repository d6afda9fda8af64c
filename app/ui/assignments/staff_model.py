"""包保人员 table: who can be assigned, in which role, and how many people each looks after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSortFilterProxyModel, Qt

from app.services.assignments import StaffInfo
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import DIMMED, SortRole
from app.ui.widgets.table_base import Index


class StaffTableModel(ListTableModel[StaffInfo]):
    NAME, ROLE, PHONE, ORGANISATION, ACTIVE, LOAD = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("StaffTableModel", "姓名"),
        QT_TRANSLATE_NOOP("StaffTableModel", "角色"),
        QT_TRANSLATE_NOOP("StaffTableModel", "电话"),
        QT_TRANSLATE_NOOP("StaffTableModel", "单位"),
        QT_TRANSLATE_NOOP("StaffTableModel", "在岗"),
        QT_TRANSLATE_NOOP("StaffTableModel", "包保人数"),
    )
    TRANSLATION_CONTEXT = "StaffTableModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role_rank: dict[int, int] = {}

    # --- loading ------------------------------------------------------------------------------

    def set_staff(self, staff: list[StaffInfo], role_order: list[int]) -> None:
        """Show this list; the same people in the same order are updated in place (dataChanged)."""
        self._role_rank = {role_id: rank for rank, role_id in enumerate(role_order)}
        self._refresh_items(staff)

    def staff_at(self, row: int) -> StaffInfo:
        return self._items[row]

    def all_staff(self) -> list[StaffInfo]:
        return list(self._items)

    # --- cells ------------------------------------------------------------------------------

    def _key(self, staff: StaffInfo) -> int:
        return staff.id

    def _cell(self, staff: StaffInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(staff, column)
        if role == SortRole:
            return self._sort_value(staff, column)
        if role == Qt.ItemDataRole.ForegroundRole and not staff.active:
            return DIMMED
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
