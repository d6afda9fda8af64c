"""Villages in one database: three demo villages pushed into one server ledger. The township's
sum counted on the server equals ``merge`` of the villages' own daily reports; a village account
on the server gets its own village's daily report, as its laptop does; pushing again adds
nothing."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.config import AppPaths, Settings
from app.db import Database, DatabaseDamaged, NotALedger
from app.excel.merge import merge_files
from app.models import TestResult
from app.services import (
    audit_query,
    demo,
    imports,
    nucleic_import,
    nucleic_schedule,
    nucleic_tests,
    operators,
    reference,
    release,
    reports,
    roster,
    rounds,
    server_push,
    today,
)
from app.services.access import Role
from app.services.reference import UnitInfo
from app.services.roster import RosterFilter
from app.services.server_push import PushRefused
from tests.services.test_imports import SAMPLE
from tests.services.test_nucleic_import import SAMPLING_SYSTEM, write_list
from tests.services.test_roster import register

DAY = date(2022, 2, 10)
NOW = datetime.combine(DAY, time(21, 0))  # the demo's evening: today's samples taken
FIRST = date(2022, 2, 1)  # the 体温台账's range: FIRST..DAY
VILLAGES = ("东村", "西村", "南村")


@dataclass(frozen=True)
class Village:
    name: str
    ledger: Path
    report: Path  # its own daily report of DAY, exported on its laptop
    temperatures: Path  # its own 体温台账 of FIRST..DAY, exported on its laptop
    workbook: reports.DailyWorkbook
    people: list[tuple[str, str | None]]  # its roster: name and ID number
    tests: TestsSeen  # its 核酸检测, as its laptop shows them


@dataclass(frozen=True)
class TestsSeen:
    """What a ledger shows of its 核酸检测: Today's numbers, its 阳性 alarms, every result, and
    why each period that is over may or may not be released yet."""

    __test__ = False  # not a pytest test class, whatever its name

    counts: nucleic_tests.TestCounts  # 今日应检 / 已采样 / 结果未出 / 阳性
    positives: list[str]  # Today's 阳性 lines (the anomaly's observation)
    results: Counter[tuple[object, ...]]  # (ID number, sample day, result, 检测日期, 机构)
    release: list[tuple[str, str]]  # (name, why not / 可以解除) of every period due for release


def _tests_seen(db: Database) -> TestsSeen:
    overview = today.overview(db, NOW)
    assert overview.tests is not None
    numbers = {}
    for test in nucleic_tests.tests_between(db, date(2000, 1, 1), DAY):
        if test.person_id not in numbers:
            numbers[test.person_id] = roster.person_info(db, test.person_id).id_number
    results = Counter(
        (numbers[t.person_id], t.sample_date, t.result.value, t.tested_on, t.lab)
        for t in nucleic_tests.tests_between(db, date(2000, 1, 1), DAY)
    )
    checks = release.release_checks(db, DAY)
    return TestsSeen(
        overview.tests,
        sorted(a.observation for a in overview.positives),
        results,
        sorted((c.name, c.summary) for c in checks),
    )


def _roster(db: Database) -> list[tuple[str, str | None]]:
    rows = roster.roster_rows(db, roster.roster_ids(db, RosterFilter("all")))
    return sorted((row.name, row.id_number) for row in rows)


def _laptop(folder: Path) -> AppPaths:
    """A village laptop's data folder: its SQLite file, whichever engine the server is on (on
    PostgreSQL ``FANGYI_DATABASE_URL`` names the server, and ``resolve_paths`` would take it)."""
    return AppPaths(folder.resolve(), None)


def _village(folder: Path, name: str, seed: int) -> Village:
    paths = _laptop(folder / name)
    with Database.open(paths) as db:
        demo.generate(db, persons=25, days=10, seed=seed, today=DAY, unit_name=name)
        report = folder / f"{name}日报.xlsx"
        reports.export_daily(db, DAY, report, filed_on=DAY)
        temperatures = folder / f"{name}体温台账.xlsx"
        reports.export_temperatures(db, FIRST, DAY, temperatures)
        workbook = reports.daily_workbook(db, DAY)
        people = _roster(db)
        tests = _tests_seen(db)
    return Village(name, paths.database, report, temperatures, workbook, people, tests)


@pytest.fixture(scope="module")
def villages(tmp_path_factory: pytest.TempPathFactory) -> list[Village]:
    folder = tmp_path_factory.mktemp("villages")
    return [_village(folder, name, seed) for seed, name in enumerate(VILLAGES, start=11)]


@pytest.fixture
def server(db: Database, villages: list[Village]) -> Database:
    reference.save_unit_profile(db, UnitInfo("演示镇", "演示县", "镇文书", "0577-1", "镇长"))
    for village in villages:
        server_push.push_ledger(db, village.ledger, village.name)
    return db


def test_the_township_sum_on_the_server_equals_merge_of_the_villages_reports(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    merged = merge_files([v.report for v in villages]).table
    on_server = reports.daily_table(server, DAY)
    assert [line.unit for line in merged.lines] == list(VILLAGES)
    assert on_server.lines[0].unit == "演示镇"
    assert on_server.total() == merged.total()
    assert on_server.total()[0] > 0  # something to sum: the villages' people


def test_a_village_account_gets_its_own_daily_report(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """The same workbook, cell for cell on every sheet, as the village exported on its laptop:
    numbers, new and ended cases, anomalies, and the signature of its own 填报单位 profile."""
    for village in villages:
        server.unit = village.name
        on_server = tmp_path / f"{village.name}-服务器.xlsx"
        reports.export_daily(server, DAY, on_server, filed_on=DAY)
        assert cells(on_server) == cells(village.report)
        assert reports.daily_workbook(server, DAY).signature.unit_name == village.name


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's values; the 报送时间 (the minute of the export) left out: on the running
    clock of the faked-clock stage the two exports are seconds apart."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {
            sheet.title: [
                tuple("报送时间" if str(v).startswith("报送时间") else v for v in row)
                for row in sheet.iter_rows(values_only=True)
            ]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def test_a_village_account_sees_only_its_people(server: Database, villages: list[Village]) -> None:
    for village in villages:
        server.unit = village.name
        assert _roster(server) == village.people
    server.unit = None  # the township's account
    assert _roster(server) == sorted(p for v in villages for p in v.people)


def test_pushing_again_adds_nothing(server: Database, villages: list[Village]) -> None:
    report = server_push.push_ledger(server, villages[0].ledger, villages[0].name)
    assert sum(report.added.values()) == 0
    assert sum(report.updated.values()) == 0
    assert report.already["人员"] == 25
    assert report.already["核酸检测"] == villages[0].tests.results.total() > 0
    assert report.lines()[0] == "已上传「东村」：新增 0 条记录"
    server.unit = villages[0].name
    assert _tests_seen(server) == villages[0].tests


# --- 核酸检测 ----------------------------------------------------------------------------------


def test_a_village_account_on_the_server_sees_its_tests_as_its_laptop_does(
    server: Database, villages: list[Village]
) -> None:
    """Today's 今日应检 / 已采样 / 结果未出 / 阳性, the 阳性 alarm itself, every result, and the
    release checks (a period over without its last test cannot be released): the laptop's."""
    for village in villages:
        assert village.tests.counts.positive == 1 and village.tests.counts.pending > 0
        server.unit = village.name
        assert _tests_seen(server) == village.tests


