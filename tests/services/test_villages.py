"""Villages in one database: three demo villages pushed into one server ledger. The township's
sum counted on the server equals ``merge`` of the villages' own daily reports; a village account
on the server gets its own village's daily report, as its laptop does; pushing again adds
nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.config import Settings, resolve_paths
from app.db import Database, DatabaseDamaged, NotALedger
from app.excel.merge import merge_files
from app.services import (
    audit_query,
    demo,
    imports,
    operators,
    reference,
    reports,
    roster,
    server_push,
)
from app.services.access import Role
from app.services.reference import UnitInfo
from app.services.roster import RosterFilter
from app.services.server_push import PushRefused
from tests.services.test_imports import SAMPLE
from tests.services.test_roster import register

DAY = date(2022, 2, 10)
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


def _roster(db: Database) -> list[tuple[str, str | None]]:
    rows = roster.roster_rows(db, roster.roster_ids(db, RosterFilter("all")))
    return sorted((row.name, row.id_number) for row in rows)


def _village(folder: Path, name: str, seed: int) -> Village:
    paths = resolve_paths(folder / name)
    with Database.open(paths) as db:
        demo.generate(db, persons=25, days=10, seed=seed, today=DAY, unit_name=name)
        report = folder / f"{name}日报.xlsx"
        reports.export_daily(db, DAY, report, filed_on=DAY)
        temperatures = folder / f"{name}体温台账.xlsx"
        reports.export_temperatures(db, FIRST, DAY, temperatures)
        workbook = reports.daily_workbook(db, DAY)
        people = _roster(db)
    return Village(name, paths.database, report, temperatures, workbook, people)


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
    assert report.already["人员"] == 25
    assert report.lines()[0] == "已上传「东村」：新增 0 条记录"


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


def _without_tests(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's values, the 体温台账's 核酸结果 column left out: push-to-server does not
    carry a village's 核酸 records (yet), so on the server that column is empty."""
    sheets = cells(path)
    rows = sheets["体温台账"]
    header = next(row for row in rows if "核酸结果" in row)
    drop = header.index("核酸结果")
    sheets["体温台账"] = [row[:drop] + row[drop + 1 :] for row in rows]
    return sheets


def test_a_village_account_exports_the_temperatures_of_its_own_people(
    server: Database, villages: list[Village], tmp_path: Path
) -> None:
    """Both sheets, cell for cell, as the village exported them on its laptop: its people only,
    their readings, its 村民小组, its own 填报单位."""
    for village in villages:
        server.unit = village.name
        on_server = tmp_path / f"{village.name}-服务器体温台账.xlsx"
        result = reports.export_temperatures(server, FIRST, DAY, on_server)
        assert _long_form_people(on_server) <= set(village.people)
        assert _grid_names(on_server) <= {name for name, _ in village.people}
        assert _without_tests(on_server) == _without_tests(village.temperatures)
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
