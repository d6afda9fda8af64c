"""核酸检测 — who must be swabbed on a day (by 村民小组) and what came back, typed with one key.

On a row: 1 阴性, 2 阳性, 3 待出, 4 未检 — saved at once and the cursor moves down, so a sampling
team's list of 40 is keyed without the mouse, the way the temperature round is. A 阳性 asks once
("确认阳性？") because it raises the loudest alarm of the app: an anomaly opened at once, shown
in red here and on Today until it is handled in the anomaly list beside the table (the same
widget the temperature round uses). The sampling system's result list is imported from here too.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QWidget,
)

from app import clock
from app.services import nucleic_import, nucleic_schedule, nucleic_tests
from app.services.nucleic_tests import DueTest, TestCounts
from app.services.values import TestResult
from app.ui import messages
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.pages.base import BasePage, headed_layout
from app.ui.rounds.anomaly_list import AnomalyListWidget
from app.ui.widgets.file_dialogs import open_file_paths, readable_files_filter, remembered_folder
from app.ui.widgets.nucleic_labels import RESULT_COLORS, due_reason, result_text, schedule_days_text
from app.ui.widgets.record_table import RecordColumn, RecordTableModel
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.table_view import row_table, sorting_proxy
from app.ui.worker import run_in_background

log = logging.getLogger(__name__)

#: One key per result on a row of the table (also on the number pad).
RESULT_KEYS: dict[int, TestResult] = {
    Qt.Key.Key_1: TestResult.NEGATIVE,
    Qt.Key.Key_2: TestResult.POSITIVE,
    Qt.Key.Key_3: TestResult.PENDING,
    Qt.Key.Key_4: TestResult.NOT_TESTED,
}
IMPORT_FOLDER_KEY = "folders/test_results"
RESULT_COLUMN = 5


def _result_color(item: DueTest) -> object:
    return RESULT_COLORS.get(item.test.result) if item.test else None


class NucleicTestsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded: date | None = None
        layout = headed_layout(
            self,
            self.tr(
                "按村民小组列出当天应检的人（按管控措施的检测日和全员核酸安排）。"
                "在一行上按 1 阴性、2 阳性、3 待出、4 未检，立即保存并跳到下一行。"
            ),
        )
        layout.addLayout(self._build_bar())
        self.counts = QLabel()
        self.counts.setObjectName("testCounts")
        layout.addWidget(self.counts)
        self.alarm = QLabel()
        self.alarm.setObjectName("positiveAlarm")
        self.alarm.setStyleSheet(
            "color: white; background: #c62828; font-weight: bold; padding: 6px;"
        )
        self.alarm.setWordWrap(True)
        self.alarm.hide()
        layout.addWidget(self.alarm)

        self.model: RecordTableModel[DueTest] = RecordTableModel(
            [
                RecordColumn(self.tr("组别"), lambda d: d.group_name or ""),
                RecordColumn(self.tr("姓名"), lambda d: d.name, tooltip=lambda d: d.address),
                RecordColumn(self.tr("证件号码"), lambda d: d.id_number or ""),
                RecordColumn(self.tr("电话"), lambda d: d.phone or ""),
                RecordColumn(self.tr("应检"), due_reason),
                RecordColumn(self.tr("结果"), self._result_text, color=_result_color),  # type: ignore[arg-type]
            ],
            key=lambda d: d.case_id,
            parent=self,
        )
        self.view = row_table(sorting_proxy(self.model, self), "testsTable")
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.installEventFilter(self)

        self.anomalies = AnomalyListWidget(ctx)
        self.anomalies.changed.connect(self.refresh)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("testsSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.anomalies)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.schedule_line = QLabel()
        self.schedule_line.setObjectName("testSchedule")
        self.schedule_line.setStyleSheet("color: #6b7280;")
        self.schedule_line.setWordWrap(True)
        layout.addWidget(self.schedule_line)

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.day_edit = QDateEdit(QDate(clock.today()))
        self.day_edit.setObjectName("testsDate")
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        label = QLabel(self.tr("日期(&D)"))
        label.setBuddy(self.day_edit)
        self.round_button = QPushButton()
        self.round_button.setObjectName("testRound")
        self.round_button.clicked.connect(self.toggle_round)
        self.import_button = QPushButton(self.tr("导入检测结果(&I)…"))
        self.import_button.setObjectName("importTests")
        self.import_button.clicked.connect(self.choose_import)
        bar.addWidget(label)
        bar.addWidget(self.day_edit)
        bar.addStretch(1)
        bar.addWidget(self.round_button)
        bar.addWidget(self.import_button)
        return bar

    # --- page contract ------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.tr("核酸检测")

    @property
    def day(self) -> date:
        return self.day_edit.date().toPython()  # type: ignore[no-any-return]

    def refresh(self) -> None:
        db = self.ctx.db
        keep = self.view.currentIndex().data(ObjectRole)
        self.model.set_records(nucleic_tests.due_tests(db, self.day))
        self._show_counts(nucleic_tests.counts(db, self.day))
        self._show_schedule()
        self.anomalies.refresh()
        positives = [a for a in self.anomalies.model.items() if a.kind == "核酸阳性"]
        if positives:
            names = "、".join(a.person_name for a in positives)
            self.alarm.setText(
                self.tr("核酸阳性：{names} —— 请立即报告并转运/送医，处置后在右侧关闭。").format(
                    names=names
                )
            )
        self.alarm.setVisible(bool(positives))
        self.view.resizeColumnsToContents()
        if self._loaded != self.day or not self._go_to(keep):
            self._go_to_first_open()
        self._loaded = self.day

    def open_item(self, ref: object) -> None:
        self.day_edit.setDate(QDate(clock.today()))
        self.refresh()
        self.view.setFocus()

    # --- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key_event = QKeyEvent(event)  # type: ignore[arg-type]
            result = RESULT_KEYS.get(key_event.key())
            if result is not None and not key_event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                self.record(result)
                return True
        return super().eventFilter(watched, event)

    def record(self, result: TestResult) -> bool:
        """Save ``result`` for the current row's sample of the day and move to the next row."""
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        proxy = self.view.model()
        item = self.model.record(proxy.mapToSource(index).row())  # type: ignore[attr-defined]
        if result is TestResult.POSITIVE and not messages.ask_confirm(
            self,
            self.tr(
                "确认「{name}」{day} 采样的核酸结果为阳性？\n将立即列入异常，需报告并转运/送医。"
            ).format(name=item.name, day=f"{self.day:%m月%d日}"),
        ):
            return False
        with refusal_shown(self) as refused:
            nucleic_tests.record_test(self.ctx.db, item.case_id, self.day, result.value)
        if refused:
            return False
        self.ctx.events.readings_changed.emit()
        row = index.row()
        self.refresh()
        following = proxy.index(min(row + 1, proxy.rowCount() - 1), RESULT_COLUMN)
        self.view.setCurrentIndex(following)
        return True

    # --- rounds and import --------------------------------------------------------------------

    def toggle_round(self) -> None:
        """全员核酸 on the chosen day, or cancel it."""
        with refusal_shown(self) as refused:
            if self.day in nucleic_schedule.rounds(self.ctx.db):
                nucleic_schedule.remove_round(self.ctx.db, self.day)
            else:
                nucleic_schedule.add_round(self.ctx.db, self.day)
        if refused:
            return
        self.ctx.events.settings_changed.emit()
        self.refresh()

    def choose_import(self) -> None:
        folder = remembered_folder(IMPORT_FOLDER_KEY, Path.home())
        chosen = open_file_paths(
            self,
            self.tr("导入核酸检测结果"),
            folder,
            readable_files_filter(self.tr("检测结果清单")),
        )
        if chosen:
            self.import_file(chosen[0])

    def import_file(self, path: Path) -> None:
        self.import_button.setEnabled(False)
        run_in_background(
            self,
            nucleic_import.import_tests,
            self.ctx.db,
            path,
            on_done=self._imported,
            on_error=self._import_failed,
            progress_label=self.tr("正在导入核酸检测结果…"),
        )

    def _imported(self, result: nucleic_import.TestsImportResult) -> None:
        self.import_button.setEnabled(True)
        self.ctx.events.readings_changed.emit()
        self.refresh()
        lines = [self.tr("已导入：{summary}。").format(summary=result.summary)]
        if result.positive:
            lines.append(
                self.tr("其中阳性 {count} 人，已列入异常，请立即处置！").format(
                    count=result.positive
                )
            )
        if result.unmatched:
            lines.append(self.tr("台账中没有这些人（未导入）："))
            lines += [str(u) for u in result.unmatched[:30]]
            if len(result.unmatched) > 30:
                lines.append(self.tr("……还有 {count} 条").format(count=len(result.unmatched) - 30))
        messages.show_info(self, "\n".join(lines))

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        messages.show_error(self, str(error))

    # --- showing ------------------------------------------------------------------------------

    def _result_text(self, item: DueTest) -> str:
        return result_text(item.result) or self.tr("未登记")

    def _show_counts(self, counts: TestCounts) -> None:
        self.counts.setText(
            self.tr(
                "应检 {due} 人 · 已采样 {sampled} 人 · 结果未出 {pending} 人 · 阳性 {positive} 人"
            ).format(
                due=counts.due,
                sampled=counts.sampled,
                pending=counts.pending,
                positive=counts.positive,
            )
        )

    def _show_schedule(self) -> None:
        db = self.ctx.db
        schedule = nucleic_schedule.schedule(db)
        parts = [
            f"{measure} {schedule_days_text(days)}"
            for measure, days in schedule.days_by_measure.items()
            if days
        ]
        on_round = self.day in nucleic_schedule.rounds(db)
        self.schedule_line.setText(
            self.tr("检测日：{schedule}（在“设置 → 管控措施”中修改）").format(
                schedule="；".join(parts) or self.tr("未安排")
            )
        )
        self.round_button.setText(
            self.tr("取消当天全员核酸") if on_round else self.tr("当天安排全员核酸")
        )

    def _go_to(self, case_id: object) -> bool:
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            index = proxy.index(row, RESULT_COLUMN)
            if case_id is not None and index.data(ObjectRole) == case_id:
                self.view.setCurrentIndex(index)
                return True
        return False

    def _go_to_first_open(self) -> None:
        """The first row with nothing recorded (or the first row): where keying starts."""
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            if proxy.index(row, RESULT_COLUMN).data() == self.tr("未登记"):
                self.view.setCurrentIndex(proxy.index(row, RESULT_COLUMN))
                return
        if proxy.rowCount():
            self.view.setCurrentIndex(proxy.index(0, RESULT_COLUMN))
