"""Start-up gathers Today's lists while the main window is built; Today shows them as gathered."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from pytestqt.qtbot import QtBot

from app.db import Database, StorageError
from app.services import today as today_service
from app.services.today import TodayOverview
from app.ui.context import UiContext
from app.ui.pages import TODAY
from app.ui.pages.today import TodayPage
from app.ui.worker import start_early
from tests.ui.roster_helpers import demo_village

pytestmark = pytest.mark.usefixtures("synchronous_worker")


def test_the_first_refresh_shows_what_start_up_gathered(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    demo_village(db, hour=8)
    ten = datetime.combine(date.today(), time(10))
    ctx.preloaded[TODAY] = early = start_early(today_service.overview, ctx.db, ten)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.clock = lambda: datetime.combine(date.today(), time(16))

    page.refresh()
    assert page.current is early.result()  # shown as gathered, not asked for again
    assert page.current.now == ten and TODAY not in ctx.preloaded
    page.refresh()  # every later refresh asks the ledger, at the page's own time
    assert page.current.now == datetime.combine(date.today(), time(16))


def test_an_error_gathered_early_is_shown_like_any_refresh_error(
    qtbot: QtBot, ctx: UiContext
) -> None:
    def unreadable() -> TodayOverview:
        raise StorageError("台账文件读取失败")

    ctx.preloaded[TODAY] = start_early(unreadable)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.current is None
    assert not page.error.isHidden() and "台账文件读取失败" in page.error.text()
