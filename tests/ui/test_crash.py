"""Two tiers of errors: expected failures are messages; bugs are logged and get a crash dialog."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import Qt, qInfo
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.db import DatabaseDamaged
from app.instance_lock import DataDirInUse
from app.log import setup_logging
from app.models.validation import ValidationError
from app.services.errors import NotFound, ServiceError
from app.ui import crash
from app.ui.crash import CrashDialog, is_expected_error
from tests.ui.conftest import RecordedCrashes, RecordedMessages


class ValidationErrorElsewhere(ValueError):
    """Same name as ours but from another package: a bug, not a message for the clerk."""


LEFT = Qt.MouseButton.LeftButton

ValidationErrorElsewhere.__name__ = "ValidationError"
ValidationErrorElsewhere.__module__ = "pydantic"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ServiceError("不行"), True),
        (NotFound("找不到这个人"), True),
        (ValidationError("身份证号", "校验位不对"), True),
        (DatabaseDamaged("台账文件已损坏"), True),
        (DataDirInUse("台账正被另一个防疫台账程序使用"), True),
        (ValueError("bad"), False),
        (KeyError("x"), False),
        (ValidationErrorElsewhere("x"), False),
    ],
)
def test_expected_errors_are_told_apart_from_bugs(error: Exception, expected: bool) -> None:
    assert is_expected_error(error) is expected


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
