"""No SQLite-only SQL above the storage layer: the services, models, Excel layer and commands
work on a PostgreSQL server too. What must differ per engine lives in app/db.py (SQLite),
app/server.py (PostgreSQL) and app/storage_sql.py (constructs compiled per engine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
ABOVE_STORAGE = ("services", "models", "excel", "commands")
# Each: a SQLite spelling, and why it cannot stay above storage.
SQLITE_ONLY = {
    r"[\"']\s*PRAGMA\s": "pragmas are SQLite's (app/db.py)",
    r"sqlite_master": "SQLite's catalogue (app/db.py)",
    r"^\s*import sqlite3|from sqlite3": "the SQLite driver itself",
    r"\.lastrowid\b": "psycopg has no lastrowid: insert(…).returning(id)",
    r"group_concat\(": "func.aggregate_strings (string_agg on PostgreSQL)",
    r"\.collate\(\"natural\"\)": "a Python collation only SQLite has: roster.group_order",
    r"INSERT OR (REPLACE|IGNORE)": "SQLite's upsert: sqlalchemy's dialect inserts",
    r"julianday\(|date\([a-z_.]+, *'[+-]": "SQLite's date functions",
    r"CROSS JOIN [a-z_]+ [a-z]+ ON": "SQLite's join hint: storage_sql.ordered_join",
    r"UnaryExpression\(.*custom_op\(\"\+\"\)": "SQLite's index hint: storage_sql.unindexed",
}


def _sources() -> list[Path]:
    return sorted(p for folder in ABOVE_STORAGE for p in (APP / folder).rglob("*.py"))


@pytest.mark.parametrize("pattern", SQLITE_ONLY, ids=SQLITE_ONLY.values())
def test_no_sqlite_only_sql_above_the_storage_layer(pattern: str) -> None:
    found = [
        f"{path.relative_to(APP.parent)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(pattern, line) and not line.lstrip().startswith("#")
    ]
    assert found == [], f"{SQLITE_ONLY[pattern]}:\n" + "\n".join(found)


def test_the_check_finds_what_it_looks_for() -> None:
    """Guards the patterns: each matches the spelling it is meant to catch."""
    samples = [
        'execute("PRAGMA user_version = 3")', "FROM sqlite_master", "import sqlite3",
        "cursor.lastrowid", "group_concat(x)", 'Person.group_name.collate("natural")',
        "INSERT OR REPLACE INTO t", "date(d, '+1 day')", "CROSS JOIN case_record c ON",
        'UnaryExpression(column, operator=custom_op("+"))',
    ]  # fmt: skip
    for pattern, sample in zip(SQLITE_ONLY, samples, strict=True):
        assert re.search(pattern, sample), (pattern, sample)
