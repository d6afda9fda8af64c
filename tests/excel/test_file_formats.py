"""Lists as they really arrive: .xls from county systems and WPS, CSV in GBK, hidden sheets,
two-row headers, formulas nobody computed — read by one reader, refused in one Chinese line."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.excel.errors import ImportFileError
from app.excel.grid import UncachedFormula, open_grid
from app.excel.merge import read_daily_report
from app.excel.roster_reader import read_roster
from app.excel.rounds_sheet import read_rounds_sheet
from tests.conftest import FIXTURES

LEGACY = FIXTURES / "legacy"
ROSTER_XLS = LEGACY / "东村名单.xls"
READINGS_XLS = LEGACY / "东村体温登记表.xls"
DAILY_XLS = LEGACY / "西村日报表.xls"
GBK_CSV = LEGACY / "东村名单_GBK.csv"
NAMES = ["张三", "李四", "王五"]


def _book(path: Path, *sheets: tuple[str, list[list[object]]]) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    return book


# ---- 97-2003 .xls --------------------------------------------------------------------------------


def test_a_real_xls_roster_reads_like_xlsx() -> None:
    table = read_roster(ROSTER_XLS)

    assert table.sheet_name == "名单"
    assert table.header_row == 2
    assert [r["name"] for r in table.rows] == NAMES
    first = table.rows[0]
    assert first["id_number"] == "330302198001010019"  # a text cell stays text
    assert first["phone"] == 13800138001.0  # Excel keeps a typed phone as a number
    assert str(first["start_date"]).startswith("2022-02-01")


def test_a_hidden_sheet_of_an_xls_is_never_read() -> None:
    table = read_roster(ROSTER_XLS)
    assert "赵六" not in [r["name"] for r in table.rows]


def test_a_renamed_xls_is_read_by_its_content(tmp_path: Path) -> None:
    renamed = tmp_path / "名单.xlsx"  # a clerk "fixed" the extension by renaming
    shutil.copy(ROSTER_XLS, renamed)
    assert [r["name"] for r in read_roster(renamed).rows] == NAMES


def test_a_filled_in_sheet_saved_as_xls_keeps_its_date_and_readings() -> None:
    filled = read_rounds_sheet(READINGS_XLS)

    assert filled.day is not None and filled.day.isoformat() == "2022-02-03"
    assert [row.values["am_celsius"] for row in filled.rows] == [36.5, 36.6, 36.7]


def test_a_daily_report_saved_as_xls_can_be_merged() -> None:
    report = read_daily_report(DAILY_XLS)
    assert report.table.lines[0].unit == "西村"
    assert report.table.lines[0].counts["在管人数"] == 3


def test_a_damaged_xls_is_named_as_old_excel(tmp_path: Path) -> None:
    broken = tmp_path / "名单.xls"
    broken.write_bytes(ROSTER_XLS.read_bytes()[:2000])
    with pytest.raises(ImportFileError, match=r"97-2003（\.xls）.*另存为"):
        read_roster(broken)


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (
            '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>'
            "<tr><td>姓名</td><td>身份证号</td></tr></table></body></html>",
            "网页（HTML）表格",
        ),
        (
            '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
            '<Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">姓名'
            "</Data></Cell></Row></Table></Worksheet></Workbook>",
            "Excel 2003 XML 表格",
        ),
    ],
)
def test_an_xls_that_is_really_a_web_page_or_xml_says_what_it_is(
    tmp_path: Path, content: str, named: str
) -> None:
    path = tmp_path / "系统导出.xls"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert named in message and "系统导出.xls" in message and "另存为" in message
    assert "\n" not in message


# ---- CSV -----------------------------------------------------------------------------------------


def test_a_gbk_csv_reads_its_names_and_keeps_ids_as_text() -> None:
    table = read_roster(GBK_CSV)

    assert [r["name"] for r in table.rows] == NAMES
    assert table.rows[0]["id_number"] == "330302198001010019"
    assert table.rows[0]["group_name"] == "一组"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_csv_in_every_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    text = "姓名,身份证号,联系电话,序号\r\n张三,11010519491231002X,013800138000,007\r\n"
    path.write_bytes(text.encode(encoding))

    row = read_roster(path).rows[0]

    assert (row["name"], row["id_number"], row["phone"]) == (
        "张三",
        "11010519491231002X",
        "013800138000",
    )


def test_csv_numbers_are_never_converted(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text(
        '姓名,身份证号,年龄\n张三,="110105194912310038",007\n李四,110105194912310038,1.5e3\n',
        encoding="utf-8",
    )
    rows = read_roster(path).rows
    assert [r["id_number"] for r in rows] == ["110105194912310038", "110105194912310038"]
    assert [r["age"] for r in rows] == ["007", "1.5e3"]


def test_a_tab_separated_export_reads_too(tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    path.write_bytes("姓名\t身份证号\n张三\t11010519491231002X\n".encode("utf-16"))
    assert read_roster(path).rows[0]["id_number"] == "11010519491231002X"


@pytest.mark.parametrize(
    "data",
    [
        "姓名,身份證號\n陳曉明,1\n".encode("big5"),  # Big5 read as GBK
        "姓名,身份证号\n张三,1\n".encode().decode("latin-1").encode("utf-8"),  # double-encoded
    ],
)
def test_a_csv_whose_names_decode_to_mojibake_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match="乱码"):
        read_roster(path)


def test_a_utf8_csv_with_a_damaged_byte_is_not_guessed_as_gbk(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    good = "姓名,身份证号,现住址\n张三,11010519491231002X,东村一组十八号\n".encode()
    path.write_bytes(good[:-6] + b"\xff" + good[-5:])
    with pytest.raises(ImportFileError, match=r"UTF-8.*损坏"):
        read_roster(path)


# ---- hidden sheets and several candidates ------------------------------------------------------


def test_a_hidden_sheet_is_not_imported_instead_of_the_visible_one(tmp_path: Path) -> None:
    book = _book(
        tmp_path,
        ("旧名单", [["姓名", "身份证号"], ["赵六", "11010519491231002X"]]),
        ("名单", [["姓名", "身份证号"], ["张三", "440524188001010014"]]),
    )
    book["旧名单"].sheet_state = "hidden"
    book.active = 1
    book.save(tmp_path / "名单.xlsx")

    table = read_roster(tmp_path / "名单.xlsx")

    assert [r["name"] for r in table.rows] == ["张三"]
    assert table.notice is None


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_list_only_on_a_hidden_sheet_is_refused_naming_it(tmp_path: Path, state: str) -> None:
    book = _book(
        tmp_path,
        ("说明", [["本表由乡镇填写"]]),
        ("数据", [["姓名", "身份证号"], ["赵六", "11010519491231002X"]]),
    )
    book["数据"].sheet_state = state
    book.save(tmp_path / "名单.xlsx")

    with pytest.raises(ImportFileError, match=r"「数据」是隐藏的.*取消隐藏"):
        read_roster(tmp_path / "名单.xlsx")


def test_with_two_lists_the_active_sheet_is_read_and_named(tmp_path: Path) -> None:
    book = _book(
        tmp_path,
        ("一月", [["姓名", "身份证号"], ["赵六", "11010519491231002X"]]),
        ("二月", [["姓名", "身份证号"], ["张三", "440524188001010014"]]),
    )
    book.active = 1
    book.save(tmp_path / "名单.xlsx")

    table = read_roster(tmp_path / "名单.xlsx")

    assert [r["name"] for r in table.rows] == ["张三"]
    assert table.notice is not None
    assert "「一月」" in table.notice and "读取的是「二月」" in table.notice


# ---- two-row headers -----------------------------------------------------------------------------


def test_a_merged_group_over_the_id_columns_keeps_the_id_column(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["东村人员排查登记表"])
    sheet.append(["序号", "姓名", "证件信息", None, "联系电话", "管控措施"])
    sheet.append([None, None, "证件类型", "证件号码", None, None])
    sheet.append([1, "张三", "居民身份证", "11010519491231002X", "13800138000", "居家隔离"])
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("C2:D2")
    for column in "ABEF":
        sheet.merge_cells(f"{column}2:{column}3")
    book.save(tmp_path / "名单.xlsx")

    table = read_roster(tmp_path / "名单.xlsx")

    assert table.header_row == 3
    assert table.labels["id_number"] == "证件号码"
    assert table.labels["id_type"] == "证件类型"
    assert [(r.row, r["name"], r["id_number"], r["phone"]) for r in table.rows] == [
        (4, "张三", "11010519491231002X", "13800138000")
    ]


def test_a_group_row_above_the_names_is_folded_in(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "基本信息", None, None, "体温", None])
    sheet.append([None, "姓名", "性别", "身份证号", "上午", "下午"])
    sheet.append([1, "张三", "男", "11010519491231002X", 36.5, 36.8])
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:F1")
    sheet.merge_cells("A1:A2")
    book.save(tmp_path / "体温.xlsx")

    from app.excel.rounds_sheet import SYNONYMS
    from app.excel.sheet_reader import open_table

    match, rows = open_table(tmp_path / "体温.xlsx", SYNONYMS)
    with rows:
        values = next(rows).values
    assert match.header_row == 2
    assert match.column_labels["am_celsius"] == "上午"  # the group makes it 上午体温
    assert (values["name"], values["am_celsius"], values["pm_celsius"]) == ("张三", 36.5, 36.8)


def test_a_roster_without_an_id_column_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "证件信息", "联系电话"])  # the ID numbers sit under an unknown header
    sheet.append(["张三", "11010519491231002X", "13800138000"])
    book.save(tmp_path / "名单.xlsx")

    with pytest.raises(ImportFileError) as caught:
        read_roster(tmp_path / "名单.xlsx")
    assert "缺少必需的列：“身份证号”" in str(caught.value)


# ---- formulas ------------------------------------------------------------------------------------


def test_a_formula_without_its_result_is_marked_not_blank(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "身份证号", "联系电话"])
    book.active.append(["张三", "11010519491231002X", "=13800000000+1"])
    book.save(tmp_path / "名单.xlsx")  # openpyxl writes formulas without results

    row = read_roster(tmp_path / "名单.xlsx").rows[0]

    assert row["phone"] == UncachedFormula("=13800000000+1")


def test_a_formula_saved_with_its_result_reads_the_result(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "身份证号", "联系电话", "备注"])
    book.active.append(["张三", "11010519491231002X", "=13800000000+1", '=IF(1,"","x")'])
    path = tmp_path / "名单.xlsx"
    book.save(path)
    _as_excel_saves_it(path)

    row = read_roster(path).rows[0]

    assert row["phone"] == 13800000001
    assert row["note"] is None  # an empty text result is a blank, not a missing result


def _as_excel_saves_it(path: Path) -> None:
    """Add the cached results Excel writes next to each formula."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    empty = r"(?:<v\s*/>|<v></v>)"  # openpyxl writes either, with or without lxml
    xml = re.sub(rf"<f>13800000000\+1</f>{empty}", "<f>13800000000+1</f><v>13800000001</v>", xml)
    xml = re.sub(rf'<c r="D2"><f>(.*?)</f>{empty}', r'<c r="D2" t="str"><f>\1</f><v></v>', xml)
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


def test_every_kind_is_one_grid(tmp_path: Path) -> None:
    for path in (ROSTER_XLS, GBK_CSV, FIXTURES / "鹿城区密接人员名单.xlsx"):
        with open_grid(path) as grid:
            assert grid.visible_in_order(), path.name


def test_the_text_mark_of_our_exports_is_dropped_on_the_way_back_in() -> None:
    from app.excel.sheet_reader import cell_text

    assert cell_text("'=HYPERLINK(1)") == "=HYPERLINK(1)"  # written by workbook._set_value
    assert cell_text("'＝1") == "＝1"
    assert cell_text("'张三") == "'张三"  # an apostrophe the clerk typed stays


def test_short_names_under_a_group_are_read_with_the_group(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "证件信息", None, "人员类型"])
    sheet.append([None, "类型", "号码", None])
    sheet.append(["张三", "居民身份证", "11010519491231002X", "密接"])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("D1:D2")
    book.save(tmp_path / "名单.xlsx")

    row = read_roster(tmp_path / "名单.xlsx").rows[0]

    assert (row["id_type"], row["id_number"], row["category"]) == (
        "居民身份证",
        "11010519491231002X",
        "密接",
    )
