"""Two workbooks compared as the clerk and the township see them, cell by cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl


def _side(side: Any) -> tuple[object, ...]:
    return (side.style, side.color.rgb if side.color is not None else None)


def _cell(cell: Any) -> tuple[object, ...]:
    font, fill, border, align = cell.font, cell.fill, cell.border, cell.alignment
    return (
        cell.coordinate,
        cell.value,
        cell.data_type,
        cell.number_format,
        (font.b, font.sz, font.name),
        (fill.fill_type, fill.fgColor.rgb),
        tuple(_side(s) for s in (border.left, border.right, border.top, border.bottom)),
        (align.horizontal, align.vertical, align.wrap_text),
    )


def _sheet(ws: Any) -> dict[str, object]:
    setup, margins = ws.page_setup, ws.page_margins
    return {
        "title": ws.title,
        "cells": [_cell(cell) for row in ws.iter_rows() for cell in row],
        "merged": sorted(str(merged) for merged in ws.merged_cells.ranges),
        "widths": {key: dim.width for key, dim in ws.column_dimensions.items()},
        "heights": {key: dim.height for key, dim in ws.row_dimensions.items() if dim.height},
        "frozen": ws.freeze_panes,
        "print_titles": ws.print_title_rows,
        "page": (
            setup.paperSize,
            setup.orientation,
            setup.fitToWidth,
            setup.fitToHeight,
            ws.sheet_properties.pageSetUpPr.fitToPage,
            ws.print_options.horizontalCentered,
            (margins.left, margins.right, margins.top, margins.bottom),
            ws.oddFooter.center.text,
        ),
    }


def _workbook(path: Path) -> list[dict[str, object]]:
    workbook = openpyxl.load_workbook(path)
    try:
        return [_sheet(ws) for ws in workbook.worksheets]
    finally:
        workbook.close()


def assert_same_workbook(got: Path, expected: Path) -> None:
    """Values and types, number formats, fonts, fills, borders, alignment, merged ranges, column
    widths, row heights, frozen panes and the print setup of every sheet."""
    sheets, wanted = _workbook(got), _workbook(expected)
    assert [s["title"] for s in sheets] == [s["title"] for s in wanted]
    for sheet, want in zip(sheets, wanted, strict=True):
        for key, value in want.items():
            assert sheet[key] == value, f"{sheet['title']}: {key} differs"
