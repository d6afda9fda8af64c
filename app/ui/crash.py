"""The second tier of errors: bugs. Logged with their traceback and shown in a crash dialog.

Expected failures (an ``app.errors.ExpectedError``, whose ``str()`` is a sentence for the clerk)
that escape a slot are shown as one clear message instead — so a page may simply let them propagate.
The dialog is never shown twice at once: a failure while it is up is only logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.errors import ExpectedError
from app.log import current_log_file
from app.ui import messages

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]

_showing_crash = False


class CrashDialog(QDialog):
    """程序出错 — copyable details, where the log is, and the choice to go on or quit."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "程序遇到了一个意外错误。已经保存的记录不受影响。\n"
                "请把下面的详细信息复制给技术支持人员。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.details)
        if log_file is not None:
            where = QLabel(self.tr("日志文件：{path}").format(path=log_file))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.continue_button = buttons.addButton(
            self.tr("继续"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.continue_button.setDefault(True)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def show_crash_dialog(details: str, log_file: Path | None) -> bool:
    """Show the crash dialog; True when the clerk chose to quit. Tests replace this function."""
    dialog = CrashDialog(details, log_file, QApplication.activeWindow())
    try:
        return dialog.exec() != QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def report_exception(error: BaseException) -> None:
    """Handle an exception nobody caught: a message if expected, else log + crash dialog."""
    global _showing_crash
    if isinstance(error, ExpectedError):
        log.warning("expected failure reached the top: %s", error)
        messages.show_error(QApplication.activeWindow(), str(error))
        return
    details = "".join(traceback.format_exception(error))
    log.error("unexpected error (version %s)\n%s", __version__, details.rstrip())
    if _showing_crash or QApplication.instance() is None:
        return
    _showing_crash = True
    try:
        wants_quit = show_crash_dialog(f"防疫台账 {__version__}\n{details}", current_log_file())
    finally:
        _showing_crash = False
    if wants_quit:
        QApplication.exit(1)


def excepthook(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook`` for the GUI: every exception raised in a slot ends up here."""
    if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: the default behaviour
        sys.__excepthook__(exc_type, error, tb)
        return
    if error.__traceback__ is None:
        error = error.with_traceback(tb)
    try:
        report_exception(error)
    except Exception:  # the handler itself failed: never loop, fall back to the plain hook
        sys.__excepthook__(exc_type, error, tb)


def install_excepthook() -> ExceptHook:
    """Route uncaught exceptions to ``excepthook``; returns the previous hook to restore."""
    previous = sys.excepthook
    sys.excepthook = excepthook
    return previous


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def install_qt_message_handler() -> None:
    """Send Qt's own messages (warnings about layouts, fonts, plugins …) into the log file.

    The previous handler (e.g. pytest-qt's, which fails tests on Qt warnings) still gets them.
    """
    qt_log = logging.getLogger("qt")
    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", text)
        if previous is not None:
            previous(kind, context, text)

    previous = qInstallMessageHandler(handler)
