"""The same village on SQLite and on a PostgreSQL server gives the same workbooks: every export
kind, cell for cell (the raw-SQL ledgers and the ORM reports alike)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.config import DATABASE_URL_ENV, AppPaths, resolve_paths
from app.db import Database
from app.services import demo, today

pytestmark = pytest.mark.postgresql

TODAY = date(2022, 2, 10)
FIRST = date(2022, 1, 28)
EXPORTS = {
    "daily": ["--date", TODAY.isoformat()],
    "roster": ["--date", TODAY.isoformat()],
    "assignments": ["--date", TODAY.isoformat()],
    "rounds-sheet": ["--date", TODAY.isoformat()],
    "temperatures": ["--from", FIRST.isoformat(), "--to", TODAY.isoformat()],
    "vehicles": ["--from", FIRST.isoformat(), "--to", TODAY.isoformat()],
}


def _village(paths: AppPaths) -> AppPaths:
    with Database.open(paths, operator="测试员") as db:
        demo.generate(db, persons=80, days=14, today=TODAY)
    return paths


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}


@pytest.fixture
def villages(
    tmp_path: Path, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> dict[str, AppPaths]:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    return {
        "sqlite": _village(resolve_paths(tmp_path / "sqlite")),
        "postgresql": _village(resolve_paths(tmp_path / "server", pg_database)),
    }


@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_kind_is_the_same_workbook_on_both_engines(
    villages: dict[str, AppPaths], tmp_path: Path, kind: str
) -> None:
    workbooks = {}
    for engine, paths in villages.items():
        target = tmp_path / f"{kind}-{engine}.xlsx"
        url = ["--database-url", paths.database_url] if paths.database_url else []
        args = ["--data-dir", str(paths.data_dir), *url, "export", kind, *EXPORTS[kind]]
        assert main([*args, "--no-mask", "--out", str(target)]) == 0
        workbooks[engine] = _cells(target)

    assert workbooks["postgresql"] == workbooks["sqlite"]
    assert sum(len(rows) for rows in workbooks["sqlite"].values()) > 10  # a village, not blanks


@pytest.mark.parametrize("moment", [time(9, 0), time(16, 30)], ids=["morning", "afternoon"])
def test_today_lists_the_same_rounds_on_both_engines(
    villages: dict[str, AppPaths], moment: time
) -> None:
    """Today's rounds (due, missing, the people listed, in order) are one statement that counts
    and lists from a temporary table of the due cases: the server must give what SQLite gives."""
    rounds = {}
    for engine, paths in villages.items():
        with Database.open(paths, operator="测试员") as db:
            shown = today.overview(db, datetime.combine(TODAY, moment))
        rounds[engine] = [
            (s.slot, s.due, s.missing_count, [(m.name, m.group_name, m.team) for m in s.missing])
            for s in shown.slots
        ]

    assert rounds["postgresql"] == rounds["sqlite"]
    assert rounds["sqlite"][0][1] > 0  # people owe readings: the lists are not empty alike
