"""How signing in fits into starting the GUI (called by ``app.ui.app``).

1. ``sign_in_at_start`` — before the main window exists: a ledger with accounts asks who is
   working; cancelling quits without showing anything.
2. ``start_session`` — once the main window is up: the idle lock, a 锁定 button (Ctrl+L) in the
   status bar, and on a ledger without accounts the offer to create the first administrator —
   once per ledger: it would otherwise cover Today at every start; later it is in 设置.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QToolButton

from app.resources import resource_path
from app.services import operators
from app.ui.auth.first_admin import FirstAdminDialog
from app.ui.auth.lock import IdleLock
from app.ui.auth.sign_in import SignInDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.settings_store import open_settings

log = logging.getLogger(__name__)

LOCK_SHORTCUT = "Ctrl+L"


def sign_in_at_start(ctx: UiContext) -> bool:
    """True when work may start: signed in, or a ledger without accounts (still open to all)."""
    if not operators.accounts_exist(ctx.db):
        return True
    dialog = SignInDialog(ctx)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def self_test_sign_in(ctx: UiContext) -> bool:
    """For ``gui --self-test`` on a ledger with accounts: build the sign-in dialog (so a broken
    one fails the test) without waiting for anyone. True when accounts exist."""
    if not operators.accounts_exist(ctx.db):
        return False
    dialog = SignInDialog(ctx)
    dialog.show()
    QApplication.processEvents()
    shown = dialog.isVisible()
    dialog.close()
    dialog.deleteLater()
    if not shown:
        raise RuntimeError("the sign-in dialog was not shown")
    return True


def start_session(ctx: UiContext, window: MainWindow) -> IdleLock:
    """Protect the open main window: idle lock, lock button and shortcut, first administrator."""
    lock = IdleLock(ctx, window)
    lock.setObjectName("idleLock")
    button = QToolButton()
    button.setObjectName("lockButton")
    button.setIcon(QIcon(str(resource_path("icons", "lock.svg"))))
    button.setText(QApplication.translate("auth_startup", "锁定"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.setToolTip(
        QApplication.translate("auth_startup", "离开电脑时锁定台账（{key}）").format(
            key=LOCK_SHORTCUT
        )
    )
    button.clicked.connect(lock.lock)
    button.setVisible(lock.can_lock())
    window.statusBar().addPermanentWidget(button)
    shortcut = QShortcut(QKeySequence(LOCK_SHORTCUT), window)
    shortcut.activated.connect(lock.lock)

    def signed_in(_info: operators.OperatorInfo) -> None:
        window.refresh_status()
        lock.reload_setting()
        button.setVisible(lock.can_lock())

    if not operators.accounts_exist(ctx.db) and not _first_admin_offered(ctx):
        _remember_first_admin_offered(ctx)
        QTimer.singleShot(0, lambda: offer_first_admin(ctx, window, signed_in))
    return lock


def _offered_key(ctx: UiContext) -> str:
    # Per ledger file: a new data folder (a real village after the demo) is offered again.
    ledger = hashlib.sha1(str(ctx.paths.database.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"auth/first_admin_offered_{ledger}"


def _first_admin_offered(ctx: UiContext) -> bool:
    return bool(open_settings().value(_offered_key(ctx), False, type=bool))


def _remember_first_admin_offered(ctx: UiContext) -> None:
    settings = open_settings()
    settings.setValue(_offered_key(ctx), True)
    settings.sync()


def offer_first_admin(
    ctx: UiContext,
    window: MainWindow,
    on_created: Callable[[operators.OperatorInfo], None] | None = None,
) -> None:
    """A window-modal, non-blocking dialog over the main window (it may be put off)."""
    if operators.accounts_exist(ctx.db):
        return
    dialog = FirstAdminDialog(ctx, window)
    dialog.setObjectName("firstAdminDialog")
    if on_created is not None:
        dialog.created.connect(on_created)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