def test_the_township_sees_every_villages_tests(server: Database, villages: list[Village]) -> None:
    server.unit = None
    seen = _tests_seen(server)
    assert seen.counts.due == sum(v.tests.counts.due for v in villages)
    assert seen.counts.sampled == sum(v.tests.counts.sampled for v in villages)
    assert seen.counts.pending == sum(v.tests.counts.pending for v in villages)
    assert seen.counts.positive == 3
    assert seen.positives == sorted(p for v in villages for p in v.tests.positives)
    assert seen.results == sum((v.tests.results for v in villages), Counter())


def _laptop_copy(village: Village, folder: Path) -> Database:
    """The village's laptop a day later: a copy of its ledger to go on working in."""
    paths = _laptop(folder)
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(village.ledger, paths.database)
    return Database.open(paths)


def _pending(db: Database) -> nucleic_tests.TestInfo:
    tests = nucleic_tests.tests_between(db, date(2000, 1, 1), DAY)
    return next(t for t in tests if t.result is TestResult.PENDING and t.case_id is not None)


def _on_server(server: Database, id_number: str | None, test: nucleic_tests.TestInfo) -> object:
    found = roster.find_person_by_id_number(server, id_number or "")
    assert found is not None
    return next(
        t.result
        for t in nucleic_tests.tests_of_person(server, found.id)
        if t.sample_date == test.sample_date
    )


