"""``python -m bench --out results.json [--smoke] [--runs N] [--only GROUP,…]``."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import clock
from bench import MEASUREMENT_KEYS
from bench import county as cty
from bench.groups import GROUPS, run_in_process
from bench.harness import COUNTY, SMOKE, Measurement, Scale, table

PROJECT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="write the results here (JSON)")
    parser.add_argument("--smoke", action="store_true", help="small data, a few seconds a part")
    parser.add_argument(
        "--runs",
        type=int,
        help="runs per measurement (default 3, and 2 for the minute-long generation and "
        "体温台账 export; smoke 2)",
    )
    parser.add_argument(
        "--scale",
        action="store_true",
        help="the scale curve: save, day's numbers, roster open, daily export and cold start on "
        "5k / 50k / 200k cases (with --smoke: three small sets)",
    )
    parser.add_argument(
        "--engine",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: the data set copied into PostgreSQL and measured side by side with "
        "SQLite, plus a mixed load (bench/engines.py)",
    )
    parser.add_argument(
        "--only",
        help=f"comma-separated groups to run (default all): {', '.join(GROUPS)}",
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    chosen = set(args.only.split(",")) if args.only else set(GROUPS)
    unknown = chosen - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    args.groups = chosen
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.engine == "postgresql":
        from bench.engines import run_engines

        return run_engines(args.out, smoke=args.smoke, runs=args.runs)
    if args.scale:
        from bench.series import run_series

        return run_series(args.out, smoke=args.smoke, runs=args.runs, project=PROJECT)
    scale: Scale = SMOKE if args.smoke else COUNTY
    runs = args.runs or scale.runs
    heavy_runs = args.runs or scale.heavy_runs
    quick_runs = max(runs, 5)  # millisecond measurements: more runs cost next to nothing
    county = cty.County(scale, clock.today())
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="fangyi-bench-run-"))
    results: list[Measurement] = []

    def step(name: str, work: Callable[[], list[Measurement]]) -> None:
        print(f"… {name}", file=sys.stderr, flush=True)
        begun = time.perf_counter()
        results.extend(work())
        print(f"  {time.perf_counter() - begun:.1f} s", file=sys.stderr, flush=True)

    try:
        cached = _county_ledger(county, workdir, heavy_runs, args.groups, step)
        paths = cty.work_copy(cached, workdir)
        run_in_process(county, paths, workdir, (runs, heavy_runs, quick_runs), args.groups, step)
        if "startup" in args.groups:
            from bench.startup import bench_startup

            step("cold start", lambda: bench_startup(paths.data_dir, PROJECT, runs))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results.sort(key=lambda m: MEASUREMENT_KEYS.index(m.key))
    print(table(results))
    for m in results:
        if m.note:
            print(f"  {m.key}: {m.note}")
    elapsed = time.perf_counter() - started
    print(f"{scale.name} scale, {runs} runs, {elapsed:.0f} s in all", file=sys.stderr)
    _write_json(args.out, scale, runs, county, elapsed, results)
    return 0


def _county_ledger(
    county: cty.County,
    workdir: Path,
    runs: int,
    groups: set[str],
    step: Callable[[str, Callable[[], list[Measurement]]], None],
) -> Path:
    """The cached data set; the generation benchmark's first fresh ledger seeds a missing cache."""
    if "generate" not in groups:
        print("… county data set (cached)", file=sys.stderr, flush=True)
        return cty.cached_ledger(county)
    from bench.writes import bench_generation

    fresh: list[Path] = []

    def generation() -> list[Measurement]:
        result, first = bench_generation(county, workdir, runs)
        fresh.append(first)
        return [result]

    step("generate the data set", generation)
    cached = cty.cached_ledger(county, fresh=fresh[0])
    shutil.rmtree(fresh[0], ignore_errors=True)
    return cached


def _write_json(
    out: Path,
    scale: Scale,
    runs: int,
    county: cty.County,
    elapsed: float,
    results: list[Measurement],
) -> None:
    import openpyxl

    try:
        import lxml  # noqa: F401

        xml = "lxml"
    except ImportError:
        xml = "xml.etree (no lxml)"
    document = {
        "scale": scale.name,
        "parameters": {
            "persons": scale.persons,
            "days": scale.days,
            "measure_days": scale.measure_days,
            "vehicles_per_day": scale.vehicles_per_day,
            "saves": scale.saves,
            "export_rows": scale.export_rows,
            "import_rows": scale.import_rows,
            "today": county.today.isoformat(),
            "now": county.now.isoformat(sep=" "),
        },
        "runs": runs,
        "measured_at": clock.now().isoformat(timespec="seconds"),
        "seconds": round(elapsed, 1),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "openpyxl": openpyxl.__version__,
            "xml": xml,
        },
        "measurements": [m.as_json() for m in results],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
