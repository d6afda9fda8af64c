"""设置 page: policy settings, 填报单位, 管控措施 with 三包一/五包一 roles, categories, roles,
the embedded 卡点 manager, and what a non-administrator sees."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from app.config import Settings
from app.services import nucleic_schedule, reference
from app.services.access import Role, act_as, actor
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.assignments import AssignmentsPage
from app.ui.pages.settings import TAB_KEYS, SettingsPage
from app.ui.settings.policy_form import POLICY_SPECS
from tests.ui.assignments.test_assignments import badge, headers, register
from tests.ui.conftest import RecordedMessages


def open_settings(main_window: MainWindow, tab: str) -> SettingsPage:
    page = main_window.navigate("settings", tab)
    assert isinstance(page, SettingsPage)
    assert page.tabs.currentIndex() == TAB_KEYS.index(tab)
    return page


def form_labels(page: SettingsPage) -> list[str]:
    labels = []
    for layout in page.policy_form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel) and item.widget().text():
                labels.append(item.widget().text())
    return labels


# --- 防控策略 ----------------------------------------------------------------------------------


def test_policy_form_shows_every_setting_with_the_label_of_its_spec(
    ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "policy")
    form = page.policy_form
    boxes = (form.day_one, form.backup_on_start, form.daily_tests)
    texts = [*form_labels(page), *(box.text() for box in boxes)]
    assert sorted(texts) == sorted(spec.label for spec in POLICY_SPECS)
    assert set(form.values()) == set(POLICY_SPECS)
    assert form.fever.value() == pytest.approx(37.3)
    assert (form.fever.minimum(), form.fever.maximum(), form.fever.decimals()) == (37.0, 38.5, 1)
    assert form.natural_day.isChecked() and not form.cutoff.isEnabled()
    assert form.default_measure.currentText() == "居家隔离医学观察"
    assert form.idle_lock.text() == "10 分钟"


def test_changing_the_fever_threshold_is_saved_and_announced(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "policy")
    form = page.policy_form
    form.fever.setValue(37.5)
    with qtbot.waitSignal(ctx.events.settings_changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert reference.read_setting(ctx.db, Settings.FEVER_THRESHOLD) == pytest.approx(37.5)
    assert form.status.text() == "已保存。"
    # nothing else was written: the other settings still come from their defaults
    with ctx.db.reading() as session:
        from app.models import Setting

        assert [row.key for row in session.query(Setting)] == [Settings.FEVER_THRESHOLD.key]


def test_cutoff_time_or_natural_day(qtbot: QtBot, ctx: UiContext, main_window: MainWindow) -> None:
    page = open_settings(main_window, "policy")
    form = page.policy_form
    form.natural_day.setChecked(False)
    assert form.cutoff.isEnabled()
    form.cutoff.setTime(QTime(16, 0))
    page.save_current()  # what Ctrl+S does
    assert reference.read_setting(ctx.db, Settings.STAT_CUTOFF) == time(16, 0)

    form.natural_day.setChecked(True)
    form.save()
    assert reference.read_setting(ctx.db, Settings.STAT_CUTOFF) == time(0, 0)
    assert form.natural_day.isChecked()


def test_slot_end_times_must_be_in_order(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "policy")
    form = page.policy_form
    form.am_ends.setTime(QTime(21, 0))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problem.text() == "上午体温截止时间应早于下午体温截止时间。"
    assert reference.read_setting(ctx.db, Settings.AM_SLOT_ENDS) == time(12, 0)
    assert form.am_ends.time() == QTime(21, 0)  # left as typed


def test_unsaved_typing_survives_a_refresh(ctx: UiContext, main_window: MainWindow) -> None:
    page = open_settings(main_window, "policy")
    page.policy_form.fever.setValue(37.6)
    ctx.events.roster_changed.emit()
    page.refresh()
    assert page.policy_form.fever.value() == pytest.approx(37.6)


def test_a_clerk_account_sees_why_settings_cannot_be_changed(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    act_as(ctx.db, replace(actor(ctx.db), role=Role.CLERK))
    page = open_settings(main_window, "policy")
    assert page.read_only_note.isVisible()
    assert "录入员" in page.read_only_note.text()
    page.policy_form.fever.setValue(37.5)
    qtbot.mouseClick(page.policy_form.save_button, Qt.MouseButton.LeftButton)
    assert messages.of_kind("error") == ["当前账号（录入员）无权修改设置，请让管理员操作。"]
    assert reference.read_setting(ctx.db, Settings.FEVER_THRESHOLD) == pytest.approx(37.3)


# --- 填报单位 ----------------------------------------------------------------------------------


def test_unit_profile_is_saved(qtbot: QtBot, ctx: UiContext, main_window: MainWindow) -> None:
    page = open_settings(main_window, "unit")
    form = page.unit_form
    form.editors["unit_name"].setText("某某镇某某村村民委员会")
    form.editors["township"].setText("某某镇")
    form.editors["reporter"].setText("王会计")
    form.editors["phone"].setText("0577 8800 1234")
    form.editors["reviewer"].setText("李书记")
    with qtbot.waitSignal(ctx.events.settings_changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert reference.unit_profile(ctx.db) == reference.UnitInfo(
        "某某镇某某村村民委员会", "某某镇", "王会计", "0577-88001234", "李书记"
    )
    assert form.editors["phone"].text() == "0577-88001234"
    qtbot.waitUntil(lambda: "某某镇某某村村民委员会" in main_window.unit_label.text())


def test_unit_profile_refuses_a_bad_phone_and_a_missing_unit(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "unit")
    form = page.unit_form
    form.editors["phone"].setText("12345")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.problem.text() == "请填写填报单位。"
    form.editors["unit_name"].setText("某某村")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "不是有效的电话号码" in form.problem.text()
    assert form.editors["phone"].text() == "12345"
    assert reference.unit_profile(ctx.db).unit_name == ""


def test_enter_moves_through_the_unit_form(qtbot: QtBot, main_window: MainWindow) -> None:
    page = open_settings(main_window, "unit")
    first = page.unit_form.editors["unit_name"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert page.unit_form.focusWidget() is page.unit_form.editors["township"]


# --- 管控措施 and 五包一 ---------------------------------------------------------------------


def test_a_five_to_one_measure_adds_its_columns_to_the_assignments_page(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "measures")
    editor = page.measures
    assert editor.model.rowCount() == 4
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.chosen_roles()) == [1, 2, 3]  # a new measure starts as 三包一
    dialog.name_edit.setText("居家隔离（五包一）")
    dialog.days.setValue(14)
    for _role_id, box in dialog.role_boxes.items():
        if box.text() in ("民警", "网格员"):
            box.setChecked(True)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    assert "需要落实 医护人员、村干部、乡镇干部、民警、网格员" in editor.status.text()

    five = next(m for m in reference.measures(ctx.db) if m.name == "居家隔离（五包一）")
    assert five.required_role_names == ("医护人员", "村干部", "乡镇干部", "民警", "网格员")
    assert five.default_days == 14
    case_id = register(ctx.db, "五包一对象", measure_id=five.id)

    assignments_page = main_window.navigate("assignments")
    assert isinstance(assignments_page, AssignmentsPage)
    assert headers(assignments_page)[4:] == [
        "医护人员",
        "村干部",
        "乡镇干部",
        "民警",
        "网格员",
        "包保情况",
    ]
    assert badge(assignments_page, case_id) == "缺 医护人员、村干部、乡镇干部、民警、网格员"


def test_role_checkbox_in_the_measure_table_saves_at_once(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    page = open_settings(main_window, "measures")
    model = page.measures.model
    row = next(r for r in range(model.rowCount()) if model.measure_at(r).name == "居家健康监测")
    column = model.column_of_role(4)  # 民警
    assert column is not None
    index = page.measures.proxy.mapFromSource(model.index(row, column))
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(ctx.events.assignments_changed):
        page.measures.proxy.setData(
            index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    measure = next(m for m in reference.measures(ctx.db) if m.name == "居家健康监测")
    assert measure.required_role_names == ("医护人员", "村干部", "乡镇干部", "民警")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    # 每日测温 off, then a clerk account is refused
    readings = page.measures.proxy.mapFromSource(model.index(row, model.READINGS))
    page.measures.proxy.setData(
        readings, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert not next(m for m in reference.measures(ctx.db) if m.id == measure.id).needs_readings
    act_as(ctx.db, replace(actor(ctx.db), role=Role.CLERK))
    page.measures.proxy.setData(
        index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert messages.of_kind("error") == ["当前账号（录入员）无权修改设置，请让管理员操作。"]
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_measures_test_days_are_edited_with_it(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "measures")
    model = page.measures.model
    row = next(r for r in range(model.rowCount()) if model.measure_at(r).name == "居家健康监测")
    assert model.index(row, model.tests_column()).data() == "3"
    page.measures.select(model.measure_at(row).id)
    page.measures.edit_current()
    dialog = page.measures.dialog
    assert dialog is not None and dialog.test_days.text() == "3"
    dialog.test_days.setText("1、三")
    dialog.accept()
    assert (
        dialog.problem.text()
        == "「居家健康监测」的核酸检测日「三」不是 1 到 60 之间的整数（例：1,4,7；不检测写“无”）。"
    )
    dialog.test_days.setText("第1、3天")
    dialog.accept()
    assert not dialog.isVisible()
    assert nucleic_schedule.schedule(ctx.db).days_for("居家健康监测") == (1, 3)
    assert model.index(row, model.tests_column()).data() == "1、3"


def test_a_measure_name_already_used_is_refused_in_the_dialog(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "measures")
    page.measures.add()
    dialog = page.measures.dialog
    assert dialog is not None
    dialog.name_edit.setText("居家健康监测")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "已有管控措施「居家健康监测」。"


def test_stopping_a_measure_and_the_default_measure_is_protected(
    ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    page = open_settings(main_window, "measures")
    editor = page.measures
    editor.select(1)  # 居家隔离医学观察, the default measure
    editor.toggle_active()
    assert messages.of_kind("error") == [
        "「居家隔离医学观察」是默认管控措施，请先在防控策略中换一个默认措施再停用。"
    ]
    editor.select(4)  # 仅登记
    editor.toggle_active()
    assert [m.name for m in reference.measures(ctx.db)] == [
        "居家隔离医学观察",
        "居家健康监测",
        "集中隔离医学观察",
    ]
    row = editor.model.row_of(4)
    assert row is not None
    assert editor.model.index(row, editor.model.status_column()).data() == "停用"
    assert editor.toggle_button.text() == "恢复使用(&D)"


# --- 人员类别, 包保角色 ------------------------------------------------------------------------


def test_categories_add_rename_and_stop(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "categories")
    editor = page.categories
    editor.new_name.setText("境外返乡人员")
    with qtbot.waitSignal(ctx.events.roster_changed):
        qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    added = next(c for c in reference.categories(ctx.db) if c.name == "境外返乡人员")
    assert editor.current_id() == added.id
    assert editor.new_name.text() == ""

    editor.rename_current()
    assert editor.rename_dialog is not None
    editor.rename_dialog.setTextValue("境外入境返乡人员")
    editor.rename_dialog.accept()
    assert any(c.name == "境外入境返乡人员" for c in reference.categories(ctx.db))

    editor.toggle_current()
    assert all(c.id != added.id for c in reference.categories(ctx.db))
    row = editor.model.row_of(added.id)
    assert row is not None and editor.model.index(row, 1).data() == "停用"
    assert editor.status.text() == "已停用「境外入境返乡人员」。"


def test_renaming_a_category_to_an_existing_name_is_refused(
    ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    page = open_settings(main_window, "categories")
    editor = page.categories
    editor.select(2)
    editor.rename_current()
    assert editor.rename_dialog is not None
    editor.rename_dialog.setTextValue("密切接触者")
    editor.rename_dialog.accept()
    assert messages.of_kind("error") == ["已有人员类别「密切接触者」。"]
    assert reference.categories(ctx.db)[1].name == "次密切接触者"


def test_adding_a_staff_role_makes_it_available_to_measures(
    ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_settings(main_window, "roles")
    editor = page.roles
    assert editor.model.index(0, 1).data() == "居家隔离医学观察、居家健康监测"
    editor.new_name.setText("民兵")
    editor.add()
    assert [r.name for r in reference.staff_roles(ctx.db)][-1] == "民兵"
    assert editor.model.index(editor.model.rowCount() - 1, 1).data() == "（无）"

    measures_page = open_settings(main_window, "measures")
    model = measures_page.measures.model
    assert model.headerData(model.status_column() - 1, Qt.Orientation.Horizontal) == "民兵"


# --- 卡点 ----------------------------------------------------------------------------------------


def test_checkpoint_tab_embeds_the_checkpoint_manager(main_window: MainWindow) -> None:
    from app.ui.checkpoints.manage import CheckpointManager

    page = open_settings(main_window, "checkpoints")
    assert isinstance(page.checkpoint_manager, CheckpointManager)
    assert page.checkpoint_manager.isVisible()
