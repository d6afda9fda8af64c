"""设置管理员 — the first account of a ledger, offered at start while there is none.

Until an administrator exists the ledger is open to whoever starts the app (as it was before
accounts existed), so this dialog may be put off ("以后再说"). It is offered by itself only at
the first start of a ledger; after that it waits in 设置 → 账号与隐私 (``startup``).
Once created, the administrator is signed in at once and the idle lock starts protecting.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import operators
from app.services.errors import ServiceError
from app.services.operators import OperatorInfo
from app.ui.auth.common import (
    enter_moves_on,
    heading_label,
    hint_label,
    password_edit,
    passwords_match,
    problem_label,
)
from app.ui.auth.sign_in import remember_username
from app.ui.context import UiContext

log = logging.getLogger(__name__)


class FirstAdminDialog(QDialog):
    created = Signal(object)  # OperatorInfo of the new, signed-in administrator

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("设置管理员账号"))
        self.setMinimumWidth(480)

        self.username = QLineEdit()
        self.username.setObjectName("adminUsername")
        self.username.setMaxLength(50)
        self.username.setPlaceholderText(self.tr("例如：wangshuji（登录时输入）"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("adminDisplayName")
        self.display_name.setMaxLength(50)
        self.display_name.setPlaceholderText(self.tr("例如：王书记（记入操作留痕）"))
        self.password = password_edit("adminPassword")
        self.password.setPlaceholderText(
            self.tr("至少 {n} 位").format(n=operators.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit("adminRepeat")
        form = QFormLayout()
        form.addRow(self.tr("账号(&U)："), self.username)
        form.addRow(self.tr("姓名(&N)："), self.display_name)
        form.addRow(self.tr("密码(&P)："), self.password)
        form.addRow(self.tr("再输一次(&R)："), self.repeat)

        self.problem = problem_label()
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("创建管理员"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createAdmin")
        buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("先设置一个管理员账号")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "台账中有全村人员的身份证号、电话和健康信息。设置管理员后，每次打开本程序都要"
                    "登录，离开电脑一段时间会自动锁定；录入员账号由管理员在“设置 → 账号与隐私”中"
                    "添加。\n现在不设置，任何人打开本程序都能看到全部数据；以后可随时在"
                    "“设置 → 账号与隐私”中设置。"
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        fields = [self.username, self.display_name, self.password, self.repeat]
        enter_moves_on(buttons, fields, self.accept)
        self.username.setFocus()

    def accept(self) -> None:
        mismatch = self.tr("两次输入的密码不一致。")
        if not passwords_match(self.password, self.repeat, self.problem, mismatch):
            return
        username, password = self.username.text(), self.password.text()
        try:
            operators.create_first_admin(self.ctx.db, username, self.display_name.text(), password)
            info: OperatorInfo = operators.sign_in(self.ctx.db, username, password)
        except ServiceError as error:
            self.problem.setText(str(error))
            return
        remember_username(info.username)
        self.ctx.events.settings_changed.emit()
        self.created.emit(info)
        super().accept()
