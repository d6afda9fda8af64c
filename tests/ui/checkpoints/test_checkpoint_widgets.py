"""The checkpoint page's parts: table models, plate input, checkpoint manager, shift, dialog."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import checkpoints as cp
from app.services import reference
from app.ui.checkpoints.admit_dialog import AdmitDialog
from app.ui.checkpoints.log_model import PassLogModel, PassLogProxy
from app.ui.checkpoints.manage import CheckpointDialog, CheckpointManager, CheckpointTableModel
from app.ui.checkpoints.occupants import OccupantsModel
from app.ui.checkpoints.plate_input import PlateInput
from app.ui.context import UiContext
from app.ui.pages.checkpoints import CheckpointsPage
from app.ui.widgets.roles import ObjectRole
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()


@pytest.fixture
def checkpoint(db: Database) -> cp.CheckpointInfo:
    return cp.save_checkpoint(db, "东村村口")


def _passes(db: Database, checkpoint: cp.CheckpointInfo) -> list[cp.PassInfo]:
    for hour, plate, extra in (
        (8, "浙A12345", {"max_temperature": "37.9", "action_taken": "送发热门诊"}),
        (9, "浙B54321", {"disposition": "劝返", "people_aboard": 3}),
        (10, "粤Z1234港", {"occupants": (cp.OccupantInput("李四", temperature="36.5"),),
                          "people_aboard": 2}),
    ):  # fmt: skip
        cp.record_pass(db, cp.PassInput(
            checkpoint_id=checkpoint.id, plate=plate,
            passed_at=datetime(TODAY.year, TODAY.month, TODAY.day, hour), **extra,
        ))  # fmt: skip
    return cp.passes_of_day(db, TODAY)


# --- models --------------------------------------------------------------------------------------


def test_log_model_passes_the_model_tester(qtmodeltester, db, checkpoint) -> None:
    model = PassLogModel()
    model.set_passes(_passes(db, checkpoint))
    qtmodeltester.check(model)
    proxy = PassLogProxy(model)
    qtmodeltester.check(proxy)
    assert [proxy.index(r, PassLogModel.PLATE).data() for r in range(3)] == [
        "粤Z1234港", "浙B54321", "浙A12345",
    ]  # fmt: skip


def test_log_model_sorts_by_raw_values_and_returns_ids(db, checkpoint) -> None:
    passes = _passes(db, checkpoint)
    model = PassLogModel()
    model.set_passes(passes)
    proxy = PassLogProxy(model)
    proxy.sort(PassLogModel.PEOPLE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, PassLogModel.PLATE).data() == "浙B54321"
    assert proxy.index(0, 0).data(ObjectRole) == next(p.id for p in passes if p.plate == "浙B54321")
    fever = model.index(model.row_of(next(p.id for p in passes if p.abnormal)), PassLogModel.REMARK)
    assert fever.data() == "体温异常：送发热门诊"


def test_log_model_updates_rows_in_place(qtbot: QtBot, db, checkpoint) -> None:
    passes = _passes(db, checkpoint)
    model = PassLogModel()
    model.set_passes(passes)
    changed = cp.update_pass(db, passes[0].id, cp.PassInput(
        checkpoint_id=checkpoint.id, plate=passes[0].plate, passed_at=passes[0].passed_at,
        driver_name="改过的",
    ))  # fmt: skip
    with qtbot.waitSignal(model.dataChanged):
        model.upsert(changed)
    assert model.rowCount() == 3
    assert model.index(model.row_of(changed.id), PassLogModel.DRIVER).data() == "改过的"


def test_occupants_model_passes_the_model_tester(qtmodeltester) -> None:
    model = OccupantsModel()
    model.append_row()
    model.setData(model.index(0, OccupantsModel.NAME), "李四")
    qtmodeltester.check(model)
    inputs, problem = model.checked_inputs()
    assert problem is None and [i.name for i in inputs] == ["李四"]


def test_checkpoint_table_model_passes_the_model_tester(qtmodeltester, db, checkpoint) -> None:
    model = CheckpointTableModel()
    model.set_rows(cp.checkpoints(db, include_inactive=True))
    qtmodeltester.check(model)


# --- plate input ---------------------------------------------------------------------------------


def test_plate_input_normalises_and_explains(qtbot: QtBot) -> None:
    plate = PlateInput()
    qtbot.addWidget(plate)
    qtbot.keyClicks(plate.edit, "c·1234 5")
    assert plate.edit.text() == "C12345" and plate.plate_text() == "浙C12345"
    assert plate.problem() is None and "普通号牌" in plate.status.text()

    plate.clear()
    qtbot.keyClicks(plate.edit, "CI23456")
    assert "不能有字母 I" in plate.status.text()
    assert plate.current_province() == "浙"  # the province stays for the next car


# --- checkpoint manager --------------------------------------------------------------------------


def test_manager_adds_edits_and_stops_checkpoints(
    qtbot: QtBot, ctx: UiContext, db, monkeypatch
) -> None:
    manager = CheckpointManager(ctx)
    qtbot.addWidget(manager)
    typed = iter([("西村桥头", "桥头", "乡级", "王村长"), ("西村桥头北", None, None, None)])

    def answer(dialog: CheckpointDialog) -> int:
        name, location, level, responsible = next(typed)
        dialog.name.setText(name)
        if location:
            dialog.location.setText(location)
            dialog.level.setCurrentIndex(dialog.level.findData(level))
            dialog.responsible.setText(responsible)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CheckpointDialog, "exec", answer)
    with qtbot.waitSignal(ctx.events.checkpoints_changed):
        manager.add_button.click()
    [added] = cp.checkpoints(db)
    assert (added.name, added.location, added.level, added.responsible) == (
        "西村桥头", "桥头", "乡级", "王村长",
    )  # fmt: skip
    assert manager.current_id() == added.id

    manager.edit_button.click()
    assert cp.checkpoints(db)[0].name == "西村桥头北"

    manager.toggle_button.click()
    assert cp.checkpoints(db) == []
    assert manager.model.index(0, CheckpointTableModel.ACTIVE).data() == "已停用"
    assert manager.toggle_button.text() == "启用"


def test_manager_dialog_refuses_a_duplicate_name_and_keeps_it(
    qtbot: QtBot, ctx: UiContext, db, checkpoint
) -> None:
    dialog = CheckpointDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("东村村口")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "已有名为「东村村口」的卡点" in dialog.error.text()
    assert dialog.name.text() == "东村村口"


# --- the shift is remembered ---------------------------------------------------------------------


def test_checkpoint_and_duty_staff_are_remembered(qtbot: QtBot, ctx: UiContext, db) -> None:
    cp.save_checkpoint(db, "东村村口")
    west = cp.save_checkpoint(db, "西村桥头")
    first = CheckpointsPage(ctx)
    qtbot.addWidget(first)
    first.refresh()
    first.shift.checkpoint.setCurrentIndex(first.shift.checkpoint.findData(west.id))
    first.shift.duty.setText("赵六")
    first.shift.duty.editingFinished.emit()
    started = first.shift.started

    again = CheckpointsPage(ctx)
    qtbot.addWidget(again)
    again.refresh()

    assert again.shift.checkpoint_id() == west.id
    assert again.shift.duty_staff() == "赵六"
    assert again.shift.started == started

    again.shift.new_shift_button.click()
    assert again.shift.started >= started


def test_page_without_checkpoints_says_what_to_do(qtbot: QtBot, ctx: UiContext) -> None:
    page = CheckpointsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.no_checkpoint.isHidden()
    assert not page.form.isEnabled()


# --- admission dialog ----------------------------------------------------------------------------


def test_admit_dialog_carries_the_driver_over_and_reuses_a_known_person(
    qtbot: QtBot, ctx: UiContext, db, checkpoint, messages
) -> None:
    from app.services import roster
    from app.services.roster import CaseInput, PersonInput

    measure = reference.measures(db)[0]
    earlier = roster.register_case(
        db, PersonInput("王五", "11010519491231002X"),
        CaseInput(reference.categories(db)[0].id, measure.id, date(2022, 1, 1),
                  planned_end=date(2022, 1, 8)),
    )  # fmt: skip
    roster.end_case(db, earlier.id, date(2022, 1, 8), reference.end_reasons(db)[0].id)
    info = cp.record_pass(db, cp.PassInput(
        checkpoint_id=checkpoint.id, plate="浙A12345", driver_name="王五",
        driver_id_number="11010519491231002X", origin="上海",
    ))  # fmt: skip

    dialog = AdmitDialog(ctx, info)
    qtbot.addWidget(dialog)
    assert (dialog.name.text(), dialog.id_number.text(), dialog.origin.text()) == (
        "王五", "11010519491231002X", "上海",
    )  # fmt: skip
    assert dialog.chosen_occupant_id() is None
    messages.confirm_answer = True
    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert "已登记为「王五」" in messages.of_kind("confirm")[0]
    row = dialog.result_row
    assert row is not None and row.person_id == earlier.person_id
    [again] = cp.passes_of_day(db, TODAY)
    assert again.driver_case_id == row.id
