"""乡镇汇总: add the villages' daily reports, see a row per village and 合计, write one report.

Every change to the file list re-reads the files in the background; a file that cannot be summed
(other day, other 统计时间, changed header, a unit twice) is named in red and writing is off until
it is removed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import reports
from app.services.reference import unit_profile
from app.services.reports import MergePreview, report_title
from app.ui import messages
from app.ui.context import UiContext
from app.ui.reports import files
from app.ui.reports.export_panel import DONE_STYLE, ERROR_STYLE
from app.ui.reports.numbers_model import SEQ, DailyNumbersModel, TotalLastProxy
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.table_view import row_table
from app.ui.worker import run_in_background


class MergePanel(QWidget):
    merged = Signal(Path)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: MergePreview | None = None
        self.last_export: Path | None = None
        self._generation = 0

        self.add_button = QPushButton(self.tr("添加日报表(&A)…"))
        self.add_button.setObjectName("mergeAdd")
        self.remove_button = QPushButton(self.tr("移除所选(&R)"))
        self.remove_button.setObjectName("mergeRemove")
        self.clear_button = QPushButton(self.tr("全部清除"))
        self.clear_button.setObjectName("mergeClear")
        self.write_button = QPushButton(self.tr("写入汇总表(&W)…"))
        self.write_button.setObjectName("mergeWrite")
        self.write_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)

        self.file_list = QListWidget()
        self.file_list.setObjectName("mergeFiles")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.file_list.setMaximumHeight(110)
        self.problem = QLabel()
        self.problem.setObjectName("mergeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLabel()
        self.title.setObjectName("mergeTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.model = DailyNumbersModel(self)
        self.proxy = TotalLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(  # in the files' order first
            self.proxy,
            "mergeNumbers",
            sort=(SEQ, Qt.SortOrder.AscendingOrder),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("打开文件夹(&O)"))
        self.open_folder_button.setObjectName("mergeOpenFolder")
        self.open_folder_button.setEnabled(False)
        done = QHBoxLayout()
        done.addWidget(self.status, 1)
        done.addWidget(self.open_folder_button)

        explanation = QLabel(
            self.tr(
                "添加各村（社区）用本软件导出的日报表（已汇总的日报表也可以），每个单位一行，"
                "最后一行为合计。日期、统计时间或表头不一致、同一单位出现两次的文件不能汇总。"
            )
        )
        explanation.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.file_list)
        layout.addWidget(self.problem)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(done)

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        self.write_button.clicked.connect(self.write)
        self.open_folder_button.clicked.connect(self.open_folder)
        QShortcut(QKeySequence.StandardKey.Delete, self.file_list, activated=self.remove_selected)

    # --- files ---------------------------------------------------------------------------------

    def paths(self) -> list[Path]:
        return [
            Path(self.file_list.item(i).data(ObjectRole)) for i in range(self.file_list.count())
        ]

    def choose_files(self) -> None:
        chosen = files.ask_open_paths(self, self.tr("选择各单位的日报表"), self.ctx.paths.exports)
        if chosen:
            self.add_files(chosen)

    def add_files(self, paths: list[Path]) -> None:
        known = {p.resolve() for p in self.paths()}
        for path in paths:
            if path.resolve() in known:
                continue  # adding the same file again is a slip, not an error
            known.add(path.resolve())
            item = QListWidgetItem(path.name)
            item.setData(ObjectRole, str(path))
            item.setToolTip(str(path))
            self.file_list.addItem(item)
        self.reload()

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self.reload()

    def clear(self) -> None:
        self.file_list.clear()
        self.reload()

    def reload(self) -> None:
        """Re-read every listed file and show what they sum to (or which one cannot be summed)."""
        self._generation += 1
        generation = self._generation
        self._show(None)
        paths = self.paths()
        if not paths:
            self.problem.clear()
            return
        self.problem.setText(self.tr("正在读取…"))
        run_in_background(
            self,
            reports.preview_merge,
            paths,
            on_done=lambda preview: self._read(generation, preview),
            on_error=lambda error: self._refused(generation, error),
            progress_label=self.tr("正在读取日报表…"),
        )

    def _read(self, generation: int, preview: MergePreview) -> None:
        if generation == self._generation:
            self.problem.clear()
            self._show(preview)

    def _refused(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.problem.setText(str(error))
            self._show(None)

    def _unit_name(self) -> str:
        return unit_profile(self.ctx.db).unit_name

    def _show(self, preview: MergePreview | None) -> None:
        self.preview = preview
        if preview is None:
            self.model.set_table(None)
            self.title.clear()
            self.write_button.setEnabled(False)
            return
        self.model.set_table(
            preview.table,
            with_total=True,
            sources=preview.source_of,
            source_title=self.tr("来源文件"),
        )
        self.title.setText(
            report_title(self._unit_name(), preview.table.day, zero=preview.table.is_zero_report())
            + "  "
            + self.tr("统计时间：{period}").format(period=preview.table.period)
        )
        self.write_button.setEnabled(True)

    # --- writing -------------------------------------------------------------------------------

    def write(self) -> None:
        preview = self.preview
        if preview is None:
            return
        unit = self._unit_name()
        if not unit.strip():
            messages.show_error(
                self, self.tr("请先在“设置 → 填报单位”中填写本乡镇的名称（汇总表的标题要用）。")
            )
            return
        table = preview.table
        form = reports.FORM_ZERO if table.is_zero_report() else reports.FORM_DAILY
        name = reports.suggested_name(unit, form, table.day)
        folder = files.export_folder(self.ctx.paths.exports)
        target = files.ask_save_path(self, self.tr("保存汇总日报表"), folder / name)
        if target is None:
            return
        run_in_background(
            self,
            partial(reports.export_merged, preview=preview),  # the files were just read
            self.ctx.db,
            self.paths(),
            target,
            on_done=lambda result: self._written(target, result.summary),
            progress_label=self.tr("正在写入汇总表…"),
        )

    def _written(self, target: Path, summary: str) -> None:
        files.remember_export_folder(target.parent)
        self.last_export = target
        self.status.setStyleSheet(DONE_STYLE)
        self.status.setText(
            self.tr("{summary}\n已保存到：{path}").format(summary=summary, path=target)
        )
        self.open_folder_button.setEnabled(True)
        self.merged.emit(target)

    def open_folder(self) -> None:
        if self.last_export is not None:
            files.open_folder(self.last_export.parent)
