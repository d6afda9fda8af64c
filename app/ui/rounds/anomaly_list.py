"""未关闭的异常 — every open anomaly (all days) until someone records an outcome and closes it."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import rounds
from app.services.rounds import AnomalyInfo
from app.ui.context import UiContext
from app.ui.rounds.anomaly_dialog import AnomalyActionDialog, CloseAnomalyDialog, slot_label
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_view import row_table, sorting_proxy

UNHANDLED_TEXT = QColor("#a61b1b")


class AnomalyCol(IntEnum):
    DAY = 0
    NAME = 1
    OBSERVATION = 2
    ACTION = 3


_HEADERS = {
    AnomalyCol.DAY: QT_TRANSLATE_NOOP("AnomalyTableModel", "日期"),
    AnomalyCol.NAME: QT_TRANSLATE_NOOP("AnomalyTableModel", "姓名"),
    AnomalyCol.OBSERVATION: QT_TRANSLATE_NOOP("AnomalyTableModel", "情况"),
    AnomalyCol.ACTION: QT_TRANSLATE_NOOP("AnomalyTableModel", "处置"),
}


class AnomalyTableModel(ListTableModel[AnomalyInfo]):
    HEADERS = tuple(_HEADERS[column] for column in AnomalyCol)
    TRANSLATION_CONTEXT = "AnomalyTableModel"

    def set_items(self, items: list[AnomalyInfo]) -> None:
        self._set_items(items)

    def item(self, row: int) -> AnomalyInfo:
        return self._items[row]

    def items(self) -> list[AnomalyInfo]:
        return list(self._items)

    def _key(self, info: AnomalyInfo) -> int:
        return info.id

    def _cell(self, info: AnomalyInfo, index_column: int, role: int) -> object:
        column = AnomalyCol(index_column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == SortRole:
            if column == AnomalyCol.DAY:
                return f"{info.detected_on.isoformat()} {info.slot or ''} {info.id:08d}"
            return self._text(info, column)
        if role == Qt.ItemDataRole.ForegroundRole and not info.action:
            return UNHANDLED_TEXT  # nothing recorded yet: what needs doing now
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [info.observation]
            if info.action:
                lines.append(
                    self.tr("处置：{action}（{who} {at}）").format(
                        action=info.action,
                        who=info.handled_by or "",
                        at=f"{info.handled_at:%m-%d %H:%M}" if info.handled_at else "",
                    )
                )
            return "\n".join(lines)
        return None

    def _text(self, info: AnomalyInfo, column: AnomalyCol) -> str:
        if column == AnomalyCol.DAY:
            return f"{info.detected_on:%m-%d} {slot_label(info.slot)}".strip()
        if column == AnomalyCol.NAME:
            return info.person_name
        if column == AnomalyCol.OBSERVATION:
            return info.observation
        return info.action or self.tr("待处置")


class AnomalyListWidget(QWidget):
    """The side panel of the rounds page. Emits ``changed`` after an action or a close."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: AnomalyActionDialog | CloseAnomalyDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("anomalyHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        self.model = AnomalyTableModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(
            self.proxy,
            "anomalyTable",
            sort=(AnomalyCol.DAY, Qt.SortOrder.DescendingOrder),
            view=_AnomalyTable(),
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AnomalyCol.OBSERVATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AnomalyCol.DAY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AnomalyCol.NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.record_action())
        self.table.enter_pressed.connect(self.record_action)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.action_button = QPushButton(self.tr("记录处置(&R)"))
        self.action_button.clicked.connect(self.record_action)
        self.close_button = QPushButton(self.tr("关闭异常(&C)"))
        self.close_button.clicked.connect(self.close_selected)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync_buttons())
        self._sync_buttons()

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.set_items(rounds.anomalies(self.ctx.db, open_only=True))
        count = self.model.rowCount()
        self.heading.setText(self.tr("未关闭的异常（{count}）").format(count=count))
        if keep is not None:
            self.select(keep)
        elif count:
            self.table.setCurrentIndex(self.proxy.index(0, AnomalyCol.NAME))
        self._sync_buttons()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def selected(self) -> AnomalyInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item(self.proxy.mapToSource(index).row())

    def select(self, anomaly_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, AnomalyCol.NAME)
            if index.data(ObjectRole) == anomaly_id:
                self.table.setCurrentIndex(index)
                return True
        return False

    def record_action(self) -> None:
        info = self.selected()
        if info is not None:
            self._open(AnomalyActionDialog(self.ctx, info, self))

    def close_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self._open(CloseAnomalyDialog(self.ctx, info, self))

    def _open(self, dialog: AnomalyActionDialog | CloseAnomalyDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._done)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.table.setFocus()

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()

    def _sync_buttons(self) -> None:
        has = self.table.currentIndex().isValid()
        self.action_button.setEnabled(has)
        self.close_button.setEnabled(has)


class _AnomalyTable(QTableView):
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)
