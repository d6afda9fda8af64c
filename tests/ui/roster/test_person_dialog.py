"""The add/edit dialog: live checks while typing, a known ID, refused saves, keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import AppPaths
from app.db import Database
from app.services import reference, roster
from app.ui.context import UiContext
from app.ui.roster.person_dialog import PersonDialog
from tests.ui.conftest import RecordedMessages
from tests.ui.roster_helpers import demo_village, valid_id, zhang_san


@pytest.fixture
def dialog(qtbot: QtBot, ctx: UiContext) -> PersonDialog:
    new = PersonDialog(ctx)
    qtbot.addWidget(new)
    new.show()
    qtbot.waitExposed(new)
    return new


def fill_required(dialog: PersonDialog, name: str = "王小明") -> None:
    dialog.name.setText(name)
    dialog.category.setCurrentIndex(dialog.category.findText("密切接触者"))


def test_a_wrong_id_says_why_in_chinese_and_blocks_saving(dialog: PersonDialog) -> None:
    fill_required(dialog)
    assert dialog.save_button.isEnabled()
    wrong = valid_id()[:-1] + ("0" if valid_id()[-1] != "0" else "1")
    dialog.id_number.setText(wrong)
    assert dialog.id_hint.isVisible()
    assert dialog.id_hint.text() == "身份证号：校验位不对，请核对是否抄错"
    assert not dialog.save_button.isEnabled()
    assert "证件号码" in dialog.missing.text()
    dialog.id_number.setText("33030219901307123X")
    assert "出生日期 19901307 不是真实的日期" in dialog.id_hint.text()
    assert not dialog.save_button.isEnabled()


def test_an_unfinished_id_counts_digits_while_typing(qtbot: QtBot, dialog: PersonDialog) -> None:
    fill_required(dialog)
    dialog.id_number.setFocus()
    qtbot.keyClicks(dialog.id_number, "3303021990")
    assert dialog.id_hint.text() == "已输入 10 位，共 18 位"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Return)  # leaving it unfinished
    reason = "身份证号：位数不对，应为 18 位（老式身份证为 15 位），现在是 10 位"
    assert dialog.id_hint.text() == reason
    assert "color: #c62828" in dialog.id_hint.styleSheet()


def test_a_valid_id_fills_and_locks_birth_date_and_sex(dialog: PersonDialog) -> None:
    fill_required(dialog)
    dialog.id_number.setText(valid_id())
    assert dialog.birth.text() == "1990-03-07"
    assert dialog.sex.currentText() == "男"
    assert not dialog.birth.isEnabled() and not dialog.sex.isEnabled()
    assert dialog.id_hint.text().startswith("✓ 1990-03-07 出生，男")
    assert dialog.save_button.isEnabled()
    dialog.id_number.setText("")
    assert dialog.birth.isEnabled() and dialog.sex.isEnabled()


def test_saving_registers_the_person(dialog: PersonDialog, db: Database) -> None:
    fill_required(dialog)
    dialog.id_number.setText(valid_id())
    dialog.phone.setText("138 0013 8000")
    dialog.group.setEditText("三组")
    dialog.save()
    assert dialog.saved is not None and dialog.result() == dialog.DialogCode.Accepted
    row = roster.case_row(db, dialog.saved.id)
    assert (row.name, row.phone, row.group_name, row.sex) == ("王小明", "13800138000", "三组", "男")
    assert row.measure == "居家隔离医学观察"


def test_phone_is_checked_when_leaving_the_field(qtbot: QtBot, dialog: PersonDialog) -> None:
    fill_required(dialog)
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "1381234")
    assert not dialog.phone_error.isVisible()  # not while typing
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Enter moves on: the phone is checked
    assert QApplication.focusWidget() is dialog.address
    assert dialog.phone_error.isVisible()
    assert "不是有效的电话号码" in dialog.phone_error.text()
    assert not dialog.save_button.isEnabled()
    dialog.phone.setText("13812345678")
    assert not dialog.phone_error.isVisible() and dialog.save_button.isEnabled()


def test_picking_a_measure_fills_the_planned_end(dialog: PersonDialog, ctx: UiContext) -> None:
    monitoring = next(m for m in reference.measures(ctx.db) if m.name == "居家健康监测")
    start = date.today() - timedelta(days=2)
    dialog.start.set_value(start)
    dialog.measure.setCurrentIndex(dialog.measure.findText(monitoring.name))
    assert dialog.planned_end.value() == start + timedelta(days=monitoring.default_days)
    assert f"按 {monitoring.default_days} 天计" in dialog.planned_hint.text()
    dialog.planned_end.setText((start - timedelta(days=1)).isoformat())
    assert "早于开始日期" in dialog.planned_error.text()
    assert not dialog.save_button.isEnabled()


def test_a_known_id_offers_the_existing_person(
    qtbot: QtBot, ctx: UiContext, db: Database, messages: RecordedMessages
) -> None:
    demo_village(db)
    zhang = zhang_san(db)
    roster.end_case(db, zhang.id, date.today(), reference.end_reasons(db)[0].id)
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(0)
    dialog.id_number.setText(zhang.id_number or "")
    assert dialog.id_hint.text() == "此身份证号已登记为 张三（二组），可直接使用该人员"
    assert dialog.use_existing.isVisibleTo(dialog)
    dialog.name.setText("张叁")  # typed by hand; the clerk is asked on save
    dialog.save()
    assert messages.of_kind("confirm") == ["此身份证号已登记为 张三（二组），使用该人员？"]
    assert dialog.saved is not None and dialog.saved.person_id == zhang.person_id
    assert len(roster.cases_of_person(db, zhang.person_id)) == 2


def test_use_existing_fills_in_the_known_person(qtbot: QtBot, ctx: UiContext, db: Database) -> None:
    demo_village(db)
    zhang = zhang_san(db)
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.id_number.setText(zhang.id_number or "")
    dialog.use_existing.click()
    assert dialog.name.text() == "张三" and dialog.group.currentText() == "二组"
    assert dialog.id_hint.text() == "将为已登记的「张三」新增一次管控登记"


def test_a_refused_save_shows_why_and_keeps_everything(
    qtbot: QtBot, ctx: UiContext, db: Database, messages: RecordedMessages
) -> None:
    demo_village(db)
    zhang = zhang_san(db)  # still under management: a second open case is refused
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.id_number.setText(zhang.id_number or "")
    dialog.use_existing.click()
    dialog.category.setCurrentIndex(1)
    dialog.origin.setText("上海市浦东新区")
    dialog.save()
    assert messages.of_kind("error") == [
        "「张三」目前已在管，无需重复登记；如需更改请编辑现有记录。"
    ]
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.origin.text() == "上海市浦东新区" and dialog.name.text() == "张三"
    assert len(roster.cases_of_person(db, zhang.person_id)) == 1


def test_enter_moves_on_and_saves_on_the_last_field(
    qtbot: QtBot, dialog: PersonDialog, db: Database
) -> None:
    dialog.name.setFocus()
    dialog.name.setText("赵六")  # QTest cannot type Chinese characters
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.id_type
    dialog.category.setCurrentIndex(0)
    dialog.planned_end.setFocus()
    qtbot.keyClick(dialog.planned_end, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.name == "赵六"


def test_ctrl_s_saves(qtbot: QtBot, dialog: PersonDialog) -> None:
    fill_required(dialog, "钱七")
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None and dialog.saved.name == "钱七"


def test_esc_asks_before_throwing_typing_away(
    qtbot: QtBot, dialog: PersonDialog, messages: RecordedMessages
) -> None:
    dialog.name.setText("孙八")
    messages.confirm_answer = False
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert messages.of_kind("confirm") == ["放弃已填写的内容？填写的信息不会保存。"]
    assert dialog.isVisible() and dialog.name.text() == "孙八"
    messages.confirm_answer = True
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_on_an_untouched_form_just_closes(
    qtbot: QtBot, dialog: PersonDialog, messages: RecordedMessages
) -> None:
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages == []


def test_editing_changes_person_and_case(qtbot: QtBot, ctx: UiContext, db: Database) -> None:
    demo_village(db)
    zhang = zhang_san(db)
    dialog = PersonDialog(ctx, case_id=zhang.id)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "张三" and dialog.id_number.text() == zhang.id_number
    assert not dialog.birth.isEnabled()  # locked by the ID number
    assert dialog.planned_end.value() == zhang.planned_end
    dialog.phone.setText("0577-88001234")
    dialog.origin.setText("北京市朝阳区")
    dialog.save()
    row = roster.case_row(db, zhang.id)
    assert (row.phone, row.origin, row.planned_end) == (
        "0577-88001234",
        "北京市朝阳区",
        zhang.planned_end,
    )


def test_a_save_after_another_clerk_saved_shows_both_values_and_keeps_the_form(
    qtbot: QtBot, ctx: UiContext, db: Database, paths: AppPaths, messages: RecordedMessages
) -> None:
    """Two clerks, two connections to one ledger: 李文书 saves 张三's phone while 王会计's form is
    open; 王会计's save is refused naming both numbers, his typing stays, and saving again (now
    knowingly) keeps his."""
    demo_village(db)
    zhang = zhang_san(db)
    dialog = PersonDialog(ctx, case_id=zhang.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    other_clerk = Database.open(paths, operator="李文书", lock=False)
    try:
        person = roster.person_info(other_clerk, zhang.person_id)
        typed = roster.PersonInput(
            name=person.name, id_number=person.id_number, phone="13900000002",
            group_name=person.group_name, address=person.address,
        )  # fmt: skip
        roster.update_person(other_clerk, zhang.person_id, typed)
    finally:
        other_clerk.close()

    dialog.phone.setText("13700000003")
    dialog.save()

    [error] = messages.of_kind("error")
    assert "已被他人修改（李文书）" in error
    assert "联系电话：他人保存的是「13900000002」，您填写的是「13700000003」" in error
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.phone.text() == "13700000003"  # what was typed is still in the form
    assert roster.case_row(db, zhang.id).phone == "13900000002"

    dialog.save()
    assert dialog.saved is not None
    assert roster.case_row(db, zhang.id).phone == "13700000003"
