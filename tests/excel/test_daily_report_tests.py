"""日报表's 当日应检/已检/阳性 columns: absent unless the setting turns them on (the township's
layout unchanged to the byte), counted from the tests when on, and summed by the merge."""

from __future__ import annotations

import zipfile
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import delete

from app.config import Settings
from app.db import Database
from app.excel.daily_report import write_daily_report
from app.excel.merge import merge_files, read_daily_report
from app.excel.sheet_reader import normalize_header
from app.models import NucleicAcidTest
from app.models.daily_report import DailyTable, DailyWorkbook, Signature, UnitLine, period_text
from app.services import nucleic_tests, reference, reports
from app.services.reference import UnitInfo
from tests.services.nucleic_village import days_ago, register

TESTS = ["当日应检", "当日已检", "当日阳性"]


@pytest.fixture
def village(db: Database) -> Database:
    reference.save_unit_profile(db, UnitInfo(unit_name="红星村", township="红星镇"))
    first = register(db, "甲", started_days_ago=0)
    fourth = register(db, "乙", started_days_ago=3)
    register(db, "丙", started_days_ago=6)  # 第7天: due, not sampled
    nucleic_tests.record_test(db, first, days_ago(0), "阴性")
    nucleic_tests.record_test(db, fourth, days_ago(0), "待出")
    return db


def header_and_row(path: Path) -> tuple[list[str], list[object]]:
    sheet = openpyxl.load_workbook(path)["日报表"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "序号")
    header = [normalize_header(v) for v in rows[at] if v is not None]
    return header, rows[at + 1][: len(header)]


def parts(path: Path) -> dict[str, bytes]:
    """Every part of the workbook but its creation time stamp (docProps/core.xml)."""
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_off_by_default_the_report_is_the_same_to_the_byte(
    village: Database, tmp_path: Path
) -> None:
    with_tests, without = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    reports.export_daily(village, days_ago(0), with_tests)
    header, _ = header_and_row(with_tests)
    assert header[-1] == "劝返人数" and not set(TESTS) & set(header)
    with village.session() as session:
        session.execute(delete(NucleicAcidTest))
    reports.export_daily(village, days_ago(0), without)
    assert parts(with_tests) == parts(without)


def test_on_the_report_carries_the_days_tests(village: Database, tmp_path: Path) -> None:
    reference.write_setting(village, Settings.DAILY_REPORT_TESTS, True)
    target = tmp_path / "日报.xlsx"
    reports.export_daily(village, days_ago(0), target)
    header, row = header_and_row(target)
    assert header[-4:] == ["劝返人数", *TESTS]
    assert row[-3:] == [3, 2, 0]
    assert reports.daily_table(village, days_ago(0)).lines[0].counts["当日已检"] == 2


def _village_file(folder: Path, unit: str, counts: dict[str, int], extras: bool) -> Path:
    day = date(2022, 4, 10)
    table = DailyTable(
        day, period_text(day, time(0, 0)), ("居家隔离医学观察",), [UnitLine(unit, counts)],
        tuple(TESTS) if extras else (),
    )  # fmt: skip
    path = folder / f"{unit}.xlsx"
    write_daily_report(path, DailyWorkbook(table, Signature(unit, "文书", "", "书记", day)))
    return path


def test_the_merge_sums_the_test_columns_when_present(tmp_path: Path) -> None:
    east = _village_file(
        tmp_path, "东村", {"在管人数": 5, "当日应检": 4, "当日已检": 3, "当日阳性": 1}, True
    )
    west = _village_file(tmp_path, "西村", {"在管人数": 2, "当日应检": 2, "当日已检": 2}, True)
    old = _village_file(tmp_path, "老村", {"在管人数": 7}, False)
    assert read_daily_report(old).table.extras == ()
    merged = merge_files([east, west, old]).table
    totals = dict(zip(merged.number_labels, merged.total(), strict=True))
    assert merged.number_labels[-3:] == TESTS
    assert (totals["在管人数"], totals["当日应检"], totals["当日已检"], totals["当日阳性"]) == (
        14,
        6,
        5,
        1,
    )
    township = tmp_path / "镇.xlsx"
    write_daily_report(township, DailyWorkbook(merged, Signature("红星镇"), with_total=True))
    again = read_daily_report(township).table  # the county can merge the township's sum
    assert again.extras == tuple(TESTS)
    assert merge_files([old]).table.extras == ()
