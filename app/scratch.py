"""Scratch files beside a target: the half-written export or backup that becomes the real file by
one rename, and is cleaned away when the write fails — or, after a power cut or a kill, the next
time the app starts or writes into that folder.

A scratch name is ``.~fangyi-<pid>-<random><suffix>``: the dot and ``~`` mark it as scratch for
Explorer, Finder and sync tools, and the process id tells a leftover (its writer is gone) from a
file another running copy of the app is still writing.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

PREFIX = ".~fangyi-"
_OWNED = re.compile(r"^\.~fangyi-(\d+)-")
#: Files SQLite may create beside a database it writes (rollback journal, WAL and its index).
COMPANIONS = ("-journal", "-wal", "-shm")

_in_progress: set[Path] = set()  # this process's scratch files still being written


def scratch_path(folder: Path, suffix: str) -> Path:
    return folder / f"{PREFIX}{os.getpid()}-{secrets.token_hex(4)}{suffix}"


@contextmanager
def scratch_file(folder: Path, suffix: str) -> Iterator[Path]:
    """A scratch path in ``folder``; removed (with any SQLite companions) when the block fails
    or the caller did not rename it away. The file itself is not created here."""
    path = scratch_path(folder, suffix)
    _in_progress.add(path)
    try:
        yield path
    finally:
        _in_progress.discard(path)
        remove_with_companions(path)


def remove_with_companions(path: Path) -> None:
    for name in (str(path), *(f"{path}{c}" for c in COMPANIONS)):
        with suppress(OSError):
            Path(name).unlink(missing_ok=True)


def sweep(folder: Path) -> list[Path]:
    """Remove the scratch files in ``folder`` that no running writer owns; returns them."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(PREFIX)]
    except OSError:
        return removed  # gone, or not ours to list: nothing to clean
    for path in candidates:
        if path in _in_progress or _writer_alive(path.name):
            continue
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _writer_alive(name: str) -> bool:
    match = _OWNED.match(name)
    if match is None:
        return False  # an older version's name (no pid): nobody writes those any more
    pid = int(match.group(1))
    if pid == os.getpid():
        return False  # ours, yet not in progress: a write of ours that could not clean up
    return _process_exists(pid)


if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import ctypes

    def _process_exists(pid: int) -> bool:
        # os.kill(pid, 0) would *terminate* the process on Windows; ask for a handle instead.
        synchronize, wait_timeout = 0x00100000, 0x102
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        try:
            return bool(kernel32.WaitForSingleObject(handle, 0) == wait_timeout)
        finally:
            kernel32.CloseHandle(handle)

else:

    def _process_exists(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # alive, another user's
        return True
