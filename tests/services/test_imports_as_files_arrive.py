"""Imports of lists written the way county systems, WPS and hand-kept Excel write them: exact
numeric IDs, formulas nobody computed, .xls and GBK CSV — all-or-nothing, one line per problem."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.db import Database
from app.excel.errors import ImportFileError
from app.excel.merge import merge_files
from app.models import Person, TemperatureReading
from app.models.problems import ImportRejected
from app.models.validation import resident_id_check_char
from app.services import imports
from app.services.errors import ServiceError
from tests.conftest import FIXTURES
from tests.helpers.readings import import_readings
from tests.helpers.workbooks import write_rows

LEGACY = FIXTURES / "legacy"
DAY = date(2022, 2, 3)  # the day of the legacy fixtures
LOST_DIGITS = "Excel 只保留 15 位有效数字，后几位已经丢失"
FORMULA = "是公式，没有计算结果：请在 Excel 中打开并保存，或粘贴为数值"


def _id(body17: str) -> str:
    return body17 + resident_id_check_char(body17)


ID_EXACT = _id("11010519491231003")  # 110105194912310038
ID_LOST = "110105194912310000"  # what a float cut to 15 digits becomes as an integer


def _numbers_as_written(path: Path, numbers: dict[str, int]) -> Path:
    """Cells holding all their digits, as county systems write them (openpyxl itself would
    write 1.1010519491231e+17)."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, number in numbers.items():
        xml, count = re.subn(
            rf'<c r="{ref}" t="n"><v>[^<]*</v>', f'<c r="{ref}" t="n"><v>{number}</v>', xml
        )
        assert count == 1, ref
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


def _persons(db: Database) -> dict[str, Person]:
    with db.reading() as session:
        return {p.name: p for p in session.scalars(select(Person))}


def _rejected(db: Database, path: Path) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        imports.import_roster(db, path, today=DAY)
    return caught.value


# ---- IDs written as numbers ----------------------------------------------------------------------


def test_an_18_digit_id_stored_as_an_exact_number_is_read_exactly(
    db: Database, tmp_path: Path
) -> None:
    assert ID_EXACT == "110105194912310038"
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号", "联系电话"],
        [["张三", int(ID_EXACT), 13800138000], ["李四", 110105491231002, None]],
    )
    _numbers_as_written(path, {"B3": int(ID_EXACT)})

    imports.import_roster(db, path, today=DAY)

    people = _persons(db)
    assert people["张三"].id_number == ID_EXACT
    assert people["张三"].phone == "13800138000"
    assert people["李四"].id_number == "11010519491231002X"  # 15-digit legacy ID, upgraded


@pytest.mark.parametrize("stored", [int(ID_LOST), 1.10105194912310038e17])
def test_an_id_number_that_lost_its_digits_stays_refused(
    db: Database, tmp_path: Path, stored: object
) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "身份证号"], [["张三", stored]])
    if isinstance(stored, int):
        _numbers_as_written(path, {"B3": stored})

    problem = _rejected(db, path).problems[0]

    assert (problem.row, problem.column) == (3, "身份证号")
    assert LOST_DIGITS in problem.reason


def test_an_exact_number_with_a_wrong_check_digit_says_so(db: Database, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "身份证号"], [["张三", 1]])
    _numbers_as_written(path, {"B3": int(ID_EXACT) + 1})
    assert "校验位不对" in _rejected(db, path).problems[0].reason


# ---- formulas nobody computed ------------------------------------------------------------------


def test_a_formula_without_a_result_is_a_row_problem_never_today(
    db: Database, tmp_path: Path
) -> None:
    path = write_rows(
        tmp_path / "a.xlsx",
        ["姓名", "身份证号", "联系电话", "开始日期"],
        [
            ["张三", ID_EXACT, "=13800000000+1", "2022-02-01"],
            ["李四", "11010519491231002X", "13800138000", "=DATE(2026,12,1)"],
        ],
    )

    rejected = _rejected(db, path)

    assert [str(p) for p in rejected.problems] == [
        f"第3行「联系电话」{FORMULA}",
        f"第4行「开始日期」{FORMULA}",
    ]
    assert _persons(db) == {}


# ---- the formats lists arrive in -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["东村名单.xls", "东村名单_GBK.csv"])
def test_a_legacy_list_imports_like_an_xlsx(db: Database, name: str) -> None:
    report = imports.import_roster(db, LEGACY / name, today=DAY)

    assert report.cases_created == 3
    people = _persons(db)
    assert set(people) == {"张三", "李四", "王五"}
    assert people["张三"].id_number == _id("33030219800101001")
    assert people["张三"].phone == "13800138001"


def test_a_bad_row_in_a_csv_imports_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    text = LEGACY.joinpath("东村名单_GBK.csv").read_bytes().decode("gbk")
    path.write_bytes(text.replace("2022/2/1", "2月30日", 1).encode("gbk"))

    problem = _rejected(db, path).problems[0]

    assert (problem.row, problem.column) == (2, "开始日期")
    assert _persons(db) == {}


def test_the_shared_county_sample_still_imports(db: Database) -> None:
    report = imports.import_roster(db, FIXTURES / "鹿城区密接人员名单.xlsx")
    assert report.cases_created + report.cases_skipped == report.rows_read > 0


# ---- readings ------------------------------------------------------------------------------------


def _readings(db: Database) -> list[float]:
    with db.reading() as session:
        return sorted(session.scalars(select(TemperatureReading.celsius)))


