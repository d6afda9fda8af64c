"""The idle lock: it covers every window after the idle time, keeps every half-typed form, and
opens only with the same operator's password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.services import operators, reference
from app.services.access import Role
from app.ui.auth.lock import IdleLock, LockCover, UnlockDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.roster.person_dialog import PersonDialog
from tests.ui.auth_helpers import StartSession, start_session_fixture  # noqa: F401
from tests.ui.conftest import RecordedMessages

PASSWORD = "cunweihui-2022"


@pytest.fixture
def signed_in(ctx: UiContext) -> UiContext:
    operators.create_first_admin(ctx.db, "wangshuji", "王书记", PASSWORD)
    operators.create_account(ctx.db, "liming", "李明", "luru-12345", Role.CLERK)
    operators.sign_in(ctx.db, "wangshuji", PASSWORD)
    return ctx


@pytest.fixture
def lock(
    qtbot: QtBot, signed_in: UiContext, main_window: MainWindow, start_session: StartSession
) -> IdleLock:
    return start_session(signed_in, main_window)


def unlock_dialog(lock: IdleLock) -> UnlockDialog:
    assert lock.dialog is not None
    return lock.dialog


def test_idle_lock_keeps_the_half_typed_form(
    qtbot: QtBot, signed_in: UiContext, main_window: MainWindow, lock: IdleLock
) -> None:
    form = PersonDialog(signed_in, main_window)
    form.open()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.name)
    qtbot.keyClicks(form.name, "ZhangSan")
    title = form.windowTitle()

    lock.set_interval_ms(30)  # the test hook: 30 ms instead of 10 minutes
    qtbot.waitUntil(lock.is_locked)
    lock.set_interval_ms(0)  # or it locks again 30 ms after unlocking

    dialog = unlock_dialog(lock)
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert set(lock.covered_windows()) == {main_window, form}
    for window in (main_window, form):
        cover = window.findChild(LockCover)
        assert cover is not None and cover.isVisible()
        assert cover.geometry() == window.rect()  # nothing of the window shows
        assert window.windowTitle() == "已锁定 — 防疫台账"
    assert form.isVisible()  # covered, not closed: its exec()/open() goes on

    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert lock.is_locked()
    assert dialog.problem.text() == "账号或密码不正确（再错 4 次将暂停登录）。"

    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)  # Esc does not unlock
    assert lock.is_locked() and dialog.isVisible()

    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not lock.is_locked()
    assert form.isVisible() and form.name.text() == "ZhangSan"
    assert form.windowTitle() == title
    assert form.findChild(LockCover) is None or not form.findChild(LockCover).isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.name)
    form.reject()


def test_only_the_signed_in_operator_unlocks(
    qtbot: QtBot, signed_in: UiContext, lock: IdleLock
) -> None:
    lock.lock()
    dialog = unlock_dialog(lock)
    assert dialog.who.text() == "请输入 王书记（wangshuji） 的密码解锁。"
    dialog.password.setText("luru-12345")  # the clerk's password does not open the admin's lock
    dialog.try_unlock()
    assert lock.is_locked()
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    assert not lock.is_locked()


def test_ctrl_l_and_the_status_bar_button_lock_at_once(
    qtbot: QtBot, main_window: MainWindow, lock: IdleLock
) -> None:
    button = main_window.findChild(QToolButton, "lockButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert lock.is_locked()
    unlock_dialog(lock).password.setText(PASSWORD)
    unlock_dialog(lock).try_unlock()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked()


def test_a_window_opened_while_locked_is_covered_too(
    qtbot: QtBot, signed_in: UiContext, main_window: MainWindow, lock: IdleLock
) -> None:
    lock.lock()
    late = PersonDialog(signed_in, main_window)  # e.g. a message of a job that just ended
    late.show()
    qtbot.waitUntil(lambda: late in lock.covered_windows())
    assert late.findChild(LockCover).isVisible()
    late.reject()


def test_the_idle_time_is_the_setting_and_0_never_locks(
    qtbot: QtBot, signed_in: UiContext, lock: IdleLock
) -> None:
    assert lock.timer.interval() == 10 * 60_000 and lock.timer.isActive()
    reference.write_setting(signed_in.db, Settings.IDLE_LOCK_MINUTES, 0)
    signed_in.events.settings_changed.emit()
    assert not lock.timer.isActive()
    reference.write_setting(signed_in.db, Settings.IDLE_LOCK_MINUTES, 3)
    signed_in.events.settings_changed.emit()
    assert lock.timer.interval() == 3 * 60_000 and lock.timer.isActive()


def test_without_accounts_nothing_locks(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, start_session: StartSession
) -> None:
    lock = start_session(ctx, main_window)
    lock.lock()
    assert not lock.is_locked()  # there would be nobody to unlock as


def test_quitting_from_the_lock_screen_asks_first(
    qtbot: QtBot, lock: IdleLock, messages: RecordedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    lock.lock()
    messages.confirm_answer = False
    unlock_dialog(lock).quit_app()
    assert quits == [] and lock.is_locked()
    messages.confirm_answer = True
    unlock_dialog(lock).quit_app()
    assert quits == [True]
    assert messages.of_kind("confirm") == ["退出程序会丢失尚未保存的输入。确定退出吗？"] * 2


def test_what_the_unlock_dialog_opens_is_not_covered(
    qtbot: QtBot, main_window: MainWindow, lock: IdleLock
) -> None:
    lock.lock()
    question = QMessageBox(unlock_dialog(lock))  # e.g. 退出程序's "are you sure?"
    question.setText("确定退出吗？")
    question.show()
    qtbot.waitExposed(question)
    assert question not in lock.covered_windows()
    assert question.findChild(LockCover) is None
    question.close()
