"""Benchmarks at county scale: ``python -m bench --out results.json [--smoke] [--runs N]``.

Every measurement is a median of several runs and a ratio against a floor measured in the same
run (see ``bench.harness``). ``--smoke`` runs the same code on a small data set in well under a
minute, so the suite cannot rot unnoticed (``tests/test_bench_smoke.py``).
"""

#: Every measurement the suite reports, in the order of the results table.
MEASUREMENT_KEYS: tuple[str, ...] = (
    "generate_county",
    "save_reading",
    "day_numbers",
    "roster_open",
    "roster_search_name",
    "roster_search_pinyin",
    "export_daily",
    "export_temperatures",
    "import_roster",
    "startup_time",
    "startup_today",
    "startup_memory",
)
