"""Being told to stop: SIGTERM (``kill``, a session logout, a service manager), SIGHUP (the
terminal closed) and, on Windows, SIGBREAK (the console window closed, logoff, shutdown).

Python's default for these ends the process on the spot: the ledger's ``-wal`` is never folded
in and the work under way is cut wherever it was. Here the signal becomes an exception raised
where the program is, so the open transaction is rolled back ("refused explicitly", never half
saved), scratch files are removed, the ``-wal`` is checkpointed and the data folder's lock is let
go by the ordinary ``finally`` blocks. The GUI installs its own handlers (it quits its event loop).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

Handler = Callable[[int, FrameType | None], object]


class ShutdownRequested(BaseException):
    """Raised when a stop signal arrives. A ``BaseException`` so that ``except Exception``
    clean-ups do not swallow it, exactly like ``KeyboardInterrupt``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def stop_signals() -> list[signal.Signals]:
    names = ("SIGTERM", "SIGHUP", "SIGBREAK")
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


@contextmanager
def handling_stop_signals(handler: Handler) -> Iterator[None]:
    """Run ``handler`` on every stop signal inside the block; the previous handlers after it."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (a command run from a test's thread)
        return
    previous = {signum: signal.signal(signum, handler) for signum in stop_signals()}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


#: The stop signal a ``StopSignals`` block received, until the block ends (None: none).
_received: int | None = None


def refuse_commit_after_stop() -> None:
    """Raise :class:`ShutdownRequested` again when a stop signal has come: every unit of work
    calls this just before it commits.

    The exception the signal raised can be lost on its way: Python drops exceptions raised in a
    finalizer (``__del__``, a garbage-collected file) or in a callback from C (a sqlite3
    collation) and carries on, and the work under way would then be committed after all. This
    check refuses it, so a stopped import leaves nothing behind however the signal fell.
    """
    if _received is not None:
        raise ShutdownRequested(_received)


class StopSignals:
    """Inside ``with StopSignals():`` the first stop signal raises :class:`ShutdownRequested`
    where the code is, and no unit of work commits after it (:func:`refuse_commit_after_stop`);
    after it, or once :meth:`disarm` is called (the closing has begun), stop signals are
    ignored, so a second one cannot cut the closing short."""

    def __init__(self) -> None:
        self.armed = True
        self._handling = handling_stop_signals(self._on_signal)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        global _received
        if self.armed:
            self.armed = False
            _received = signum
            raise ShutdownRequested(signum)

    def disarm(self) -> None:
        self.armed = False

    def __enter__(self) -> StopSignals:
        self._handling.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        global _received
        _received = None
        self._handling.__exit__(None, None, None)
