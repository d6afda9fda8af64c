"""The round table: everyone due in one slot of one day, with the reading typed so far.

Rows are ``DueItem`` DTOs from ``rounds.due_list`` (a round is at most a few hundred people, so it
is loaded whole). Symptoms ticked before the temperature is typed are held here as *pending* until
the reading is saved with them; the row turns red at once all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from app.services.rounds import DueItem, ReadingInfo
from app.services.values import is_fever
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import MUTED, AbnormalRole, SortRole
from app.ui.widgets.table_base import Index

FEVER_BACKGROUND = QColor("#f8d7da")
FEVER_TEXT = QColor("#a61b1b")
MISSING_BACKGROUND = QColor("#fff1c2")


class Col(IntEnum):
    GROUP = 0
    NAME = 1
    MEDICAL = 2
    TEMPERATURE = 3
    SYMPTOMS = 4
    MEASURED_BY = 5
    STATUS = 6


_TITLES = {
    Col.GROUP: QT_TRANSLATE_NOOP("RoundTableModel", "村民小组"),
    Col.NAME: QT_TRANSLATE_NOOP("RoundTableModel", "姓名"),
    Col.MEDICAL: QT_TRANSLATE_NOOP("RoundTableModel", "包保医护"),
    Col.TEMPERATURE: QT_TRANSLATE_NOOP("RoundTableModel", "体温(℃)"),
    Col.SYMPTOMS: QT_TRANSLATE_NOOP("RoundTableModel", "症状"),
    Col.MEASURED_BY: QT_TRANSLATE_NOOP("RoundTableModel", "测量人"),
    Col.STATUS: QT_TRANSLATE_NOOP("RoundTableModel", "状态"),
}


@dataclass(frozen=True)
class RoundRow:
    item: DueItem
    pending_symptoms: tuple[str, ...] | None = None  # ticked, not saved yet (None: untouched)

    @property
    def case_id(self) -> int:
        return self.item.case_id

    @property
    def reading(self) -> ReadingInfo | None:
        return self.item.reading

    @property
    def symptoms(self) -> tuple[str, ...]:
        """What a save of this row would store: the pending ticks, else what is recorded."""
        if self.pending_symptoms is not None:
            return self.pending_symptoms
        return self.reading.symptoms if self.reading else ()

    @property
    def abnormal(self) -> bool:
        recorded = self.reading is not None and self.reading.abnormal
        return recorded or bool(self.pending_symptoms)


class RoundTableModel(ListTableModel[RoundRow]):
    HEADERS = tuple(_TITLES[column] for column in Col)
    TRANSLATION_CONTEXT = "RoundTableModel"
    ROW_NUMBERS = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_of: dict[int, int] = {}  # case id → row: a save finds its row without a scan
        self.threshold = 37.3

    # --- loading ----------------------------------------------------------------------------

    def set_items(self, items: list[DueItem]) -> None:
        """Show a (re)loaded due list. The same people in the same order are updated in place,
        so an open temperature editor survives a refresh triggered by the save just made."""
        pending = {r.case_id: r.pending_symptoms for r in self._items}
        self._refresh_items([RoundRow(item, pending.get(item.case_id)) for item in items])
        self._row_of = {r.case_id: n for n, r in enumerate(self._items)}

    def clear_pending(self) -> None:
        """Forget ticks not yet saved (the date or slot changed: they belonged to another round)."""
        self._refresh_items([replace(r, pending_symptoms=None) for r in self._items])

    # --- access -----------------------------------------------------------------------------

    def row(self, row: int) -> RoundRow:
        return self._items[row]

    def row_of(self, case_id: object) -> int | None:
        return self._row_of.get(case_id) if isinstance(case_id, int) else None

    def rows(self) -> list[RoundRow]:
        return list(self._items)

    def missing_count(self) -> int:
        return sum(1 for r in self._items if r.reading is None)

    def set_reading(self, case_id: int, reading: ReadingInfo) -> None:
        """A reading was saved: show it and drop the pending ticks it carried."""
        self._update(case_id, lambda r: RoundRow(replace(r.item, reading=reading), None))

    def set_pending_symptoms(self, case_id: int, symptoms: tuple[str, ...]) -> None:
        self._update(case_id, lambda r: replace(r, pending_symptoms=symptoms))

    def _update(self, case_id: int, change) -> None:  # type: ignore[no-untyped-def]
        number = self._row_of.get(case_id)
        if number is not None:
            self._replace_item(number, change(self._items[number]))

    # --- cells ------------------------------------------------------------------------------

    def _key(self, row: RoundRow) -> int:
        return row.case_id

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Col.TEMPERATURE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _cell(self, row: RoundRow, index_column: int, role: int) -> object:
        column = Col(index_column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == AbnormalRole:
            return row.abnormal
        if role == SortRole:
            return self._sort_value(self._row_of[row.case_id], row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.abnormal:
                return FEVER_BACKGROUND
            if row.reading is None and column in (Col.TEMPERATURE, Col.STATUS):
                return MISSING_BACKGROUND
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.abnormal and column in (Col.NAME, Col.TEMPERATURE, Col.SYMPTOMS, Col.STATUS):
                return FEVER_TEXT
            if column == Col.SYMPTOMS and row.pending_symptoms is not None:
                return MUTED
            return None
        if role == Qt.ItemDataRole.FontRole and column == Col.TEMPERATURE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Col.TEMPERATURE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _text(self, row: RoundRow, column: Col) -> str:
        reading = row.reading
        if column == Col.GROUP:
            return row.item.group_name or ""
        if column == Col.NAME:
            return row.item.name
        if column == Col.MEDICAL:
            return row.item.medical_staff or "—"
        if column == Col.TEMPERATURE:
            return f"{reading.celsius:.1f}" if reading else ""
        if column == Col.SYMPTOMS:
            text = "、".join(row.symptoms)
            if row.pending_symptoms is not None and row.pending_symptoms != (
                reading.symptoms if reading else ()
            ):
                return self.tr("{symptoms}（待保存）").format(symptoms=text or self.tr("无"))
            return text
        if column == Col.MEASURED_BY:
            return (reading.measured_by or "") if reading else ""
        return self._status(row)

    def _status(self, row: RoundRow) -> str:
        reading = row.reading
        if reading is None:
            return self.tr("未测（有症状）") if row.pending_symptoms else self.tr("未测")
        fever = is_fever(reading.celsius, self.threshold)
        if fever and reading.symptoms:
            return self.tr("发热、有症状")
        if fever:
            return self.tr("发热")
        if reading.symptoms:
            return self.tr("有症状")
        return self.tr("正常")

    def _sort_value(self, number: int, row: RoundRow, column: Col) -> object:
        if column == Col.GROUP:
            return number  # the due list comes in natural 一组 < 二组 < 十组 order
        if column == Col.TEMPERATURE:
            return row.reading.celsius if row.reading else 0.0
        if column == Col.STATUS:
            # 异常 first, then 未测, then 正常: what needs doing comes to the top
            return 0 if row.abnormal else (1 if row.reading is None else 2)
        return self._text(row, column)

    def _tooltip(self, row: RoundRow, column: Col) -> str | None:
        if column in (Col.NAME, Col.MEDICAL):
            return row.item.team or None
        if column == Col.TEMPERATURE and row.reading is not None:
            return self.tr("登记于 {time}").format(time=f"{row.reading.recorded_at:%m-%d %H:%M}")
        return None


class RoundFilterProxy(QSortFilterProxyModel):
    """Sorting on ``SortRole``; "只看未测" hides rows that already have a reading."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_missing = False
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def only_missing(self) -> bool:
        return self._only_missing

    def set_only_missing(self, on: bool) -> None:
        if on == self._only_missing:
            return
        if hasattr(self, "endFilterChange"):  # Qt ≥ 6.10 deprecates invalidateRowsFilter()
            self.beginFilterChange()
            self._only_missing = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt allowed by pyproject
            self._only_missing = on
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._only_missing:
            return True
        model = self.sourceModel()
        if not isinstance(model, RoundTableModel):
            return True
        return model.row(source_row).reading is None
