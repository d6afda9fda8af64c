"""Excel: the 体温台账 and 日报表 exports, and importing a county roster list."""

from __future__ import annotations

import hashlib
import inspect
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from app.config import Settings, resolve_paths
from app.db import Database
from app.excel.temperature_ledger import TemperatureLine
from app.services import imports, reports, stats
from app.services.reference import get_setting
from bench.county import CACHE_ROOT
from bench.harness import Measurement, alternate, measurement, timed

# --- 体温台账 -----------------------------------------------------------------------------------


def export_range(db: Database, today: date, rows: int, longest: int) -> tuple[date, date, int]:
    """The shortest range ending yesterday (complete days) whose long form has ``rows`` rows."""
    last = today - timedelta(days=1)
    count = 0
    for days in range(1, longest + 1):
        first = last - timedelta(days=days - 1)
        count = reports.temperature_row_count(db, first, last)
        if count >= rows:
            break
    return first, last, count


def _ledger_values(
    db: Database, first: date, last: date
) -> tuple[list[TemperatureLine], list[TemperatureLine]]:
    """The rows the export writes, fetched through the reports service's own cursors."""
    with db.reading() as session:
        day_one_is_start = get_setting(session, Settings.DAY_ONE_IS_START)
        long_form = list(reports._long_form_rows(session, first, last))
        grid = list(reports._grid_rows(session, first, last, day_one_is_start))
    return long_form, grid


def bare_write(
    target: Path, sheets: list[tuple[str, list[str], list[tuple[object, ...]] | list[list[object]]]]
) -> None:
    """The floor of an export: openpyxl's write-only mode, one ``append`` per row, no styles."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.save(target)


def bench_export_temperatures(
    db: Database, today: date, rows: int, longest: int, workdir: Path, runs: int
) -> Measurement:
    from app.excel.field_columns import numbered_rows
    from app.excel.temperature_ledger import (
        GRID_FIELDS,
        GRID_TITLE,
        LONG_FIELDS,
        day_cells,
        grid_labels,
        long_labels,
    )

    first, last, count = export_range(db, today, rows, longest)
    lines, grid_lines = _ledger_values(db, first, last)
    # The floor appends the very cells the ledger writes, already laid out as lists.
    long_form = list(numbered_rows(LONG_FIELDS, lines))
    grid = list(numbered_rows(GRID_FIELDS, grid_lines, day_cells))
    target = workdir / "体温台账.xlsx"
    floor_target = workdir / "体温台账-floor.xlsx"
    sheets = [("体温台账", long_labels(), long_form), (GRID_TITLE, grid_labels(), grid)]

    ours_runs, floor_runs = alternate(
        lambda: timed(lambda: reports.export_temperatures(db, first, last, target)),
        lambda: timed(lambda: bare_write(floor_target, sheets)),
        runs,
    )
    cells = len(long_form) * len(long_labels()) + len(grid) * len(grid_labels())
    return measurement(
        "export_temperatures",
        f"export temperatures ({count:,} rows)",
        "s",
        ours_runs,
        floor_runs,
        target=1.5,
        target_kind="ratio",
        note=(
            f"{first}..{last}: {count:,} long-form rows + {len(grid):,} grid rows "
            f"({cells:,} cells); floor = bare write-only append of the same values"
        ),
    )


def bench_export_daily(db: Database, today: date, workdir: Path, runs: int) -> Measurement:
    target = workdir / "日报表.xlsx"

    def ours() -> float:
        return timed(lambda: reports.export_daily(db, today, target)) * 1000

    def floor() -> float:
        return timed(lambda: stats.day_numbers(db, today)) * 1000

    ours_runs, floor_runs = alternate(ours, floor, runs)
    return measurement(
        "export_daily",
        "export daily report, yesterday (日报表)",
        "ms",
        ours_runs,
        floor_runs,
        target=1.5,
        target_kind="ratio",
        note="floor = stats.day_numbers for the same day (the counting the report needs)",
    )


# --- import-roster ------------------------------------------------------------------------------


def county_roster(rows: int, layout: str = "lishui") -> Path:
    """The county list to import, written once per size and generator version."""
    from tests.helpers import workbooks

    source = hashlib.sha256(inspect.getsource(workbooks).encode()).hexdigest()[:12]
    path = CACHE_ROOT / f"roster-{layout}-{rows}-{source}.xlsx"
    if not path.is_file():
        CACHE_ROOT.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(".partial-" + path.name)
        workbooks.write_county_roster(partial, rows=rows, layout=layout)  # type: ignore[arg-type]
        partial.replace(path)
    return path


def bare_read(path: Path) -> int:
    """The floor of an import: openpyxl's read-only mode, every row's values once."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        count = 0
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                count += 1
        return count
    finally:
        wb.close()


def bench_import_roster(rows: int, workdir: Path, runs: int) -> Measurement:
    path = county_roster(rows)
    imported: list[int] = []

    def ours() -> float:
        data_dir = Path(tempfile.mkdtemp(prefix="import-", dir=workdir))
        with Database.open(resolve_paths(data_dir), operator="基准测试") as db:
            start = time.perf_counter()
            report = imports.import_roster(db, path)
            elapsed = time.perf_counter() - start
        imported.append(report.cases_created)
        return elapsed

    ours_runs, floor_runs = alternate(ours, lambda: timed(lambda: bare_read(path)), runs)
    return measurement(
        "import_roster",
        f"import-roster ({rows:,}-row 丽水 list)",
        "s",
        ours_runs,
        floor_runs,
        target=3.0,
        target_kind="ratio",
        note=(
            f"{imported[-1]:,} cases created in an empty ledger; "
            "floor = bare read-only pass over the same workbook"
        ),
    )
