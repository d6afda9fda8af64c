"""The shell: navigation by click and Ctrl+N, lazy pages, remembered layout, status bar, menus.

Shell tests run on stand-in pages (``shell_window``) so they test the shell, not the pages being
written; ``test_real_pages_all_open`` is the one that opens every real page.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from app.models import UnitProfile
from app.ui import settings_store
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES, PageSpec
from app.ui.pages.base import BasePage
from tests.ui.conftest import stand_in_pages

CHINESE_TITLES = [
    "今日", "人员台账", "体温登记", "核酸检测", "包保分配", "卡点登记", "报表导出", "设置",
    "操作留痕",
]  # fmt: skip


def heading_of(page: BasePage) -> str:
    heading = page.findChild(QLabel, "pageHeading")
    assert heading is not None
    return heading.text()


def test_window_opens_on_today_with_every_page_listed(shell_window: MainWindow) -> None:
    nav = shell_window.navigation
    assert [nav.item(row).text() for row in range(nav.count())] == CHINESE_TITLES
    assert shell_window.current_key() == "today"
    assert "今日" in shell_window.windowTitle()
    assert shell_window.minimumSize().width() == 1000
    assert shell_window.minimumSize().height() == 600


def test_pages_are_created_only_when_first_shown(shell_window: MainWindow) -> None:
    assert shell_window.page("today") is not None
    assert all(shell_window.page(spec.key) is None for spec in PAGES[1:])


def test_clicking_navigation_shows_each_page(qtbot: QtBot, shell_window: MainWindow) -> None:
    nav = shell_window.navigation
    for row, title in enumerate(CHINESE_TITLES):
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = shell_window.current_page()
        assert page is not None and page.isVisible()
        assert page.title == title
        assert heading_of(page) == title
        assert shell_window.windowTitle() == f"{title} — 防疫台账"  # Qt adds no second app name


def test_keyboard_arrows_move_through_pages(qtbot: QtBot, shell_window: MainWindow) -> None:
    shell_window.navigation.setFocus()
    qtbot.keyClick(shell_window.navigation, Qt.Key.Key_Down)
    assert shell_window.current_key() == "roster"


def test_ctrl_number_jumps_to_each_page(qtbot: QtBot, shell_window: MainWindow) -> None:
    shell_window.activateWindow()
    qtbot.waitActive(shell_window)
    for number, spec in reversed(list(enumerate(PAGES, start=1))):
        qtbot.keyClick(
            shell_window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert shell_window.current_key() == spec.key
        assert shell_window.navigation.currentRow() == number - 1
        assert heading_of(shell_window.current_page()) == CHINESE_TITLES[number - 1]


def test_geometry_and_last_page_are_restored(qtbot: QtBot, ctx: UiContext) -> None:
    first = MainWindow(ctx, pages=stand_in_pages())
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800×800: only sizes that fit it are restored unclamped.
    assert first.size().height() == 720
    first.resize(1000, 655)
    first.navigate("checkpoints")
    first.close()

    second = MainWindow(ctx, pages=stand_in_pages())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (1000, 655)
    assert second.current_key() == "checkpoints"


def test_status_bar_shows_unit_operator_and_data_dir(
    shell_window: MainWindow, ctx: UiContext
) -> None:
    assert shell_window.unit_label.text() == "填报单位：未填写"
    assert shell_window.operator_label.text() == "操作员：测试员"
    assert shell_window.location_label.text().startswith("数据目录：")
    assert shell_window.location_label.toolTip() == str(ctx.paths.data_dir)
    assert shell_window.account_unit_label.isHidden()  # a laptop's ledger is its own village's
    with ctx.db.session() as session:
        session.get(UnitProfile, 1).unit_name = "城关镇东关村"
    ctx.events.settings_changed.emit()
    assert shell_window.unit_label.text() == "填报单位：城关镇东关村"


class CountingPage(BasePage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.refreshes = 0
        self.opened: list[object] = []
        self.table = QTableView(self)
        self.table.setObjectName("people")
        model = QStandardItemModel(2, 3, self.table)
        self.table.setModel(model)

    @property
    def title(self) -> str:
        return "计数"

    def refresh(self) -> None:
        self.refreshes += 1

    def open_item(self, ref: object) -> None:
        self.opened.append(ref)


class PlainPage(BasePage):
    @property
    def title(self) -> str:
        return "普通"


TEST_PAGES = [
    PageSpec("plain", "普通", "today", PlainPage),
    PageSpec("counting", "计数", "roster", CountingPage),
]


@pytest.fixture
def test_window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    window = MainWindow(ctx, pages=TEST_PAGES)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_navigate_with_ref_opens_the_item(test_window: MainWindow) -> None:
    page = test_window.navigate("counting", ref=42)
    assert isinstance(page, CountingPage)
    assert page.opened == [42]
    assert test_window.current_key() == "counting"
    assert test_window.navigation.currentRow() == 1


def test_page_is_refreshed_each_time_it_is_shown(test_window: MainWindow) -> None:
    page = test_window.navigate("counting")
    assert isinstance(page, CountingPage)
    assert page.refreshes == 1
    test_window.navigate("plain")
    test_window.navigate("counting")
    assert page.refreshes == 2


def test_data_events_refresh_the_visible_page_once(
    qtbot: QtBot, test_window: MainWindow, ctx: UiContext
) -> None:
    page = test_window.navigate("counting")
    assert isinstance(page, CountingPage)
    before = page.refreshes
    ctx.events.roster_changed.emit()
    ctx.events.readings_changed.emit()
    ctx.events.assignments_changed.emit()
    qtbot.waitUntil(lambda: page.refreshes == before + 1)
    qtbot.wait(0)  # let any second (wrong) refresh through before checking there was none
    assert page.refreshes == before + 1


def test_table_header_state_is_remembered(qtbot: QtBot, ctx: UiContext) -> None:
    first = MainWindow(ctx, pages=TEST_PAGES)
    qtbot.addWidget(first)
    page = first.navigate("counting")
    assert isinstance(page, CountingPage)
    page.table.horizontalHeader().resizeSection(1, 233)
    first.close()

    second = MainWindow(ctx, pages=TEST_PAGES)
    qtbot.addWidget(second)
    assert second.current_key() == "counting"
    again = second.page("counting")
    assert isinstance(again, CountingPage)
    assert again.table.horizontalHeader().sectionSize(1) == 233


@pytest.mark.usefixtures("synchronous_worker")
def test_backup_menu_writes_a_backup_and_says_where(
    shell_window: MainWindow, ctx: UiContext, messages: list[tuple[str, str]]
) -> None:
    shell_window.backup_action.trigger()
    backups = list(ctx.paths.backups.glob("自动备份-*.sqlite3"))
    assert len(backups) == 1
    assert messages == [("info", f"台账已备份到：\n{backups[0]}")]


@pytest.mark.usefixtures("synchronous_worker")
def test_backup_failure_is_a_clear_message_not_a_crash(
    shell_window: MainWindow, ctx: UiContext, messages: list[tuple[str, str]], monkeypatch
) -> None:
    def full_disk(target: Path | None = None, **_options: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ctx.db, "backup", full_disk)
    shell_window.backup_action.trigger()
    assert len(messages) == 1
    kind, text = messages[0]
    assert kind == "error"
    assert text.startswith("备份失败，台账未受影响")


def test_automatic_backup_is_silent(
    qtbot: QtBot, shell_window: MainWindow, ctx: UiContext, messages: list[tuple[str, str]]
) -> None:
    shell_window.backup_now(automatic=True)
    qtbot.waitUntil(lambda: "已自动备份" in shell_window.statusBar().currentMessage())
    assert len(list(ctx.paths.backups.glob("自动备份-*.sqlite3"))) == 1
    assert messages == []


def test_start_up_backup_waits_for_the_first_page_data(
    qtbot: QtBot, shell_window: MainWindow, ctx: UiContext
) -> None:
    """Copying the ledger while Today's numbers are read would make the clerk wait for both."""
    first_page: Future[object] = Future()
    shell_window.backup_now(automatic=True, after=first_page)
    qtbot.wait(300)  # time for a copy of this small ledger, had it not waited
    assert list(ctx.paths.backups.glob("自动备份-*.sqlite3")) == []
    first_page.set_exception(RuntimeError("today failed"))  # however it ends, the copy follows
    qtbot.waitUntil(lambda: "已自动备份" in shell_window.statusBar().currentMessage())
    assert len(list(ctx.paths.backups.glob("自动备份-*.sqlite3"))) == 1


def test_language_choice_is_stored_for_next_start(
    shell_window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    assert shell_window.language_actions["zh_CN"].isChecked()
    shell_window.language_actions["en"].trigger()
    assert settings_store.stored_language() == "en"
    assert messages == [("info", "界面语言将在下次启动本程序时切换为English。")]
    assert shell_window.navigation.item(0).text() == "今日"  # applied on next start only


def test_about_names_the_version(shell_window: MainWindow, messages: list[tuple[str, str]]) -> None:
    from app import __version__

    shell_window.about_action.trigger()
    assert len(messages) == 1
    assert messages[0][0] == "info"
    assert f"防疫台账 {__version__}" in messages[0][1]


def test_real_pages_all_open(main_window: MainWindow) -> None:
    """Every registered page can be created and shown inside the real window."""
    for spec in PAGES:
        page = main_window.navigate(spec.key)
        assert page.isVisible()
        assert page.title
