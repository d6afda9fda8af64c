"""Opening the ledger skips ``quick_check`` only right after a clean close of the same file.

The check guards against what a crash, a power cut or another program leaves in the file; after
a clean close with nothing written since, it would read the whole file (0.8 s of a county
ledger's start) to find nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import db as db_module
from app.clean_close import RECORD_SUFFIX
from app.config import AppPaths
from app.db import Database, DatabaseDamaged
from tests.helpers.ledgers import make_demo_ledger


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files ``quick_check`` ran on (the real check runs; this only notes it)."""
    ran: list[Path] = []
    real = db_module.integrity_problems

    def noting(path: Path, *, quick: bool = False) -> list[str]:
        if quick:
            ran.append(Path(path))
        return real(path, quick=quick)

    monkeypatch.setattr(db_module, "integrity_problems", noting)
    return ran


def _record(paths: AppPaths) -> Path:
    return paths.database.with_name(paths.database.name + RECORD_SUFFIX)


def test_after_a_clean_close_the_next_open_skips_the_check(
    paths: AppPaths, checks: list[Path]
) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    assert _record(paths).is_file()
    checks.clear()
    with Database.open(paths) as db:
        assert checks == []
        assert not _record(paths).exists()  # used up: a crash now leaves no record
        db.backup()  # the session's work (reads, a backup) does not matter
    with Database.open(paths):
        assert checks == []


def test_after_a_crash_the_next_open_checks(paths: AppPaths, checks: list[Path]) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    crashed = Database.open(paths)
    with crashed.session() as session:  # committed work still in the -wal, never folded
        session.connection().exec_driver_sql("UPDATE unit_profile SET unit_name = '东风村'")
    crashed.release_lock()  # the process died: the lock is gone, the connection never closed
    checks.clear()
    with Database.open(paths):
        assert checks == [paths.database]
    crashed.engine.dispose()


def test_a_file_written_by_another_program_after_the_close_is_checked(
    paths: AppPaths, checks: list[Path]
) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    connection = sqlite3.connect(paths.database)
    with connection:
        connection.execute("UPDATE unit_profile SET unit_name = '别的程序'")
    connection.close()
    checks.clear()
    with Database.open(paths):
        assert checks == [paths.database]


def test_damage_after_a_clean_close_is_still_refused(paths: AppPaths) -> None:
    """Bytes scribbled over a page, the file's size unchanged: its time gives it away."""
    make_demo_ledger(paths, persons=5, days=2)
    data = bytearray(paths.database.read_bytes())
    data[4096 * 3 : 4096 * 6] = bytes([0x5A]) * (4096 * 3)
    paths.database.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged, match="台账文件已损坏"):
        Database.open(paths)