def test_a_filled_in_sheet_saved_as_xls_imports(db: Database) -> None:
    imports.import_roster(db, LEGACY / "东村名单.xls", today=DAY)

    result = import_readings(db, LEGACY / "东村体温登记表.xls", day=DAY, today=DAY)

    assert result.written == 3
    assert _readings(db) == [36.5, 36.6, 36.7]


def _filled_xlsx(tmp_path: Path) -> Path:
    """The legacy filled-in sheet as the clerk's Excel would save it as .xlsx."""
    from app.excel.grid import open_grid

    book = Workbook()
    sheet = book.active
    with open_grid(LEGACY / "东村体温登记表.xls") as grid:
        for row in grid.sheets[0].rows():
            sheet.append(list(row))
    path = tmp_path / "体温登记表.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("renamed", ["体温登记表.xlsx.bak", "体温登记表"])
def test_a_renamed_filled_sheet_imports_like_any_other(
    db: Database, tmp_path: Path, renamed: str
) -> None:
    imports.import_roster(db, LEGACY / "东村名单.xls", today=DAY)
    path = tmp_path / renamed
    shutil.copy(_filled_xlsx(tmp_path), path)

    result = import_readings(db, path, day=DAY, today=DAY)

    assert result.written == 3


def test_a_renamed_file_that_is_no_sheet_gets_a_chinese_message(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "体温登记表.xlsx.bak"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError) as caught:
        import_readings(db, path, day=DAY, today=DAY)
    assert re.search(r"[\u4e00-\u9fff]", str(caught.value))
    assert "体温登记表.xlsx.bak" in str(caught.value)


def test_a_temperature_formula_without_a_result_is_a_row_problem(
    db: Database, tmp_path: Path
) -> None:
    imports.import_roster(db, LEGACY / "东村名单.xls", today=DAY)
    path = _filled_xlsx(tmp_path)
    book = openpyxl.load_workbook(path)
    book.active["E6"] = "=36+0.5"  # 李四's 上午体温
    book.save(path)

    with pytest.raises(ImportRejected) as caught:
        import_readings(db, path, day=DAY, today=DAY)

    assert [str(p) for p in caught.value.problems] == [f"第6行「上午体温」{FORMULA}"]
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(TemperatureReading)) == 0


@pytest.mark.parametrize(
    "date_row",
    [
        {"H2": "测量日期", "I2": "=DATE(2022,2,3)"},  # the date beside its label
        {"H2": '="测量日期："&TEXT(DATE(2022,2,3),"yyyy年m月d日")'},  # label and date in one
    ],
)
def test_a_date_formula_without_a_result_gets_the_formula_message(
    db: Database, tmp_path: Path, date_row: dict[str, str]
) -> None:
    imports.import_roster(db, LEGACY / "东村名单.xls", today=DAY)
    path = _filled_xlsx(tmp_path)
    book = openpyxl.load_workbook(path)
    for cell, value in date_row.items():
        book.active[cell] = value  # openpyxl saves a formula without its result
    book.save(path)

    with pytest.raises(ServiceError) as caught:
        import_readings(db, path, day=DAY, today=DAY)

    assert str(caught.value) == f"{path.name} 第2行「测量日期」{FORMULA}。"
    assert _readings(db) == []


# ---- merge ---------------------------------------------------------------------------------------


def _daily_xlsx(tmp_path: Path, unit: str) -> Path:
    from app.excel.grid import open_grid

    book = Workbook()
    sheet = book.active
    sheet.title = "日报表"
    with open_grid(LEGACY / "西村日报表.xls") as grid:
        for row in grid.sheets[0].rows():
            sheet.append([unit if v == "西村" else v for v in row])
    path = tmp_path / f"{unit}.xlsx"
    book.save(path)
    return path


def test_merge_reads_an_xls_next_to_an_xlsx(tmp_path: Path) -> None:
    preview = merge_files([LEGACY / "西村日报表.xls", _daily_xlsx(tmp_path, "东村")])
    assert [line.unit for line in preview.table.lines] == ["西村", "东村"]
    totals = dict(zip(preview.table.number_labels, preview.table.total(), strict=True))
    assert totals["在管人数"] == 6


@pytest.mark.parametrize(
    ("typed", "why"),
    [("²", "上标"), ("3.5", "不是整数"), ("3人", "“人”不是数字"), ("=1+2", "公式")],
)
def test_merge_names_the_count_cell_and_why(tmp_path: Path, typed: str, why: str) -> None:
    path = _daily_xlsx(tmp_path, "东村")
    book = openpyxl.load_workbook(path)
    book["日报表"]["D4"] = typed
    book.save(path)

    with pytest.raises(ImportFileError) as caught:
        merge_files([path])

    message = str(caught.value)
    assert "东村.xlsx 第 4 行「当日新增排查」" in message and "D4" in message
    assert why in message and "损坏" not in message


def _two_lists(path: Path) -> Path:
    book = Workbook()
    book.active.title = "一月"
    book.active.append(["姓名", "身份证号"])
    book.active.append(["赵六", "11010519491231002X"])
    second = book.create_sheet("二月")
    second.append(["姓名", "身份证号"])
    second.append(["张三", "440524188001010014"])
    book.active = 1
    book.save(path)
    return path


def test_the_cli_says_which_of_two_lists_it_read_and_reads_the_one_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = _two_lists(tmp_path / "名单.xlsx")
    data = str(tmp_path / "data")

    assert main(["--data-dir", data, "import-roster", str(path), "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "「二月」共 1 行" in shown and "本次读取的是「二月」" in shown

    assert main(["--data-dir", data, "import-roster", str(path), "--sheet", "一月"]) == 0
    assert "「一月」共 1 行：已导入 1 人" in capsys.readouterr().out
