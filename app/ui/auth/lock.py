"""自动锁定 — after N idle minutes every window is covered until the same operator's password.

Shared village-office laptops are left on the desk. The lock must hide what is on screen without
losing anything: an application-wide event filter restarts a timer on every key press and mouse
action; when it fires, every open window (the main window and any dialog, a half-typed person
form included) gets an opaque cover laid over it and its title hidden, and one application-modal
unlock dialog takes all input. Nothing is closed, hidden or cleared — a hidden ``QDialog`` would
end its ``exec()`` and lose the form — so after unlocking every window, every typed character and
the keyboard focus are where they were.

``Settings.IDLE_LOCK_MINUTES`` sets the delay (0: never); ``IdleLock.set_interval_ms`` is the test
hook. Without a signed-in account (a ledger with no accounts yet) there is nobody to unlock as,
so nothing locks.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.config import Settings
from app.resources import resource_path
from app.services import operators, reference
from app.services.access import actor
from app.services.operators import AccountLocked, Clock, SignInFailed
from app.ui import messages
from app.ui.auth.common import (
    RetryCountdown,
    enter_moves_on,
    heading_label,
    hint_label,
    password_edit,
    problem_label,
)
from app.ui.context import UiContext

log = logging.getLogger(__name__)

#: Input that counts as "someone is here".
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_SKIPPED_WINDOW_TYPES = (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen)


class LockCover(QWidget):
    """An opaque sheet over one window's contents while the app is locked."""

    def __init__(self, window: QWidget, *, main: bool) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "lock.svg"))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        if main:
            title = heading_label(self.tr("防疫台账已锁定"))
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(title)
            note = QLabel(self.tr("台账内容已隐藏。未保存的输入都还在，解锁后继续。"))
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addStretch(6)  # high up: the unlock dialog opens over the middle
        self.setGeometry(window.rect())
        self.raise_()
        self.show()


