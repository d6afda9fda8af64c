"""The duty shift (班次): which checkpoint this laptop is at and who is on duty, chosen once.

Remembered per user (QSettings, like window layout — it describes this computer's post, not
ledger policy), so a clerk who restarts the app mid-shift carries on. 换班 starts a new shift: its
totals count from that moment.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services.checkpoints import CheckpointInfo
from app.services.values import local_now
from app.ui import settings_store

CHECKPOINT_KEY = "checkpoints/checkpoint_id"
DUTY_KEY = "checkpoints/duty_staff"
SHIFT_KEY = "checkpoints/shift_started"
PROVINCE_KEY = "checkpoints/province"
REQUIRED_STYLE = "color: #a61b1b;"


class ShiftBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = settings_store.open_settings()
        self._stored_checkpoint = _as_int(settings.value(CHECKPOINT_KEY))
        self.checkpoint = QComboBox()
        self.checkpoint.setObjectName("shiftCheckpoint")
        self.checkpoint.setMinimumContentsLength(8)
        self.duty = QLineEdit(str(settings.value(DUTY_KEY, "") or ""))
        self.duty.setObjectName("dutyStaff")
        self.duty.setPlaceholderText(self.tr("必填，如 张三、李四"))
        self.duty.setMaxLength(100)
        self._staff_names = QStringListModel(self)
        self.duty.setCompleter(QCompleter(self._staff_names, self.duty))
        self.started = _as_datetime(settings.value(SHIFT_KEY)) or local_now()
        if settings.value(SHIFT_KEY) is None:
            self._store(SHIFT_KEY, self.started.isoformat())  # the first shift starts now
        self.started_label = QLabel()
        self.started_label.setObjectName("shiftStarted")
        self.new_shift_button = QPushButton(self.tr("换班"))
        self.new_shift_button.setObjectName("newShift")
        self.new_shift_button.setToolTip(self.tr("新的一班：本班统计从现在算起，并填写值守人员"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("卡点"))
        caption.setBuddy(self.checkpoint)
        layout.addWidget(caption)
        layout.addWidget(self.checkpoint)
        duty_caption = QLabel(
            self.tr("值守人员 *")
        )  # required: every log line says who was on duty
        duty_caption.setObjectName("dutyCaption")
        duty_caption.setStyleSheet(REQUIRED_STYLE)
        duty_caption.setBuddy(self.duty)
        layout.addWidget(duty_caption)
        layout.addWidget(self.duty, 1)
        layout.addWidget(self.started_label)
        layout.addWidget(self.new_shift_button)
        self._show_started()

        self.checkpoint.currentIndexChanged.connect(self._checkpoint_chosen)
        self.duty.editingFinished.connect(self._duty_typed)
        self.new_shift_button.clicked.connect(self.new_shift)

    def set_checkpoints(self, items: list[CheckpointInfo]) -> None:
        """The active checkpoints; keeps the current (or remembered) one selected."""
        wanted = self.checkpoint_id() or self._stored_checkpoint
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        for item in items:
            self.checkpoint.addItem(item.name, item.id)
        position = self.checkpoint.findData(wanted) if wanted is not None else -1
        self.checkpoint.setCurrentIndex(position if position >= 0 else (0 if items else -1))
        self.checkpoint.blockSignals(False)
        if self.checkpoint_id() != wanted:
            self._checkpoint_chosen()

    def set_staff_names(self, names: list[str]) -> None:
        self._staff_names.setStringList(names)

    def checkpoint_id(self) -> int | None:
        data = self.checkpoint.currentData()
        return int(data) if data is not None else None

    def checkpoint_name(self) -> str:
        return self.checkpoint.currentText()

    def duty_staff(self) -> str:
        return self.duty.text().strip()

    def new_shift(self) -> None:
        self.started = local_now()
        self._store(SHIFT_KEY, self.started.isoformat())
        self._show_started()
        self.duty.selectAll()
        self.duty.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _checkpoint_chosen(self, *_args: object) -> None:
        self._store(CHECKPOINT_KEY, self.checkpoint_id())
        self.changed.emit()

    def _duty_typed(self) -> None:
        self._store(DUTY_KEY, self.duty_staff())
        self.changed.emit()

    def _show_started(self) -> None:
        self.started_label.setText(
            self.tr("本班自 {time}").format(time=f"{self.started:%m-%d %H:%M}")
        )

    @staticmethod
    def _store(key: str, value: object) -> None:
        settings = settings_store.open_settings()
        settings.setValue(key, value)
        settings.sync()


def stored_province(default: str) -> str:
    value = settings_store.open_settings().value(PROVINCE_KEY, default)
    return str(value) if value else default


def store_province(province: str) -> None:
    ShiftBar._store(PROVINCE_KEY, province)


def _as_int(value: object) -> int | None:
    try:
        return int(value) if value not in (None, "") else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _as_datetime(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
