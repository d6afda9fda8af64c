"""GUI test fixtures: a UiContext on the per-test database, a shown main window, recorded messages
and crash dialogs (nothing can block), a temp QSettings file, and a synchronous worker switch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.db import Database
from app.log import teardown_logging
from app.ui import crash, settings_store, worker
from app.ui import messages as ui_messages
from app.ui.context import UiContext
from app.ui.i18n import install_translators, remove_translators
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES, PageSpec
from app.ui.pages.base import BasePage, page_heading, standard_layout

UI_TESTS = Path(__file__).resolve().parent

# Qt's offscreen platform (not our code) warns whenever a shown window's size constraints change,
# e.g. when a dialog's layout sets its minimum size, and when a popup (a completer's list) is
# raised or grabs the keyboard. Under a real platform there is no warning.
OFFSCREEN_NOISE = (
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class RecordedMessages(list[tuple[str, str]]):
    """Messages the code showed, as ``(kind, text)``; ``confirm_answer`` answers ``ask_confirm``."""

    confirm_answer: bool = True

    def of_kind(self, kind: str) -> list[str]:
        return [text for recorded_kind, text in self if recorded_kind == kind]


class RecordedCrashes(list[str]):
    """Details text of every crash dialog the code tried to show."""

    wants_quit: bool = False


@pytest.fixture(autouse=True)
def ui_settings_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "ui-settings.ini"
    settings_store.use_settings_file(path)
    yield path
    settings_store.use_settings_file(None)


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> RecordedMessages:
    recorded = RecordedMessages()

    def present(
        kind: ui_messages.MessageKind,
        _parent: object,
        text: str,
        *,
        title: str | None = None,
        wait: bool = False,
    ) -> bool:
        recorded.append((str(kind), text))
        return recorded.confirm_answer if kind is ui_messages.MessageKind.CONFIRM else True

    monkeypatch.setattr(ui_messages, "present", present)
    return recorded


class BlockingDialogInTest(AssertionError):
    """A test reached a modal dialog that would wait for a person forever."""


# Qt's static dialogs and ``exec()`` run a nested event loop that waits for a click; in a test that
# is a hang that even pytest-timeout cannot interrupt (no Python runs inside Qt's loop). Patch the
# dialog in the test (``monkeypatch.setattr(MyDialog, "exec", ...)``,
# ``monkeypatch.setattr(QFileDialog, "getSaveFileName", ...)``) — a test-level patch wins over this.
_BLOCKING_STATICS = {
    QFileDialog: (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getOpenFileUrl",
        "getSaveFileUrl",
    ),
    QMessageBox: ("question", "information", "warning", "critical", "about"),
    QInputDialog: ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"),
}
_BLOCKING_EXEC = (QDialog, QMessageBox, QFileDialog, QInputDialog)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(what: str) -> Callable[..., object]:
        def blocked(*_args: object, **_kwargs: object) -> object:
            raise BlockingDialogInTest(f"{what} would wait forever in a test: monkeypatch it")

        return blocked

    for cls, names in _BLOCKING_STATICS.items():
        for name in names:
            monkeypatch.setattr(cls, name, staticmethod(refuse(f"{cls.__name__}.{name}()")))
    for cls in _BLOCKING_EXEC:
        monkeypatch.setattr(cls, "exec", refuse(f"{cls.__name__}.exec()"))


@pytest.fixture(autouse=True)
def crashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordedCrashes]:
    """Crash dialogs are recorded, never shown; a test that expects one must ``clear()`` it."""
    recorded = RecordedCrashes()

    def show(details: str, _log_file: Path | None) -> bool:
        recorded.append(details)
        return recorded.wants_quit

    monkeypatch.setattr(crash, "show_crash_dialog", show)
    yield recorded
    assert not recorded, "unexpected crash dialog:\n" + "\n".join(recorded)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    teardown_logging()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def drain_thread_pool() -> Iterator[None]:
    """No background job outlives its test (and its temp database)."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def synchronous_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "SYNCHRONOUS", True)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English interface (the compiled .qm files) for one test."""
    install_translators(qapp, "en")
    yield
    remove_translators(qapp)


@pytest.fixture
def ctx(db: Database) -> UiContext:
    return UiContext.for_database(db)


@pytest.fixture
def main_window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    """The real main window with the real pages (for page tests that need the shell)."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


class StandInPage(BasePage):
    """A page with the registry's title and nothing else: shell tests do not depend on pages."""

    def __init__(self, ctx: UiContext, spec: PageSpec) -> None:
        super().__init__(ctx)
        self._spec = spec
        standard_layout(self).addWidget(page_heading(self.title))

    @property
    def title(self) -> str:
        return self._spec.translated_title()


def stand_in_pages() -> list[PageSpec]:
    """The registry (same keys, titles, icons, order) with stand-in pages."""
    return [
        PageSpec(spec.key, spec.title, spec.icon, partial(StandInPage, spec=spec)) for spec in PAGES
    ]


@pytest.fixture
def shell_window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    """The main window on stand-in pages: tests the shell itself."""
    window = MainWindow(ctx, pages=stand_in_pages())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
