"""包保分配 page: coverage badge, single and bulk assignment, keyboard, navigation from Today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import assignments, roster
from app.services.assignments import StaffInput
from app.services.roster import CaseInput, PersonInput
from app.ui.assignments.case_model import COMPLETE_COLOR, MISSING_COLOR, CaseCoverageModel
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.assignments import AssignmentsPage
from app.ui.widgets.roles import ObjectRole
from tests.ui.conftest import RecordedMessages

MEDICAL, VILLAGE, TOWNSHIP = 1, 2, 3  # seeded 包保 roles (三包一)
HOME_QUARANTINE, ONLY_REGISTERED = 1, 4  # seeded measures: 居家隔离医学观察 requires 三包一


def register(
    db: Database, name: str, group: str = "一组", measure_id: int = HOME_QUARANTINE
) -> int:
    row = roster.register_case(
        db,
        PersonInput(name=name, group_name=group),
        CaseInput(
            category_id=1, measure_id=measure_id, start_date=date.today() - timedelta(days=1)
        ),
    )
    return row.id


def add_staff(db: Database, name: str, role_id: int, phone: str = "13800000000") -> int:
    return assignments.add_staff(db, StaffInput(name=name, role_id=role_id, phone=phone)).id


@pytest.fixture
def page(main_window: MainWindow) -> AssignmentsPage:
    shown = main_window.navigate("assignments")
    assert isinstance(shown, AssignmentsPage)
    return shown


def open_page(main_window: MainWindow) -> AssignmentsPage:
    shown = main_window.navigate("assignments")
    assert isinstance(shown, AssignmentsPage)
    return shown


def cell(page: AssignmentsPage, case_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = page.case_model
    row = model.row_of(case_id)
    assert row is not None, f"case {case_id} is not shown"
    proxy_index = page.case_proxy.mapFromSource(model.index(row, column))
    return proxy_index.data(role)


def badge(page: AssignmentsPage, case_id: int) -> str:
    return cell(page, case_id, page.case_model.coverage_column())


def role_cell(
    page: AssignmentsPage, case_id: int, role_id: int, role: int = Qt.ItemDataRole.DisplayRole
):  # type: ignore[no-untyped-def]
    column = page.case_model.column_of_role(role_id)
    assert column is not None, f"no column for role {role_id}"
    return cell(page, case_id, column, role)


def headers(page: AssignmentsPage) -> list[str]:
    proxy = page.case_proxy
    return [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]


@pytest.mark.usefixtures("synchronous_worker")
def test_assigning_the_three_roles_turns_the_badge_from_missing_to_complete(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    case_id = register(ctx.db, "张三")
    doctor = add_staff(ctx.db, "李医生", MEDICAL, "13900001111")
    cadre = add_staff(ctx.db, "王村干", VILLAGE)
    township = add_staff(ctx.db, "赵镇干", TOWNSHIP)
    page = open_page(main_window)

    assert headers(page) == [
        "姓名",
        "村民小组",
        "管控措施",
        "计划解除",
        "医护人员",
        "村干部",
        "乡镇干部",
        "包保情况",
    ]
    assert badge(page, case_id) == "缺 医护人员、村干部、乡镇干部"
    assert (
        QColor(
            cell(page, case_id, page.case_model.coverage_column(), Qt.ItemDataRole.ForegroundRole)
        )
        == MISSING_COLOR
    )
    assert "包保未落实 1 人" in page.summary.text()

    # 1. the staff row picks the person in the combo; the button assigns the selected case
    page.select_cases([case_id])
    page.select_staff(doctor)
    assert page.assign_combo.currentData() == doctor
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert role_cell(page, case_id, MEDICAL) == "李医生"
    assert "13900001111" in role_cell(page, case_id, MEDICAL, Qt.ItemDataRole.ToolTipRole)
    assert badge(page, case_id) == "缺 村干部、乡镇干部"

    # 2. Enter on a staff row assigns the selected case to that person
    page.select_staff(cadre)
    page.staff_table.setFocus()
    qtbot.keyClick(page.staff_table, Qt.Key.Key_Return)
    assert role_cell(page, case_id, VILLAGE) == "王村干"
    assert badge(page, case_id) == "缺 乡镇干部"

    # 3. the combo alone
    page.assign_combo.setCurrentIndex(page.assign_combo.findData(township))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert badge(page, case_id) == "齐全"
    assert (
        QColor(
            cell(page, case_id, page.case_model.coverage_column(), Qt.ItemDataRole.ForegroundRole)
        )
        == COMPLETE_COLOR
    )
    assert "包保未落实 0 人" in page.summary.text()
    assert [m.name for m in assignments.teams(ctx.db, [case_id])[case_id]] == [
        "李医生",
        "王村干",
        "赵镇干",
    ]
    assert assignments.coverage_gaps(ctx.db) == []


@pytest.mark.usefixtures("synchronous_worker")
def test_bulk_assign_five_cases_selected_with_shift_click(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    ids = [register(ctx.db, name) for name in ("甲一", "乙二", "丙三", "丁四", "戊五", "己六")]
    doctor = add_staff(ctx.db, "李医生", MEDICAL)
    page = open_page(main_window)
    changes: list[None] = []
    ctx.events.assignments_changed.connect(lambda: changes.append(None))

    table = page.case_table
    first = table.visualRect(page.case_proxy.index(0, 0)).center()
    fifth = table.visualRect(page.case_proxy.index(4, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, fifth
    )
    selected = page.selected_case_ids()
    assert len(selected) == 5
    assert page.selection_label.text() == "已选 5 人"

    page.assign_combo.setCurrentIndex(page.assign_combo.findData(doctor))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)

    left_out = next(i for i in ids if i not in selected)
    for case_id in selected:
        assert role_cell(page, case_id, MEDICAL) == "李医生"
        assert badge(page, case_id) == "缺 村干部、乡镇干部"
    assert role_cell(page, left_out, MEDICAL) == ""
    assert badge(page, left_out) == "缺 医护人员、村干部、乡镇干部"
    assert changes, "assignments_changed was not emitted"
    load = page.staff_proxy.index(0, 5).data()
    assert load == "5"
    assert "已将所选 5 人的医护人员安排为「李医生」" in page.hint.text()
    assert page.selected_case_ids() == selected  # the selection survives the refresh


@pytest.mark.usefixtures("synchronous_worker")
def test_ctrl_a_selects_every_visible_case(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    for name in ("甲一", "乙二", "丙三"):
        register(ctx.db, name)
    page = open_page(main_window)
    main_window.activateWindow()
    page.group_filter.setFocus()
    qtbot.keyClick(page.group_filter, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_case_ids()) == 3
    assert page.selection_label.text() == "已选 3 人"
    assert page.case_table.hasFocus()


@pytest.mark.usefixtures("synchronous_worker")
def test_replacing_someone_asks_first_and_a_no_changes_nothing(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow, messages: RecordedMessages
) -> None:
    case_id = register(ctx.db, "张三")
    first = add_staff(ctx.db, "李医生", MEDICAL)
    second = add_staff(ctx.db, "周医生", MEDICAL)
    assignments.assign(ctx.db, [case_id], first)
    page = open_page(main_window)
    page.select_cases([case_id])
    page.assign_combo.setCurrentIndex(page.assign_combo.findData(second))

    messages.confirm_answer = False
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert messages.of_kind("confirm") == [
        "所选 1 人中有 1 人已有医护人员，确定都改为「周医生」吗？"
    ]
    assert role_cell(page, case_id, MEDICAL) == "李医生"

    messages.confirm_answer = True
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert role_cell(page, case_id, MEDICAL) == "周医生"


def test_assign_without_a_selection_says_what_to_do(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    register(ctx.db, "张三")
    doctor = add_staff(ctx.db, "李医生", MEDICAL)
    page = open_page(main_window)
    page.assign_combo.setCurrentIndex(page.assign_combo.findData(doctor))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert "请先在右侧表格中选择人员" in page.hint.text()
    assert assignments.staff_list(ctx.db)[0].load == 0


def test_measures_without_required_roles_need_no_team(
    ctx: UiContext, main_window: MainWindow
) -> None:
    case_id = register(ctx.db, "登记人", measure_id=ONLY_REGISTERED)
    page = open_page(main_window)
    assert badge(page, case_id) == "无需包保"
    assert role_cell(page, case_id, MEDICAL) == "—"


def test_group_filter_and_gaps_only(ctx: UiContext, main_window: MainWindow) -> None:
    covered = register(ctx.db, "齐全者", group="一组")
    missing = register(ctx.db, "缺人者", group="二组")
    for role, name in ((MEDICAL, "李医生"), (VILLAGE, "王村干"), (TOWNSHIP, "赵镇干")):
        assignments.assign(ctx.db, [covered], add_staff(ctx.db, name, role))
    page = open_page(main_window)
    assert page.case_model.case_ids == [covered, missing]

    page.gaps_only.setChecked(True)
    assert page.case_model.case_ids == [missing]
    page.gaps_only.setChecked(False)

    page.group_filter.setCurrentIndex(page.group_filter.findText("一组"))
    assert page.case_model.case_ids == [covered]
    assert page.summary.text() == "在管 1 人，包保未落实 0 人"
    assert page.case_stack.currentWidget() is page.case_table

    page.gaps_only.setChecked(True)  # nothing missing in 一组: said, not an empty table
    assert page.case_model.case_ids == []
    assert page.case_stack.currentWidget() is page.no_gaps
    assert page.no_gaps.text() == "一组在管的 1 人包保责任人都已落实 ✓"


def test_open_item_from_today(ctx: UiContext, main_window: MainWindow) -> None:
    covered = register(ctx.db, "齐全者", group="一组")
    missing = register(ctx.db, "缺人者", group="二组")
    for role, name in ((MEDICAL, "李医生"), (VILLAGE, "王村干"), (TOWNSHIP, "赵镇干")):
        assignments.assign(ctx.db, [covered], add_staff(ctx.db, name, role))

    page = main_window.navigate("assignments", ("gaps",))
    assert isinstance(page, AssignmentsPage)
    assert page.gaps_only.isChecked()
    assert page.case_model.case_ids == [missing]

    # a case hidden by the filter is still found: the filters are cleared
    main_window.navigate("assignments", ("case", covered))
    assert not page.gaps_only.isChecked()
    assert page.selected_case_ids() == [covered]


def test_a_case_registered_elsewhere_appears_on_roster_changed(
    qtbot: QtBot, ctx: UiContext, main_window: MainWindow
) -> None:
    page = open_page(main_window)
    assert page.case_model.rowCount() == 0
    case_id = register(ctx.db, "新来的")
    ctx.events.roster_changed.emit()
    qtbot.waitUntil(lambda: page.case_model.case_ids == [case_id])
    assert badge(page, case_id).startswith("缺 ")


def test_case_model_passes_qtmodeltester(qtmodeltester, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from app.services.reference import NamedItem
    from app.ui.assignments.case_model import load_coverage_rows

    ids = [register(ctx.db, f"人员{n}", group=f"{n % 3 + 1}组") for n in range(7)]
    ids.append(register(ctx.db, "登记人", measure_id=ONLY_REGISTERED))
    assignments.assign(ctx.db, ids[:3], add_staff(ctx.db, "李医生", MEDICAL))
    fetched: list[list[int]] = []

    def fetch(case_ids: list[int]):  # type: ignore[no-untyped-def]
        fetched.append(case_ids)
        return load_coverage_rows(ctx.db, case_ids)

    model = CaseCoverageModel(fetch)
    model.CHUNK = 3
    roles = [
        NamedItem(MEDICAL, "医护人员"),
        NamedItem(VILLAGE, "村干部"),
        NamedItem(TOWNSHIP, "乡镇干部"),
    ]
    model.reload(ids, roles)
    assert fetched == []  # nothing is read before a row is shown
    assert model.index(4, 0).data() == "人员4"
    assert fetched == [ids[3:6]]  # one chunk, not the whole list
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(ObjectRole) == ids[0]
    assert model.index(7, model.coverage_column()).data() == "无需包保"
    assert not model.index(0, 0).parent().isValid()
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_staff_model_passes_qtmodeltester(qtmodeltester, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from app.ui.assignments.staff_model import StaffTableModel

    add_staff(ctx.db, "李医生", MEDICAL)
    retired = add_staff(ctx.db, "周医生", MEDICAL)
    assignments.retire_staff(ctx.db, retired)
    model = StaffTableModel()
    model.set_staff(assignments.staff_list(ctx.db, include_retired=True), [1, 2, 3])
    qtmodeltester.check(model, force_py=True)
    shown = {
        model.index(r, StaffTableModel.NAME).data(): model.index(r, StaffTableModel.ACTIVE).data()
        for r in range(model.rowCount())
    }
    assert shown == {"李医生": "在岗", "周医生": "离岗"}
