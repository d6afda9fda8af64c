"""Typing a round without the mouse: the table view's keys and the temperature cell's editor.

* On a row, typing a digit opens the temperature editor with that digit in it (other letters do
  nothing, so a stray key never starts a bogus edit); F2 or a double click edits a recorded value.
* In the editor, Enter (or Tab) hands the text to the page's ``submit`` callback. If the page
  refuses it (out of range, not confirmed, not saved) the editor stays open with the typed text;
  if it is saved the editor closes and the page moves on. Esc abandons the edit.
* Space — on a row or in the editor — asks for the symptom popup.
* F4 on a row asks for the 异常处置 dialog of that row (or of the next anomaly still unhandled):
  a fever never opens a dialog by itself, so no key typed after it can land anywhere but the grid.
* Leaving the editor any other way (a click elsewhere) submits without moving, so nothing typed is
  dropped silently; focus going to a popup or a dialog (the confirmation box) leaves it open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.ui.rounds.round_model import Col

Index = QModelIndex | QPersistentModelIndex
#: submit(index, text, move) → True when the editor may close (saved, or nothing to save)
Submit = Callable[[QPersistentModelIndex, str, bool], bool]

#: The key on a row that opens its 异常处置 dialog (shown in the page's hint line).
ACTION_KEY = Qt.Key.Key_F4
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_NO_TEXT_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def starts_temperature(event: QKeyEvent) -> bool:
    """A key that begins typing a temperature: a digit (or a decimal point) without Ctrl/Alt."""
    text = event.text()
    return (
        len(text) == 1
        and (text.isdigit() or text in ".,")
        and not event.modifiers() & _NO_TEXT_MODIFIERS
    )


class TemperatureEditor(QLineEdit):
    """The cell editor; remembers its cell and whether it has been handed over already."""

    def __init__(self, index: QPersistentModelIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temperatureEditor")
        self.cell = index
        self.finished = False  # submitted or abandoned: nothing more to do with its text
        # Digits and one separator; the range is checked on Enter so the clerk sees why.
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,2}[.,]?[0-9]?")))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class TemperatureDelegate(QStyledItemDelegate):
    symptoms_requested = Signal()  # Space in the editor
    submitted = Signal(QPersistentModelIndex, bool)  # saved (or nothing to save); bool: move on

    def __init__(self, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._busy = False  # a submit is running (it may show a confirmation box)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = TemperatureEditor(QPersistentModelIndex(index), parent)
        font = editor.font()
        font.setBold(True)
        editor.setFont(font)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # Only when the editor opens: a refresh must never overwrite what is being typed.
        if isinstance(editor, TemperatureEditor) and not editor.property("loaded"):
            editor.setProperty("loaded", True)
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()  # the first key typed replaces a recorded value

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        # The view commits this way when the current cell changes under an open editor (a click
        # on another row): save what was typed, without moving. The page reports any refusal.
        if isinstance(editor, TemperatureEditor) and not editor.finished and not self._busy:
            editor.finished = True
            if self._hand_over(editor, move=False):
                self.submitted.emit(editor.cell, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, TemperatureEditor):
            return super().eventFilter(watched, event)
        editor = watched
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in _ENTER_KEYS or key == Qt.Key.Key_Backtab:
                self._enter(editor)
                return True
            if key == Qt.Key.Key_Escape:
                editor.finished = True
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                return True
            if key == Qt.Key.Key_Space:
                self.symptoms_requested.emit()
                return True
            return False
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if not self._busy and not editor.finished and self._focus_left_for_good(editor, event):
                editor.finished = True
                saved = self._hand_over(editor, move=False)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if saved:
                    self.submitted.emit(editor.cell, False)
            return False
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)  # Esc belongs to the editor, not a shortcut
        return False

    def _enter(self, editor: TemperatureEditor) -> None:
        if self._busy or editor.finished:
            return
        if self._hand_over(editor, move=True):
            editor.finished = True
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.submitted.emit(editor.cell, True)
        else:
            editor.setFocus()
            editor.selectAll()

    def _hand_over(self, editor: TemperatureEditor, *, move: bool) -> bool:
        self._busy = True
        try:
            return self._submit(editor.cell, editor.text(), move)
        finally:
            self._busy = False

    @staticmethod
    def _focus_left_for_good(editor: QWidget, event: QFocusEvent) -> bool:
        """False while a popup, a dialog or another application has the focus: the clerk will
        come back to the editor, so it stays open with its text."""
        if event.reason() in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            return False
        if (
            QApplication.activePopupWidget() is not None
            or QApplication.activeModalWidget() is not None
        ):
            return False
        focus = QApplication.focusWidget()
        return focus is None or focus.window() is editor.window()


class RoundTableView(QTableView):
    """The round table; see the module docstring for its keys."""

    symptoms_requested = Signal()  # Space on a row
    action_requested = Signal()  # F4 on a row: record what was done about its anomaly

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else in a form
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(False)  # row colours carry meaning here (red, yellow)
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and current.isValid():
            if starts_temperature(event):
                cell = current.siblingAtColumn(Col.TEMPERATURE)
                if cell != current:
                    self.setCurrentIndex(cell)
                self.edit(cell, QAbstractItemView.EditTrigger.AnyKeyPressed, event)
                return
            if event.key() == Qt.Key.Key_Space and not event.modifiers() & _NO_TEXT_MODIFIERS:
                self.symptoms_requested.emit()
                return
            if event.key() == ACTION_KEY:
                self.action_requested.emit()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                below = current.siblingAtRow(current.row() + 1)
                if below.isValid():
                    self.setCurrentIndex(below.siblingAtColumn(Col.TEMPERATURE))
                return
            if (
                event.text()
                and event.text().isprintable()
                and not event.modifiers() & _NO_TEXT_MODIFIERS
            ):
                event.accept()  # letters would start an edit of the temperature: ignore them
                return
        super().keyPressEvent(event)
