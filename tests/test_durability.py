"""Nothing acknowledged is lost when the app is killed or told to stop, and one data dir has one
writer.

The kill tests run a second Python process (tests/helpers/writer.py, holder.py) and SIGKILL it,
the way Task Manager ends the app: no clean-up code runs. What they do NOT show is a power cut:
after a SIGKILL the operating system still holds every write in its page cache and puts it on
disk, whether or not SQLite ever asked for an fsync — so these tests would pass with
``synchronous=OFF`` too. What protects a clerk's save from a power cut or a pulled USB stick is
that every connection commits with ``synchronous=FULL`` in WAL mode (the WAL is fsynced at each
commit); ``test_every_connection_runs_wal_and_full_sync`` checks exactly that, on connections
made in several threads and by the GUI's background worker.

The stop tests send SIGTERM (a logout, ``kill``, a service manager; Windows' console close and
WM_ENDSESSION take the same paths) to the real command line and the real GUI: the work under way
is rolled back, the -wal folded in and removed, the lock released.
"""

from __future__ import annotations

import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from app.config import AppPaths
from app.db import Database, integrity_problems
from app.instance_lock import DataDirInUse, InstanceLock
from app.models import TemperatureReading
from app.ui.worker import run_in_background
from tests.helpers.ledgers import (
    TODAY,
    helper_command,
    make_demo_ledger,
    subprocess_env,
    table_counts,
)
from tests.helpers.workbooks import write_county_roster

ACKNOWLEDGED_BEFORE_KILL = 60


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        helper_command(script, *args),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
    )


def _kill(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.kill()  # SIGKILL (TerminateProcess on Windows): no clean-up code runs
    rest, errors = process.communicate(timeout=30)
    assert process.returncode == (-signal.SIGKILL if sys.platform != "win32" else 1)
    return rest, errors


def test_every_acknowledged_reading_survives_a_kill(paths: AppPaths) -> None:
    make_demo_ledger(paths, persons=30, days=7)
    writer = _start("writer.py", str(paths.data_dir), TODAY.isoformat())
    assert writer.stdout is not None
    lines: list[str] = []
    try:
        while len(lines) < ACKNOWLEDGED_BEFORE_KILL:
            line = writer.stdout.readline()
            assert line, f"writer stopped early: {writer.stderr.read() if writer.stderr else ''}"
            lines.append(line)
    finally:
        rest, errors = _kill(writer)  # mid-stream: it was writing as fast as it could
    lines += [line + "\n" for line in rest.split("\n")[:-1]]  # complete lines only
    assert "Traceback" not in errors

    # Last acknowledged write per (case, slot): the file must hold it, or a later write to the
    # same key (the writer may have committed one more that it never got to acknowledge).
    promised: dict[tuple[int, str], int] = {}
    for line in lines:
        case_id, slot, seq = line.split()
        promised[(int(case_id), slot)] = int(seq)
    assert len(lines) >= ACKNOWLEDGED_BEFORE_KILL

    assert Path(f"{paths.database}-wal").exists()  # killed: the WAL was never folded in
    assert integrity_problems(paths.database) == []
    with sqlite3.connect(paths.database) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Database.open(paths) as db, db.reading() as session:
        stored = {
            (r.case_id, r.slot): int(r.note[1:])
            for r in session.scalars(
                select(TemperatureReading).where(
                    TemperatureReading.reading_date == TODAY, TemperatureReading.note.like("#%")
                )
            )
        }
    kept = {key: stored.get(key, 0) >= seq for key, seq in promised.items()}
    assert all(kept.values()), [key for key, ok in kept.items() if not ok]
    last_acknowledged = max(promised.values())
    assert len([seq for seq in stored.values() if seq > last_acknowledged]) <= 1


def test_second_instance_is_refused_until_the_first_dies(paths: AppPaths) -> None:
    Database.open(paths).close()
    holder = _start("holder.py", str(paths.data_dir))
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"

        with pytest.raises(DataDirInUse) as refused:
            Database.open(paths)
        assert "台账正被另一个防疫台账程序使用" in str(refused.value)
        assert "请先关闭另一个窗口再试" in str(refused.value)

        cli = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "check"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=subprocess_env(),
            timeout=60,
        )
        assert cli.returncode != 0
        assert cli.stderr.strip().splitlines() == [str(refused.value)]
        assert "Traceback" not in cli.stdout + cli.stderr
    finally:
        _kill(holder)

    with Database.open(paths) as db:  # the kernel released the dead process's lock
        assert db.paths == paths


