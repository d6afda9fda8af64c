"""Pieces the sign-in, unlock and account dialogs share: a password field, the red problem line,
the countdown that keeps 登录 disabled while the service delays further tries, and the name of
an account's unit (also in the main window's status bar)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from app.resources import resource_path
from app.services.operators import MAX_PASSWORD_LENGTH

PROBLEM_STYLE = "color: #b00020;"
HINT_STYLE = "color: #5f6368;"


def whole_ledger_label() -> str:
    """What an account without a unit is shown as: it sees every village."""
    return QCoreApplication.translate("auth_common", "全部（乡镇）")


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PASSWORD_LENGTH)
    return edit


def enter_moves_on(buttons: QDialogButtonBox, fields: list[QLineEdit], done: object) -> None:
    """Enter goes from field to field and, in the last one, calls ``done`` — and nothing else.

    Qt makes a dialog's first accept button its default button and "clicks" it on every Enter,
    so Enter in the account field would try to sign in with an empty password (counted as a
    wrong one). The accept button therefore becomes a plain action button that calls ``done``.
    """
    for button in buttons.buttons():
        if not isinstance(button, QPushButton):
            continue
        button.setAutoDefault(False)
        button.setDefault(False)
        if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
            buttons.removeButton(button)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(done)  # type: ignore[arg-type]
    for field, following in itertools.pairwise(fields):
        field.returnPressed.connect(following.setFocus)
    fields[-1].returnPressed.connect(done)  # type: ignore[arg-type]


def problem_label(name: str = "problem") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    return label


def passwords_match(password: QLineEdit, repeat: QLineEdit, problem: QLabel, message: str) -> bool:
    """False (with ``message`` shown and the repeat field cleared for retyping) on a mismatch."""
    if password.text() == repeat.text():
        return True
    problem.setText(message)
    repeat.clear()
    repeat.setFocus()
    return False


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def locked_heading(text: str) -> QHBoxLayout:
    """The row a password dialog opens with: the lock icon and ``text`` as its heading."""
    icon = QLabel()
    icon.setPixmap(QIcon(str(resource_path("icons", "lock.svg"))).pixmap(40, 40))
    row = QHBoxLayout()
    row.addWidget(icon)
    row.addWidget(heading_label(text), 1)
    return row


class RetryCountdown(QObject):
    """After ``AccountLocked``: the button stays disabled and the label counts the seconds down.

    Only what the clerk sees; the service refuses early tries by itself.
    """

    def __init__(self, button: QPushButton, label: QLabel, parent: QObject) -> None:
        super().__init__(parent)
        self.button = button
        self.label = label
        self.seconds = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def start(self, seconds: int) -> None:
        self.seconds = max(1, seconds)
        self.button.setEnabled(False)
        self._show()
        self.timer.start()

    def _tick(self) -> None:
        self.seconds -= 1
        if self.seconds <= 0:
            self.timer.stop()
            self.button.setEnabled(True)
            self.label.setText(self.tr("现在可以再试一次。"))
            return
        self._show()

    def _show(self) -> None:
        self.label.setText(
            self.tr("密码连续输错次数过多，请 {seconds} 秒后再试。").format(seconds=self.seconds)
        )
