"""Tests for app.excel.sheet_reader: finding and mapping tables in county workbooks."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from app.excel.errors import ImportFileError
from app.excel.sheet_reader import (
    BLANK_ROWS_STOP,
    cell_text,
    is_blank,
    normalize_header,
    open_table,
)
from app.excel.workbook import Column, SheetSpec, write_workbook

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "鹿城区密接人员名单.xlsx"

SYNONYMS: dict[str, list[str]] = {
    "name": ["姓名", "被检查人姓名"],
    "sex": ["性别"],
    "id_number": ["身份证号", "身份证号码", "证件号码", "公民身份号码"],
    "phone": ["电话", "联系电话", "手机号码", "联系手机", "联系方式"],
    "address": ["现住址_工作单位", "家庭住址", "居住地址", "隔离地址"],
    "start_date": ["开始隔离时间", "开始观察日期"],
    "released": ["是否解除隔离"],
    "released_on": ["解除隔离时间"],
    "arrival": ["re:^到.+时间$", "返乡时间"],
    "category": ["身份类型", "人员类型", "类型"],
}


def _save(path: Path, rows: list[list[object]], title: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(rows[0]), 2))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# ---- the real-format sample --------------------------------------------------------------------


def test_sample_county_list() -> None:
    match, rows = open_table(SAMPLE, SYNONYMS, required=("name", "id_number"))
    with rows:
        data = list(rows)

    assert match.sheet_name == "密接人员"
    assert match.header_row == 2  # the merged title row 1 is not the header
    assert match.columns["name"] == 0
    assert match.columns["id_number"] == 14
    assert match.columns["phone"] == 9
    assert match.columns["start_date"] == 5  # leftmost of 开始隔离时间 / 开始观察日期
    assert match.column_labels["id_number"] == "身份证号"
    assert match.column_labels["address"] == "现住址_工作单位"
    assert "arrival" not in match.columns
    for header in ("年龄", "是否监管", "病人", "开始观察日期", "流转目的"):
        assert header in match.unknown_headers
    for used in ("姓名", "身份证号", "电话", "身份类型"):
        assert used not in match.unknown_headers

    assert len(data) == 30
    first = data[0]
    assert first.row == 3
    assert first.values["name"] == "周霞芳"
    assert first.values["id_number"] == "330303199209111004"
    assert first.values["start_date"] == datetime(2022, 2, 3)
    assert first.values["released"] == "是"
    # raw values: the importer, not the reader, interprets them
    by_name = {r.values["name"]: r for r in data}
    assert by_name["王娟洋"].values["start_date"] == "2022/2/4"
    assert by_name["朱洋娜"].values["phone"] == "+86 17679656840"
    assert by_name["孙秀英"].values["id_number"] == "33030219831120111x"
    assert by_name["朱明芳"].values["id_number"] == "330302670401001"
    assert by_name["朱明芳"].row == 23
    assert data[-1].row == 32
    assert set(first.values) == set(match.columns)


# ---- header normalisation and matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("身份证号码（必填）", "身份证号码"),
        ("身份证号码(必填)", "身份证号码"),
        ("*姓名", "姓名"),
        ("联系电话：", "联系电话"),
        ("  姓　名 ", "姓名"),
        ("身份证\n号码", "身份证号码"),
        ("手机号码（选填，11位）", "手机号码"),
        ("ＩＤ号", "ID号"),
        ("体温(上午)", "体温(上午)"),  # a meaningful bracket stays
        (None, ""),
        (2022, "2022"),
    ],
)
def test_normalize_header(raw: object, expected: str) -> None:
    assert normalize_header(raw) == expected


def test_annotated_and_wrapped_headers_match(tmp_path: Path) -> None:
    path = _save(
        tmp_path / "模板.xlsx",
        [
            ["序号", "*姓 名", "身份证号码（必填）", "联系电话：", "到温时间", "备注"],
            [1, "张三", "11010519491231002X", "13800138000", date(2022, 2, 3), None],
        ],
        title="某乡镇返乡人员登记表",
    )
    match, rows = open_table(path, SYNONYMS)
    data = list(rows)
    assert match.header_row == 2
    assert match.columns == {"name": 1, "id_number": 2, "phone": 3, "arrival": 4}
    assert match.column_labels["id_number"] == "身份证号码（必填）"
    assert match.unknown_headers == ["序号", "备注"]
    assert data[0].values["arrival"] == datetime(2022, 2, 3)


def test_exact_match_beats_bracket_free_match(tmp_path: Path) -> None:
    path = _save(
        tmp_path / "体温.xlsx",
        [["姓名", "体温(下午)", "体温（上午）"], ["张三", 36.8, 36.5]],
    )
    synonyms = {"name": ["姓名"], "am": ["体温(上午)", "上午体温"], "pm": ["下午体温", "体温"]}
    match, rows = open_table(path, synonyms)
    rows.close()
    assert match.columns["am"] == 2  # the exact name, not the first "体温(...)" column
    assert match.columns["pm"] == 1  # bracket-free fallback on the remaining column


def test_first_matching_column_wins(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.xlsx", [["姓名", "联系电话", "电话"], ["张三", "1", "2"]])
    match, rows = open_table(path, SYNONYMS)
    assert match.columns["phone"] == 1
    assert next(rows).values["phone"] == "1"
    rows.close()


def test_joined_origin_fields(tmp_path: Path) -> None:
    parts = ["来源省份", "来源地市", "来源县市区", "来源街道乡镇", "来源社区村"]
    headers = ["姓名", *parts, "返乡原因"]
    path = _save(
        tmp_path / "返乡.xlsx",
        [
            headers,
            ["张三", "湖北省", "武汉市", "江汉区", "民族街道", "友谊社区", "探亲"],
            ["李四", "湖北省", "湖北省孝感市", None, "  ", None, "返乡"],
            ["王五", None, None, None, None, None, None],
        ],
    )
    joined = {"origin": parts}
    match, rows = open_table(path, SYNONYMS, joined=joined)
    data = list(rows)
    assert match.columns["origin"] == 1
    assert match.joined_columns["origin"] == (1, 2, 3, 4, 5)
    assert match.column_labels["origin"].startswith("来源省份/来源地市")
    assert match.unknown_headers == ["返乡原因"]
    assert data[0].values["origin"] == "湖北省武汉市江汉区民族街道友谊社区"
    assert data[1].values["origin"] == "湖北省孝感市"  # repeated prefix not doubled
    assert data[2].values["origin"] is None


def test_direct_column_beats_joined(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.xlsx", [["姓名", "来源地", "来源省份"], ["张三", "武汉", "湖北"]])
    match, rows = open_table(
        path, {"name": ["姓名"], "origin": ["来源地"]}, joined={"origin": ["来源省份"]}
    )
    assert match.columns["origin"] == 1
    assert match.joined_columns == {}
    assert next(rows).values["origin"] == "武汉"
    rows.close()


def test_several_anchors(tmp_path: Path) -> None:
    path = _save(tmp_path / "卡口.xlsx", [["卡口名称", "被检查人姓名"], ["东卡", "张三"]])
    match, rows = open_table(path, SYNONYMS, anchor=("姓名", "被检查人姓名"))
    assert match.columns["name"] == 1
    assert [r.values["name"] for r in rows] == ["张三"]


# ---- rows --------------------------------------------------------------------------------------


def test_blank_rows_skipped_and_blank_tail_stops(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "电话"])
    ws.append(["张三", "1"])
    ws.append([None, "   "])  # blank
    ws.append(["\u3000", None])  # full-width space only: blank
    ws.append(["李四", None])  # row 5
    thin = Side(style="thin")
    # A formatted but empty tail, like county files that border cells down to the last row.
    for r in range(6, 6 + BLANK_ROWS_STOP + 10):
        for c in (1, 2):
            ws.cell(r, c).border = Border(left=thin)
    ws.cell(6 + BLANK_ROWS_STOP + 20, 1, "不会读到")
    path = tmp_path / "tail.xlsx"
    wb.save(path)

    _match, rows = open_table(path, SYNONYMS)
    data = list(rows)
    assert [(r.row, r.values["name"]) for r in data] == [(2, "张三"), (5, "李四")]


def test_footer_and_total_lines_are_not_rows(tmp_path: Path) -> None:
    path = _save(
        tmp_path / "x.xlsx",
        [
            ["姓名", "人数"],
            ["张三", 1],
            ["合计", 1],
            ["注：本表每日16时前报送", None],
            ["填报人：李四", "审核人：王五"],
            ["注意事项", 2],  # not a "label：" line, so still a row
        ],
    )
    _match, rows = open_table(path, {"name": ["姓名"], "count": ["人数"]})
    assert [r.values["name"] for r in rows] == ["张三", "注意事项"]


def test_rows_within_blank_limit_are_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名"])
    ws.append(["张三"])
    ws.cell(2 + BLANK_ROWS_STOP - 1, 1, "李四")  # 48 blank rows in between
    path = tmp_path / "gap.xlsx"
    wb.save(path)
    _match, rows = open_table(path, SYNONYMS)
    assert [r.row for r in rows] == [2, 2 + BLANK_ROWS_STOP - 1]


def test_rows_with_only_unused_columns_are_blank(tmp_path: Path) -> None:
    # Templates pre-number 序号 far below the last person.
    rows_in = [["序号", "姓名", "电话"], [1, "张三", "1"]] + [
        [i, None, None] for i in range(2, 300)
    ]
    path = _save(tmp_path / "template.xlsx", rows_in)
    _match, rows = open_table(path, SYNONYMS)
    assert [r.values["name"] for r in rows] == ["张三"]


def test_short_rows_padded(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.xlsx", [["姓名", "性别", "电话"], ["张三"]])
    _match, rows = open_table(path, SYNONYMS)
    assert next(rows).values == {"name": "张三", "sex": None, "phone": None}
    rows.close()


def test_wrong_dimension_is_ignored(tmp_path: Path) -> None:
    # Some generators write <dimension ref="A1"/>; read-only openpyxl would then stop at row 1.
    good = _save(tmp_path / "good.xlsx", [["姓名"], ["张三"], ["李四"]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
            dst.writestr(item, data)
    _match, rows = open_table(bad, SYNONYMS)
    assert [r.values["name"] for r in rows] == ["张三", "李四"]


def test_reads_own_export(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    spec = SheetSpec(
        title="名单",
        columns=[Column("姓名"), Column("身份证号"), Column("开始隔离时间", "date")],
        rows=[["张三", "11010519491231002X", date(2022, 2, 3)]],
        heading="东村名单",
        subheading_rows=[["填报单位：东村", "统计时间：2022年2月3日"]],
        footer_rows=[["填报人：张三"]],
    )
    write_workbook(path, [spec])
    match, rows = open_table(path, SYNONYMS)
    data = list(rows)
    assert match.header_row == 3
    # the footer line has no 姓名, so it is not a person; the importer sees one row
    assert [r.values["name"] for r in data] == ["张三"]
    assert data[0].values["id_number"] == "11010519491231002X"


def test_rows_close_releases_file(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.xlsx", [["姓名"], ["张三"], ["李四"]])
    _match, rows = open_table(path, SYNONYMS)
    assert next(rows).values["name"] == "张三"
    rows.close()
    rows.close()  # idempotent
    with pytest.raises(StopIteration):
        next(rows)
    path.unlink()  # would fail on Windows if the file were still open


# ---- whole-file problems -----------------------------------------------------------------------


def test_missing_file() -> None:
    with pytest.raises(ImportFileError, match="找不到文件"):
        open_table(Path("/nonexistent/名单.xlsx"), SYNONYMS)


def test_garbage_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "名单.xls"
    path.write_bytes(b"\x00\x01garbage, not a workbook")
    with pytest.raises(ImportFileError, match=r"另存为.*\.xlsx"):
        open_table(path, SYNONYMS)


def test_html_table_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "系统导出.xls"
    path.write_text("<html><table><tr><td>姓名</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(ImportFileError, match="另存为"):
        open_table(path, SYNONYMS)


def test_legacy_xls_signature(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(ImportFileError, match=r"\.xls.*另存为"):
        open_table(path, SYNONYMS)


def test_garbage_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"this is not a zip file at all")
    with pytest.raises(ImportFileError, match="不是 Excel"):
        open_table(path, SYNONYMS)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ImportFileError, match="损坏"):
        open_table(path, SYNONYMS)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError, match="空文件"):
        open_table(path, SYNONYMS)


def test_password_protected(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = _save(tmp_path / "plain.xlsx", [["姓名"], ["张三"]])
    locked = tmp_path / "加密.xlsx"
    with plain.open("rb") as src, locked.open("wb") as dst:
        ooxml.OOXMLFile(src).encrypt("123456", dst)
    with pytest.raises(ImportFileError, match="密码"):
        open_table(locked, SYNONYMS)


def test_renamed_xlsx_still_reads(tmp_path: Path) -> None:
    good = _save(tmp_path / "good.xlsx", [["姓名"], ["张三"]])
    renamed = tmp_path / "名单"
    shutil.copy(good, renamed)
    _match, rows = open_table(renamed, SYNONYMS)
    assert [r.values["name"] for r in rows] == ["张三"]


def test_no_sheet_with_anchor_names_the_sheets(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "汇总"
    wb.active.append(["村名", "人数"])
    wb.create_sheet("说明").append(["本表由乡镇填写"])
    path = tmp_path / "汇总.xlsx"
    wb.save(path)
    with pytest.raises(ImportFileError) as info:
        open_table(path, SYNONYMS)
    message = str(info.value)
    assert "姓名" in message
    assert "「汇总」" in message and "「说明」" in message


def test_anchor_below_scan_window_not_found(tmp_path: Path) -> None:
    rows: list[list[object]] = [[f"说明{i}"] for i in range(25)] + [["姓名"], ["张三"]]
    path = _save(tmp_path / "x.xlsx", rows)
    with pytest.raises(ImportFileError):
        open_table(path, SYNONYMS)
    match, rows_iter = open_table(path, SYNONYMS, max_header_scan=30)
    assert match.header_row == 26
    rows_iter.close()


def test_second_sheet_used_when_first_has_no_header(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["填表说明：姓名必填"])
    ws = wb.create_sheet("名单")
    ws.append(["姓名", "身份证号"])
    ws.append(["张三", "11010519491231002X"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    match, rows = open_table(path, SYNONYMS)
    assert match.sheet_name == "名单"
    assert len(list(rows)) == 1


def test_missing_required_column_named(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.xlsx", [["姓名", "电话"], ["张三", "1"]], title="名单")
    with pytest.raises(ImportFileError) as info:
        open_table(path, SYNONYMS, required=("name", "id_number"))
    message = str(info.value)
    assert "身份证号" in message
    assert "第 2 行" in message
    assert "Sheet" in message  # the sheet is named


# ---- cell helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  \u3000 ", None),
        ("\ufeff张三\u3000", "张三"),
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        (36.5, "36.5"),
        (True, "是"),
        (datetime(2022, 2, 3), "2022-02-03"),
        (datetime(2022, 2, 3, 8, 30), "2022-02-03 08:30:00"),
        (date(2022, 2, 3), "2022-02-03"),
        (time(8, 30), "08:30:00"),
    ],
)
def test_cell_text(value: object, expected: str | None) -> None:
    assert cell_text(value) == expected


def test_is_blank() -> None:
    assert is_blank(None)
    assert is_blank("")
    assert is_blank(" \u3000\n")
    assert not is_blank("0")
    assert not is_blank(0)
    assert not is_blank(False)
