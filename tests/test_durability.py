"""Nothing acknowledged is lost when the app is killed, and one data dir has one writer.

Both tests run a second Python process (tests/helpers/writer.py, holder.py) and SIGKILL it, the
way a laptop's battery or Task Manager ends the app: no clean-up code runs.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.config import AppPaths
from app.db import Database, integrity_problems
from app.instance_lock import DataDirInUse
from app.models import TemperatureReading
from tests.helpers.ledgers import TODAY, helper_command, make_demo_ledger, subprocess_env

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
