"""Tests for app.excel.roster_reader: which file column feeds which roster field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.excel.errors import ImportFileError
from app.excel.roster_reader import read_roster
from tests.conftest import FIXTURES
from tests.helpers.workbooks import write_county_roster, write_rows

SAMPLE = FIXTURES / "鹿城区密接人员名单.xlsx"


def test_wenzhou_sample_columns_and_rows() -> None:
    table = read_roster(SAMPLE)

    assert table.file_name == "鹿城区密接人员名单.xlsx"
    assert table.sheet_name == "密接人员"
    assert table.header_row == 2  # below the merged title
    assert table.labels["name"] == "姓名"
    assert table.labels["id_number"] == "身份证号"
    assert table.labels["phone"] == "电话"
    assert table.labels["address"] == "现住址_工作单位"
    # 身份类型 holds 密切接触者 in this export: it is the category
    assert table.labels["category"] == "身份类型"
    assert table.labels["start_date"] == "开始隔离时间"
    assert table.labels["released"] == "是否解除隔离"
    assert table.labels["ended_on"] == "解除隔离时间"
    assert table.labels["age"] == "年龄"
    assert table.labels["centralized"] == "集中隔离"
    assert "measure" not in table.labels
    assert table.ignored_columns == [
        *("是否监管", "病人", "关系", "责任街道", "属地所属卫生院"),
        *("开始观察日期", "状态", "流转目的"),
    ]

    assert len(table.rows) == 30
    first = table.rows[0]
    assert (first.row, first["name"], first["category"], first["released"]) == (
        3,
        "周霞芳",
        "密切接触者",
        "是",
    )
    assert first["start_date"] == datetime(2022, 2, 3)
    assert first["ended_on"] == datetime(2022, 2, 17)
    legacy = next(r for r in table.rows if r["name"] == "朱明芳")
    assert (legacy.row, legacy["id_number"]) == (23, "330302670401001")


def test_lishui_layout_joins_origin_and_reads_return_date(tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "返乡.xlsx", rows=3, layout="lishui")

    table = read_roster(written.path)

    assert table.labels["id_number"] == "身份证号码"
    assert table.labels["phone"] == "手机号码"
    assert table.labels["address"] == "目的地详细地址"
    assert table.labels["arrival_date"] == "返乡时间"
    assert table.labels["category"] == "人员类型"
    assert table.labels["registered_on"] == "申报时间"
    assert table.labels["origin"] == "来源省份/来源地市/来源县市区/来源街道乡镇/来源社区村"
    assert table.rows[0]["origin"] == "湖北省武汉市江岸区大智街道永平社区"
    # the destination's contact phone is not the person's phone
    assert "目的地联系电话" in table.ignored_columns
    assert [r.row for r in table.rows] == [3, 4, 5]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("到温时间", "arrival_date"),
        ("到村时间", "arrival_date"),
        ("公民身份号码", "id_number"),
        ("证件号码", "id_number"),
        ("联系方式", "phone"),
        ("联系手机", "phone"),
        ("家庭住址", "address"),
        ("隔离地址", "address"),
        ("组别", "group_name"),
        ("小区", "group_name"),
        ("人员类别", "category"),
        ("类型", "category"),
        ("隔离方式", "measure"),
        ("来自何地", "origin"),
        ("开始观察日期", "start_date"),
        ("结束隔离时间", "planned_end"),
        ("身份证号码（必填）", "id_number"),
    ],
)
def test_header_synonyms(tmp_path: Path, header: str, field: str) -> None:
    # Every roster needs an ID column; the ID synonyms under test are that column themselves.
    id_column = [] if field == "id_number" else ["身份证号"]
    path = write_rows(tmp_path / "a.xlsx", ["姓名", header, *id_column], [["张三", "x"]])

    table = read_roster(path)

    assert table.labels[field] == header
    assert table.rows[0][field] == "x"
    assert table.ignored_columns == []


def test_missing_column_named_by_its_usual_header(tmp_path: Path) -> None:
    table = read_roster(write_rows(tmp_path / "a.xlsx", ["姓名", "证件号码"], [["张三"]]))

    assert not table.has("measure")
    assert table.label("measure") == "管控措施"
    assert table.label("id_number") == "证件号码"


def test_a_list_without_an_id_column_is_refused(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.xlsx", ["姓名", "联系电话"], [["张三", "13800138000"]])

    with pytest.raises(ImportFileError, match="缺少必需的列：“身份证号”"):
        read_roster(path)


def test_no_name_header_is_a_file_error(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "体温.xlsx", ["编号", "体温"], [[1, 36.5]])

    with pytest.raises(ImportFileError, match="姓名"):
        read_roster(path)


def test_progress_reports_rows_read(tmp_path: Path) -> None:
    written = write_county_roster(tmp_path / "a.xlsx", rows=1200, layout="simple")
    calls: list[tuple[int, int]] = []

    table = read_roster(written.path, progress=lambda done, total: calls.append((done, total)))

    assert len(table.rows) == 1200
    assert calls == [(500, 0), (1000, 0)]
