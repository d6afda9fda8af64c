"""登录 — asked at start, before the main window (and so any data) exists.

The account name of the last sign-in on this computer is filled in, so a clerk types only the
password. A wrong password keeps the dialog open with the reason; after five in a row the service
delays further tries and the 登录 button counts the seconds down.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.resources import resource_path
from app.services import operators
from app.services.operators import AccountLocked, Clock, OperatorInfo, SignInFailed
from app.ui import settings_store
from app.ui.auth.common import (
    RetryCountdown,
    enter_moves_on,
    hint_label,
    locked_heading,
    password_edit,
    problem_label,
)
from app.ui.context import UiContext

log = logging.getLogger(__name__)

LAST_USERNAME_KEY = "auth/last_username"


def last_username() -> str:
    return str(settings_store.open_settings().value(LAST_USERNAME_KEY, "") or "")


def remember_username(username: str) -> None:
    settings = settings_store.open_settings()
    settings.setValue(LAST_USERNAME_KEY, username)
    settings.sync()


class SignInDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Clock = operators.local_now,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clock = clock
        self.signed_in: OperatorInfo | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("登录 — 防疫台账"))
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
        self.setMinimumWidth(420)

        top = locked_heading(self.tr("请登录"))

        self.username = QLineEdit(last_username())
        self.username.setObjectName("signInUsername")
        self.username.setMaxLength(50)
        self.password = password_edit("signInPassword")
        form = QFormLayout()
        form.addRow(self.tr("账号(&U)："), self.username)
        form.addRow(self.tr("密码(&P)："), self.password)

        self.problem = problem_label()
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.countdown = RetryCountdown(self.sign_in_button, self.problem, self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(
            hint_label(
                self.tr(
                    "台账中有全村人员的身份证号、电话和健康信息，请用自己的账号登录。"
                    "忘记密码请找管理员重设。"
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        enter_moves_on(self.buttons, [self.username, self.password], self.accept)
        (self.password if self.username.text() else self.username).setFocus()

    def accept(self) -> None:
        """Sign in; on failure stay open with the reason, the account name kept as typed."""
        if not self.sign_in_button.isEnabled():
            return  # Enter pressed during the countdown
        username = self.username.text().strip()
        if not username:
            self.problem.setText(self.tr("请填写账号。"))
            self.username.setFocus()
            return
        try:
            info = operators.sign_in(self.ctx.db, username, self.password.text(), clock=self._clock)
        except AccountLocked as locked:
            self.password.clear()
            self.countdown.start(locked.seconds_left)
            return
        except SignInFailed as error:
            self.problem.setText(str(error))
            self.password.clear()
            self.password.setFocus()
            return
        self.signed_in = info
        remember_username(info.username)
        super().accept()
