"""体温登记 as a clerk uses it: a whole round typed with the keyboard, fevers, refusals, symptoms,
the anomaly panel, and the fill-in sheet from the page."""

from __future__ import annotations

import csv
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.db import Database
from app.models import Slot
from app.services import demo, reference, rounds
from app.services.roster import case_row
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.rounds import RoundsPage
from app.ui.rounds.anomaly_dialog import AnomalyActionDialog, CloseAnomalyDialog
from app.ui.rounds.anomaly_list import AnomalyTableModel
from app.ui.rounds.round_model import FEVER_BACKGROUND, Col, RoundTableModel
from app.ui.rounds.round_view import TemperatureEditor
from app.ui.widgets.roles import AbnormalRole, ObjectRole
from tests.helpers.pinned_clock import suite_today
from tests.ui.conftest import RecordedMessages
from tests.ui.file_dialog_helpers import answer_file_dialogs

TODAY = suite_today()


@pytest.fixture
def page(qtbot: QtBot, db: Database, ctx: UiContext) -> RoundsPage:
    # The demo village "at 07:00 this morning": everyone still owes today's readings.
    demo.generate(db, persons=40, today=TODAY, now=datetime.combine(TODAY, time(7, 0)))
    widget = RoundsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_round(TODAY, Slot.AM)
    widget.activateWindow()
    widget.view.setFocus()
    qtbot.waitUntil(lambda: widget.view.hasFocus())
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(qtbot: QtBot, text: str) -> None:
    """Each key goes where the keyboard focus is, as on a real keyboard (the first digit opens
    the editor, the rest land in it)."""
    for char in text:
        qtbot.keyClick(focused(), char)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)


