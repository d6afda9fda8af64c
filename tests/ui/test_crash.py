"""Two tiers of errors: expected failures are messages; bugs are logged and get a crash dialog."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt, qInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.log import setup_logging
from app.services.errors import NotFound
from app.ui import crash
from app.ui.crash import CrashDialog
from app.ui.messages import refusal_shown
from tests.helpers.expected_errors import BUGS, EXPECTED, label
from tests.ui.conftest import RecordedCrashes, RecordedMessages

LEFT = Qt.MouseButton.LeftButton


@pytest.mark.parametrize("error", EXPECTED, ids=label)
def test_every_expected_error_reaching_the_top_is_one_message(
    error: Exception, crashes: RecordedCrashes, messages: RecordedMessages
) -> None:
    crash.report_exception(error)
    assert messages == [("error", str(error))]
    assert crashes == []


@pytest.mark.parametrize("error", BUGS, ids=label)
@pytest.mark.usefixtures("qapp")
def test_anything_else_goes_to_the_crash_dialog(
    error: Exception, crashes: RecordedCrashes, messages: RecordedMessages
) -> None:
    crash.report_exception(error)
    assert len(crashes) == 1
    assert messages == []
    crashes.clear()


@pytest.fixture
def button(qtbot: QtBot) -> QPushButton:
    widget = QPushButton("点我")
    qtbot.addWidget(widget)
    return widget


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_crash_dialog_and_is_logged(
    qtbot: QtBot,
    button: QPushButton,
    paths: AppPaths,
    crashes: RecordedCrashes,
    messages: RecordedMessages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log_file = setup_logging(paths)
    monkeypatch.setattr(sys, "excepthook", crash.excepthook)

    def broken_slot() -> None:
        raise RuntimeError("按钮坏了")

    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, LEFT)
    assert len(crashes) == 1
    assert "RuntimeError: 按钮坏了" in crashes[0]
    assert "broken_slot" in crashes[0]
    assert messages == []
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: 按钮坏了" in logged
    assert "Traceback" in logged
    crashes.clear()


@pytest.mark.qt_no_exception_capture
def test_expected_error_escaping_a_slot_is_a_message(
    qtbot: QtBot,
    button: QPushButton,
    crashes: RecordedCrashes,
    messages: RecordedMessages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", crash.excepthook)

    def refusing_slot() -> None:
        raise NotFound("找不到这条体温记录，可能已被删除。")

    button.clicked.connect(refusing_slot)
    qtbot.mouseClick(button, LEFT)
    assert messages == [("error", "找不到这条体温记录，可能已被删除。")]
    assert crashes == []


def test_crash_dialog_is_never_shown_twice_at_once(
    crashes: RecordedCrashes, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def show_and_fail_again(details: str, _log_file: object) -> bool:
        shown.append(details)
        crash.report_exception(RuntimeError("while the dialog is up"))
        return False

    monkeypatch.setattr(crash, "show_crash_dialog", show_and_fail_again)
    crash.report_exception(RuntimeError("first"))
    assert len(shown) == 1
    assert "first" in shown[0]
    crash.report_exception(RuntimeError("later, after the dialog closed"))
    assert len(shown) == 2


def test_choosing_quit_exits_the_event_loop(
    crashes: RecordedCrashes, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    crashes.wants_quit = True
    crash.report_exception(RuntimeError("boom"))
    assert exits == [1]
    crashes.clear()


def test_crash_dialog_details_are_copyable(qtbot: QtBot, paths: AppPaths) -> None:
    log_file = paths.logs / "fangyi-ledger.log"
    dialog = CrashDialog("Traceback …\nRuntimeError: 坏了", log_file)
    qtbot.addWidget(dialog)
    assert dialog.details.isReadOnly()
    assert dialog.windowTitle() == "程序出错"
    assert [
        dialog.copy_button.text(),
        dialog.continue_button.text(),
        dialog.quit_button.text(),
    ] == [
        "复制",
        "继续",
        "退出",
    ]
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QApplication.clipboard().text() == "Traceback …\nRuntimeError: 坏了"
    assert any(str(log_file) in label.text() for label in dialog.findChildren(QLabel))


def test_qt_messages_go_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    crash.install_qt_message_handler()
    with caplog.at_level(logging.INFO, logger="qt"):
        qInfo("来自 Qt 的消息")
    assert ("qt", logging.INFO, "来自 Qt 的消息") in caplog.record_tuples


def test_a_forgotten_modal_dialog_fails_the_test_instead_of_hanging() -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from tests.ui.conftest import BlockingDialogInTest

    with pytest.raises(BlockingDialogInTest):
        QFileDialog.getSaveFileName(None, "保存", "", "*.xlsx")
    with pytest.raises(BlockingDialogInTest):
        QDialog().exec()


@pytest.mark.parametrize("error", EXPECTED, ids=label)
def test_a_refusal_inside_refusal_shown_is_a_message_box(
    error: Exception, button: QPushButton, messages: RecordedMessages
) -> None:
    reached_the_end: list[bool] = []
    with refusal_shown(button) as refused:
        raise error
        reached_the_end.append(True)
    assert refused.error is error
    assert messages == [("error", str(error))]
    assert reached_the_end == []


def test_refusal_shown_can_put_the_sentence_on_a_label(messages: RecordedMessages) -> None:
    shown: list[str] = []
    with refusal_shown(shown.append) as refused:
        raise NotFound("找不到这个人")
    assert bool(refused)
    assert shown == ["找不到这个人"]
    assert messages == []


def test_refusal_shown_lets_a_bug_through_and_stays_false_without_one(
    button: QPushButton, messages: RecordedMessages
) -> None:
    with refusal_shown(button) as refused:
        pass
    assert not refused
    with pytest.raises(RuntimeError), refusal_shown(button):
        raise RuntimeError("按钮坏了")
    assert messages == []
