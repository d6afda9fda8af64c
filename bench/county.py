"""The county data set: generated with ``app.services.demo.generate`` and cached between runs.

A county-scale ledger takes most of a minute to generate, so it is kept in
``$TMPDIR/fangyi-bench/<key>/`` where the key names every parameter, "today", the schema version
and the generator's source: a change to any of them builds a new one. Benchmarks never touch the
cache itself: each bench run works on its own copy (one of them saves readings into it).
"""

from __future__ import annotations

import hashlib
import inspect
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.config import AppPaths, resolve_paths
from app.db import Database, latest_version
from app.services import demo
from bench.harness import Scale

CACHE_ROOT = Path(tempfile.gettempdir()) / "fangyi-bench"
#: The data sets are generated "at noon": the morning round is taken, the afternoon one is due
#: (so saving readings in the benchmark adds new ones, as a clerk's round does).
NOON = time(12, 0)
SEED = 7

#: Tables ``demo.generate`` fills (all empty in a new ledger), in the order it fills them.
GENERATED_TABLES = (
    "staff",
    "person",
    "case_record",
    "assignment",
    "temperature_reading",
    "anomaly",
    "checkpoint",
    "vehicle_pass",
    "occupant",
    "audit_entry",
)


@dataclass(frozen=True)
class County:
    scale: Scale
    today: date

    @property
    def now(self) -> datetime:
        return datetime.combine(self.today, NOON)

    def key(self) -> str:
        source = inspect.getsource(demo).encode()
        parts = (
            self.scale.persons, self.scale.days, self.scale.measure_days,
            self.scale.vehicles_per_day, SEED, self.today.isoformat(), NOON.isoformat(),
            latest_version(), hashlib.sha256(source).hexdigest()[:12],
        )  # fmt: skip
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
        return f"{self.scale.name}-{self.today:%Y%m%d}-{digest}"


def generate(county: County, data_dir: Path) -> demo.DemoSummary:
    """Build the data set into a new, empty ``data_dir``."""
    paths = resolve_paths(data_dir)
    with Database.open(paths, operator="基准测试") as db:
        prepare(db, county)
        return demo.generate(db, **generate_arguments(county))


def prepare(db: Database, county: County) -> None:
    """Every measure lasts ``measure_days`` (set directly: this is data set-up, not a clerk's
    change, and must not add an audit entry the floor would not have)."""
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE measure SET default_days = ?", (county.scale.measure_days,)
        )


def generate_arguments(county: County) -> dict[str, object]:
    return {
        "persons": county.scale.persons,
        "days": county.scale.days,
        "seed": SEED,
        "today": county.today,
        "now": county.now,
        "vehicles_per_day": county.scale.vehicles_per_day,
        "unit_name": "演示县",
    }


def cached_ledger(county: County, *, fresh: Path | None = None) -> Path:
    """The cached data dir for ``county``, generating it (or adopting ``fresh``) when missing."""
    target = CACHE_ROOT / county.key()
    if (target / "ledger.sqlite3").is_file():
        return target
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    for old in CACHE_ROOT.glob(f"{county.scale.name}-*"):  # one cached set per scale is enough
        shutil.rmtree(old, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=CACHE_ROOT))
    if fresh is not None:
        shutil.copy2(resolve_paths(fresh).database, staging / "ledger.sqlite3")
    else:
        generate(county, staging)
    staging.replace(target)
    return target


def work_copy(cached: Path, workdir: Path) -> AppPaths:
    """A private copy of the cached ledger for one bench run."""
    paths = resolve_paths(workdir / "ledger").ensure()
    shutil.copy2(resolve_paths(cached).database, paths.database)
    return paths


# --- the floor: the same rows through raw sqlite3 -------------------------------------------


@dataclass(frozen=True)
class TableRows:
    table: str
    columns: tuple[str, ...]
    rows: list[tuple[object, ...]]


def read_generated_rows(database: Path) -> list[TableRows]:
    """The rows a generation wrote, exactly as SQLite holds them (what the driver was handed)."""
    connection = sqlite3.connect(database)
    try:
        result = []
        for table in GENERATED_TABLES:
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY rowid")
            columns = tuple(d[0] for d in cursor.description)
            result.append(TableRows(table, columns, cursor.fetchall()))
        return result
    finally:
        connection.close()


def empty_ledger(data_dir: Path) -> Path:
    """A new ledger with the app's schema and seed rows; returns its database file."""
    paths = resolve_paths(data_dir)
    with Database.open(paths):
        pass
    return paths.database


def raw_connection(database: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the app's pragmas (WAL, synchronous=FULL, foreign keys)."""
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def insert_raw(database: Path, tables: list[TableRows]) -> None:
    """The floor of generation: every row with ``executemany`` in one transaction."""
    connection = raw_connection(database)
    try:
        connection.execute("BEGIN")
        for data in tables:
            names = ", ".join(data.columns)
            marks = ", ".join("?" * len(data.columns))
            connection.executemany(
                f"INSERT INTO {data.table} ({names}) VALUES ({marks})",
                data.rows,
            )
        connection.execute("COMMIT")
    finally:
        connection.close()


def row_count(tables: list[TableRows]) -> int:
    return sum(len(t.rows) for t in tables)
