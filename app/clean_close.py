"""Whether the ledger was closed cleanly last time, so that opening it can skip ``quick_check``.

``quick_check`` reads every page of the file: 0.8 s of a county ledger's 1.5 s cold start
(README, "Benchmarks"). It looks for what a crash, a power cut or a pulled USB stick leaves behind;
a file that was closed cleanly and not written since cannot hold such damage.

At a clean close (every connection closed, so SQLite has folded the ``-wal`` into the file and
removed it) the file's size and modification time are written beside it, in ``<ledger>.closed``.
The next open skips the check only if there is no ``-wal`` and the file still has that size and
time; the record is used up as the ledger opens, so a session that ends in a crash leaves none
and the open after it checks again. The full ``integrity_check`` stays with ``check`` and restore.
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress
from pathlib import Path

log = logging.getLogger(__name__)

RECORD_SUFFIX = ".closed"
_SETTLE_S = 0.02


def _record(database: Path) -> Path:
    return database.with_name(database.name + RECORD_SUFFIX)


def _stamp(database: Path) -> str:
    status = database.stat()
    return f"{status.st_size} {status.st_mtime_ns}"


def _has_wal(database: Path) -> bool:
    wal = Path(f"{database}-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def record_clean_close(database: Path) -> None:
    """After the last connection closed: note the file as it is now (best effort, never raises).

    With a ``-wal`` left (a connection still open somewhere) nothing is recorded.
    """
    try:
        if not database.is_file() or _has_wal(database):
            return
        # File times are coarse (a few ms here, 2 s on FAT): let the closing write's time pass,
        # so that any later write, by anything, lands on a different time.
        age_s = (time.time_ns() - database.stat().st_mtime_ns) / 1e9
        if 0 <= age_s < _SETTLE_S:
            time.sleep(_SETTLE_S - age_s)
        partial = database.with_name(database.name + RECORD_SUFFIX + ".partial")
        partial.write_text(_stamp(database), encoding="ascii")
        partial.replace(_record(database))
    except OSError as error:  # a read-only or full disk: the next open simply checks
        log.info("clean close not recorded: %s", error)


def forget_clean_close(database: Path) -> None:
    """Drop the record: the next open checks the file (a restored or copied-in ledger)."""
    _record(database).unlink(missing_ok=True)


def closed_cleanly(database: Path) -> bool:
    """True if the file is exactly as the last clean close left it. Uses the record up."""
    record = _record(database)
    try:
        recorded = record.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return False
    with suppress(OSError):
        record.unlink()
    try:
        return not _has_wal(database) and recorded == _stamp(database)
    except OSError:
        return False