def _case_on_server(
    server: Database, person: roster.PersonInfo, test: nucleic_tests.TestInfo
) -> int:
    """The server's case of the village's ``test`` (its person matched by ID number)."""
    found = roster.find_person_by_id_number(server, person.id_number or "")
    assert found is not None
    return next(
        t.case_id or 0
        for t in nucleic_tests.tests_of_person(server, found.id)
        if t.sample_date == test.sample_date
    )


def test_a_result_come_back_on_the_laptop_updates_the_servers_pending_one(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    east = villages[0]
    with _laptop_copy(east, tmp_path / "东村") as laptop:
        pending = _pending(laptop)
        nucleic_tests.record_test(laptop, pending.case_id or 0, pending.sample_date, "阴性")
        number = roster.person_info(laptop, pending.person_id).id_number
        expected = _tests_seen(laptop)

    report = server_push.push_ledger(server, _laptop(tmp_path / "东村").database, "东村")

    assert report.updated["核酸检测"] == 1 and sum(report.added.values()) == 0
    assert report.lines()[0] == "已上传「东村」：新增 0 条记录，更新 1 条"
    assert "  核酸检测：新增 0，更新 1，服务器已有 " in report.lines()[-1]
    server.unit = "东村"
    assert _on_server(server, number, pending) is TestResult.NEGATIVE
    assert _tests_seen(server) == expected
    assert expected.counts.pending == east.tests.counts.pending - 1


def test_a_final_result_on_the_server_is_not_overturned_the_push_is_refused(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """The township keyed 阴性 for a 待出 sample; the village's laptop then says 阳性 for it. As
    an imported lab list that contradicts a final result, the whole push is refused naming the
    person, and nothing of it is written."""
    east = villages[0]
    with _laptop_copy(east, tmp_path / "东村") as laptop:
        pending = _pending(laptop)
        person = roster.person_info(laptop, pending.person_id)
        nucleic_tests.record_test(laptop, pending.case_id or 0, pending.sample_date, "阳性")
        register(laptop, "新来的人", "440524188001010014")  # something new to push
    server.unit = "东村"
    nucleic_tests.record_test(
        server, _case_on_server(server, person, pending), pending.sample_date, "阴性"
    )
    before = _tests_seen(server)

    with pytest.raises(PushRefused) as refused:
        server_push.push_ledger(server, _laptop(tmp_path / "东村").database, "东村")

    assert refused.value.lines == [
        f"{person.name}（身份证号 {person.id_number}）的核酸检测："
        f"{pending.sample_date:%Y-%m-%d} 采样已登记为「阴性」，与「阳性」不同。"
        "服务器上已出的结果不被村台账改写：请核实后改正，再上传。"
    ]
    assert _on_server(server, person.id_number, pending) is TestResult.NEGATIVE
    assert _tests_seen(server) == before
    assert roster.find_person_by_id_number(server, "440524188001010014") is None


@pytest.mark.parametrize("handled", [False, True], ids=["open", "handled-on-server"])
def test_a_positive_keyed_on_the_server_and_on_the_laptop_is_one_alarm(
    server: Database, villages: list[Village], tmp_path: Path, handled: bool
) -> None:
    """The township keyed the lab's 阳性 for a 待出 sample (with the lab's 检测日期, the day
    after), the village typed the same 阳性 on its laptop (no 检测日期). Pushed, the person has
    the one 阳性 alarm the township opened — still open, or handled there: not raised again."""
    with _laptop_copy(villages[0], tmp_path / "东村") as laptop:
        pending = _pending(laptop)
        person = roster.person_info(laptop, pending.person_id)
        nucleic_tests.record_test(laptop, pending.case_id or 0, pending.sample_date, "阳性")
    server.unit = "东村"
    saved = nucleic_tests.record_test(
        server,
        _case_on_server(server, person, pending),
        pending.sample_date,
        "阳性",
        tested_on=pending.sample_date + timedelta(days=1),
        lab="县疾控中心",
    )
    assert saved.anomaly_id is not None
    if handled:
        rounds.close_anomaly(server, saved.anomaly_id, "已转运至定点医院")
    before = rounds.anomalies(server, open_only=False)

    report = server_push.push_ledger(server, _laptop(tmp_path / "东村").database, "东村")

    assert report.added["异常"] == 0
    assert rounds.anomalies(server, open_only=False) == before
    alarms = [a for a in before if a.kind == "核酸阳性" and a.person_name == person.name]
    assert [(a.id, a.closed) for a in alarms] == [(saved.anomaly_id, handled)]
    shown = [a.person_name for a in today.overview(server, NOW).positives]
    assert shown.count(person.name) == (0 if handled else 1)


def test_no_second_open_positive_alarm_for_a_person_who_has_one_on_the_server(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """The township keyed a 阳性 of a sample of its own (a day the village has none) and has not
    handled it; the village typed 阳性 for another of the person's samples. As when a second
    阳性 is keyed while the first is open, the push adds the result but no second alarm."""
    with _laptop_copy(villages[0], tmp_path / "东村") as laptop:
        pending = _pending(laptop)
        person = roster.person_info(laptop, pending.person_id)
        nucleic_tests.record_test(laptop, pending.case_id or 0, pending.sample_date, "阳性")
    server.unit = "东村"
    case_id = _case_on_server(server, person, pending)
    saved = nucleic_tests.record_test(server, case_id, DAY + timedelta(days=1), "阳性")

    report = server_push.push_ledger(server, _laptop(tmp_path / "东村").database, "东村")

    assert (report.added["异常"], report.updated["核酸检测"]) == (0, 1)
    assert _on_server(server, person.id_number, pending) is TestResult.POSITIVE
    alarms = [a for a in rounds.anomalies(server) if a.kind == "核酸阳性"]
    assert [a.id for a in alarms if a.person_name == person.name] == [saved.anomaly_id]


def test_a_person_already_in_another_village_refuses_the_whole_push(
    db: Database, villages: list[Village]
) -> None:
    server_push.push_ledger(db, villages[0].ledger, "东村")
    with pytest.raises(PushRefused) as refused:
        server_push.push_ledger(db, villages[0].ledger, "北村")  # the same people again
    assert refused.value.lines[0].startswith("身份证号 ")
    assert "已登记在「东村」，不能再登记到「北村」" in refused.value.lines[0]
    db.unit = "北村"
    assert _roster(db) == []  # nothing of it was written


def test_a_file_that_is_not_a_ledger_is_refused_with_one_line(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "名单.sqlite3"
    text.write_text("不是台账", encoding="utf-8")
    with pytest.raises((NotALedger, DatabaseDamaged)) as refused:
        server_push.push_ledger(db, text, "东村")
    assert "\n" not in str(refused.value)
    assert roster.roster_ids(db, RosterFilter("all")) == []


def test_what_a_village_account_registers_or_imports_is_its_villages(db: Database) -> None:
    """New people come with the account's village, whether typed one by one (the ORM) or
    imported as a list (bulk INSERTs): the village sees them, another village does not."""
    db.unit = "东村"
    imports.import_roster(db, SAMPLE)
    register(db, "王五")
    mine = _roster(db)
    db.unit = "西村"
    theirs = _roster(db)
    db.unit = None

    assert len(mine) == 31 and theirs == []
    assert _roster(db) == mine


def test_a_positive_of_someone_not_under_management_goes_up_too(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """A 全员核酸 阳性 of someone whose period is over has no case: its alarm names the person.
    Pushed, the township and the village's own account see it — another village does not."""
    with _laptop_copy(villages[0], tmp_path / "东村") as laptop:
        case = register(laptop, *EAST_NEWCOMER)
        reason = next(r.id for r in reference.end_reasons(laptop) if r.name == "期满解除")
        roster.end_case(laptop, case.id, date(2022, 2, 8), reason)
        sampled = datetime.combine(DAY, time(8, 30))
        listed = write_list(tmp_path / "全员核酸.xlsx", SAMPLING_SYSTEM, [
            (*EAST_NEWCOMER, sampled, sampled, "阳性", "县疾控中心"),
        ])  # fmt: skip
        nucleic_import.import_tests(laptop, listed)
        expected = _tests_seen(laptop)
    assert expected.counts.positive == 2
    ledger = _laptop(tmp_path / "东村").database

    pushed = server_push.push_ledger(server, ledger, "东村")
    again = server_push.push_ledger(server, ledger, "东村")

    assert (pushed.added["异常"], pushed.added["核酸检测"]) == (1, 1)
    assert sum(again.added.values()) == 0
    server.unit = "东村"
    assert _tests_seen(server) == expected
    server.unit = "西村"
    assert _tests_seen(server) == villages[1].tests
    server.unit = None
    assert nucleic_tests.counts(server, DAY).positive == 4


def test_a_village_that_counts_by_other_test_days_is_told_so(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """全员核酸 dates and test days are settings, the server's own for every village: a push
    does not change them, but says where the village's differ (its 今日应检 would)."""
    with _laptop_copy(villages[0], tmp_path / "东村") as laptop:
        nucleic_schedule.add_round(laptop, DAY)
        nucleic_schedule.set_measure_days(laptop, "居家健康监测", "2,3")

    report = server_push.push_ledger(server, _laptop(tmp_path / "东村").database, "东村")

    assert report.lines()[-2:] == [
        "  注意：村台账的全员核酸日期 2022-02-10 服务器上没有："
        "服务器按自己的设置计算应检人数（需要时用 tests round 日期 添加）。",
        "  注意：村台账的核酸检测日与服务器不同（居家健康监测：村第2、3天，服务器第3天）："
        "服务器按自己的设置计算应检人数。",
    ]
    assert nucleic_schedule.rounds(server) == ()
    assert server_push.push_ledger(server, villages[1].ledger, "西村").notes == []


# --- the 体温台账 (raw SQL on a DB-API cursor) -------------------------------------------------


def _data_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    """A sheet's numbered rows (序号 1, 2, …) by column heading."""
    rows = cells(path)[sheet]
    header = next(i for i, row in enumerate(rows) if "姓名" in row)
    return [
        dict(zip(rows[header], row, strict=True))
        for row in rows[header + 1 :]
        if isinstance(row[0], int)
    ]


def _long_form_people(path: Path) -> set[tuple[object, object]]:
    """Whom the 体温台账 sheet lists: (姓名, 身份证号)."""
    return {(row["姓名"], row["身份证号"]) for row in _data_rows(path, "体温台账")}


def _grid_names(path: Path) -> set[object]:
    """Whom the 14天体温表 sheet lists."""
    return {row["姓名"] for row in _data_rows(path, "14天体温表")}


def test_a_village_account_exports_the_temperatures_of_its_own_people(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """Both sheets, cell for cell, as the village exported them on its laptop: its people only,
    their readings and 核酸结果, its 村民小组, its own 填报单位."""
    for village in villages:
        server.unit = village.name
        on_server = tmp_path / f"{village.name}-服务器体温台账.xlsx"
        result = reports.export_temperatures(server, FIRST, DAY, on_server)
        assert _long_form_people(on_server) <= set(village.people)
        assert _grid_names(on_server) <= {name for name, _ in village.people}
        assert cells(on_server) == cells(village.temperatures)  # 核酸结果 column too
        expected = len(_data_rows(village.temperatures, "体温台账"))
        assert result.rows == reports.temperature_row_count(server, FIRST, DAY) == expected


def test_the_township_exports_the_temperatures_of_every_village(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    server.unit = None
    township = tmp_path / "镇体温台账.xlsx"
    result = reports.export_temperatures(server, FIRST, DAY, township)
    every = [_long_form_people(v.temperatures) for v in villages]
    assert all(every) and _long_form_people(township) == set().union(*every)
    assert _grid_names(township) == set().union(*(_grid_names(v.temperatures) for v in villages))
    rows = sum(len(_data_rows(v.temperatures, "体温台账")) for v in villages)
    assert result.rows == reports.temperature_row_count(server, FIRST, DAY) == rows


# --- the 操作留痕 ------------------------------------------------------------------------------

PASSWORD = "zhenweihui-2022"
EAST_NEWCOMER = ("东村新人", "440524188001010014")
WEST_NEWCOMER = ("西村新人", "11010519491231002X")


def _accounts(server: Database) -> None:
    """镇文书 (the township: no unit), 东村文书 and 西村文书, each an administrator."""
    server.unit = None
    operators.create_first_admin(server, "zhen", "镇文书", PASSWORD)
    for username, shown, unit in (("dong", "东村文书", "东村"), ("xi", "西村文书", "西村")):
        operators.create_account(server, username, shown, PASSWORD, Role.ADMIN)
        operators.set_account_unit(server, username, unit)


def _trail(db: Database) -> list[audit_query.AuditRow]:
    return audit_query.audit_rows(db, audit_query.audit_ids(db))


def _workbook_text(path: Path) -> str:
    return "\n".join(str(v) for rows in cells(path).values() for row in rows for v in row)


def test_a_village_account_sees_only_its_villages_part_of_the_audit_trail(
    server: Database, tmp_path: Path
) -> None:
    """西村's clerk registers someone and changes a setting; 东村's clerk does the same; the
    township corrects a 东村 person's phone and changes a setting too. 东村's account sees its
    own clerk's entries and the township's correction of its person — on the page, in the
    operator list and in the export; nothing of 西村's, nothing of the township's settings."""
    _accounts(server)
    operators.sign_in(server, "xi", PASSWORD)
    register(server, *WEST_NEWCOMER)
    reference.write_setting(server, Settings.FEVER_THRESHOLD, 37.5)
    operators.sign_in(server, "dong", PASSWORD)
    east = register(server, *EAST_NEWCOMER)
    reference.write_setting(server, Settings.FEVER_THRESHOLD, 37.4)
    operators.sign_in(server, "zhen", PASSWORD)
    person = roster.person_info(server, east.person_id)
    roster.update_person(server, person.id, replace(person, phone="13812345678"))
    reference.write_setting(server, Settings.FEVER_THRESHOLD, 37.3)

    operators.sign_in(server, "dong", PASSWORD)
    seen = _trail(server)
    words = [f"{r.operator} {r.person_name} {r.record} {r.changes_text()}" for r in seen]
    assert not [w for w in words if "西村" in w or WEST_NEWCOMER[1] in w]
    assert {(r.operator, r.entity) for r in seen if r.person_name == EAST_NEWCOMER[0]} == {
        ("东村文书", "person"),
        ("东村文书", "case_record"),
        ("镇文书", "person"),
    }
    settings = [(r.operator, r.changes_text()) for r in seen if r.entity == "setting"]
    assert settings == [("东村文书", "设置值：37.5 → 37.4")]  # its own; the township's is not
    assert "西村文书" not in audit_query.operator_names(server)
    exported = tmp_path / "东村操作留痕.xlsx"
    assert audit_query.export_audit(server, audit_query.AuditFilter(), exported) == len(seen)
    text = _workbook_text(exported)
    assert EAST_NEWCOMER[0] in text
    assert "西村" not in text and WEST_NEWCOMER[1] not in text

    operators.sign_in(server, "zhen", PASSWORD)  # the township sees the whole trail
    everyone = {r.operator for r in _trail(server)}
    assert {"镇文书", "东村文书", "西村文书"} <= everyone
    assert WEST_NEWCOMER[0] in {r.person_name for r in _trail(server)}


def test_a_namesake_outside_the_village_does_not_open_its_entries(
    server: Database, tmp_path: Path
) -> None:
    """The trail names clerks by 姓名: 西村's 王芳 changing a setting is not 东村's 王芳's entry."""
    _accounts(server)
    for username, unit in (("wang-dong", "东村"), ("wang-xi", "西村")):
        operators.create_account(server, username, "王芳", PASSWORD, Role.ADMIN)
        operators.set_account_unit(server, username, unit)
    operators.sign_in(server, "wang-xi", PASSWORD)
    reference.write_setting(server, Settings.FEVER_THRESHOLD, 37.5)
    register(server, *WEST_NEWCOMER)

    operators.sign_in(server, "wang-dong", PASSWORD)
    seen = _trail(server)
    assert [r for r in seen if r.entity == "setting"] == []
    assert [r for r in seen if WEST_NEWCOMER[0] in r.record or r.entity == "case_record"] == []
