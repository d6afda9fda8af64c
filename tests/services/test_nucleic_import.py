"""导入核酸检测结果: headers as real lists write them, matched by ID number, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db import Database
from app.models.problems import ImportRejected
from app.services import nucleic_import, nucleic_tests, roster, rounds
from tests.services.nucleic_village import IDS, days_ago, register

SAMPLING_SYSTEM = ("受检者姓名", "证件号码", "采样时间", "检测时间", "检测结果", "检测机构")
TOWNSHIP = ("序号", "姓名", "身份证号", "采样时间", "结果")


def write_list(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["某某县核酸检测结果清单"])  # the merged title real lists carry
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def sampled(days: int) -> datetime:
    return datetime.combine(days_ago(days), time(8, 30))


@pytest.fixture
def village(db: Database) -> dict[str, int]:
    return {
        "甲": register(db, "甲", started_days_ago=3, id_number=IDS[0]),
        "乙": register(db, "乙", started_days_ago=3, id_number=IDS[1]),
    }


def test_a_sampling_system_list_is_matched_by_id_and_strangers_are_listed(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    path = write_list(
        tmp_path / "结果.xlsx",
        SAMPLING_SYSTEM,
        [
            ("甲", IDS[0].lower(), sampled(0), sampled(0), "阴性", "县疾控中心"),
            ("乙", IDS[1], sampled(0), None, "待出", None),
            ("路人", IDS[3], sampled(0), sampled(0), "阴性", "县疾控中心"),
        ],
    )
    result = nucleic_import.import_tests(db, path)
    assert (result.new, result.updated, result.unchanged, result.positive) == (2, 0, 0, 0)
    assert [str(u) for u in result.unmatched] == [f"第5行 路人 {IDS[3]}：台账中没有此证件号码"]
    due = {d.name: d for d in nucleic_tests.due_tests(db, days_ago(0))}
    assert due["甲"].result == "阴性" and due["甲"].test and due["甲"].test.lab == "县疾控中心"
    assert due["乙"].result == "待出"


def test_reimporting_adds_nothing_and_a_later_list_updates_pending(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    first = write_list(tmp_path / "a.xlsx", TOWNSHIP, [(1, "乙", IDS[1], sampled(0), "待出")])
    nucleic_import.import_tests(db, first)
    again = nucleic_import.import_tests(db, first)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)
    later = write_list(tmp_path / "b.xlsx", TOWNSHIP, [(1, "乙", IDS[1], sampled(0), "阴")])
    updated = nucleic_import.import_tests(db, later)
    assert (updated.new, updated.updated) == (0, 1)
    person_id = roster.case_row(db, village["乙"]).person_id
    assert [t.result.value for t in nucleic_tests.tests_of_person(db, person_id)] == ["阴性"]


def test_one_bad_row_imports_nothing_and_names_row_and_column(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    path = write_list(
        tmp_path / "bad.xlsx",
        TOWNSHIP,
        [(1, "甲", IDS[0], sampled(0), "阴性"), (2, "乙", IDS[1], "前天", "弱阳")],
    )
    with pytest.raises(ImportRejected) as rejected:
        nucleic_import.import_tests(db, path)
    assert [str(p) for p in rejected.value.problems] == [
        "第4行「采样时间」：无法识别的日期“前天”，请写成 2022-02-03",
        "第4行「结果」：不认识的检测结果「弱阳」，可填：阴性、阳性、待出、未检",
    ]
    assert nucleic_tests.tests_between(db, days_ago(30), days_ago(0)) == []


def test_a_list_contradicting_a_final_result_is_refused(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    nucleic_tests.record_test(db, village["甲"], days_ago(0), "阴性")
    path = write_list(tmp_path / "c.xlsx", TOWNSHIP, [(1, "甲", IDS[0], sampled(0), "阳性")])
    with pytest.raises(ImportRejected, match="已登记为「阴性」"):
        nucleic_import.import_tests(db, path)
    assert rounds.anomalies(db) == []


def test_an_imported_positive_raises_the_alarm(
    db: Database, village: dict[str, int], tmp_path: Path
) -> None:
    path = write_list(
        tmp_path / "d.xlsx",
        SAMPLING_SYSTEM,
        [("乙", IDS[1], sampled(1), sampled(0), "阳性", "县疾控")],
    )
    result = nucleic_import.import_tests(db, path)
    assert result.positive == 1
    [alarm] = rounds.anomalies(db)
    assert (alarm.kind, alarm.person_name, alarm.case_id) == ("核酸阳性", "乙", village["乙"])


def test_a_list_without_the_id_column_is_refused(db: Database, tmp_path: Path) -> None:
    from app.excel.errors import ImportFileError

    path = write_list(
        tmp_path / "e.xlsx", ("姓名", "采样时间", "结果"), [("甲", sampled(0), "阴性")]
    )
    with pytest.raises(ImportFileError, match="证件号码"):
        nucleic_import.import_tests(db, path)
