"""异常处置 — what was done about a fever or symptom, and closing it with an outcome.

A fever must be handled the same hour, so the action dialog opens by itself when a fever is typed:
quick choices for the usual steps (报告卫生院 / 送发热门诊 / 复测 / 其他) plus free text, who did it
(default: the operator) and when (default: now). Closing needs an outcome; a 送医/转运 outcome can
end the person's observation at the same time (``close_anomaly(end_case_reason_id=…)``).
Both dialogs save through the service themselves and stay open, as typed, when it refuses.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import reference, rounds
from app.services.errors import ServiceError
from app.services.rounds import AnomalyInfo
from app.services.values import EndKind, Slot, ValidationError
from app.ui.context import UiContext

#: Quick choices, in the order a village doctor usually does them (Alt+1 … Alt+4).
ACTIONS: tuple[str, ...] = ("报告卫生院", "送发热门诊", "复测", "其他")
#: Usual outcomes offered when closing (free text is allowed too). Like ACTIONS these are ledger
#: data printed in Chinese reports, not interface text, so they are not translated.
OUTCOMES: tuple[str, ...] = (
    "复测正常，继续居家观察",
    "发热门诊排除，继续居家观察",
    "已送医",
    "已转运集中隔离",
)
_ACTION_SEPARATOR = "、"
_DETAIL_SEPARATOR = "；"


def describe(info: AnomalyInfo) -> str:
    """ "张三（一组） 2月3日 上午体温 38.2 ℃" — the heading both dialogs show."""
    who = info.person_name + (f"（{info.group_name}）" if info.group_name else "")
    return f"{who}  {info.detected_on.month}月{info.detected_on.day}日  {info.observation}"


def compose_action(choices: list[str], detail: str) -> str:
    text = _ACTION_SEPARATOR.join(c for c in choices if c != "其他")
    detail = detail.strip()
    if detail:
        text = f"{text}{_DETAIL_SEPARATOR}{detail}" if text else detail
    return text


def split_action(action: str | None) -> tuple[list[str], str]:
    """The inverse of ``compose_action`` for pre-filling the dialog with what was recorded."""
    if not action:
        return [], ""
    head, _, detail = action.partition(_DETAIL_SEPARATOR)
    parts = head.split(_ACTION_SEPARATOR)
    if all(p in ACTIONS for p in parts):
        return parts, detail
    return [], action


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogError")
    label.setStyleSheet("color: #a61b1b;")
    label.setWordWrap(True)
    label.hide()
    return label


class AnomalyActionDialog(QDialog):
    """记录处置: quick choices + free text, by whom, when. Saves on 保存 (Enter)."""

    def __init__(self, ctx: UiContext, info: AnomalyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.saved: AnomalyInfo | None = None
        self.setObjectName("anomalyActionDialog")
        self.setWindowTitle(self.tr("异常处置"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)

        heading = QLabel(describe(info))
        heading.setObjectName("anomalyHeading")
        heading.setStyleSheet("color: #a61b1b; font-weight: bold;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("发现发热或症状须当即报告并处置。请记录采取的措施：")))

        box = QGroupBox(self.tr("处置措施"))
        grid = QGridLayout(box)
        labels = {
            "报告卫生院": self.tr("报告卫生院(&1)"),
            "送发热门诊": self.tr("送发热门诊(&2)"),
            "复测": self.tr("复测(&3)"),
            "其他": self.tr("其他(&4)"),
        }
        chosen, detail = split_action(info.action)
        self.choices: dict[str, QCheckBox] = {}
        for n, name in enumerate(ACTIONS):
            check = QCheckBox(labels[name])
            check.setChecked(name in chosen)
            grid.addWidget(check, n // 2, n % 2)
            self.choices[name] = check
        self.detail = QLineEdit(detail)
        self.detail.setObjectName("actionDetail")
        self.detail.setPlaceholderText(self.tr("补充说明，如：复测 36.8 ℃；已电话报告镇卫生院"))
        self.detail.setMaxLength(150)
        grid.addWidget(self.detail, 2, 0, 1, 2)
        layout.addWidget(box)

        form = QFormLayout()
        self.handled_by = QLineEdit(info.handled_by or ctx.db.operator)
        self.handled_by.setObjectName("handledBy")
        self.handled_by.setMaxLength(50)
        form.addRow(self.tr("处置人(&B)"), self.handled_by)
        self.handled_at = QDateTimeEdit(QDateTime(clock.now()))
        if info.handled_at is not None:
            at = info.handled_at
            self.handled_at.setDateTime(
                QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
            )
        self.handled_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.handled_at.setCalendarPopup(True)
        self.handled_at.setMaximumDateTime(QDateTime(clock.now()).addSecs(3600))
        form.addRow(self.tr("处置时间(&T)"), self.handled_at)
        layout.addLayout(form)

        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        later = buttons.addButton(self.tr("稍后处理"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("这条异常留在“未关闭的异常”中，之后再记录"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first = next(iter(self.choices.values()))
        first.setFocus()

    def action_text(self) -> str:
        return compose_action(
            [n for n, c in self.choices.items() if c.isChecked()], self.detail.text()
        )

    def save(self) -> None:
        if self.choices["其他"].isChecked() and not self.detail.text().strip():
            self._refuse(self.tr("勾选了“其他”，请在补充说明中写明做了什么。"), self.detail)
            return
        action = self.action_text()
        if not action:
            self._refuse(self.tr("请勾选或填写处置措施。"), self.choices["报告卫生院"])
            return
        try:
            self.saved = rounds.record_action(
                self.ctx.db,
                self.info.id,
                action,
                self.handled_by.text(),
                self.handled_at.dateTime().toPython().replace(second=0, microsecond=0),
            )
        except (ServiceError, ValidationError) as error:
            self._refuse(str(error), self.handled_by)
            return
        self.ctx.events.readings_changed.emit()
        self.accept()

    def _refuse(self, message: str, focus: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        focus.setFocus()


class CloseAnomalyDialog(QDialog):
    """关闭异常: an outcome is required; 送医/转运 may end the observation too."""

    def __init__(self, ctx: UiContext, info: AnomalyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.closed_info: AnomalyInfo | None = None
        self.ended_case = False
        self.setObjectName("closeAnomalyDialog")
        self.setWindowTitle(self.tr("关闭异常"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        heading = QLabel(describe(info))
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        done = info.action or self.tr("（尚未记录处置措施）")
        layout.addWidget(QLabel(self.tr("已采取的措施：{action}").format(action=done)))

        form = QFormLayout()
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        self.outcome.setEditable(True)
        self.outcome.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.outcome.addItems(list(OUTCOMES))
        self.outcome.setCurrentIndex(-1)
        self.outcome.lineEdit().setPlaceholderText(self.tr("必填：处置结果"))
        form.addRow(self.tr("处置结果(&R)"), self.outcome)

        self.end_case = QCheckBox(self.tr("同时结束此人的观察（送医/转运）(&E)"))
        self.end_case.setObjectName("endCase")
        self.end_reason = QComboBox()
        self.end_reason.setObjectName("endReason")
        # 送医 first: a fever that ends the observation is usually a transfer to hospital.
        for kind in (EndKind.MEDICAL, EndKind.TRANSFER):
            for reason in reference.end_reasons(ctx.db):
                if reason.kind == kind.value:
                    self.end_reason.addItem(reason.name, reason.id)
        self.end_on = QDateEdit(QDate(clock.today()))
        self.end_on.setDisplayFormat("yyyy-MM-dd")
        self.end_on.setCalendarPopup(True)
        self.end_on.setMaximumDate(QDate(clock.today()))
        seen = info.detected_on
        self.end_on.setMinimumDate(QDate(seen.year, seen.month, seen.day))
        can_end = info.case_id is not None and self.end_reason.count() > 0
        self.end_case.setEnabled(can_end)
        self.end_case.toggled.connect(self._sync_end_fields)
        form.addRow(self.end_case)
        form.addRow(self.tr("结束原因"), self.end_reason)
        form.addRow(self.tr("结束日期"), self.end_on)
        layout.addLayout(form)
        self._sync_end_fields(False)

        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("关闭异常"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.outcome.setFocus()

    def _sync_end_fields(self, on: bool) -> None:
        self.end_reason.setEnabled(on)
        self.end_on.setEnabled(on)
        if on and not self.outcome.currentText().strip():
            # Offer the matching outcome; the clerk can still type another.
            medical = self.end_reason.currentText().startswith(("送医", "确诊"))
            self.outcome.setEditText("已送医" if medical else "已转运集中隔离")

    def save(self) -> None:
        outcome = self.outcome.currentText().strip()
        if not outcome:
            self._refuse(self.tr("请填写处置结果，才能关闭异常。"))
            return
        reason_id = self.end_reason.currentData() if self.end_case.isChecked() else None
        on: date | None = self.end_on.date().toPython() if reason_id is not None else None
        try:
            self.closed_info = rounds.close_anomaly(
                self.ctx.db, self.info.id, outcome, end_case_reason_id=reason_id, on=on
            )
        except (ServiceError, ValidationError) as error:
            self._refuse(str(error))
            return
        self.ended_case = reason_id is not None
        self.ctx.events.readings_changed.emit()
        if self.ended_case:
            self.ctx.events.roster_changed.emit()
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.outcome.setFocus()


def slot_label(slot: str | None) -> str:
    return Slot(slot).label if slot in (Slot.AM.value, Slot.PM.value) else ""
