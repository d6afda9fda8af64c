"""The scale curve (``python -m bench --scale``): how each cost grows as the file grows.

``harness.SERIES`` is one office registering ~1,000 cases a day, seen on day 5, day 50 (the county
data set) and day 200. On each data set the same measurements as the main table — saving one
reading, the day's numbers, opening the roster, the daily export, cold start — each with its floor
from the same run; printed as one table (ours, and the ratio to the floor) and written as JSON.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import clock
from bench import county as cty
from bench.groups import run_in_process
from bench.harness import SERIES, SMOKE_SERIES, Measurement, Scale, grid, quantity

IN_PROCESS = {"save", "day", "roster", "daily"}
#: The curve's rows, in order (the roster searches are measured too, but not shown).
CURVE_KEYS = (
    "save_reading",
    "day_numbers",
    "roster_open",
    "export_daily",
    "startup_time",
    "startup_today",
)


@dataclass(frozen=True)
class Point:
    """One data set of the curve and what was measured on it."""

    scale: Scale
    cases: int
    under_management: int
    readings: int
    passes: int
    file_mb: float
    results: dict[str, Measurement]

    def as_json(self) -> dict[str, object]:
        return {
            "scale": self.scale.name,
            "persons": self.scale.persons,
            "days": self.scale.days,
            "cases": self.cases,
            "under_management": self.under_management,
            "readings": self.readings,
            "passes": self.passes,
            "file_mb": round(self.file_mb, 1),
            "measurements": [m.as_json() for m in self.results.values()],
        }


def run_series(out: Path, *, smoke: bool, runs: int | None, project: Path) -> int:
    started = time.perf_counter()
    points = [_measure(scale, runs, project) for scale in (SMOKE_SERIES if smoke else SERIES)]
    print(curve_table(points))
    document = {
        "scale": "series",
        "measured_at": clock.now().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "points": [p.as_json() for p in points],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _measure(scale: Scale, runs: int | None, project: Path) -> Point:
    from bench.startup import bench_startup

    county = cty.County(scale, clock.today())
    count = runs or scale.runs
    results: list[Measurement] = []

    def step(name: str, work: Callable[[], list[Measurement]]) -> None:
        print(f"… {scale.name}: {name}", file=sys.stderr, flush=True)
        begun = time.perf_counter()
        results.extend(work())
        print(f"  {time.perf_counter() - begun:.1f} s", file=sys.stderr, flush=True)

    print(f"… {scale.name}: data set (cached or generated)", file=sys.stderr, flush=True)
    cached = cty.cached_ledger(county)
    workdir = Path(tempfile.mkdtemp(prefix="fangyi-bench-series-"))
    try:
        paths = cty.work_copy(cached, workdir)
        sizes = _sizes(paths.database, county.today)
        run_in_process(county, paths, workdir, (count, count, max(count, 5)), IN_PROCESS, step)
        step("cold start", lambda: bench_startup(paths.data_dir, project, count))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return Point(scale, *sizes, {m.key: m for m in results})


def _sizes(database: Path, today: date) -> tuple[int, int, int, int, float]:
    connection = sqlite3.connect(database)
    try:
        cases, active = connection.execute(
            "SELECT count(*), sum(start_date <= :d AND (ended_on IS NULL OR ended_on > :d)) "
            "FROM case_record WHERE deleted_at IS NULL",
            {"d": today.isoformat()},
        ).fetchone()
        (readings,) = connection.execute("SELECT count(*) FROM temperature_reading").fetchone()
        (passes,) = connection.execute("SELECT count(*) FROM vehicle_pass").fetchone()
    finally:
        connection.close()
    return cases, active or 0, readings, passes, database.stat().st_size / 1e6


def curve_table(points: list[Point]) -> str:
    """Rows: the data sets' sizes, then each measurement as "ours (ratio to its floor)"."""
    rows = [
        ["", *(f"{p.scale.persons:,} cases, day {p.scale.days}" for p in points)],
        ["under management", *(f"{p.under_management:,}" for p in points)],
        ["readings", *(f"{p.readings:,}" for p in points)],
        ["ledger file", *(f"{p.file_mb:,.0f} MB" for p in points)],
    ]
    for key in CURVE_KEYS:
        found = [p.results.get(key) for p in points]
        label = next((m.label for m in found if m is not None), key)
        rows.append([label, *(_cell(m) for m in found)])
    return grid(rows, right=set(range(1, len(points) + 1)))


def _cell(m: Measurement | None) -> str:
    return "—" if m is None else f"{quantity(m.ours, m.unit)} ({m.ratio:.2f}×)"
