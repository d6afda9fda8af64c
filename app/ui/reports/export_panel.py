"""导出报表: pick a form and its dates, see the day's numbers, export in the background.

"今日零报告/日报" is two clicks: 今天 (already selected when the page opens) and 导出 — the save
dialog comes prefilled with the standard name in the folder of the last export.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.services import reference, reports
from app.services.ledger import Database
from app.services.privacy import protecting
from app.services.reports import DailyTable, report_title
from app.services.values import local_now
from app.ui import messages
from app.ui.context import UiContext
from app.ui.reports import files
from app.ui.reports.daily_export import save_title
from app.ui.reports.kinds import KINDS, ReportKind
from app.ui.reports.numbers_model import DailyNumbersModel, TotalLastProxy
from app.ui.widgets.export_options import ExportOptionsWidget, protection_note
from app.ui.widgets.table_view import row_table
from app.ui.worker import run_in_background

ERROR_STYLE = "color: #c62828;"
DONE_STYLE = "color: #2e7d32;"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def load_preview(db: Database, day: date) -> tuple[DailyTable, str]:
    """Background job: the day's numbers and the title the report will carry."""
    table = reports.daily_table(db, day)
    unit = reference.unit_profile(db).unit_name
    return table, report_title(unit, day, zero=table.is_zero_report())


