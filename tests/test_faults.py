"""Fault injection: a write that fails part-way through import, export, backup and restore.

Two kinds of fault, injected into the real command line (a child process):

* **ENOSPC** — the data folder and every target live on a small tmpfs, filled until only a part of
  what the operation needs is free (none, a quarter, half, three quarters);
* **an I/O error** — a per-file size limit (``RLIMIT_FSIZE``) stops a write part-way with
  ``EFBIG``, which SQLite reports as ``SQLITE_IOERR`` (a disk error) and Python as an ``OSError``.

Each time: one clear line on stderr and an exit code ≠ 0; the ledger passes ``integrity_check``
with the same rows as before; no half-written file at the target and no scratch file anywhere.
``test_every_fault_was_injected_and_nothing_was_lost`` runs last and checks the count.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config import AppPaths, resolve_paths
from app.db import Database, integrity_problems
from tests.helpers.ledgers import make_demo_ledger, subprocess_env, table_counts
from tests.helpers.workbooks import write_county_roster

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs and rlimits are Linux's")

DISK = 16 * 1024 * 1024
PAGE = 4096
FRACTIONS_FREE = (0.0, 0.25, 0.5, 0.75)  # of what the operation needs
OPEN_ROOM = 36 * 1024  # what opening the ledger needs: its "-shm" index (32 KB) and a page
FRACTIONS_LIMIT = (0.4, 0.6, 0.8)  # of the largest file it writes
#: Below this even opening the ledger fails (its "-shm" index is 32 KB): not a fault part-way.
SMALLEST_LIMIT = 36 * 1024
OPERATIONS = ("import", "export", "backup-out", "backup", "restore")
INJECTED: list[str] = []  # one entry per fault that hit, with the line the clerk read
RAN: set[tuple[str, str]] = set()  # (fault, operation) of the tests that got to run


@dataclass(frozen=True)
class Setup:
    pristine: Path  # a closed demo ledger's data folder (on the ordinary disk)
    roster: Path  # a county list to import
    backup: Path  # a backup to restore (another ledger: different rows)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("faults")
    pristine = resolve_paths(root / "pristine")
    make_demo_ledger(pristine, persons=300, days=14)  # exports of ~100 KB: room for a fault
    shutil.rmtree(pristine.backups)
    pristine.backups.mkdir()
    other = resolve_paths(root / "other")
    make_demo_ledger(other, persons=40, days=6)
    backup = root / "备份.sqlite3"
    with Database.open(other) as db:
        db.backup(backup)
    roster = write_county_roster(root / "县里的名单.xlsx", rows=400).path
    return Setup(pristine.data_dir, roster, backup)


@pytest.fixture(scope="module")
def disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small tmpfs of our own; mounting needs root (CAP_SYS_ADMIN)."""
    mount_point = tmp_path_factory.mktemp("tmpfs")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK}", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def _fresh(disk: Path, setup: Setup) -> AppPaths:
    for entry in disk.iterdir():
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    shutil.copytree(setup.pristine, disk / "data")
    (disk / "U盘").mkdir()
    return resolve_paths(disk / "data")


def _command(operation: str, paths: AppPaths, setup: Setup, target: Path) -> list[str]:
    args = {
        "import": ["import-roster", str(setup.roster)],
        "export": ["export", "temperatures", "--to", "2022-02-10", "--out", str(target)],
        "backup-out": ["backup", "--out", str(target)],
        "backup": ["backup"],
        "restore": ["restore", str(setup.backup)],
    }[operation]
    return [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), *args]


def _run(
    command: list[str], file_size_limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:  # in the child, before it runs Python
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        assert file_size_limit is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=300,
        check=False,
        preexec_fn=limit_file_size if file_size_limit is not None else None,
    )


def _used(disk: Path) -> int:
    stats = os.statvfs(disk)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize


def _free(disk: Path) -> int:
    stats = os.statvfs(disk)
    return stats.f_bavail * stats.f_frsize


def _needed(operation: str, disk: Path, setup: Setup) -> tuple[int, int]:
    """What a successful run adds to the disk, and the size of the largest file it writes."""
    paths = _fresh(disk, setup)
    target = disk / "U盘" / "输出"
    before = _used(disk)
    sizes_before = _sizes(disk)
    done = _run(_command(operation, paths, setup, target))
    assert done.returncode == 0, done.stderr
    grown = _used(disk) - before
    after = _sizes(disk)
    largest = max(size - sizes_before.get(path, 0) for path, size in after.items())
    if operation == "restore":  # the restored ledger replaced one: count the copy it was made as
        grown += after[paths.database]
        largest = setup.backup.stat().st_size  # the copy of the backup, made beside the ledger
    return max(grown, PAGE), largest