def test_the_lock_file_is_readable_by_its_owner_only(db: Database) -> None:
    assert stat.S_IMODE(db.paths.lock_file.stat().st_mode) == 0o600


# --- every connection: WAL and synchronous=FULL -------------------------------------------------

ConnectionFacts = tuple[int, str, int]  # (which sqlite3 connection, journal_mode, synchronous)


def _connection_facts(
    db: Database, *, hold: Callable[[], object] = lambda: None
) -> ConnectionFacts:
    with db.reading() as session:
        raw = session.connection().connection.dbapi_connection
        mode = session.execute(text("PRAGMA journal_mode")).scalar()
        sync = session.execute(text("PRAGMA synchronous")).scalar()
        hold()  # keep this connection checked out so the next thread gets its own
        return id(raw), str(mode), int(sync)  # type: ignore[arg-type]


def test_every_connection_runs_wal_and_full_sync(db: Database, qtbot: QtBot) -> None:
    threads = 3
    together = threading.Barrier(threads)
    facts: list[ConnectionFacts] = []
    workers = [
        threading.Thread(target=lambda: facts.append(_connection_facts(db, hold=together.wait)))
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    parent = QWidget()
    qtbot.addWidget(parent)
    from_pool: list[ConnectionFacts] = []
    run_in_background(parent, _connection_facts, db, on_done=from_pool.append)  # the GUI's worker
    qtbot.waitUntil(lambda: bool(from_pool))

    facts += from_pool
    assert len({connection for connection, _, _ in facts[:threads]}) == threads
    assert [(mode, sync) for _, mode, sync in facts] == [("wal", 2)] * (threads + 1)  # 2: FULL


# --- told to stop -------------------------------------------------------------------------------


def _wait_for_the_ledger_in_use(paths: AppPaths, process: subprocess.Popen[str]) -> None:
    """Until the program has the ledger open (its -wal appears). Not a probe of the lock: taking
    it, even for a moment, could make the program itself find the data folder in use."""
    wal = Path(f"{paths.database}-wal")
    while not wal.exists():
        assert process.poll() is None, process.communicate()
        threading.Event().wait(0.05)


def _closed_cleanly(paths: AppPaths) -> None:
    assert not Path(f"{paths.database}-wal").exists()
    assert not Path(f"{paths.database}-shm").exists()
    assert integrity_problems(paths.database) == []
    with InstanceLock(paths.lock_file):  # released: another program may take the folder
        pass


def test_sigterm_during_an_import_rolls_it_back_and_closes_the_ledger(
    paths: AppPaths, tmp_path: Path
) -> None:
    make_demo_ledger(paths, persons=10, days=2)
    before = table_counts(paths.database)
    roster = write_county_roster(tmp_path / "县里的名单.xlsx", rows=5000).path
    command = [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir)]
    cli = subprocess.Popen(
        [*command, "import-roster", str(roster)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
    )
    _wait_for_the_ledger_in_use(paths, cli)

    cli.send_signal(signal.SIGTERM)
    out, err = cli.communicate(timeout=120)

    assert cli.returncode == 128 + signal.SIGTERM, out + err
    assert err.strip().splitlines() == [
        "已停止：收到结束信号，未完成的操作已撤销，已保存的数据不受影响。"
    ]
    assert table_counts(paths.database) == before  # all or nothing: nothing
    _closed_cleanly(paths)


def test_sigterm_closes_the_gui_cleanly(paths: AppPaths) -> None:
    make_demo_ledger(paths, persons=10, days=2)
    before = table_counts(paths.database)
    gui = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "gui"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**subprocess_env(), "QT_QPA_PLATFORM": "offscreen"},
    )
    _wait_for_the_ledger_in_use(paths, gui)

    gui.send_signal(signal.SIGTERM)
    out, err = gui.communicate(timeout=120)

    assert gui.returncode == 0, out + err
    assert "Traceback" not in out + err
    log = (paths.logs / "fangyi-ledger.log").read_text(encoding="utf-8")
    assert "stop signal 15: closing the ledger" in log
    assert table_counts(paths.database) == before
    _closed_cleanly(paths)
