"""体温记录 of one person, opened from the rounds page (Alt+H or a double click on the name)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.ui.context import UiContext
from app.ui.widgets.temperature_history import TemperatureHistoryWidget


class HistoryDialog(QDialog):
    def __init__(self, ctx: UiContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("体温记录"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.history = TemperatureHistoryWidget(ctx, self)
        layout.addWidget(self.history, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.history.show_case(case_id)
