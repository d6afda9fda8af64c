"""在管人员台账, 体温台账 and 包保责任表, reopened with openpyxl and read cell by cell."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.config import AppPaths, Settings
from app.db import Database
from app.excel import workbook as workbook_module
from app.services import reference, reports
from app.services.errors import ServiceError
from tests.services import report_scenario as sc
from tests.services.report_scenario import D

TEAM = ["医护人员", "医护人员电话", "村干部", "村干部电话", "乡镇干部", "乡镇干部电话"]
FULL_TEAM = ["张村医", "13900000001", "刘主任", "13900000002", "陈科长", "13900000003"]


@pytest.fixture
def scenario(db: Database) -> sc.Scenario:
    return sc.build(db)


@pytest.fixture(params=[False, True], ids=["in-memory", "streamed"])
def streamed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Every ledger is checked both ways: a county-sized one is written in write-only mode."""
    if request.param:
        monkeypatch.setattr(workbook_module, "STREAMING_THRESHOLD", 1)
    return bool(request.param)


def _rows(ws, first: int, last: int | None = None) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [list(r) for r in ws.iter_rows(min_row=first, max_row=last, values_only=True)]


def _data(ws) -> list[list[object]]:  # type: ignore[no-untyped-def]
    """The table body: rows whose 序号 is a number."""
    return [r for r in _rows(ws, 4) if isinstance(r[0], int)]


def _day(d: date) -> datetime:
    return datetime.combine(d, datetime.min.time())


# --- 在管人员台账 ------------------------------------------------------


def test_roster_ledger(scenario: sc.Scenario, tmp_path: Path, streamed: bool) -> None:
    target = tmp_path / "台账.xlsx"
    result = reports.export_roster(scenario.db, D, target)
    assert result.rows == 5

    ws = openpyxl.load_workbook(target)["在管人员台账"]
    assert ws["A1"].value == "东风村在管人员台账（2022年2月3日）"
    header = _rows(ws, 3, 3)[0]
    assert header == [
        "序号", "姓名", "性别", "年龄", "身份证号", "联系电话", "村民小组", "现住址", "人员类别",
        "管控措施", "来源地", "抵达日期", "开始日期", "计划解除日期", *TEAM, "核酸检测",
    ]  # fmt: skip
    rows = [r[:-1] for r in _data(ws)]  # the 核酸检测 column: tests/services/test_nucleic_reports
    # Ordered by 村民小组 as a clerk counts them, then by name.
    assert [(r[1], r[6]) for r in rows] == [
        ("乙", "一组"), ("己", "三组"), ("戊", "三组"), ("庚", "四组"), ("丑", "六组")
    ]  # fmt: skip
    by_name = {r[1]: r for r in rows}
    assert by_name["乙"][-6:] == FULL_TEAM
    assert by_name["戊"][-6:] == [*FULL_TEAM[:4], "未落实", None]
    assert by_name["丑"][-6:] == ["未落实", None, "未落实", None, "未落实", None]
    assert by_name["庚"][-6:] == [None] * 6  # 集中隔离 needs no 包保 team
    assert by_name["乙"][:5] == [1, "乙", "男", 142, sc.IDS["乙"]]  # born 1880: the ID says so
    assert by_name["乙"][12] == _day(D)
    row = 4 + [r[1] for r in rows].index("乙")
    assert ws.cell(row, 5).number_format == "@" and ws.cell(row, 5).data_type == "s"
    assert ws.cell(row, 6).number_format == "@"
    assert ws.cell(row, 13).number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert _rows(ws, 4 + len(rows))[0][0] == "填报人：李文书"


# --- 包保责任表 -------------------------------------------------------


