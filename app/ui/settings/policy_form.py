"""防控策略 — the policy settings of ``app.config.Settings`` (fever threshold, cut-off time …).

Policies changed often during outbreaks, so each is a setting stored in the ledger. Every editor
here maps one-to-one onto a ``SettingSpec``; only changed values are written.
"""

from __future__ import annotations

import logging
from datetime import time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.config import Settings, SettingSpec
from app.services import reference
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.settings import SettingsForm, save_bar

log = logging.getLogger(__name__)

FEVER_MIN, FEVER_MAX = 37.0, 38.5

# The settings this form edits (others, e.g. export masking, belong to other sections).
POLICY_SPECS = (
    Settings.FEVER_THRESHOLD,
    Settings.STAT_CUTOFF,
    Settings.DAY_ONE_IS_START,
    Settings.DEFAULT_MEASURE,
    Settings.AM_SLOT_ENDS,
    Settings.PM_SLOT_ENDS,
    Settings.REPORT_DEADLINE,
    Settings.IDLE_LOCK_MINUTES,
    Settings.BACKUP_ON_START,
    Settings.DAILY_REPORT_TESTS,
)
IDLE_LOCK_MAX_MINUTES = 240


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class PolicySettingsForm(SettingsForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded: dict[str, Any] = {}

        self.fever = QDoubleSpinBox()
        self.fever.setRange(FEVER_MIN, FEVER_MAX)
        self.fever.setDecimals(1)
        self.fever.setSingleStep(0.1)
        self.fever.setSuffix(" ℃")
        self.cutoff = QTimeEdit()
        self.cutoff.setDisplayFormat("HH:mm")
        self.natural_day = QCheckBox(self.tr("自然日（24:00）"))
        self.natural_day.toggled.connect(lambda on: self.cutoff.setEnabled(not on))
        self.day_one = QCheckBox(self.tr("观察期第1天为开始当天（否则从次日算起）"))
        self.default_measure = QComboBox()
        self.am_ends = QTimeEdit()
        self.am_ends.setDisplayFormat("HH:mm")
        self.pm_ends = QTimeEdit()
        self.pm_ends.setDisplayFormat("HH:mm")
        self.report_deadline = QTimeEdit()
        self.report_deadline.setDisplayFormat("HH:mm")
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, IDLE_LOCK_MAX_MINUTES)
        self.idle_lock.setSuffix(self.tr(" 分钟"))
        self.idle_lock.setSpecialValueText(self.tr("不锁定"))
        self.backup_on_start = QCheckBox(self.tr("每次启动时自动备份"))
        self.daily_tests = QCheckBox(self.tr("日报表增加“当日应检、当日已检、当日阳性”三列"))
        self.daily_tests.setObjectName("dailyReportTests")

        cutoff_row = QHBoxLayout()
        cutoff_row.addWidget(self.cutoff)
        cutoff_row.addWidget(self.natural_day)
        cutoff_row.addStretch(1)

        for editor in (self.fever, self.cutoff, self.am_ends, self.pm_ends, self.report_deadline,
                       self.idle_lock):  # fmt: skip
            editor.setMinimumWidth(120)
        self.default_measure.setMinimumWidth(220)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("发热判定体温（℃）"), self.fever)
        form.addRow("", _hint(self.tr("体温达到或超过这个数值即为发热，需要当即报告处置。")))
        form.addRow(self.tr("统计截止时间（24:00 为自然日）"), cutoff_row)
        form.addRow(
            "",
            _hint(self.tr("例如 15:00：当天 15:00 以后登记的人员和卡点记录计入次日的日报。")),
        )
        form.addRow("", self.day_one)
        form.addRow(self.tr("未写明管控措施时的默认措施"), self.default_measure)
        form.addRow(self.tr("上午体温截止时间"), self.am_ends)
        form.addRow(self.tr("下午体温截止时间"), self.pm_ends)
        form.addRow("", _hint(self.tr("过了截止时间还没测体温的人员，会在“今日”页提示为漏测。")))
        form.addRow(self.tr("日报报送截止时间（每日）"), self.report_deadline)
        form.addRow("", _hint(self.tr("“今日”页提示：每日此时间前报送日报，是否已导出。")))
        form.addRow(self.tr("无操作自动锁定（分钟，0 为不锁定）"), self.idle_lock)
        form.addRow("", self.backup_on_start)
        form.addRow("", self.daily_tests)
        form.addRow("", _hint(self.tr("乡镇要求上报核酸检测数时才勾选；不勾选则日报表格式不变。")))

        for editor in (self.fever, self.idle_lock):
            editor.valueChanged.connect(self._edited)
        for editor in (self.cutoff, self.am_ends, self.pm_ends, self.report_deadline):
            editor.timeChanged.connect(self._edited)
        for box in (self.natural_day, self.day_one, self.backup_on_start, self.daily_tests):
            box.toggled.connect(self._edited)
        self.default_measure.currentIndexChanged.connect(self._edited)

        self._lay_out(save_bar(self.tr("保存(&S)"), self.tr("放弃修改")), form, width=760)

    # --- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        values = reference.all_settings(self.ctx.db)
        self._loaded = dict(values)
        widgets = (
            self.fever, self.cutoff, self.natural_day, self.day_one, self.default_measure,
            self.am_ends, self.pm_ends, self.report_deadline, self.idle_lock, self.backup_on_start,
            self.daily_tests,
        )  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.fever.setValue(float(values[Settings.FEVER_THRESHOLD.key]))
            cutoff = values[Settings.STAT_CUTOFF.key]
            assert isinstance(cutoff, time)
            self.natural_day.setChecked(cutoff == time(0, 0))
            self.cutoff.setEnabled(cutoff != time(0, 0))
            self.cutoff.setTime(QTime(15, 0) if cutoff == time(0, 0) else _qtime(cutoff))
            self.day_one.setChecked(bool(values[Settings.DAY_ONE_IS_START.key]))
            self._fill_measures(str(values[Settings.DEFAULT_MEASURE.key]))
            am, pm = values[Settings.AM_SLOT_ENDS.key], values[Settings.PM_SLOT_ENDS.key]
            assert isinstance(am, time) and isinstance(pm, time)
            self.am_ends.setTime(_qtime(am))
            self.pm_ends.setTime(_qtime(pm))
            deadline = values[Settings.REPORT_DEADLINE.key]
            assert isinstance(deadline, time)
            self.report_deadline.setTime(_qtime(deadline))
            self.idle_lock.setValue(int(values[Settings.IDLE_LOCK_MINUTES.key]))  # type: ignore[call-overload]
            self.backup_on_start.setChecked(bool(values[Settings.BACKUP_ON_START.key]))
            self.daily_tests.setChecked(bool(values[Settings.DAILY_REPORT_TESTS.key]))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._dirty = False
        self.problem.clear()

    def _fill_measures(self, current: str) -> None:
        self.default_measure.clear()
        for measure in reference.measures(self.ctx.db):
            self.default_measure.addItem(measure.name)
        if self.default_measure.findText(current) < 0:  # a measure since stopped: keep it visible
            self.default_measure.addItem(current)
        self.default_measure.setCurrentText(current)

    # --- saving -------------------------------------------------------------------------------

    def values(self) -> dict[SettingSpec, Any]:  # type: ignore[type-arg]
        """What the form says, as typed values keyed by their spec."""
        cutoff = time(0, 0) if self.natural_day.isChecked() else _time(self.cutoff.time())
        return {
            Settings.FEVER_THRESHOLD: round(self.fever.value(), 1),
            Settings.STAT_CUTOFF: cutoff,
            Settings.DAY_ONE_IS_START: self.day_one.isChecked(),
            Settings.DEFAULT_MEASURE: self.default_measure.currentText(),
            Settings.AM_SLOT_ENDS: _time(self.am_ends.time()),
            Settings.PM_SLOT_ENDS: _time(self.pm_ends.time()),
            Settings.REPORT_DEADLINE: _time(self.report_deadline.time()),
            Settings.IDLE_LOCK_MINUTES: self.idle_lock.value(),
            Settings.BACKUP_ON_START: self.backup_on_start.isChecked(),
            Settings.DAILY_REPORT_TESTS: self.daily_tests.isChecked(),
        }

    def save(self) -> bool:
        values = self.values()
        self.status.clear()
        am, pm = values[Settings.AM_SLOT_ENDS], values[Settings.PM_SLOT_ENDS]
        if am >= pm:
            self.problem.setText(self.tr("上午体温截止时间应早于下午体温截止时间。"))
            self.am_ends.setFocus()
            return False
        changed = {spec: v for spec, v in values.items() if self._loaded.get(spec.key) != v}
        with refusal_shown(self) as refused:
            for spec, value in changed.items():
                reference.write_setting(self.ctx.db, spec, value)
        if refused:
            return False
        log.info("policy settings changed: %s", ", ".join(spec.key for spec in changed))
        self.load()
        self.status.setText(self.tr("已保存。") if changed else self.tr("没有改动。"))
        if changed:
            self.ctx.events.settings_changed.emit()
        return True


def _hint(text: str) -> QLabel:
    label = QLabel(text)  # one line: wrapping would squeeze it to the width of the spin boxes
    label.setStyleSheet("color: #5f6368;")
    return label
