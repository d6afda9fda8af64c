"""体温记录: one person's period as a chart with the fever line, and every reading in a table."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Slot
from app.services import rounds
from app.services.roster import CaseInput, PersonInput, register_case
from app.ui.context import UiContext
from app.ui.widgets.temperature_history import (
    FEVER,
    HistoryCol,
    ReadingHistoryModel,
    TemperatureChart,
    TemperatureHistoryWidget,
)
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()
START = TODAY - timedelta(days=3)


@pytest.fixture
def case_id(db: Database) -> int:
    row = register_case(
        db,
        PersonInput("张三", "11010519491231002X", group_name="一组"),
        CaseInput(category_id=1, measure_id=1, start_date=START),
    )
    readings = [
        (START, Slot.AM, 36.5, "王芳"),
        (START, Slot.PM, 36.7, "王芳"),
        (START + timedelta(days=1), Slot.AM, 38.1, "李医生"),
        # START+1 PM is missing
        (START + timedelta(days=2), Slot.AM, 36.6, "王芳"),
        (START + timedelta(days=2), Slot.PM, 36.4, "王芳"),
    ]
    for day, slot, celsius, who in readings:
        rounds.record_reading(db, row.id, day, slot, celsius, measured_by=who)
    db.operator = "李文书"
    rounds.record_reading(db, row.id, START + timedelta(days=2), Slot.PM, 36.9, measured_by="王芳")
    return row.id


@pytest.fixture
def history(qtbot: QtBot, ctx: UiContext) -> TemperatureHistoryWidget:
    widget = TemperatureHistoryWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(widget: TemperatureHistoryWidget, row: int, column: HistoryCol) -> str:
    return widget.proxy.index(row, column).data()


def test_table_lists_every_reading_newest_first_with_who_took_it(
    history: TemperatureHistoryWidget, case_id: int
) -> None:
    history.show_case(case_id)
    assert history.proxy.rowCount() == 5
    assert cell(history, 0, HistoryCol.DAY) == (START + timedelta(days=2)).isoformat()
    assert cell(history, 0, HistoryCol.SLOT) == "下午"
    assert cell(history, 0, HistoryCol.CELSIUS) == "36.9"
    assert cell(history, 0, HistoryCol.CORRECTION) == "原 36.4 ℃"
    tip = history.proxy.index(0, HistoryCol.CORRECTION).data(Qt.ItemDataRole.ToolTipRole)
    assert "李文书" in tip and "36.4 → 36.9" in tip
    fever_row = next(r for r in range(5) if cell(history, r, HistoryCol.CELSIUS) == "38.1")
    assert cell(history, fever_row, HistoryCol.MEASURED_BY) == "李医生"
    assert (
        history.proxy.index(fever_row, HistoryCol.CELSIUS).data(Qt.ItemDataRole.ForegroundRole)
        == FEVER
    )
    summary = history.summary.text()
    assert "张三" in summary and "已测 5 次" in summary and "发热 1 次" in summary
    assert "漏测 1 次" in summary  # the missed afternoon (today's round may still be under way)


def test_chart_covers_the_period_and_draws_the_fever_line(
    history: TemperatureHistoryWidget, case_id: int
) -> None:
    history.show_case(case_id)
    data = history.chart.data
    assert data is not None
    assert data.first_day == START
    assert data.last_day >= TODAY  # the planned end of a 7-day observation
    assert data.threshold == 37.3
    assert data.missing == [(START + timedelta(days=1), Slot.PM)]

    image = QImage(history.chart.size(), QImage.Format.Format_ARGB32)
    history.chart.render(image)
    plot = history.chart._plot()
    low, high = history.chart._range()
    y = round(history.chart._y(plot, 37.3, low, high))
    # The dashed threshold line: red pixels along most of that row (dashes leave gaps).
    row = [image.pixelColor(x, y) for x in range(int(plot.left()), int(plot.right()))]
    assert sum(_is_red(c) for c in row) > len(row) / 3, f"no fever line at y={y}"


def _is_red(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 100 and color.blue() < 100


def test_empty_widget_and_empty_period(history: TemperatureHistoryWidget, db: Database) -> None:
    assert history.chart.data is None and history.proxy.rowCount() == 0
    row = register_case(
        db,
        PersonInput("李四", "440524188001010014"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY),
    )
    history.show_case(row.id)
    assert history.proxy.rowCount() == 0
    assert history.chart.data is not None and history.chart.data.missing == []
    history.chart.grab()  # paints the "no readings yet" state without error
    history.clear()
    assert history.case_id is None


def test_history_model_passes_the_model_tester(
    qtmodeltester, history: TemperatureHistoryWidget, case_id: int
) -> None:  # type: ignore[no-untyped-def]
    history.show_case(case_id)
    qtmodeltester.check(history.model)
    qtmodeltester.check(ReadingHistoryModel())


def test_chart_alone_paints_without_data(qtbot: QtBot) -> None:
    chart = TemperatureChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    assert not chart.grab().isNull()
