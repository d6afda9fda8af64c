"""The printed papers in the app: the roster's 打印 menu opens a print preview (with 另存为 PDF),
and the 打印文书 tab of Settings edits their wording, refusing what cannot be filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import clock
from app.db import Database
from app.services import notice_templates, roster
from app.services.notice_templates import NoticeKind
from app.services.roster import CaseInput, PersonInput
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.roster import RosterPage
from app.ui.pages.settings import SettingsPage
from app.ui.printing.preview import NoticePreview
from app.ui.roster.table_model import NAME
from app.ui.settings.notice_templates_form import NoticeTemplatesForm
from tests.helpers.pdf import pdf_text
from tests.services.notice_household import HOME, Household, build_household, release
from tests.ui.conftest import RecordedMessages
from tests.ui.roster_helpers import column_texts


@pytest.fixture
def house(db: Database) -> Household:
    return build_household(db)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, house: Household) -> RosterPage:
    roster_page = RosterPage(ctx)
    qtbot.addWidget(roster_page)
    roster_page.resize(1200, 700)
    roster_page.show()
    roster_page.status.setCurrentIndex(roster_page.status.findData("all"))
    roster_page.refresh()
    return roster_page


def select(page: RosterPage, name: str) -> None:
    page.table.selectRow(column_texts(page.proxy, NAME).index(name))


def open_previews() -> list[NoticePreview]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, NoticePreview) and w.isVisible()
    ]


def close_previews() -> None:
    for preview in open_previews():
        preview.close()


def test_release_notice_is_offered_for_a_released_case_and_saved_as_pdf(
    qtbot: QtBot, page: RosterPage, db: Database, house: Household, tmp_path: Path
) -> None:
    select(page, "张三")
    assert not page.notice_actions[NoticeKind.RELEASE].isEnabled()  # still under observation
    assert page.notice_actions[NoticeKind.ADMISSION].isEnabled()
    release(db, house.zhang, clock.today())
    page.refresh()
    select(page, "张三")
    assert page.notice_actions[NoticeKind.RELEASE].isEnabled()
    page.notice_actions[NoticeKind.RELEASE].trigger()
    [preview] = open_previews()
    try:
        assert [item.title for item in preview.items] == ["解除隔离通知书"]
        assert preview.windowTitle() == "打印预览 — 解除隔离通知书 张三"
        # The toolbar and the page stay on a 1366×768 laptop screen: the dialog fits the screen.
        room = preview.screen().availableGeometry()
        assert preview.height() <= room.height() and preview.width() <= room.width()
        saved = preview.save_pdf(tmp_path / "解除")
        assert saved == tmp_path / "解除.pdf"
        assert "张三" in pdf_text(saved)
    finally:
        close_previews()


def test_the_person_page_prints_the_case_it_shows(
    qtbot: QtBot, page: RosterPage, house: Household
) -> None:
    select(page, "李四")
    page.show_selected_person()
    person = page.person_view
    assert person.print_button.isEnabled()
    assert not person.notice_actions[NoticeKind.RELEASE].isEnabled()  # still under observation
    person.notice_actions[NoticeKind.ADMISSION].trigger()
    [preview] = open_previews()
    try:
        assert [(i.title, i.person_name) for i in preview.items] == [
            ("居家隔离医学观察告知书", "李四")
        ]
    finally:
        close_previews()


def test_a_transferred_case_gets_no_release_notice_but_a_reason(
    page: RosterPage, db: Database, house: Household, messages: RecordedMessages
) -> None:
    release(db, house.li, clock.today(), reason="转集中隔离")
    page.refresh()
    select(page, "李四")
    page.notice_actions[NoticeKind.RELEASE].trigger()
    assert open_previews() == []
    assert messages.of_kind("error") == [
        "「李四」的观察以「转集中隔离」结束，不是解除隔离，不能打印解除隔离通知书。"
    ]


def test_todays_door_signs_one_page_per_household(
    page: RosterPage, db: Database, messages: RecordedMessages
) -> None:
    page.print_door_signs_action.trigger()  # the household started three days ago
    assert open_previews() == []
    assert messages.of_kind("info") == [
        f"{clock.today():%Y-%m-%d} 没有开始居家隔离的人员，没有门贴可打印。"
    ]
    for name, group in (("赵六", "三组"), ("钱七", "一组")):
        roster.register_case(
            db,
            PersonInput(name=name, group_name=group),
            CaseInput(category_id=1, measure_id=HOME, start_date=clock.today()),
        )
    page.print_door_signs_action.trigger()
    [preview] = open_previews()
    try:
        assert [item.person_name for item in preview.items] == ["钱七", "赵六"]  # 一组 first
        assert preview.windowTitle() == f"打印预览 — 门贴 {clock.today():%Y-%m-%d}"
    finally:
        close_previews()


# --- Settings → 打印文书 ----------------------------------------------------------------------


@pytest.fixture
def form(main_window: MainWindow) -> NoticeTemplatesForm:
    page = main_window.navigate("settings", "notices")
    assert isinstance(page, SettingsPage)
    return page.notice_templates


def test_an_unknown_placeholder_is_refused_and_the_typing_kept(
    form: NoticeTemplatesForm, db: Database
) -> None:
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.DOOR))
    assert form.title.text() == "居家隔离 请勿打扰"
    typed = "居家隔离人员：{姓名}\n隔离期限：{开始时间} 至 {结束日期}"
    form.body.setPlainText(typed)
    assert not form.save()
    assert form.problem.text().startswith("门贴：正文第 2 行：不认识的占位符 {开始时间}。")
    assert form.body.toPlainText() == typed
    assert notice_templates.template(db, NoticeKind.DOOR) == NoticeKind.DOOR.spec.default


def test_a_saved_wording_is_what_prints_and_drafts_survive_switching(
    form: NoticeTemplatesForm, db: Database
) -> None:
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.RELEASE))
    form.title.setText("解除居家隔离通知")
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.ADMISSION))  # away and back
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.RELEASE))
    assert form.title.text() == "解除居家隔离通知"
    assert form.save()
    assert form.status.text() == "已保存。"
    stored = notice_templates.template(db, NoticeKind.RELEASE)
    assert stored.startswith("解除居家隔离通知\n{姓名}（证件号码：{证件号码}）：")
    form.use_default()
    assert form.title.text() == "解除隔离通知书"
    assert notice_templates.template(db, NoticeKind.RELEASE) == stored  # until saved


def test_preview_of_the_wording_as_typed(form: NoticeTemplatesForm) -> None:
    form.title.setText("居家观察告知书（试行）")
    form.preview()
    try:
        preview = form.preview_dialog
        assert isinstance(preview, NoticePreview) and preview.isVisible()
        assert preview.items[0].title == "居家观察告知书（试行）"
        assert preview.items[0].person_name == "张三"  # the invented person
    finally:
        close_previews()
