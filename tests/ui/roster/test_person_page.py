"""The person page: details, all periods, the 包保 team with phones, readings and anomalies."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Slot
from app.services import assignments, reference, roster, rounds
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.roster import RosterPage
from app.ui.roster.person_page import CASE_STATUS, PersonView
from app.ui.roster.table_model import TEAM
from app.ui.widgets.roles import ObjectRole
from app.ui.widgets.temperature_history import TemperatureHistoryWidget
from tests.ui.roster_helpers import column_texts, demo_village, zhang_san


def test_person_page_shows_everything_about_one_person(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    demo_village(db, hour=8)
    zhang = zhang_san(db)
    rounds.record_reading(db, zhang.id, date.today(), Slot.AM, "38.2")
    view = PersonView(ctx)
    qtbot.addWidget(view)
    view.show_person(zhang.person_id)

    assert view.heading.text().startswith("张三 · ")
    assert zhang.id_number is not None
    assert zhang.id_number in view.detail_values["id"].text()
    assert view.detail_values["phone"].text() == zhang.phone
    team = assignments.teams(db, [zhang.id])[zhang.id]
    for member in team:
        assert member.name in view.team.text()
        assert member.phone and member.phone in view.team.text()
    assert column_texts(view.anomalies_model, 1) == ["发热"]
    assert "38.2" in view.anomalies_model.index(0, 2).data()
    assert view.anomalies_model.index(0, 3).data() == "未处置"
    assert isinstance(view.temperatures, TemperatureHistoryWidget)  # the chart, not the fallback
    assert view.end_button.isEnabled()


def test_all_periods_are_listed_and_each_can_be_looked_at(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    demo_village(db)
    zhang = zhang_san(db)
    released = reference.end_reasons(db)[0]
    roster.end_case(db, zhang.id, date.today(), released.id)
    person = roster.person_info(db, zhang.person_id)
    second = roster.register_case(
        db,
        roster.PersonInput(name=person.name, id_number=person.id_number),
        roster.CaseInput(category_id=1, measure_id=2, start_date=date.today()),
        existing_person_id=person.id,
    )
    view = PersonView(ctx)
    qtbot.addWidget(view)
    view.show_person(zhang.person_id)
    assert view.cases_model.rowCount() == 2
    assert view.current_case() is not None and view.current_case().id == second.id
    statuses = sorted(column_texts(view.cases_model, CASE_STATUS))
    assert statuses[0] == "在管" and statuses[1].startswith("期满解除")
    first_row = next(
        row for row in range(view.cases_proxy.rowCount())
        if view.cases_proxy.index(row, 0).data(ObjectRole) == zhang.id
    )  # fmt: skip
    view.cases_table.selectRow(first_row)
    assert view.current_case() is not None and view.current_case().id == zhang.id
    assert not view.end_button.isEnabled()  # that period is over


def test_a_missing_role_is_shown_in_red(qtbot: QtBot, ctx: UiContext, db: Database) -> None:
    demo_village(db)
    gap = assignments.coverage_gaps(db, date.today())[0]
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    row = page.model.row_of(gap.case_id)
    assert row is not None and page.model.index(row, TEAM).data().startswith("缺 ")
    page.open_item(("case", gap.case_id))
    text = page.person_view.team.text()
    assert f"{gap.missing_roles[0]}：未分配" in text and "#c62828" in text


def test_from_the_person_page_to_the_assignments_page(
    qtbot: QtBot, main_window: MainWindow, db: Database
) -> None:
    demo_village(db)
    gap = assignments.coverage_gaps(db, date.today())[0]
    page = main_window.navigate("roster", ("case", gap.case_id))
    assert isinstance(page, RosterPage)
    qtbot.mouseClick(page.person_view.assign_button, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "assignments"


def test_a_person_admitted_at_the_gate_shows_the_pass_they_came_through(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    from app.services import checkpoints

    gate = checkpoints.save_checkpoint(db, "村东口卡点")
    vehicle = checkpoints.record_pass(
        db,
        checkpoints.PassInput(
            checkpoint_id=gate.id, plate="浙C12345", driver_name="李四", origin="上海市浦东新区"
        ),
    )
    case = checkpoints.admit_from_pass(
        db,
        vehicle.id,
        None,
        roster.PersonInput(name="李四", id_number="11010519491231002X"),
        roster.CaseInput(category_id=3, measure_id=1, start_date=date.today()),
        {},
    )
    view = PersonView(ctx)
    qtbot.addWidget(view)
    view.show_person(case.person_id)

    assert "来自卡点：村东口卡点 浙C12345" in view.team.text()
