"""人员台账 — everyone registered, filtered and searched, with add / edit / end / delete / undo.

The table is the lazy ``RosterTableModel`` (ids in memory, rows fetched per screen), so search stays
instant at 50,000 cases. Double-click or Enter opens the person page; F2 edits the registration.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import reference, roster
from app.services.errors import ServiceError
from app.services.roster import CaseRow, RosterFilter
from app.ui import messages
from app.ui.context import UiContext
from app.ui.pages.base import BasePage, page_heading
from app.ui.printing.actions import CaseNoticeActions, offer_release_notice
from app.ui.roster.end_case_dialog import RELEASE, EndCaseDialog
from app.ui.roster.person_dialog import PersonDialog
from app.ui.roster.person_page import PersonView
from app.ui.roster.table_model import (
    COLUMN_KEYS,
    EARLIER_COLUMN_KEYS,
    PLANNED_END,
    SORT_KEYS,
    RosterProxyModel,
    RosterTableModel,
    default_width,
)
from app.ui.widgets.keyed_header import KeyedHeaderView
from app.ui.widgets.table_view import row_table

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200  # wait for a pause in typing before querying


def import_dialog_class() -> type[QDialog] | None:
    """The roster import dialog (another module, ``app.ui.roster_import.dialog``) if present."""
    try:
        module = import_module("app.ui.roster_import.dialog")
    except ModuleNotFoundError as missing:
        if missing.name not in ("app.ui.roster_import", "app.ui.roster_import.dialog"):
            raise
        return None
    return getattr(module, "RosterImportDialog", None)


class RosterPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._deleted: list[CaseRow] = []  # undo stack of this session's deletions
        self._select_after: int | None = None

        self.model = RosterTableModel(ctx.db, self)
        self.proxy = RosterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.list_view = QWidget()
        self.person_view = PersonView(ctx)
        self.person_view.back.connect(self.show_list)
        self.person_view.edit_requested.connect(self.edit_case)
        self.person_view.end_requested.connect(self.end_case)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.person_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addWidget(self.stack)

        self._build_filters()
        self._build_actions()
        self._build_table()
        self._build_undo_bar()
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(page_heading(self.title))
        heading.addStretch(1)
        self.count_label = QLabel()
        heading.addWidget(self.count_label)
        layout.addLayout(heading)
        layout.addLayout(self.filters)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self._fill_filter_lists()
        self.setFocusProxy(self.search)

    @property
    def title(self) -> str:
        return self.tr("人员台账")

    # --- building -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.status = QComboBox()
        for text, key in (
            (self.tr("在管"), "active"),
            (self.tr("已解除"), "ended"),
            (self.tr("全部"), "all"),
            (self.tr("已删除"), "deleted"),
        ):
            self.status.addItem(text, key)
        self.category = QComboBox()
        self.measure = QComboBox()
        self.group = QComboBox()
        for combo in (self.category, self.measure, self.group):
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("搜索姓名、拼音首字母（如 zs）、身份证号或电话  Ctrl+F")
        )
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        for combo in (self.status, self.category, self.measure, self.group):
            combo.currentIndexChanged.connect(lambda _index: self._apply_filter())

        self.filters = QHBoxLayout()
        for label, widget in (
            (self.tr("状态"), self.status),
            (self.tr("类别"), self.category),
            (self.tr("措施"), self.measure),
            (self.tr("组别"), self.group),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            self.filters.addWidget(caption)
            self.filters.addWidget(widget)
        self.filters.addSpacing(12)
        self.filters.addWidget(self.search, 1)

    def _action(
        self, text: str, shortcut: QKeySequence | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(
                f"{text} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(lambda _checked=False: slot())  # no `checked` as an id
        # Active wherever the focus is on the list; not while the person page is shown (it has
        # its own F2 and Esc), so no shortcut is ever ambiguous.
        self.list_view.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_action = self._action(self.tr("新增"), key("Ctrl+N"), self.new_case)
        self.edit_action = self._action(self.tr("编辑"), key(Qt.Key.Key_F2), self.edit_case)
        self.details_action = self._action(self.tr("详情"), None, self.show_selected_person)
        self.details_action.setToolTip(self.tr("人员详情（双击或回车）"))
        self.end_action = self._action(self.tr("解除/结束"), key("Ctrl+E"), self.end_case)
        self.delete_action = self._action(
            self.tr("删除"), key(key.StandardKey.Delete), self.delete_case
        )
        self.undo_action = self._action(
            self.tr("撤销删除"), key(key.StandardKey.Undo), self.undo_delete
        )
        self.restore_action = self._action(self.tr("恢复"), None, self.restore_selected)
        self.import_action = self._action(self.tr("导入名单"), None, self.open_import)
        self.find_action = self._action(
            self.tr("搜索"), key(key.StandardKey.Find), self._focus_search
        )
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_action, self.edit_action, self.details_action, self.end_action,
            self.delete_action, self.undo_action, self.restore_action,
        ):  # fmt: skip
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.import_action)
        self.toolbar.addWidget(self._build_print_button())
        self.undo_action.setEnabled(False)

    def _build_print_button(self) -> QToolButton:
        """打印 ▾: the household's papers for the selected case, and the day's door signs."""
        self.notice_actions = CaseNoticeActions(self, self.ctx, self.selected_case_id)
        self.print_door_signs_action = self._action(
            self.tr("打印今日新增门贴"), None, self.print_todays_door_signs
        )
        menu = QMenu(self)
        self.notice_actions.add_to(menu)
        menu.addSeparator()
        menu.addAction(self.print_door_signs_action)
        button = QToolButton()
        button.setObjectName("printButton")
        button.setText(self.tr("打印"))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def _build_table(self) -> None:
        view = QTableView()
        # Before the model: the keyed header restores a saved layout by column name.
        view.setHorizontalHeader(
            KeyedHeaderView(
                COLUMN_KEYS,
                earlier=EARLIER_COLUMN_KEYS,
                default_width=default_width,
                parent=view,
            )
        )
        self.table = row_table(self.proxy, "rosterTable", view=view)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column in range(len(COLUMN_KEYS)):
            self.table.setColumnWidth(column, default_width(column))
        column, order = self.model.sort_state()
        header.setSortIndicator(column, order)  # Qt's default would be 姓名 descending
        self.table.setSortingEnabled(True)  # the proxy hands the order to the model's query
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.activated.connect(lambda _index: self.show_selected_person())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)

    def _build_undo_bar(self) -> None:
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setStyleSheet(
            "QFrame#undoBar { background: #fff8e1; border: 1px solid #f0d58c; border-radius: 4px; }"
        )
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("撤销 (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_delete)
        close = QPushButton(self.tr("知道了"))
        close.clicked.connect(self.undo_bar.hide)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(close)
        self.undo_bar.hide()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_filter_lists()
        self._reload(self._select_after or self.selected_case_id())
        self._select_after = None
        if self.stack.currentWidget() is self.person_view:
            self.person_view.refresh()

    def _fill_filter_lists(self) -> None:
        """Categories, measures and groups can change elsewhere: refill, keeping the choice."""
        db = self.ctx.db
        lists = (
            (
                self.category,
                self.tr("全部类别"),
                [(c.name, c.id) for c in reference.categories(db)],
            ),
            (self.measure, self.tr("全部措施"), [(m.name, m.id) for m in reference.measures(db)]),
            (self.group, self.tr("全部组别"), [(g, g) for g in roster.group_names(db)]),
        )
        for combo, everything, items in lists:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> RosterFilter:
        return RosterFilter(
            status=self.status.currentData(),
            category_id=self.category.currentData(),
            measure_id=self.measure.currentData(),
            group_name=self.group.currentData(),
            text=self.search.text().strip(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._after_reload(self.selected_case_id())

    def _reload(self, select: int | None = None) -> None:
        self.model.set_filter(self.current_filter())
        self._after_reload(select)

    def _after_reload(self, select: int | None) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("共 {count} 条").format(count=count))
        row = self.model.row_of(select) if select is not None else None
        if row is None and count:
            row = 0  # something is always selected, so the keyboard works at once
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        self._update_actions()

    # --- selection ----------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.case_id(self.proxy.mapToSource(rows[0]).row())

    def selected_row(self) -> CaseRow | None:
        case_id = self.selected_case_id()
        row = self.model.row_of(case_id) if case_id is not None else None
        return self.model.case_row(row) if row is not None else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self._after_reload(case_id)
        return True

    def _update_actions(self) -> None:
        row = self.selected_row()
        deleted_view = self.status.currentData() == "deleted"
        live = row is not None and not row.deleted
        self.edit_action.setEnabled(live)
        self.details_action.setEnabled(row is not None)
        self.end_action.setEnabled(live and row is not None and row.ended_on is None)
        self.notice_actions.update(row)
        self.delete_action.setEnabled(live)
        self.restore_action.setVisible(deleted_view)
        self.restore_action.setEnabled(row is not None and row.deleted)
        self.undo_action.setEnabled(bool(self._deleted))
        self.import_action.setVisible(import_dialog_class() is not None)

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if SORT_KEYS.get(section) is None:  # 核酸, 包保: computed per page, cannot be ordered
            column, order = self.model.sort_state()
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)

    # --- navigation ---------------------------------------------------------------------------

    def open_item(self, ref: object) -> None:
        """``("person", person_id)``, ``("case", case_id)``, ``("new",)``, ``("import",)`` or
        ``("ending",)`` (在管, the earliest 计划解除 first: Today's 期满待解除 in full)."""
        kind: object = None
        value: object = None
        if isinstance(ref, int):
            kind, value = "case", ref
        elif isinstance(ref, tuple) and ref:
            kind, value = ref[0], (ref[1] if len(ref) > 1 else None)
        if kind == "person" and isinstance(value, int):
            self.show_person(value)
        elif kind == "case" and isinstance(value, int):
            self.show_case(value)
        elif kind == "new":
            self.show_list()
            self.new_case()
        elif kind == "import":
            self.show_list()
            self.open_import()
        elif kind == "ending":
            self.show_ending()
        else:
            log.warning("roster page cannot open %r", ref)

    def show_ending(self) -> None:
        """The cases under management, the earliest planned end first."""
        self.status.setCurrentIndex(self.status.findData("active"))
        self.show_list()
        self.table.sortByColumn(PLANNED_END, Qt.SortOrder.AscendingOrder)

    def show_person(self, person_id: int, case_id: int | None = None) -> None:
        try:
            self.person_view.show_person(person_id, case_id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self.stack.setCurrentWidget(self.person_view)
        self.person_view.setFocus()

    def show_case(self, case_id: int) -> None:
        try:
            row = roster.case_row(self.ctx.db, case_id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self.show_person(row.person_id, case_id)

    def show_selected_person(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.show_person(row.person_id, row.id)

    def show_list(self) -> None:
        case = self.person_view.current_case()
        self.stack.setCurrentWidget(self.list_view)
        self.refresh()
        if case is not None:
            self.select_case(case.id)
        self.table.setFocus()

    def _focus_search(self) -> None:
        if self.stack.currentWidget() is not self.list_view:
            self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        """Enter in search: the one person found opens at once; several go to the list."""
        self._apply_filter()
        count = self.model.rowCount()
        if count:
            if self.selected_case_id() is None:
                self.table.selectRow(0)
            self.table.setFocus()
        if count == 1:
            self.show_selected_person()

    # --- actions ------------------------------------------------------------------------------

    def _changed(self, select: int | None, note: str | None = None) -> None:
        """After a change: tell the other pages, reload, select the row, say what happened."""
        self.ctx.events.roster_changed.emit()
        self._select_after = select
        self.refresh()
        if note:
            self._say(note)

    def _say(self, text: str, undo: bool = False) -> None:
        self.undo_label.setText(text)
        self.undo_button.setVisible(undo)
        self.undo_bar.show()

    def new_case(self) -> None:
        dialog = PersonDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            saved = dialog.saved
            self._changed(saved.id, self.tr("已登记 {name}").format(name=saved.name))
            if self.model.row_of(saved.id) is None:
                self._say(
                    self.tr("已登记 {name}（不符合当前筛选条件，所以列表中没有显示）").format(
                        name=saved.name
                    )
                )

    def edit_case(self, case_id: int | None = None) -> None:
        case_id = case_id if isinstance(case_id, int) else self.selected_case_id()
        if case_id is None:
            return
        try:
            dialog = PersonDialog(self.ctx, self, case_id=case_id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._changed(dialog.saved.id, self.tr("已保存 {name}").format(name=dialog.saved.name))

    def end_case(self, case_id: int | None = None, reason: str | None = None) -> None:
        case_id = case_id if isinstance(case_id, int) else self.selected_case_id()
        if case_id is None:
            return
        if open_end_case_dialog(self, self.ctx, case_id, reason=reason) is not None:
            self._changed(case_id)

    def delete_case(self) -> None:
        row = self.selected_row()
        if row is None or row.deleted:
            return
        question = self.tr("删除 {name}（{group}）的这条登记记录？删除后可以撤销。").format(
            name=row.name, group=row.group_name or self.tr("未填组别")
        )
        if not messages.ask_confirm(self, question):
            return
        try:
            roster.delete_case(self.ctx.db, row.id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self._deleted.append(row)
        neighbour = self._neighbour_of(row.id)
        self._changed(neighbour)
        self._say(self.tr("已删除 {name}").format(name=row.name), undo=True)
        self.table.setFocus()

    def _neighbour_of(self, case_id: int) -> int | None:
        """The row to select after ``case_id`` disappears: the next one, else the previous."""
        row = self.model.row_of(case_id)
        if row is None:
            return None
        for candidate in (row + 1, row - 1):
            if 0 <= candidate < self.model.rowCount():
                return self.model.case_id(candidate)
        return None

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        row = self._deleted.pop()
        try:
            roster.restore_case(self.ctx.db, row.id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self._changed(row.id)
        if self._deleted:
            previous = self._deleted[-1].name
            text = self.tr("已恢复 {name}。还可撤销删除 {previous}")
            self._say(text.format(name=row.name, previous=previous), undo=True)
        else:
            self._say(self.tr("已恢复 {name}").format(name=row.name))

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.deleted:
            return
        try:
            roster.restore_case(self.ctx.db, row.id)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self._deleted = [r for r in self._deleted if r.id != row.id]
        self._changed(None, self.tr("已恢复 {name}").format(name=row.name))

    def print_todays_door_signs(self) -> None:
        from app.ui.printing.preview import preview_door_signs  # print support at first use

        preview_door_signs(self, self.ctx, clock.today())

    def open_import(self) -> None:
        dialog_class = import_dialog_class()
        if dialog_class is None:
            return
        dialog = dialog_class(self.ctx, self)  # type: ignore[call-arg]
        dialog.exec()  # it emits roster_changed itself after an import
        self.refresh()


def open_end_case_dialog(
    parent: QWidget, ctx: UiContext, case_id: int, *, reason: str | None = None
) -> CaseRow | None:
    """The end-of-case dialog; returns the ended row, or None if the clerk cancelled."""
    try:
        dialog = EndCaseDialog(ctx, case_id, parent, reason=reason)
    except ServiceError as error:
        messages.show_error(parent, str(error))
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.saved is not None and dialog.reason.currentText() == RELEASE:
        offer_release_notice(parent, ctx, case_id)
    return dialog.saved
