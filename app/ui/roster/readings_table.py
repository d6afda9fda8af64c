"""A person's temperature readings as a plain table (体温记录).

Used on the person page when the temperature chart widget (``app.ui.widgets.temperature_history``)
is not available; same ``show_case(case_id)`` call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from app.services import rounds
from app.services.rounds import ReadingInfo
from app.ui.context import UiContext
from app.ui.roster.record_model import ALERT, RecordColumn, RecordTableModel, sorting_proxy

DAY, SLOT, CELSIUS, SYMPTOMS, MEASURED_BY = range(5)


class ReadingsTable(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

        def red_if_abnormal(reading: ReadingInfo) -> object:
            return ALERT if reading.abnormal else None

        right = Qt.AlignmentFlag.AlignRight
        self.model: RecordTableModel[ReadingInfo] = RecordTableModel(
            [
                RecordColumn(
                    self.tr("日期"),
                    lambda r: r.reading_date.isoformat(),
                    sort=lambda r: r.reading_date.isoformat() + r.slot.value,
                ),
                RecordColumn(self.tr("时段"), lambda r: self._slot_label(r)),
                RecordColumn(
                    self.tr("体温 ℃"),
                    lambda r: f"{r.celsius:.1f}",
                    sort=lambda r: r.celsius,
                    color=red_if_abnormal,
                    align=right,
                ),
                RecordColumn(
                    self.tr("症状"),
                    lambda r: "、".join(r.symptoms) or self.tr("无"),
                    color=red_if_abnormal,
                ),
                RecordColumn(self.tr("测量人"), lambda r: r.measured_by or ""),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.table = QTableView()
        self.table.setObjectName("personReadings")
        self.table.setModel(sorting_proxy(self.model, self))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DAY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _slot_label(self, reading: ReadingInfo) -> str:
        return self.tr("上午") if reading.slot is rounds.Slot.AM else self.tr("下午")

    def show_case(self, case_id: int | None) -> None:
        readings = rounds.readings_of_case(self.ctx.db, case_id) if case_id else []
        self.model.set_records(readings)
        fevers = sum(1 for r in readings if r.abnormal)
        self.summary.setText(
            self.tr("共 {count} 次体温记录，异常 {fevers} 次").format(
                count=len(readings), fevers=fevers
            )
            if readings
            else self.tr("还没有体温记录")
        )
        self.summary.setStyleSheet("color: #c62828;" if fevers else "")
