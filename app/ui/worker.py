"""The one helper for background work (convention 5).

A long operation is a plain function; ``run_in_background`` runs it on ``QThreadPool`` and hands
its result, its error or its progress back to the main thread by signal. The function never
touches a widget. If it accepts a ``progress`` keyword it gets ``progress(done, total)`` to call
(``total`` 0 means "unknown"); when the clerk cancels, the next ``progress`` call raises
``Cancelled`` and the result, if any, is dropped. A progress dialog appears only when the work takes
longer than half a second.

Errors: an expected failure (an ``ExpectedError``) goes to ``on_error`` or, without one, to a
non-blocking message; anything else is a bug and goes to the crash handler.

Tests set ``SYNCHRONOUS = True`` (fixture ``synchronous_worker``) to run the function immediately
in the calling thread, through the same delivery code.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import ExpectedError
from app.ui import crash, messages

log = logging.getLogger(__name__)

T = TypeVar("T")

SYNCHRONOUS = False
PROGRESS_DELAY_MS = 500

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside the background function by ``progress()`` once the clerk pressed 取消."""


class WorkerSignals(QObject):
    """Lives in the main thread; the worker thread only emits (queued to the main thread)."""

    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int)
    finished = Signal()


class _Job(QRunnable):
    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        # Parented to the application so the C++ object outlives this runnable (deleted in the
        # worker thread) and is destroyed in the main thread once ``finished`` is delivered.
        self.signals = WorkerSignals(QCoreApplication.instance())
        self.signals.finished.connect(self.signals.deleteLater)
        self.cancel_requested = threading.Event()
        if _accepts_progress(fn):
            self.kwargs["progress"] = self.report_progress

    def report_progress(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            raise Cancelled
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except BaseException as error:  # delivered to the main thread, which decides
            self.signals.error.emit(error)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


class _ProgressDialog(QProgressDialog):
    def __init__(self, label: str, cancellable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._cancellable = cancellable
        self.setWindowTitle(QCoreApplication.translate("worker", "请稍候"))
        self.setLabelText(label)
        self.setRange(0, 0)  # busy indicator until the first progress report
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if cancellable:
            self.setCancelButtonText(QCoreApplication.translate("worker", "取消"))
        else:
            self.setCancelButton(None)  # type: ignore[arg-type]
        self.setMinimumDuration(PROGRESS_DELAY_MS)
        self.setValue(0)  # starts Qt's show-after-minimumDuration timer

    def reject(self) -> None:  # Esc must not hide work that cannot be cancelled
        if self._cancellable:
            super().reject()


class _Delivery(QObject):
    """Main-thread receiver: calls the callbacks and owns the progress dialog.

    A child of the caller's widget: if that widget is gone when the work ends, nothing is called.
    It keeps no Python reference to that widget, and drops the callbacks once used, so it never
    forms a reference cycle that the garbage collector could break at a random moment.
    """

    def __init__(
        self,
        parent: QWidget,
        job: _Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Progress | None,
        dialog: _ProgressDialog | None,
    ) -> None:
        super().__init__(parent)
        self._cancel_requested = job.cancel_requested
        self._on_done: Callable[[Any], None] | None = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._dialog = dialog
        if dialog is not None:
            dialog.canceled.connect(self._cancel)

    @Slot()
    def _cancel(self) -> None:
        self._cancel_requested.set()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("worker", "正在取消…"))

    @Slot(int, int)
    def deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot(object)
    def deliver_result(self, value: object) -> None:
        on_done = self._on_done
        self._finish()
        if self._cancel_requested.is_set():
            log.info("background work finished after cancel; result dropped")
        elif on_done is not None:
            on_done(value)

    @Slot(object)
    def deliver_error(self, error: BaseException) -> None:
        on_error = self._on_error
        parent = self.parent()
        self._finish()
        if isinstance(error, Cancelled):
            log.info("background work cancelled")
        elif isinstance(error, ExpectedError):
            log.info("background work refused: %s", error)
            if on_error is not None:
                on_error(error)
            else:
                messages.show_error(parent if isinstance(parent, QWidget) else None, str(error))
        else:
            crash.report_exception(error)

    def _finish(self) -> None:
        self._on_done = self._on_error = self._on_progress = None
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()


def run_in_background(
    parent: QWidget,
    fn: Callable[..., T],
    *args: Any,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    progress_label: str | None = None,
    cancellable: bool = False,
    on_progress: Progress | None = None,
) -> None:
    """Run ``fn(*args)`` off the main thread; ``on_done(result)`` runs in the main thread.

    ``progress_label`` (translated text) is what the progress dialog says; without it no dialog
    appears (e.g. the automatic backup at start-up). ``on_progress(done, total)`` is called in the
    main thread for each report, e.g. to show progress inline instead of in a dialog.
    """
    job = _Job(fn, args, {})
    dialog = None
    if progress_label is not None and not SYNCHRONOUS:
        dialog = _ProgressDialog(progress_label, cancellable, parent)
    delivery = _Delivery(parent, job, on_done, on_error, on_progress, dialog)  # type: ignore[arg-type]
    job.signals.result.connect(delivery.deliver_result)
    job.signals.error.connect(delivery.deliver_error)
    job.signals.progress.connect(delivery.deliver_progress)
    if SYNCHRONOUS:
        job.setAutoDelete(False)
        job.run()
    else:
        QThreadPool.globalInstance().start(job)


def start_early(fn: Callable[..., T], *args: Any) -> Future[T]:
    """Start ``fn(*args)`` on the thread pool now, before anything exists to show its result.

    At start-up the first page's data is gathered while the main window is still being built;
    the page later hands ``future.result`` to ``run_in_background``, which waits for it if need be
    and delivers the result or the error like any other.
    """
    future: Future[T] = Future()

    def gather() -> None:
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args))
        except BaseException as error:  # delivered where the result is
            future.set_exception(error)

    if SYNCHRONOUS:
        gather()
    else:
        QThreadPool.globalInstance().start(gather)
    return future


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(fn).parameters
    except (TypeError, ValueError):  # some builtins have no signature
        return False
    parameter = parameters.get("progress")
    return parameter is not None and parameter.kind in (
        inspect.Parameter.KEYWORD_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )
