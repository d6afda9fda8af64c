"""今日: due readings, late rounds in red, anomalies, one-click 解除, 包保 gaps, start panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Slot
from app.services import assignments, release, report_log, reports, roster, rounds
from app.services.notice_templates import NoticeKind
from app.services.roster import RosterFilter
from app.ui.main_window import MainWindow
from app.ui.pages import today as today_module
from app.ui.pages.roster import RosterPage
from app.ui.pages.today import (
    DUE_NAME,
    DUE_SLOT,
    GAP_MISSING,
    GAP_NAME,
    RELEASE_ACTION,
    RELEASE_NAME,
    TodayPage,
)
from app.ui.printing.preview import NoticePreview
from app.ui.reports import files as report_files
from app.ui.roster.end_case_dialog import EndCaseDialog
from app.ui.roster.table_model import PLANNED_END
from tests.ui.conftest import RecordedMessages
from tests.ui.roster_helpers import column_texts, demo_village, double_click, row_of_text, zhang_san

pytestmark = pytest.mark.usefixtures("synchronous_worker")


def at(hour: int, minute: int = 0) -> Callable[[], datetime]:
    return lambda: datetime.combine(date.today(), time(hour, minute))


@pytest.fixture
def today_page(main_window: MainWindow) -> TodayPage:
    page = main_window.navigate("today")
    assert isinstance(page, TodayPage)
    return page


def show_at(page: TodayPage, hour: int, minute: int = 0) -> None:
    page.clock = at(hour, minute)
    page.refresh()


def test_due_readings_of_this_half_day_with_their_team(today_page: TodayPage, db: Database) -> None:
    demo_village(db, hour=8)  # nobody measured yet this morning
    show_at(today_page, 10)
    due = rounds.due_list(db, date.today(), Slot.AM)
    assert column_texts(today_page.due_model, DUE_NAME) == [item.name for item in due]
    assert set(column_texts(today_page.due_model, DUE_SLOT)) == {"上午"}
    zhang = row_of_text(today_page.due_model, DUE_NAME, "张三")
    team = today_page.due_model.index(zhang.row(), today_page.due_model.columnCount() - 1).data()
    assert team.startswith("医护人员 ") and "乡镇干部" in team
    assert today_page.tiles["due"].text() == f"上午体温\n已测 0 / {len(due)}"
    assert not today_page.due_section.note.isVisible()


def test_a_reading_taken_leaves_the_list(today_page: TodayPage, db: Database) -> None:
    demo_village(db, hour=8)
    show_at(today_page, 10)
    zhang = zhang_san(db)
    rounds.record_reading(db, zhang.id, date.today(), Slot.AM, "36.5")
    today_page.ctx.events.readings_changed.emit()
    today_page.refresh()
    assert "张三" not in column_texts(today_page.due_model, DUE_NAME)


def test_after_noon_the_morning_missing_are_flagged_red(
    today_page: TodayPage, db: Database
) -> None:
    demo_village(db, hour=8)
    missing_am = len(rounds.due_list(db, date.today(), Slot.AM))
    show_at(today_page, 13)
    note = today_page.due_section.note
    assert note.isVisible()
    assert note.text() == f"上午体温 12:00 已截止，还有 {missing_am} 人未测！"
    assert "#c62828" in note.styleSheet()
    slots = column_texts(today_page.due_model, DUE_SLOT)
    assert slots[:missing_am] == ["上午 漏测"] * missing_am  # the late round first
    assert set(slots[missing_am:]) == {"下午"}
    red = today_page.due_model.index(0, DUE_SLOT).data(Qt.ItemDataRole.ForegroundRole)
    assert red.name() == "#c62828"
    assert "漏测" in today_page.tiles["due"].text()


def test_the_round_flips_at_the_deadline_on_the_minute_timer(
    today_page: TodayPage, db: Database
) -> None:
    demo_village(db, hour=8)
    show_at(today_page, 11, 59)
    assert "上午体温 12:00 截止" in today_page.when.text()
    today_page.clock = at(12, 1)
    today_page.timer.timeout.emit()
    assert "下午体温 20:00 截止" in today_page.when.text()


def test_coverage_gaps_are_listed_and_open_the_assignments_page(
    qtbot: QtBot, today_page: TodayPage, main_window: MainWindow, db: Database
) -> None:
    demo_village(db)
    show_at(today_page, 21)
    gaps = assignments.coverage_gaps(db, date.today())
    assert gaps
    assert sorted(column_texts(today_page.gap_model, GAP_NAME)) == sorted(g.name for g in gaps)
    first = today_page.gap_model.index(0, GAP_MISSING).data()
    assert first.startswith("缺 ")
    index = today_page.gap_table.model().index(0, GAP_NAME)
    double_click(qtbot, today_page.gap_table, index)
    assert main_window.current_key() == "assignments"


def test_a_due_reading_opens_the_rounds_page(
    qtbot: QtBot, today_page: TodayPage, main_window: MainWindow, db: Database
) -> None:
    demo_village(db, hour=8)
    show_at(today_page, 10)
    index = today_page.due_table.model().index(0, DUE_NAME)
    double_click(qtbot, today_page.due_table, index)
    assert main_window.current_key() == "rounds"


def test_open_anomalies_show_what_was_done(today_page: TodayPage, db: Database) -> None:
    demo_village(db, hour=8)
    zhang = zhang_san(db)
    result = rounds.record_reading(db, zhang.id, date.today(), Slot.AM, "38.4")
    assert result.anomaly_id is not None
    show_at(today_page, 10)
    model = today_page.anomaly_model
    row = row_of_text(model, 0, "张三").row()
    assert model.index(row, 4).data() == "未处置"
    rounds.record_action(db, result.anomaly_id, "报告镇卫生院", "王医生")
    today_page.refresh()
    row = row_of_text(model, 0, "张三").row()
    assert model.index(row, 4).data() == "报告镇卫生院（王医生）"


def test_release_in_one_click_with_the_reason_chosen(
    monkeypatch: pytest.MonkeyPatch,
    today_page: TodayPage,
    db: Database,
    messages: RecordedMessages,
) -> None:
    demo_village(db)
    show_at(today_page, 21)
    due = roster.due_for_release(db, date.today())
    assert due, "the demo village has periods ending on or before today"
    chosen: list[str] = []

    def confirm(dialog: EndCaseDialog) -> int:
        chosen.append(dialog.reason.currentText())
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(EndCaseDialog, "exec", confirm)
    # The 解除 button is there for a case the release rules let go (核酸 negative, last readings
    # normal); the others say what is missing (tests/ui/pages/test_nucleic_page.py).
    ready = {c.case_id for c in release.release_checks(db, date.today()) if c.ready}
    target = next(case for case in due if case.id in ready)
    proxy = today_page.release_table.model()
    row = column_texts(proxy, RELEASE_NAME).index(target.name)
    button = today_page.release_table.indexWidget(proxy.index(row, RELEASE_ACTION))
    assert button is not None and button.text() == "解除"
    button.click()
    assert chosen == ["期满解除"]
    ended = roster.case_row(db, target.id)
    assert ended.end_reason == "期满解除" and ended.ended_on == target.planned_end
    assert target.name not in column_texts(today_page.release_model, RELEASE_NAME)
    # The household's 解除隔离通知书 is offered at once, and opens in print preview.
    assert messages.of_kind("confirm") == ["已解除隔离。现在打印解除隔离通知书吗？"]
    (preview,) = today_page.findChildren(NoticePreview)
    (notice,) = preview.items
    assert notice.kind is NoticeKind.RELEASE and notice.person_name == target.name
    preview.close()


def test_release_without_the_notice_when_the_clerk_says_no(
    monkeypatch: pytest.MonkeyPatch,
    today_page: TodayPage,
    db: Database,
    messages: RecordedMessages,
) -> None:
    demo_village(db)
    messages.confirm_answer = False

    def confirm(dialog: EndCaseDialog) -> int:
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(EndCaseDialog, "exec", confirm)
    ready = [c.case_id for c in release.release_checks(db, date.today()) if c.ready]
    today_page.release(ready[0])
    assert roster.case_row(db, ready[0]).end_reason == "期满解除"
    assert messages.of_kind("confirm") == ["已解除隔离。现在打印解除隔离通知书吗？"]
    assert today_page.findChildren(NoticePreview) == []


def test_a_long_list_shows_its_first_rows_and_links_to_the_rest_on_the_roster(
    monkeypatch: pytest.MonkeyPatch, today_page: TodayPage, main_window: MainWindow, db: Database
) -> None:
    demo_village(db)
    due = roster.due_for_release(db, date.today())
    assert len(due) >= 2, "the demo village has several periods ending on or before today"
    monkeypatch.setattr(today_module, "LIST_SHOWN", 1)
    show_at(today_page, 21)
    assert today_page.release_model.rowCount() == 1
    assert today_page.release_section.title() == f"期满待解除（{len(due)}）"
    more = today_page.release_section.more
    assert more.isVisible()
    assert f"只列出前 1 人，还有 {len(due) - 1} 人" in more.text()
    assert "在人员台账中查看" in more.text()
    assert (
        today_page.release_table.indexWidget(
            today_page.release_proxy.index(0, RELEASE_ACTION)
        ).text()
        == "解除"
    )
    # Columns are sized to the first rows (and the header), not to every row of a long list.
    header = today_page.release_table.horizontalHeader()
    assert header.resizeContentsPrecision() == today_module.SIZED_ROWS
    more.linkActivated.emit("roster")
    page = main_window.current_page()
    assert isinstance(page, RosterPage)
    assert page.stack.currentWidget() is page.list_view
    assert page.status.currentData() == "active"
    assert page.model.sort_state() == (PLANNED_END, Qt.SortOrder.AscendingOrder)
    first = page.model.case_row(0)
    assert first.planned_end == min(c.planned_end for c in due if c.planned_end is not None)


def test_a_short_list_has_no_link_to_the_rest(today_page: TodayPage, db: Database) -> None:
    demo_village(db)
    show_at(today_page, 21)
    assert today_page.release_model.rowCount() == len(roster.due_for_release(db, date.today()))
    assert not today_page.release_section.more.isVisible()


def test_empty_ledger_start_panel_loads_the_demo_village(
    qtbot: QtBot, today_page: TodayPage, db: Database, messages: RecordedMessages
) -> None:
    assert today_page.body.currentWidget() is today_page.start_panel
    assert not today_page.tiles_row.isVisible()
    qtbot.mouseClick(today_page.demo_button, Qt.MouseButton.LeftButton)
    assert len(messages.of_kind("confirm")) == 1
    assert roster.roster_ids(db, RosterFilter(status="all"))
    assert today_page.body.currentWidget() is today_page.lists
    assert today_page.tiles_row.isVisible()


def test_add_first_person_opens_the_registration_on_the_roster(
    monkeypatch: pytest.MonkeyPatch, today_page: TodayPage, main_window: MainWindow
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(RosterPage, "new_case", lambda self: opened.append("new"))
    today_page.add_first_button.click()
    assert main_window.current_key() == "roster" and opened == ["new"]


def test_a_person_who_needs_release_opens_on_the_roster(
    qtbot: QtBot, today_page: TodayPage, main_window: MainWindow, db: Database
) -> None:
    demo_village(db)
    show_at(today_page, 21)
    index = today_page.release_table.model().index(0, RELEASE_NAME)
    name = index.data()
    double_click(qtbot, today_page.release_table, index)
    page = main_window.current_page()
    assert isinstance(page, RosterPage)
    assert page.stack.currentWidget() is page.person_view
    assert page.person_view.heading.text().startswith(name)


def test_todays_report_is_one_click_away_and_says_who_exported_it(
    today_page: TodayPage, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    demo_village(db, hour=8)
    show_at(today_page, 10)
    status = today_page.report_status
    assert status.text() == "今日日报：每日 15:00 前报送 · 尚未导出"
    show_at(today_page, 15, 30)
    assert "已过截止时间，尚未导出" in status.text()

    asked: list[tuple[str, Path]] = []

    def dialog(_parent: object, title: str, suggested: Path) -> Path:
        asked.append((title, suggested))
        return tmp_path / suggested.name

    monkeypatch.setattr(report_files, "ask_save_path", dialog)
    today_page.export_report_button.click()
    ((title, suggested),) = asked  # one click: straight to the save dialog
    form = reports.daily_form(db, date.today())
    assert title == ("保存零报告" if form == reports.FORM_ZERO else "保存日报表")
    assert suggested.name == reports.suggested_name("演示村", form, date.today())
    assert (tmp_path / suggested.name).is_file()
    exported = report_log.last_daily_export(db, date.today())
    assert exported is not None
    assert status.text() == (
        f"今日日报：每日 15:00 前报送 · 已于 {exported.at:%H:%M} 由 {db.operator} 导出"
    )


def test_the_anomaly_list_fits_a_1366_screen_without_sideways_scrolling(
    today_page: TodayPage, db: Database, main_window: MainWindow, qtbot: QtBot
) -> None:
    demo_village(db, hour=8)
    zhang = zhang_san(db)
    saved = rounds.record_reading(db, zhang.id, date.today(), Slot.AM, "38.4", symptoms=["干咳"])
    assert saved.anomaly_id is not None
    rounds.record_action(
        db, saved.anomaly_id, "报告卫生院、送发热门诊；卫生院派车接走，复测 38.6 ℃", "测试员"
    )
    main_window.resize(1366, 768)
    show_at(today_page, 10)
    table = today_page.anomaly_table
    qtbot.waitUntil(
        lambda: (
            table.horizontalHeader().length() <= table.viewport().width()
            and not table.horizontalScrollBar().isVisible()
        )
    )
