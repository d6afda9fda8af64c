"""A real PostgreSQL server for the tests: the ``engine`` parameter's second value.

``scripts/test.sh`` starts a throwaway cluster (scripts/pg-cluster.sh) and exports its URL as
``FANGYI_PG_URL`` (with ``PGPASSFILE`` for the password); a plain ``pytest`` run without it starts
its own the same way for the session. PostgreSQL missing is a failure, not a skip: only
``FANGYI_PG_TESTS=0`` (never set by CI) leaves the server tests out, as skipped.

Each test gets an empty-of-records ledger database of its own, copied from a template that was
migrated once (``CREATE DATABASE … TEMPLATE``: ~50 ms instead of running every revision again).
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.engine import make_url

from app.config import resolve_paths
from app.db import Database

ROOT = Path(__file__).resolve().parents[2]
PG_URL_ENV = "FANGYI_PG_URL"
PG_TESTS_ENV = "FANGYI_PG_TESTS"
_names = itertools.count(1)


def wanted() -> bool:
    return os.environ.get(PG_TESTS_ENV, "1") != "0"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[URL]:
    """The server's URL (its maintenance database): the exported one, or a cluster of our own."""
    if not wanted():
        pytest.skip(f"{PG_TESTS_ENV}=0: PostgreSQL tests left out on request")
    if os.environ.get(PG_URL_ENV):
        yield make_url(os.environ[PG_URL_ENV])
        return
    folder = Path(tempfile.mkdtemp(prefix="fangyi-pg-"))
    script = ROOT / "scripts" / "pg-cluster.sh"
    started = subprocess.run(
        ["bash", "-c", f'source "{script}" && pg_cluster_start "$1" && '
         'echo "$FANGYI_PG_URL" && echo "$PGPASSFILE"', "-", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(
            "PostgreSQL tests need a server: install PostgreSQL (Debian: apt-get install "
            f"postgresql) or set {PG_TESTS_ENV}=0 to leave them out.\n{started.stderr}",
            pytrace=False,
        )
    url_text, passfile = started.stdout.split()
    previous = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = passfile
    # A killed run (CI's cancel, `kill`) would leave the server running and its folder behind:
    # SIGTERM becomes an interrupt, as Ctrl-C is: pytest stops and tears the fixtures down.
    previous_handler = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        yield make_url(url_text)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        subprocess.run(
            ["bash", "-c", f'source "{script}" && pg_cluster_stop "$1"', "-", str(folder)],
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)
        if previous is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = previous


def _exit_on_sigterm(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _admin(server: URL):  # type: ignore[no-untyped-def]
    return create_engine(server, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template(pg_server: URL, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to the newest revision, copied for each test."""
    name = f"fangyi_template_{os.getpid()}"
    admin = _admin(pg_server)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_server.set(database=name)
    data_dir = tmp_path_factory.mktemp("pg-template")
    Database.open(resolve_paths(data_dir, url.render_as_string(hide_password=False))).close()
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database_copy(server: URL, source: str) -> Iterator[str]:
    """A new database copied from ``source`` (a template); yields its URL, drops it after."""
    name = f"fangyi_{os.getpid()}_{next(_names)}"
    admin = _admin(server)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_database(pg_server: URL, pg_template: str) -> Iterator[str]:
    """The URL of a fresh ledger database for one test (dropped afterwards)."""
    with database_copy(pg_server, pg_template) as url:
        yield url
