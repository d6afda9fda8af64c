"""What the cold-start benchmark reads (``FANGYI_STARTUP_MARKER``, bench/startup.py).

Two lines on stdout: the marker once the first window (the start-up shell) is shown and painted,
then the marker and ``TODAY_SUFFIX`` once the main window's first page has its data on screen (on
Today: the day's numbers, which are gathered on the worker). What a clerk waits for is the second.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

TODAY_SUFFIX = "today"
_GIVE_UP_S = 600.0  # a first page that never loads: the benchmark reports the missing line
_WAKE_MS = 1000


def report_window_shown(app: QApplication, marker: str) -> None:
    app.processEvents()  # the window is laid out and painted
    print(marker, flush=True)


def report_first_page(app: QApplication, window: MainWindow, marker: str) -> None:
    app.processEvents()  # the first page is laid out and painted
    page = window.stack.currentWidget()
    give_up = time.monotonic() + _GIVE_UP_S
    # Sleeps until an event comes (the worker's result is one), as ``app.exec()`` does for the
    # clerk: a ``processEvents`` loop with a time limit never sleeps, and its spinning held the
    # GIL against the worker gathering the numbers. The timer only wakes it to give up.
    wake = QTimer()
    wake.start(_WAKE_MS)
    # Today keeps its last overview in ``current``; it is set when the numbers are shown.
    while getattr(page, "current", None) is None and time.monotonic() < give_up:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    wake.stop()
    if getattr(page, "current", None) is not None:
        app.processEvents()  # painted
        print(f"{marker} {TODAY_SUFFIX}", flush=True)
