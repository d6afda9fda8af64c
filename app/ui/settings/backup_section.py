"""备份与恢复 — the backups in the data folder, 立即备份, 恢复所选备份, and where the data lives.

Listing, backing up and restoring are the ledger service's (``app.services.ledger``); this is
the view. Restoring needs the data folder's lock, which the running app holds: the ledger is
closed, the backup copied in (``restore_backup`` first saves the current file as a 恢复前备份),
and the ledger opened again in the same ``UiContext`` (``reopen_database``); every page then
reloads.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    QThreadPool,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ExpectedError
from app.services.access import Permission, require
from app.services.ledger import (
    AUTOMATIC,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    MANUAL,
    BackupFile,
    list_backups,
    manual_backup,
    restore_backup,
)
from app.ui import messages
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.settings import SAVED_STYLE
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import SortRole
from app.ui.widgets.table_view import current_key, row_table, select_key, sorting_proxy
from app.ui.worker import run_in_background

log = logging.getLogger(__name__)


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, -(-size // 1024))} KB"  # rounded up: a 10-byte file is "1 KB", not "0 KB"


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class BackupTableModel(ListTableModel[BackupFile]):
    NAME, KIND, SIZE, MODIFIED = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("BackupTableModel", "文件名"),
        QT_TRANSLATE_NOOP("BackupTableModel", "类型"),
        QT_TRANSLATE_NOOP("BackupTableModel", "大小"),
        QT_TRANSLATE_NOOP("BackupTableModel", "备份时间"),
    )
    TRANSLATION_CONTEXT = "BackupTableModel"

    def set_backups(self, backups: list[BackupFile]) -> None:
        self._set_items(backups)

    def backup_at(self, row: int) -> BackupFile:
        return self._items[row]

    def kind_label(self, kind: str) -> str:
        labels = {
            AUTOMATIC: self.tr("自动备份"),
            MANUAL: self.tr("手动备份"),
            BEFORE_RESTORE: self.tr("恢复前备份"),
            BEFORE_UPGRADE: self.tr("升级前备份"),
        }
        return labels.get(kind, self.tr("其他"))

    # --- TableModelBase -----------------------------------------------------------------------

    def _key(self, backup: BackupFile) -> str:
        return str(backup.path)

    def _cell(self, backup: BackupFile, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(backup, column)
        if role == SortRole:
            if column == self.SIZE:
                return backup.size
            if column == self.MODIFIED:
                return backup.modified.timestamp()
            return self._text(backup, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, backup: BackupFile, column: int) -> str:
        if column == self.NAME:
            return backup.path.name
        if column == self.KIND:
            return self.kind_label(backup.kind)
        if column == self.SIZE:
            return human_size(backup.size)
        return backup.modified.strftime("%Y-%m-%d %H:%M:%S")


class BackupSection(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

        self.folder_label = QLabel()
        self.folder_label.setObjectName("dataFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开数据文件夹(&O)"))
        self.open_button.clicked.connect(self._open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_button)

        note = QLabel(
            self.tr(
                "自动备份保留最近 14 份；“立即备份”生成的手动备份不会被自动删除。"
                "恢复备份前，程序会先把现在的台账另存为一份“恢复前备份”，恢复错了还可以再恢复回来。"
                "为防电脑损坏，请定期把数据文件夹复制到U盘。"
            )
        )
        note.setWordWrap(True)

        self.model = BackupTableModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(
            self.proxy,
            "backupTable",
            sort=(BackupTableModel.MODIFIED, Qt.SortOrder.DescendingOrder),
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 300), (1, 90), (2, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.backup_button = QPushButton(self.tr("立即备份(&B)"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("恢复所选备份(&R)…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel()
        self.status.setStyleSheet(SAVED_STYLE)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        selected = self.current_backup()
        self.folder_label.setText(
            self.tr("数据文件夹：{path}").format(path=self.ctx.paths.data_dir)
        )
        self.model.set_backups(list_backups(self.ctx.paths.backups))
        if selected is not None:
            self.select(selected.path)
        self._update_buttons()

    def current_backup(self) -> BackupFile | None:
        return self.model.item_of(current_key(self.table))

    def select(self, path: Path) -> None:
        select_key(self.table, str(path))

    def _update_buttons(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.current_backup() is not None)

    def _open_data_folder(self) -> None:
        if not open_folder(self.ctx.paths.data_dir):
            messages.show_error(
                self,
                self.tr("无法打开文件夹，请手动打开：{path}").format(path=self.ctx.paths.data_dir),
            )

    # --- backup -------------------------------------------------------------------------------

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        run_in_background(
            self,
            manual_backup,
            self.ctx.db,
            on_done=self._backed_up,
            on_error=self._backup_failed,
            progress_label=self.tr("正在备份台账…"),
        )

    def _backed_up(self, path: Path) -> None:
        log.info("manual backup written to %s", path)
        self.backup_button.setEnabled(True)
        self.refresh()
        self.select(path)
        self.status.setText(self.tr("已备份到：{path}").format(path=path))

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        messages.show_error(self, str(error))

    # --- restore ------------------------------------------------------------------------------

    def restore_selected(self) -> None:
        backup = self.current_backup()
        if backup is None:
            self.status.setText(self.tr("请先在表格中选择一份备份。"))
            return
        with refusal_shown(self) as refused:
            require(self.ctx.db, Permission.RESTORE)
        if refused:
            return
        question = self.tr(
            "用备份“{name}”（{time}）替换现在的台账吗？\n\n"
            "现在的台账会先另存为一份“恢复前备份”；如果恢复错了，可以再从那份备份恢复回来。"
        ).format(name=backup.path.name, time=backup.modified.strftime("%Y-%m-%d %H:%M"))
        if not messages.ask_confirm(self, question):
            return
        safety = self._restore(backup.path)
        if safety is None:
            return
        for signal in self.ctx.events.all_signals():  # every page reloads from the restored file
            signal.emit()
        self.refresh()
        self.select(safety)
        self.status.setText(self.tr("已恢复。恢复前的台账另存为：{path}").format(path=safety))
        messages.show_info(
            self,
            self.tr("已从备份“{name}”恢复台账。\n\n恢复前的台账已另存为：\n{path}").format(
                name=backup.path.name, path=safety
            ),
        )

    def _restore(self, source: Path) -> Path | None:
        """Close, restore, reopen. Returns the safety copy, or ``None`` after showing why not."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # No background job may still be using the ledger when it is closed.
            QThreadPool.globalInstance().waitForDone()
            return self.ctx.reopen_database(lambda: restore_backup(self.ctx.paths, source))
        except ExpectedError as error:
            log.warning("restore from %s refused: %s", source, error)
            messages.show_error(self, self.tr("没有恢复：{reason}").format(reason=error))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
