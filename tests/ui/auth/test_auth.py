"""Signing in at start (before any data is shown), the first administrator, the self-test with
accounts, and the 账号与隐私 settings tab."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QToolButton
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.db import Database
from app.services import operators, privacy
from app.services.access import Actor, Role, actor
from app.ui import app as gui
from app.ui.app import run_gui
from app.ui.auth.accounts import AccountsModel, AccountsWidget
from app.ui.auth.first_admin import FirstAdminDialog
from app.ui.auth.sign_in import SignInDialog, last_username
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from tests.ui.auth_helpers import StartSession, start_session_fixture  # noqa: F401
from tests.ui.conftest import RecordedMessages

ADMIN = ("wangshuji", "村委会2022!")
CLERK = ("liming", "luru-12345")


def with_accounts(db: Database) -> None:
    operators.create_first_admin(db, ADMIN[0], "王书记", ADMIN[1])
    operators.create_account(db, CLERK[0], "李明", CLERK[1], Role.CLERK)


# --- at start -----------------------------------------------------------------------------------


def answer_sign_in(
    monkeypatch: pytest.MonkeyPatch, account: tuple[str, str] | None
) -> list[SignInDialog]:
    """Replace the modal wait of the sign-in dialog by a clerk typing ``account`` (None: 退出)."""
    shown: list[SignInDialog] = []

    def exec_(dialog: SignInDialog) -> int:
        shown.append(dialog)
        if account is None:
            dialog.reject()
        else:
            dialog.username.setText(account[0])
            dialog.password.setText(account[1])
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    return shown


def record_main_windows(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Role]]:
    """Who the ledger worked as when the main window (the first data on screen) was built."""
    built: list[tuple[str, Role]] = []
    original: Callable[[UiContext], MainWindow] = gui.create_main_window

    def create(ctx: UiContext) -> MainWindow:
        built.append((ctx.db.operator, actor(ctx.db).role))
        QTimer.singleShot(0, QApplication.quit)
        return original(ctx)

    monkeypatch.setattr(gui, "create_main_window", create)
    return built


def test_a_ledger_with_accounts_signs_in_before_showing_anything(
    qapp: QApplication, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(paths) as db:
        with_accounts(db)
    shown = answer_sign_in(monkeypatch, ("LiMing", CLERK[1]))
    built = record_main_windows(monkeypatch)
    monkeypatch.setattr(gui, "_ask_unit_profile", lambda *_args: None)

    assert run_gui(paths) == 0
    assert len(shown) == 1
    assert built == [("李明", Role.CLERK)]
    assert last_username() == "liming"  # typed once, offered next time


def test_quitting_at_the_sign_in_shows_no_data(
    qapp: QApplication, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(paths) as db:
        with_accounts(db)
    answer_sign_in(monkeypatch, None)
    built = record_main_windows(monkeypatch)
    assert run_gui(paths) == 0
    assert built == []


def test_self_test_with_accounts_builds_the_sign_in_and_waits_for_nobody(
    qapp: QApplication,
    paths: AppPaths,
    messages: RecordedMessages,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Database.open(paths) as db:
        with_accounts(db)
    built = record_main_windows(monkeypatch)
    assert run_gui(paths, self_test=True) == 0
    assert "self-test passed: sign-in dialog" in capsys.readouterr().out
    assert built == []  # no page opened without a password
    assert messages == []


def test_wrong_passwords_keep_the_dialog_open_and_then_count_down(
    qtbot: QtBot, ctx: UiContext
) -> None:
    with_accounts(ctx.db)
    dialog = SignInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(CLERK[0])
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.signed_in is None
    assert dialog.problem.text() == "账号或密码不正确（再错 4 次将暂停登录）。"
    assert dialog.password.text() == "" and dialog.username.text() == CLERK[0]
    for _ in range(4):
        dialog.password.setText("wrong-one")
        dialog.accept()
    assert dialog.problem.text() == "密码连续输错次数过多，请 30 秒后再试。"
    assert not dialog.sign_in_button.isEnabled()
    dialog.password.setText(CLERK[1])
    dialog.accept()  # Enter during the countdown does nothing
    assert dialog.isVisible() and actor(ctx.db).username is None


# --- the first administrator --------------------------------------------------------------------


def test_first_run_offers_the_administrator_over_the_main_window(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, start_session: StartSession
) -> None:
    start_session(ctx, main_window)
    assert not main_window.findChild(QToolButton, "lockButton").isVisible()  # nobody to unlock as
    qtbot.waitUntil(lambda: main_window.findChild(FirstAdminDialog) is not None)
    dialog = main_window.findChild(FirstAdminDialog)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal

    dialog.username.setText("WangShuji")
    dialog.display_name.setText("王书记")
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.accept()
    assert dialog.problem.text() == "密码至少要 8 位。"
    dialog.password.setText(ADMIN[1])
    dialog.repeat.setText("something else")
    dialog.accept()
    assert dialog.problem.text() == "两次输入的密码不一致。"
    assert not operators.accounts_exist(ctx.db)

    dialog.repeat.setText(ADMIN[1])
    dialog.accept()
    assert not dialog.isVisible()
    assert actor(ctx.db) == Actor("王书记", Role.ADMIN, "wangshuji")
    assert main_window.operator_label.text() == "操作员：王书记"
    assert main_window.findChild(QToolButton, "lockButton").isVisible()  # now it can lock


def test_the_first_administrator_can_be_put_off(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, start_session: StartSession
) -> None:
    start_session(ctx, main_window)
    qtbot.waitUntil(lambda: main_window.findChild(FirstAdminDialog) is not None)
    dialog = main_window.findChild(FirstAdminDialog)
    dialog.reject()
    assert not operators.accounts_exist(ctx.db)
    assert actor(ctx.db).role is Role.ADMIN  # still open to all, as before accounts


def test_the_first_administrator_is_offered_once_then_waits_in_settings(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, start_session: StartSession
) -> None:
    start_session(ctx, main_window)
    qtbot.waitUntil(lambda: main_window.findChild(FirstAdminDialog) is not None)
    main_window.findChild(FirstAdminDialog).reject()
    qtbot.waitUntil(lambda: main_window.findChild(FirstAdminDialog) is None)

    start_session(ctx, main_window)  # the next start: Today is not covered again
    QApplication.processEvents()
    assert main_window.findChild(FirstAdminDialog) is None
    page = main_window.navigate("settings", "accounts")
    assert page.accounts.first_admin_button.isVisible()  # type: ignore[attr-defined]


# --- 设置 → 账号与隐私 ---------------------------------------------------------------------------


@pytest.fixture
def accounts_tab(qtbot: QtBot, ctx: UiContext, main_window: MainWindow) -> AccountsWidget:
    page = main_window.navigate("settings", "accounts")
    widget = page.accounts  # type: ignore[attr-defined]
    assert page.tabs.currentWidget() is widget  # type: ignore[attr-defined]
    return widget


def test_accounts_model_passes_the_model_tester(qtmodeltester, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    with_accounts(ctx.db)
    model = AccountsModel()
    model.set_accounts(operators.accounts(ctx.db))
    qtmodeltester.check(model)


def test_an_administrator_adds_and_disables_a_clerk(
    qtbot: QtBot, ctx: UiContext, accounts_tab: AccountsWidget, messages: RecordedMessages
) -> None:
    operators.create_first_admin(ctx.db, ADMIN[0], "王书记", ADMIN[1])
    operators.sign_in(ctx.db, *ADMIN)
    accounts_tab.refresh()
    assert accounts_tab.who.text() == "当前登录：王书记（wangshuji，管理员）"

    qtbot.mouseClick(accounts_tab.add_button, Qt.MouseButton.LeftButton)
    dialog = accounts_tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("wangshuji")
    dialog.password.setText(CLERK[1])
    dialog.repeat.setText(CLERK[1])
    dialog.accept()
    assert dialog.problem.text() == "账号“wangshuji”已经存在。"  # the form keeps its typing
    dialog.username.setText(CLERK[0])
    dialog.display_name.setText("李明")
    dialog.accept()
    assert messages.of_kind("info") == ["已添加账号：liming（李明，录入员）。"]
    assert accounts_tab.selected().username == "liming"

    qtbot.mouseClick(accounts_tab.toggle_button, Qt.MouseButton.LeftButton)
    assert operators.account(ctx.db, "liming").active is False
    state = accounts_tab.proxy.index(accounts_tab.table.currentIndex().row(), 3)
    assert state.data() == "已停用"
    assert accounts_tab.toggle_button.text() == "启用(&E)"


def test_a_clerk_sees_the_accounts_but_cannot_manage_them(
    qtbot: QtBot, ctx: UiContext, accounts_tab: AccountsWidget
) -> None:
    with_accounts(ctx.db)
    operators.sign_in(ctx.db, *CLERK)
    accounts_tab.refresh()
    accounts_tab.table.selectRow(0)
    assert accounts_tab.model.rowCount() == 2
    assert not accounts_tab.add_button.isEnabled()
    assert not accounts_tab.reset_button.isEnabled()
    assert accounts_tab.admin_note.isVisibleTo(accounts_tab)
    assert not accounts_tab.save_masks_button.isEnabled()
    assert accounts_tab.own_password_button.isVisibleTo(accounts_tab)

    qtbot.mouseClick(accounts_tab.own_password_button, Qt.MouseButton.LeftButton)
    dialog = accounts_tab.dialog
    dialog.current.setText(CLERK[1])
    dialog.password.setText("another-pass-1")
    dialog.repeat.setText("another-pass-1")
    dialog.accept()
    assert not dialog.isVisible()
    assert operators.authenticate(ctx.db, CLERK[0], "another-pass-1").username == "liming"


def test_masking_defaults_are_chosen_per_report(
    qtbot: QtBot, ctx: UiContext, accounts_tab: AccountsWidget
) -> None:
    boxes = accounts_tab.mask_boxes
    # Every kind goes out masked until a 管理员 decides otherwise (privacy.EXPORT_POLICIES).
    assert {kind for kind, box in boxes.items() if box.isChecked()} == set(privacy.EXPORT_KINDS)
    assert boxes["daily"].text() == "日报表"
    for kind in ("daily", "assignments", "rounds-sheet", "audit"):
        boxes[kind].setChecked(False)
    boxes["vehicles"].setChecked(False)
    with qtbot.waitSignal(ctx.events.settings_changed):
        qtbot.mouseClick(accounts_tab.save_masks_button, Qt.MouseButton.LeftButton)
    assert privacy.masked_kinds(ctx.db) == {"roster", "temperatures", "tests"}
    assert accounts_tab.masks_status.text() == "已保存。"


def test_no_accounts_yet_says_so_and_offers_the_administrator(
    qtbot: QtBot, ctx: UiContext, accounts_tab: AccountsWidget
) -> None:
    assert "还没有账号" in accounts_tab.who.text()
    assert accounts_tab.first_admin_button.isVisibleTo(accounts_tab)
    qtbot.mouseClick(accounts_tab.first_admin_button, Qt.MouseButton.LeftButton)
    assert isinstance(accounts_tab.dialog, FirstAdminDialog)
    assert accounts_tab.dialog.result() == QDialog.DialogCode.Rejected  # open, not answered
