"""报表导出 as a clerk uses it: today's numbers before exporting, the two-click 日报/零报告, the
ledgers, and the township merge."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.db import Database
from app.excel.daily_report import write_daily_report
from app.models.daily_report import DailyTable, DailyWorkbook, Signature, UnitLine, period_text
from app.services import demo, reference, reports, stats
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.ui.reports import files
from app.ui.reports.numbers_model import DailyNumbersModel, TotalLastProxy
from app.ui.widgets.file_dialogs import file_dialog
from app.ui.widgets.roles import ObjectRole
from tests.helpers.pinned_clock import suite_today
from tests.ui.conftest import RecordedMessages

TODAY = suite_today()
FIXED = [
    "累计排查", "当日新增排查", "在管人数", "当日解除", "累计解除", "当日转运送医",
    "当日发热人数", "当日漏测人次", "包保未落实", "检查车辆", "检查人数", "劝返车辆", "劝返人数",
]  # fmt: skip


class SaveDialog:
    """Stands in for the save dialog: records what it was offered, answers with ``answer``."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.offered: list[Path] = []
        self.titles: list[str] = []

    def __call__(self, _parent: object, title: str, suggested: Path) -> Path | None:
        self.offered.append(suggested)
        self.titles.append(title)
        return self.answer


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, main_window: MainWindow, synchronous_worker: None
) -> ReportsPage:
    demo.generate(db, persons=40, seed=2, today=TODAY)
    shown = main_window.navigate("reports")
    assert isinstance(shown, ReportsPage)
    return shown


def shown_numbers(page: ReportsPage) -> dict[str, str]:
    proxy = page.export_panel.proxy
    labels = [
        proxy.headerData(c, Qt.Orientation.Horizontal).replace("\n", "")  # two lines, as printed
        for c in range(proxy.columnCount())
    ]
    assert proxy.rowCount() == 1
    return {label: proxy.index(0, c).data() for c, label in enumerate(labels)}


def test_the_page_shows_todays_numbers_as_the_report_will(page: ReportsPage, db: Database) -> None:
    numbers = stats.day_numbers(db, TODAY)
    expected = reports.day_counts(numbers)
    shown = shown_numbers(page)

    assert list(shown) == reports.daily_table(db, TODAY).labels  # exactly the report's columns
    assert list(shown)[:5] == ["序号", "单位", "累计排查", "当日新增排查", "在管人数"]
    assert shown["单位"] == "演示村"
    assert {
        label: int(v) for label, v in shown.items() if label not in ("序号", "单位")
    } == expected
    panel = page.export_panel
    zero = numbers.is_zero_report
    kind = "零报告" if zero else "日报表"
    assert (
        panel.title.text() == f"演示村疫情防控{kind}（{TODAY.year}年{TODAY.month}月{TODAY.day}日）"
    )
    assert panel.export_button.text() == f"导出{kind}…"
    assert panel.period.text() == "统计时间：" + period_text(TODAY, numbers.cutoff)


def test_todays_report_in_two_clicks(
    qtbot: QtBot, page: ReportsPage, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "日报.xlsx"
    dialog = SaveDialog(target)
    monkeypatch.setattr(files, "ask_save_path", dialog)
    opened: list[Path] = []
    monkeypatch.setattr(files, "open_folder", opened.append)
    panel = page.export_panel

    qtbot.mouseClick(panel.today_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)

    form = reports.daily_form(db, TODAY)
    assert dialog.offered == [db.paths.exports / reports.suggested_name("演示村", form, TODAY)]
    sheet = openpyxl.load_workbook(target)["日报表"]
    assert sheet["A1"].value == page.export_panel.title.text()
    assert sheet["B4"].value == "演示村"
    assert str(target) in panel.status.text()
    qtbot.mouseClick(panel.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]

    # The next export is offered in the folder used last time.
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert dialog.offered[-1].parent == tmp_path


def test_the_preview_fits_a_1366_screen_without_sideways_scrolling(
    qtbot: QtBot, page: ReportsPage, main_window: MainWindow
) -> None:
    main_window.resize(1366, 768)
    table = page.export_panel.table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() > 0)
    header = page.export_panel.proxy.headerData
    assert header(2, Qt.Orientation.Horizontal) == "累计\n排查"  # broken between words
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())


