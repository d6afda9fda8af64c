"""Today's log (当日登记) under the entry form: one row per vehicle, newest first.

A day at one checkpoint is at most a few hundred cars, so the model holds the day's ``PassInfo``
rows; a save or a change updates its row in place (``dataChanged``) instead of resetting the view,
so the clerk's selection and scroll position survive a car a minute.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from app.services.checkpoints import PassInfo
from app.services.values import Disposition
from app.ui.checkpoints.labels import shown
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import SortRole

FEVER_COLOUR = QColor("#c62828")
TURNED_BACK_COLOUR = QColor("#e65100")
LINKED_COLOUR = QColor("#1565c0")


class PassLogModel(ListTableModel[PassInfo]):
    (TIME, DIRECTION, PLATE, DRIVER, PEOPLE, ORIGIN, DESTINATION, TEMPERATURE, DISINFECTED,
     DISPOSITION, REMARK) = range(11)  # fmt: skip
    HEADERS = (
        QT_TRANSLATE_NOOP("PassLogModel", "时间"), QT_TRANSLATE_NOOP("PassLogModel", "方向"),
        QT_TRANSLATE_NOOP("PassLogModel", "车牌"), QT_TRANSLATE_NOOP("PassLogModel", "驾驶员"),
        QT_TRANSLATE_NOOP("PassLogModel", "人数"), QT_TRANSLATE_NOOP("PassLogModel", "来源地"),
        QT_TRANSLATE_NOOP("PassLogModel", "目的地"), QT_TRANSLATE_NOOP("PassLogModel", "体温"),
        QT_TRANSLATE_NOOP("PassLogModel", "消毒"), QT_TRANSLATE_NOOP("PassLogModel", "处置"),
        QT_TRANSLATE_NOOP("PassLogModel", "备注"),
    )  # fmt: skip
    TRANSLATION_CONTEXT = "PassLogModel"

    # --- cells --------------------------------------------------------------------------------

    def _key(self, info: PassInfo) -> int:
        return info.id

    def _cell(self, info: PassInfo, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == SortRole:
            return self._sort_value(info, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.PEOPLE, self.TEMPERATURE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, info: PassInfo, column: int) -> str:
        if column == self.TIME:
            return f"{info.passed_at:%H:%M}"
        if column == self.DIRECTION:
            return shown(info.direction)
        if column == self.PLATE:
            return info.plate
        if column == self.DRIVER:
            return info.driver_name or ""
        if column == self.PEOPLE:
            return str(info.people_aboard)
        if column == self.ORIGIN:
            return info.origin or ""
        if column == self.DESTINATION:
            return info.destination or ""
        if column == self.TEMPERATURE:
            return "" if info.max_temperature is None else f"{info.max_temperature:.1f}"
        if column == self.DISINFECTED:
            return self.tr("是") if info.disinfected else self.tr("否")
        if column == self.DISPOSITION:
            return shown(info.disposition)
        return self.remark(info)

    def remark(self, info: PassInfo) -> str:
        parts: list[str] = []
        if info.abnormal:
            parts.append(self.tr("体温异常：{action}").format(action=info.action_taken or ""))
        if info.admitted_names:
            parts.append(self.tr("{names} 已转入台账").format(names="、".join(info.admitted_names)))
        return "；".join(parts)

    def _sort_value(self, info: PassInfo, column: int) -> object:
        if column == self.TIME:  # cars saved in the same second keep the order they came in
            return f"{info.passed_at.isoformat()}#{info.id:010d}"
        if column == self.PEOPLE:
            return info.people_aboard
        if column == self.TEMPERATURE:
            return info.max_temperature if info.max_temperature is not None else 0.0
        if column == self.DISINFECTED:
            return int(info.disinfected)
        return self._display(info, column)

    def _colour(self, info: PassInfo, column: int) -> QBrush | None:
        if info.abnormal and column in (self.TEMPERATURE, self.REMARK):
            return QBrush(FEVER_COLOUR)
        if info.disposition == Disposition.TURNED_BACK.value and column == self.DISPOSITION:
            return QBrush(TURNED_BACK_COLOUR)
        if column == self.REMARK and info.admitted_names:
            return QBrush(LINKED_COLOUR)
        return None

    def _tooltip(self, info: PassInfo) -> str | None:
        lines = [
            self.tr("{name}：身份证号 {id}，体温 {temperature}").format(
                name=o.name,
                id=o.id_number or "—",
                temperature="—" if o.temperature is None else f"{o.temperature:.1f}",
            )
            for o in info.occupants
        ]
        if info.purpose:
            lines.insert(0, self.tr("事由：{purpose}").format(purpose=info.purpose))
        return "\n".join(lines) or None

    # --- changes ------------------------------------------------------------------------------

    def set_passes(self, rows: list[PassInfo]) -> None:
        self._set_items(rows)

    def passes(self) -> list[PassInfo]:
        return list(self._items)

    def pass_of(self, pass_id: int) -> PassInfo | None:
        position = self.row_of(pass_id)
        return self._items[position] if position is not None else None

    def upsert(self, info: PassInfo) -> None:
        """A pass saved or changed: update its row, or add it at the top."""
        position = self.row_of(info.id)
        if position is None:
            self._insert_item(0, info)
        else:
            self._replace_item(position, info)

    def remove(self, pass_id: int) -> None:
        position = self.row_of(pass_id)
        if position is not None:
            self._remove_item(position)


class PassLogProxy(QSortFilterProxyModel):
    """Sorted by raw values (SortRole); newest first until the clerk clicks a header."""

    def __init__(self, source: PassLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self.sort(PassLogModel.TIME, Qt.SortOrder.DescendingOrder)
