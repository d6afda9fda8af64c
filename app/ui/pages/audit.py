"""操作留痕 — who changed what and when, old → new, read-only.

Every save in the ledger leaves an entry (``app.models.audit``). The clerk or the township's
inspector filters by person (name or pinyin), operator, kind of record and dates, reads the
changes in words (体温：36.5 → 37.8), and can export what is shown to Excel. Nothing can be
edited or deleted here: the trail is evidence.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from app import clock
from app.services import audit_query
from app.services.audit_query import AuditFilter
from app.ui import messages
from app.ui.audit.table_model import (
    TIME,
    WIDTHS,
    AuditProxyModel,
    AuditTableModel,
)
from app.ui.context import UiContext
from app.ui.pages.base import BasePage, headed_layout
from app.ui.widgets.export_options import ExportOptionsWidget
from app.ui.widgets.file_dialogs import save_file_path
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.table_view import row_table
from app.ui.worker import run_in_background

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300  # typing a name re-queries once the clerk pauses
_NO_LIMIT = QDate(2000, 1, 1)  # a date edit at its minimum reads 不限


def _date_edit(name: str, empty_text: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_LIMIT)
    edit.setSpecialValueText(empty_text)
    edit.setDate(_NO_LIMIT)
    return edit


def _day(edit: QDateEdit) -> date | None:
    return None if edit.date() == _NO_LIMIT else edit.date().toPython()


class AuditPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = headed_layout(
            self,
            self.tr(
                "每一次新增、修改、删除都记录了操作员、时间和改动前后的内容。"
                "这里只能查看和导出，不能修改。"
            ),
        )

        self.person = QLineEdit()
        self.person.setObjectName("auditPerson")
        self.person.setPlaceholderText(self.tr("姓名或拼音首字母"))
        self.person.setClearButtonEnabled(True)
        self.operator = QComboBox()
        self.operator.setObjectName("auditOperator")
        self.operator.setMinimumContentsLength(8)
        self.entity = QComboBox()
        self.entity.setObjectName("auditEntity")
        self.first = _date_edit("auditFrom", self.tr("不限"))
        self.last = _date_edit("auditTo", self.tr("不限"))
        self.clear_button = QPushButton(self.tr("清除条件"))
        self.clear_button.setObjectName("auditClear")

        filters = QHBoxLayout()
        for label_text, widget in (
            (self.tr("人员(&N)："), self.person),
            (self.tr("操作员(&O)："), self.operator),
            (self.tr("类别(&K)："), self.entity),
            (self.tr("从(&F)："), self.first),
            (self.tr("到(&T)："), self.last),
        ):
            label = QLabel(label_text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = AuditTableModel(ctx.db, self)
        self.proxy = AuditProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(self.proxy, "auditTable")  # only 时间 sorts (_header_clicked)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(TIME, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选中一条记录，这里显示全部改动。"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.options = ExportOptionsWidget(ctx, "audit")
        self.export_button = QPushButton(self.tr("导出到 Excel(&E)…"))
        self.export_button.setObjectName("auditExport")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.options)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.person.textChanged.connect(lambda _text: self._search_timer.start())
        self.person.returnPressed.connect(self.apply_filter)
        for combo in (self.operator, self.entity):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filter())
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _day: self.apply_filter())
        self.clear_button.clicked.connect(self.clear_filter)
        self.export_button.clicked.connect(self.choose_export)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.choose_export)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.person.setFocus)

    @property
    def title(self) -> str:
        return self.tr("操作留痕")

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_database(self.ctx.db)
        self._fill_choices()
        self.options.set_kind("audit")
        self.apply_filter()

    def _fill_choices(self) -> None:
        for combo, items in (
            (self.operator, [(name, name) for name in audit_query.operator_names(self.ctx.db)]),
            (
                self.entity,
                [
                    (audit_query.entity_label(e), e)
                    for e in audit_query.entities_present(self.ctx.db)
                ],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for text, value in items:
                combo.addItem(text, value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        first, last = _day(self.first), _day(self.last)
        if first and last and first > last:
            first, last = last, first
        return AuditFilter(
            person=self.person.text().strip(),
            operator=self.operator.currentData(),
            first_day=first,
            last_day=last,
            entity=self.entity.currentData(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.selected_id()
        self.model.set_filter(self.current_filter())
        total = self.model.rowCount()
        self.count.setText(self.tr("共 {count} 条").format(count=total))
        self.export_button.setEnabled(total > 0)
        if selected is not None:
            self.select(selected)
        self._show_detail()

    def clear_filter(self) -> None:
        for widget in (self.person, self.operator, self.entity, self.first, self.last):
            widget.blockSignals(True)
        self.person.clear()
        self.operator.setCurrentIndex(0)
        self.entity.setCurrentIndex(0)
        self.first.setDate(_NO_LIMIT)
        self.last.setDate(_NO_LIMIT)
        for widget in (self.person, self.operator, self.entity, self.first, self.last):
            widget.blockSignals(False)
        self.apply_filter()

    def _header_clicked(self, column: int) -> None:
        if column != TIME:  # only time orders the trail; keep the indicator honest
            header = self.table.horizontalHeader()
            header.setSortIndicator(TIME, self.model.sort_order())
            return
        header = self.table.horizontalHeader()
        self.proxy.sort(TIME, header.sortIndicatorOrder())

    # --- selection ----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def select(self, entry_id: int) -> None:
        source_row = self.model.row_of(entry_id)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.setCurrentIndex(index)

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        row = self.model.audit_row(self.proxy.mapToSource(index).row()) if index.isValid() else None
        if row is None:
            self.detail.clear()
            return
        lines = [
            f"{row.at:%Y-%m-%d %H:%M:%S}　{row.operator}　{row.action}　{row.entity_label}"
            + (f"　{row.person_name}" if row.person_name else "")
            + (f"　{row.record}" if row.record and row.record != row.person_name else ""),
            *(f"  {change.text()}" for change in row.changes),
        ]
        self.detail.setPlainText("\n".join(lines))

    def open_item(self, ref: object) -> None:
        """``ref`` is a person's name: show that person's changes."""
        if isinstance(ref, str):
            self.person.setText(ref)
            self.apply_filter()

    # --- export -------------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.model.rowCount() == 0 or not self.options.validate():
            return
        folder = self.ctx.paths.exports
        folder.mkdir(parents=True, exist_ok=True)
        name = f"操作留痕（{clock.today():%Y年%m月%d日}）.xlsx"
        path = save_file_path(
            self, self.tr("导出操作留痕"), folder / name, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, target: Path) -> None:
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        note = self.options.done_note()
        run_in_background(
            self,
            self.options.wrap(audit_query.export_audit),
            self.ctx.db,
            self.model.current_filter(),
            target,
            on_done=lambda count: self._exported(target, count, note),
            progress_label=self.tr("正在导出操作留痕…"),
            cancellable=True,
        )

    def _exported(self, target: Path, count: int, note: str) -> None:
        text = self.tr("已导出 {count} 条操作留痕：\n{path}").format(count=count, path=target)
        messages.show_info(self, f"{text}\n\n{note}" if note else text)
