"""Real ledgers for the storage tests, and ways to look inside a file without the app."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from app.config import AppPaths
from app.db import Database
from app.services import demo
from tests.helpers.pinned_clock import child_clock

ROOT = Path(__file__).resolve().parents[2]
HELPERS = Path(__file__).resolve().parent
TODAY = date(2022, 2, 10)


def make_demo_ledger(paths: AppPaths, *, persons: int = 60, days: int = 14) -> None:
    """A closed ledger with a demo village in it (WAL folded into the file, no lock held)."""
    with Database.open(paths, operator="测试员") as db:
        demo.generate(db, persons=persons, days=days, today=TODAY)


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table, read straight from the file."""
    connection = sqlite3.connect(path)
    try:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        connection.close()


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def subprocess_env() -> dict[str, str]:
    """The environment for a child Python: this checkout importable, no inherited data dir, and
    the test's moment on its clock."""
    env = {k: v for k, v in os.environ.items() if k != "FANGYI_DATA_DIR"} | child_clock()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def helper_command(script: str, *args: str) -> list[str]:
    return [sys.executable, str(HELPERS / script), *args]
