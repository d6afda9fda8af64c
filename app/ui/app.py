"""Starting the GUI: application, fonts, language, the ledger, the main window.

A ledger that cannot be opened (in use, damaged, too new, unreadable) is explained in one message
box and the exit code is 2 — never a traceback. ``self_test=True`` opens every page and quits; it
is what the packaged build's smoke test runs, so it never waits on a dialog.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QThreadPool, QTimer
from PySide6.QtGui import QIcon, QSessionManager
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, APP_NAME_ZH, __version__, clock, startup_gc
from app.config import AppPaths, Settings
from app.log import setup_logging
from app.resources import resource_path
from app.shutdown import stop_signals
from app.ui import crash, fonts, messages, settings_store, window_place
from app.ui.i18n import install_translators, normalize_language, remove_translators
from app.ui.startup_probe import report_first_page, report_window_shown
from app.ui.startup_shell import StartupShell

# Everything that loads SQLAlchemy (the ledger, the services, the pages) is imported in ``_run``,
# after the start-up shell is on screen: that import is most of a cold start.
if TYPE_CHECKING:
    from app.services.ledger import Database
    from app.ui.context import UiContext
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CANNOT_OPEN = 2
#: When set, the app prints this variable's value once its first window is shown, and again once
#: Today has its numbers, then quits: the cold-start benchmark (bench/startup.py) times a real
#: start-up with it.
STARTUP_MARKER_ENV = "FANGYI_STARTUP_MARKER"
#: When the start-up is over and garbage collection resumes (app/startup_gc.py), from the moment
#: the clerk's event loop starts.
START_UP_OVER_MS = 3000


def run_gui(paths: AppPaths, *, self_test: bool = False, language: str | None = None) -> int:
    """Run the desktop app on ``paths``; returns the process exit code."""
    try:
        paths.ensure()
        setup_logging(paths)
    except OSError as error:
        _report_start_failure(
            QCoreApplication.translate("app", "无法使用数据目录 {path}：{error}").format(
                path=paths.data_dir, error=error
            ),
            self_test,
        )
        return EXIT_CANNOT_OPEN
    log.info("starting %s %s on %s", APP_NAME, __version__, paths.data_dir)
    app = _application()
    crash.install_qt_message_handler()
    chosen = normalize_language(language or settings_store.stored_language())
    install_translators(app, chosen)
    previous_hook = sys.excepthook
    previous_present = messages.present
    failures: list[BaseException] = []
    if self_test:
        sys.excepthook = _recording_hook(failures)
        messages.present = _print_message  # type: ignore[assignment]
    else:
        crash.install_excepthook()
    marker = os.environ.get(STARTUP_MARKER_ENV)
    shell = StartupShell()
    shell.show()
    if marker:
        report_window_shown(app, marker)
    else:
        app.processEvents()  # painted before the heavy imports keep the main thread busy
    guard = ShutdownGuard(app)  # before the ledger opens: a stop signal from now on closes it
    try:
        return _run(app, paths, self_test, failures, guard, shell, marker)
    finally:
        startup_gc.resume()  # every way out: a test or tool calling run_gui again gets it back
        shell.close()
        shell.deleteLater()
        guard.uninstall()
        sys.excepthook = previous_hook
        messages.present = previous_present  # type: ignore[assignment]
        remove_translators(app)


def create_main_window(ctx: UiContext) -> MainWindow:
    """The main window on an open ledger (tests and ``run_gui`` build it the same way)."""
    from app.ui.main_window import MainWindow

    _adopt_operator(ctx)
    return MainWindow(ctx)


def _run(
    app: QApplication,
    paths: AppPaths,
    self_test: bool,
    failures: list[BaseException],
    guard: ShutdownGuard,
    shell: StartupShell,
    marker: str | None,
) -> int:
    from app.instance_lock import DataDirInUse
    from app.services.ledger import StorageError
    from app.services.operators import accounts_exist
    from app.ui.context import UiContext

    try:
        db = _open_ledger(paths, self_test, shell)
    except (DataDirInUse, StorageError) as error:
        log.info("cannot open the ledger: %s", error)
        shell.hide()
        _report_start_failure(str(error), self_test)
        return EXIT_CANNOT_OPEN
    except (OSError, sqlite3.Error) as error:
        log.exception("cannot open the ledger")
        message = QCoreApplication.translate("app", "无法打开台账文件 {path}：{error}").format(
            path=paths.database, error=error
        )
        shell.hide()
        _report_start_failure(message, self_test)
        return EXIT_CANNOT_OPEN
    if db is None:
        return EXIT_OK  # 退出 on the server's password dialog: nothing was opened
    window: MainWindow | None = None
    ctx = UiContext.for_database(db)
    guard.ctx = ctx
    try:
        if self_test and accounts_exist(db):
            return _self_test_sign_in(ctx, failures)
        if not self_test and accounts_exist(db) and not _sign_in(ctx):
            return EXIT_OK  # 退出 on the sign-in dialog: no data was shown
        first_page = _preload_first_page(ctx)
        window = create_main_window(ctx)
        guard.window = window
        window.show()
        shell.hide()
        if self_test:
            return _self_test(app, window, failures)
        if marker:
            report_first_page(app, window, marker)
            return EXIT_OK
        return _work(app, ctx, window, first_page)
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        guard.close_ledger()
        log.info("stopped")


def _open_ledger(paths: AppPaths, self_test: bool, shell: StartupShell) -> Database | None:
    """The ledger; on a server that wants a password neither ``PGPASSWORD`` nor ``PGPASSFILE``
    gave, or that refused the one they gave, the clerk is asked for it (None: they chose 退出).
    The self-test never waits: it reports the server's line like any other failure."""
    from app.services.ledger import NeedsPassword, ServerSignInFailed, open_ledger

    try:
        return open_ledger(paths)
    except ServerSignInFailed as error:
        if self_test:
            raise
        saved_refused = not isinstance(error, NeedsPassword)
        log.info("the server wants a password (saved one refused: %s)", saved_refused)
    from app.ui.auth.server_password import ask_server_password

    shell.hide()
    return ask_server_password(paths, saved_refused=saved_refused)


