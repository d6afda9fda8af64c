"""A date field a clerk can type into the way dates are written on paper lists.

``2022-02-03``, ``2022/2/3``, ``2022.2.3``, ``20220203`` and ``2022年2月3日`` are all understood
(``app.models.validation.parse_date``, the same rule imports use); the text is tidied to
``2022-02-03`` when the field loses focus. A small calendar button picks a date with the mouse.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from app import clock
from app.services.values import ValidationError, parse_date


def _calendar_icon() -> QIcon:
    """Drawn, so the field needs no image file."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#4b5563"), 1))
    painter.drawRect(QRect(1, 3, 13, 11))
    painter.fillRect(QRect(1, 3, 14, 3), QColor("#4b5563"))
    for x in (4, 8, 12):
        for y in (8, 11):
            painter.drawPoint(QPoint(x, y))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """``value()`` is the date or None; ``error()`` the Chinese reason it is not acceptable."""

    validity_changed = Signal()  # after every edit: value or error may have changed

    def __init__(
        self,
        label: str,
        *,
        required: bool = False,
        allow_future: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._required = required
        self._allow_future = allow_future
        self.setPlaceholderText(self.tr("如 2022-02-03"))
        self.setMaxLength(20)
        pick = QAction(_calendar_icon(), self.tr("选择日期"), self)
        pick.triggered.connect(self._pick)
        self.addAction(pick, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(lambda _text: self.validity_changed.emit())

    def value(self) -> date | None:
        """The date typed, or None when blank or not a date (see ``error``)."""
        try:
            return self._parse()
        except ValidationError:
            return None

    def error(self) -> str | None:
        try:
            self._parse()
        except ValidationError as problem:
            return str(problem)
        return None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _parse(self) -> date | None:
        if not self.text().strip():
            if self._required:
                raise ValidationError(self._label, self.tr("不能为空，请写成 2022-02-03"))
            return None
        return parse_date(self.text(), field=self._label, allow_future=self._allow_future)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        value = self.value()
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())
        super().focusOutEvent(event)

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        if not self._allow_future:
            calendar.setMaximumDate(QDate(clock.today()))
        current = self.value()
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(picked: QDate) -> None:
            self.set_value(date(picked.year(), picked.month(), picked.day()))
            menu.close()
            self.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))
