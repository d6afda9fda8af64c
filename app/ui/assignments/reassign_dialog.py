"""After 离岗: the cases that lost their 包保 person, each with a quick “分配给…” picker.

Every pick is saved at once (one service call), so closing the dialog half-way loses nothing; what
is left unassigned shows as “缺 …” on the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.services import assignments, reference, roster
from app.services.assignments import StaffInfo
from app.services.roster import CaseRow, RosterFilter
from app.ui.assignments.staff_dialog import StaffEditDialog
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_base import Index
from app.ui.widgets.table_view import row_table, sorting_proxy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    staff_id: int
    label: str


class ReassignTableModel(ListTableModel[CaseRow]):
    NAME, GROUP, MEASURE, NEW_HOLDER = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ReassignTableModel", "姓名"),
        QT_TRANSLATE_NOOP("ReassignTableModel", "村民小组"),
        QT_TRANSLATE_NOOP("ReassignTableModel", "管控措施"),
        QT_TRANSLATE_NOOP("ReassignTableModel", "新的{role}"),
    )
    TRANSLATION_CONTEXT = "ReassignTableModel"

    def __init__(self, cases: list[CaseRow], role: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items = list(cases)
        self._position = {case.id: row for row, case in enumerate(cases)}  # never re-ordered
        self._role = role
        self._assigned: dict[int, tuple[int, str]] = {}  # case id → (staff id, name)

    def case_at(self, row: int) -> CaseRow:
        return self._items[row]

    def assigned_staff(self, case_id: int) -> int | None:
        found = self._assigned.get(case_id)
        return found[0] if found else None

    def case_ids(self) -> list[int]:
        return [c.id for c in self._items]

    def unassigned_ids(self) -> list[int]:
        return [c.id for c in self._items if c.id not in self._assigned]

    def mark_assigned(self, case_ids: list[int], staff_id: int, name: str) -> None:
        for row, case in enumerate(self._items):
            if case.id in case_ids:
                self._assigned[case.id] = (staff_id, name)
                index = self.index(row, self.NEW_HOLDER)
                self.dataChanged.emit(index, index)

    def _titles(self) -> list[str]:
        titles = super()._titles()
        titles[self.NEW_HOLDER] = titles[self.NEW_HOLDER].format(role=self._role)
        return titles

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NEW_HOLDER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _key(self, case: CaseRow) -> int:
        return case.id

    def _cell(self, case: CaseRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == self.NEW_HOLDER:
            return self.assigned_staff(case.id)
        if role == SortRole and column == self.GROUP:
            return self._position[case.id]  # rows come in the natural 一组 < 二组 < 十组 order
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == self.NAME:
                return case.name
            if column == self.GROUP:
                return case.group_name or ""
            if column == self.MEASURE:
                return case.measure
            if column == self.NEW_HOLDER:
                found = self._assigned.get(case.id)
                return found[1] if found else self.tr("未安排")
        return None


class StaffPickerDelegate(QStyledItemDelegate):
    """A combo of candidates in the 新的… column; choosing one emits ``picked`` at once."""

    picked = Signal(int, int)  # case id, staff id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[Candidate] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("分配给…"), None)
        for candidate in self.candidates:
            combo.addItem(candidate.label, candidate.staff_id)
        combo.activated.connect(lambda _position, combo=combo: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.currentData() is not None:
            case_id = index.data(ObjectRole)
            if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
                self.picked.emit(case_id, editor.currentData())


class ReassignDialog(QDialog):
    """Lists ``case_ids`` (left without ``retired``'s role) and assigns new people to them."""

    def __init__(
        self, ctx: UiContext, retired: StaffInfo, case_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.retired = retired
        self.setWindowTitle(self.tr("另行安排包保人员"))
        self.resize(640, 420)

        # In the roster's order (村民小组 naturally, then name), not by id.
        wanted = set(case_ids)
        ordered = [i for i in roster.roster_ids(ctx.db, RosterFilter(status="all")) if i in wanted]
        cases = roster.roster_rows(ctx.db, ordered)
        self.model = ReassignTableModel(cases, retired.role, self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self._names: dict[int, str] = {}  # candidates: staff id → name, and their current load
        self._loads: dict[int, int] = {}
        self.delegate = StaffPickerDelegate(self)
        self.delegate.picked.connect(lambda case_id, staff_id: self.assign([case_id], staff_id))

        intro = QLabel(
            self.tr(
                "「{name}」（{role}）已离岗。以下 {count} 人需要新的{role}，"
                "在每行选择接替的人员即可保存："
            ).format(name=retired.name, role=retired.role, count=len(cases))
        )
        intro.setWordWrap(True)

        self.table = row_table(  # in the roster's order until a title is clicked
            self.proxy,
            "reassignTable",
            sort=(-1, Qt.SortOrder.AscendingOrder),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setItemDelegateForColumn(ReassignTableModel.NEW_HOLDER, self.delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ReassignTableModel.NEW_HOLDER, QHeaderView.ResizeMode.Stretch)

        self.all_combo = QComboBox()
        self.all_button = QPushButton(self.tr("其余全部分配(&A)"))
        self.all_button.clicked.connect(self._assign_rest)
        self.new_staff_button = QPushButton(self.tr("新增{role}(&N)…").format(role=retired.role))
        self.new_staff_button.clicked.connect(self._add_staff)
        self.no_candidates = QLabel()
        self.no_candidates.setStyleSheet("color: #b00020;")
        self.no_candidates.setWordWrap(True)
        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(self.tr("其余未安排的全部分配给：")))
        all_row.addWidget(self.all_combo, 1)
        all_row.addWidget(self.all_button)
        all_row.addWidget(self.new_staff_button)

        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("完成"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(all_row)
        layout.addWidget(self.no_candidates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._load_candidates()
        self.table.resizeColumnsToContents()

    # --- candidates ---------------------------------------------------------------------------

    def _load_candidates(self) -> None:
        """Active staff in the retired person's role, least loaded first; rebuilds the combos."""
        staff = [
            s
            for s in assignments.staff_list(self.ctx.db)
            if s.role_id == self.retired.role_id and s.id != self.retired.id
        ]
        staff.sort(key=lambda s: s.load)
        self._names = {s.id: s.name for s in staff}
        self._loads = {s.id: s.load for s in staff}
        self.delegate.candidates = [Candidate(s.id, self._label(s.id)) for s in staff]
        self.all_combo.clear()
        for candidate in self.delegate.candidates:
            self.all_combo.addItem(candidate.label, candidate.staff_id)
        self.all_button.setEnabled(bool(staff))
        self.no_candidates.setVisible(not staff)
        self.no_candidates.setText(
            self.tr("目前没有其他在岗的{role}，请先新增一位。").format(role=self.retired.role)
        )
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, ReassignTableModel.NEW_HOLDER)
            self.table.closePersistentEditor(index)
            self.table.openPersistentEditor(index)

    def _label(self, staff_id: int) -> str:
        return self.tr("{name}（负责 {load} 人）").format(
            name=self._names[staff_id], load=self._loads[staff_id]
        )

    def _relabel(self) -> None:
        """New loads in every combo, without rebuilding them (keyboard focus stays put)."""
        self.delegate.candidates = [
            Candidate(c.staff_id, self._label(c.staff_id)) for c in self.delegate.candidates
        ]
        combos = [self.all_combo, *(self.picker(case_id) for case_id in self.model.case_ids())]
        for combo in combos:
            for position in range(combo.count() if combo else 0):
                staff_id = combo.itemData(position)
                if staff_id in self._loads:
                    combo.setItemText(position, self._label(staff_id))

    def picker(self, case_id: int) -> QComboBox | None:
        """The 分配给… combo of a case's row (tests drive it with the keyboard)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, ReassignTableModel.NEW_HOLDER)
            if index.data(ObjectRole) == case_id:
                widget = self.table.indexWidget(index)
                return widget if isinstance(widget, QComboBox) else None
        return None

    # --- assigning ----------------------------------------------------------------------------

    def assign(self, case_ids: list[int], staff_id: int) -> bool:
        """Save at once; ``False`` (with a message) when the service refuses."""
        if not case_ids:
            return False
        previous = [self.model.assigned_staff(case_id) for case_id in case_ids]
        with refusal_shown(self) as refused:
            assignments.assign(self.ctx.db, case_ids, staff_id, role_id=self.retired.role_id)
        if refused:
            return False
        for before in previous:
            if before is not None and before != staff_id:
                self._loads[before] -= 1
        self._loads[staff_id] += sum(1 for before in previous if before != staff_id)
        self.model.mark_assigned(case_ids, staff_id, self._names[staff_id])
        self._relabel()
        left = len(self.model.unassigned_ids())
        self.status.setText(
            self.tr("已保存。还有 {left} 人未安排。").format(left=left)
            if left
            else self.tr("已全部安排好。")
        )
        log.info("reassigned %d case(s) of retired staff %d", len(case_ids), self.retired.id)
        self.ctx.events.assignments_changed.emit()
        return True

    def _assign_rest(self) -> None:
        staff_id = self.all_combo.currentData()
        if staff_id is not None:
            self.assign(self.model.unassigned_ids(), staff_id)

    def _add_staff(self) -> None:
        roles = reference.staff_roles(self.ctx.db)
        dialog = StaffEditDialog(self.ctx, roles, role_id=self.retired.role_id, parent=self)
        dialog.accepted.connect(self._staff_added)
        dialog.open()
        self.staff_dialog = dialog

    def _staff_added(self) -> None:
        self.ctx.events.assignments_changed.emit()
        self._load_candidates()
