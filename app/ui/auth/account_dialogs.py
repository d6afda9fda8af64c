"""添加账号 and 修改/重设密码 — the small forms behind the 账号与隐私 tab's buttons.

Both keep what was typed when the service refuses (a taken account name, a short password) and
show the reason under the form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import operators
from app.services.access import Role
from app.services.errors import ServiceError
from app.services.operators import OperatorInfo
from app.ui.auth.common import (
    enter_moves_on,
    hint_label,
    password_edit,
    passwords_match,
    problem_label,
)
from app.ui.context import UiContext


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("okButton")
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("AccountDialogs", "取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class NewAccountDialog(QDialog):
    created = Signal(object)  # OperatorInfo

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newAccountDialog")
        self.setWindowTitle(self.tr("添加账号"))
        self.setMinimumWidth(420)
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.username.setMaxLength(50)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.display_name.setMaxLength(50)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        self.role.addItem(self.tr("录入员（录入和导出）"), Role.CLERK)
        self.role.addItem(self.tr("管理员（另可管理账号、设置、删除和恢复备份）"), Role.ADMIN)
        self.password = password_edit("newPassword")
        self.password.setPlaceholderText(
            self.tr("至少 {n} 位").format(n=operators.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit("newRepeat")
        form = QFormLayout()
        form.addRow(self.tr("账号(&U)："), self.username)
        form.addRow(self.tr("姓名(&N)："), self.display_name)
        form.addRow(self.tr("角色(&R)："), self.role)
        form.addRow(self.tr("密码(&P)："), self.password)
        form.addRow(self.tr("再输一次(&A)："), self.repeat)
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(self.tr("请把密码当面告诉本人，并提醒他登录后在“账号与隐私”中自己修改。"))
        )
        layout.addWidget(self.problem)
        buttons = _buttons(self, self.tr("添加"))
        layout.addWidget(buttons)
        fields = [self.username, self.display_name, self.password, self.repeat]
        enter_moves_on(buttons, fields, self.accept)
        self.username.setFocus()

    def accept(self) -> None:
        mismatch = self.tr("两次输入的密码不一致。")
        if not passwords_match(self.password, self.repeat, self.problem, mismatch):
            return
        try:
            info = operators.create_account(
                self.ctx.db,
                self.username.text(),
                self.display_name.text(),
                self.password.text(),
                Role(self.role.currentData()),  # Qt hands the enum back as its text
            )
        except ServiceError as error:
            self.problem.setText(str(error))
            return
        self.created.emit(info)
        super().accept()


class PasswordDialog(QDialog):
    """Change one's own password (with the current one), or — a 管理员 — reset someone's."""

    changed = Signal()

    def __init__(
        self, ctx: UiContext, target: OperatorInfo, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.target = target
        self.own = own
        self.setObjectName("passwordDialog")
        who = f"{target.display_name}（{target.username}）"
        self.setWindowTitle(
            self.tr("修改我的密码") if own else self.tr("重设 {who} 的密码").format(who=who)
        )
        self.setMinimumWidth(400)
        self.current = password_edit("currentPassword")
        self.password = password_edit("newPassword")
        self.password.setPlaceholderText(
            self.tr("至少 {n} 位").format(n=operators.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit("newRepeat")
        form = QFormLayout()
        if own:
            form.addRow(self.tr("原密码(&O)："), self.current)
        form.addRow(self.tr("新密码(&P)："), self.password)
        form.addRow(self.tr("再输一次(&A)："), self.repeat)
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        buttons = _buttons(self, self.tr("保存"))
        layout.addWidget(buttons)
        fields = [self.current, self.password, self.repeat] if own else [self.password, self.repeat]
        enter_moves_on(buttons, fields, self.accept)
        fields[0].setFocus()

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.problem.setText(self.tr("两次输入的新密码不一致。"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            if self.own:
                operators.change_password(
                    self.ctx.db, self.target.username, self.current.text(), self.password.text()
                )
            else:
                operators.reset_password(self.ctx.db, self.target.id, self.password.text())
        except ServiceError as error:
            self.problem.setText(str(error))
            return
        self.changed.emit()
        super().accept()
