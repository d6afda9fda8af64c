"""Shared fixtures: every test gets its own data dir and database; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("FANGYI_DATA_DIR", None)
os.environ.pop("FANGYI_OPERATOR", None)
os.environ.pop("FANGYI_PASSWORD", None)
os.environ.pop("FANGYI_DATABASE_URL", None)  # a test's ledger is the one its fixture chose

from app.config import DATABASE_URL_ENV, AppPaths, resolve_paths
from app.db import Database
from tests.helpers.pinned_clock import PINNED, pinned_at, real_clock, restart_faked_clock
from tests.helpers.postgres import pg_database, pg_server, pg_template  # noqa: F401 (fixtures)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def pinned_session_clock() -> Iterator[None]:
    """Module- and session-wide fixtures (a demo ledger made once) run at the pinned moment too."""
    if real_clock():
        yield
        return
    with pinned_at(PINNED):
        yield


@pytest.fixture(autouse=True)
def pinned_clock(pinned_session_clock: None) -> Iterator[None]:
    """Every test starts at the same local moment (see tests/helpers/pinned_clock.py)."""
    if real_clock():
        restart_faked_clock()
        yield
        return
    with pinned_at(PINNED):
        yield


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine the test's ledger is on: SQLite unless parametrised (tests/services
    and the CLI suites run over ``tests.helpers.engines.ENGINES``)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def paths(
    tmp_path: Path, engine: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> AppPaths:
    """The test's data folder, and on PostgreSQL a fresh ledger database of its own — named in
    ``FANGYI_DATABASE_URL`` too, so a command run with only ``--data-dir`` (in this process or
    a child) opens the same ledger."""
    if engine != "postgresql":
        return resolve_paths(tmp_path / "data")
    url = request.getfixturevalue("pg_database")
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    return resolve_paths(tmp_path / "data", url)


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = Database.open(paths, operator="测试员")
    yield database
    database.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``windows`` need the Wine build of scripts/build-windows.sh and run in their
    own CI stage (``pytest -m windows``): any run whose -m does not name them leaves them out,
    reported as deselected, so the main suite never runs them twice (or without a build)."""
    if "windows" in (config.getoption("markexpr") or ""):
        return
    windows = [item for item in items if item.get_closest_marker("windows")]
    if windows:
        config.hook.pytest_deselected(items=windows)
        items[:] = [item for item in items if not item.get_closest_marker("windows")]