def _sizes(disk: Path) -> dict[Path, int]:
    return {p: p.stat().st_size for p in disk.rglob("*") if p.is_file()}


def _fill(disk: Path, leave_free: int) -> None:
    filler = disk / "filler"
    with filler.open("wb") as out:
        chunk = b"\0" * (1024 * 1024)
        while _free(disk) - leave_free >= len(chunk):
            out.write(chunk)
            out.flush()
        rest = _free(disk) - leave_free
        if rest > 0:
            out.write(b"\0" * rest)
    os.sync()


def _assert_nothing_lost(
    operation: str, paths: AppPaths, run: subprocess.CompletedProcess[str], files: set[Path]
) -> None:
    disk = paths.data_dir.parent
    (disk / "filler").unlink(missing_ok=True)  # the clerk frees some space, then looks
    assert run.returncode != 0, f"{operation}: the fault did not make it fail\n{run.stdout}"
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    left = {p for p in disk.rglob("*") if p.is_file()} - files
    assert left == set(), f"{operation} left {sorted(p.name for p in left)} after: {lines[0]}"
    assert integrity_problems(paths.database) == []


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_full_disk_part_way_loses_nothing(operation: str, disk: Path, setup: Setup) -> None:
    RAN.add(("ENOSPC", operation))
    grown, _largest = _needed(operation, disk, setup)
    for fraction in FRACTIONS_FREE:
        paths = _fresh(disk, setup)
        rows = table_counts(paths.database)
        files = {p for p in disk.rglob("*") if p.is_file()}
        # 0: full from the start (even opening the ledger fails); else room to open it, and a
        # part of what the operation then writes.
        room = OPEN_ROOM + int(grown * fraction) if fraction else 0
        _fill(disk, leave_free=room // PAGE * PAGE)
        run = _run(_command(operation, paths, setup, disk / "U盘" / "输出"))
        _assert_nothing_lost(operation, paths, run, files | {disk / "filler"})
        assert table_counts(paths.database) == rows
        assert "磁盘" in run.stderr or "空间" in run.stderr, run.stderr
        assert "损坏" not in run.stderr, run.stderr
        INJECTED.append(f"ENOSPC {operation} {fraction:.0%} free: {run.stderr.strip()}")


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_disk_error_part_way_loses_nothing(operation: str, disk: Path, setup: Setup) -> None:
    RAN.add(("EIO", operation))
    _grown, largest = _needed(operation, disk, setup)
    for fraction in FRACTIONS_LIMIT:
        paths = _fresh(disk, setup)
        rows = table_counts(paths.database)
        files = {p for p in disk.rglob("*") if p.is_file()}
        limit = max(int(largest * fraction), SMALLEST_LIMIT)
        run = _run(_command(operation, paths, setup, disk / "U盘" / "输出"), limit)
        _assert_nothing_lost(operation, paths, run, files)
        assert table_counts(paths.database) == rows
        assert "损坏" not in run.stderr, run.stderr
        INJECTED.append(f"EIO {operation} at {fraction:.0%}: {run.stderr.strip()}")


def test_a_read_only_disk_is_said_so_not_damage(disk: Path, setup: Setup) -> None:
    paths = _fresh(disk, setup)
    rows = table_counts(paths.database)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    try:
        run = _run([sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "unit"])
        unit = _run(
            [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "unit", "--name", "X"]
        )
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    for attempt in (run, unit):
        assert attempt.returncode == 3, attempt.stdout + attempt.stderr
        assert "Traceback" not in attempt.stderr
        [line] = attempt.stderr.strip().splitlines()
        assert "只读" in line and "损坏" not in line, line
    assert table_counts(paths.database) == rows


def test_every_fault_was_injected_and_nothing_was_lost() -> None:
    """Runs last (file order): every fault above hit, and each was survived."""
    expected = len(OPERATIONS) * (len(FRACTIONS_FREE) + len(FRACTIONS_LIMIT))
    print(f"\n{len(INJECTED)} faults injected, nothing lost:", *INJECTED, sep="\n  ")
    if len(RAN) < 2 * len(OPERATIONS):
        pytest.skip("only some of the fault tests were selected (or no tmpfs could be mounted)")
    assert len(INJECTED) == expected, INJECTED
