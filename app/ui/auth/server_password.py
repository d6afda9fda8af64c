"""连接乡镇服务器 — the database server's password, asked at start when nothing else gave one,
or when the one saved on this computer was refused.

libpq looks for the password in ``PGPASSWORD`` and the password file ``PGPASSFILE``; a clerk who
has neither (a township laptop set up without them), or whose saved one no longer works (the
server's password was changed), types it here. It is used for this
connection only: never saved, never logged, and the field is emptied as soon as it was read — a
wrong one is typed again from scratch. A server that cannot be reached, or a database that is
not a ledger, ends the dialog (``failure``): the caller explains it and stops; no password helps.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.config import AppPaths
from app.resources import resource_path
from app.services.ledger import (
    Database,
    ServerSignInFailed,
    StorageError,
    describe_server,
    open_ledger,
)
from app.ui.auth.common import (
    enter_moves_on,
    hint_label,
    locked_heading,
    password_edit,
    problem_label,
)

log = logging.getLogger(__name__)


class ServerPasswordDialog(QDialog):
    """Connects to the server with the typed password; ``db`` is the open ledger once accepted."""

    def __init__(
        self, paths: AppPaths, parent: QWidget | None = None, *, saved_refused: bool = False
    ) -> None:
        super().__init__(parent)
        assert paths.database_url is not None  # asked only for a server ledger
        self.paths = paths
        self.db: Database | None = None
        self.failure: StorageError | None = None
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(self.tr("连接乡镇服务器 — 防疫台账"))
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
        self.setMinimumWidth(460)

        top = locked_heading(self.tr("连接乡镇服务器"))

        self.server = QLabel(describe_server(paths.database_url))
        self.server.setObjectName("serverAddress")
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password = password_edit("serverPassword")
        form = QFormLayout()
        form.addRow(self.tr("服务器："), self.server)
        form.addRow(self.tr("密码(&P)："), self.password)

        self.problem = problem_label()
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("连接"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("connectButton")
        self.quit_button = self.buttons.addButton(
            self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("quitButton")
        self.buttons.rejected.connect(self.reject)

        self.hint = hint_label(self._why_asked(saved_refused))
        self.hint.setObjectName("whyAsked")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        enter_moves_on(self.buttons, [self.password], self.accept)
        self.password.setFocus()

    def _why_asked(self, saved_refused: bool) -> str:
        if saved_refused:
            return self.tr(
                "台账在乡镇的数据库服务器上。本机保存的服务器密码（环境变量 PGPASSWORD 或"
                "密码文件 PGPASSFILE 中的）被服务器拒绝了，可能密码已经改过。请输入现在的密码："
                "只用于这次连接，不会保存；本机保存的密码请找服务器管理员更正，否则下次还会问。"
            )
        return self.tr(
            "台账在乡镇的数据库服务器上，服务器要求密码（环境变量 PGPASSWORD 和"
            "密码文件 PGPASSFILE 中都没有）。密码只用于这次连接，不会保存；"
            "不知道密码请找服务器管理员。"
        )

    def accept(self) -> None:
        """Connect; a refused password keeps the dialog open, says so, and asks again."""
        password = self.password.text()
        # Emptied before connecting: whatever happens next, the field holds nothing typed.
        self.password.clear()
        self.password.setFocus()
        if not password:
            self.problem.setText(self.tr("请输入服务器密码。"))
            return
        self.problem.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_ledger(self.paths, password=password)
        except ServerSignInFailed:
            log.info("the server refused the password typed at start")
            self.problem.setText(self.tr("密码不对，服务器拒绝登录，请重新输入。"))
            return
        except StorageError as error:  # unreachable, not a ledger, too new: no password helps
            log.info("cannot open the server ledger: %s", error)
            self.failure = error
            self.reject()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.db = db
        super().accept()


def ask_server_password(paths: AppPaths, *, saved_refused: bool = False) -> Database | None:
    """The ledger opened with a password the clerk typed; None when they chose 退出.
    ``saved_refused``: the server refused the password PGPASSWORD/PGPASSFILE gave (the dialog
    says so) rather than finding none.

    Raises the ``StorageError`` that no password can fix (the caller shows it and stops).
    """
    dialog = ServerPasswordDialog(paths, saved_refused=saved_refused)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.failure is not None:
            raise dialog.failure
        return dialog.db if accepted else None
    finally:
        dialog.deleteLater()
