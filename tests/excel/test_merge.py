"""乡镇汇总: villages' daily reports read back, summed, and refused by name when they don't fit."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.config import AppPaths
from app.db import Database
from app.excel.daily_report import write_daily_report
from app.excel.errors import ImportFileError
from app.excel.merge import merge_files, read_daily_report
from app.excel.sheet_reader import normalize_header
from app.models.daily_report import DailyTable, DailyWorkbook, Signature, UnitLine, period_text
from app.services import reference, reports
from app.services.reference import UnitInfo
from tests.services import report_scenario as sc
from tests.services.report_scenario import D

MEASURES = ("居家隔离医学观察", "居家健康监测", "集中隔离医学观察", "仅登记")
FIXED = [
    "累计排查", "当日新增排查", "在管人数", "当日解除", "累计解除", "当日转运送医",
    "当日发热人数", "当日漏测人次", "包保未落实", "检查车辆", "检查人数", "劝返车辆", "劝返人数",
]  # fmt: skip


def _village(
    folder: Path,
    unit: str,
    counts: dict[str, int],
    *,
    day: date = D,
    measures: tuple[str, ...] = MEASURES,
    period: str | None = None,
) -> Path:
    """A village's report written by the same writer the export uses."""
    table = DailyTable(
        day, period or period_text(day, time(0, 0)), measures, [UnitLine(unit, counts)]
    )
    path = folder / f"{unit}.xlsx"
    write_daily_report(
        path, DailyWorkbook(table, Signature(unit, "文书", "13800000000", "书记", day))
    )
    return path


def _counts(base: int, **measures: int) -> dict[str, int]:
    counts = {label: base + i for i, label in enumerate(FIXED)}
    counts.update(measures)
    return counts


@pytest.fixture
def three(db: Database, tmp_path: Path) -> list[Path]:
    """东风村 from the hand-built ledger, 西山村 and 南河村 written directly."""
    sc.build(db)
    folder = tmp_path / "reports"
    folder.mkdir()
    east = folder / "东风村.xlsx"
    reports.export_daily(db, D, east)
    west = _village(
        folder,
        "西山村",
        _counts(100, 居家隔离医学观察=7, 居家健康监测=2, 集中隔离医学观察=1, 仅登记=0),
    )
    south = _village(
        folder,
        "南河村",
        _counts(1000, 居家隔离医学观察=4, 居家观察外省=9, 居家健康监测=1),
        measures=("居家隔离医学观察", "居家观察外省", "居家健康监测"),
    )
    return [east, west, south]


def _table(path: Path) -> tuple[list[object], list[list[object]]]:
    ws = openpyxl.load_workbook(path)["日报表"]
    header = [normalize_header(c.value) for c in ws[3]]  # headers wrap between words
    body = [list(r) for r in ws.iter_rows(min_row=4, values_only=True) if r[1]]
    return header, body


def test_three_villages_sum_into_one_report(
    three: list[Path], tmp_path: Path, db: Database
) -> None:
    reference.save_unit_profile(db, UnitInfo("红星镇", "", "张镇文书", "057700000000", "镇长"))
    target = tmp_path / "汇总.xlsx"
    result = reports.export_merged(db, three, target, filed_on=date(2022, 2, 4))
    assert result.rows == 3

    ws = openpyxl.load_workbook(target)["日报表"]
    assert ws["A1"].value == "红星镇疫情防控日报表（2022年2月3日）"
    assert [c.value for c in ws[2] if c.value] == [
        "填报单位：红星镇", "统计时间：2022年2月2日24:00至2月3日24:00"
    ]  # fmt: skip
    header, body = _table(target)
    # Measures: the union, each file's order kept (南河村's own measure after 居家隔离医学观察).
    assert header[:10] == [
        "序号", "单位", "累计排查", "当日新增排查", "在管人数",
        "居家隔离医学观察", "居家观察外省", "居家健康监测", "集中隔离医学观察", "仅登记",
    ]  # fmt: skip
    assert header[10:] == FIXED[3:]
    assert [row[1] for row in body] == ["东风村", "西山村", "南河村", "合计"]
    rows = {row[1]: row for row in body}
    assert [rows[u][0] for u in ("东风村", "西山村", "南河村")] == [1, 2, 3]
    assert rows["合计"][0] is None
    east = rows["东风村"]
    assert east[2:10] == [10, 1, 5, 3, 0, 1, 1, 0]  # 居家观察外省 is 0 where a village has none
    assert rows["南河村"][5:10] == [4, 9, 1, 0, 0]
    for col in range(2, len(header)):
        column = [rows[u][col] for u in ("东风村", "西山村", "南河村")]
        assert all(type(v) is int for v in column)
        assert rows["合计"][col] == sum(column), header[col]
    footer = [c.value for c in ws[8] if c.value]
    assert footer == ["填报人：张镇文书", "联系电话：057700000000", "审核人：镇长"]
    assert openpyxl.load_workbook(target).sheetnames == ["日报表"]  # no people in a township sum
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"


