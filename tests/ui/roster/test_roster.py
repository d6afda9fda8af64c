"""人员台账 page: search, filters, ending a case, delete and undo, opening the person page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import roster
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.roster import RosterPage
from app.ui.roster.end_case_dialog import EndCaseDialog
from app.ui.roster.person_dialog import PersonDialog
from app.ui.roster.table_model import AGE, NAME, STATUS
from tests.ui.conftest import RecordedMessages
from tests.ui.roster_helpers import column_texts, demo_village, double_click, valid_id, zhang_san


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, db: Database) -> RosterPage:
    demo_village(db)
    roster_page = RosterPage(ctx)
    qtbot.addWidget(roster_page)
    roster_page.resize(1200, 700)
    roster_page.show()
    roster_page.refresh()
    return roster_page


def shown_names(page: RosterPage) -> list[str]:
    return column_texts(page.proxy, NAME)


def select(page: RosterPage, name: str) -> None:
    row = shown_names(page).index(name)
    page.table.selectRow(row)


def test_typing_pinyin_initials_finds_zhang_san(qtbot: QtBot, page: RosterPage) -> None:
    assert len(shown_names(page)) > 5
    page.search.setFocus()
    qtbot.keyClicks(page.search, "zs")
    qtbot.waitUntil(lambda: "张三" in shown_names(page) and len(shown_names(page)) < 5)
    assert page.count_label.text() == f"共 {len(shown_names(page))} 条"


def test_search_by_id_number_and_phone(qtbot: QtBot, page: RosterPage, db: Database) -> None:
    zhang = zhang_san(db)
    assert zhang.id_number and zhang.phone
    for text in (zhang.id_number[-8:], zhang.phone[-6:]):
        page.search.setText(text)
        qtbot.waitUntil(lambda: "张三" in shown_names(page))


def test_enter_in_search_opens_the_single_match(
    qtbot: QtBot, page: RosterPage, db: Database
) -> None:
    zhang = zhang_san(db)
    page.search.setFocus()
    qtbot.keyClicks(page.search, zhang.id_number[-8:])  # type: ignore[index]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.person_view  # straight to 张三's page
    assert page.person_view.current_case().id == zhang.id  # type: ignore[union-attr]

    page.show_list()
    page.search.clear()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "13")  # in many phone numbers
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert len(shown_names(page)) > 1
    assert page.stack.currentWidget() is page.list_view  # several: the clerk picks one


def test_status_filter_changes_the_rows(page: RosterPage) -> None:
    active = shown_names(page)
    assert set(column_texts(page.proxy, STATUS)) == {"在管"}
    page.status.setCurrentIndex(page.status.findData("ended"))
    ended = column_texts(page.proxy, STATUS)
    assert ended and "在管" not in ended
    page.status.setCurrentIndex(page.status.findData("all"))
    assert len(shown_names(page)) == 60 == len(active) + len(ended)


def test_group_filter_shows_one_group(page: RosterPage) -> None:
    page.status.setCurrentIndex(page.status.findData("all"))
    page.group.setCurrentIndex(page.group.findData("二组"))
    assert shown_names(page)
    assert {page.model.case_row(r).group_name for r in range(page.model.rowCount())} == {"二组"}


def test_ending_a_case_takes_it_off_the_active_list(
    monkeypatch: pytest.MonkeyPatch, page: RosterPage, db: Database
) -> None:
    def end_with_defaults(dialog: EndCaseDialog) -> int:
        assert dialog.reason.currentText() == "期满解除"
        dialog.reason.setCurrentIndex(dialog.reason.findText("转集中隔离"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(EndCaseDialog, "exec", end_with_defaults)
    select(page, "张三")
    page.end_action.trigger()
    assert "张三" not in shown_names(page)
    ended = zhang_san(db)
    assert ended.ended_on == date.today() and ended.end_reason == "转集中隔离"
    page.status.setCurrentIndex(page.status.findData("ended"))
    assert "张三" in shown_names(page)


def test_end_date_in_the_future_or_before_start_is_refused(
    qtbot: QtBot, ctx: UiContext, page: RosterPage, db: Database
) -> None:
    dialog = EndCaseDialog(ctx, zhang_san(db).id, page)
    qtbot.addWidget(dialog)
    dialog.ended_on.setText("2099-01-01")
    assert not dialog.ok_button.isEnabled()
    assert "晚于今天" in dialog.date_error.text()
    dialog.ended_on.setText("2000-01-01")
    assert not dialog.ok_button.isEnabled()
    assert "早于开始日期" in dialog.date_error.text()
    dialog.ended_on.setText(date.today().isoformat())
    assert dialog.ok_button.isEnabled()


def test_delete_then_undo_restores(
    qtbot: QtBot, page: RosterPage, db: Database, messages: RecordedMessages
) -> None:
    select(page, "张三")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert messages.of_kind("confirm") == ["删除 张三（二组）的这条登记记录？删除后可以撤销。"]
    assert "张三" not in shown_names(page)
    assert zhang_san(db).deleted
    assert page.undo_bar.isVisible() and page.undo_label.text() == "已删除 张三"

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "张三" in shown_names(page)
    assert not zhang_san(db).deleted
    assert page.selected_row() is not None and page.selected_row().name == "张三"


def test_declining_the_confirmation_deletes_nothing(
    page: RosterPage, db: Database, messages: RecordedMessages
) -> None:
    messages.confirm_answer = False
    select(page, "张三")
    page.delete_action.trigger()
    assert "张三" in shown_names(page) and not zhang_san(db).deleted


def test_deleted_view_restores_with_the_undo_button(page: RosterPage, db: Database) -> None:
    select(page, "张三")
    page.delete_action.trigger()
    page.status.setCurrentIndex(page.status.findData("deleted"))
    assert shown_names(page) == ["张三"]
    assert column_texts(page.proxy, STATUS) == ["已删除"]
    page.undo_button.click()
    assert shown_names(page) == []
    assert not zhang_san(db).deleted


def test_new_registration_appears_selected(
    monkeypatch: pytest.MonkeyPatch, page: RosterPage, db: Database
) -> None:
    def fill_and_save(dialog: PersonDialog) -> int:
        dialog.name.setText("李新来")
        dialog.id_number.setText(valid_id())
        dialog.group.setEditText("三组")
        dialog.category.setCurrentIndex(0)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fill_and_save)
    page.new_action.trigger()
    assert page.selected_row() is not None and page.selected_row().name == "李新来"
    assert page.undo_label.text() == "已登记 李新来"


def test_double_click_opens_the_person_page_and_esc_returns(
    qtbot: QtBot, page: RosterPage, db: Database
) -> None:
    index = page.proxy.index(shown_names(page).index("张三"), NAME)
    double_click(qtbot, page.table, index)
    assert page.stack.currentWidget() is page.person_view
    assert page.person_view.heading.text().startswith("张三")
    qtbot.keyClick(page.person_view, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_view
    assert page.selected_row() is not None and page.selected_row().name == "张三"


def test_enter_on_a_row_opens_the_person_page(qtbot: QtBot, page: RosterPage) -> None:
    select(page, "张三")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.person_view


def test_navigate_to_a_person_from_elsewhere(main_window: MainWindow, db: Database) -> None:
    demo_village(db)
    person_id = zhang_san(db).person_id
    page = main_window.navigate("roster", ("person", person_id))
    assert isinstance(page, RosterPage)
    assert page.stack.currentWidget() is page.person_view
    assert page.person_view.person is not None and page.person_view.person.id == person_id


def test_a_refused_edit_keeps_the_form(
    monkeypatch: pytest.MonkeyPatch, page: RosterPage, db: Database, messages: RecordedMessages
) -> None:
    others = [r for r in roster.roster_rows(db, roster.roster_ids(db, roster.RosterFilter()))]
    other = next(r for r in others if r.name != "张三" and r.id_number)
    seen: list[str] = []

    def take_anothers_id(dialog: PersonDialog) -> int:
        dialog.id_number.setText(other.id_number or "")
        seen.append(dialog.id_hint.text())
        dialog.save()  # 保存 is disabled: nothing is sent, nothing lost
        seen.append(dialog.id_number.text())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(PersonDialog, "exec", take_anothers_id)
    select(page, "张三")
    page.edit_action.trigger()
    assert seen[0].startswith(f"此证件号码已属于另一人 {other.name}")
    assert seen[1] == other.id_number
    assert zhang_san(db).id_number != other.id_number


def test_f2_on_the_person_page_edits_that_case(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: RosterPage, db: Database
) -> None:
    opened: list[int | None] = []

    def record(dialog: PersonDialog) -> int:
        opened.append(dialog.case_id)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(PersonDialog, "exec", record)
    page.open_item(("person", zhang_san(db).person_id))
    qtbot.keyClick(page.person_view, Qt.Key.Key_F2)
    assert opened == [zhang_san(db).id]


def test_column_layout_and_order_are_remembered(qtbot: QtBot, ctx: UiContext, db: Database) -> None:
    demo_village(db)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    page = first.navigate("roster")
    assert isinstance(page, RosterPage)
    page.table.sortByColumn(AGE, Qt.SortOrder.DescendingOrder)
    page.table.setColumnWidth(NAME, 133)
    first.save_layout()

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    again = second.navigate("roster")
    assert isinstance(again, RosterPage)
    assert again.table.columnWidth(NAME) == 133
    assert again.model.sort_state() == (AGE, Qt.SortOrder.DescendingOrder)
    ages = [again.model.case_row(r).age for r in range(again.model.rowCount())]
    assert ages == sorted(ages, reverse=True)
