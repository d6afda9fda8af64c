"""Logging: module loggers everywhere, one rotating log file per data dir.

``setup_logging`` may be called again (tests, another data dir): it replaces its own handler and
leaves any handler someone else installed alone. No Qt here — the GUI routes Qt's own messages into
this log in ``app.ui.crash``.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.config import AppPaths

LOG_FILENAME = "fangyi-ledger.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is now (None in a windowed build; swapped by pytest)."""

    @property  # type: ignore[override]
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


_file_handler: RotatingFileHandler | None = None
_console_handler: logging.Handler | None = None


def setup_logging(paths: AppPaths, *, level: int = logging.INFO) -> Path:
    """Log to ``<data dir>/logs/fangyi-ledger.log`` (1 MB × 5), warnings also to stderr.

    Returns the log file.
    """
    global _file_handler, _console_handler
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / LOG_FILENAME
    root = logging.getLogger()
    if _file_handler is not None:
        root.removeHandler(_file_handler)
        _file_handler.close()
    _file_handler = RotatingFileHandler(
        log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    _file_handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(_file_handler)
    if _console_handler is None:
        _console_handler = _CurrentStderr()
        _console_handler.setLevel(logging.WARNING)
        _console_handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_console_handler)
    root.setLevel(level)
    return log_file


def current_log_file() -> Path | None:
    """The file ``setup_logging`` writes to, if it was called."""
    return Path(_file_handler.baseFilename) if _file_handler is not None else None


def teardown_logging() -> None:
    """Remove and close the handlers ``setup_logging`` installed (tests, end of run)."""
    global _file_handler, _console_handler
    root = logging.getLogger()
    for handler in (_file_handler, _console_handler):
        if handler is not None:
            root.removeHandler(handler)
            handler.close()
    _file_handler = None
    _console_handler = None