def tick(qtbot: QtBot, box: QWidget) -> None:
    """Tick a checkbox the keyboard way: focus it, press Space."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def back_to_page(qtbot: QtBot, page: RoundsPage) -> None:
    """After a dialog closed, the window manager gives the main window its focus back; the
    offscreen platform has no window manager, so the test does it."""
    page.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: page.view.hasFocus())


def open_editor(page: RoundsPage) -> TemperatureEditor | None:
    editors = [e for e in page.view.findChildren(TemperatureEditor) if e.isVisible()]
    return editors[0] if editors else None


def current_case(page: RoundsPage) -> int:
    return page.view.currentIndex().data(ObjectRole)


def stored(db: Database, slot: Slot = Slot.AM) -> dict[int, float]:
    return {
        item.case_id: item.reading.celsius
        for item in rounds.due_list(db, TODAY, slot)
        if item.reading is not None
    }


def test_a_whole_round_is_typed_with_enter_only(
    qtbot: QtBot, page: RoundsPage, db: Database, messages: RecordedMessages
) -> None:
    due = rounds.due_list(db, TODAY, Slot.AM)
    assert page.model.rowCount() == len(due) > 10
    assert f"未测 {len(due)} 人" in page.counts.text()
    typed: dict[int, float] = {}
    for number in range(len(due)):
        value = f"36.{number % 10}"
        typed[current_case(page)] = float(value)
        type_keys(qtbot, value)
        press(qtbot, Qt.Key.Key_Return)
    assert stored(db) == typed
    assert set(typed) == {item.case_id for item in due}
    assert f"已测 {len(due)} 人，未测 0 人" in page.counts.text()
    assert "本轮已全部测完" in page.status.text()
    assert messages == [] and page.anomaly_dialog is None
    measured_by = {
        i.case_id: (i.reading.measured_by, i.medical_staff)
        for i in rounds.due_list(db, TODAY, Slot.AM)
    }  # type: ignore[union-attr]
    assert all(
        by == staff for by, staff in measured_by.values()
    )  # default: the 包保 medical worker


def test_a_fever_marks_the_row_and_f4_asks_for_the_action(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    type_keys(qtbot, "38.5")
    press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "365")  # typed heads-down right after the fever: lands on the next row
    press(qtbot, Qt.Key.Key_Return)

    row = page.model.row_of(first)
    assert row is not None
    assert page.model.index(row, Col.NAME).data(AbnormalRole) is True
    assert (
        page.model.index(row, Col.TEMPERATURE).data(Qt.ItemDataRole.BackgroundRole)
        == FEVER_BACKGROUND
    )
    assert page.model.index(row, Col.STATUS).data() == "发热"
    assert page.anomaly_dialog is None and QApplication.activeModalWidget() is None
    assert len(stored(db)) == 2 and 36.5 in stored(db).values()
    (opened,) = rounds.anomalies(db, day=TODAY, case_id=first)
    assert opened.action is None  # the anomaly is there at once, waiting for its 处置
    assert page.waiting.text() == "待处置异常 1 条（F4）"  # until it is handled

    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(row, Col.TEMPERATURE)))
    press(qtbot, Qt.Key.Key_F4)
    dialog = page.anomaly_dialog
    assert isinstance(dialog, AnomalyActionDialog)
    assert "38.5" in dialog.findChild(QWidget, "anomalyHeading").text()  # type: ignore[union-attr]
    assert dialog.handled_by.text() == "测试员"  # the operator by default

    tick(qtbot, dialog.choices["报告卫生院"])
    tick(qtbot, dialog.choices["复测"])
    dialog.detail.insert("复测 37.0 ℃")  # Chinese comes from the input method, not key codes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    (anomaly,) = rounds.anomalies(db, day=TODAY, case_id=first)
    assert anomaly.action == "报告卫生院、复测；复测 37.0 ℃"
    assert anomaly.handled_by == "测试员" and not anomaly.closed
    assert page.anomalies.model.rowCount() >= 1
    assert page.anomalies.selected_id() == anomaly.id
    assert "已记录" in page.status.text() and "F4" not in page.status.text()
    assert page.waiting.text() == ""


def test_f4_on_a_normal_row_goes_to_the_next_unhandled_anomaly(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    type_keys(qtbot, "365")
    press(qtbot, Qt.Key.Key_Return)
    feverish = current_case(page)
    type_keys(qtbot, "376")
    press(qtbot, Qt.Key.Key_Return)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtRow(0))
    press(qtbot, Qt.Key.Key_F4)
    assert current_case(page) == feverish
    qtbot.waitUntil(lambda: page.anomaly_dialog is not None)
    assert page.anomaly_dialog.info.case_id == feverish  # type: ignore[union-attr]


def test_shorthand_and_the_numeric_keypad(qtbot: QtBot, page: RoundsPage, db: Database) -> None:
    first = current_case(page)
    type_keys(qtbot, "365")
    press(qtbot, Qt.Key.Key_Return)
    second = current_case(page)
    type_keys(qtbot, "37")
    press(qtbot, Qt.Key.Key_Return)
    third = current_case(page)
    for key in (Qt.Key.Key_3, Qt.Key.Key_6, Qt.Key.Key_8):
        qtbot.keyClick(focused(), key, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert stored(db) == {first: 36.5, second: 37.0, third: 36.8}

    fourth = current_case(page)
    type_keys(qtbot, "445")  # 44.5 after the rule: still out of range, today's message
    press(qtbot, Qt.Key.Key_Return)
    assert "体温 44.5 ℃ 超出 34.0–43.0 ℃ 的范围" in page.status.text()
    assert current_case(page) == fourth and fourth not in stored(db)


def test_an_out_of_range_value_is_refused_with_the_text_kept(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    type_keys(qtbot, "44.0")
    press(qtbot, Qt.Key.Key_Return)

    editor = open_editor(page)
    assert editor is not None and editor.text() == "44.0"
    assert "超出 34.0–43.0 ℃ 的范围" in page.status.text()
    assert "a61b1b" in page.status.styleSheet()  # red
    assert current_case(page) == first and stored(db) == {}

    type_keys(qtbot, "36.6")  # the refused text is selected: typing replaces it
    press(qtbot, Qt.Key.Key_Return)
    assert stored(db) == {first: 36.6}
    assert open_editor(page) is None


def test_an_unusual_value_is_saved_on_a_second_enter_without_a_dialog(
    qtbot: QtBot, page: RoundsPage, db: Database, messages: RecordedMessages
) -> None:
    first = current_case(page)
    type_keys(qtbot, "354")
    press(qtbot, Qt.Key.Key_Return)
    assert "35.4 ℃ 偏低" in page.status.text() and "再按 Enter" in page.status.text()
    editor = open_editor(page)
    assert editor is not None and editor.text() == "354" and stored(db) == {}
    assert messages == []  # asked in the status line: the keys stay in the grid

    type_keys(qtbot, "364")  # the clerk misread: retyping replaces the selected value
    press(qtbot, Qt.Key.Key_Return)
    assert stored(db) == {first: 36.4}

    second = current_case(page)
    type_keys(qtbot, "354")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert stored(db)[second] == 35.4


def test_symptoms_are_ticked_with_space_and_digit_keys(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    press(qtbot, Qt.Key.Key_Space)
    popup = page.symptom_popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, "2")
    qtbot.keyClick(popup, "3")
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    row = page.model.row_of(first)
    assert row is not None
    assert page.model.index(row, Col.SYMPTOMS).data() == "干咳、乏力（待保存）"
    assert page.model.index(row, Col.NAME).data(AbnormalRole) is True  # red at once
    assert stored(db) == {}

    page.view.setFocus()
    type_keys(qtbot, "36.7")
    press(qtbot, Qt.Key.Key_Return)
    (item,) = [i for i in rounds.due_list(db, TODAY, Slot.AM) if i.case_id == first]
    assert item.reading is not None and item.reading.symptoms == ("干咳", "乏力")
    assert page.anomaly_dialog is None  # the round goes on; the anomaly waits in the list
    (anomaly,) = rounds.anomalies(db, day=TODAY, case_id=first)
    assert "干咳" in anomaly.observation

    # On a row already measured the ticks are saved at once.
    back_to_page(qtbot, page)
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(row, Col.TEMPERATURE)))
    press(qtbot, Qt.Key.Key_Space)
    popup = page.symptom_popup
    assert popup is not None
    qtbot.keyClick(popup, "2")  # untick 干咳
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    (item,) = [i for i in rounds.due_list(db, TODAY, Slot.AM) if i.case_id == first]
    assert item.reading is not None and item.reading.symptoms == ("乏力",)


def test_symptom_popup_from_the_editor_keeps_the_typed_temperature(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    type_keys(qtbot, "37.")
    press(qtbot, Qt.Key.Key_Space)
    popup = page.symptom_popup
    assert popup is not None
    qtbot.keyClick(popup, "6")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    editor = open_editor(page)
    assert editor is not None and editor.text() == "37."
    editor.setFocus()
    type_keys(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)
    (item,) = [i for i in rounds.due_list(db, TODAY, Slot.AM) if i.case_id == first]
    assert item.reading is not None
    assert (item.reading.celsius, item.reading.symptoms) == (37.1, ("腹泻",))


def test_only_missing_hides_measured_rows_and_enter_goes_to_the_next_missing(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    total = page.model.rowCount()
    type_keys(qtbot, "36.5")
    press(qtbot, Qt.Key.Key_Return)
    tick(qtbot, page.only_missing)
    assert page.proxy.rowCount() == total - 1
    assert page.view.hasFocus()  # back on the list, ready for the next digit
    at = current_case(page)
    after = page.proxy.index(page.view.currentIndex().row() + 1, Col.NAME).data(ObjectRole)
    type_keys(qtbot, "36.6")
    press(qtbot, Qt.Key.Key_Return)
    assert page.proxy.rowCount() == total - 2  # the row just measured left the list
    assert current_case(page) == after
    assert stored(db)[at] == 36.6
    assert f"已测 2 人，未测 {total - 2} 人" in page.counts.text()


def test_the_measured_by_field_applies_to_readings_typed(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    page.measured_by.setEditText("赵村医")
    first = current_case(page)
    type_keys(qtbot, "36.5")
    press(qtbot, Qt.Key.Key_Return)
    (item,) = [i for i in rounds.due_list(db, TODAY, Slot.AM) if i.case_id == first]
    assert item.reading is not None and item.reading.measured_by == "赵村医"


def test_f2_corrects_a_reading_in_place(qtbot: QtBot, page: RoundsPage, db: Database) -> None:
    first = current_case(page)
    type_keys(qtbot, "36.5")
    press(qtbot, Qt.Key.Key_Return)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtRow(0))
    press(qtbot, Qt.Key.Key_F2)
    editor = open_editor(page)
    assert editor is not None and editor.text() == "36.5"
    type_keys(qtbot, "36.9")
    press(qtbot, Qt.Key.Key_Return)
    assert stored(db)[first] == 36.9
    assert "已更正" in page.status.text() and "36.5 → 36.9" in page.status.text()


def test_changing_the_slot_shows_that_round(qtbot: QtBot, page: RoundsPage, db: Database) -> None:
    type_keys(qtbot, "36.5")
    press(qtbot, Qt.Key.Key_Return)
    page.slot_combo.setCurrentIndex(1)
    assert page.slot is Slot.PM
    assert all(page.model.row(n).reading is None for n in range(page.model.rowCount()))
    assert "下午应测" in page.counts.text()
    type_keys(qtbot, "36.8")
    press(qtbot, Qt.Key.Key_Return)
    assert len(stored(db, Slot.PM)) == 1 and len(stored(db, Slot.AM)) == 1


def test_closing_an_anomaly_with_transfer_ends_the_case(
    qtbot: QtBot, page: RoundsPage, db: Database, ctx: UiContext
) -> None:
    first = current_case(page)
    type_keys(qtbot, "38.9")
    press(qtbot, Qt.Key.Key_Return)
    (anomaly,) = rounds.anomalies(db, day=TODAY, case_id=first)
    assert page.anomalies.select(anomaly.id)
    qtbot.mouseClick(page.anomalies.close_button, Qt.MouseButton.LeftButton)
    dialog = page.anomalies.dialog
    assert isinstance(dialog, CloseAnomalyDialog)

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # no outcome yet
    assert dialog.isVisible() and "处置结果" in dialog.error.text()

    tick(qtbot, dialog.end_case)
    medical = next(r for r in reference.end_reasons(db) if r.name == "送医/转诊")
    dialog.end_reason.setCurrentIndex(dialog.end_reason.findData(medical.id))
    assert dialog.outcome.currentText() == "已送医"  # offered for the first reason, 送医…
    dialog.outcome.setEditText("已送县医院发热门诊")
    with qtbot.waitSignal(ctx.events.roster_changed):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    assert rounds.anomalies(db, open_only=True, case_id=first) == []
    assert case_row(db, first).end_reason == "送医/转诊"
    assert page.model.row_of(first) is None  # no longer due: gone from the round
    assert anomaly.id not in [a.id for a in page.anomalies.model.items()]


def test_open_item_from_today_opens_the_anomaly(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    saved = rounds.record_reading(db, first, TODAY, Slot.AM, 37.8)
    page.refresh()
    page.open_item(("anomaly", saved.anomaly_id))
    dialog = page.anomalies.dialog
    assert isinstance(dialog, AnomalyActionDialog) and dialog.info.id == saved.anomaly_id
    dialog.reject()
    page.open_item(("case", first))
    assert current_case(page) == first


def test_the_fill_in_sheet_round_trip_from_the_page(
    qtbot: QtBot,
    page: RoundsPage,
    db: Database,
    tmp_path: Path,
    messages: RecordedMessages,
    synchronous_worker: None,
) -> None:
    first = current_case(page)
    type_keys(qtbot, "36.4")
    press(qtbot, Qt.Key.Key_Return)
    path = tmp_path / "填报表.xlsx"
    page.export_sheet(path)
    assert path.exists() and str(path) in messages.of_kind("info")[-1]

    book = openpyxl.load_workbook(path)
    sheet = book.active
    rows = range(5, sheet.max_row + 1)
    for row in rows:
        if sheet.cell(row, 5).value is None:
            sheet.cell(row, 5).value = 36.6
    sheet.cell(5, 5).value = 36.9  # the first person was typed as 36.4: a conflict
    book.save(path)

    page.import_sheet(path)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    conflicts = dialog.findChild(QWidget, "conflictList")
    assert conflicts is not None and conflicts.count() == 1  # type: ignore[attr-defined]
    assert "已登记 36.4 ℃，表中为 36.9 ℃" in conflicts.item(0).text()  # type: ignore[attr-defined]
    assert not dialog.import_button.isEnabled()  # not without 覆盖
    tick(qtbot, dialog.overwrite)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    values = stored(db)
    assert values[first] == 36.9
    assert len(values) == page.model.rowCount()
    assert "覆盖 1 条" in messages.of_kind("info")[-1]
    assert "未测 0 人" in page.counts.text()


def test_the_import_button_offers_every_format_a_filled_sheet_comes_back_in(
    qtbot: QtBot,
    page: RoundsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    synchronous_worker: None,
) -> None:
    exported = tmp_path / "填报表.xlsx"
    page.export_sheet(exported)
    sheet = openpyxl.load_workbook(exported).active
    sheet.cell(5, 5).value = 36.6
    filled = tmp_path / "填报表.csv"  # the doctor's WPS saved it as CSV
    with filled.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(sheet.iter_rows(values_only=True))
    dialogs = answer_file_dialogs(monkeypatch, filled)

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)

    (shown,) = dialogs.shown
    assert shown.title == "导入体温填报表"
    assert shown.filters == ["体温填报表 (*.xlsx *.xlsm *.xls *.et *.csv *.txt)", "所有文件 (*)"]
    assert (shown.look_in, shown.file_type) == ("查找范围：", "文件类型：")
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.import_button.isEnabled()


def test_a_bad_sheet_is_refused_from_the_page_naming_row_and_column(
    page: RoundsPage, db: Database, tmp_path: Path, messages: RecordedMessages,
    synchronous_worker: None,
) -> None:  # fmt: skip
    path = tmp_path / "填报表.xlsx"
    page.export_sheet(path)
    book = openpyxl.load_workbook(path)
    book.active.cell(6, 5).value = "39..2"
    book.active.cell(7, 5).value = 36.5
    book.save(path)
    page.import_sheet(path)
    assert page.import_dialog is None
    error = messages.of_kind("error")[-1]
    assert "第6行「上午体温」" in error and "不是数字" in error
    assert "未导入任何数据" in page.status.text()
    assert stored(db) == {}


def test_round_models_pass_the_model_tester(qtmodeltester, page: RoundsPage, db: Database) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    first = page.model.row(0).case_id
    rounds.record_reading(db, first, TODAY, Slot.AM, 38.0, symptoms="干咳")
    page.refresh()
    qtmodeltester.check(page.anomalies.model)
    fresh = RoundTableModel()
    qtmodeltester.check(fresh)
    qtmodeltester.check(AnomalyTableModel())


def test_a_refresh_while_typing_keeps_the_digits_typed(
    qtbot: QtBot, page: RoundsPage, db: Database
) -> None:
    first = current_case(page)
    type_keys(qtbot, "3")
    page.refresh()  # what the main window does when any page reports a change
    editor = open_editor(page)
    assert editor is not None and editor.text() == "3"
    type_keys(qtbot, "6.5")
    press(qtbot, Qt.Key.Key_Return)
    assert stored(db) == {first: 36.5}


def test_in_the_main_window_saving_refreshes_without_losing_the_place(
    qtbot: QtBot, db: Database, main_window: MainWindow
) -> None:
    demo.generate(db, persons=40, today=TODAY, now=datetime.combine(TODAY, time(7, 0)))
    page = main_window.navigate("rounds")
    assert isinstance(page, RoundsPage)
    page.set_round(TODAY, Slot.AM)
    main_window.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: page.view.hasFocus())
    order = [page.proxy.index(n, Col.NAME).data(ObjectRole) for n in range(3)]
    for value in ("36.1", "36.2", "36.3"):
        type_keys(qtbot, value)
        press(qtbot, Qt.Key.Key_Return)
        QApplication.processEvents()  # the shell's refresh after readings_changed runs here
    assert stored(db) == dict(zip(order, (36.1, 36.2, 36.3), strict=True))
    assert current_case(page) == page.proxy.index(3, Col.NAME).data(ObjectRole)


def test_the_symptom_popup_stays_on_screen_for_a_row_near_the_bottom(
    qtbot: QtBot, page: RoundsPage
) -> None:
    area = page.screen().availableGeometry()
    low_row = QRect(area.left() + 300, area.bottom() - 30, 120, 28)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtRow(0))
    press(qtbot, Qt.Key.Key_Space)
    popup = page.symptom_popup
    assert popup is not None
    popup.show_near(low_row)
    shown = popup.frameGeometry()
    assert area.contains(shown)  # every box visible, so every number can be ticked
    assert shown.bottom() < low_row.top()  # above the row, not over it
    popup.close()


def test_a_reading_another_clerk_saved_meanwhile_is_shown_and_enter_again_keeps_yours(
    qtbot: QtBot, page: RoundsPage, db: Database, paths: AppPaths
) -> None:
    """The slot was empty on this clerk's screen; 李文书, on another connection, saved 36.5 for
    the same person. Typing 38.0 is refused naming both values, the typed text stays in the
    editor, and Enter again saves it over 李文书's, knowingly."""
    first = current_case(page)
    other_clerk = Database.open(paths, operator="李文书", lock=False)
    try:
        rounds.record_reading(other_clerk, first, TODAY, Slot.AM, 36.5, today=TODAY)
    finally:
        other_clerk.close()

    type_keys(qtbot, "38.0")
    press(qtbot, Qt.Key.Key_Return)

    assert "已被他人修改（李文书）" in page.status.text()
    assert "体温：他人保存的是「36.5」，您填写的是「38.0」" in page.status.text()
    editor = open_editor(page)
    assert editor is not None and editor.text() == "38.0"
    assert stored(db) == {first: 36.5}

    press(qtbot, Qt.Key.Key_Return)
    assert stored(db) == {first: 38.0}
