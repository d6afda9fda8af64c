"""The inputs of a form for fields of the registry (``app.models.fields``): one plain editor per
kind — a line for text, a :class:`DateField` for a date, a line of digits for a number, a check
box for yes/no. A field that needs more (a list to choose from, a check as the clerk types) gets
its own factory in its form; every other field of a form needs no code.

Each input comes with the line under it where a reason it is refused appears in red.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.fields import Field
from app.ui.roster.date_field import DateField

__all__ = ["Editor", "message_line", "plain_editor", "stack"]

#: A text field that names no ``max_length`` stops at this many characters (as the services do).
TEXT_LENGTH = 200


@dataclass(frozen=True)
class Editor:
    """One input of a form: the widget that takes the focus (in tab order), the row the form
    shows (the input with its message lines), and how its value is read and set."""

    widget: QWidget
    row: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    message: QLabel | None = None  # the red line a refused value's reason appears on


def message_line() -> QLabel:
    """A hidden, wrapping line for a message under a field."""
    label = QLabel()
    label.setWordWrap(True)
    label.hide()
    return label


def stack(*widgets: QWidget) -> QWidget:
    """A field with its message lines under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def plain_editor(
    field: Field, title: str, *, required: bool = False, allow_future: bool = False
) -> Editor:
    """The input of ``field`` by its kind; ``title`` names it in a date's messages."""
    widget, get, put = _input(field, title, required=required, allow_future=allow_future)
    message = message_line()
    return Editor(widget, stack(widget, message), get, put, message)


def _input(
    field: Field, title: str, *, required: bool, allow_future: bool
) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
    if field.kind == "date":
        day = DateField(title, required=required, allow_future=allow_future)
        return day, day.value, day.set_value
    if field.kind == "bool":
        box = QCheckBox()
        return box, box.isChecked, lambda value: box.setChecked(bool(value))
    line = QLineEdit()
    if field.kind == "int":
        line.setValidator(QIntValidator(0, 999_999_999, line))

        def number() -> int | None:
            return int(line.text()) if line.text() else None

        line.setMaxLength(9)
        return line, number, lambda value: line.setText("" if value is None else str(value))
    line.setMaxLength(field.max_length or TEXT_LENGTH)
    return line, lambda: line.text() or None, lambda value: line.setText(value or "")
