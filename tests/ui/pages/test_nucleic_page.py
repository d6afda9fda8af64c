"""核酸检测 page as a clerk uses it: the due list keyed with one key per result, the 阳性 alarm,
a 全员核酸 round, the result list imported, and the Today tile and release column."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import nucleic_tests, roster
from app.ui.context import UiContext
from app.ui.pages.nucleic import RESULT_COLUMN, NucleicTestsPage
from app.ui.pages.today import RELEASE_ACTION, RELEASE_WAITING, TodayPage
from tests.services.nucleic_village import IDS, days_ago, register
from tests.services.test_nucleic_import import SAMPLING_SYSTEM, sampled, write_list
from tests.ui.conftest import RecordedMessages


@pytest.fixture
def village(db: Database) -> dict[str, int]:
    return {
        "甲": register(db, "甲", started_days_ago=0, group="一组", id_number=IDS[0]),
        "乙": register(db, "乙", started_days_ago=3, group="一组", id_number=IDS[1]),
        "丙": register(db, "丙", started_days_ago=6, group="二组", id_number=IDS[2]),
    }


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, village: dict[str, int]) -> NucleicTestsPage:
    widget = NucleicTestsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    widget.activateWindow()
    widget.view.setFocus()
    qtbot.waitUntil(lambda: widget.view.hasFocus())
    return widget


def shown(page: NucleicTestsPage) -> list[tuple[str, str]]:
    proxy = page.view.model()
    return [
        (proxy.index(row, 1).data(), proxy.index(row, RESULT_COLUMN).data())
        for row in range(proxy.rowCount())
    ]


def test_a_list_keyed_without_the_mouse(
    qtbot: QtBot, page: NucleicTestsPage, db: Database, messages: RecordedMessages
) -> None:
    # 一组 first (甲 jia before 乙 yi), then 二组; keying starts on the first row with nothing.
    assert shown(page) == [("甲", "未登记"), ("乙", "未登记"), ("丙", "未登记")]
    assert page.counts.text() == "应检 3 人 · 已采样 0 人 · 结果未出 0 人 · 阳性 0 人"
    qtbot.keyClick(page.view, Qt.Key.Key_1)
    qtbot.keyClick(page.view, Qt.Key.Key_3)
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    assert shown(page) == [("甲", "阴性"), ("乙", "待出"), ("丙", "未检")]
    assert page.counts.text() == "应检 3 人 · 已采样 2 人 · 结果未出 1 人 · 阳性 0 人"
    assert [d.result for d in nucleic_tests.due_tests(db, days_ago(0))] == ["阴性", "待出", "未检"]
    assert messages == []


def test_a_positive_asks_once_then_raises_the_alarm(
    qtbot: QtBot, page: NucleicTestsPage, messages: RecordedMessages
) -> None:
    messages.confirm_answer = False
    qtbot.keyClick(page.view, Qt.Key.Key_2)
    assert shown(page)[0] == ("甲", "未登记") and page.alarm.isHidden()
    messages.confirm_answer = True
    qtbot.keyClick(page.view, Qt.Key.Key_2)
    assert shown(page)[0] == ("甲", "阳性")
    assert page.alarm.isVisible() and "核酸阳性：甲" in page.alarm.text()
    assert [a.kind for a in page.anomalies.model.items()] == ["核酸阳性"]
    assert len(messages.of_kind("confirm")) == 2


def test_a_round_puts_everyone_on_the_list(
    page: NucleicTestsPage, db: Database, village: dict[str, int]
) -> None:
    register(db, "丁", started_days_ago=1, group="三组")
    page.refresh()
    assert [name for name, _ in shown(page)] == ["甲", "乙", "丙"]
    page.round_button.click()
    assert [name for name, _ in shown(page)] == ["甲", "乙", "丙", "丁"]
    assert page.round_button.text() == "取消当天全员核酸"


def test_import_from_the_page(
    page: NucleicTestsPage, synchronous_worker: None, messages: RecordedMessages, tmp_path: Path
) -> None:
    listed = write_list(
        tmp_path / "结果.xlsx",
        SAMPLING_SYSTEM,
        [
            ("乙", IDS[1], sampled(0), sampled(0), "阴性", "县疾控"),
            ("某", IDS[3], sampled(0), None, "阴性", None),
        ],
    )
    page.import_file(listed)
    assert shown(page)[1] == ("乙", "阴性")
    [info] = messages.of_kind("info")
    assert "新登记 1 条" in info and f"第4行 某 {IDS[3]}：台账中没有此证件号码" in info


def test_today_shows_the_tests_tile_and_why_release_waits(
    qtbot: QtBot, ctx: UiContext, db: Database, village: dict[str, int]
) -> None:
    waiting = register(db, "戊", started_days_ago=7, group="二组")
    today = TodayPage(ctx)
    qtbot.addWidget(today)
    today.clock = lambda: datetime.combine(days_ago(0), time(10))
    today.show()
    today.refresh()
    qtbot.waitUntil(lambda: today.current is not None)
    assert today.tiles["tests"].text() == "核酸检测 · 应检 3\n已采样 0，未出 0，阳性 0"
    proxy = today.release_proxy
    [row] = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "戊"]
    assert proxy.index(row, RELEASE_WAITING).data().startswith("最后一天")
    button = today.release_table.indexWidget(proxy.index(row, RELEASE_ACTION))
    assert not button.isEnabled() and "第1天" in button.toolTip()
    assert roster.case_row(db, waiting).ended_on is None
