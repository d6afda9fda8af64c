"""症状 — a compact checklist popping up under the row: 1–7 tick, Enter keeps, Esc cancels.

It opens below the row, or above it when the row is near the bottom of the screen, and is kept
inside the screen sideways: every box must be visible to be ticked by its number.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from app.services.values import SYMPTOMS


class SymptomPopup(QFrame):
    """Emits ``chosen(symptoms)`` when kept with Enter/Space; nothing when cancelled."""

    chosen = Signal(tuple)

    def __init__(self, current: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("symptomPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        title = QLabel(self.tr("症状：按数字键勾选，Enter 确定，Esc 取消"))
        title.setObjectName("symptomPopupHint")
        layout.addWidget(title)
        self.boxes: list[QCheckBox] = []
        for number, name in enumerate(SYMPTOMS, start=1):
            box = QCheckBox(f"{number}  {name}")
            box.setChecked(name in current)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the popup itself takes every key
            layout.addWidget(box)
            self.boxes.append(box)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def selected(self) -> tuple[str, ...]:
        return tuple(
            name for name, box in zip(SYMPTOMS, self.boxes, strict=True) if box.isChecked()
        )

    def show_near(self, row: QRect) -> None:
        """Open next to ``row`` (global coordinates of the cell it belongs to)."""
        self.adjustSize()
        self.move(placed_on_screen(row, self.size().width(), self.size().height()))
        self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= len(self.boxes):
            box = self.boxes[int(text) - 1]
            box.setChecked(not box.isChecked())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            symptoms = self.selected()
            self.close()
            self.chosen.emit(symptoms)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def placed_on_screen(row: QRect, width: int, height: int) -> QPoint:
    """Below ``row`` when it fits on that row's screen, else above it; never off either side."""
    screen = QGuiApplication.screenAt(row.center()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    top = row.bottom() + 1
    if top + height > area.bottom() + 1:
        top = max(area.top(), row.top() - height)
    left = min(max(row.left(), area.left()), area.right() + 1 - width)
    return QPoint(left, top)
