"""体温填报表 round trip: export the day's sheet, fill it in like a clerk would, import it back.

The village is the demo one, generated "this morning at 07:00": everyone under observation still
owes today's two readings, so what an import stores is exactly what the sheet says.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.cli import main
from app.config import AppPaths
from app.db import Database
from app.models import Anomaly, Slot, TemperatureReading
from app.models.problems import ImportRejected
from app.services import demo, readings_import, rounds, stats
from app.services.errors import ServiceError
from app.services.readings_import import ReadingConflicts
from tests.helpers.pinned_clock import suite_today
from tests.helpers.readings import import_readings

TODAY = suite_today()
END_OF_DAY = datetime.combine(TODAY, time(23, 59))  # the sheet covers the whole day
HEADER_ROW = 4  # title, 填报单位/日期, 填写说明, then the header
COLUMNS = {"姓名": 2, "身份证号": 3, "上午体温": 5, "上午症状": 6, "下午体温": 7, "测量人": 9}


def make_village(db: Database) -> None:
    demo.generate(db, persons=40, today=TODAY, now=datetime.combine(TODAY, time(7, 0)))


@pytest.fixture
def village(db: Database) -> Database:
    make_village(db)
    return db


@dataclass
class Sheet:
    """The exported file, edited with openpyxl the way a clerk's Excel would."""

    path: Path

    def set(self, row: int, header: str, value: object) -> None:
        book = openpyxl.load_workbook(self.path)
        # .value, not cell(..., value): openpyxl ignores value=None there, and clearing is a test
        book.active.cell(HEADER_ROW + row, COLUMNS[header]).value = value
        book.save(self.path)

    def fill_all(self, header: str, value: object) -> int:
        book = openpyxl.load_workbook(self.path)
        sheet = book.active
        count = 0
        for row in range(HEADER_ROW + 1, sheet.max_row + 1):
            if sheet.cell(row, COLUMNS["姓名"]).value:
                sheet.cell(row, COLUMNS[header], value)
                count += 1
        book.save(self.path)
        return count

    def value(self, row: int, header: str) -> object:
        return (
            openpyxl.load_workbook(self.path).active.cell(HEADER_ROW + row, COLUMNS[header]).value
        )


@pytest.fixture
def sheet(village: Database, tmp_path: Path) -> Sheet:
    path = tmp_path / "体温登记表.xlsx"
    readings_import.export_rounds_sheet(village, TODAY, path)
    return Sheet(path)


def readings_today(db: Database) -> dict[tuple[int, str], float]:
    with db.reading() as session:
        rows = session.execute(
            select(TemperatureReading.case_id, TemperatureReading.slot, TemperatureReading.celsius)
            .where(TemperatureReading.reading_date == TODAY)
        )  # fmt: skip
        return {(case_id, slot): celsius for case_id, slot, celsius in rows}


def test_round_trip_bad_values_refuse_everything_then_the_fixed_sheet_is_stored(
    village: Database, sheet: Sheet
) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    before = stats.day_numbers(village, TODAY, now=END_OF_DAY)
    assert before.missed_readings == 2 * len(due) and before.fever_today == 0
    assert sheet.fill_all("上午体温", 36.5) == len(due)
    sheet.set(2, "上午体温", "39..2")
    sheet.set(5, "上午体温", 44.0)

    with pytest.raises(ImportRejected) as refused:
        import_readings(village, sheet.path)
    problems = {(p.row, p.column): p.reason for p in refused.value.problems}
    assert set(problems) == {(HEADER_ROW + 2, "上午体温"), (HEADER_ROW + 5, "上午体温")}
    assert "不是数字" in problems[(HEADER_ROW + 2, "上午体温")]
    assert "超出" in problems[(HEADER_ROW + 5, "上午体温")]
    assert f"第{HEADER_ROW + 2}行「上午体温」" in str(refused.value)
    assert readings_today(village) == {}  # all or nothing: not one of the good rows was kept

    sheet.set(2, "上午体温", 39.2)  # the clerk fixes both cells in Excel
    sheet.set(5, "上午体温", "36.8")
    sheet.set(7, "上午症状", "干咳、乏力")
    result = import_readings(village, sheet.path)

    assert (result.day, result.written, result.overwritten, result.unchanged) == (
        TODAY,
        len(due),
        0,
        0,
    )
    stored = readings_today(village)
    assert len(stored) == len(due)
    assert stored[(due[1].case_id, "AM")] == 39.2
    assert stored[(due[4].case_id, "AM")] == 36.8
    after = stats.day_numbers(village, TODAY, now=END_OF_DAY)
    assert after.fever_today == 2  # 39.2 ℃, and the 干咳/乏力 at a normal temperature
    assert after.missed_readings == len(due)  # the afternoon is still to do
    opened = rounds.anomalies(village, open_only=True, day=TODAY)
    assert {a.case_id for a in opened} == {due[1].case_id, due[6].case_id}
    assert result.anomalies == 2


