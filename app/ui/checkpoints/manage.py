"""卡点管理: the list of checkpoints (名称, 地点, 级别 乡级/村级, 负责人, 启用) with 添加/修改/停用.

``CheckpointManager(ctx, parent)`` is a self-contained widget: the Settings page embeds it, and the
卡点登记 page opens it in ``CheckpointManagerDialog``. A checkpoint is never deleted — its passes
stay in the log — it is stopped (停用) and disappears from the entry page's choice.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import checkpoints as checkpoint_service
from app.services.checkpoints import LEVELS, CheckpointInfo
from app.ui.checkpoints.labels import shown
from app.ui.checkpoints.plate_input import ERROR_STYLE
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_view import row_table, sorting_proxy

STOPPED_COLOUR = QColor("#9e9e9e")


class CheckpointTableModel(ListTableModel[CheckpointInfo]):
    NAME, LOCATION, LEVEL, RESPONSIBLE, ACTIVE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("CheckpointTableModel", "卡点名称"),
        QT_TRANSLATE_NOOP("CheckpointTableModel", "地点"),
        QT_TRANSLATE_NOOP("CheckpointTableModel", "级别"),
        QT_TRANSLATE_NOOP("CheckpointTableModel", "负责人"),
        QT_TRANSLATE_NOOP("CheckpointTableModel", "状态"),
    )
    TRANSLATION_CONTEXT = "CheckpointTableModel"

    def _key(self, info: CheckpointInfo) -> int:
        return info.id

    def _cell(self, info: CheckpointInfo, column: int, role: int) -> object:
        if role == SortRole:
            return int(info.active) if column == self.ACTIVE else self._text(info, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return QBrush(STOPPED_COLOUR)
        return None

    def _text(self, info: CheckpointInfo, column: int) -> str:
        if column == self.NAME:
            return info.name
        if column == self.LOCATION:
            return info.location or ""
        if column == self.LEVEL:
            return shown(info.level)
        if column == self.RESPONSIBLE:
            return info.responsible or ""
        return self.tr("启用") if info.active else self.tr("已停用")

    def set_rows(self, rows: list[CheckpointInfo]) -> None:
        self._set_items(rows)

    def info(self, checkpoint_id: int) -> CheckpointInfo | None:
        return next((r for r in self._items if r.id == checkpoint_id), None)


class CheckpointDialog(QDialog):
    """添加/修改卡点. Saves through the service; a refused save keeps what was typed."""

    def __init__(
        self, ctx: UiContext, info: CheckpointInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.saved: CheckpointInfo | None = None
        self.setWindowTitle(self.tr("修改卡点") if info else self.tr("添加卡点"))
        self.name = QLineEdit(info.name if info else "")
        self.name.setObjectName("checkpointName")
        self.name.setMaxLength(50)
        self.location = QLineEdit(info.location or "" if info else "")
        self.location.setObjectName("checkpointLocation")
        self.level = QComboBox()
        self.level.setObjectName("checkpointLevel")
        for level in LEVELS:
            self.level.addItem(shown(level), level)
        self.level.setCurrentIndex(max(0, self.level.findData(info.level if info else "村级")))
        self.responsible = QLineEdit(info.responsible or "" if info else "")
        self.responsible.setObjectName("checkpointResponsible")
        self.active = QCheckBox(self.tr("启用（在卡点登记页可选）"))
        self.active.setObjectName("checkpointActive")
        self.active.setChecked(info.active if info else True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("卡点名称"), self.name)
        form.addRow(self.tr("地点"), self.location)
        form.addRow(self.tr("级别"), self.level)
        form.addRow(self.tr("负责人"), self.responsible)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        with refusal_shown(self.error.setText) as refused:
            self.saved = checkpoint_service.save_checkpoint(
                self.ctx.db,
                self.name.text(),
                location=self.location.text(),
                level=self.level.currentData(),
                responsible=self.responsible.text(),
                active=self.active.isChecked(),
                checkpoint_id=self.info.id if self.info else None,
            )
        if refused:
            self.name.setFocus()
            return
        super().accept()


class CheckpointManager(QWidget):
    """Table of checkpoints with 添加 (Ctrl+N), 修改 (Enter / double-click), 停用/启用."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CheckpointTableModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.view = row_table(  # in the service's order until a title is clicked
            self.proxy, "checkpointTable", sort=(-1, Qt.SortOrder.AscendingOrder)
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((160, 200, 70, 110)):
            self.view.setColumnWidth(column, width)

        self.add_button = QPushButton(self.tr("添加卡点"))
        self.add_button.setObjectName("addCheckpoint")
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.setObjectName("editCheckpoint")
        self.toggle_button = QPushButton(self.tr("停用"))
        self.toggle_button.setObjectName("toggleCheckpoint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.toggle_button.clicked.connect(self.toggle_current)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.New, self, self.add).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, self.edit_current).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        ctx.events.checkpoints_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        current = self.current_id()
        self.model.set_rows(checkpoint_service.checkpoints(self.ctx.db, include_inactive=True))
        if current is not None:
            self.select(current)
        self._update_buttons()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(ObjectRole)

    def select(self, checkpoint_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ObjectRole) == checkpoint_id:
                self.view.setCurrentIndex(index)
                self.view.selectRow(row)
                return

    def add(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        current = self.current_id()
        info = self.model.info(current) if current is not None else None
        if info is not None:
            self._open_dialog(info)

    def toggle_current(self) -> None:
        current = self.current_id()
        info = self.model.info(current) if current is not None else None
        if info is None:
            return
        with refusal_shown(self) as refused:
            checkpoint_service.save_checkpoint(
                self.ctx.db, info.name, location=info.location, level=info.level,
                responsible=info.responsible, active=not info.active, checkpoint_id=info.id,
            )  # fmt: skip
        if refused:
            return
        self.ctx.events.checkpoints_changed.emit()

    def _open_dialog(self, info: CheckpointInfo | None) -> None:
        dialog = CheckpointDialog(self.ctx, info, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.ctx.events.checkpoints_changed.emit()
            self.select(dialog.saved.id)

    def _update_buttons(self, *_args: object) -> None:
        current = self.current_id()
        info = self.model.info(current) if current is not None else None
        self.edit_button.setEnabled(info is not None)
        self.toggle_button.setEnabled(info is not None)
        self.toggle_button.setText(
            self.tr("启用") if info is not None and not info.active else self.tr("停用")
        )


class CheckpointManagerDialog(QDialog):
    """管理卡点 from the entry page."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("管理卡点"))
        self.manager = CheckpointManager(ctx, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.manager, 1)
        layout.addWidget(buttons)
        self.resize(720, 380)
