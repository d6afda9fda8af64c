"""``python -m bench --engine postgresql``: the same data set on PostgreSQL beside SQLite.

The county data set (generated once on SQLite and cached, see ``bench.county``) is copied row for
row into a fresh PostgreSQL database; then each measurement runs on both ledgers in turn. The
"floor" column of these rows is the SQLite ledger: the ratio reads "PostgreSQL takes N× what the
clerk's laptop takes".

The server: ``FANGYI_BENCH_PG_URL`` (a maintenance database on a server of yours; a database is
created and dropped there), else a throwaway cluster (``scripts/pg-cluster.sh``) switched to
durable writes — ``fsync``, ``synchronous_commit`` and full-page writes on, as a township's server
runs and as the SQLite side (``synchronous=FULL``) is measured.

The mixed load: 4 clerks (threads, each with its own engine and connection, as four desktops
have) save afternoon readings for different people while a fifth exports the daily report; its
throughput (saves per second, all clerks together) and the slowest single save.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import URL, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from app import clock
from app.config import AppPaths, resolve_paths
from app.db import Database
from app.models import Base, Slot
from app.services import reports, rounds, stats
from app.services.roster import RosterFilter, roster_ids, roster_rows
from bench import county as cty
from bench.harness import COUNTY, SMOKE, Measurement, measurement, table, timed
from bench.writes import due_afternoon_cases

PROJECT = Path(__file__).resolve().parent.parent
BENCH_PG_URL_ENV = "FANGYI_BENCH_PG_URL"
CLERKS = 4
_CHUNK = 5_000

#: The measurements of an ``--engine postgresql`` run, in table order.
ENGINE_KEYS: tuple[str, ...] = (
    "pg_save_reading",
    "pg_day_numbers",
    "pg_roster_open",
    "pg_export_daily",
    "pg_mixed_throughput",
    "pg_mixed_slowest_save",
    "pg_mixed_export",
)


@dataclass(frozen=True)
class MixedLoad:
    saves_per_second: float
    slowest_save_ms: float
    export_ms: float


def run_engines(out: Path, *, smoke: bool, runs: int | None) -> int:
    import json

    scale = SMOKE if smoke else COUNTY
    runs = runs or scale.runs
    county = cty.County(scale, clock.today())
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="fangyi-bench-engines-"))
    try:
        _say("county data set (cached)")
        sqlite_paths = cty.work_copy(cty.cached_ledger(county), workdir)
        with _server() as server, _bench_database(server) as url:
            _say("copy the data set into PostgreSQL")
            copied = timed(lambda: copy_ledger(sqlite_paths.database, url))
            _say(f"  {copied:.1f} s")
            pg_paths = resolve_paths(workdir / "pg", url.render_as_string(hide_password=False))
            results = measure_both(county, sqlite_paths, pg_paths, workdir, runs)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(results))
    for m in results:
        if m.note:
            print(f"  {m.key}: {m.note}")
    elapsed = time.perf_counter() - started
    document = {
        "scale": scale.name,
        "engine": "postgresql",
        "floor": "the same measurement on the SQLite ledger",
        "runs": runs,
        "measured_at": clock.now().isoformat(timespec="seconds"),
        "seconds": round(elapsed, 1),
        "measurements": [m.as_json() for m in results],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


# --- the server and the copy of the data set ------------------------------------------------------


@contextmanager
def _server() -> Iterator[URL]:
    """The server's maintenance database: the given one, or a durable throwaway cluster."""
    given = os.environ.get(BENCH_PG_URL_ENV)
    if given:
        yield make_url(given)
        return
    folder = Path(tempfile.mkdtemp(prefix="fangyi-bench-pg-"))
    script = PROJECT / "scripts" / "pg-cluster.sh"
    started = subprocess.run(
        ["bash", "-c", f'source "{script}" && pg_cluster_start "$1" && '
         'echo "$FANGYI_PG_URL" && echo "$PGPASSFILE"', "-", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise SystemExit(f"PostgreSQL could not be started: {started.stderr.strip()}")
    url_text, passfile = started.stdout.split()
    os.environ["PGPASSFILE"] = passfile
    try:
        url = make_url(url_text).set(database="postgres")
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:  # the cluster script starts it for tests: no fsync
            for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                connection.execute(text(f"ALTER SYSTEM SET {setting} = on"))
            connection.execute(text("SELECT pg_reload_conf()"))
        admin.dispose()
        yield url
    finally:
        subprocess.run(
            ["bash", "-c", f'source "{script}" && pg_cluster_stop "$1"', "-", str(folder)],
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _bench_database(server: URL) -> Iterator[URL]:
    name = f"fangyi_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def copy_ledger(database: Path, url: URL) -> None:
    """The SQLite ledger's rows into a new PostgreSQL ledger (schema by the app's own migrations),
    ids kept, the id sequences moved past them."""
    with Database.open(resolve_paths(database.parent / "pg-setup", str(url))):
        pass  # creates the schema and its seed rows
    source = create_engine(URL.create("sqlite", database=str(database)))
    target = create_engine(url)
    tables = [t for t in Base.metadata.sorted_tables]
    try:
        with source.connect() as reading, target.begin() as writing:
            names = ", ".join(t.name for t in tables)
            writing.execute(text(f"TRUNCATE {names} CASCADE"))
            for table_ in tables:
                rows = reading.execute(select(table_)).mappings()
                while chunk := [dict(row) for row in rows.fetchmany(_CHUNK)]:
                    writing.execute(insert(table_), chunk)
                if "id" in table_.c and table_.c.id.autoincrement:
                    writing.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table_.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table_.name}), 0) + 1, false)"
                    ))  # fmt: skip
            writing.execute(text("ANALYZE"))
    finally:
        source.dispose()
        target.dispose()