class ExportPanel(QWidget):
    exported = Signal(Path)  # the file just written

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_export: Path | None = None
        self._preview_generation = 0
        self._preview: DailyTable | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for item in KINDS:
            self.kind.addItem(item.translated_title(), item.key)
        kind_label = QLabel(self.tr("报表(&B)："))
        kind_label.setBuddy(self.kind)

        self.first = _day_edit("reportFrom")
        self.first_label = QLabel(self.tr("从(&F)："))
        self.first_label.setBuddy(self.first)
        self.day = _day_edit("reportDay")
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        self.today_button = QPushButton(self.tr("今天(&T)"))
        self.today_button.setObjectName("reportToday")
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setObjectName("reportExport")
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)

        choose = QHBoxLayout()
        choose.addWidget(kind_label)
        choose.addWidget(self.kind)
        choose.addSpacing(12)
        choose.addWidget(self.first_label)
        choose.addWidget(self.first)
        choose.addWidget(self.day_label)
        choose.addWidget(self.day)
        choose.addWidget(self.today_button)
        choose.addSpacing(12)
        choose.addWidget(self.export_button)
        choose.addStretch(1)
        # 隐藏身份证号和电话 (default per form, Settings → 账号与隐私) and 设置打开密码.
        self.options = ExportOptionsWidget(ctx, KINDS[0].key)

        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.period = QLabel()
        self.period.setObjectName("reportPeriod")
        self.model = DailyNumbersModel(self)
        self.proxy = TotalLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(
            self.proxy,
            "reportNumbers",
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.hint = QLabel(
            self.tr(
                "当日新增排查、当日发热、当日转运送医和劝返都为 0 时，日报表自动成为零报告"
                "（数字照常填 0）。"
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("reportHint")

        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("打开文件夹(&O)"))
        self.open_folder_button.setObjectName("reportOpenFolder")
        self.open_folder_button.setEnabled(False)
        done = QHBoxLayout()
        done.addWidget(self.status, 1)
        done.addWidget(self.open_folder_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(choose)
        layout.addWidget(self.options)
        layout.addSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.period)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addLayout(done)
        layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day.dateChanged.connect(self._day_changed)
        self.first.dateChanged.connect(self._first_changed)
        self.today_button.clicked.connect(self.select_today)
        self.export_button.clicked.connect(self.export)
        self.open_folder_button.clicked.connect(self.open_folder)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.export)

        self.setTabOrder(self.kind, self.first)
        self.setTabOrder(self.first, self.day)
        self.setTabOrder(self.day, self.today_button)
        self.setTabOrder(self.today_button, self.export_button)
        self.setTabOrder(self.export_button, self.table)
        self.setTabOrder(self.table, self.open_folder_button)

        # The page refreshes when shown; loading the numbers here as well would count twice.
        self.day.blockSignals(True)
        self._set_dates(self.statistical_today())
        self.day.blockSignals(False)
        self._kind_changed()

    # --- state ---------------------------------------------------------------------------------

    def current_kind(self) -> ReportKind:
        return KINDS[max(self.kind.currentIndex(), 0)]

    def chosen_days(self) -> tuple[date, date]:
        last = self.day.date().toPython()
        if not self.current_kind().ranged:
            return last, last
        first = self.first.date().toPython()
        return min(first, last), max(first, last)

    def statistical_today(self) -> date:
        """Today's report day: after a 15:00 cut-off the evening already counts for tomorrow."""
        cutoff = reference.read_setting(self.ctx.db, Settings.STAT_CUTOFF)
        return reference.statistical_day(local_now(), cutoff)

    def select_kind(self, key: str) -> None:
        for i, item in enumerate(KINDS):
            if item.key == key:
                self.kind.setCurrentIndex(i)
                return
        raise KeyError(key)

    def select_today(self) -> None:
        self._set_dates(self.statistical_today())
        self.export_button.setFocus()

    def _set_dates(self, day: date) -> None:
        today = self.statistical_today()
        for edit in (self.first, self.day):
            edit.setMaximumDate(_qdate(max(today, day)))
        self.day.setDate(_qdate(day))
        self._reset_first()

    def _reset_first(self) -> None:
        kind = self.current_kind()
        last = self.day.date().toPython()
        self.first.setDate(_qdate(last - timedelta(days=max(kind.default_days, 1) - 1)))

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.options.set_kind(kind.key)
        self.first.setVisible(kind.ranged)
        self.first_label.setVisible(kind.ranged)
        self.day_label.setText(self.tr("到(&D)：") if kind.ranged else self.tr("日期(&D)："))
        self._reset_first()
        self._update_export_text()

    def _day_changed(self) -> None:
        if self.first.date() > self.day.date():
            self.first.setDate(self.day.date())
        self.refresh()

    def _first_changed(self) -> None:
        if self.first.date() > self.day.date():
            self.day.setDate(self.first.date())

    def _update_export_text(self) -> None:
        kind = self.current_kind()
        if kind.key == "daily" and self._preview is not None:
            text = (
                self.tr("导出零报告…") if self._preview.is_zero_report() else self.tr("导出日报表…")
            )
        else:
            text = self.tr("导出{form}…").format(form=kind.translated_title())
        self.export_button.setText(text)

    # --- the day's numbers ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the numbers of the chosen day (in the background: a county ledger is large)."""
        self._preview_generation += 1
        generation = self._preview_generation
        day = self.day.date().toPython()
        run_in_background(
            self,
            load_preview,
            self.ctx.db,
            day,
            on_done=lambda result: self._show_preview(generation, day, result),
        )

    def _show_preview(self, generation: int, day: date, result: tuple[DailyTable, str]) -> None:
        if generation != self._preview_generation:
            return  # the clerk picked another day meanwhile
        table, title = result
        self._preview = table
        self.title.setText(title)
        self.period.setText(self.tr("统计时间：{period}").format(period=table.period))
        self.model.set_table(table)
        self._fit_table_height()
        self._update_export_text()

    def _fit_table_height(self) -> None:
        # One unit's row: the table is as tall as its header and row, not a grey empty box.
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.proxy.rowCount()))
        scroll = self.table.horizontalScrollBar().sizeHint().height()
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + scroll + frame)

    # --- export --------------------------------------------------------------------------------

    def export(self) -> None:
        if not self.options.validate():
            return
        protection = self.options.protection()
        kind = self.current_kind()
        first, last = self.chosen_days()
        name = kind.file_name(self.ctx.db, first, last)
        folder = files.export_folder(self.ctx.paths.exports)
        title = (
            save_title(reports.daily_form(self.ctx.db, last))  # 零报告 only when it is one
            if kind.key == "daily"
            else self.tr("保存{form}").format(form=kind.translated_title())
        )
        target = files.ask_save_path(self, title, folder / name)
        if target is None:
            return
        self.status.setText(self.tr("正在导出…"))
        self.status.setStyleSheet("")
        run_in_background(
            self,
            protecting(kind.export, protection),
            self.ctx.db,
            first,
            last,
            target,
            on_done=lambda summary: self._exported(target, summary, protection_note(protection)),
            on_error=self._failed,
            progress_label=self.tr("正在导出{form}…").format(form=kind.translated_title()),
            cancellable=True,
        )

    def _exported(self, target: Path, summary: str, note: str = "") -> None:
        files.remember_export_folder(target.parent)
        self.last_export = target
        self.status.setStyleSheet(DONE_STYLE)
        text = self.tr("{summary}\n已保存到：{path}").format(summary=summary, path=target)
        self.status.setText(f"{text}\n{note}" if note else text)
        self.open_folder_button.setEnabled(True)
        self.open_folder_button.setFocus()
        self.exported.emit(target)

    def _failed(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(error))
        messages.show_error(self, str(error))

    def open_folder(self) -> None:
        if self.last_export is not None:
            files.open_folder(self.last_export.parent)
