"""体温填报表 layout: what the printed sheet shows, and reading a filled-in one back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.excel.errors import ImportFileError
from app.excel.rounds_sheet import (
    HEADERS,
    RoundsSheet,
    SheetLine,
    read_rounds_sheet,
    write_rounds_sheet,
)

DAY = date(2022, 2, 3)
LINES = [
    SheetLine("张三", "11010519491231002X", "一组", 36.5, "无", None, None, "王医生"),
    SheetLine("李四", "440524188001010014", "二组"),
]


def write(tmp_path: Path, lines: list[SheetLine] = LINES) -> Path:
    target = tmp_path / "体温登记表.xlsx"
    write_rounds_sheet(target, RoundsSheet("东村", DAY, lines, reporter="李文书", phone="138"))
    return target


def test_sheet_has_title_unit_date_and_the_agreed_header(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(tmp_path)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "东村居家观察人员体温登记表"
    assert rows[1][0] == "填报单位：东村"
    assert "测量日期：2022年2月3日" in rows[1]
    assert rows[3] == HEADERS
    first = (1, "张三", "11010519491231002X", "一组", 36.5, "无", None, None, "王医生", None)
    assert rows[4] == first
    assert rows[5][:4] == (2, "李四", "440524188001010014", "二组")
    assert rows[5][4:] == (None,) * 6  # nothing measured yet: blank cells to fill in


def test_id_numbers_are_text_and_the_header_repeats_on_a4(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(tmp_path)).active
    id_cell = sheet["C6"]
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert sheet["E5"].number_format == "0.0"
    assert sheet.print_title_rows == "$4:$4"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.row_dimensions[5].height >= 20  # room to write a temperature by hand


def test_reader_finds_date_labels_and_rows(tmp_path: Path) -> None:
    filled = read_rounds_sheet(write(tmp_path))
    assert filled.day == DAY
    assert filled.labels["am_celsius"] == "上午体温"
    assert [r.row for r in filled.rows] == [5, 6]
    assert filled.rows[0].values["id_number"] == "11010519491231002X"
    assert filled.rows[0].values["am_celsius"] == 36.5


def test_reader_takes_a_date_written_in_the_next_cell(tmp_path: Path) -> None:
    path = tmp_path / "自制.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["测量日期", datetime(2022, 2, 4)])
    sheet.append(["姓名", "上午体温"])
    sheet.append(["张三", 36.6])
    book.save(path)
    filled = read_rounds_sheet(path)
    assert filled.day == date(2022, 2, 4)
    assert filled.rows[0].values == {"name": "张三", "am_celsius": 36.6}


def test_unreadable_date_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "日期错.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["测量日期：二月三号"])
    sheet.append(["姓名", "下午体温"])
    book.save(path)
    filled = read_rounds_sheet(path)
    assert filled.day is None
    assert filled.day_text == "二月三号"
    assert filled.day_row == 1


def test_a_sheet_without_temperature_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号"])
    book.save(path)
    with pytest.raises(ImportFileError, match="上午体温"):
        read_rounds_sheet(path)
