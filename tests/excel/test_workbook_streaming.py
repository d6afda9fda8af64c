"""Streamed data rows (``_DataRows``) hold what openpyxl's own cells would: every kind of value."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from app.excel.workbook import Column, SheetSpec, write_workbook
from tests.excel.workbook_compare import assert_same_workbook

COLUMNS = [
    Column("姓名"),
    Column("身份证号", mask="id_number"),
    Column("人数", "int"),
    Column("体温", "decimal1"),
    Column("登记日期", "date"),
    Column("测量时间", "datetime"),
    Column("时段", "time"),
    Column("备注"),
]
ROWS: list[list[object]] = [
    ["张三", "110105199001010012", 3, 36.5, date(2022, 2, 3), datetime(2022, 2, 3, 8, 5),
     time(8, 5), "  前后有空格  "],
    ["=HYPERLINK(\"x\")", "+8613800000000", 0, 37.25, datetime(2022, 2, 3, 23, 59),
     date(2022, 2, 3), datetime(2022, 2, 3, 14, 0), "#N/A"],
    ["李\x01四", None, True, 38, None, datetime(2022, 2, 3, 8, tzinfo=timezone(timedelta(hours=8))),
     None, ""],
    ["王五", 110105199001010012, 2.0, None, "不详", "—", "—", "x" * 40_000],
    ["赵六", "", date(2022, 2, 3), float("nan"), date(2022, 2, 4), None, time(20, 0), True],
    ["孙七", "ID", -1, 0.0, date(1900, 3, 1), datetime(2022, 12, 31, 0, 0), time(0, 0), 12],
]  # fmt: skip


def _spec() -> SheetSpec:
    return SheetSpec(
        title="测试",
        columns=COLUMNS,
        rows=ROWS,
        heading="东关村测试表",
        subheading_rows=[["填报单位：东关村", "统计时间：2022年2月3日"]],
        footer_rows=[["填报人：张三", "联系电话：13800000000", "审核人：李四"], ["备注"]],
    )


@pytest.mark.parametrize("masked", [False, True])
def test_streamed_rows_match_openpyxl_cells(tmp_path: Path, masked: bool) -> None:
    streamed, reference = tmp_path / "streamed.xlsx", tmp_path / "reference.xlsx"
    write_workbook(streamed, [_spec()], streaming=True, mask_personal=masked)
    write_workbook(reference, [_spec()], streaming=False, mask_personal=masked)
    assert_same_workbook(streamed, reference)
