"""Choosing files for the reports page: save and open dialogs that remember the last folder.

Tests replace ``ask_save_path`` / ``ask_open_paths`` / ``open_folder``; nothing else here opens a
dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app.ui.widgets.file_dialogs import (
    open_file_paths,
    readable_files_filter,
    remember_folder,
    remembered_folder,
    save_file_path,
)

LAST_EXPORT_FOLDER_KEY = "reports/last_export_folder"
LAST_MERGE_FOLDER_KEY = "reports/last_merge_folder"


def export_folder(default: Path) -> Path:
    """The folder the last export went to (``paths.exports`` the first time)."""
    default.mkdir(parents=True, exist_ok=True)
    return remembered_folder(LAST_EXPORT_FOLDER_KEY, default)


def remember_export_folder(folder: Path) -> None:
    remember_folder(LAST_EXPORT_FOLDER_KEY, folder)


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """A save dialog prefilled with ``suggested``; ``.xlsx`` is added when the clerk drops it."""
    path = save_file_path(
        parent,
        title,
        suggested,
        QCoreApplication.translate("reports_files", "Excel 工作簿 (*.xlsx)"),
    )
    if path is None:
        return None
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_open_paths(parent: QWidget, title: str, default: Path) -> list[Path]:
    folder = remembered_folder(LAST_MERGE_FOLDER_KEY, default if default.is_dir() else Path.home())
    paths = open_file_paths(
        parent,
        title,
        folder,
        readable_files_filter(QCoreApplication.translate("reports_files", "日报表")),
        many=True,
    )
    if paths:
        remember_folder(LAST_MERGE_FOLDER_KEY, paths[0].parent)
    return paths


def open_folder(folder: Path) -> bool:
    """Show the folder in Explorer (or the system's file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
