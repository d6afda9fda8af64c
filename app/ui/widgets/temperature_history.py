"""体温记录 — one case's readings over its observation period: a chart with the fever line, and
the table of every reading with who took it and any later correction.

The chart is painted by hand (QtCharts is not part of PySide6-Essentials): two points a day
(上午 left of the day's middle, 下午 right), a dashed red line at the fever threshold, red points
for fevers and symptoms, and small grey marks under the days where a reading is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import reference, roster, rounds
from app.services.rounds import ReadingCorrection, ReadingInfo
from app.services.values import Slot, is_fever
from app.ui.context import UiContext
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import SortRole
from app.ui.widgets.table_view import row_table, sorting_proxy

FEVER = QColor("#c62828")
NORMAL = QColor("#1f5fa8")
GRID = QColor("#e3e6ea")
BAND = QColor("#f6f8fa")
AXIS_TEXT = QColor("#4b5563")
MISSING = QColor("#9ca3af")


# --- the chart --------------------------------------------------------------------------------


@dataclass
class ChartData:
    first_day: date
    last_day: date
    readings: list[ReadingInfo] = field(default_factory=list)
    threshold: float = 37.3
    missing: list[tuple[date, Slot]] = field(default_factory=list)


class TemperatureChart(QWidget):
    """The period on x (two slots a day), ℃ on y, the fever threshold as a dashed red line."""

    MARGINS = (46, 18, 14, 30)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temperatureChart")
        self.setMinimumHeight(170)
        self.setMouseTracking(True)
        self.data: ChartData | None = None
        self._points: list[tuple[QPointF, ReadingInfo]] = []

    def sizeHint(self) -> QSize:
        return QSize(640, 230)

    def set_data(self, data: ChartData | None) -> None:
        self.data = data
        self.update()

    # geometry ------------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        left, top, right, bottom = self.MARGINS
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def _range(self) -> tuple[float, float]:
        assert self.data is not None
        values = [r.celsius for r in self.data.readings]
        low = min([35.5, *(v - 0.3 for v in values)])
        high = max([38.5, self.data.threshold + 0.7, *(v + 0.3 for v in values)])
        return _floor_half(low), _ceil_half(high)

    def _days(self) -> int:
        assert self.data is not None
        return (self.data.last_day - self.data.first_day).days + 1

    def _x(self, plot: QRectF, day: date, slot: Slot) -> float:
        assert self.data is not None
        width = plot.width() / self._days()
        offset = 0.3 if slot is Slot.AM else 0.7
        return plot.left() + ((day - self.data.first_day).days + offset) * width

    def _y(self, plot: QRectF, celsius: float, low: float, high: float) -> float:
        return plot.bottom() - (celsius - low) / (high - low) * plot.height()

    # painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._points = []
        if self.data is None:
            self._centered(painter, self.tr("选择一个人查看体温记录"))
            return
        plot = self._plot()
        if plot.width() < 40 or plot.height() < 40:
            return
        low, high = self._range()
        self._bands_and_days(painter, plot)
        self._grid(painter, plot, low, high)
        self._threshold(painter, plot, low, high)
        self._series(painter, plot, low, high)
        self._missing(painter, plot)
        if not self.data.readings:
            self._centered(painter, self.tr("观察期内还没有体温记录"))
        painter.end()

    def _centered(self, painter: QPainter, text: str) -> None:
        painter.setPen(AXIS_TEXT)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)

    def _bands_and_days(self, painter: QPainter, plot: QRectF) -> None:
        assert self.data is not None
        days = self._days()
        width = plot.width() / days
        metrics = painter.fontMetrics()
        label_width = metrics.horizontalAdvance("12/31") + 6
        step = max(1, int(label_width // max(width, 1)) + 1)
        painter.setPen(AXIS_TEXT)
        for n in range(days):
            day = self.data.first_day + timedelta(days=n)
            band = QRectF(plot.left() + n * width, plot.top(), width, plot.height())
            if n % 2 == 0:
                painter.fillRect(band, BAND)
            if n % step == 0:
                label = QRectF(band.left() - width, plot.bottom() + 4, width * 3, metrics.height())
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, f"{day.month}/{day.day}")

    def _grid(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        metrics = painter.fontMetrics()
        value = low
        while value <= high + 1e-9:
            y = self._y(plot, value, low, high)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if abs(value - round(value)) < 1e-9:
                painter.setPen(AXIS_TEXT)
                text = f"{value:.0f}℃"
                painter.drawText(
                    QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            value += 0.5
        painter.setPen(QPen(AXIS_TEXT, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _threshold(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        assert self.data is not None
        y = self._y(plot, self.data.threshold, low, high)
        pen = QPen(FEVER, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        label = self.tr("发热线 {value} ℃").format(value=f"{self.data.threshold:.1f}")
        metrics = painter.fontMetrics()
        box = QRectF(plot.right() - metrics.horizontalAdvance(label) - 6, y - metrics.height() - 2,
                     metrics.horizontalAdvance(label) + 4, metrics.height())  # fmt: skip
        painter.fillRect(box, self.palette().base())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _series(self, painter: QPainter, plot: QRectF, low: float, high: float) -> None:
        assert self.data is not None
        ordered = sorted(self.data.readings, key=lambda r: (r.reading_date, r.slot.value))
        path = QPainterPath()
        previous: tuple[date, Slot] | None = None
        for reading in ordered:
            point = QPointF(
                self._x(plot, reading.reading_date, reading.slot),
                self._y(plot, reading.celsius, low, high),
            )
            self._points.append((point, reading))
            if previous is not None and _next_slot(previous) == (
                reading.reading_date,
                reading.slot,
            ):
                path.lineTo(point)
            else:  # a missing reading breaks the line: nothing is drawn where nothing was measured
                path.moveTo(point)
            previous = (reading.reading_date, reading.slot)
        painter.setPen(QPen(NORMAL, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        metrics = painter.fontMetrics()
        for point, reading in self._points:
            color = FEVER if reading.abnormal else NORMAL
            painter.setPen(QPen(QColor("white"), 1.2))
            painter.setBrush(QBrush(color))
            painter.drawEllipse(point, 4.5, 4.5)
            if reading.abnormal:
                painter.setPen(FEVER)
                text = f"{reading.celsius:.1f}"
                width = metrics.horizontalAdvance(text)
                painter.drawText(QPointF(point.x() - width / 2, point.y() - 8), text)

    def _missing(self, painter: QPainter, plot: QRectF) -> None:
        assert self.data is not None
        painter.setPen(QPen(MISSING, 1.5))
        for day, slot in self.data.missing:
            x = self._x(plot, day, slot)
            y = plot.bottom() - 6
            painter.drawLine(QPointF(x - 3, y - 3), QPointF(x + 3, y + 3))
            painter.drawLine(QPointF(x - 3, y + 3), QPointF(x + 3, y - 3))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        for point, reading in self._points:
            if abs(point.x() - position.x()) <= 7 and abs(point.y() - position.y()) <= 7:
                QToolTip.showText(event.globalPosition().toPoint(), describe_reading(reading), self)
                return
        QToolTip.hideText()
        super().mouseMoveEvent(event)


def describe_reading(reading: ReadingInfo) -> str:
    text = f"{reading.reading_date:%m-%d} {reading.slot.label} {reading.celsius:.1f} ℃"
    if reading.symptoms:
        text += "  " + "、".join(reading.symptoms)
    if reading.measured_by:
        text += QCoreApplication.translate("TemperatureChart", "\n测量人：{name}").format(
            name=reading.measured_by
        )
    return text


def _next_slot(at: tuple[date, Slot]) -> tuple[date, Slot]:
    day, slot = at
    return (day, Slot.PM) if slot is Slot.AM else (day + timedelta(days=1), Slot.AM)


def _floor_half(value: float) -> float:
    return math.floor(value * 2) / 2


def _ceil_half(value: float) -> float:
    return math.ceil(value * 2) / 2


# --- the table --------------------------------------------------------------------------------


class HistoryCol(IntEnum):
    DAY = 0
    SLOT = 1
    CELSIUS = 2
    SYMPTOMS = 3
    MEASURED_BY = 4
    RECORDED_AT = 5
    CORRECTION = 6


_HEADERS = {
    HistoryCol.DAY: QT_TRANSLATE_NOOP("ReadingHistoryModel", "日期"),
    HistoryCol.SLOT: QT_TRANSLATE_NOOP("ReadingHistoryModel", "时段"),
    HistoryCol.CELSIUS: QT_TRANSLATE_NOOP("ReadingHistoryModel", "体温(℃)"),
    HistoryCol.SYMPTOMS: QT_TRANSLATE_NOOP("ReadingHistoryModel", "症状"),
    HistoryCol.MEASURED_BY: QT_TRANSLATE_NOOP("ReadingHistoryModel", "测量人"),
    HistoryCol.RECORDED_AT: QT_TRANSLATE_NOOP("ReadingHistoryModel", "登记时间"),
    HistoryCol.CORRECTION: QT_TRANSLATE_NOOP("ReadingHistoryModel", "更正记录"),
}


class ReadingHistoryModel(ListTableModel[ReadingInfo]):
    HEADERS = tuple(_HEADERS[column] for column in HistoryCol)
    TRANSLATION_CONTEXT = "ReadingHistoryModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corrections: dict[int, list[ReadingCorrection]] = {}

    def set_readings(
        self, readings: list[ReadingInfo], corrections: dict[int, list[ReadingCorrection]]
    ) -> None:
        self._corrections = dict(corrections)
        self._set_items(readings)

    def reading(self, row: int) -> ReadingInfo:
        return self._items[row]

    def _key(self, reading: ReadingInfo) -> int:
        return reading.id

    def _cell(self, reading: ReadingInfo, index_column: int, role: int) -> object:
        column = HistoryCol(index_column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(reading, column)
        if role == SortRole:
            if column in (HistoryCol.DAY, HistoryCol.SLOT):
                return f"{reading.reading_date.isoformat()} {reading.slot.value}"
            if column == HistoryCol.CELSIUS:
                return reading.celsius
            if column == HistoryCol.RECORDED_AT:
                return reading.recorded_at.isoformat()
            return self._text(reading, column)
        if role == Qt.ItemDataRole.ForegroundRole and reading.abnormal:
            return FEVER
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HistoryCol.CELSIUS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == HistoryCol.CORRECTION:
            return self._correction_detail(reading) or None
        return None

    def _text(self, reading: ReadingInfo, column: HistoryCol) -> str:
        if column == HistoryCol.DAY:
            return reading.reading_date.isoformat()
        if column == HistoryCol.SLOT:
            return self.tr("上午") if reading.slot is Slot.AM else self.tr("下午")
        if column == HistoryCol.CELSIUS:
            return f"{reading.celsius:.1f}"
        if column == HistoryCol.SYMPTOMS:
            return "、".join(reading.symptoms)
        if column == HistoryCol.MEASURED_BY:
            return reading.measured_by or ""
        if column == HistoryCol.RECORDED_AT:
            return f"{reading.recorded_at:%Y-%m-%d %H:%M}"
        changes = self._corrections.get(reading.id, [])
        if not changes:
            return ""
        return self.tr("原 {value} ℃").format(value=f"{changes[0].old_celsius:.1f}")

    def _correction_detail(self, reading: ReadingInfo) -> str:
        return "\n".join(
            self.tr("{at} {who}：{old} → {new} ℃").format(
                at=f"{c.at:%m-%d %H:%M}",
                who=c.operator,
                old=f"{c.old_celsius:.1f}",
                new=f"{c.new_celsius:.1f}",
            )
            for c in self._corrections.get(reading.id, [])
        )


# --- the widget -------------------------------------------------------------------------------


class TemperatureHistoryWidget(QWidget):
    """``show_case(case_id)`` loads one case's period and readings; ``clear()`` empties it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.chart = TemperatureChart()
        self.model = ReadingHistoryModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(
            self.proxy,
            "readingHistoryTable",
            sort=(HistoryCol.DAY, Qt.SortOrder.DescendingOrder),
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.clear()

    def clear(self) -> None:
        self.case_id = None
        self.summary.setText(self.tr("选择一个人查看体温记录。"))
        self.chart.set_data(None)
        self.model.set_readings([], {})

    def show_case(self, case_id: int) -> None:
        db = self.ctx.db
        case = roster.case_row(db, case_id)
        readings = rounds.readings_of_case(db, case_id)
        threshold = rounds.fever_threshold(db)
        needs_readings = any(
            m.id == case.measure_id and m.needs_readings
            for m in reference.measures(db, include_inactive=True)
        )
        today = clock.today()
        last = case.ended_on - timedelta(days=1) if case.ended_on else (case.planned_end or today)
        last = max([last, case.start_date, *(r.reading_date for r in readings)])
        first = min([case.start_date, *(r.reading_date for r in readings)])
        taken = {(r.reading_date, r.slot) for r in readings}
        missing: list[tuple[date, Slot]] = []
        if needs_readings:
            day = case.start_date
            # Only whole past days count as missed: today's round may still be under way.
            while day <= min(last, today - timedelta(days=1)):
                missing += [(day, s) for s in (Slot.AM, Slot.PM) if (day, s) not in taken]
                day += timedelta(days=1)
        self.case_id = case_id
        self.chart.set_data(ChartData(first, last, readings, threshold, missing))
        self.model.set_readings(readings, rounds.reading_corrections(db, case_id))
        fevers = sum(1 for r in readings if is_fever(r.celsius, threshold))
        period = f"{case.start_date:%Y-%m-%d} — " + (
            f"{case.ended_on:%Y-%m-%d}（{case.end_reason or ''}）"
            if case.ended_on
            else (f"{case.planned_end:%Y-%m-%d}" if case.planned_end else "")
        )
        self.summary.setText(
            self.tr(
                "{name}　观察期 {period}　已测 {count} 次，发热 {fevers} 次，漏测 {missing} 次"
            ).format(
                name=case.name,
                period=period,
                count=len(readings),
                fevers=fevers,
                missing=len(missing),
            )
        )
