"""Writing: generating the county data set, and saving one reading durably."""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from app.db import Database
from app.models import Slot
from app.services import rounds
from bench import county as cty
from bench.harness import Measurement, measurement, timed


def bench_generation(county: cty.County, workdir: Path, runs: int) -> tuple[Measurement, Path]:
    """A fresh ``demo.generate`` vs the same rows with raw ``executemany`` in one transaction.

    Returns the measurement and the data dir of the first fresh generation (the cache adopts it
    when it has none for these parameters).
    """
    fresh_dirs: list[Path] = []
    floor_rows: list[cty.TableRows] = []

    def ours() -> float:
        data_dir = Path(tempfile.mkdtemp(prefix="generate-", dir=workdir))
        paths = cty.resolve_paths(data_dir)
        with Database.open(paths, operator="基准测试") as db:
            cty.prepare(db, county)
            elapsed = timed(lambda: cty.demo.generate(db, **cty.generate_arguments(county)))
        fresh_dirs.append(data_dir)
        return elapsed

    def floor() -> float:
        if not floor_rows:
            floor_rows.extend(cty.read_generated_rows(cty.resolve_paths(fresh_dirs[0]).database))
        data_dir = Path(tempfile.mkdtemp(prefix="floor-", dir=workdir))
        database = cty.empty_ledger(data_dir)
        elapsed = timed(lambda: cty.insert_raw(database, floor_rows))
        shutil.rmtree(data_dir, ignore_errors=True)
        return elapsed

    ours_runs: list[float] = []
    floor_runs: list[float] = []
    for n in range(runs):
        ours_runs.append(ours())
        floor_runs.append(floor())
        if n:  # keep the first for the cache; the others only cost disk space
            shutil.rmtree(fresh_dirs[n], ignore_errors=True)
    rows = cty.row_count(floor_rows)
    by_table = {t.table: len(t.rows) for t in floor_rows}
    note = (
        f"{rows:,} rows ({by_table['temperature_reading']:,} readings, "
        f"{by_table['case_record']:,} cases, {by_table['vehicle_pass']:,} vehicle passes); "
        f"ours {rows / statistics.median(ours_runs):,.0f} rows/s, "
        f"floor {rows / statistics.median(floor_runs):,.0f} rows/s"
    )
    result = measurement(
        "generate_county",
        "generate county data set (demo.generate)",
        "s",
        ours_runs,
        floor_runs,
        note=note,
    )
    return result, fresh_dirs[0]


def due_afternoon_cases(database: Path, day: date, count: int) -> list[int]:
    """Cases whose afternoon reading of ``day`` is still due: a clerk's next round."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            """
            SELECT c.id FROM case_record c JOIN measure m ON m.id = c.measure_id
            WHERE c.deleted_at IS NULL AND m.needs_readings AND c.start_date <= :day
              AND (c.ended_on IS NULL OR c.ended_on > :day)
              AND NOT EXISTS (SELECT 1 FROM temperature_reading r WHERE r.case_id = c.id
                              AND r.reading_date = :day AND r.slot = 'PM')
            ORDER BY c.id LIMIT :count
            """,
            {"day": day.isoformat(), "count": count},
        ).fetchall()
    finally:
        connection.close()
    if len(rows) < count:
        raise RuntimeError(f"only {len(rows)} afternoon readings are due; the bench needs {count}")
    return [r[0] for r in rows]


def bench_save_reading(db: Database, county: cty.County, saves: int, runs: int) -> Measurement:
    """``rounds.record_reading`` (its own committed transaction, audit row included) vs a bare
    ``INSERT`` + ``COMMIT`` of the same reading on a raw connection with the same pragmas.

    Each run saves ``saves`` new afternoon readings on each side (different cases), one of ours
    and one bare in turn: an fsync costs 0.2 ms on a quiet disk and several on a busy one, so
    both sides must share the same moments. The run's figure is the median ms per save.
    """
    day = county.today
    cases = due_afternoon_cases(db.paths.database, day, 2 * saves * runs)
    connection = cty.raw_connection(db.paths.database)

    def ours(case_id: int, celsius: float) -> float:
        start = time.perf_counter()
        rounds.record_reading(db, case_id, day, Slot.PM, celsius, measured_by="张村医", today=day)
        return time.perf_counter() - start

    def floor(case_id: int, celsius: float) -> float:
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute(
            "INSERT INTO temperature_reading (case_id, reading_date, slot, celsius, symptoms, "
            "measured_by, recorded_at) VALUES (?, ?, 'PM', ?, '', '张村医', ?)",
            (case_id, day.isoformat(), celsius, _now()),
        )
        connection.execute("COMMIT")
        return time.perf_counter() - start

    ours_runs, floor_runs = [], []
    try:
        for run in range(runs):
            batch = cases[2 * saves * run : 2 * saves * (run + 1)]
            ours_times, floor_times = [], []
            for n in range(saves):
                celsius = 36.0 + (n % 11) / 10  # all normal: no anomaly on either side
                ours_times.append(ours(batch[2 * n], celsius))
                floor_times.append(floor(batch[2 * n + 1], celsius))
            ours_runs.append(statistics.median(ours_times) * 1000)
            floor_runs.append(statistics.median(floor_times) * 1000)
    finally:
        connection.close()
    return measurement(
        "save_reading",
        "save one reading, durable (record_reading)",
        "ms",
        ours_runs,
        floor_runs,
        target=4.0,
        target_kind="ratio",
        note=f"median of {saves} saves per run, WAL + synchronous=FULL on both sides",
    )


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S.000000")