def test_a_quiet_day_becomes_a_zero_report(
    qtbot: QtBot, page: ReportsPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.export_panel
    dialog = SaveDialog(None)
    monkeypatch.setattr(files, "ask_save_path", dialog)
    busy = TODAY - timedelta(days=3)
    assert not stats.day_numbers(db, busy).is_zero_report
    panel.day.setDate(busy)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    quiet = TODAY - timedelta(days=40)  # before the demo village's fortnight
    panel.day.setDate(quiet)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert dialog.titles == ["保存日报表", "保存零报告"]  # 零报告 only when it is one
    assert stats.day_numbers(db, quiet).is_zero_report
    assert panel.export_button.text() == "导出零报告…"
    assert "疫情防控零报告" in panel.title.text()
    assert set(shown_numbers(page).values()) == {"1", "演示村", "0"}  # zeros written, not blanks


def test_cancelled_save_dialog_writes_nothing(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "ask_save_path", SaveDialog(None))
    qtbot.mouseClick(page.export_panel.export_button, Qt.MouseButton.LeftButton)
    assert page.export_panel.status.text() == ""
    assert not any(page.export_panel.ctx.paths.exports.glob("*.xlsx"))


def test_a_ranged_ledger_from_the_page(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "体温.xlsx"
    monkeypatch.setattr(files, "ask_save_path", SaveDialog(target))
    panel = page.export_panel
    panel.select_kind("temperatures")
    assert panel.first.isVisible()
    assert panel.chosen_days() == (TODAY - timedelta(days=13), TODAY)

    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)

    assert openpyxl.load_workbook(target).sheetnames == ["体温台账", "14天体温表"]
    assert "已导出体温台账" in panel.status.text()
    panel.select_kind("roster")
    assert not panel.first.isVisible()


def test_every_form_on_the_page_exports(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = page.export_panel
    for i in range(panel.kind.count()):
        panel.kind.setCurrentIndex(i)
        target = tmp_path / f"{panel.current_kind().key}.xlsx"
        monkeypatch.setattr(files, "ask_save_path", SaveDialog(target))
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
        assert target.is_file(), panel.current_kind().key
        assert openpyxl.load_workbook(target).sheetnames


def test_a_refused_export_keeps_the_page_and_says_why(
    qtbot: QtBot,
    page: ReportsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    missing = tmp_path / "拔掉的U盘" / "日报.xlsx"
    monkeypatch.setattr(files, "ask_save_path", SaveDialog(missing))
    qtbot.mouseClick(page.export_panel.export_button, Qt.MouseButton.LeftButton)
    assert messages.of_kind("error")
    assert "不存在" in messages.of_kind("error")[-1]
    assert "不存在" in page.export_panel.status.text()


def test_the_preview_model_passes_the_model_tester(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    model = DailyNumbersModel()
    table = DailyTable(
        TODAY,
        "x",
        ("居家隔离医学观察",),
        [UnitLine("东村", {"累计排查": 3}), UnitLine("西村", {"累计排查": 5})],
    )
    model.set_table(
        table, with_total=True, sources={"东村": Path("a.xlsx")}, source_title="来源文件"
    )
    qtmodeltester.check(model, force_py=True)
    model.set_table(None)
    qtmodeltester.check(model, force_py=True)


def test_the_total_row_stays_last_whichever_way_it_is_sorted() -> None:
    model = DailyNumbersModel()
    lines = [UnitLine("东村", {"累计排查": 3}), UnitLine("西村", {"累计排查": 5})]
    model.set_table(DailyTable(TODAY, "x", (), lines), with_total=True)
    proxy = TotalLastProxy()
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(2, order)
        units = [proxy.index(r, 0, QModelIndex()).data(ObjectRole) for r in range(3)]
        assert units[-1] == "合计"
        expected = ["东村", "西村"] if order == Qt.SortOrder.AscendingOrder else ["西村", "东村"]
        assert units[:2] == expected


# --- township merge ------------------------------------------------------------------------------


def _village(folder: Path, unit: str, base: int, day: date = TODAY) -> Path:
    counts = {label: base + i for i, label in enumerate(FIXED)} | {"居家隔离医学观察": base}
    table = DailyTable(
        day, period_text(day, time(0, 0)), ("居家隔离医学观察",), [UnitLine(unit, counts)]
    )
    path = folder / f"{unit}.xlsx"
    write_daily_report(path, DailyWorkbook(table, Signature(unit)))
    return path


@pytest.fixture
def merge_page(
    qtbot: QtBot, db: Database, main_window: MainWindow, synchronous_worker: None
) -> ReportsPage:
    reference.save_unit_profile(db, reference.UnitInfo("红星镇"))
    shown = main_window.navigate("reports")
    assert isinstance(shown, ReportsPage)
    shown.tabs.setCurrentWidget(shown.merge_panel)
    return shown


def test_merge_three_villages_from_the_page(
    qtbot: QtBot, merge_page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [
        _village(tmp_path, name, base) for name, base in (("东村", 1), ("西村", 10), ("南村", 100))
    ]
    monkeypatch.setattr(files, "ask_open_paths", lambda *_args: paths)
    panel = merge_page.merge_panel

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    proxy = panel.proxy
    assert proxy.rowCount() == 4
    units = [proxy.index(r, 1).data() for r in range(4)]
    assert units == ["东村", "西村", "南村", "合计"]
    assert proxy.index(3, 2).data() == "111"  # 累计排查 1 + 10 + 100
    assert proxy.headerData(proxy.columnCount() - 1, Qt.Orientation.Horizontal) == "来源文件"
    assert proxy.index(1, proxy.columnCount() - 1).data() == "西村.xlsx"
    assert panel.write_button.isEnabled()
    assert panel.title.text().startswith("红星镇疫情防控日报表")

    target = tmp_path / "汇总.xlsx"
    dialog = SaveDialog(target)
    monkeypatch.setattr(files, "ask_save_path", dialog)
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    assert dialog.offered[0].name == reports.suggested_name("红星镇", "疫情防控日报表", TODAY)
    rows = list(
        openpyxl.load_workbook(target)["日报表"].iter_rows(min_row=4, max_row=7, values_only=True)
    )
    assert [r[1] for r in rows] == ["东村", "西村", "南村", "合计"]
    assert rows[3][2] == 111
    assert str(target) in panel.status.text()


def test_merge_refuses_a_file_of_another_day_naming_it(
    qtbot: QtBot, merge_page: ReportsPage, tmp_path: Path
) -> None:
    panel = merge_page.merge_panel
    panel.add_files(
        [_village(tmp_path, "东村", 1), _village(tmp_path, "迟村", 2, TODAY - timedelta(days=1))]
    )

    assert "迟村.xlsx" in panel.problem.text() and "日期不同" in panel.problem.text()
    assert not panel.write_button.isEnabled()
    assert panel.proxy.rowCount() == 0

    panel.file_list.item(1).setSelected(True)
    panel.remove_selected()
    assert panel.problem.text() == ""
    assert panel.write_button.isEnabled()
    assert panel.proxy.rowCount() == 2  # 东村 and 合计


def test_file_dialogs_are_chinese_where_qtbase_leaves_english(qtbot: QtBot) -> None:
    dialog = file_dialog(None, "保存日报表", Path.home(), "Excel 工作簿 (*.xlsx)")
    qtbot.addWidget(dialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围："
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型："


def test_the_page_offers_every_export_form_in_order() -> None:
    from app.services.export_forms import EXPORT_FORMS
    from app.ui.reports.kinds import KINDS

    assert [kind.key for kind in KINDS] == [form.key for form in EXPORT_FORMS]
    assert [kind.title for kind in KINDS] == [form.page_title for form in EXPORT_FORMS]
