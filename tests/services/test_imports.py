"""Tests for app.services.imports and the import-roster command: all-or-nothing roster imports."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.config import Settings
from app.db import Database
from app.excel.errors import ImportFileError
from app.models import AuditEntry, Case, Category, Person
from app.models.problems import ImportRejected
from app.models.validation import resident_id_check_char
from app.services import imports, roster
from app.services.access import act_as, actor
from app.services.reference import write_setting
from tests.conftest import FIXTURES
from tests.helpers.pinned_clock import pinned_at
from tests.helpers.workbooks import write_county_roster, write_rows

SAMPLE = FIXTURES / "鹿城区密接人员名单.xlsx"
HEADER = ["姓名", "身份证号", "联系电话", "人员类别", "管控措施", "开始日期"]
ID_A = "11010519491231002X"
ID_B = "440524188001010014"
ID_C = "330303199209111004"


def _count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _cases(db: Database) -> dict[str, roster.CaseRow]:
    """Every case on the roster, by ID number (by name for people without one)."""
    rows = roster.roster_rows(db, roster.roster_ids(db, roster.RosterFilter(status="all")))
    return {r.id_number or r.name: r for r in rows}


def _rejected(db: Database, path: Path) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        imports.import_roster(db, path)
    return caught.value


# ---- the real-format sample -------------------------------------------------------------------


def test_wenzhou_sample_imports_with_released_people_ended(db: Database) -> None:
    report = imports.import_roster(db, SAMPLE)

    assert report.rows_read == 30
    assert (report.persons_created, report.cases_created, report.cases_skipped) == (30, 30, 0)
    assert report.released_on_import == 4
    assert report.by_category == {"密切接触者": 30}
    assert report.by_measure == {"居家隔离医学观察": 30}
    assert report.default_measure_used == 30
    assert report.ids_upgraded == 1
    assert "是否监管" in report.ignored_columns and "流转目的" in report.ignored_columns
    assert _count(db, Person) == 30

    cases = _cases(db)
    released = {c.name: c for c in cases.values() if c.ended_on is not None}
    assert sorted(released) == sorted(["周霞芳", "王娟洋", "吴芳艳", "胡丽伟"])
    assert released["周霞芳"].ended_on == date(2022, 2, 17)
    assert released["胡丽伟"].ended_on == date(2022, 2, 20)
    assert {c.end_reason for c in released.values()} == {"期满解除"}
    assert {c.status for c in released.values()} == {"期满解除"}
    still = cases["330304196507241045"]  # 张桂敏, 是否解除隔离 = 否
    assert still.ended_on is None and still.end_reason is None
    assert still.status == "在管"
    assert still.category == "密切接触者"
    assert still.measure == "居家隔离医学观察"
    assert still.start_date == date(2022, 2, 7)
    assert still.planned_end == roster.planned_end_for(
        date(2022, 2, 7), 7, day_one_is_start=Settings.DAY_ONE_IS_START.default
    )


def test_sample_dates_ids_and_phones_are_normalised(db: Database) -> None:
    imports.import_roster(db, SAMPLE)
    cases = _cases(db)

    # four ways of writing a date
    assert cases["330304200606171010"].start_date == date(2022, 2, 4)  # "2022/2/4"
    assert cases["33030419940424102X"].start_date == date(2022, 2, 5)  # "2022.2.5"
    assert cases["330302198105191037"].start_date == date(2022, 2, 6)  # "2022年2月6日"
    # "+86 17679656840"
    assert cases["330304198210221077"].phone == "17679656840"
    # lowercase x check digit
    assert "33030219831120111X" in cases
    # 15-digit legacy ID 330302670401001 → 18 digits, birth date from it
    body = "33030219670401001"
    upgraded = roster.person_info(db, cases[body + resident_id_check_char(body)].person_id)
    assert upgraded.name == "朱明芳"
    assert upgraded.birth_date == date(1967, 4, 1)
    assert upgraded.sex == "男"
    assert cases["330303199209111004"].note == "老人独居，需上门测温"
    assert cases["330303199209111004"].address == "鹿城区五马街道10号"


def test_one_summary_audit_entry_instead_of_one_per_record(db: Database) -> None:
    imports.import_roster(db, SAMPLE)

    with db.reading() as session:
        entries = [
            (e.summary, e.action, e.operator, e.changes)
            for e in session.scalars(select(AuditEntry))
        ]
    assert len(entries) == 1
    summary, action, operator, changes = entries[0]
    assert summary == "导入 30 人，来自 鹿城区密接人员名单.xlsx"
    assert action == "导入"
    assert operator == "测试员"
    assert json.loads(changes)["新增人员"] == 30


def test_search_key_is_computed_for_imported_names(db: Database) -> None:
    imports.import_roster(db, SAMPLE)

    found = roster.roster_ids(db, roster.RosterFilter(status="all", text="zxf"))
    rows = roster.roster_rows(db, found)
    assert [r.name for r in rows] == ["周霞芳"]


# ---- all or nothing ---------------------------------------------------------------------------


def test_one_bad_id_imports_nothing_and_names_row_column_reason(
    db: Database, tmp_path: Path
) -> None:
    written = write_county_roster(tmp_path / "密接.xlsx", rows=40, layout="wenzhou", bad_row=6)

    rejected = _rejected(db, written.path)

    assert len(rejected.problems) == 1
    problem = rejected.problems[0]
    assert problem.row == written.excel_row(6) == 9
    assert problem.column == "身份证号"
    assert "校验位" in problem.reason
    assert str(problem).startswith("第9行「身份证号」：")
    assert _count(db, Person) == 0
    assert _count(db, Case) == 0
    assert _count(db, AuditEntry) == 0


def test_every_problem_is_listed_with_the_header_as_in_the_file(
    db: Database, tmp_path: Path
) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号码", "手机号码", "开始隔离时间"],
        [
            ["张三", ID_A, "13800138000", "2022-02-03"],
            ["李四", "110105194912310021", "12345", "2022-13-03"],
            [None, ID_B, "13800138001", None],
        ],
    )

    problems = _rejected(db, path).problems

    assert [(p.row, p.column) for p in problems] == [
        (4, "身份证号码"),
        (4, "手机号码"),
        (4, "开始隔离时间"),
        (5, "姓名"),
    ]
    assert "不是有效的电话号码" in problems[1].reason
    assert "无法识别的日期" in problems[2].reason
    assert "姓名为空" in problems[3].reason
    assert _count(db, Person) == 0


def test_id_stored_as_a_number_that_lost_digits(db: Database, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "身份证号"], [["张三", 1.1010519491231002e17]])

    problem = _rejected(db, path).problems[0]

    assert (problem.row, problem.column) == (3, "身份证号")
    assert "文本" in problem.reason


def test_passport_number_needs_an_id_type_column(db: Database, tmp_path: Path) -> None:
    refused = write_rows(tmp_path / "a.xlsx", ["姓名", "证件号码"], [["Tom", "E12345678"]])
    assert "证件类型" in _rejected(db, refused).problems[0].reason

    accepted = write_rows(
        tmp_path / "b.xlsx", ["姓名", "证件类型", "证件号码"], [["Tom", "护照", "e12345678"]]
    )
    imports.import_roster(db, accepted)
    person = roster.person_info(db, _cases(db)["E12345678"].person_id)
    assert person.id_type == "护照"


def test_duplicate_id_in_the_file_names_both_rows(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号"],
        [["张三", ID_A], ["李四", ID_B], ["张三", ID_A.lower()]],
    )

    problems = _rejected(db, path).problems

    assert len(problems) == 1
    assert (problems[0].row, problems[0].column) == (5, "身份证号")
    assert "第 3 行" in problems[0].reason
    assert _count(db, Person) == 0


def test_released_without_a_date_is_a_problem(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "开始隔离时间", "是否解除隔离", "解除隔离时间", "身份证号"],
        [["张三", "2022-02-03", "是", None], ["李四", "2022-02-03", "否", None]],
    )

    problems = _rejected(db, path).problems

    assert [(p.row, p.column) for p in problems] == [(3, "解除隔离时间")]


def test_dates_in_the_future_and_ends_before_starts_are_problems(
    db: Database, tmp_path: Path
) -> None:
    tomorrow = date.today() + timedelta(days=1)
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "开始日期", "结束隔离时间", "身份证号"],
        [["张三", tomorrow.isoformat(), None], ["李四", "2022-02-10", "2022-02-01"]],
    )

    problems = _rejected(db, path).problems

    assert [(p.row, p.column) for p in problems] == [(3, "开始日期"), (4, "结束隔离时间")]
    assert "晚于今天" in problems[0].reason
    assert "早于开始日期" in problems[1].reason


# ---- matching people already on the roster ----------------------------------------------------


def test_reimport_matches_by_id_and_duplicates_nobody(db: Database) -> None:
    imports.import_roster(db, SAMPLE)

    again = imports.import_roster(db, SAMPLE)

    assert again.cases_created == 0
    assert again.persons_matched == 30
    assert again.cases_skipped == 30
    reasons = {s.row: s.reason for s in again.skipped}
    assert "已在管" in reasons[7]  # 张桂敏 is still under management
    # 周霞芳, released: her case with the same start date is on the ledger already
    assert reasons[3] == "台账中已有此人同一开始日期的登记（可能已导入过），未重复登记"
    assert _count(db, Person) == 30
    assert _count(db, Case) == 30


def test_known_person_without_open_case_gets_a_new_case(db: Database, tmp_path: Path) -> None:
    first = write_rows(
        tmp_path / "a.xlsx", HEADER, [["张三", ID_A, None, "密接", "居家隔离", "2022-02-03"]]
    )
    imports.import_roster(db, first)
    case = _cases(db)[ID_A]
    roster.end_case(db, case.id, date(2022, 2, 10), 1)
    second = write_rows(
        tmp_path / "b.xlsx",
        HEADER,
        [["张三（改名）", ID_A, "13800138000", "返乡", "健康监测", "2022-03-01"]],
    )

    report = imports.import_roster(db, second)

    assert (report.persons_created, report.persons_matched, report.cases_created) == (0, 1, 1)
    assert report.rows[0].action is imports.RowAction.NEW_CASE
    with db.reading() as session:
        people = [(p.name, p.phone) for p in session.scalars(select(Person))]
        starts = sorted(session.scalars(select(Case.start_date)))
    # the ledger's record is kept, and only its blanks are filled from the list
    assert people == [("张三", "13800138000")]
    assert starts == [date(2022, 2, 3), date(2022, 3, 1)]


def test_person_already_under_management_is_skipped_not_an_error(
    db: Database, tmp_path: Path
) -> None:
    path = write_rows(
        tmp_path / "a.xlsx", HEADER, [["张三", ID_A, None, "密接", None, "2022-02-03"]]
    )
    imports.import_roster(db, path)
    later = write_rows(
        tmp_path / "b.xlsx",
        HEADER,
        [["张三", ID_A, None, "密接", None, "2022-02-05"], ["李四", ID_B, None, None, None, None]],
    )

    report = imports.import_roster(db, later)

    assert report.cases_created == 1
    assert [str(s) for s in report.skipped] == [
        "第3行 张三：已在管（台账中此人有未结束的登记），未重复登记"
    ]
    assert _count(db, Case) == 2


def test_people_without_id_are_matched_by_name_and_phone(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "联系电话", "身份证号"],
        [["张三", "13800138000"], ["张三", None]],
    )
    imports.import_roster(db, path)

    again = imports.import_roster(db, path)

    # 张三 with the phone is recognised; 张三 without one cannot be told apart, so is added
    assert [r.action for r in again.rows] == [
        imports.RowAction.ALREADY_ACTIVE,
        imports.RowAction.NEW_PERSON,
    ]


# ---- categories and measures ------------------------------------------------------------------


def test_category_and_measure_synonyms(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "人员类别", "隔离方式", "身份证号"],
        [
            ["甲", "密接", "居家隔离"],
            ["乙", "次密接", "健康监测"],
            ["丙", "返乡", "集中隔离"],
            ["丁", "境外入境人员", "居家隔离医学观察"],
            ["戊", " 发热 ", "仅登记"],
        ],
    )

    report = imports.import_roster(db, path)

    got = {r.name: (r.category, r.measure) for r in report.rows}
    assert got == {
        "甲": ("密切接触者", "居家隔离医学观察"),
        "乙": ("次密切接触者", "居家健康监测"),
        "丙": ("中高风险地区返乡人员", "集中隔离医学观察"),
        "丁": ("境外入境人员", "居家隔离医学观察"),
        "戊": ("发热人员", "仅登记"),
    }
    assert report.new_categories == []
    assert report.default_measure_used == 0


def test_unknown_measure_is_a_problem_naming_the_known_ones(db: Database, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "管控措施", "身份证号"], [["张三", "居家办公"]])

    problem = _rejected(db, path).problems[0]

    assert (problem.row, problem.column) == (3, "管控措施")
    assert "居家办公" in problem.reason
    for known in ("居家隔离医学观察", "居家健康监测", "集中隔离医学观察", "仅登记"):
        assert known in problem.reason


def test_unknown_category_is_added_and_reported(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "人员类型", "身份证号"],
        [["张三", "湖北返温人员"], ["李四", "湖北返温人员"], ["王五", "密接"]],
    )

    dry = imports.import_roster(db, path, dry_run=True)
    assert dry.new_categories == ["湖北返温人员"]
    assert _count(db, Category) == 6  # a dry run adds nothing

    report = imports.import_roster(db, path)

    assert report.new_categories == ["湖北返温人员"]
    assert "已新增人员类别：湖北返温人员" in report.detail_lines()
    with db.reading() as session:
        added = session.scalar(select(Category).where(Category.name == "湖北返温人员"))
        assert added is not None and added.active
        used = session.scalar(select(func.count()).where(Case.category_id == added.id))
    assert used == 2


def test_missing_category_and_measure_take_the_defaults(db: Database, tmp_path: Path) -> None:
    write_setting(db, Settings.DEFAULT_MEASURE, "居家健康监测")
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "身份证号"], [["张三", ID_A], ["李四", ID_B]])

    report = imports.import_roster(db, path)

    assert report.by_category == {imports.DEFAULT_CATEGORY: 2}
    assert report.by_measure == {"居家健康监测": 2}
    assert report.default_category_used == 2
    assert report.default_measure_used == 2
    lines = report.detail_lines()
    assert "2 行没有填人员类别，记为“其他重点人员”。" in lines
    assert "2 行没有填管控措施，按默认措施“居家健康监测”。" in lines


def test_centralized_column_picks_the_measure(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx", ["姓名", "集中隔离", "身份证号"], [["张三", "是"], ["李四", "否"]]
    )

    report = imports.import_roster(db, path)

    assert [r.measure for r in report.rows] == ["集中隔离医学观察", "居家隔离医学观察"]


# ---- dates --------------------------------------------------------------------------------------


def test_start_falls_back_to_arrival_then_today(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "到达时间", "开始日期", "身份证号"],
        [["张三", "2022-02-01", None], ["李四", None, None], ["王五", "2022-02-01", "2022-02-02"]],
    )

    report = imports.import_roster(db, path, today=date(2022, 2, 5))

    assert [r.start_date for r in report.rows] == [
        date(2022, 2, 1),
        date(2022, 2, 5),
        date(2022, 2, 2),
    ]
    cases = _cases(db)
    assert cases["张三"].arrival_date == date(2022, 2, 1)
    assert cases["李四"].registered_on == date(2022, 2, 5)


def test_planned_end_from_the_file_or_the_measure(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "管控措施", "开始隔离时间", "结束隔离时间", "身份证号"],
        [
            ["张三", "居家隔离", "2022-02-03", "2022-02-20"],
            ["李四", "健康监测", "2022-02-03", None],
        ],
    )

    report = imports.import_roster(db, path)

    day_one = Settings.DAY_ONE_IS_START.default
    assert [r.planned_end for r in report.rows] == [
        date(2022, 2, 20),
        roster.planned_end_for(date(2022, 2, 3), 3, day_one_is_start=day_one),
    ]


def test_release_date_without_release_flag_is_a_planned_end(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "开始隔离时间", "解除隔离时间", "身份证号"],
        [["张三", "2022-02-03", "2022-02-17"]],
    )

    report = imports.import_roster(db, path)

    assert report.rows[0].planned_end == date(2022, 2, 17)
    assert report.rows[0].ended_on is None
    assert report.released_on_import == 0


# ---- other county layouts and files -----------------------------------------------------------


def test_lishui_returnee_list_of_200_imports(db: Database, tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "丽水返乡人员登记表.xlsx", rows=200, layout="lishui")

    report = imports.import_roster(db, written.path)

    assert report.rows_read == 200
    assert report.cases_created == 200
    assert report.by_category == {"中高风险地区返乡人员": 200}
    assert "返乡原因" in report.ignored_columns
    cases = _cases(db)
    first = written.people[0]
    case = cases[first.id_number]
    assert case.name == first.name
    assert case.phone == first.phone
    assert case.origin == "湖北省武汉市江岸区大智街道永平社区"
    assert case.arrival_date == first.start == case.start_date
    assert case.registered_on == first.start  # 申报时间
    assert case.address is not None and case.address.startswith("莲都区岩泉街道")


def test_simple_layout_mixes_categories_and_measures(db: Database, tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "东村.xlsx", rows=60, layout="simple")

    report = imports.import_roster(db, written.path)

    assert report.cases_created == 60
    assert set(report.by_measure) == {"居家隔离医学观察", "居家健康监测", "集中隔离医学观察"}
    assert report.ignored_columns == ["序号"]
    assert roster.group_names(db) == ["一组", "二组", "三组", "四组", "五组", "六组"]


def test_confirmed_people_are_left_out(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx", ["姓名", "是否转为确诊", "身份证号"], [["张三", "是"], ["李四", "否"]]
    )

    report = imports.import_roster(db, path)

    assert report.cases_created == 1
    assert "确诊" in report.skipped[0].reason
    assert _count(db, Person) == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("名单.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为"),
        ("名单.xlsx", b"this is not a workbook", "不是 Excel"),
        ("名单.csv", "姓名,身份證號\n張三,1\n".encode("big5"), "乱码"),
    ],
)
def test_files_that_are_not_xlsx_get_a_clear_message(
    db: Database, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ImportFileError, match=expected):
        imports.import_roster(db, path)


def test_dry_run_writes_nothing(db: Database) -> None:
    report = imports.import_roster(db, SAMPLE, dry_run=True)

    assert report.dry_run
    assert report.cases_created == 30
    assert report.summary_line().startswith(
        "鹿城区密接人员名单.xlsx「密接人员」共 30 行：将导入 30 人"
    )
    assert _count(db, Person) == 0
    assert _count(db, Case) == 0
    assert _count(db, AuditEntry) == 0


def test_check_lists_problems_without_raising(db: Database, tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "a.xlsx", rows=10, layout="simple", bad_row=2)
    table = imports.read_roster_file(written.path)

    report = imports.check_roster(db, table)

    assert not report.ok
    assert [p.row for p in report.problems] == [written.excel_row(2)]
    assert len(report.rows) == 9  # the rows that passed, for the preview
    assert "须改正后才能导入" in report.summary_line()


def test_progress_runs_to_the_total(db: Database, tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "a.xlsx", rows=1200, layout="simple")
    table = imports.read_roster_file(written.path)
    calls: list[tuple[int, int]] = []

    imports.apply_roster(db, table, progress=lambda done, total: calls.append((done, total)))

    assert calls[-1] == (2400, 2400)
    assert all(total == 2400 for _, total in calls)
    dones = [done for done, _ in calls]
    assert dones == sorted(dones)


def test_clerk_role_may_import(db: Database) -> None:
    from app.services.access import Role

    act_as(db, replace(actor(db), role=Role.CLERK))
    imports.import_roster(db, SAMPLE)
    assert _count(db, Person) == 30


@pytest.mark.parametrize(
    ("moment", "registered_on"),
    [
        (datetime(2026, 6, 10, 14, 59), date(2026, 6, 10)),  # before the 15:00 cut-off
        (datetime(2026, 6, 10, 15, 0), date(2026, 6, 11)),  # from the cut-off on: tomorrow's
        (datetime(2026, 6, 30, 23, 58), date(2026, 7, 1)),  # across the month end
    ],
)
def test_registered_on_is_the_statistical_day_of_the_import(
    db: Database, tmp_path: Path, moment: datetime, registered_on: date
) -> None:
    write_setting(db, Settings.STAT_CUTOFF, time(15, 0))
    path = write_rows(
        tmp_path / "a.xlsx", ["姓名", "开始日期", "身份证号"], [["张三", "2022-02-03"]]
    )

    with pinned_at(moment):
        imports.import_roster(db, path)

    assert _cases(db)["张三"].registered_on == registered_on


def test_registered_on_is_today_with_the_midnight_cut_off(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx", ["姓名", "开始日期", "身份证号"], [["张三", "2022-02-03"]]
    )

    with pinned_at(datetime(2026, 6, 10, 23, 59)):
        imports.import_roster(db, path)

    assert _cases(db)["张三"].registered_on == date(2026, 6, 10)


# ---- command line -----------------------------------------------------------------------------


def _cli(paths_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(paths_dir), "import-roster", *args])


def test_cli_imports_and_prints_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _cli(tmp_path / "data", str(SAMPLE))

    out = capsys.readouterr()
    assert code == 0
    lines = out.out.splitlines()
    assert lines[0].startswith("鹿城区密接人员名单.xlsx「密接人员」共 30 行：已导入 30 人")
    assert "按人员类别：密切接触者 30" in lines
    assert any(line.startswith("未导入的列：是否监管") for line in lines)
    assert out.err == ""


def test_cli_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert _cli(data, str(SAMPLE), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "将导入 30 人" in out
    assert "未写入台账" in out

    assert _cli(data, str(SAMPLE)) == 0
    assert "已导入 30 人" in capsys.readouterr().out  # nothing was there after the dry run


def test_cli_bad_rows_exit_non_zero_with_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_rows(
        tmp_path / "名单.xlsx",
        ["姓名", "身份证号", "管控措施"],
        [["张三", "110105194912310021", None], ["李四", ID_B, "居家办公"]],
    )

    code = _cli(tmp_path / "data", str(path))

    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0] == "名单.xlsx：发现 2 处问题，未导入任何数据。请在 Excel 中改正后重新导入："
    assert err[1].startswith("第3行「身份证号」：")
    assert err[2].startswith("第4行「管控措施」：无法识别的管控措施“居家办公”")
    assert len(err) == 3


def test_cli_garbage_file_is_one_stderr_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "名单.xls"
    path.write_text("<html><table><tr><td>姓名</td></tr></table></html>")

    code = _cli(tmp_path / "data", str(path))

    out = capsys.readouterr()
    assert code == 1
    assert out.err.count("\n") == 1
    assert "另存为" in out.err


def test_age_is_kept_as_a_note_only_without_an_id(db: Database, tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "a.xlsx", ["姓名", "年龄", "身份证号"], [["张三", 70, None], ["李四", 30, ID_A]]
    )

    imports.import_roster(db, path)

    cases = _cases(db)
    assert roster.person_info(db, cases["张三"].person_id).note == "导入时年龄 70 岁"
    li = roster.person_info(db, cases[ID_A].person_id)
    assert li.note is None
    assert li.birth_date == date(1949, 12, 31)  # from the ID, not from 年龄


def test_retired_category_used_by_a_list_is_brought_back(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        retired = session.scalar(select(Category).where(Category.name == "发热人员"))
        assert retired is not None
        retired.active = False
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "人员类别", "身份证号"], [["张三", "发热"]])

    report = imports.import_roster(db, path)

    assert report.new_categories == []
    with db.reading() as session:
        revived = session.scalar(select(Category).where(Category.name == "发热人员"))
        assert revived is not None and revived.active
        assert session.scalar(select(func.count(Category.id))) == 6


def test_legacy_and_new_form_of_one_id_are_the_same_person(db: Database, tmp_path: Path) -> None:
    body = "13050319670401001"
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号"],
        [["张三", "130503670401001"], ["张三", body + resident_id_check_char(body)]],
    )

    problems = _rejected(db, path).problems

    assert [(p.row, p.column) for p in problems] == [(4, "身份证号")]
    assert "第 3 行" in problems[0].reason
