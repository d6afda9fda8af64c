"""包保分配 — who is answerable for each person under management (三包一 and its variants).

Left: the 包保 staff (add, edit, 离岗, 恢复在岗). Right: every case under management with one
column per required role and a badge saying what is missing. Select cases (Shift/Ctrl, Ctrl+A),
choose a staff member (the combo, or the staff row — Enter there assigns) and they are assigned in
their role, replacing whoever held it. Refreshing follows the page contract in ``base.py``: the
main window calls ``refresh()`` when the page is shown and whenever a ``ctx.events`` signal
(``roster_changed`` …) fires while it is visible.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import assignments, reference, roster
from app.services.assignments import StaffInfo
from app.services.reference import NamedItem
from app.services.roster import RosterFilter
from app.ui import messages
from app.ui.assignments.case_model import (
    CaseCoverageModel,
    CaseCoverageProxy,
    load_coverage_rows,
)
from app.ui.assignments.reassign_dialog import ReassignDialog
from app.ui.assignments.staff_dialog import StaffEditDialog
from app.ui.assignments.staff_model import StaffFilterProxy, StaffTableModel
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.pages.base import BasePage, headed_layout
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.table_view import current_key, row_table, select_key
from app.ui.worker import run_in_background

log = logging.getLogger(__name__)

BACKGROUND_THRESHOLD = 50  # more cases than this: show a progress dialog if it takes a while


class AssignmentsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.staff_dialog: StaffEditDialog | None = None
        self.reassign_dialog: ReassignDialog | None = None
        self._roles: list[NamedItem] = []
        self._sized_columns = 0  # column count the case table's widths were set for

        layout = headed_layout(
            self,
            self.tr(
                "为每位在管人员落实包保责任人（三包一：医护人员、村干部、乡镇干部）。"
                "在右侧选中人员（Shift/Ctrl 多选，Ctrl+A 全选），再选择包保人员并按“分配所选”，"
                "或在左侧人员上按 Enter。"
            ),
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_staff_panel())
        splitter.addWidget(self._build_case_panel())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([430, 760])
        layout.addWidget(splitter, 1)

        select_all = QAction(self)
        select_all.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        select_all.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        select_all.triggered.connect(self.select_all_cases)
        self.addAction(select_all)

        for first, second in (
            (self.group_filter, self.gaps_only),
            (self.gaps_only, self.case_table),
            (self.case_table, self.assign_combo),
            (self.assign_combo, self.assign_button),
            (self.assign_button, self.role_filter),
            (self.role_filter, self.show_retired),
            (self.show_retired, self.staff_table),
            (self.staff_table, self.add_button),
            (self.add_button, self.edit_button),
            (self.edit_button, self.retire_button),
            (self.retire_button, self.reactivate_button),
        ):
            QWidget.setTabOrder(first, second)

    @property
    def title(self) -> str:
        return self.tr("包保分配")

    # --- building -----------------------------------------------------------------------------

    def _build_staff_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(_section_label(self.tr("包保人员")))

        self.role_filter = QComboBox()
        self.role_filter.setObjectName("roleFilter")
        self.role_filter.setToolTip(self.tr("只看一种包保角色"))
        self.role_filter.currentIndexChanged.connect(self._role_filter_changed)
        self.show_retired = QCheckBox(self.tr("显示离岗人员"))
        self.show_retired.setChecked(True)
        self.show_retired.toggled.connect(lambda show: self.staff_proxy.set_show_retired(show))
        filters = QHBoxLayout()
        filters.addWidget(self.role_filter, 1)
        filters.addWidget(self.show_retired)
        layout.addLayout(filters)

        self.staff_model = StaffTableModel(self)
        self.staff_proxy = StaffFilterProxy(self)
        self.staff_proxy.setSourceModel(self.staff_model)
        self.staff_table = row_table(
            self.staff_proxy,
            "staffTable",
            sort=(StaffTableModel.ROLE, Qt.SortOrder.AscendingOrder),
        )
        self.staff_table.setWordWrap(False)
        header = self.staff_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (StaffTableModel.NAME, 64),
            (StaffTableModel.ROLE, 68),
            (StaffTableModel.PHONE, 92),
            (StaffTableModel.ORGANISATION, 68),
            (StaffTableModel.ACTIVE, 40),
            (StaffTableModel.LOAD, 60),  # the last section stretches, but never below its width
        ):
            self.staff_table.setColumnWidth(column, width)
        self.staff_table.installEventFilter(self)
        self.staff_table.doubleClicked.connect(lambda _index: self.edit_staff())
        self.staff_table.selectionModel().currentRowChanged.connect(self._staff_row_changed)
        layout.addWidget(self.staff_table, 1)

        self.add_button = QPushButton(self.tr("新增(&N)"))
        self.add_button.setToolTip(self.tr("新增一位包保人员"))
        self.add_button.clicked.connect(self.add_staff)
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.edit_button.clicked.connect(self.edit_staff)
        self.retire_button = QPushButton(self.tr("离岗(&L)"))
        self.retire_button.setToolTip(self.tr("结束此人的全部包保，并为其负责的人员另行安排"))
        self.retire_button.clicked.connect(self.retire_staff)
        self.reactivate_button = QPushButton(self.tr("恢复在岗(&U)"))
        self.reactivate_button.clicked.connect(self.reactivate_staff)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.retire_button,
            self.reactivate_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return panel

    def _build_case_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        title_row = QHBoxLayout()
        title_row.addWidget(_section_label(self.tr("在管人员包保情况")))
        title_row.addWidget(self.summary, 1)
        layout.addLayout(title_row)

        self.group_filter = QComboBox()
        self.group_filter.setObjectName("groupFilter")
        self.group_filter.setMinimumWidth(110)
        self.group_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.gaps_only = QCheckBox(self.tr("只看未落实(&G)"))
        self.gaps_only.setObjectName("gapsOnly")
        self.gaps_only.toggled.connect(lambda _checked: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("村民小组：")))
        filters.addWidget(self.group_filter)
        filters.addWidget(self.gaps_only)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.selection_label = QLabel()
        self.assign_combo = QComboBox()
        self.assign_combo.setObjectName("assignCombo")
        self.assign_combo.setMinimumWidth(220)
        self.assign_button = QPushButton(self.tr("分配所选(&S)"))
        self.assign_button.setAutoDefault(True)  # Enter on the focused button assigns
        self.assign_button.clicked.connect(lambda: self.assign_selected())
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.selection_label)
        assign_row.addStretch(1)
        assign_row.addWidget(QLabel(self.tr("分配给：")))
        assign_row.addWidget(self.assign_combo)
        assign_row.addWidget(self.assign_button)
        layout.addLayout(assign_row)

        self.case_model = CaseCoverageModel(lambda ids: load_coverage_rows(self.ctx.db, ids), self)
        self.case_proxy = CaseCoverageProxy(self)
        self.case_proxy.setSourceModel(self.case_model)
        self.case_table = row_table(  # at first in the service's order (组别 naturally, then name)
            self.case_proxy,
            "caseTable",
            sort=(-1, Qt.SortOrder.AscendingOrder),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.case_table.setWordWrap(False)
        self.case_table.horizontalHeader().setStretchLastSection(True)
        self.case_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.case_table.customContextMenuRequested.connect(self._case_menu)
        self.case_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.case_model.modelReset.connect(self._selection_changed)
        # 只看未落实 with nothing to show says so, instead of an empty grey table.
        self.no_gaps = QLabel()
        self.no_gaps.setObjectName("noGaps")
        self.no_gaps.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_gaps.setStyleSheet("color: #1b7f3b; font-size: 11pt;")
        self.case_stack = QStackedWidget()
        self.case_stack.addWidget(self.case_table)
        self.case_stack.addWidget(self.no_gaps)
        layout.addWidget(self.case_stack, 1)

        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        return panel

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        roles = reference.staff_roles(db)
        required = {rid for m in reference.measures(db) for rid in m.required_role_ids}
        self._roles = roles
        self._fill_role_filter(roles)
        staff = assignments.staff_list(db, include_retired=True)
        self.staff_model.set_staff(staff, [r.id for r in roles])
        self._fill_assign_combo(staff)
        self._fill_group_filter(roster.group_names(db))
        self._update_staff_buttons()

        group = self.group_filter.currentData()
        ids = roster.roster_ids(db, RosterFilter(status="active", group_name=group))
        gaps = assignments.uncovered_case_ids(db)
        shown = [i for i in ids if i in gaps] if self.gaps_only.isChecked() else ids
        selected = self.selected_case_ids()
        self.case_model.reload(shown, [r for r in roles if r.id in required])
        self._apply_case_sort()
        self.select_cases(selected, scroll=False)
        self._size_case_columns()
        uncovered = sum(1 for i in ids if i in gaps)
        text = self.tr("在管 {total} 人，包保未落实 {gaps} 人").format(
            total=len(ids), gaps=uncovered
        )
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;" if uncovered else "color: #1b7f3b;")
        nothing_missing = self.gaps_only.isChecked() and not shown
        where = group or self.tr("全村")
        self.no_gaps.setText(
            self.tr("{where}在管的 {total} 人包保责任人都已落实 ✓").format(
                where=where, total=len(ids)
            )
        )
        self.case_stack.setCurrentWidget(self.no_gaps if nothing_missing else self.case_table)

    def _fill_role_filter(self, roles: list[NamedItem]) -> None:
        current = self.role_filter.currentData()
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem(self.tr("全部角色"), None)
        for role in roles:
            self.role_filter.addItem(role.name, role.id)
        self.role_filter.setCurrentIndex(max(self.role_filter.findData(current), 0))
        self.role_filter.blockSignals(False)

    def _fill_group_filter(self, groups: list[str]) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("全部组别"), None)
        for group in groups:
            self.group_filter.addItem(group, group)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        self.group_filter.blockSignals(False)

    def _fill_assign_combo(self, staff: list[StaffInfo]) -> None:
        current = self.assign_combo.currentData()
        self.assign_combo.clear()
        self.assign_combo.addItem(self.tr("请选择包保人员"), None)
        for person in staff:
            if person.active:
                label = self.tr("{name}（{role}，负责 {load} 人）").format(
                    name=person.name, role=person.role, load=person.load
                )
                self.assign_combo.addItem(label, person.id)
        self.assign_combo.setCurrentIndex(max(self.assign_combo.findData(current), 0))

    def _apply_case_sort(self) -> None:
        # The proxy does not re-sort by itself (that would fetch every row on each change).
        header = self.case_table.horizontalHeader()
        self.case_proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _size_case_columns(self) -> None:
        """Widths that fit three to five role columns and the badge in a 1366-pixel window.

        Applied when the set of columns changes (a reset gives every section Qt's default 100 px);
        otherwise the clerk's own widths, which the main window remembers, are left alone.
        """
        count = self.case_model.columnCount()
        if count == self._sized_columns:
            return
        self._sized_columns = count
        widths = {
            CaseCoverageModel.NAME: 64,
            CaseCoverageModel.GROUP: 56,
            CaseCoverageModel.MEASURE: 116,
            CaseCoverageModel.PLANNED_END: 84,
        }
        for column in range(count):
            if column != self.case_model.coverage_column():
                self.case_table.setColumnWidth(column, widths.get(column, 62))

    # --- staff --------------------------------------------------------------------------------

    def current_staff(self) -> StaffInfo | None:
        return self.staff_model.item_of(current_key(self.staff_table))

    def select_staff(self, staff_id: int) -> None:
        select_key(self.staff_table, staff_id, scroll=True)

    def add_staff(self) -> None:
        self._open_staff_dialog(None)

    def edit_staff(self) -> None:
        staff = self.current_staff()
        if staff is None:
            self.hint.setText(self.tr("请先在左侧选择要编辑的包保人员。"))
            return
        self._open_staff_dialog(staff)

    def _open_staff_dialog(self, staff: StaffInfo | None) -> None:
        role_id = self.role_filter.currentData() if staff is None else None
        dialog = StaffEditDialog(self.ctx, self._roles, staff, role_id=role_id, parent=self)
        dialog.accepted.connect(lambda: self._staff_saved(dialog))
        self.staff_dialog = dialog
        dialog.open()

    def _staff_saved(self, dialog: StaffEditDialog) -> None:
        self.ctx.events.assignments_changed.emit()
        self.refresh()
        if dialog.saved is not None:
            self.select_staff(dialog.saved.id)
            self.hint.setText(self.tr("已保存「{name}」。").format(name=dialog.saved.name))

    def retire_staff(self) -> None:
        staff = self.current_staff()
        if staff is None or not staff.active:
            self.hint.setText(self.tr("请先在左侧选择一位在岗的包保人员。"))
            return
        question = self.tr("确定「{name}」（{role}）离岗吗？").format(
            name=staff.name, role=staff.role
        )
        if staff.load:
            question += self.tr("其负责的 {count} 人将需要另行安排{role}。").format(
                count=staff.load, role=staff.role
            )
        if not messages.ask_confirm(self, question):
            return
        with refusal_shown(self) as refused:
            orphaned = assignments.retire_staff(self.ctx.db, staff.id)
        if refused:
            return
        log.info("staff %d retired, %d case(s) to reassign", staff.id, len(orphaned))
        self.ctx.events.assignments_changed.emit()
        self.refresh()
        if not orphaned:
            self.hint.setText(self.tr("「{name}」已离岗。").format(name=staff.name))
            return
        dialog = ReassignDialog(self.ctx, staff, orphaned, self)
        dialog.finished.connect(lambda _result: self.refresh())
        self.reassign_dialog = dialog
        dialog.open()

    def reactivate_staff(self) -> None:
        staff = self.current_staff()
        if staff is None or staff.active:
            self.hint.setText(self.tr("请先在左侧选择一位离岗的人员。"))
            return
        with refusal_shown(self) as refused:
            assignments.reactivate_staff(self.ctx.db, staff.id)
        if refused:
            return
        self.ctx.events.assignments_changed.emit()
        self.refresh()
        self.hint.setText(self.tr("「{name}」已恢复在岗。").format(name=staff.name))

    def _staff_row_changed(self, current: object, _previous: object) -> None:
        self._update_staff_buttons()
        staff = self.current_staff()
        if staff is not None and staff.active:
            position = self.assign_combo.findData(staff.id)
            if position >= 0:
                self.assign_combo.setCurrentIndex(position)

    def _update_staff_buttons(self) -> None:
        staff = self.current_staff()
        self.edit_button.setEnabled(staff is not None)
        self.retire_button.setEnabled(staff is not None and staff.active)
        self.reactivate_button.setEnabled(staff is not None and not staff.active)

    def _role_filter_changed(self, _position: int) -> None:
        self.staff_proxy.set_role(self.role_filter.currentData())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a staff row assigns the selected cases (double-click edits the person).
        if (
            watched is self.staff_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            staff = self.current_staff()
            if staff is not None:
                self.assign_selected(staff.id)
            return True
        return super().eventFilter(watched, event)

    # --- cases --------------------------------------------------------------------------------

    def selected_case_ids(self) -> list[int]:
        selection = self.case_table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        return [self.case_proxy.index(row, 0).data(ObjectRole) for row in rows]

    def select_cases(self, case_ids: list[int], *, scroll: bool = True) -> None:
        selection = QItemSelection()
        last_column = self.case_model.columnCount() - 1
        first = None
        for case_id in case_ids:
            row = self.case_model.row_of(case_id)
            if row is None:
                continue
            left = self.case_proxy.mapFromSource(self.case_model.index(row, 0))
            right = self.case_proxy.mapFromSource(self.case_model.index(row, last_column))
            selection.select(left, right)
            first = first or left
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.case_table.selectionModel().select(selection, flags)
        if first is not None:
            self.case_table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            if scroll:
                self.case_table.scrollTo(first)

    def select_all_cases(self) -> None:
        self.case_table.setFocus()
        self.case_table.selectAll()

    def _selection_changed(self, *_args: object) -> None:
        count = len(self.case_table.selectionModel().selectedRows())
        self.selection_label.setText(self.tr("已选 {count} 人").format(count=count))

    def assign_selected(self, staff_id: int | None = None) -> None:
        """Assign the selected cases to a staff member (default: the one in the combo)."""
        case_ids = self.selected_case_ids()
        staff_id = staff_id if staff_id is not None else self.assign_combo.currentData()
        if not case_ids:
            self.hint.setText(
                self.tr("请先在右侧表格中选择人员（按住 Ctrl 或 Shift 多选，Ctrl+A 全选）。")
            )
            return
        row = self.staff_model.row_of(staff_id) if staff_id is not None else None
        if row is None:
            self.hint.setText(self.tr("请先选择包保人员。"))
            self.assign_combo.setFocus()
            return
        staff = self.staff_model.staff_at(row)
        if not staff.active:
            self.hint.setText(self.tr("「{name}」已离岗，不能再分配。").format(name=staff.name))
            return
        replaced = self._held_by_others(case_ids, staff)
        if replaced and not messages.ask_confirm(
            self,
            self.tr("所选 {count} 人中有 {replaced} 人已有{role}，确定都改为「{name}」吗？").format(
                count=len(case_ids), replaced=replaced, role=staff.role, name=staff.name
            ),
        ):
            return
        run_in_background(
            self,
            partial(assignments.assign, self.ctx.db, case_ids, staff.id),
            on_done=lambda changed: self._assigned(case_ids, staff, changed),
            progress_label=(
                self.tr("正在分配包保人员…") if len(case_ids) > BACKGROUND_THRESHOLD else None
            ),
        )

    def _held_by_others(self, case_ids: list[int], staff: StaffInfo) -> int:
        count = 0
        for case_id in case_ids:
            row = self.case_model.row_of(case_id)
            data = self.case_model.row_data(row) if row is not None else None
            member = data.member(staff.role_id) if data is not None else None
            if member is not None and member.staff_id != staff.id:
                count += 1
        return count

    def _assigned(self, case_ids: list[int], staff: StaffInfo, changed: int) -> None:
        log.info("assigned %d case(s) to staff %d", changed, staff.id)
        self.hint.setText(
            self.tr("已将所选 {count} 人的{role}安排为「{name}」。").format(
                count=len(case_ids), role=staff.role, name=staff.name
            )
        )
        self.ctx.events.assignments_changed.emit()
        self.refresh()

    def _case_menu(self, position: QPoint) -> None:
        index = self.case_table.indexAt(position)
        role = self.case_model.role_of_column(index.column()) if index.isValid() else None
        case_ids = self.selected_case_ids()
        if role is None or not case_ids:
            return
        menu = QMenu(self)
        action = menu.addAction(
            self.tr("取消所选 {count} 人的{role}").format(count=len(case_ids), role=role.name)
        )
        action.triggered.connect(lambda: self.unassign_selected(role.id))
        menu.popup(self.case_table.viewport().mapToGlobal(position))

    def unassign_selected(self, role_id: int) -> None:
        case_ids = self.selected_case_ids()
        role = next((r.name for r in self._roles if r.id == role_id), "")
        question = self.tr("确定取消所选 {count} 人的{role}吗？").format(
            count=len(case_ids), role=role
        )
        if not case_ids or not messages.ask_confirm(self, question):
            return
        run_in_background(
            self,
            partial(_unassign_all, self.ctx, case_ids, role_id),
            on_done=lambda _none: self._assignments_removed(len(case_ids), role),
        )

    def _assignments_removed(self, count: int, role: str) -> None:
        self.hint.setText(self.tr("已取消 {count} 人的{role}。").format(count=count, role=role))
        self.ctx.events.assignments_changed.emit()
        self.refresh()

    # --- navigation from other pages ----------------------------------------------------------

    def open_item(self, ref: object) -> None:
        """``("case", case_id)`` selects that case; ``("gaps",)`` shows only 未落实 cases."""
        if not isinstance(ref, tuple | list) or not ref:
            log.warning("assignments page cannot open %r", ref)
            return
        if ref[0] == "gaps":
            self.gaps_only.setChecked(True)
            self.case_table.setFocus()
            return
        if ref[0] == "case" and len(ref) > 1:
            case_id = int(ref[1])
            if self.case_model.row_of(case_id) is None:
                self.group_filter.blockSignals(True)
                self.group_filter.setCurrentIndex(0)
                self.group_filter.blockSignals(False)
                self.gaps_only.blockSignals(True)
                self.gaps_only.setChecked(False)
                self.gaps_only.blockSignals(False)
                self.refresh()
            self.select_cases([case_id])
            self.case_table.setFocus()
            return
        log.warning("assignments page cannot open %r", ref)


def _unassign_all(ctx: UiContext, case_ids: list[int], role_id: int) -> None:
    for case_id in case_ids:
        assignments.unassign(ctx.db, case_id, role_id)


def _section_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
