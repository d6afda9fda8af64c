"""Message boxes for the clerk: errors, information, yes/no questions.

Everything goes through ``present`` so a test (or ``--self-test``) can replace that one function
and record the messages instead of blocking on a dialog. ``show_error``/``show_info`` are
non-blocking by default (window-modal ``open()``), as convention 9 asks for expected failures; pass
``wait=True`` when there is no event loop yet (start-up failures).

``refusal_shown`` is the one way a widget calls a service that may refuse: an expected failure is
shown and the block is left, a bug goes on to the crash handler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ExpectedError

log = logging.getLogger(__name__)

# A parentless non-blocking box has no Qt owner: keep it alive until it is closed.
_open_boxes: set[QMessageBox] = set()


class MessageKind(StrEnum):
    ERROR = "error"
    INFO = "info"
    CONFIRM = "confirm"


def show_error(parent: QWidget | None, message: str, *, wait: bool = False) -> None:
    present(MessageKind.ERROR, parent, message, wait=wait)


def show_info(
    parent: QWidget | None, message: str, *, title: str | None = None, wait: bool = False
) -> None:
    present(MessageKind.INFO, parent, message, title=title, wait=wait)


def ask_confirm(parent: QWidget | None, question: str) -> bool:
    """A yes/no question (always waits for the answer); ``False`` unless the clerk says yes."""
    return present(MessageKind.CONFIRM, parent, question, wait=True)


def present(
    kind: MessageKind,
    parent: QWidget | None,
    text: str,
    *,
    title: str | None = None,
    wait: bool = False,
) -> bool:
    """The single place a message box is built. Returns the answer for ``CONFIRM``, else True."""
    box = QMessageBox(parent)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if kind is MessageKind.ERROR:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or QCoreApplication.translate("messages", "出错了"))
    elif kind is MessageKind.INFO:
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title or QCoreApplication.translate("messages", "提示"))
    else:
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title or QCoreApplication.translate("messages", "请确认"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
    if wait:
        answer = box.exec()
        box.deleteLater()
        return kind is not MessageKind.CONFIRM or answer == QMessageBox.StandardButton.Yes
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return True


class Refusal:
    """What ``refusal_shown`` caught: false while the block ran through, else holds the error."""

    def __init__(self) -> None:
        self.error: ExpectedError | None = None

    def __bool__(self) -> bool:
        return self.error is not None


@contextmanager
def refusal_shown(show: QWidget | Callable[[str], object] | None) -> Iterator[Refusal]:
    """Run the block; if it raises an ``ExpectedError``, show its sentence and carry on after it.

    ``show`` is the widget a message box opens over, or what puts the sentence on screen another
    way (a problem label's ``setText``), or None when the caller shows it itself. Anything that is
    not an expected failure is a bug: it propagates to the crash handler untouched. ::

        with refusal_shown(self) as refused:
            service.save(...)
        if refused:
            return
    """
    refusal = Refusal()
    try:
        yield refusal
    except ExpectedError as error:
        log.info("refused: %s", error)
        refusal.error = error
        if isinstance(show, QWidget):
            show_error(show, str(error))
        elif show is not None:
            show(str(error))