def test_readings_already_taken_are_prefilled_and_reimport_is_a_no_op(
    village: Database, sheet: Sheet, tmp_path: Path
) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    rounds.record_reading(
        village, due[0].case_id, TODAY, Slot.AM, 36.7, symptoms=["咽痛"], measured_by="王芳"
    )
    again = tmp_path / "again.xlsx"
    readings_import.export_rounds_sheet(village, TODAY, again)
    filled = Sheet(again)
    assert (filled.value(1, "上午体温"), filled.value(1, "上午症状")) == (36.7, "咽痛")
    assert filled.value(1, "测量人") == "王芳"
    result = import_readings(village, again)
    assert (result.written, result.overwritten, result.unchanged) == (0, 0, 1)


def test_conflict_is_listed_and_written_only_with_overwrite(
    village: Database, sheet: Sheet
) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    rounds.record_reading(village, due[0].case_id, TODAY, Slot.AM, 36.4)
    rounds.record_reading(village, due[1].case_id, TODAY, Slot.AM, 36.6)
    sheet.set(1, "上午体温", 36.9)  # differs from the 36.4 typed on the rounds page
    sheet.set(2, "上午体温", 36.6)  # the same value: nothing to do
    sheet.set(3, "上午体温", 36.2)  # new

    with pytest.raises(ReadingConflicts) as conflict:
        import_readings(village, sheet.path)
    assert [(c.name, c.existing, c.incoming) for c in conflict.value.conflicts] == [
        (due[0].name, "36.4 ℃", "36.9 ℃")
    ]
    assert len(readings_today(village)) == 2  # the new row was not written either

    preview = readings_import.plan_readings_import(village, sheet.path)
    assert (preview.new_count, len(preview.conflicts), preview.unchanged) == (1, 1, 1)
    assert readings_today(village)[(due[0].case_id, "AM")] == 36.4

    result = import_readings(village, sheet.path, overwrite=True)
    assert (result.written, result.overwritten, result.unchanged) == (1, 1, 1)
    stored = readings_today(village)
    assert stored[(due[0].case_id, "AM")] == 36.9
    assert stored[(due[2].case_id, "AM")] == 36.2


def test_rows_match_by_unique_name_when_the_id_is_blank(village: Database, sheet: Sheet) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    sheet.set(3, "身份证号", None)
    sheet.set(3, "上午体温", 36.3)
    import_readings(village, sheet.path)
    assert readings_today(village) == {(due[2].case_id, "AM"): 36.3}


def test_unknown_people_duplicate_names_and_mismatches_are_named(
    village: Database, sheet: Sheet
) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    sheet.set(1, "上午体温", 36.5)
    sheet.set(1, "姓名", "查无此人")  # the ID still says someone else
    sheet.set(2, "上午体温", 36.5)
    sheet.set(2, "身份证号", None)
    sheet.set(2, "姓名", "查无此人")
    sheet.set(3, "上午体温", 36.5)
    sheet.set(3, "身份证号", "110105194912310029")  # not on today's list
    sheet.set(4, "上午症状", "干咳")  # a symptom without a temperature
    sheet.set(5, "上午体温", 36.5)
    sheet.set(5, "上午症状", "头晕")  # not a symptom the ledger knows
    with pytest.raises(ImportRejected) as refused:
        import_readings(village, sheet.path)
    reasons = {p.row - HEADER_ROW: (p.column, p.reason) for p in refused.value.problems}
    assert reasons[1][0] == "姓名" and due[0].name in reasons[1][1]
    assert reasons[2][0] == "姓名" and "不在" in reasons[2][1]
    assert reasons[3][0] == "身份证号" and "不在" in reasons[3][1]
    assert reasons[4] == ("上午症状", "填写了症状但没有填上午体温")
    assert reasons[5][0] == "上午症状" and "头晕" in reasons[5][1]
    assert readings_today(village) == {}


