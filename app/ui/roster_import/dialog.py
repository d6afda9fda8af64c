"""导入人员名单 — choose a county or township list, see what it holds, then import it.

The clerk first sees a preview: every row as the import understood it (category and measure after
synonyms, what happens to the row), and every problem as 行 / 列 / 原因 in a table they can work
down in Excel.  导入 stays disabled while any problem exists: the import is all or nothing, and a
half-imported list is worse than none.  Enter never imports — only a click, Alt+I or Space on the
focused button does — because a slip of the Enter key must not put 20,000 people on the roster.

Reading, checking and writing run in the background worker (a progress dialog appears after half
a second); the dialog keeps the rows it previewed and imports exactly those.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import imports
from app.services.fields import Field, Place
from app.services.imports import (
    PREVIEW_FIELDS,
    ImportRejected,
    ImportReport,
    PreviewRow,
    Progress,
    RosterTable,
    RowAction,
    RowProblem,
)
from app.services.ledger import Database
from app.ui import messages, worker
from app.ui.context import UiContext
from app.ui.widgets.file_dialogs import (
    open_file_paths,
    readable_files_filter,
    remember_folder,
    remembered_folder,
)
from app.ui.widgets.record_table import RecordColumn, RecordTableModel
from app.ui.widgets.roles import ALERT, GOOD, MUTED
from app.ui.widgets.table_base import field_text, field_title
from app.ui.widgets.table_view import sorting_proxy

log = logging.getLogger(__name__)

LAST_FOLDER_KEY = "roster_import/last_folder"
LONG_WIDTH = 200  # px; a long text (来源地 can be a whole address) shows whole in its tooltip
#: A text field allowed more characters than this is a long text.
LONG_TEXT = 50

#: The preview's columns: the row, the registry's preview fields, what the import does.
PREVIEW_COLUMNS = ("row", *(f.key for f in PREVIEW_FIELDS), "action")
#: Preview columns of long texts, narrowed to LONG_WIDTH.
LONG_COLUMNS = tuple(
    PREVIEW_COLUMNS.index(f.key)
    for f in PREVIEW_FIELDS
    if f.kind == "text" and (f.max_length or 0) > LONG_TEXT
)
# Columns of the problem table
PROBLEM_ROW, PROBLEM_COLUMN, PROBLEM_REASON = range(3)


def read_and_check(
    db: Database, path: Path, sheet: str | None = None, progress: Progress | None = None
) -> tuple[RosterTable, ImportReport]:
    """Background job: read the file (``sheet`` None: the one Excel opens on) and check it
    against the ledger (writes nothing)."""
    table = imports.read_roster_file(path, sheet=sheet, progress=progress)
    return table, imports.check_roster(db, table, progress=progress)


def apply(db: Database, table: RosterTable, progress: Progress | None = None) -> ImportReport:
    """Background job: import the previewed rows, all or nothing."""
    return imports.apply_roster(db, table, progress=progress)


def _field_column(field: Field) -> RecordColumn[PreviewRow]:
    """A preview column of a registry field, titled as the registry names it there; a long text
    (来源地) reads whole in the tooltip."""

    def text(r: PreviewRow) -> str:
        return field_text(field, r[field.key])

    long = field.kind == "text" and (field.max_length or 0) > LONG_TEXT
    return RecordColumn(field_title(field, Place.PREVIEW), text, tooltip=text if long else None)


class RosterImportDialog(QDialog):
    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.sheet: str | None = None  # the clerk's choice among several sheets with a list
        self.table: RosterTable | None = None
        self.report: ImportReport | None = None
        self._busy = False
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("导入人员名单"))
        self.resize(1120, 640)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "选择县、乡镇下发的人员名单（.xlsx、.xls 或 .csv）。先看预览，确认无误再导入；"
                "只要有一行有问题，就一行也不导入。已在台账中的人按身份证号对上，不会重复。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("名单文件："))
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("尚未选择文件"))
        file_label.setBuddy(self.file_edit)
        self.choose_button = QPushButton(self.tr("选择文件(&O)…"))
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.setToolTip(self.tr("选择名单文件（Ctrl+O）"))
        self.reload_button = QPushButton(self.tr("重新读取(&R)"))
        self.reload_button.setObjectName("reloadFile")
        self.reload_button.setToolTip(self.tr("在 Excel 中改正后，按 F5 重新读取同一个文件"))
        # Offered only when several visible sheets hold a list: the clerk picks which to import.
        self.sheet_label = QLabel(self.tr("工作表(&S)："))
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("importSheet")
        self.sheet_label.setBuddy(self.sheet_box)
        self.sheet_box.activated.connect(self._sheet_chosen)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_box)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        layout.addLayout(file_row)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.notes = QLabel()
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notes)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.problem_model = RecordTableModel[RowProblem](self._problem_columns(), lambda p: p.row)
        self.problem_proxy = sorting_proxy(self.problem_model, self)
        self.problem_view = self._table_view("problemTable", self.problem_proxy)
        self.problem_view.horizontalHeader().setSectionResizeMode(
            PROBLEM_REASON, QHeaderView.ResizeMode.Stretch
        )
        self.preview_model = RecordTableModel[PreviewRow](self._preview_columns(), lambda r: r.row)
        self.preview_proxy = sorting_proxy(self.preview_model, self)
        self.preview_view = self._table_view("previewTable", self.preview_proxy)
        self.tabs.addTab(self.preview_view, "")
        self.tabs.addTab(self.problem_view, "")
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("导入(&I)"))
        self.import_button.setObjectName("importButton")
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("closeButton")
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        for button in (
            self.choose_button,
            self.reload_button,
            self.import_button,
            self.close_button,
        ):
            # Enter must never import by accident (QDialog would press an auto-default button).
            button.setAutoDefault(False)
            button.setDefault(False)

        self.choose_button.clicked.connect(self.choose_file)
        self.reload_button.clicked.connect(self.reload)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.open_shortcut = QShortcut(QKeySequence.StandardKey.Open, self)
        self.open_shortcut.activated.connect(self.choose_file)
        self.reload_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.reload_shortcut.activated.connect(self.reload)

        self._show_sheets((), None)
        self._show_report(None)
        if path is not None:
            self.load_file(path)
        else:
            self.choose_button.setFocus()

    # --- layout helpers ---------------------------------------------------------------------

    def _table_view(self, name: str, model: object) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(False)
        return view

    def _problem_columns(self) -> list[RecordColumn[RowProblem]]:
        return [
            RecordColumn(self.tr("行"), lambda p: str(p.row), sort=lambda p: p.row),
            RecordColumn(self.tr("列"), lambda p: p.column),
            RecordColumn(
                self.tr("原因"),
                lambda p: p.reason,
                tooltip=lambda p: p.reason,
                color=lambda p: ALERT,
            ),
        ]

    def _preview_columns(self) -> list[RecordColumn[PreviewRow]]:
        actions = {
            RowAction.NEW_PERSON: self.tr("新增"),
            RowAction.NEW_CASE: self.tr("已有此人，新增登记"),
            RowAction.ALREADY_ACTIVE: self.tr("已在管，跳过"),
            RowAction.ALREADY_RECORDED: self.tr("已导入过，跳过"),
            RowAction.CONFIRMED: self.tr("已转为确诊，跳过"),
        }

        def action_color(r: PreviewRow) -> QColor | None:
            return GOOD if r.action is RowAction.NEW_PERSON else None if r.action.writes else MUTED

        return [
            RecordColumn(self.tr("行"), lambda r: str(r.row), sort=lambda r: r.row),
            *(_field_column(f) for f in PREVIEW_FIELDS),
            RecordColumn(self.tr("处理"), lambda r: actions[r.action], color=action_color),
        ]

    # --- choosing and reading a file --------------------------------------------------------

    def choose_file(self) -> None:
        if self._busy:
            return
        chosen = open_file_paths(
            self,
            self.tr("选择人员名单"),
            remembered_folder(LAST_FOLDER_KEY, Path.home()),
            readable_files_filter(self.tr("名单文件")),
        )
        if chosen:
            remember_folder(LAST_FOLDER_KEY, chosen[0].parent)
            self.load_file(chosen[0])

    def reload(self) -> None:
        if self.path is not None and not self._busy:
            self.load_file(self.path, self.sheet)

    def _sheet_chosen(self, index: int) -> None:
        name = self.sheet_box.itemText(index)
        if self.path is not None and not self._busy and name != self.sheet_box.property("read"):
            self.load_file(self.path, name)

    def load_file(self, path: Path, sheet: str | None = None) -> None:
        """Read and check ``path`` (``sheet``, or the one Excel opens on) in the background,
        then show the preview."""
        if self.path != Path(path):
            self._show_sheets((), None)
        self.path = Path(path)
        self.sheet = sheet
        self.file_edit.setText(str(self.path))
        self.table = None
        self._show_report(None)
        self._set_busy(True)
        self.status.setText(self.tr("正在读取…"))
        worker.run_in_background(
            self,
            read_and_check,
            self.ctx.db,
            self.path,
            self.sheet,
            on_done=self._previewed,
            on_error=self._read_failed,
            progress_label=self.tr("正在读取并检查名单…"),
        )

    def _previewed(self, result: tuple[RosterTable, ImportReport]) -> None:
        self._set_busy(False)
        self.table, report = result
        self._show_sheets(self.table.sheet_names, self.table.sheet_name)
        self._show_report(report)

    def _show_sheets(self, names: tuple[str, ...], current: str | None) -> None:
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(list(names))
        if current is not None:
            self.sheet_box.setCurrentText(current)
        self.sheet_box.setProperty("read", current)
        self.sheet_box.blockSignals(False)
        several = len(names) > 1
        self.sheet_label.setVisible(several)
        self.sheet_box.setVisible(several)

    def _read_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.table = None
        self._show_report(None)
        self._set_status(str(error), ALERT)

    # --- showing what the import would do ---------------------------------------------------

    def _show_report(self, report: ImportReport | None) -> None:
        self.report = report
        self.preview_model.set_records(report.rows if report else [])
        self.problem_model.set_records(report.problems if report else [])
        self.tabs.setTabText(
            0, self.tr("预览（{count} 行）").format(count=len(report.rows) if report else 0)
        )
        self.tabs.setTabText(
            1, self.tr("问题（{count}）").format(count=len(report.problems) if report else 0)
        )
        self.reload_button.setEnabled(self.path is not None and not self._busy)
        if report is None:
            self.summary.setText("")
            self.notes.setText("")
            self._set_status("", None)
            self._sync_import_button()
            return
        if report.problems:
            bad_rows = len({p.row for p in report.problems})
            self.summary.setText(
                self.tr("{file}「{sheet}」共 {rows} 行：{good} 行无误，{bad} 行有问题。").format(
                    file=report.file_name,
                    sheet=report.sheet_name,
                    rows=report.rows_read,
                    good=report.rows_read - bad_rows,
                    bad=bad_rows,
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "{file}「{sheet}」共 {rows} 行：将导入 {cases} 人（新增 {new} 人，"
                    "台账中已有 {matched} 人），跳过 {skipped} 人。"
                ).format(
                    file=report.file_name,
                    sheet=report.sheet_name,
                    rows=report.rows_read,
                    cases=report.cases_created,
                    new=report.persons_created,
                    matched=report.cases_created - report.persons_created,
                    skipped=report.cases_skipped,
                )
            )
        self.notes.setText("\n".join(self._notes(report)))
        if report.problems:
            self._set_status(
                self.tr(
                    "发现 {count} 处问题，一行也不会导入。请按“问题”表在 Excel 中改正、保存，"
                    "再点“重新读取”（F5）。"
                ).format(count=len(report.problems)),
                ALERT,
            )
            self.tabs.setCurrentIndex(1)
            self.problem_view.resizeColumnToContents(PROBLEM_ROW)
            self.problem_view.resizeColumnToContents(PROBLEM_COLUMN)
        elif report.cases_created == 0:
            self._set_status(self.tr("名单中没有需要导入的人员。"), MUTED)
            self.tabs.setCurrentIndex(0)
        else:
            self._set_status(self.tr("检查通过，可以导入。"), GOOD)
            self.tabs.setCurrentIndex(0)
        self.preview_view.resizeColumnsToContents()
        for column in LONG_COLUMNS:  # the tooltip has the rest
            if self.preview_view.columnWidth(column) > LONG_WIDTH:
                self.preview_view.setColumnWidth(column, LONG_WIDTH)
        self._sync_import_button()

    def _notes(self, report: ImportReport) -> list[str]:
        # Which sheet was read when several hold a list: a sentence from the import itself.
        lines: list[str] = [report.sheet_notice] if report.sheet_notice else []
        if report.released_on_import:
            lines.append(
                self.tr("其中 {count} 人名单上已解除隔离，导入后记为“期满解除”。").format(
                    count=report.released_on_import
                )
            )
        if report.new_categories:
            lines.append(
                self.tr("将新增人员类别：{names}").format(names="、".join(report.new_categories))
            )
        if report.default_category_used:
            lines.append(
                self.tr("{count} 行没有填人员类别，记为“{category}”。").format(
                    count=report.default_category_used, category=imports.DEFAULT_CATEGORY
                )
            )
        if report.default_measure_used:
            lines.append(
                self.tr("{count} 行没有填管控措施，按默认措施“{measure}”。").format(
                    count=report.default_measure_used, measure=report.default_measure
                )
            )
        if report.default_start_used:
            lines.append(
                self.tr(
                    "{count} 行没有开始日期（也没有抵达、登记日期），开始日期按导入当天计。"
                ).format(count=report.default_start_used)
            )
        if report.ids_upgraded:
            lines.append(
                self.tr("{count} 个 15 位老身份证号将转换为 18 位。").format(
                    count=report.ids_upgraded
                )
            )
        if report.ignored_columns:
            lines.append(
                self.tr("未导入的列：{columns}").format(columns="、".join(report.ignored_columns))
            )
        return lines

    def _set_status(self, text: str, color: QColor | None) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color.name()};" if color is not None else "")

    def _sync_import_button(self) -> None:
        report = self.report
        ready = (
            report is not None
            and self.table is not None
            and not report.problems
            and report.cases_created > 0
            and not self._busy
        )
        self.import_button.setEnabled(ready)
        if ready and report is not None:
            self.import_button.setText(
                self.tr("导入 {count} 人(&I)").format(count=report.cases_created)
            )
        else:
            self.import_button.setText(self.tr("导入(&I)"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self.reload_button.setEnabled(not busy and self.path is not None)
        self.close_button.setEnabled(not busy)
        self._sync_import_button()

    # --- importing --------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.table is None or not self.import_button.isEnabled():
            return
        self._set_busy(True)
        self._set_status(self.tr("正在导入…"), None)
        worker.run_in_background(
            self,
            apply,
            self.ctx.db,
            self.table,
            on_done=self._imported,
            on_error=self._import_failed,
            progress_label=self.tr("正在导入人员名单…"),
        )

    def _imported(self, report: ImportReport) -> None:
        self._set_busy(False)
        log.info("roster import: %s", report.summary_line())
        self.ctx.events.roster_changed.emit()
        text = self.tr(
            "已导入 {cases} 人（新增 {new} 人，台账中已有 {matched} 人），跳过 {skipped} 人。"
        ).format(
            cases=report.cases_created,
            new=report.persons_created,
            matched=report.cases_created - report.persons_created,
            skipped=report.cases_skipped,
        )
        lines = [text]
        if report.released_on_import:
            lines.append(
                self.tr("其中 {count} 人导入时已解除隔离，记为“期满解除”。").format(
                    count=report.released_on_import
                )
            )
        if report.new_categories:
            lines.append(
                self.tr("已新增人员类别：{names}").format(names="、".join(report.new_categories))
            )
        # Parented to the page: this dialog closes right away.
        messages.show_info(self.parentWidget(), "\n".join(lines))
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ImportRejected) and self.report is not None:
            # The ledger changed since the preview (or the file was re-read): show what now fails.
            self.table = None
            self._show_report(None)
            self.problem_model.set_records(error.problems)
            self.tabs.setTabText(1, self.tr("问题（{count}）").format(count=len(error.problems)))
            self.tabs.setCurrentIndex(1)
            self._set_status(
                self.tr("发现 {count} 处问题，未导入任何数据。").format(count=len(error.problems)),
                ALERT,
            )
            return
        self._set_status(str(error), ALERT)
        messages.show_error(self, str(error))

    def reject(self) -> None:
        if self._busy:  # Esc while the import runs must not hide work that is still writing
            return
        super().reject()