def test_a_merged_file_merges_again_for_the_county(
    three: list[Path], tmp_path: Path, db: Database
) -> None:
    reference.save_unit_profile(db, UnitInfo("红星镇"))
    township = tmp_path / "红星镇.xlsx"
    reports.export_merged(db, three[:2], township)
    other = _village(tmp_path, "北岭乡", _counts(5))

    preview = reports.preview_merge([township, other])

    assert [line.unit for line in preview.table.lines] == ["东风村", "西山村", "北岭乡"]
    totals = dict(zip(preview.table.number_labels, preview.table.total(), strict=True))
    assert totals["累计排查"] == 10 + 100 + 5
    assert preview.source_of["西山村"] == township


def test_reading_skips_the_total_row(three: list[Path], tmp_path: Path, db: Database) -> None:
    reference.save_unit_profile(db, UnitInfo("红星镇"))
    township = tmp_path / "红星镇.xlsx"
    reports.export_merged(db, three, township)
    report = read_daily_report(township)
    assert [line.unit for line in report.table.lines] == ["东风村", "西山村", "南河村"]
    assert report.table.day == D


def test_different_dates_are_refused_naming_the_file(three: list[Path], tmp_path: Path) -> None:
    late = _village(tmp_path, "北岭村", _counts(1), day=date(2022, 2, 4))
    with pytest.raises(ImportFileError) as caught:
        merge_files([*three, late])
    message = str(caught.value)
    assert "北岭村.xlsx" in message and "2022年2月4日" in message and "日期不同" in message


def test_a_different_cutoff_is_refused(three: list[Path], tmp_path: Path) -> None:
    other = _village(tmp_path, "北岭村", _counts(1), period="2022年2月2日15:00至2月3日15:00")
    with pytest.raises(ImportFileError, match=re.escape("北岭村.xlsx 的统计时间")):
        merge_files([three[0], other])


def test_a_changed_header_is_refused_naming_the_file(three: list[Path], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(three[1])
    wb["日报表"]["L3"] = "当日转运"  # was 当日转运送医
    edited = tmp_path / "改过表头.xlsx"
    wb.save(edited)
    with pytest.raises(ImportFileError) as caught:
        merge_files([three[0], edited])
    assert "改过表头.xlsx 的表头与日报表格式不一致" in str(caught.value)
    assert "当日转运、" in str(caught.value)


def test_the_same_unit_twice_is_refused(three: list[Path], tmp_path: Path) -> None:
    again = _village(tmp_path, "西山村", _counts(7))
    with pytest.raises(ImportFileError) as caught:
        merge_files([*three, again])
    assert "「西山村」在 西山村.xlsx 和 西山村.xlsx 中都出现了" in str(caught.value)
    with pytest.raises(ImportFileError, match=re.escape("东风村.xlsx 被选择了两次")):
        merge_files([three[0], three[0]])


def test_a_number_that_is_not_a_whole_number_is_refused(three: list[Path], tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(three[1])
    wb["日报表"]["D4"] = "两人"
    wb["日报表"]["E4"] = None
    edited = tmp_path / "西山村改.xlsx"
    wb.save(edited)
    wanted = "西山村改.xlsx 第 4 行「当日新增排查」应为整数，实为“两人”"
    with pytest.raises(ImportFileError, match=re.escape(wanted)):
        merge_files([edited])
    wb["日报表"]["D4"] = "3"  # digits typed as text are fine
    wb.save(edited)
    with pytest.raises(ImportFileError, match="第 4 行「在管人数」是空的"):
        merge_files([edited])


def test_a_file_that_is_not_a_daily_report(db: Database, tmp_path: Path) -> None:
    sc.build(db)
    roster = tmp_path / "台账.xlsx"
    reports.export_roster(db, D, roster)
    with pytest.raises(ImportFileError, match=re.escape("台账.xlsx 中没有找到日报表的表头")):
        merge_files([roster])
    text = tmp_path / "说明.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ImportFileError, match=re.escape("说明.xlsx")):
        merge_files([text])


def test_zero_reports_merge_into_a_zero_report(tmp_path: Path, db: Database) -> None:
    zero = {label: 0 for label in FIXED} | {"累计排查": 3, "在管人数": 2, "居家隔离医学观察": 2}
    files = [_village(tmp_path, name, dict(zero)) for name in ("甲村", "乙村")]
    reference.save_unit_profile(db, UnitInfo("红星镇"))
    target = tmp_path / "汇总.xlsx"
    reports.export_merged(db, files, target)
    ws = openpyxl.load_workbook(target)["日报表"]
    assert ws["A1"].value == "红星镇疫情防控零报告（2022年2月3日）"


def test_command_line_merge(three: list[Path], paths: AppPaths, tmp_path: Path, capsys) -> None:
    township = tmp_path / "township"
    target = tmp_path / "汇总.xlsx"
    args = ["--data-dir", str(township), "merge", *map(str, three), "--out", str(target)]

    assert main([*args, "--unit", "红星镇"]) == 0
    printed = capsys.readouterr().out
    assert "已汇总 3 个单位的日报表：红星镇疫情防控日报表（2022年2月3日）" in printed
    assert "合计：累计排查 1110" in printed  # 10 + 100 + 1000
    assert _table(target)[1][3][1] == "合计"

    late = _village(tmp_path, "北岭村", _counts(1), day=date(2022, 2, 4))
    assert main([*args[:-2], str(late), "--out", str(tmp_path / "x.xlsx"), "--unit", "红星镇"]) == 1
    err = capsys.readouterr().err
    assert "北岭村.xlsx" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()
