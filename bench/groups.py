"""The benchmark groups that run inside this process on an open copy of a data set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench import county as cty
from bench.harness import Measurement

GROUPS = ("generate", "save", "day", "roster", "daily", "temperatures", "import", "startup")
Step = Callable[[str, Callable[[], list[Measurement]]], None]


def run_in_process(
    county: cty.County,
    paths: cty.AppPaths,
    workdir: Path,
    run_counts: tuple[int, int, int],
    groups: set[str],
    step: Step,
) -> None:
    from app.db import Database
    from bench import excel, reads, writes

    runs, heavy_runs, quick_runs = run_counts
    scale, today = county.scale, county.today
    # The day's numbers and the daily report count a finished day: every round of it is over,
    # so the counts do not depend on the time of day the bench runs.
    finished = today - timedelta(days=1)
    # No instance lock: the cold-start benchmark opens the same ledger in a child process.
    with Database.open(paths, operator="基准测试", lock=False) as db:
        if "day" in groups:
            step("day's numbers", lambda: [reads.bench_day_numbers(db, finished, quick_runs)])
        if "roster" in groups:
            step("roster", lambda: reads.bench_roster(db, today, quick_runs))
        if "daily" in groups:
            step(
                "export daily",
                lambda: [excel.bench_export_daily(db, finished, workdir, quick_runs)],
            )
        if "temperatures" in groups:
            step(
                "export temperatures",
                lambda: [
                    excel.bench_export_temperatures(
                        db, today, scale.export_rows, scale.days, workdir, heavy_runs
                    )
                ],
            )
        if "save" in groups:
            step(
                "save readings",
                lambda: [writes.bench_save_reading(db, county, scale.saves, runs)],
            )
    if "import" in groups:
        step("import roster", lambda: [excel.bench_import_roster(scale.import_rows, workdir, runs)])
