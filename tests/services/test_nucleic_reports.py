"""核酸检测 in the ledgers: the 核酸检测台账, and the test columns of the roster and temperature
ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.db import Database
from app.services import nucleic_reports, nucleic_tests, reference, reports
from app.services.errors import ServiceError
from app.services.reference import UnitInfo
from tests.services.nucleic_village import IDS, days_ago, register


@pytest.fixture
def village(db: Database) -> dict[str, int]:
    reference.save_unit_profile(db, UnitInfo(unit_name="红星村"))
    cases = {
        "甲": register(db, "甲", started_days_ago=4, id_number=IDS[0]),
        "乙": register(db, "乙", started_days_ago=1, id_number=IDS[1]),
    }
    nucleic_tests.record_test(db, cases["甲"], days_ago(4), "阴性", lab="县疾控")
    nucleic_tests.record_test(db, cases["甲"], days_ago(1), "待出")
    return cases


def rows_of(path: Path, sheet: str) -> tuple[list[object], list[list[object]]]:
    values = [list(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(values) if r[0] == "序号")
    header = values[at]
    body = [r for r in values[at + 1 :] if isinstance(r[0], int)]
    return header, body


def test_the_tests_ledger_lists_due_days_and_each_sample(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "核酸.xlsx"
    result = nucleic_reports.export_tests(db, days_ago(13), days_ago(0), target)
    assert result.summary == "已导出核酸检测台账（2 人，2 条检测）"
    header, body = rows_of(target, "核酸检测台账")
    assert header[:8] == [
        "序号", "姓名", "证件号码", "村民小组", "管控措施", "开始日期", "计划解除日期", "应检天数",
    ]  # fmt: skip
    jia = next(r for r in body if r[1] == "甲")
    assert jia[7] == "第1、4、7天" and (jia[9], jia[11]) == ("阴性", "待出")
    header, body = rows_of(target, "检测明细")
    assert header == [
        "序号", "姓名", "证件号码", "村民小组", "采样日期", "检测日期", "核酸结果", "检测机构",
        "来源",
    ]  # fmt: skip
    assert [(r[1], r[6], r[7], r[8]) for r in body] == [
        ("甲", "阴性", "县疾控", "录入"),
        ("甲", "待出", None, "录入"),
    ]


def test_a_reversed_range_writes_nothing(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "核酸.xlsx"
    with pytest.raises(ServiceError, match="早于开始日期"):
        nucleic_reports.export_tests(db, days_ago(0), days_ago(3), target)
    assert not target.exists()


def test_the_roster_ledger_ends_with_the_tests(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "台账.xlsx"
    reports.export_roster(db, days_ago(0), target)
    header, body = rows_of(target, "在管人员台账")
    assert header[-1] == "核酸检测"
    by_name = {r[1]: r[len(header) - 1] for r in body}
    assert by_name == {
        "甲": f"{days_ago(4):%m-%d} 阴性；{days_ago(1):%m-%d} 待出",
        "乙": None,
    }


def test_the_temperature_ledger_shows_the_days_result(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "体温.xlsx"
    reports.export_temperatures(db, days_ago(4), days_ago(0), target)
    header, body = rows_of(target, "体温台账")
    assert header[-1] == "核酸结果"
    jia = {r[4].date(): r[-1] for r in body if r[1] == "甲"}
    assert jia[days_ago(4)] == "阴性" and jia[days_ago(1)] == "待出" and jia[days_ago(2)] is None
