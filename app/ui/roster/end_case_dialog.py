"""解除 / 结束管控 — close a person's period of management with a reason and a date.

The reasons are the editable list (期满解除, 转集中隔离, 送医/转诊, 确诊, 迁出, 其他). The date may
not be in the future nor before the period started; a refused end shows why and keeps the dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import reference, roster
from app.services.errors import ServiceError
from app.services.roster import CaseRow
from app.services.values import ValidationError
from app.ui import messages
from app.ui.context import UiContext
from app.ui.roster.date_field import DateField

RELEASE = "期满解除"


class EndCaseDialog(QDialog):
    """After ``accept`` the ended row is in ``saved``; the caller emits ``roster_changed``."""

    def __init__(
        self,
        ctx: UiContext,
        case_id: int,
        parent: QWidget | None = None,
        *,
        reason: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved: CaseRow | None = None
        self.case = roster.case_row(ctx.db, case_id)
        self.setWindowTitle(self.tr("解除/结束管控"))

        case = self.case
        period = self.tr("{start} 起").format(start=case.start_date.isoformat())
        if case.planned_end:
            period += self.tr("，计划 {end} 解除").format(end=case.planned_end.isoformat())
        summary = QLabel(
            self.tr("{name}（{group}）· {measure} · {period}").format(
                name=case.name,
                group=case.group_name or self.tr("未填组别"),
                measure=case.measure,
                period=period,
            )
        )
        summary.setWordWrap(True)

        self.reason = QComboBox()
        for item in reference.end_reasons(ctx.db):
            self.reason.addItem(item.name, item.id)
        self.ended_on = DateField(self.tr("结束日期"), required=True)
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #c62828;")
        self.date_error.setWordWrap(True)
        self.date_error.hide()
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("如 送县人民医院发热门诊"))

        form = QFormLayout()
        form.addRow(self.tr("结束原因"), self.reason)
        date_box = QWidget()
        date_layout = QVBoxLayout(date_box)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.ended_on)
        date_layout.addWidget(self.date_error)
        form.addRow(self.tr("结束日期"), date_box)
        form.addRow(self.tr("备注"), self.note)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.ended_on.validity_changed.connect(self._check_date)
        chosen = self.reason.findText(reason) if reason else -1
        self.reason.setCurrentIndex(max(chosen, 0))
        self._reason_chosen()
        self.reason.setFocus()

    def _reason_chosen(self, _index: int = 0) -> None:
        """期满解除 dates the end at the planned day (or today if that is still to come)."""
        today = clock.today()
        planned = self.case.planned_end
        if self.reason.currentText() == RELEASE and planned and planned <= today:
            self.ended_on.set_value(max(planned, self.case.start_date))
        else:
            self.ended_on.set_value(today)

    def _date_problem(self) -> str | None:
        problem = self.ended_on.error()
        ended = self.ended_on.value()
        if problem is None and ended is not None and ended < self.case.start_date:
            problem = self.tr("结束日期：{end} 早于开始日期（{start}），请核对").format(
                end=ended.isoformat(), start=self.case.start_date.isoformat()
            )
        return problem

    def _check_date(self) -> None:
        problem = self._date_problem()
        self.date_error.setText(problem or "")
        self.date_error.setVisible(bool(problem))
        self.ok_button.setEnabled(problem is None)

    def save(self) -> None:
        ended = self.ended_on.value()
        if self._date_problem() is not None or ended is None:
            self.ended_on.setFocus()
            return
        try:
            self.saved = roster.end_case(
                self.ctx.db,
                self.case.id,
                ended,
                self.reason.currentData(),
                note=self.note.text().strip() or None,
            )
        except (ServiceError, ValidationError) as error:
            messages.show_error(self, str(error))
            return
        self.accept()
