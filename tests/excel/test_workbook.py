"""Tests for app.excel.workbook: atomic saves and the shared table layout."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.excel import workbook as wbmod
from app.excel.errors import ExportError
from app.excel.workbook import (
    Column,
    SheetSpec,
    atomic_save,
    suggested_filename,
    write_workbook,
)

# ---- atomic_save ------------------------------------------------------------------------------


def _write_bytes(data: bytes):
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write


def test_atomic_save_writes_via_hidden_temp_in_same_folder(tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    seen: list[Path] = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"new")

    atomic_save(target, write)

    assert target.read_bytes() == b"new"
    assert seen[0].parent == tmp_path
    assert seen[0].name.startswith(".~fangyi-")
    assert seen[0].suffix == ".xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["日报.xlsx"]


def test_atomic_save_failure_leaves_no_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        atomic_save(target, write)
    assert list(tmp_path.iterdir()) == []


def test_atomic_save_failure_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise KeyboardInterrupt  # even an interrupt must clean up

    with pytest.raises(KeyboardInterrupt):
        atomic_save(target, write)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_atomic_save_refuses_read_only_target(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o444)
    try:
        with pytest.raises(ExportError, match="只读"):
            atomic_save(target, _write_bytes(b"new"))
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    finally:
        os.chmod(target, 0o644)


def test_atomic_save_maps_permission_error_on_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What Windows does when the clerk still has the file open in Excel/WPS.
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(wbmod.os, "replace", locked)
    with pytest.raises(ExportError) as info:
        atomic_save(target, _write_bytes(b"new"))
    message = str(info.value)
    assert "台账.xlsx" in message
    assert "正在 Excel/WPS 中打开" in message
    assert "请关闭文件后重试" in message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_atomic_save_disk_full(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"

    def write(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="磁盘空间不足"):
        atomic_save(target, write)
    assert list(tmp_path.iterdir()) == []


def test_atomic_save_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "不存在" / "out.xlsx"
    with pytest.raises(ExportError, match="不存在"):
        atomic_save(target, _write_bytes(b"x"))
    assert not target.parent.exists()


def test_atomic_save_target_is_folder(tmp_path: Path) -> None:
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(ExportError, match="同名文件夹"):
        atomic_save(tmp_path / "out.xlsx", _write_bytes(b"x"))


# ---- write_workbook ---------------------------------------------------------------------------

COLUMNS = [
    Column("姓名"),
    Column("身份证号"),
    Column("联系电话"),
    Column("开始日期", "date"),
    Column("登记时间", "datetime"),
    Column("体温", "decimal1"),
    Column("人数", "int"),
    Column("测温时刻", "time"),
    Column("备注说明备注说明"),
    Column("code"),
]

ROWS: list[list[object]] = [
    [
        "张三",
        "11010519491231002X",
        "13800138000",
        date(2022, 2, 3),
        datetime(2022, 2, 3, 8, 30),
        36.5,
        3,
        time(8, 5),
        "=1+1",
        "abcdefgh",
    ],
    [
        "欧阳娜娜",
        440524188001010014,  # an int ID must still come out as text
        13800138000.0,  # a phone that went through a float
        datetime(2022, 2, 4, 23, 59),  # datetime in a date column → the date
        date(2022, 2, 4),  # date in a datetime column → midnight
        37.3,
        2.0,
        None,
        "#N/A",
        None,
    ],
]


def _spec(rows: object = None, **kwargs: object) -> SheetSpec:
    return SheetSpec(
        title=kwargs.pop("title", "人员名单"),  # type: ignore[arg-type]
        columns=kwargs.pop("columns", COLUMNS),  # type: ignore[arg-type]
        rows=ROWS if rows is None else rows,  # type: ignore[arg-type]
        heading=kwargs.pop("heading", "东村居家隔离人员名单"),  # type: ignore[arg-type]
        subheading_rows=[["填报单位：东村", "", "统计时间：2022年2月3日"]],
        footer_rows=[["填报人：张三", "联系电话：13800138000", "审核人：李四"]],
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("streaming", [False, True], ids=["normal", "streaming"])
def test_write_workbook_layout(tmp_path: Path, streaming: bool) -> None:
    target = tmp_path / "名单.xlsx"
    calls: list[tuple[int, int]] = []
    write_workbook(
        target, [_spec()], streaming=streaming, progress=lambda d, t: calls.append((d, t))
    )
    assert [p.name for p in tmp_path.iterdir()] == ["名单.xlsx"]

    wb = load_workbook(target)
    ws = wb["人员名单"]
    ncols = len(COLUMNS)

    # heading: merged across the table, bold 16pt, centred
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:J1" in merged
    assert ws["A1"].value == "东村居家隔离人员名单"
    assert ws["A1"].font.b and ws["A1"].font.sz == 16
    assert ws["A1"].alignment.horizontal == "center"
    # subheading spread over the width: left block, middle block, right block
    assert ws["A2"].value == "填报单位：东村"
    assert ws["H2"].value == "统计时间：2022年2月3日"
    assert {"A2:D2", "E2:G2", "H2:J2"} <= merged
    assert ws["H2"].alignment.horizontal == "right"

    # header row 3: labels, bold, grey, bordered; frozen below it and repeated on print
    assert [ws.cell(3, c).value for c in range(1, ncols + 1)] == [c.header for c in COLUMNS]
    header = ws["A3"]
    assert header.font.b
    assert header.fill.fgColor.rgb.endswith("D9D9D9")
    assert header.border.bottom.style == "thin"
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"

    # text columns keep IDs and phones as strings with "@"
    assert ws["B4"].value == "11010519491231002X"
    assert ws["C4"].value == "13800138000"
    assert ws["B5"].value == "440524188001010014"
    assert ws["C5"].value == "13800138000"
    for ref in ("A4", "B4", "C4", "B5", "C5", "J4"):
        assert ws[ref].data_type == "s"
        assert ws[ref].number_format == "@"
    # data never becomes a formula or an error value
    assert ws["I4"].value == "'=1+1" and ws["I4"].data_type == "s"
    assert ws["I5"].value == "#N/A" and ws["I5"].data_type == "s"

    # dates are real dates
    assert ws["D4"].value == datetime(2022, 2, 3)
    assert ws["D4"].number_format == "yyyy-mm-dd"
    assert ws["D5"].value == datetime(2022, 2, 4)
    assert ws["E4"].value == datetime(2022, 2, 3, 8, 30)
    assert ws["E4"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["E5"].value == datetime(2022, 2, 4)
    assert ws["F4"].value == 36.5 and ws["F4"].number_format == "0.0"
    assert ws["G4"].value == 3 and ws["G4"].number_format == "0"
    assert ws["G5"].value == 2 and isinstance(ws["G5"].value, int)
    assert ws["H4"].value == time(8, 5) and ws["H4"].number_format == "hh:mm"

    # empty data cells are still bordered (the printed table has no holes)
    assert ws["H5"].value is None
    assert ws["H5"].border.left.style == "thin"

    # footer right under the table
    assert ws["A6"].value == "填报人：张三"
    assert ws["H6"].value == "审核人：李四"
    assert ws.max_row == 6

    # widths: Chinese text wider than ASCII text of the same length; fixed bounds
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["I"] > widths["J"]  # 8 CJK header chars vs 8 ASCII chars
    assert widths["B"] >= 18 * 1.1  # the ID fits
    assert all(6 <= w <= 50 for w in widths.values())

    # print setup: A4, fit to one page wide, landscape for > 8 columns
    assert ws.page_setup.paperSize in ("9", 9)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage

    assert calls[-1] == (2, 2)


@pytest.mark.parametrize("streaming", [False, True], ids=["normal", "streaming"])
def test_modes_write_identical_values(tmp_path: Path, streaming: bool) -> None:
    reference = tmp_path / "ref.xlsx"
    write_workbook(reference, [_spec()], streaming=False)
    target = tmp_path / "out.xlsx"
    write_workbook(target, [_spec(rows=iter(ROWS))], streaming=streaming)

    def dump(path: Path) -> list[list[tuple[object, str]]]:
        ws = load_workbook(path).active
        return [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()]

    assert dump(target) == dump(reference)


def test_portrait_for_few_columns_and_no_heading(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    spec = SheetSpec(title="体温", columns=[Column("姓名"), Column("体温", "decimal1")], rows=[])
    write_workbook(target, [spec])
    ws = load_workbook(target).active
    assert ws.page_setup.orientation == "portrait"
    assert [c.value for c in ws[1]] == ["姓名", "体温"]
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"
    assert ws.max_row == 1


def test_explicit_landscape_and_width(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    spec = SheetSpec(title="x", columns=[Column("姓名", width=30)], rows=[["张三"]], landscape=True)
    write_workbook(target, [spec])
    ws = load_workbook(target).active
    assert ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions["A"].width == 30


def test_progress_every_500_rows_and_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    rows = [[f"人{i}", i] for i in range(1200)]
    spec = SheetSpec(title="x", columns=[Column("姓名"), Column("序号", "int")], rows=rows)
    write_workbook(tmp_path / "o.xlsx", [spec], progress=lambda d, t: calls.append((d, t)))
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)]


def test_progress_unknown_total_for_generator(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    spec = SheetSpec(title="x", columns=[Column("姓名")], rows=([f"人{i}"] for i in range(600)))
    write_workbook(tmp_path / "o.xlsx", [spec], progress=lambda d, t: calls.append((d, t)))
    assert calls == [(500, 0), (600, 600)]
    ws = load_workbook(tmp_path / "o.xlsx").active
    assert ws.max_row == 601 and ws["A601"].value == "人599"


def test_cancel_from_progress_leaves_no_file(tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        raise Cancelled

    rows = ([f"人{i}"] for i in range(2000))
    spec = SheetSpec(title="x", columns=[Column("姓名")], rows=rows)
    with pytest.raises(Cancelled):
        write_workbook(tmp_path / "o.xlsx", [spec], progress=progress, streaming=True)
    assert list(tmp_path.iterdir()) == []


def test_streaming_decision() -> None:
    cols = [Column("a")]
    assert not wbmod._expects_many_rows(SheetSpec("x", cols, [["1"]] * 10))
    assert wbmod._expects_many_rows(SheetSpec("x", cols, iter([])))
    assert not wbmod._expects_many_rows(SheetSpec("x", cols, iter([]), row_count_hint=100))
    assert wbmod._expects_many_rows(SheetSpec("x", cols, [], row_count_hint=5001))


def test_too_long_row_is_a_bug_and_leaves_no_file(tmp_path: Path) -> None:
    spec = SheetSpec(title="x", columns=[Column("a")], rows=[["1", "2"]])
    with pytest.raises(ValueError):
        write_workbook(tmp_path / "o.xlsx", [spec])
    assert list(tmp_path.iterdir()) == []


def test_short_rows_are_padded_and_control_chars_dropped(tmp_path: Path) -> None:
    spec = SheetSpec(title="x", columns=[Column("a"), Column("b")], rows=[["坏\x07字"]])
    write_workbook(tmp_path / "o.xlsx", [spec])
    ws = load_workbook(tmp_path / "o.xlsx").active
    assert ws["A2"].value == "坏字"
    assert ws["B2"].value is None


def test_sheet_titles_sanitised_and_unique(tmp_path: Path) -> None:
    cols = [Column("a")]
    specs = [
        SheetSpec("卡点/登记[2022]:*?", cols, []),
        SheetSpec("卡点登记2022", cols, []),
        SheetSpec("很长的工作表名称" * 5, cols, []),
        SheetSpec("", cols, []),
    ]
    write_workbook(tmp_path / "o.xlsx", specs)
    names = load_workbook(tmp_path / "o.xlsx").sheetnames
    assert names[0] == "卡点登记2022"
    assert names[1] == "卡点登记2022(2)"
    assert len(names[2]) == 31
    assert names[3] == "工作表"


def test_large_generator_streams(tmp_path: Path) -> None:
    # 6,000 rows from a generator go through write-only mode and still read back correctly.
    rows = ((f"人{i}", "11010519491231002X", date(2022, 2, 3)) for i in range(6000))
    spec = SheetSpec(
        title="大表",
        columns=[Column("姓名"), Column("身份证号"), Column("日期", "date")],
        rows=rows,
        heading="标题",
    )
    write_workbook(tmp_path / "o.xlsx", [spec])
    wb = load_workbook(tmp_path / "o.xlsx", read_only=True)
    try:
        last = next(wb.active.iter_rows(min_row=6002, max_row=6002, values_only=True))
    finally:
        wb.close()
    assert last == ("人5999", "11010519491231002X", datetime(2022, 2, 3))


def test_write_workbook_error_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "o.xlsx"
    target.write_bytes(b"old")

    def rows():
        yield ["1"]
        raise RuntimeError("db gone")

    with pytest.raises(RuntimeError):
        write_workbook(target, [SheetSpec("x", [Column("a")], rows())])
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["o.xlsx"]


def test_suggested_filename() -> None:
    assert (
        suggested_filename("东村", "日报告", date(2022, 2, 3)) == "东村日报告（2022年2月3日）.xlsx"
    )
    name = suggested_filename('东村/西村:"联防"', "卡点*登记?", date(2022, 12, 31))
    assert name == "东村西村联防卡点登记（2022年12月31日）.xlsx"
    assert not set('<>:"/\\|?*') & set(name)


def test_import_rejected_summary() -> None:
    from app.models.problems import ImportRejected, RowProblem

    problems = [RowProblem(i, "身份证号", "校验位不对") for i in range(3, 15)]
    error = ImportRejected(problems)
    text = str(error)
    assert text.startswith("发现 12 处问题，未导入任何数据")
    assert "第3行「身份证号」：校验位不对" in text
    assert "还有 2 处问题" in text
    assert error.headline.startswith("发现 12 处问题")
    assert "\n" not in error.headline


@pytest.mark.parametrize("streaming", [False, True])
def test_title_headers_signature_and_data_can_never_start_a_formula(
    tmp_path: Path, streaming: bool
) -> None:
    spec = SheetSpec(
        title="表",
        columns=[Column("@备注"), Column("姓名")],
        rows=[["＝1+1", "\r=1+1"], ["-", "张三"]],
        heading='=HYPERLINK("http://example.com","东村")日报表',
        subheading_rows=[["+填报单位", "＠统计"]],
        footer_rows=[["－审核人", "\t=1"]],
    )
    target = tmp_path / "t.xlsx"
    write_workbook(target, [spec], streaming=streaming)

    sheet = load_workbook(target).active
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert len(texts) == 11
    assert all(
        c.data_type == "s" and c.value.startswith("'")
        for c in texts
        if c.value not in ("张三", "姓名")
    )
    assert sheet["A1"].value == '\'=HYPERLINK("http://example.com","东村")日报表'
