"""The daily report is streamed (openpyxl's write-only mode) and is still the same workbook.

Streaming writes the county's 2,000-odd rows of people behind the numbers about twice as fast as
building a cell object per value (bench/: daily export). The reference here is the same sheets
written through openpyxl's normal mode, as every daily report was written before; the two files
are read back and compared cell by cell: values and types, number formats, fonts, fills, borders,
alignment, merged ranges, column widths, row heights, frozen panes and the print setup.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.config import AppPaths
from app.db import Database
from app.excel.daily_report import daily_report_sheets, write_daily_report
from app.excel.workbook import WIDTH_SAMPLE_ROWS, write_workbook
from app.models.daily_report import DailyWorkbook
from app.services import reports
from tests.excel.workbook_compare import assert_same_workbook
from tests.helpers.ledgers import TODAY, make_demo_ledger
from tests.services import report_scenario as sc


def _assert_same_as_normal_mode(report: DailyWorkbook, tmp_path: Path) -> None:
    streamed, reference = tmp_path / "streamed.xlsx", tmp_path / "reference.xlsx"
    write_daily_report(streamed, report)
    write_workbook(reference, daily_report_sheets(report), streaming=False)
    assert_same_workbook(streamed, reference)


def test_a_village_report_with_its_people_is_the_same_workbook(
    paths: AppPaths, tmp_path: Path
) -> None:
    make_demo_ledger(paths, persons=300, days=14)
    with Database.open(paths, operator="测试员") as db:
        report = reports.daily_workbook(db, TODAY - timedelta(days=1))
    assert report.new_cases and report.ended_cases and report.anomalies  # every sheet has rows
    _assert_same_as_normal_mode(report, tmp_path)


def test_a_long_list_is_measured_whole_for_its_column_widths(
    paths: AppPaths, tmp_path: Path
) -> None:
    """A county's day lists thousands: the widest 地址 may come after the first screenful."""
    make_demo_ledger(paths, persons=60, days=14)
    with Database.open(paths, operator="测试员") as db:
        report = reports.daily_workbook(db, TODAY - timedelta(days=1))
    first = report.new_cases[0]
    many = [{**first, "name": f"{first['name']}{n}"} for n in range(WIDTH_SAMPLE_ROWS + 300)]
    many[-1] = {**first, "address": "浙江省丽水市莲都区紫金街道某某村某某小区十二幢三单元"}
    _assert_same_as_normal_mode(replace(report, new_cases=many), tmp_path)


def test_the_scenario_day_is_the_same_workbook(db: Database, tmp_path: Path) -> None:
    sc.build(db)
    _assert_same_as_normal_mode(reports.daily_workbook(db, sc.D), tmp_path)


@pytest.mark.parametrize("zero", [False, True])
def test_a_townships_merged_report_is_the_same_workbook(
    db: Database, tmp_path: Path, zero: bool
) -> None:
    sc.build(db)
    day = sc.D + timedelta(days=30) if zero else sc.D
    report = reports.daily_workbook(db, day)
    merged = DailyWorkbook(table=report.table, signature=report.signature, with_total=True)
    _assert_same_as_normal_mode(merged, tmp_path)


def test_the_export_writes_the_lists_first_and_the_same_workbook(
    paths: AppPaths, tmp_path: Path
) -> None:
    """``export_daily`` writes the lists of people while the day is counted and the 日报表
    sheet last, in front of them: the file is the one ``write_daily_report`` writes."""
    make_demo_ledger(paths, persons=300, days=14)
    day = TODAY - timedelta(days=1)
    exported, reference = tmp_path / "exported.xlsx", tmp_path / "reference.xlsx"
    with Database.open(paths, operator="测试员") as db:
        reports.export_daily(db, day, exported)
        report = reports.daily_workbook(db, day)
    assert report.new_cases and report.ended_cases and report.anomalies
    write_workbook(reference, daily_report_sheets(report), streaming=False)
    assert_same_workbook(exported, reference)
    assert load_workbook(exported).active.title == "日报表"  # the sheet Excel opens on
