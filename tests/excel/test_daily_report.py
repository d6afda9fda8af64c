"""日报表 / 零报告 workbooks, reopened and read cell by cell as the township would."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.config import AppPaths, Settings
from app.db import Database
from app.excel import workbook as workbook_module
from app.excel.errors import ExportError
from app.excel.sheet_reader import normalize_header
from app.services import reference, reports
from app.services.errors import ServiceError
from tests.services import report_scenario as sc
from tests.services.report_scenario import D

FILED = date(2022, 2, 4)
HEADER = [
    "序号", "单位", "累计排查", "当日新增排查", "在管人数",
    "居家隔离医学观察", "居家健康监测", "集中隔离医学观察", "仅登记",
    "当日解除", "累计解除", "当日转运送医", "当日发热人数", "当日漏测人次", "包保未落实",
    "检查车辆", "检查人数", "劝返车辆", "劝返人数",
]  # fmt: skip
# The scenario's day D, column by column after 序号 and 单位 (see report_scenario.EXPECTED).
D_VALUES = [10, 1, 5, 3, 1, 1, 0, 1, 2, 2, 2, 3, 2, 3, 6, 1, 3]


@pytest.fixture
def scenario(db: Database) -> sc.Scenario:
    return sc.build(db)


def _row(ws, row: int) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[row]]


def _texts(ws, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[row] if c.value is not None]


def test_daily_report_layout_cell_by_cell(scenario: sc.Scenario, tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    result = reports.export_daily(scenario.db, D, target, filed_on=FILED)

    assert result.path == target
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["日报表", "当日新增", "当日解除", "异常情况"]
    ws = wb["日报表"]
    assert ws["A1"].value == "东风村疫情防控日报表（2022年2月3日）"
    assert "A1:S1" in {str(r) for r in ws.merged_cells.ranges}
    assert _texts(ws, 2) == [
        "填报单位：东风村　　上级乡镇：红星镇",  # the township beside the unit
        "统计时间：2022年2月2日24:00至2月3日24:00",
    ]
    assert [normalize_header(v) for v in _row(ws, 3)] == HEADER
    data = _row(ws, 4)
    assert data == [1, "东风村", *D_VALUES]
    assert all(type(v) is int for v in data[2:])  # real numbers the township can sum
    assert ws.cell(5, 1).value is not None  # signature lines right under the only data row
    assert _texts(ws, 5) == ["填报人：李文书", "联系电话：13857700001", "审核人：王书记"]
    sent, seal = _texts(ws, 6)
    assert re.fullmatch(r"报送时间：2022年2月4日 \d\d:\d\d", sent)
    assert seal == "填报单位（盖章）："
    assert ws.max_row == 8  # two blank rows under 盖章 for the seal
    assert all(_texts(ws, r) == [] for r in (7, 8))
    # Header frozen and repeated on every printed page; A4 landscape fitted to the width.
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["C3"].border.left.style == "thin" and ws["S4"].border.right.style == "thin"


def test_header_cells_break_between_words_and_fit_their_column(
    scenario: sc.Scenario, tmp_path: Path
) -> None:
    target = tmp_path / "日报.xlsx"
    reports.export_daily(scenario.db, D, target, filed_on=FILED)
    ws = openpyxl.load_workbook(target)["日报表"]
    headers = {normalize_header(c.value): c for c in ws[3]}
    assert headers["包保未落实"].value == "包保\n未落实"  # never "包保未落/实"
    assert headers["当日新增排查"].value == "当日新增\n排查"
    assert headers["居家隔离医学观察"].value == "居家隔离\n医学观察"
    for cell in ws[3][2:]:
        width = ws.column_dimensions[cell.column_letter].width
        # Every line fits on one line of its column (a CJK character is two units wide).
        assert all(2 * len(line) + 1 <= width for line in str(cell.value).split("\n"))


def test_the_people_behind_the_numbers(scenario: sc.Scenario, tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    reports.export_daily(scenario.db, D, target, filed_on=FILED)
    wb = openpyxl.load_workbook(target)

    new = wb["当日新增"]
    assert new["A1"].value == "东风村当日新增排查人员名单（2022年2月3日）"
    assert _row(new, 3)[:5] == ["序号", "姓名", "性别", "身份证号", "联系电话"]
    assert _row(new, 4)[:4] == [1, "乙", "男", sc.IDS["乙"]]
    id_cell, phone_cell = new["D4"], new["E4"]
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert phone_cell.value == "13800138000" and phone_cell.number_format == "@"
    start = new.cell(4, _row(new, 3).index("开始日期") + 1)
    assert start.value == datetime(2022, 2, 3) and start.number_format == "yyyy-mm-dd"
    assert new.max_row == 4

    ended = wb["当日解除"]
    people = {r[1]: r[-1] for r in ended.iter_rows(min_row=4, values_only=True)}
    assert people == {"丙": "期满解除", "丁": "确诊", "辛": "送医/转诊", "壬": "转集中隔离"}

    anomalies = wb["异常情况"]
    seen = {(r[1], r[3]) for r in anomalies.iter_rows(min_row=4, values_only=True)}
    assert seen == {("乙", "发热"), ("己", "症状")}
    assert _texts(anomalies, 2)[-1] == "共 2 条"


def test_zero_report_title_and_zeros_written_out(scenario: sc.Scenario, tmp_path: Path) -> None:
    quiet = D + timedelta(days=2)
    assert reports.daily_form(scenario.db, quiet) == "疫情防控零报告"
    target = tmp_path / "零报告.xlsx"
    reports.export_daily(scenario.db, quiet, target, filed_on=quiet)

    ws = openpyxl.load_workbook(target)["日报表"]
    assert ws["A1"].value == "东风村疫情防控零报告（2022年2月5日）"
    values = _row(ws, 4)[2:]
    assert None not in values  # every number written, as 0 where there is nothing
    counts = dict(zip(HEADER[2:], values, strict=True))
    for label in ("当日新增排查", "当日发热人数", "当日转运送医", "劝返车辆", "劝返人数"):
        assert counts[label] == 0
    assert counts["在管人数"] == 6  # standing numbers still reported


def test_statistical_window_follows_the_cutoff(scenario: sc.Scenario, tmp_path: Path) -> None:
    reference.write_setting(scenario.db, Settings.STAT_CUTOFF, time(15, 0))
    target = tmp_path / "日报.xlsx"
    reports.export_daily(scenario.db, D, target)
    ws = openpyxl.load_workbook(target)["日报表"]
    assert _texts(ws, 2)[-1] == "统计时间：2022年2月2日15:00至2月3日15:00"


def test_new_year_window_names_both_years(db: Database, tmp_path: Path) -> None:
    reference.save_unit_profile(db, sc.UNIT)
    target = tmp_path / "日报.xlsx"
    reports.export_daily(db, date(2022, 1, 1), target)
    ws = openpyxl.load_workbook(target)["日报表"]
    assert _texts(ws, 2)[-1] == "统计时间：2021年12月31日24:00至2022年1月1日24:00"
    assert ws["A1"].value == "东风村疫情防控零报告（2022年1月1日）"


def test_measures_follow_the_active_list(scenario: sc.Scenario, tmp_path: Path) -> None:
    with scenario.db.session() as session:
        from app.models import Measure

        session.get(Measure, sc.M_REGISTER_ONLY).active = False
    target = tmp_path / "日报.xlsx"
    reports.export_daily(scenario.db, D, target)
    header = [normalize_header(v) for v in _row(openpyxl.load_workbook(target)["日报表"], 3)]
    assert header == [label for label in HEADER if label != "仅登记"]


def test_suggested_file_names(scenario: sc.Scenario) -> None:
    unit = sc.UNIT.unit_name
    assert (
        reports.suggested_name(unit, reports.daily_form(scenario.db, D), D)
        == "东风村疫情防控日报表（2022年2月3日）.xlsx"
    )
    quiet = D + timedelta(days=2)
    assert (
        reports.suggested_name(unit, reports.daily_form(scenario.db, quiet), quiet)
        == "东风村疫情防控零报告（2022年2月5日）.xlsx"
    )


def test_a_locked_target_leaves_nothing_and_says_why(
    scenario: sc.Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "日报.xlsx"
    target.write_bytes(b"yesterday's report")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook_module.os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        reports.export_daily(scenario.db, D, target)
    monkeypatch.setattr(workbook_module.os, "replace", os.replace)

    assert "日报.xlsx" in str(caught.value)
    assert "Excel/WPS 中打开" in str(caught.value)
    assert target.read_bytes() == b"yesterday's report"  # the old file untouched
    assert [p.name for p in folder.iterdir()] == ["日报.xlsx"]  # no temp file left


def test_a_new_locked_target_leaves_no_file(
    scenario: sc.Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(workbook_module.os, "replace", locked)
    with pytest.raises(ExportError):
        reports.export_daily(scenario.db, D, folder / "日报.xlsx")
    assert list(folder.iterdir()) == []


def test_without_a_unit_name_nothing_is_exported(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="填报单位"):
        reports.export_daily(db, D, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_command_line_export_daily(paths: AppPaths, tmp_path: Path, capsys) -> None:
    with Database.open(paths, operator="测试员") as db:
        sc.build(db)
    target = tmp_path / "out.xlsx"

    code = main(["--data-dir", str(paths.data_dir), "export", "daily", "--date", "2022-02-03",
                 "--out", str(target)])  # fmt: skip

    assert code == 0
    assert "东风村疫情防控日报表（2022年2月3日）" in capsys.readouterr().out
    ws = openpyxl.load_workbook(target)["日报表"]
    assert _row(ws, 4) == [1, "东风村", *D_VALUES]


def test_command_line_default_name_goes_to_exports(paths: AppPaths, capsys) -> None:
    with Database.open(paths, operator="测试员") as db:
        sc.build(db)
    code = main(["--data-dir", str(paths.data_dir), "export", "daily", "--date", "2022-02-05"])
    assert code == 0
    assert (paths.exports / "东风村疫情防控零报告（2022年2月5日）.xlsx").is_file()


def test_command_line_counts_the_day_once(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The file name (日报表 or 零报告) and the workbook come from one count of the day: at county
    scale a count is most of a second, and two could disagree about a reading saved between."""
    with Database.open(paths, operator="测试员") as db:
        sc.build(db)
    counted: list[date] = []
    real = reports.count_day

    def counting(session, day, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(day)
        return real(session, day, **kwargs)

    monkeypatch.setattr(reports, "count_day", counting)
    code = main(["--data-dir", str(paths.data_dir), "export", "daily", "--date", "2022-02-03",
                 "--out", str(tmp_path / "out.xlsx")])  # fmt: skip
    assert code == 0
    assert counted == [D]
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["日报表"]
    assert _row(ws, 4) == [1, "东风村", *D_VALUES]
