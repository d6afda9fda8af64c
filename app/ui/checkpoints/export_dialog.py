"""导出卡点车辆登记表: which days and which checkpoint. The file name is asked for afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services.checkpoints import CheckpointInfo
from app.ui.widgets.export_options import ExportOptionsWidget


class ExportRangeDialog(QDialog):
    def __init__(
        self,
        checkpoints: list[CheckpointInfo],
        *,
        day: date,
        checkpoint_id: int | None,
        parent: QWidget | None = None,
        options: ExportOptionsWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options  # 隐藏身份证号和电话 / 设置打开密码 (app.ui.widgets.export_options)
        self.setWindowTitle(self.tr("导出卡点车辆登记表"))
        shown_day = QDate(day.year, day.month, day.day)
        self.first = QDateEdit(shown_day)
        self.first.setObjectName("exportFrom")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.first.setMaximumDate(QDate(clock.today()))
        self.last = QDateEdit(shown_day)
        self.last.setObjectName("exportTo")
        self.last.setCalendarPopup(True)
        self.last.setDisplayFormat("yyyy-MM-dd")
        self.last.setMaximumDate(QDate(clock.today()))
        self.checkpoint = QComboBox()
        self.checkpoint.setObjectName("exportCheckpoint")
        self.checkpoint.addItem(self.tr("全部卡点"), None)
        for item in checkpoints:
            self.checkpoint.addItem(item.name, item.name)
            if item.id == checkpoint_id:
                self.checkpoint.setCurrentIndex(self.checkpoint.count() - 1)
        form = QFormLayout()
        form.addRow(self.tr("从"), self.first)
        form.addRow(self.tr("到"), self.last)
        form.addRow(self.tr("卡点"), self.checkpoint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("选择保存位置…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if options is not None:
            layout.addWidget(options)
        layout.addWidget(buttons)
        self.first.dateChanged.connect(self._keep_order)

    def accept(self) -> None:
        if self.options is None or self.options.validate():
            super().accept()

    def _keep_order(self, first: QDate) -> None:
        if self.last.date() < first:
            self.last.setDate(first)

    def chosen(self) -> tuple[date, date, str | None]:
        """(first day, last day, checkpoint name or None for all)."""
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return min(first, last), max(first, last), self.checkpoint.currentData()