def test_assignment_ledger(scenario: sc.Scenario, tmp_path: Path, streamed: bool) -> None:
    target = tmp_path / "包保.xlsx"
    result = reports.export_assignments(scenario.db, D, target)
    assert result.rows == 4

    ws = openpyxl.load_workbook(target)["包保责任表"]
    assert ws["A1"].value == "东风村包保责任表（2022年2月3日）"
    assert _rows(ws, 3, 3)[0] == [
        "序号", "姓名", "身份证号", "联系电话", "村民小组", "现住址", "管控措施", "开始日期",
        "计划解除日期", *TEAM, "包保落实情况",
    ]  # fmt: skip
    rows = {r[1]: r for r in _data(ws)}
    assert list(rows) == ["乙", "己", "戊", "丑"]  # 庚 (集中隔离) needs no team
    assert rows["乙"][9:] == [*FULL_TEAM, "已落实"]
    assert rows["戊"][9:] == [*FULL_TEAM[:4], "未落实", None, "缺乡镇干部"]
    assert rows["丑"][-1] == "缺医护人员、村干部、乡镇干部"
    assert ws.cell(4, 3).number_format == "@"  # 身份证号 as text
    assert ws.cell(4, 11).number_format == "@"  # phones as text


# --- 体温台账 --------------------------------------------------------


def test_temperature_long_form(scenario: sc.Scenario, tmp_path: Path, streamed: bool) -> None:
    target = tmp_path / "体温.xlsx"
    result = reports.export_temperatures(scenario.db, D - timedelta(days=1), D, target)
    assert result.rows == 10
    assert reports.temperature_row_count(scenario.db, D - timedelta(days=1), D) == 10

    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["体温台账", "14天体温表"]
    ws = wb["体温台账"]
    assert ws["A1"].value == "东风村体温台账（2022年2月2日至2022年2月3日）"
    assert _rows(ws, 3, 3)[0] == [
        "序号", "姓名", "身份证号", "村民小组", "日期", "上午体温", "上午症状", "下午体温",
        "下午症状", "测量人", "核酸结果",
    ]  # fmt: skip
    rows = [r[:-1] for r in _data(ws)]  # 核酸结果: tests/services/test_nucleic_reports
    d0, d1 = _day(D - timedelta(days=1)), _day(D)
    assert [(r[1], r[4]) for r in rows] == [
        ("乙", d1), ("丙", d0), ("丁", d0), ("己", d0), ("己", d1), ("戊", d0), ("戊", d1),
        ("辛", d0), ("壬", d0), ("丑", d1),
    ]  # fmt: skip
    assert [r[0] for r in rows] == list(range(1, 11))
    cells = {(r[1], r[4]): r[5:] for r in rows}
    assert cells[("乙", d1)] == [37.3, "无", None, None, "张村医"]  # PM missed: blank
    assert cells[("戊", d0)] == [38, "无", None, None, None]
    assert cells[("戊", d1)] == [37.2, "无", 36.6, "无", "张村医"]
    assert cells[("己", d1)] == [36.8, "干咳", 36.5, "无", "张村医"]
    assert cells[("丑", d1)] == [None] * 5
    first = 4
    assert ws.cell(first, 3).number_format == "@" and ws.cell(first, 3).value == sc.IDS["乙"]
    assert ws.cell(first, 5).number_format == "yyyy-mm-dd"
    assert ws.cell(first, 6).number_format == "0.0"
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"


