"""包保人员 on the 包保分配 page: the add/edit dialog, 离岗 with reassignment, 恢复在岗."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services import assignments
from app.ui.assignments.staff_dialog import StaffEditDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.assignments import AssignmentsPage
from tests.ui.assignments.test_assignments import (
    MEDICAL,
    VILLAGE,
    add_staff,
    badge,
    open_page,
    register,
    role_cell,
)
from tests.ui.conftest import RecordedMessages


def save_button(dialog: StaffEditDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_new_staff_member_is_saved_and_listed(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_page(main_window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.staff_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText("孙医生")  # keyClicks types ASCII only
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("医护人员"))
    qtbot.keyClicks(dialog.phone_edit, "+86 139-0000-2222")
    dialog.organisation_edit.setText("某某镇卫生院")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    [saved] = assignments.staff_list(ctx.db)
    assert (saved.name, saved.role, saved.phone, saved.organisation) == (
        "孙医生",
        "医护人员",
        "13900002222",
        "某某镇卫生院",
    )
    current = page.current_staff()
    assert current is not None and current.id == saved.id
    assert page.staff_proxy.index(0, 2).data() == "13900002222"


def test_staff_dialog_refuses_a_bad_phone_and_keeps_what_was_typed(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_page(main_window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.staff_dialog
    assert dialog is not None
    dialog.name_edit.setText("孙医生")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.phone_edit, "1390000")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "不是有效的电话号码" in dialog.problem.text()
    assert "区号-号码" in dialog.problem.text()
    assert dialog.phone_edit.text() == "1390000"
    assert dialog.name_edit.text() == "孙医生"
    assert dialog.focusWidget() is dialog.phone_edit
    assert assignments.staff_list(ctx.db) == []

    dialog.phone_edit.setText("0577-88001234")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert assignments.staff_list(ctx.db)[0].phone == "0577-88001234"


def test_staff_dialog_refuses_an_empty_name(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_page(main_window)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.staff_dialog
    assert dialog is not None
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == "姓名：不能为空"


def test_editing_a_staff_member_changes_the_name_shown_for_their_cases(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    case_id = register(ctx.db, "张三")
    doctor = add_staff(ctx.db, "李医生", MEDICAL)
    assignments.assign(ctx.db, [case_id], doctor)
    page = open_page(main_window)
    page.select_staff(doctor)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.staff_dialog
    assert dialog is not None and dialog.name_edit.text() == "李医生"
    dialog.name_edit.setText("李大夫")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert role_cell(page, case_id, MEDICAL) == "李大夫"


def test_retire_lists_the_cases_needing_someone_new_and_reassigns_them(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    ids = [register(ctx.db, name) for name in ("甲一", "乙二", "丙三")]
    leaving = add_staff(ctx.db, "李医生", MEDICAL)
    successor = add_staff(ctx.db, "周医生", MEDICAL)
    other = add_staff(ctx.db, "吴医生", MEDICAL)
    add_staff(ctx.db, "王村干", VILLAGE)  # another role: never offered
    assignments.assign(ctx.db, ids, leaving)
    page = open_page(main_window)
    page.select_staff(leaving)
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)

    assert messages.of_kind("confirm") == [
        "确定「李医生」（医护人员）离岗吗？其负责的 3 人将需要另行安排医护人员。"
    ]
    dialog = page.reassign_dialog
    assert dialog is not None and dialog.isVisible()
    listed = [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]
    assert sorted(listed) == sorted(["甲一", "乙二", "丙三"])
    for case_id in ids:
        assert badge(page, case_id) == "缺 医护人员、村干部、乡镇干部"
    assert page.staff_model.staff_at(page.staff_model.row_of(leaving)).active is False

    # the row's picker, with the keyboard: Down chooses the first candidate and saves at once
    picker = dialog.picker(ids[0])
    assert picker is not None
    offered = [picker.itemText(i) for i in range(picker.count())]
    assert offered[0] == "分配给…"
    assert all("王村干" not in text and "李医生" not in text for text in offered)
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    # least loaded first, then by name: 吴医生 and 周医生 carry nobody yet, and 吴 sorts before 周
    assert picker.currentData() == other
    assert [m.staff_id for m in assignments.teams(ctx.db, [ids[0]])[ids[0]]] == [other]
    assert dialog.status.text() == "已保存。还有 2 人未安排。"
    # the page behind follows through assignments_changed
    qtbot.waitUntil(lambda: role_cell(page, ids[0], MEDICAL) == "吴医生")

    # the rest in one go
    dialog.all_combo.setCurrentIndex(dialog.all_combo.findData(successor))
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "已全部安排好。"
    teams = assignments.teams(ctx.db, ids)
    assert [teams[c][0].staff_id for c in ids[1:]] == [successor, successor]
    dialog.reject()
    for case_id in ids:
        assert badge(page, case_id) == "缺 村干部、乡镇干部"


def test_retire_without_cases_needs_no_dialog_and_reactivate_brings_them_back(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    doctor = add_staff(ctx.db, "李医生", MEDICAL)
    page = open_page(main_window)
    page.select_staff(doctor)
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert page.reassign_dialog is None
    assert page.hint.text() == "「李医生」已离岗。"
    assert page.assign_combo.findData(doctor) == -1  # a retired person cannot be picked
    assert page.reactivate_button.isEnabled() and not page.retire_button.isEnabled()

    page.show_retired.setChecked(False)
    assert page.staff_proxy.rowCount() == 0
    page.show_retired.setChecked(True)

    page.select_staff(doctor)
    qtbot.mouseClick(page.reactivate_button, Qt.MouseButton.LeftButton)
    assert assignments.staff_list(ctx.db)[0].active
    assert page.assign_combo.findData(doctor) > 0


@pytest.mark.usefixtures("synchronous_worker")
def test_role_filter_shows_one_role(ctx: UiContext, main_window: MainWindow) -> None:
    add_staff(ctx.db, "李医生", MEDICAL)
    add_staff(ctx.db, "王村干", VILLAGE)
    page: AssignmentsPage = open_page(main_window)
    page.role_filter.setCurrentIndex(page.role_filter.findText("村干部"))
    assert [page.staff_proxy.index(r, 0).data() for r in range(page.staff_proxy.rowCount())] == [
        "王村干"
    ]
