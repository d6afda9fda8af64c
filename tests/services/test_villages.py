"""Villages in one database: three demo villages pushed into one server ledger. The township's
sum counted on the server equals ``merge`` of the villages' own daily reports; a village account
on the server gets its own village's daily report, as its laptop does; pushing again adds
nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.config import resolve_paths
from app.db import Database, DatabaseDamaged, NotALedger
from app.excel.merge import merge_files
from app.services import demo, imports, reference, reports, roster, server_push
from app.services.reference import UnitInfo
from app.services.roster import RosterFilter
from app.services.server_push import PushRefused
from tests.services.test_imports import SAMPLE
from tests.services.test_roster import register

DAY = date(2022, 2, 10)
VILLAGES = ("东村", "西村", "南村")


@dataclass(frozen=True)
class Village:
    name: str
    ledger: Path
    report: Path  # its own daily report of DAY, exported on its laptop
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
        workbook = reports.daily_workbook(db, DAY)
        people = _roster(db)
    return Village(name, paths.database, report, workbook, people)


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
