"""Starting the signed-in session in GUI tests without leaving its application-wide event filter
behind (pytest-qt closes the test's main window but does not delete it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from app.ui.auth import startup
from app.ui.auth.lock import IdleLock
from app.ui.context import UiContext
from app.ui.main_window import MainWindow

StartSession = Callable[[UiContext, MainWindow], IdleLock]


@pytest.fixture(name="start_session")
def start_session_fixture() -> Iterator[StartSession]:
    started: list[IdleLock] = []

    def start(ctx: UiContext, window: MainWindow) -> IdleLock:
        lock = startup.start_session(ctx, window)
        started.append(lock)
        return lock

    yield start
    for lock in started:
        lock.stop()