def test_temperature_grid(scenario: sc.Scenario, tmp_path: Path, streamed: bool) -> None:
    target = tmp_path / "体温.xlsx"
    reports.export_temperatures(scenario.db, D - timedelta(days=1), D, target)
    ws = openpyxl.load_workbook(target)["14天体温表"]
    header = _rows(ws, 3, 3)[0]
    assert header[:6] == ["序号", "姓名", "村民小组", "开始日期", "第1天\n上午", "第1天\n下午"]
    assert header[-1] == "第14天\n下午" and len(header) == 4 + 28
    rows = {r[1]: r for r in _data(ws)}
    assert list(rows) == ["乙", "己", "戊", "丑"]  # still under observation on the last day

    def day(name: str, k: int) -> list[object]:
        return rows[name][4 + 2 * (k - 1) : 6 + 2 * (k - 1)]

    assert day("乙", 1) == [37.3, None]  # started on D: day 1 is D
    assert day("乙", 2) == [None, None]  # after the range: left blank to fill in by hand
    assert day("戊", 1) == [None, None]  # 01-31, before the range
    assert day("戊", 3) == [38, None]  # 02-02
    assert day("戊", 4) == [37.2, 36.6]  # 02-03
    assert day("己", 3) == ["36.8*", 36.5]  # * marks a symptom
    assert ws.page_setup.orientation == "landscape"


def test_grid_marks_days_after_the_end(scenario: sc.Scenario, tmp_path: Path) -> None:
    target = tmp_path / "体温.xlsx"
    day_before = D - timedelta(days=1)
    reports.export_temperatures(scenario.db, day_before, day_before, target)
    rows = {r[1]: r for r in _data(openpyxl.load_workbook(target)["14天体温表"])}
    # 丙 started 01-28 and was released on D (day 7): from day 7 on the cells read "—".
    assert rows["丙"][4 + 2 * 5 : 4 + 2 * 6] == [None, None]  # day 6 = 02-02, no reading
    assert rows["丙"][4 + 2 * 6 :] == ["—"] * 16


def test_grid_day_one_can_be_the_day_after_the_start(scenario: sc.Scenario, tmp_path: Path) -> None:
    reference.write_setting(scenario.db, Settings.DAY_ONE_IS_START, False)
    target = tmp_path / "体温.xlsx"
    reports.export_temperatures(scenario.db, D - timedelta(days=1), D, target)
    rows = {r[1]: r for r in _data(openpyxl.load_workbook(target)["14天体温表"])}
    assert rows["戊"][4 + 2 * 1 : 4 + 2 * 3] == [38, None, 37.2, 36.6]  # days 2 and 3


def test_temperature_export_reports_progress(scenario: sc.Scenario, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    reports.export_temperatures(
        scenario.db,
        D - timedelta(days=1),
        D,
        tmp_path / "t.xlsx",
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls[-1] == (14, 14)  # 10 long-form rows + 4 grid rows


def test_temperature_range_is_checked(scenario: sc.Scenario, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="早于开始日期"):
        reports.export_temperatures(scenario.db, D, D - timedelta(days=1), tmp_path / "t.xlsx")
    with pytest.raises(ServiceError, match="日期范围太长"):
        reports.export_temperatures(scenario.db, date(2002, 2, 3), D, tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


def test_deleted_cases_are_left_out(scenario: sc.Scenario, tmp_path: Path) -> None:
    target = tmp_path / "体温.xlsx"
    reports.export_temperatures(scenario.db, D, D, target)
    names = [r[1] for r in _data(openpyxl.load_workbook(target)["体温台账"])]
    assert "癸" not in names and names == ["乙", "己", "戊", "丑"]


def test_command_line_ledgers(paths: AppPaths, tmp_path: Path, capsys) -> None:
    with Database.open(paths, operator="测试员") as db:
        sc.build(db)
    data = str(paths.data_dir)
    for kind, extra, sheet in (
        ("roster", ["--date", "2022-02-03"], "在管人员台账"),
        ("assignments", ["--date", "2022-02-03"], "包保责任表"),
        ("temperatures", ["--from", "2022-02-02", "--to", "2022-02-03"], "体温台账"),
    ):
        target = tmp_path / f"{kind}.xlsx"
        assert main(["--data-dir", data, "export", kind, *extra, "--out", str(target)]) == 0
        assert sheet in openpyxl.load_workbook(target).sheetnames
    printed = capsys.readouterr().out
    assert "已导出在管人员台账（5 人）" in printed
    assert "已导出体温台账（4 人，10 行）" in printed
