"""run_in_background: result, error and progress reach the main thread; errors find their tier."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.log import setup_logging
from app.models.validation import ValidationError
from app.services.errors import Conflict
from app.ui import worker
from app.ui.worker import Cancelled, run_in_background
from tests.ui.conftest import RecordedCrashes, RecordedMessages


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def add(a: int, b: int) -> int:
    return a + b


def counting(total: int, *, progress: Callable[[int, int], None]) -> str:
    for done in range(1, total + 1):
        progress(done, total)
    return "数完了"


@pytest.mark.usefixtures("synchronous_worker")
def test_synchronous_mode_delivers_result_and_progress_immediately(parent: QWidget) -> None:
    results: list[object] = []
    reports: list[tuple[int, int]] = []
    run_in_background(parent, add, 2, 3, on_done=results.append)
    assert results == [5]
    run_in_background(
        parent, counting, 3, on_done=results.append, on_progress=lambda *r: reports.append(r)
    )
    assert results == [5, "数完了"]
    assert reports == [(1, 3), (2, 3), (3, 3)]


def test_threaded_result_arrives_in_the_main_thread(qtbot: QtBot, parent: QWidget) -> None:
    ran_in: list[threading.Thread] = []
    delivered_in: list[threading.Thread] = []
    results: list[int] = []

    def work(a: int, b: int) -> int:
        ran_in.append(threading.current_thread())
        return a * b

    def done(value: int) -> None:
        delivered_in.append(threading.current_thread())
        results.append(value)

    run_in_background(parent, work, 6, 7, on_done=done)
    qtbot.waitUntil(lambda: results == [42])
    assert ran_in[0] is not threading.main_thread()
    assert delivered_in == [threading.main_thread()]


def test_threaded_progress_is_reported_in_order(qtbot: QtBot, parent: QWidget) -> None:
    reports: list[tuple[int, int]] = []
    results: list[str] = []
    run_in_background(
        parent,
        counting,
        4,
        on_done=results.append,
        on_progress=lambda done, total: reports.append((done, total)),
        progress_label="正在数数…",
    )
    qtbot.waitUntil(lambda: results == ["数完了"])
    assert reports == [(1, 4), (2, 4), (3, 4), (4, 4)]
    dialog = parent.findChild(QProgressDialog)
    assert dialog is None or not dialog.isVisible()


def test_expected_error_goes_to_on_error(qtbot: QtBot, parent: QWidget) -> None:
    errors: list[BaseException] = []

    def refuse() -> None:
        raise Conflict("这个人今天上午的体温已经登记过了。")

    run_in_background(parent, refuse, on_done=lambda _v: None, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], Conflict)


@pytest.mark.parametrize(
    "error",
    [
        Conflict("身份证号已登记。"),
        ValidationError("体温", "应在 34.0 到 43.0 之间。"),
    ],
)
def test_expected_error_without_handler_is_a_message_not_a_crash(
    qtbot: QtBot,
    parent: QWidget,
    messages: RecordedMessages,
    crashes: RecordedCrashes,
    error: Exception,
) -> None:
    def refuse() -> None:
        raise error

    run_in_background(parent, refuse, on_done=lambda _v: None)
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert messages == [("error", str(error))]
    assert crashes == []


def test_unexpected_error_goes_to_the_crash_dialog_and_the_log(
    qtbot: QtBot,
    parent: QWidget,
    paths: AppPaths,
    messages: RecordedMessages,
    crashes: RecordedCrashes,
) -> None:
    log_file = setup_logging(paths)
    handled: list[BaseException] = []

    def buggy() -> None:
        raise KeyError("missing_column")

    run_in_background(parent, buggy, on_done=lambda _v: None, on_error=handled.append)
    qtbot.waitUntil(lambda: len(crashes) == 1)
    assert handled == []  # on_error is only for expected failures
    assert messages == []
    assert "KeyError: 'missing_column'" in crashes[0]
    assert "in buggy" in crashes[0]  # the worker thread's traceback survives
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in text
    assert "KeyError: 'missing_column'" in text
    crashes.clear()


def test_progress_keyword_is_only_passed_to_functions_that_accept_it() -> None:
    assert worker._accepts_progress(counting)
    assert not worker._accepts_progress(add)
    assert not worker._accepts_progress(print)


def test_progress_dialog_waits_half_a_second_then_appears(qtbot: QtBot, parent: QWidget) -> None:
    release = threading.Event()
    results: list[str] = []

    def slow() -> str:
        release.wait(10)
        return "好了"

    run_in_background(parent, slow, on_done=results.append, progress_label="正在导出…")
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    assert dialog.minimumDuration() == 500
    assert not dialog.isVisible()
    assert dialog.labelText() == "正在导出…"
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: results == ["好了"])
    assert not _alive(dialog) or not dialog.isVisible()


def test_cancel_stops_the_work_at_its_next_progress_report(
    qtbot: QtBot, parent: QWidget, messages: RecordedMessages
) -> None:
    started = threading.Event()
    release = threading.Event()
    reached_end: list[bool] = []
    results: list[object] = []
    errors: list[BaseException] = []

    def long_import(*, progress: Callable[[int, int], None]) -> str:
        started.set()
        release.wait(10)
        try:
            progress(1, 2)
        except Cancelled:
            reached_end.append(False)
            raise
        reached_end.append(True)
        return "导入完成"

    run_in_background(
        parent,
        long_import,
        on_done=results.append,
        on_error=errors.append,
        progress_label="正在导入…",
        cancellable=True,
    )
    qtbot.waitUntil(started.is_set)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "取消"
    cancel_button.click()
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: reached_end == [False])
    qtbot.wait(0)
    assert results == []
    assert errors == []
    assert messages == []


def test_callbacks_are_dropped_when_the_parent_is_gone(qtbot: QtBot) -> None:
    release = threading.Event()
    results: list[str] = []
    parent = QWidget()

    def slow() -> str:
        release.wait(10)
        return "晚了"

    run_in_background(parent, slow, on_done=results.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(0)
    assert results == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import Shiboken

    return Shiboken.isValid(widget)