def test_a_sheet_from_another_day_is_refused(village: Database, tmp_path: Path) -> None:
    yesterday = TODAY - timedelta(days=1)
    path = tmp_path / "昨天.xlsx"
    readings_import.export_rounds_sheet(village, yesterday, path)
    with pytest.raises(ServiceError, match="不是"):
        import_readings(village, path, day=TODAY)
    # Without a date asked for, the sheet's own date is used: yesterday's readings are all there.
    result = import_readings(village, path)
    assert result.day == yesterday and result.written == 0 and result.unchanged > 0


def test_import_opens_anomalies_like_typed_readings(village: Database, sheet: Sheet) -> None:
    due = rounds.due_list(village, TODAY, Slot.AM)
    sheet.set(1, "上午体温", 38.0)
    import_readings(village, sheet.path)
    typed = rounds.record_reading(village, due[1].case_id, TODAY, Slot.AM, 38.0)
    opened = {a.case_id: a for a in rounds.anomalies(village, day=TODAY)}
    assert opened[due[0].case_id].observation == opened[due[1].case_id].observation
    assert opened[due[0].case_id].kind == "发热"
    with village.reading() as session:
        linked = session.scalar(
            select(func.count(Anomaly.id)).where(Anomaly.reading_id.is_not(None))
        )
    assert linked == 2 and typed.anomaly_id in {a.id for a in opened.values()}


# --- command line -------------------------------------------------------------------------------


@pytest.fixture
def closed_village(paths: AppPaths) -> Iterator[AppPaths]:
    """The CLI opens the ledger itself, so the test must not hold it open."""
    with Database.open(paths, operator="测试员") as db:
        make_village(db)
    yield paths


def cli(paths: AppPaths, *args: str) -> int:
    return main(["--data-dir", str(paths.data_dir), *args])


def test_cli_export_then_import_with_and_without_overwrite(
    closed_village: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sheet.xlsx"
    assert cli(closed_village, "export", "rounds-sheet", "--date", TODAY.isoformat(),
               "--out", str(target)) == 0  # fmt: skip
    assert "已导出" in capsys.readouterr().out
    filled = Sheet(target)
    count = filled.fill_all("上午体温", 36.6)
    filled.set(1, "上午体温", "39..2")

    assert cli(closed_village, "import-readings", str(target)) == 1
    err = capsys.readouterr().err
    assert f"第{HEADER_ROW + 1}行「上午体温」" in err and "不是数字" in err

    filled.set(1, "上午体温", 36.6)
    assert cli(closed_village, "import-readings", str(target), "--dry-run") == 0
    assert f"将新登记 {count} 条" in capsys.readouterr().out
    assert cli(closed_village, "import-readings", str(target)) == 0
    assert f"新登记 {count} 条" in capsys.readouterr().out

    filled.set(2, "上午体温", 37.5)
    assert cli(closed_village, "import-readings", str(target)) == 4
    err = capsys.readouterr().err
    assert "--overwrite" in err and "已登记 36.6 ℃，表中为 37.5 ℃" in err
    assert cli(closed_village, "import-readings", str(target), "--overwrite") == 0
    out = capsys.readouterr().out
    assert "覆盖 1 条" in out and "发热或有症状 1 条" in out


def test_cli_refuses_a_sheet_of_another_date(
    closed_village: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sheet.xlsx"
    yesterday = TODAY - timedelta(days=1)
    cli(
        closed_village,
        "export",
        "rounds-sheet",
        "--date",
        yesterday.isoformat(),
        "--out",
        str(target),
    )
    capsys.readouterr()
    assert cli(closed_village, "import-readings", str(target), "--date", TODAY.isoformat()) == 1
    err = capsys.readouterr().err
    assert f"{yesterday.year}年{yesterday.month}月{yesterday.day}日 的填报表" in err


def test_cli_export_defaults_to_the_exports_folder(
    closed_village: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(closed_village, "export", "rounds-sheet") == 0
    written = list(closed_village.exports.glob("*.xlsx"))
    assert [p.name for p in written] == [
        f"演示村体温登记表（{TODAY.year}年{TODAY.month}月{TODAY.day}日）.xlsx"
    ]
