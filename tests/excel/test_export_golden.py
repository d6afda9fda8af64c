"""Every export kind of the demo village, cell for cell, against the workbooks written before the
field registry (tests/fixtures/golden_exports): values per sheet, headers, merged cells, number
formats and column widths. A refactoring of how rows are built must not change one cell a
township receives.

The demo village and the exports are made by the command line at the pinned moment. To write the
golden files anew (only for an intended change of a form):
``FANGYI_NOW=2026-06-10T10:30:00 python -m tests.excel.test_export_golden``.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.cli import main
from tests.helpers.pinned_clock import PINNED, pinned_at

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden_exports"
RANGE = ("--from", "2026-05-28", "--to", "2026-06-10")
DAY = ("--date", "2026-06-10")
#: (golden file stem, ``export`` arguments): every kind, masked and in full
EXPORTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (f"{kind}{'-masked' if mask == '--mask' else ''}", (kind, *dates, mask))
    for kind, dates in (
        ("rounds-sheet", DAY),
        ("vehicles", RANGE),
        ("daily", DAY),
        ("roster", DAY),
        ("temperatures", RANGE),
        ("assignments", DAY),
    )
    for mask in ("--no-mask", "--mask")
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return f"{type(value).__name__}:{value.isoformat()}"
    return value


def snapshot(path: Path) -> dict[str, Any]:
    """What a reader of the workbook sees: each sheet's filled cells (value, number format),
    merged ranges, and the print title rows."""
    book = load_workbook(path)
    sheets: dict[str, Any] = {}
    for sheet in book.worksheets:
        cells = [
            [cell.coordinate, _plain(cell.value), cell.number_format]
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        sheets[sheet.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "print_title_rows": sheet.print_title_rows,
            "widths": {
                letter: dimension.width
                for letter, dimension in sorted(sheet.column_dimensions.items())
                if dimension.width
            },
        }
    return sheets


def write_exports(data_dir: Path, out_dir: Path) -> dict[str, Path]:
    """The demo village, then every export kind of :data:`EXPORTS` into ``out_dir``."""
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    written: dict[str, Path] = {}
    for stem, arguments in EXPORTS:
        target = out_dir / f"{stem}.xlsx"
        code = main(["--data-dir", str(data_dir), "export", *arguments, "--out", str(target)])
        assert code == 0, stem
        written[stem] = target
    return written


def _golden_text(sheets: dict[str, Any]) -> str:
    """JSON with one cell a line, so a changed cell shows as one changed line in a diff."""
    lines = ["{"]
    for number, (title, sheet) in enumerate(sheets.items()):
        lines.append(f"{json.dumps(title, ensure_ascii=False)}: {{")
        for key in ("merged", "print_title_rows", "widths"):
            lines.append(f'"{key}": {json.dumps(sheet[key], ensure_ascii=False)},')
        cells = ",\n".join(json.dumps(cell, ensure_ascii=False) for cell in sheet["cells"])
        lines.append(f'"cells": [\n{cells}\n]')
        lines.append("}," if number < len(sheets) - 1 else "}")
    lines.append("}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("golden")
    # At the golden files' moment itself, however long the suite has run: the daily report
    # prints its 报送时间 to the minute.
    with pinned_at(PINNED):
        return write_exports(folder / "data", folder)


@pytest.mark.parametrize("stem", [stem for stem, _ in EXPORTS])
def test_export_matches_the_golden_workbook(exported: dict[str, Path], stem: str) -> None:
    expected = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(snapshot(exported[stem]), ensure_ascii=False))
    assert actual.keys() == expected.keys()
    for title, sheet in expected.items():
        assert actual[title]["merged"] == sheet["merged"], title
        assert actual[title]["print_title_rows"] == sheet["print_title_rows"], title
        assert actual[title]["widths"] == sheet["widths"], title
        assert actual[title]["cells"] == sheet["cells"], title


if __name__ == "__main__":  # write the golden files anew
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for name, path in write_exports(Path(scratch) / "data", Path(scratch)).items():
            (GOLDEN / f"{name}.json").write_text(_golden_text(snapshot(path)), encoding="utf-8")
    sys.exit(0)
