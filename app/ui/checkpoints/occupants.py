"""车上人员 editor: optional rows for the people aboard (姓名, 身份证号, 联系电话, 体温).

Most cars are registered by their count only (车上人数); rows are for the people the township
wants named — and the ones who may go on to the roster (转入居家观察).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.checkpoints import OccupantInfo, OccupantInput
from app.services.values import (
    ValidationError,
    normalize_mobile_or_landline,
    parse_resident_id,
    parse_temperature,
)
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import SortRole
from app.ui.widgets.table_base import Index
from app.ui.widgets.table_view import sorting_proxy

LINKED_COLOUR = QColor("#1565c0")


@dataclass(frozen=True)
class OccupantRow:
    """One row as typed (text), plus the roster link of a row loaded from a saved pass."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    temperature: str = ""
    case_id: int | None = None

    def is_blank(self) -> bool:
        return not any(v.strip() for v in (self.name, self.id_number, self.phone, self.temperature))


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: int
    message: str


class OccupantsModel(ListTableModel[OccupantRow]):
    """The rows as typed; unsaved rows have no key, so ``ObjectRole`` is left unanswered."""

    NAME, ID_NUMBER, PHONE, TEMPERATURE, STATUS = range(5)
    _FIELDS = ("name", "id_number", "phone", "temperature")
    HEADERS = (
        QT_TRANSLATE_NOOP("OccupantsModel", "姓名"),
        QT_TRANSLATE_NOOP("OccupantsModel", "身份证号"),
        QT_TRANSLATE_NOOP("OccupantsModel", "联系电话"),
        QT_TRANSLATE_NOOP("OccupantsModel", "体温"),
        QT_TRANSLATE_NOOP("OccupantsModel", "台账"),
    )
    TRANSLATION_CONTEXT = "OccupantsModel"
    ROW_NUMBERS = True

    def _cell(self, row: OccupantRow, column: int, role: int) -> object:
        if column == self.STATUS:
            if role in (Qt.ItemDataRole.DisplayRole, SortRole):
                return self.tr("已转入台账") if row.case_id else ""
            if role == Qt.ItemDataRole.ForegroundRole and row.case_id:
                return QBrush(LINKED_COLOUR)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SortRole):
            return getattr(row, self._FIELDS[column])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != self.STATUS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == self.STATUS:
            return False
        text = "" if value is None else str(value).strip()
        row = self._items[index.row()]
        self._items[index.row()] = replace(row, **{self._FIELDS[index.column()]: text})
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    # --- whole-list operations ------------------------------------------------------------------

    def rows(self) -> list[OccupantRow]:
        return list(self._items)

    def set_rows(self, rows: list[OccupantRow]) -> None:
        self._set_items(rows)

    def append_row(self) -> int:
        position = len(self._items)
        self._insert_item(position, OccupantRow())
        return position

    def remove_row(self, position: int) -> None:
        if 0 <= position < len(self._items):
            self._remove_item(position)

    def filled_count(self) -> int:
        return sum(not r.is_blank() for r in self._items)

    def highest_temperature(self) -> float | None:
        values: list[float] = []
        for row in self._items:
            try:
                values.append(parse_temperature(row.temperature))
            except ValidationError:
                continue
        return max(values) if values else None

    def checked_inputs(self) -> tuple[list[OccupantInput], RowProblem | None]:
        """The filled rows as service input, or the first problem (row, column, reason)."""
        inputs: list[OccupantInput] = []
        for number, row in enumerate(self._items):
            if row.is_blank():
                continue
            if not row.name.strip():
                return [], RowProblem(number, self.NAME, self.tr("请填写姓名"))
            checks = (
                (self.ID_NUMBER, row.id_number, parse_resident_id),
                (self.PHONE, row.phone, normalize_mobile_or_landline),
                (self.TEMPERATURE, row.temperature, parse_temperature),
            )
            for column, text, check in checks:
                if text.strip():
                    try:
                        check(text)
                    except ValidationError as error:
                        return [], RowProblem(number, column, str(error))
            inputs.append(
                OccupantInput(row.name, row.id_number or None, row.phone or None,
                              row.temperature or None)
            )  # fmt: skip
        return inputs, None


def rows_from(occupants: tuple[OccupantInfo, ...]) -> list[OccupantRow]:
    return [
        OccupantRow(
            o.name,
            o.id_number or "",
            o.phone or "",
            "" if o.temperature is None else f"{o.temperature:.1f}",
            o.case_id,
        )
        for o in occupants
    ]


class OccupantsEditor(QWidget):
    """The table of people aboard with 添加/删除 buttons. ``countChanged`` tells the form how many
    rows are filled in (so 车上人数 can follow)."""

    countChanged = Signal(int)
    temperaturesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OccupantsModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.view = QTableView()
        self.view.setObjectName("occupantsTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 170, 120, 60, 90)):
            self.view.setColumnWidth(column, width)
        header.setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("添加乘车人(&R)"))
        self.add_button.setObjectName("addOccupant")
        self.remove_button = QPushButton(self.tr("删除乘车人"))
        self.remove_button.setObjectName("removeOccupant")
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_current)
        self.model.dataChanged.connect(self._data_changed)
        self.model.rowsInserted.connect(self._count_changed)
        self.model.rowsRemoved.connect(self._count_changed)
        self.model.modelReset.connect(self._count_changed)

    def add_row(self) -> None:
        position = self.model.append_row()
        index = self.proxy.mapFromSource(self.model.index(position, OccupantsModel.NAME))
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(self.proxy.mapToSource(index).row())

    def focus_cell(self, row: int, column: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, column))
        self.view.setCurrentIndex(index)
        self.view.setFocus()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        self._count_changed()
        if top_left.column() <= OccupantsModel.TEMPERATURE <= bottom_right.column():
            self.temperaturesChanged.emit()

    def _count_changed(self, *_args: object) -> None:
        self.countChanged.emit(self.model.filled_count())