# --- the measurements -------------------------------------------------------------------------


def measure_both(
    county: cty.County, sqlite: AppPaths, pg: AppPaths, workdir: Path, runs: int
) -> list[Measurement]:
    today = county.today
    finished = today - timedelta(days=1)  # a whole day: counts that do not depend on the hour
    saves = county.scale.saves
    # Cases whose afternoon reading is due, the same on both ledgers (the ids were copied):
    # the saves bench takes the first ones, each clerk of the mixed load a share of the rest.
    due = due_afternoon_cases(sqlite.database, today, saves * runs + CLERKS * saves)
    plain, mixed = due[: saves * runs], due[saves * runs :]
    results: list[Measurement] = []
    with (
        Database.open(sqlite, operator="基准测试", lock=False) as lite,
        Database.open(pg, operator="基准测试") as server,
    ):
        both = (server, lite)

        def pair(work: Callable[[Database], float]) -> tuple[list[float], list[float]]:
            pg_runs, lite_runs = [], []
            for _ in range(runs):
                pg_runs.append(work(server))
                lite_runs.append(work(lite))
            return pg_runs, lite_runs

        _say("save one reading")
        batches: dict[int, Iterator[list[int]]] = {
            id(db): iter(plain[n * saves : (n + 1) * saves] for n in range(runs)) for db in both
        }

        def save_median(db: Database) -> float:
            cases = next(batches[id(db)])
            return statistics.median(_save(db, case, today) for case in cases) * 1000

        results.append(_row("pg_save_reading", "save one reading, durable", "ms",
                            *pair(save_median)))  # fmt: skip
        _say("day's numbers")
        results.append(_row("pg_day_numbers", "day's numbers, yesterday", "ms", *pair(
            lambda db: timed(lambda: stats.day_numbers(db, finished)) * 1000
        )))  # fmt: skip
        _say("roster open")
        results.append(_row("pg_roster_open", "roster: 在管 ids and the first 50 rows", "ms", *pair(
            lambda db: timed(lambda: _open_roster(db)) * 1000
        )))  # fmt: skip
        _say("export daily")
        results.append(_row("pg_export_daily", "export daily report, yesterday", "ms", *pair(
            lambda db: timed(lambda: reports.export_daily(db, finished, workdir / "日报.xlsx"))
            * 1000
        )))  # fmt: skip
    _say("mixed load")
    on_server = mixed_load(pg, mixed, today, finished, workdir)
    on_file = mixed_load(sqlite, mixed, today, finished, workdir)
    note = f"{CLERKS} clerks saving {saves} readings each while the daily report is exported"
    results += [
        measurement("pg_mixed_throughput", "mixed load: saves per second (higher is better)",
                    "/s", [on_server.saves_per_second], [on_file.saves_per_second], note=note),
        measurement("pg_mixed_slowest_save", "mixed load: slowest save", "ms",
                    [on_server.slowest_save_ms], [on_file.slowest_save_ms], note=note),
        measurement("pg_mixed_export", "mixed load: daily export meanwhile", "ms",
                    [on_server.export_ms], [on_file.export_ms], note=note),
    ]  # fmt: skip
    return results


def _row(key: str, label: str, unit: str, pg: list[float], lite: list[float]) -> Measurement:
    return measurement(key, f"{label} (PostgreSQL vs SQLite)", unit, pg, lite)


def _save(db: Database, case_id: int, day: object) -> float:
    start = time.perf_counter()
    rounds.record_reading(db, case_id, day, Slot.PM, 36.6, measured_by="张村医", today=day)  # type: ignore[arg-type]
    return time.perf_counter() - start


def _open_roster(db: Database) -> None:
    ids = roster_ids(db, RosterFilter())
    roster_rows(db, ids[:50])


def mixed_load(
    paths: AppPaths, cases: list[int], day: object, report_day: object, workdir: Path
) -> MixedLoad:
    """Each clerk a Database of its own (its engine, its connection); one exports meanwhile.
    The clock starts when all are connected and ready."""
    share = len(cases) // CLERKS
    times: list[list[float]] = [[] for _ in range(CLERKS)]
    exported: list[float] = []
    gate = threading.Barrier(CLERKS + 2)

    def clerk(n: int) -> None:
        with Database.open(paths, operator=f"录入员{n + 1}", lock=False) as db:
            gate.wait()
            for case in cases[n * share : (n + 1) * share]:
                times[n].append(_save(db, case, day))

    def exporter() -> None:
        with Database.open(paths, operator="乡镇文书", lock=False) as db:
            gate.wait()
            target = workdir / f"日报-{paths.on_server}.xlsx"
            exported.append(timed(lambda: reports.export_daily(db, report_day, target)))  # type: ignore[arg-type]

    threads = [threading.Thread(target=clerk, args=(n,)) for n in range(CLERKS)]
    threads.append(threading.Thread(target=exporter))
    for thread in threads:
        thread.start()
    gate.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    every = [t for clerk_times in times for t in clerk_times]
    return MixedLoad(len(every) / elapsed, max(every) * 1000, exported[0] * 1000)
