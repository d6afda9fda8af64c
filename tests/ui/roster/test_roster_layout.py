"""A clerk's roster layout saved before the 核酸 column existed: restored, the new column takes its
own place at its natural width, every saved width stays, and the roster still fits 1366 px."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from app.db import Database
from app.ui import settings_store, window_place
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.roster import RosterPage
from app.ui.roster.table_model import (
    AGE,
    COLUMN_KEYS,
    EARLIER_COLUMN_KEYS,
    NAME,
    STATUS,
    TEAM,
    TEAM_KEY,
    TEST,
    column_of,
    default_width,
)
from app.ui.widgets.keyed_header import saved_section_count
from tests.ui.roster_helpers import column_texts, demo_village

BEFORE_TESTS = EARLIER_COLUMN_KEYS[0]  # the roster's columns before 核酸
ROSTER_HEADER_KEY = "tables/roster/rosterTable"
LAPTOP_WIDTH = 1366
NARROWED_PHONE = 90


def header_saved_before_tests(viewport_width: int) -> QByteArray:
    """What that version's roster saved: its 12 columns at their default widths in a roster as wide
    as today's, 包保 stretched to the edge, the clerk's 村民小组 moved first and 联系电话 narrowed,
    sorted by 年龄 from the oldest."""
    model = QStandardItemModel(0, len(BEFORE_TESTS))
    table = QTableView()
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    for column, key in enumerate(BEFORE_TESTS):
        table.setColumnWidth(column, default_width(column_of(key)))
    table.setColumnWidth(BEFORE_TESTS.index("phone"), NARROWED_PHONE)
    header.moveSection(BEFORE_TESTS.index("group_name"), 0)
    header.setSortIndicator(BEFORE_TESTS.index("age"), Qt.SortOrder.DescendingOrder)
    header.resize(viewport_width, header.height())
    state = header.saveState()
    assert saved_section_count(bytes(state.data())) == len(BEFORE_TESTS)
    return state


def laptop_roster(qtbot: QtBot, ctx: UiContext) -> tuple[MainWindow, RosterPage]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(LAPTOP_WIDTH, 728)  # a 1366×768 screen, maximized, with a title bar
    window.show()
    qtbot.waitExposed(window)
    page = window.navigate("roster")
    assert isinstance(page, RosterPage)
    return window, page


def visual_keys(header: QHeaderView) -> list[str]:
    return [COLUMN_KEYS[header.logicalIndex(visual)] for visual in range(header.count())]


def assert_every_column_fits(table: QTableView) -> None:
    header = table.horizontalHeader()
    width = table.viewport().width()
    assert header.length() <= width
    for column in range(header.count()):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= width, COLUMN_KEYS[column]
    assert not table.horizontalScrollBar().isVisible()


def test_the_default_roster_fits_a_1366_screen(qtbot: QtBot, ctx: UiContext, db: Database) -> None:
    demo_village(db)
    _window, page = laptop_roster(qtbot, ctx)
    assert visual_keys(page.table.horizontalHeader()) == list(COLUMN_KEYS)
    assert_every_column_fits(page.table)


class _Desktop:
    """The primary screen, as ``window_place`` asks for it (offscreen Qt has an 800×600 one)."""

    def __init__(self, width: int, height: int) -> None:
        self.area = QRect(0, 0, width, height - 40)  # less a 40 px taskbar

    def primaryScreen(self) -> _Desktop:
        return self

    def availableGeometry(self) -> QRect:
        return self.area


def first_window(qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, screen: _Desktop):
    """The main window as placed by itself on ``screen``: nothing remembered, nothing resized."""
    monkeypatch.setattr(window_place, "QGuiApplication", screen)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_the_first_start_on_a_1366_laptop_is_maximized_so_every_column_shows(
    qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the default 1280 px the roster's 包保 column is behind a scroll bar; maximized on the
    laptop it is on screen (``test_the_default_roster_fits_a_1366_screen``)."""
    window = first_window(qtbot, ctx, monkeypatch, _Desktop(LAPTOP_WIDTH, 768))
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_large_screen_gets_the_default_size_centred(
    qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = first_window(qtbot, ctx, monkeypatch, _Desktop(1920, 1080))
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.size() == window_place.DEFAULT_SIZE
    assert window.geometry().center() == QRect(0, 0, 1920, 1040).center()


def test_a_layout_saved_before_the_test_column_gets_it_at_its_natural_width(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    demo_village(db)
    window, page = laptop_roster(qtbot, ctx)
    viewport_width = page.table.viewport().width()
    window.close()
    settings = settings_store.open_settings()
    settings.setValue(ROSTER_HEADER_KEY, header_saved_before_tests(viewport_width))
    settings.sync()

    _window, page = laptop_roster(qtbot, ctx)
    table = page.table
    header = table.horizontalHeader()
    # 核酸 between 状态 and 包保, where this version puts it; 村民小组 still first, 包保 last.
    order = visual_keys(header)
    assert order == ["group_name", *(k for k in COLUMN_KEYS if k != "group_name")]
    assert order.index("latest_test") == order.index("status") + 1
    assert order[-1] == TEAM_KEY
    # The rest of the saved layout holds: the narrowed 联系电话, the other widths, the sort.
    assert table.columnWidth(column_of("phone")) == NARROWED_PHONE
    for key in BEFORE_TESTS:
        if key not in ("phone", TEAM_KEY):
            assert table.columnWidth(column_of(key)) == default_width(column_of(key)), key
    assert page.model.sort_state() == (AGE, Qt.SortOrder.DescendingOrder)
    # The new column at its natural width, not Qt's 100 px for a section a state lacks.
    assert table.columnWidth(TEST) == header.natural_width(TEST) < 100
    bold = QFont(table.font())
    bold.setBold(True)
    shown = {text for text in column_texts(page.proxy, TEST) if text}
    assert shown >= {"阳性", "阴性"}
    assert all(QFontMetrics(bold).horizontalAdvance(t) < table.columnWidth(TEST) for t in shown)
    # …and with one column more, the 1366-px roster still shows every column, 包保 included.
    assert_every_column_fits(table)
    assert table.columnWidth(TEAM) >= default_width(TEAM)


def test_a_layout_saved_now_comes_back_as_it_was(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    demo_village(db)
    window, page = laptop_roster(qtbot, ctx)
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(TEST), header.visualIndex(NAME) + 1)
    header.hideSection(column_of("phone"))
    page.table.setColumnWidth(STATUS, 111)
    window.save_layout()
    window.close()

    _window, again = laptop_roster(qtbot, ctx)
    header = again.table.horizontalHeader()
    assert visual_keys(header)[:2] == ["name", "latest_test"]
    assert header.isSectionHidden(column_of("phone"))
    assert again.table.columnWidth(STATUS) == 111
