"""One writer per data directory: a second copy of the app gets a clear message, not a damaged file.

The lock is ``filelock``'s: an OS lock (``flock`` on POSIX, ``LockFileEx`` on Windows) that the
kernel drops when the process dies, so a crashed or killed app never leaves a stale lock; it
keeps the lock file on POSIX (the lock lives on the inode, so deleting the name would let two
processes hold "the" lock) and handles the open/unlink races a hand-written one got wrong. The
lock file holds nothing but is created readable by its owner only, like everything else here.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from app.config import PRIVATE_FILE_MODE, restrict_to_owner
from app.errors import Locked


class DataDirInUse(Locked, RuntimeError):
    """Another running Fangyi Ledger holds this data directory."""


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Not thread-local: the GUI may release from the thread that handles shutdown.
        self._lock = FileLock(path, timeout=0, mode=PRIVATE_FILE_MODE, thread_local=False)

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except Timeout:
            raise DataDirInUse(
                f"台账正被另一个防疫台账程序使用（{self.path.parent}）。请先关闭另一个窗口再试。"
            ) from None
        restrict_to_owner(self.path)  # a lock file left by an older version may be 0644

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def in_use(lock_file: Path) -> bool:
    """True when a running app holds ``lock_file`` (this process included, through another
    handle). Probes without leaving anything behind that was not there."""
    if not lock_file.exists():
        return False
    probe = InstanceLock(lock_file)
    try:
        probe.acquire()
    except DataDirInUse:
        return True
    except OSError:
        return False  # cannot even open it (read-only stick …): nobody can be writing there
    probe.release()
    return False
