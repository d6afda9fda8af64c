"""卡点登记 page, driven from the keyboard the way a clerk at the gate works it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import assignments, reference, roster, rounds
from app.services import checkpoints as cp
from app.services.assignments import StaffInput
from app.services.roster import RosterFilter
from app.ui.checkpoints.admit_dialog import AdmitDialog
from app.ui.checkpoints.export_dialog import ExportRangeDialog
from app.ui.checkpoints.log_model import PassLogModel
from app.ui.checkpoints.plate_input import NO_PROVINCE
from app.ui.context import UiContext
from app.ui.pages.checkpoints import CheckpointsPage
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()


# --- typing like a clerk -------------------------------------------------------------------------


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Letters and digits as key presses; Chinese as the input method commits it."""
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            run += char
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_here(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the focus, key by key (an editor may open on the first key)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
        else:
            type_text(qtbot, focused(), char)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 20) -> None:
    """Press Tab until ``target`` has the focus — the field must be reachable by keyboard."""
    for _ in range(limit):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"{target.objectName()} is not reachable with Tab")


def press_enter(qtbot: QtBot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def checkpoint(db: Database) -> cp.CheckpointInfo:
    reference.save_unit_profile(db, reference.UnitInfo("东村", "城关镇", "王会计", "13800138000"))
    return cp.save_checkpoint(db, "东村村口", location="村口")


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, checkpoint: cp.CheckpointInfo) -> CheckpointsPage:
    widget = CheckpointsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1210, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.refresh()
    widget.shift.duty.setText("张三、李四")
    widget.shift.duty.editingFinished.emit()
    widget.form.plate.edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.form.plate.edit)
    return widget


def stored(db: Database) -> list[cp.PassInfo]:
    return sorted(cp.passes_of_day(db, TODAY), key=lambda p: p.id)


# --- entering vehicles ---------------------------------------------------------------------------


