"""Starting the GUI: self-test, ledgers that cannot be opened, first-run profile, auto-backup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.config import AppPaths, Settings
from app.db import Database
from app.models import Setting, UnitProfile
from app.ui import app as gui
from app.ui.app import run_gui
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES, PageSpec
from app.ui.unit_profile_dialog import UnitProfileDialog
from tests.ui.conftest import RecordedMessages, stand_in_pages


def test_self_test_opens_every_page_and_returns_0(
    qapp: QApplication, paths: AppPaths, messages: RecordedMessages, capsys: pytest.CaptureFixture
) -> None:
    assert run_gui(paths, self_test=True) == 0
    assert f"self-test passed: {len(PAGES)} pages" in capsys.readouterr().out
    assert messages == []  # no first-run dialog, no message box
    assert paths.database.is_file()
    assert not list(paths.backups.glob("自动备份-*"))  # self-test writes nothing but the ledger


def test_self_test_fails_with_1_when_a_page_breaks(
    qapp: QApplication,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    def broken(_ctx: UiContext) -> object:
        raise RuntimeError("page factory broke")

    broken_pages = [
        PageSpec("settings", "设置", "settings", broken) if spec.key == "settings" else spec
        for spec in stand_in_pages()
    ]
    monkeypatch.setattr("app.ui.pages.PAGES", broken_pages)
    monkeypatch.setattr("app.ui.main_window.PAGES", broken_pages)
    assert run_gui(paths, self_test=True) == 1
    assert "RuntimeError: page factory broke" in capsys.readouterr().err


def test_damaged_ledger_is_refused_with_a_message_and_left_untouched(
    qapp: QApplication, paths: AppPaths, messages: RecordedMessages
) -> None:
    paths.ensure()
    garbage = b"this is not a SQLite database \x00\x01\x02" * 100
    paths.database.write_bytes(garbage)
    assert run_gui(paths) == 2
    assert len(messages) == 1
    kind, text = messages[0]
    assert kind == "error"
    assert "台账文件已损坏，未做任何改动" in text
    assert paths.database.read_bytes() == garbage
    assert not list(paths.backups.iterdir())


def test_damaged_ledger_in_self_test_goes_to_stderr(
    qapp: QApplication,
    paths: AppPaths,
    messages: RecordedMessages,
    capsys: pytest.CaptureFixture,
) -> None:
    paths.ensure()
    paths.database.write_bytes(b"garbage" * 500)
    assert run_gui(paths, self_test=True) == 2
    assert "台账文件已损坏" in capsys.readouterr().err
    assert messages == []


def test_ledger_in_use_by_another_window_is_refused(
    qapp: QApplication, db: Database, paths: AppPaths, messages: RecordedMessages
) -> None:
    assert run_gui(paths) == 2
    assert len(messages) == 1
    assert "正被另一个防疫台账程序使用" in messages[0][1]


def test_start_backs_up_and_asks_for_the_unit_profile_on_first_run(
    qapp: QApplication, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[UiContext] = []

    def ask(ctx: UiContext, _window: object) -> None:
        asked.append(ctx)
        QApplication.quit()

    monkeypatch.setattr(gui, "_ask_unit_profile", ask)
    assert run_gui(paths) == 0
    assert len(asked) == 1
    assert len(list(paths.backups.glob("自动备份-*.sqlite3"))) == 1


def test_start_without_backup_when_the_setting_says_so(
    qapp: QApplication, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Database.open(paths) as database, database.session() as session:
        session.merge(Setting(key=Settings.BACKUP_ON_START.key, value="0"))
        session.get(UnitProfile, 1).unit_name = "东关村"
    asked: list[object] = []
    monkeypatch.setattr(gui, "_ask_unit_profile", lambda *a: asked.append(a))
    build = gui.create_main_window

    def build_then_quit(ctx: UiContext) -> MainWindow:
        # Queued once the main window exists: the start-up shell has already painted by then.
        QTimer.singleShot(0, QApplication.quit)
        return build(ctx)

    monkeypatch.setattr(gui, "create_main_window", build_then_quit)
    assert run_gui(paths) == 0
    assert asked == []  # the profile is filled in
    assert not list(paths.backups.glob("自动备份-*.sqlite3"))


def fill(dialog: UnitProfileDialog, **values: str) -> None:
    for column, text in values.items():
        editor = dialog.editors[column]
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def test_unit_profile_dialog_saves_row_1_and_announces_it(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = UnitProfileDialog(ctx)
    qtbot.addWidget(dialog)
    fill(
        dialog,
        unit_name="城关镇东关村村民委员会",
        township="城关镇",
        reporter="李会计",
        phone="13800000000",
        reviewer="王书记",
    )
    with qtbot.waitSignal(ctx.events.settings_changed):
        dialog.accept()
    assert dialog.result() == UnitProfileDialog.DialogCode.Accepted
    with ctx.db.reading() as session:
        profile = session.get(UnitProfile, 1)
        assert (profile.unit_name, profile.township, profile.reporter) == (
            "城关镇东关村村民委员会",
            "城关镇",
            "李会计",
        )
        assert (profile.phone, profile.reviewer) == ("13800000000", "王书记")


def test_unit_profile_dialog_requires_the_unit_name(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = UnitProfileDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, unit_name="  ", reporter="李会计")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "请填写填报单位。"
    with ctx.db.reading() as session:
        assert session.get(UnitProfile, 1).reporter == ""


def test_cancelled_unit_profile_is_asked_again(qtbot: QtBot, ctx: UiContext) -> None:
    from app.ui.unit_profile_dialog import unit_profile_is_empty

    dialog = UnitProfileDialog(ctx)
    qtbot.addWidget(dialog)
    fill(dialog, unit_name="东关村")
    dialog.reject()
    assert unit_profile_is_empty(ctx)
