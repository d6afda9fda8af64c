"""GUI tests for the roster import dialog: preview, problems, all-or-nothing import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db import Database
from app.models import Person
from app.ui.context import UiContext
from app.ui.roster_import import dialog as dialog_module
from app.ui.roster_import.dialog import (
    PREVIEW_COLUMNS,
    PROBLEM_COLUMN,
    PROBLEM_REASON,
    PROBLEM_ROW,
    RosterImportDialog,
)
from app.ui.widgets.roles import ObjectRole
from tests.conftest import FIXTURES
from tests.helpers.workbooks import write_county_roster, write_rows
from tests.ui.conftest import RecordedMessages
from tests.ui.file_dialog_helpers import FileDialogs, answer_file_dialogs

SAMPLE = FIXTURES / "鹿城区密接人员名单.xlsx"

pytestmark = pytest.mark.usefixtures("synchronous_worker")

# Preview columns, by what they show
NAME, CATEGORY, ENDED, ACTION = (
    PREVIEW_COLUMNS.index(key) for key in ("name", "category", "ended_on", "action")
)


@pytest.fixture(autouse=True)
def no_file_dialog(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    """A file dialog would block the test run; choosing is answered with "cancel"."""
    return answer_file_dialogs(monkeypatch)


def _persons(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(Person.id))) or 0


def _open(qtbot: QtBot, ctx: UiContext, path: Path | None = None) -> RosterImportDialog:
    dialog = RosterImportDialog(ctx, None, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cell(dialog_view: object, row: int, column: int) -> str:
    model = dialog_view.model()  # type: ignore[attr-defined]
    return model.index(row, column).data()


def test_bad_file_shows_problems_and_import_stays_disabled(
    qtbot: QtBot, ctx: UiContext, tmp_path: Path
) -> None:
    written = write_county_roster(tmp_path / "密接.xlsx", rows=20, layout="wenzhou", bad_row=4)

    dialog = _open(qtbot, ctx, written.path)

    assert not dialog.import_button.isEnabled()
    assert "共 20 行：19 行无误，1 行有问题。" in dialog.summary.text()
    assert dialog.tabs.currentWidget() is dialog.problem_view
    view = dialog.problem_view
    assert view.model().rowCount() == 1
    assert _cell(view, 0, PROBLEM_ROW) == str(written.excel_row(4)) == "7"
    assert _cell(view, 0, PROBLEM_COLUMN) == "身份证号"
    assert "校验位" in _cell(view, 0, PROBLEM_REASON)
    assert "发现 1 处问题" in dialog.status.text()
    assert dialog.tabs.tabText(1) == "问题（1）"
    dialog.start_import()  # even called directly, nothing is written
    assert _persons(ctx.db) == 0


def test_good_file_imports_and_reports_the_count(
    qtbot: QtBot, ctx: UiContext, messages: RecordedMessages
) -> None:
    dialog = _open(qtbot, ctx, SAMPLE)

    assert "共 30 行：将导入 30 人（新增 30 人，台账中已有 0 人），跳过 0 人" in (
        dialog.summary.text()
    )
    assert "4 人名单上已解除隔离" in dialog.notes.text()
    assert "未导入的列：是否监管" in dialog.notes.text()
    assert dialog.tabs.currentWidget() is dialog.preview_view
    preview = dialog.preview_view
    assert preview.model().rowCount() == 30
    assert _cell(preview, 0, NAME) == "周霞芳"
    assert _cell(preview, 0, CATEGORY) == "密切接触者"
    assert _cell(preview, 0, ENDED) == "2022-02-17"
    assert _cell(preview, 0, ACTION) == "新增"
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "导入 30 人(&I)"
    assert _persons(ctx.db) == 0  # the preview wrote nothing

    with qtbot.waitSignal(ctx.events.roster_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert _persons(ctx.db) == 30
    assert dialog.result() == RosterImportDialog.DialogCode.Accepted
    info = messages.of_kind("info")
    assert len(info) == 1
    assert info[0].startswith("已导入 30 人（新增 30 人，台账中已有 0 人），跳过 0 人。")


def test_enter_does_not_import(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = _open(qtbot, ctx, SAMPLE)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.import_button.isEnabled()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    dialog.import_button.setFocus()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.preview_view, Qt.Key.Key_Enter)

    assert _persons(ctx.db) == 0
    assert dialog.isVisible()


def test_reimport_shows_people_already_under_management(qtbot: QtBot, ctx: UiContext) -> None:
    first = _open(qtbot, ctx, SAMPLE)
    first.start_import()

    again = _open(qtbot, ctx, SAMPLE)

    assert "将导入 0 人" in again.summary.text()
    assert "名单中没有需要导入的人员" in again.status.text()
    assert not again.import_button.isEnabled()
    actions = {_cell(again.preview_view, r, ACTION) for r in range(30)}
    assert actions == {"已在管，跳过", "已导入过，跳过"}


def test_garbage_file_gets_a_clear_message(qtbot: QtBot, ctx: UiContext, tmp_path: Path) -> None:
    path = tmp_path / "名单.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)

    dialog = _open(qtbot, ctx, path)

    assert "另存为" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_view.model().rowCount() == 0


def test_fixing_the_file_and_reloading_enables_import(
    qtbot: QtBot, ctx: UiContext, tmp_path: Path
) -> None:
    path = tmp_path / "名单.xlsx"
    write_rows(path, ["姓名", "管控措施", "身份证号"], [["张三", "居家办公"]])
    dialog = _open(qtbot, ctx, path)
    assert "可用的管控措施" in _cell(dialog.problem_view, 0, PROBLEM_REASON)
    assert not dialog.import_button.isEnabled()

    write_rows(path, ["姓名", "管控措施", "身份证号"], [["张三", "居家隔离"]])
    dialog.windowHandle().requestActivate()  # shortcuts work in the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.preview_view, Qt.Key.Key_F5)

    assert dialog.problem_view.model().rowCount() == 0
    assert dialog.import_button.isEnabled()


def test_choose_file_remembers_the_folder(
    qtbot: QtBot, ctx: UiContext, no_file_dialog: FileDialogs
) -> None:
    no_file_dialog.answer = [SAMPLE]
    dialog = _open(qtbot, ctx)
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    dialog.choose_file()

    assert [shown.folder for shown in no_file_dialog.shown] == [Path.home(), SAMPLE.parent]
    assert dialog.file_edit.text() == str(SAMPLE)
    assert dialog.import_button.isEnabled()


def test_the_file_dialog_is_chinese_and_offers_every_list_format(
    qtbot: QtBot, ctx: UiContext, no_file_dialog: FileDialogs
) -> None:
    dialog = _open(qtbot, ctx)

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    (shown,) = no_file_dialog.shown
    assert shown.title == "选择人员名单"
    assert (shown.look_in, shown.file_type) == ("查找范围：", "文件类型：")
    assert shown.filters == ["名单文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt)", "所有文件 (*)"]
    assert dialog.file_edit.text() == ""  # cancelled: nothing chosen


def test_models_pass_the_model_tester(
    qtbot: QtBot, ctx: UiContext, qtmodeltester, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    written = write_county_roster(tmp_path / "a.xlsx", rows=12, layout="simple", bad_row=3)
    dialog = _open(qtbot, ctx, written.path)

    qtmodeltester.check(dialog.preview_model)
    qtmodeltester.check(dialog.problem_model)
    proxy = dialog.preview_proxy
    assert proxy.index(0, 0).data(ObjectRole) == written.first_data_row
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, NAME).data() for r in range(proxy.rowCount(QModelIndex()))]
    assert names == sorted(names, reverse=True)


def test_dialog_module_keeps_jobs_importable_for_the_worker() -> None:
    # The worker hands ``progress`` only to functions that accept it.
    import inspect

    for job in (dialog_module.read_and_check, dialog_module.apply):
        assert "progress" in inspect.signature(job).parameters


def test_the_preview_says_which_of_two_lists_is_read_and_reads_xls(
    qtbot: QtBot, ctx: UiContext, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "一月"
    book.active.append(["姓名", "身份证号"])
    book.active.append(["赵六", "11010519491231002X"])
    second = book.create_sheet("二月")
    second.append(["姓名", "身份证号"])
    second.append(["张三", "440524188001010014"])
    book.active = 1
    book.save(tmp_path / "名单.xlsx")

    dialog = _open(qtbot, ctx, tmp_path / "名单.xlsx")

    assert "读取的是「二月」" in dialog.notes.text()
    assert _cell(dialog.preview_view, 0, NAME) == "张三"
    assert dialog.sheet_box.isVisible()
    assert [dialog.sheet_box.itemText(i) for i in range(dialog.sheet_box.count())] == [
        "二月",
        "一月",
    ]
    dialog.sheet_box.setCurrentIndex(1)
    dialog.sheet_box.activated.emit(1)  # the clerk picks the other list
    qtbot.waitUntil(lambda: _cell(dialog.preview_view, 0, NAME) == "赵六")
    assert dialog.report is not None and dialog.report.sheet_name == "一月"
    assert "读取的是" not in dialog.notes.text()

    xls = _open(qtbot, ctx, FIXTURES / "legacy" / "东村名单.xls")
    assert xls.preview_view.model().rowCount() == 3
    assert not xls.sheet_box.isVisible()  # its other list is on a hidden sheet
    assert xls.import_button.isEnabled()