class UnlockDialog(QDialog):
    """The one window that takes input while locked: the locked operator's password."""

    unlocked = Signal()

    def __init__(
        self, ctx: UiContext, parent: QWidget | None, *, clock: Clock = operators.local_now
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clock = clock
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("已锁定 — 防疫台账"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # No close button: the only ways out are the password and 退出程序.
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.setMinimumWidth(380)
        who = f"{ctx.db.operator}（{actor(ctx.db).username}）"
        self.password = password_edit("unlockPassword")
        self.problem = problem_label()
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setObjectName("unlockButton")
        self.quit_button = buttons.addButton(
            self.tr("退出程序"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.quit_app)
        self.countdown = RetryCountdown(self.unlock_button, self.problem, self)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("已锁定")))
        self.who = hint_label(self.tr("请输入 {who} 的密码解锁。").format(who=who))
        layout.addWidget(self.who)
        layout.addWidget(self.password)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        enter_moves_on(buttons, [self.password], self.try_unlock)
        self.password.setFocus()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        username = actor(self.ctx.db).username or ""
        try:
            operators.authenticate(self.ctx.db, username, self.password.text(), clock=self._clock)
        except AccountLocked as locked:
            self.password.clear()
            self.countdown.start(locked.seconds_left)
            return
        except SignInFailed as error:
            self.problem.setText(str(error))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.unlocked.emit()

    def quit_app(self) -> None:
        if not messages.ask_confirm(self, self.tr("退出程序会丢失尚未保存的输入。确定退出吗？")):
            return
        log.info("quit from the lock screen")
        QApplication.quit()

    # Esc and the window's close box must not unlock.
    def reject(self) -> None:
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


class IdleLock(QObject):
    """Locks the app after ``Settings.IDLE_LOCK_MINUTES`` without input; unlocks by password."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, ctx: UiContext, window: QWidget, *, clock: Clock = operators.local_now
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._clock = clock
        self.dialog: UnlockDialog | None = None
        self._covers: dict[QWidget, tuple[LockCover, str]] = {}
        self._focus: weakref.ref[QWidget] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.reload_setting()
        ctx.events.settings_changed.connect(self.reload_setting)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # Qt drops the filter when this object is destroyed

    # --- the delay --------------------------------------------------------------------------------

    def reload_setting(self) -> None:
        minutes = reference.read_setting(self.ctx.db, Settings.IDLE_LOCK_MINUTES)
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """0 switches the lock off (also the test hook: a few milliseconds)."""
        self.timer.stop()
        self.timer.setInterval(milliseconds)
        if milliseconds > 0 and not self.is_locked():
            self.timer.start()

    def stop(self) -> None:
        """Stop watching (the window it protects is going away; tests)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def is_locked(self) -> bool:
        return self.dialog is not None

    def can_lock(self) -> bool:
        # A backup restored from before accounts existed has nobody to unlock as.
        return bool(actor(self.ctx.db).username) and operators.accounts_exist(self.ctx.db)

    # --- watching for input -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            if not self.is_locked() and self.timer.interval() > 0:
                self.timer.start()
        elif self.is_locked() and isinstance(watched, QWidget):
            if kind == QEvent.Type.Resize and watched in self._covers:
                self._covers[watched][0].setGeometry(watched.rect())
            elif kind == QEvent.Type.Show and self._needs_cover(watched):
                self._cover(watched)  # e.g. a message box from a job that ended while locked
        return False

    # --- locking ----------------------------------------------------------------------------------

    def lock(self) -> None:
        """Cover every window and ask for the password (nothing happens without a signed-in
        account: there would be nobody to unlock as)."""
        if self.is_locked() or not self.can_lock():
            return
        log.info("locked (%s)", actor(self.ctx.db).username)
        self.timer.stop()
        focus = QApplication.focusWidget()
        self._focus = weakref.ref(focus) if focus is not None else None
        popup = QApplication.activePopupWidget()
        while popup is not None:  # a menu or completer list would float above the covers
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = next_popup if next_popup is not popup else None
        self.dialog = UnlockDialog(self.ctx, self.window, clock=self._clock)
        for widget in QApplication.topLevelWidgets():
            if self._needs_cover(widget):
                self._cover(widget)
        self.dialog.unlocked.connect(self.unlock)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked.emit()

    def _needs_cover(self, widget: QWidget) -> bool:
        return (
            widget.isWindow()
            and widget.isVisible()
            and widget not in self._covers
            and widget.windowType() not in _SKIPPED_WINDOW_TYPES
            and not isinstance(widget, LockCover)
            and not self._belongs_to_unlock_dialog(widget)
        )

    def _belongs_to_unlock_dialog(self, widget: QWidget) -> bool:
        """The unlock dialog, and what it opens (退出程序's confirmation), stay usable."""
        current: QWidget | None = widget
        while current is not None:
            if current is self.dialog:
                return True
            current = current.parentWidget()
        return False

    def _cover(self, window: QWidget) -> None:
        title = window.windowTitle()
        cover = LockCover(window, main=window is self.window)
        self._covers[window] = (cover, title)
        window.setWindowTitle(self.tr("已锁定 — 防疫台账"))  # a dialog's title may name someone

    def unlock(self) -> None:
        if self.dialog is None:
            return
        log.info("unlocked (%s)", actor(self.ctx.db).username)
        dialog, self.dialog = self.dialog, None
        dialog.hide()
        dialog.deleteLater()
        for window, (cover, title) in list(self._covers.items()):
            cover.hide()
            cover.deleteLater()
            window.setWindowTitle(title)
        self._covers.clear()
        focus = self._focus() if self._focus is not None else None
        self._focus = None
        if focus is not None and isValid(focus):  # the focused widget may be gone meanwhile
            _give_focus_back(focus)
            # Hiding the unlock dialog makes the window system activate its parent (the main
            # window) a moment later; ask again once that has happened.
            QTimer.singleShot(0, lambda: isValid(focus) and _give_focus_back(focus))
        if self.timer.interval() > 0:
            self.timer.start()
        self.unlocked.emit()

    def covered_windows(self) -> list[QWidget]:
        return list(self._covers)


def _give_focus_back(widget: QWidget) -> None:
    window = widget.window()
    window.raise_()
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