def _sign_in(ctx: UiContext) -> bool:
    from app.ui.auth import startup as auth_startup

    return auth_startup.sign_in_at_start(ctx)


def _preload_first_page(ctx: UiContext) -> Future[Any] | None:
    """Start gathering Today's lists (most of a second at county scale) while the main window is
    built, when Today is the page it opens on; that gathering, if started."""
    from app.services.today import overview
    from app.ui.pages import PAGES, TODAY
    from app.ui.worker import start_early

    if window_place.last_page([spec.key for spec in PAGES]) != TODAY:
        return None
    ctx.preloaded[TODAY] = early = start_early(overview, ctx.db, clock.now())
    return early


def _work(
    app: QApplication, ctx: UiContext, window: MainWindow, first_page: Future[Any] | None
) -> int:
    """The clerk's session: the start-up backup (once the first page's data is in), the
    first-run questions, the event loop."""
    from app.services.reference import read_setting
    from app.ui.auth import startup as auth_startup
    from app.ui.unit_profile_dialog import unit_profile_is_empty

    try:
        backup = read_setting(ctx.db, Settings.BACKUP_ON_START)
    except ValueError:  # a hand-edited ledger: the declared default, not a crash at start
        log.warning("setting %s is unreadable; using the default", Settings.BACKUP_ON_START.key)
        backup = Settings.BACKUP_ON_START.default
    # A server ledger is backed up on the server (pg_dump), not copied by each clerk's app.
    if backup and not ctx.db.on_server:
        window.backup_now(automatic=True, after=first_page)
    if unit_profile_is_empty(ctx):
        QTimer.singleShot(0, lambda: _ask_unit_profile(ctx, window))
    # Idle lock; on a ledger without accounts, offers the first administrator (on top).
    auth_startup.start_session(ctx, window)
    # The first page has its data well before this on a county ledger (~1 s, bench/startup.py).
    QTimer.singleShot(START_UP_OVER_MS, startup_gc.resume)
    code = app.exec()
    # quit() with windows open leaves a Quit event queued; a later event loop in this process
    # (tests, an embedding tool) would otherwise end at once.
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    return code


