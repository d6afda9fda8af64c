"""Where the main window goes on screen, and which page it opens on (per-user QSettings).

Shared by the start-up shell (``app/ui/startup_shell.py``), shown before the ledger is loaded, and
the main window that replaces it, so the second appears exactly where the first was. Qt only: the
shell imports this before SQLAlchemy is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.ui import settings_store

DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(1000, 600)
#: A screen this wide or narrower (1366×768, 1440×900 laptops) starts the window maximized.
SMALL_SCREEN_WIDTH = 1440

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
PAGE_KEY = "main_window/page"


def place(window: QMainWindow, *, with_state: bool = True) -> None:
    """Put ``window`` where the main window was last closed, or centred at the default size."""
    window.setMinimumSize(MINIMUM_SIZE)
    settings = settings_store.open_settings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None and window.restoreGeometry(geometry):
        state = settings.value(STATE_KEY)
        if with_state and state is not None:
            window.restoreState(state)
        return
    size = QSize(DEFAULT_SIZE)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:  # a 1366×768 laptop with a taskbar: leave room for the title bar
        available = screen.availableGeometry()
        size = size.boundedTo(QSize(available.width(), available.height() - 40))
        size = size.expandedTo(MINIMUM_SIZE)
        window.resize(size)  # also the size it returns to when un-maximized
        window.move(available.center() - window.rect().center())
        if MINIMUM_SIZE.width() <= available.width() <= SMALL_SCREEN_WIDTH:
            # The village laptop: the roster's columns (包保 last) need the whole width.
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(size)


def last_page(keys: list[str]) -> str | None:
    """The page the clerk left the main window on, else the first of ``keys``."""
    last = settings_store.open_settings().value(PAGE_KEY, "")
    if last in keys:
        return str(last)
    return keys[0] if keys else None