def test_ten_vehicles_typed_from_the_keyboard(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    for number in range(10):
        assert focused() is form.plate.edit  # after each save the cursor is back on the plate
        type_text(qtbot, form.plate.edit, f"A1000{number}")
        tab_to(qtbot, form.direction)  # it stays as the last car's: traffic comes in waves
        qtbot.keyClick(form.direction, Qt.Key.Key_Down if number % 2 else Qt.Key.Key_Up)
        tab_to(qtbot, form.driver_name)
        type_text(qtbot, form.driver_name, f"司机{number}")
        tab_to(qtbot, form.driver_phone)
        type_text(qtbot, form.driver_phone, f"1380013800{number}")
        tab_to(qtbot, form.people)
        type_text(qtbot, form.people, str(number % 3 + 1))
        tab_to(qtbot, form.origin)
        type_text(qtbot, form.origin, "温州鹿城")
        tab_to(qtbot, form.destination)
        type_text(qtbot, form.destination, f"东村{number}组")
        tab_to(qtbot, form.purpose)
        type_text(qtbot, form.purpose, "探亲")
        tab_to(qtbot, form.temperature)
        type_text(qtbot, form.temperature, "36.5")
        if number % 4 == 3:
            tab_to(qtbot, form.disposition)
            qtbot.keyClick(form.disposition, Qt.Key.Key_Down)
            qtbot.keyClick(form.disposition, Qt.Key.Key_Down)  # 劝返
        press_enter(qtbot)
        assert form.error.text() == ""

    passes = stored(db)
    assert len(passes) == 10
    for number, info in enumerate(passes):
        assert (info.plate, info.plate_kind) == (f"浙A1000{number}", "普通号牌")
        assert info.direction == ("出" if number % 2 else "进")
        assert (info.driver_name, info.driver_phone) == (f"司机{number}", f"1380013800{number}")
        assert info.people_aboard == number % 3 + 1
        assert (info.origin, info.destination, info.purpose) == (
            "温州鹿城",
            f"东村{number}组",
            "探亲",
        )
        assert info.max_temperature == 36.5 and info.disinfected
        assert info.disposition == ("劝返" if number % 4 == 3 else "放行")
        assert info.duty_staff == "张三、李四"
    assert page.model.rowCount() == 10
    top = page.proxy.index(0, PassLogModel.PLATE).data()
    assert top == "浙A10009"  # newest first


def test_an_invalid_plate_is_refused_with_the_reason_and_kept(
    qtbot: QtBot, page: CheckpointsPage, db
) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A1234")
    tab_to(qtbot, form.driver_name)
    type_text(qtbot, form.driver_name, "王五")

    press_enter(qtbot)

    assert stored(db) == []
    assert "位数不对" in form.error.text()
    assert "位数不对" in form.plate.status.text()  # shown under the plate as soon as it was left
    assert focused() is form.plate.edit
    assert form.plate.edit.text() == "A1234" and form.driver_name.text() == "王五"


def test_hong_kong_and_new_energy_plates_are_accepted(
    qtbot: QtBot, page: CheckpointsPage, db
) -> None:
    form = page.form
    type_text(
        qtbot, form.plate.edit, "粤Z1234港"
    )  # typed in full: the province moves to the picker
    assert form.plate.current_province() == "粤" and form.plate.edit.text() == "Z1234港"
    press_enter(qtbot)
    form.plate.set_province("浙")
    type_text(qtbot, form.plate.edit, "ａｄ１２３４５")  # full-width from the input method
    assert form.plate.edit.text() == "AD12345"
    press_enter(qtbot)

    assert [(p.plate, p.plate_kind) for p in stored(db)] == [
        ("粤Z1234港", "粤Z港澳"),
        ("浙AD12345", "新能源小型车"),
    ]


def test_other_plate_needs_the_explicit_choice(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    form.plate.province.setCurrentText(NO_PROVINCE)
    type_text(qtbot, form.plate.edit, "WJ12345")
    press_enter(qtbot)
    assert stored(db) == []
    assert "不是省份简称" in form.error.text()

    qtbot.keyClick(form.plate.edit, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # 其他号牌
    qtbot.waitUntil(form.plate.other.isChecked)  # a mnemonic "animates" the click
    press_enter(qtbot)

    assert [(p.plate, p.plate_kind) for p in stored(db)] == [("WJ12345", "其他号牌")]


def test_a_fever_asks_what_was_done(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "B12345")
    tab_to(qtbot, form.temperature)
    type_text(qtbot, form.temperature, "37.8")
    assert "37.8" in form.fever_label.text()

    press_enter(qtbot)
    assert stored(db) == []
    assert focused() is form.action and "请填写采取的处置措施" in form.error.text()

    type_text(qtbot, form.action, "复测仍高，送发热门诊")
    press_enter(qtbot)

    [info] = stored(db)
    assert info.abnormal and info.action_taken == "复测仍高，送发热门诊"
    assert page.day_totals.abnormal == 1


def test_out_of_range_temperature_is_refused(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "B12345")
    tab_to(qtbot, form.temperature)
    type_text(qtbot, form.temperature, "365")
    press_enter(qtbot)
    assert stored(db) == []
    assert "超出" in form.error.text() and form.temperature.text() == "365"


def test_a_plate_seen_before_brings_its_last_details(
    qtbot: QtBot, page: CheckpointsPage, db, checkpoint
) -> None:
    cp.record_pass(db, cp.PassInput(
        checkpoint_id=checkpoint.id, plate="浙C67890", driver_name="老李",
        driver_phone="13912345678", origin="杭州", destination="东村3组", purpose="送货",
        passed_at=datetime(2022, 2, 3, 9, 30),
    ))  # fmt: skip
    form = page.form
    type_text(qtbot, form.plate.edit, "C67890")
    tab_to(qtbot, form.vehicle_type)  # leaving the plate looks it up

    assert form.driver_name.text() == "老李" and form.driver_phone.text() == "13912345678"
    assert (form.origin.text(), form.destination.text()) == ("杭州", "东村3组")
    assert "已带出上次登记信息" in form.note.text()


def test_last_origin_is_one_key_away(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A11111")
    tab_to(qtbot, form.origin)
    type_text(qtbot, form.origin, "温州鹿城")
    type_text(qtbot, form.destination, "东村王家")
    press_enter(qtbot)

    type_text(qtbot, form.plate.edit, "A22222")
    tab_to(qtbot, form.origin)
    qtbot.keyClick(form.origin, Qt.Key.Key_Up)
    assert form.origin.text() == "温州鹿城"
    qtbot.keyClick(form.origin, Qt.Key.Key_F3)
    assert form.destination.text() == "东村王家"


def test_occupants_rows_are_saved_and_raise_the_count(
    qtbot: QtBot, page: CheckpointsPage, db
) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A33333")
    form.occupants_toggle.click()
    model = form.occupants.model
    model.setData(model.index(0, model.NAME), "李四")
    model.setData(model.index(0, model.ID_NUMBER), "440524188001010014")
    model.setData(model.index(0, model.TEMPERATURE), "36.7")
    form.occupants.add_row()
    model.setData(model.index(1, model.NAME), "小明")
    assert form.people.value() == 3  # two passengers and the driver
    form.plate.edit.setFocus()
    press_enter(qtbot)

    [info] = stored(db)
    assert [o.name for o in info.occupants] == ["李四", "小明"]
    assert info.people_aboard == 3 and info.max_temperature == 36.7
    assert form.occupants.model.rowCount() == 0


def test_a_bad_occupant_id_points_at_the_cell(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A33333")
    form.occupants_toggle.click()
    model = form.occupants.model
    model.setData(model.index(0, model.NAME), "李四")
    model.setData(model.index(0, model.ID_NUMBER), "440524188001010015")
    form.plate.edit.setFocus()
    press_enter(qtbot)

    assert stored(db) == []
    assert form.error.text().startswith("第 1 位乘车人：身份证号")
    current = form.occupants.view.currentIndex()
    assert (current.row(), current.column()) == (0, model.ID_NUMBER)


def test_duty_staff_is_required_once(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    page.shift.duty.clear()
    type_text(qtbot, page.form.plate.edit, "A44444")
    press_enter(qtbot)
    assert stored(db) == [] and "值守人员" in page.form.error.text()
    assert page.form.plate.edit.text() == "A44444"


# --- the log: change, delete, undo ---------------------------------------------------------------


def _select_plate(page: CheckpointsPage, plate: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, PassLogModel.PLATE).data() == plate:
            page.table.selectRow(row)
            return
    raise AssertionError(plate)


def test_double_click_opens_the_pass_for_changing(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A55555")
    tab_to(qtbot, form.driver_name)
    type_text(qtbot, form.driver_name, "王五")
    press_enter(qtbot)
    [saved] = stored(db)

    _select_plate(page, "浙A55555")
    centre = page.table.visualRect(page.table.currentIndex()).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert form.editing is not None and form.driver_name.text() == "王五"
    form.driver_name.clear()
    type_text(qtbot, form.driver_name, "王五六")
    press_enter(qtbot)

    [changed] = stored(db)
    assert changed.id == saved.id and changed.driver_name == "王五六"
    assert changed.passed_at == saved.passed_at
    assert page.proxy.index(0, PassLogModel.DRIVER).data() == "王五六"
    assert form.editing is None


def test_delete_with_undo(qtbot: QtBot, page: CheckpointsPage, db) -> None:
    for plate in ("A66666", "A77777"):
        type_text(qtbot, page.form.plate.edit, plate)
        press_enter(qtbot)
    _select_plate(page, "浙A66666")
    page.table.setFocus()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert [p.plate for p in stored(db)] == ["浙A77777"]
    assert page.model.rowCount() == 1 and page.day_totals.vehicles == 1
    assert "浙A66666" in page.undo_label.text()

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert sorted(p.plate for p in stored(db)) == ["浙A66666", "浙A77777"]
    assert page.model.rowCount() == 2 and page.day_totals.vehicles == 2
    assert page.undo_button.isHidden()


# --- totals and export ---------------------------------------------------------------------------


def test_totals_match_the_day_and_the_export(
    qtbot: QtBot,
    page: CheckpointsPage,
    db,
    checkpoint,
    tmp_path: Path,
    synchronous_worker,
    messages,
) -> None:
    form = page.form
    for plate, people, turn_back in (("A10001", 3, False), ("A10002", 2, True), ("A10003", 4, True),
                                     ("A10004", 1, False)):  # fmt: skip
        type_text(qtbot, form.plate.edit, plate)
        form.people.setValue(people)
        if turn_back:
            form.disposition.setCurrentIndex(form.disposition.findData("劝返"))
        press_enter(qtbot)

    day = cp.totals_of_day(db, TODAY, checkpoint_id=checkpoint.id)
    assert day == cp.CheckpointTotals(4, 10, 2, 6, 0)
    assert page.day_totals == day and page.shift_totals == day
    assert page.day_label.text() == "今日：" + page.totals_text(day)
    assert (
        "检查车辆 4 辆 · 检查人数 10 人次 · 劝返车辆 2 辆 · 劝返人数 6 人次"
        in page.day_label.text()
    )

    target = tmp_path / "导出.xlsx"
    suggested: list[Path] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportRangeDialog)
        dialog.accept()
        return dialog.result()

    page.run_dialog = answer  # type: ignore[method-assign]
    page.ask_save_path = lambda path: suggested.append(path) or target  # type: ignore[method-assign]
    page.export_button.click()

    assert suggested[0].name.startswith("东村东村村口卡点车辆登记表")
    sheet = openpyxl.load_workbook(target)["卡点车辆登记表"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "序号")
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    people, disposition = header.index("车上人数"), header.index("处置")
    assert len(rows) == day.vehicles
    assert sum(r[people] for r in rows) == day.people
    assert sum(1 for r in rows if r[disposition] == "劝返") == day.turned_back_vehicles
    assert sum(r[people] for r in rows if r[disposition] == "劝返") == day.turned_back_people
    assert messages.of_kind("info") and "已导出 4 辆车" in messages.of_kind("info")[0]


# --- from the gate to the roster -----------------------------------------------------------------


def test_an_occupant_moves_to_the_roster_in_one_step(
    qtbot: QtBot, page: CheckpointsPage, db, checkpoint, messages
) -> None:
    measure = reference.measures(db)[0]
    staff = {
        role: assignments.add_staff(db, StaffInput(f"包保员{role}", role, "13900000000")).id
        for role in measure.required_role_ids
    }
    cp.record_pass(db, cp.PassInput(
        checkpoint_id=checkpoint.id, plate="浙A88888", driver_name="王五", people_aboard=2,
        origin="上海浦东", destination="东村3组王家",
        occupants=(cp.OccupantInput("李四", "440524188001010014", "13700137000", "36.6"),),
    ))  # fmt: skip
    page.refresh()
    _select_plate(page, "浙A88888")
    [info] = stored(db)
    seen: dict[str, object] = {}

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, AdmitDialog)
        seen.update(
            name=dialog.name.text(), id=dialog.id_number.text(), phone=dialog.phone.text(),
            origin=dialog.origin.text(), address=dialog.address.text(),
            roles=set(dialog.team), arrival=dialog.arrival.date().toPython(),
        )  # fmt: skip
        dialog.accept()
        return dialog.result()

    page.run_dialog = answer  # type: ignore[method-assign]
    page.admit_selected(occupant_id=info.occupants[0].id)

    assert seen == {
        "name": "李四", "id": "440524188001010014", "phone": "13700137000", "origin": "上海浦东",
        "address": "东村3组王家", "roles": set(measure.required_role_ids), "arrival": TODAY,
    }  # fmt: skip
    [case_id] = roster.roster_ids(db, RosterFilter())
    [row] = roster.roster_rows(db, [case_id])
    assert (row.name, row.id_number, row.phone, row.origin, row.arrival_date) == (
        "李四",
        "440524188001010014",
        "13700137000",
        "上海浦东",
        TODAY,
    )
    team = assignments.teams(db, [case_id])[case_id]
    assert {(m.role_id, m.staff_id) for m in team} == set(staff.items())
    [again] = stored(db)
    assert again.occupants[0].case_id == case_id
    remark = page.proxy.index(0, PassLogModel.REMARK).data()
    assert remark == "李四 已转入台账"
    assert messages.of_kind("info") and "已转入台账：李四" in messages.of_kind("info")[0]
    found = cp.pass_of_case(db, case_id)
    assert found is not None and found.plate == "浙A88888"


def test_passengers_typed_in_the_table_then_enter_saves(
    qtbot: QtBot, page: CheckpointsPage, db
) -> None:
    form = page.form
    type_text(qtbot, form.plate.edit, "A34567")
    form.occupants_toggle.click()  # opens the table with a first row being edited
    qtbot.waitUntil(lambda: focused() is not form.occupants_toggle)
    type_here(qtbot, "李四")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # on to 身份证号
    type_here(qtbot, "440524188001010014")
    press_enter(qtbot)  # finishes the cell
    qtbot.waitUntil(lambda: focused() is form.occupants.view)  # the cell is committed
    assert stored(db) == []

    press_enter(qtbot)  # and now it saves the car

    [info] = stored(db)
    assert [(o.name, o.id_number) for o in info.occupants] == [("李四", "440524188001010014")]
    assert info.people_aboard == 2


# --- the form's errors, the driver's own reading, 放行 with a fever aboard -----------------------


def test_every_problem_is_shown_at_once_and_each_clears_when_fixed(
    qtbot: QtBot, page: CheckpointsPage, db
) -> None:
    form = page.form
    assert page.shift.findChild(QLabel, "dutyCaption").text() == "值守人员 *"  # type: ignore[union-attr]
    page.shift.duty.clear()
    type_text(qtbot, form.plate.edit, "B12345")
    form.driver_phone.setText("12345")
    form.temperature.setText("37.9")
    press_enter(qtbot)

    assert stored(db) == []
    shown = form.error.text()
    for reason in ("联系电话", "请填写采取的处置措施", "值守人员"):
        assert reason in shown
    assert focused() is form.driver_phone  # the first problem, in the order of the form
    assert "a61b1b" in form.action.styleSheet() and "a61b1b" in page.shift.duty.styleSheet()

    form.driver_phone.setText("13800138000")  # fixed: its mark and its reason go at once
    assert "联系电话" not in form.error.text() and form.driver_phone.styleSheet() == ""
    type_text(qtbot, form.action, "复测仍高，送发热门诊")
    assert "处置措施" not in form.error.text() and form.action.styleSheet() == ""
    assert "值守人员" in form.error.text()

    page.shift.duty.setFocus()
    type_text(qtbot, page.shift.duty, "张三")
    assert form.error.text() == ""
    press_enter(qtbot)  # Enter in the last field fixed saves the car
    [info] = stored(db)
    assert info.driver_temperature == 37.9 and info.duty_staff == "张三"


def test_releasing_a_car_with_a_feverish_passenger_asks_once(
    qtbot: QtBot, page: CheckpointsPage, db, messages
) -> None:  # type: ignore[no-untyped-def]
    form = page.form
    type_text(qtbot, form.plate.edit, "C12345")
    type_text(qtbot, form.driver_name, "王五")
    form.temperature.setText("36.5")
    form.occupants_toggle.click()
    model = form.occupants.model
    model.setData(model.index(0, model.NAME), "李四")
    model.setData(model.index(0, model.TEMPERATURE), "37.8")
    form.plate.edit.setFocus()

    messages.confirm_answer = False
    press_enter(qtbot)  # the 处置情况 is missing too: listed, nothing asked yet
    assert messages.of_kind("confirm") == [] and stored(db) == []
    type_text(qtbot, form.action, "报告卫生院")
    press_enter(qtbot)
    (question,) = messages.of_kind("confirm")
    assert "乘车人 李四 37.8 ℃" in question and "王五" not in question
    assert stored(db) == [] and focused() is form.disposition

    messages.confirm_answer = True
    press_enter(qtbot)
    assert len(messages.of_kind("confirm")) == 2 and len(stored(db)) == 1
    (anomaly,) = rounds.anomalies(db, day=TODAY)
    assert anomaly.person_name == "李四（浙C12345）"


def test_a_click_that_closes_the_destination_list_still_lands(
    qtbot: QtBot, page: CheckpointsPage
) -> None:
    form = page.form
    form.destination.set_choices(("张家", "张家湾"))
    form.destination.setFocus()
    type_text(qtbot, form.destination, "张")
    popup = form.destination.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    target = form.purpose
    aim = target.mapToGlobal(target.rect().center())
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(popup.mapFromGlobal(aim)),
        QPointF(aim),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(popup, press)  # where Qt delivers a click while the list is open
    qtbot.waitUntil(lambda: focused() is target)
    assert not popup.isVisible()


def test_coming_to_the_page_the_first_key_lands_in_the_plate(
    qtbot: QtBot, main_window, checkpoint
) -> None:  # type: ignore[no-untyped-def]
    main_window.navigate("today")
    page = main_window.navigate("checkpoints")
    page.shift.duty.setText("张三")
    main_window.navigate("today")
    main_window.activateWindow()
    main_window.navigation.setFocus()
    main_window.navigate("checkpoints")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.plate.edit)
    qtbot.keyClicks(focused(), "B12345")
    assert page.form.plate.edit.text() == "B12345"