class ShutdownGuard(QObject):
    """Closing the ledger cleanly however the app is told to stop.

    * SIGTERM / SIGHUP (``kill``, logout on Linux) and SIGBREAK (Windows console closed): Qt's
      event loop never runs Python's handlers on its own, so the C-level handler writes to a
      socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches; the handler then quits.
    * ``commitDataRequest`` (the desktop session is ending; WM_QUERYENDSESSION on Windows): the
      clerk is asked about unsaved typing when the session manager allows it — "back" cancels the
      logout — the layout is saved and the ``-wal`` folded in.
    * ``aboutToQuit`` (every way out, WM_ENDSESSION included, after which Windows may end the
      process at once): background work is waited for, unsaved typing is refused *explicitly*
      (logged by name, never half saved), the ``-wal`` is checkpointed and the lock released.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.ctx: UiContext | None = None  # set once the ledger is open
        self.window: MainWindow | None = None
        self.stop_signal: int | None = None
        self._closed = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_wakeup = -1
        self._previous_handlers: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            self._previous_wakeup = signal.set_wakeup_fd(self._writer.fileno())
            for signum in stop_signals():
                self._previous_handlers[signum] = signal.signal(signum, self._on_stop_signal)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        app.commitDataRequest.connect(self._commit_data)
        app.aboutToQuit.connect(self.close_ledger)

    def _drain(self) -> None:
        # Reaching Python here is what runs the pending signal handler; the bytes are just noise.
        with suppress(OSError):
            while self._reader.recv(64):
                pass

    def _on_stop_signal(self, signum: int, _frame: object) -> None:
        log.info("stop signal %d: closing the ledger", signum)
        self.stop_signal = signum
        # Queued, not called: a signal during start-up (no event loop yet) must not be lost. Once
        # a loop runs, quit() also ends any dialog's nested loop: its typing is not saved.
        QTimer.singleShot(0, QCoreApplication.quit)

    def unsaved_editors(self) -> list[str]:
        """Window titles of forms holding typing that was not saved."""
        titles = []
        for widget in QApplication.allWidgets():
            is_dirty = getattr(widget, "is_dirty", None)
            if widget.isVisible() and callable(is_dirty) and is_dirty():
                titles.append(widget.windowTitle() or type(widget).__name__)
        return titles

    def _commit_data(self, manager: QSessionManager) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from app.services.ledger import StorageError

        unsaved = self.unsaved_editors()
        if unsaved and manager.allowsInteraction():
            question = self.tr("还有未保存的内容（{forms}）。退出后这些内容不会保存，仍要退出吗？")
            leave = messages.ask_confirm(self.window, question.format(forms="、".join(unsaved)))
            manager.release()
            if not leave:
                manager.cancel()
                return
        if self.window is not None:
            self.window.save_layout()
        if self.ctx is not None:
            with suppress(StorageError, SQLAlchemyError):  # a full disk: the -wal stays, sound
                self.ctx.db.checkpoint()

    def close_ledger(self) -> None:
        if self._closed or self.ctx is None:
            return
        self._closed = True
        for title in self.unsaved_editors():
            log.warning("shutdown: unsaved typing in %s was not saved", title)
        QThreadPool.globalInstance().waitForDone(30_000)  # e.g. the start-up backup
        self.ctx.db.close()  # not the first Database: a restore from Settings swaps in a new one

    def uninstall(self) -> None:
        self.app.commitDataRequest.disconnect(self._commit_data)
        self.app.aboutToQuit.disconnect(self.close_ledger)
        self._notifier.setEnabled(False)
        if threading.current_thread() is threading.main_thread():
            for signum, handler in self._previous_handlers.items():
                signal.signal(signum, handler)
            signal.set_wakeup_fd(self._previous_wakeup)
        self._reader.close()
        self._writer.close()
        self.deleteLater()


def _self_test(app: QApplication, window: MainWindow, failures: list[BaseException]) -> int:
    from app.ui.pages import PAGES

    try:
        for spec in PAGES:
            page = window.navigate(spec.key)
            app.processEvents()
            if window.current_page() is not page or not page.isVisible():
                raise RuntimeError(f"page {spec.key} was not shown")
            log.info("self-test: page %s (%s) shown", spec.key, page.title)
        window.close()
        app.processEvents()
    except Exception as error:
        failures.append(error)
    if failures:
        for error in failures:
            _print_stderr("".join(traceback.format_exception(error)))
        return EXIT_FAILED
    print(f"self-test passed: {len(PAGES)} pages")  # ASCII: any console encoding can print it
    return EXIT_OK


def _self_test_sign_in(ctx: UiContext, failures: list[BaseException]) -> int:
    """Self-test of a ledger with accounts: the pages would need someone's password, so only
    the sign-in dialog is built and shown; nothing waits for input."""
    from app.ui.auth import startup as auth_startup

    try:
        auth_startup.self_test_sign_in(ctx)
    except Exception as error:
        failures.append(error)
    if failures:
        for error in failures:
            _print_stderr("".join(traceback.format_exception(error)))
        return EXIT_FAILED
    print("self-test passed: sign-in dialog (accounts exist, pages not opened)")
    return EXIT_OK


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME_ZH)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(settings_store.ORGANIZATION)
    app.setDesktopFileName("fangyi-ledger")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    fonts.choose_font(app)
    return app


def _adopt_operator(ctx: UiContext) -> None:
    """Until sign-in exists, changes are recorded under the profile's 填报人 rather than 系统."""
    from app.services.reference import unit_profile

    if ctx.db.operator != "系统":
        return
    reporter = unit_profile(ctx.db).reporter.strip()
    if reporter:
        ctx.db.operator = reporter


def _ask_unit_profile(ctx: UiContext, window: MainWindow) -> None:
    from app.ui.unit_profile_dialog import UnitProfileDialog

    dialog = UnitProfileDialog(ctx, window)
    dialog.accepted.connect(lambda: (_adopt_operator(ctx), window.refresh_status()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _report_start_failure(message: str, self_test: bool) -> None:
    if self_test:
        _print_stderr(message)
        return
    _application()
    messages.show_error(None, message, wait=True)


def _recording_hook(
    failures: list[BaseException],
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    def hook(_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        failures.append(error.with_traceback(tb) if error.__traceback__ is None else error)

    return hook


def _print_message(
    kind: messages.MessageKind,
    _parent: QWidget | None,
    text: str,
    *,
    title: str | None = None,
    wait: bool = False,
) -> bool:
    _print_stderr(f"[{kind}] {text}")
    return False


def _print_stderr(text: str) -> None:
    stream = sys.stderr
    if stream is None:  # windowed build without a console
        return
    encoding = stream.encoding or "utf-8"
    stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    stream.flush()
