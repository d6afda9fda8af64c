"""Save and open dialogs that are Chinese throughout.

On Windows these are the system's own dialogs (in the language of Windows). On Linux Qt draws its
own dialog, translated by qtbase's Chinese catalogue — except "Look in:" and "Files of type:",
which that catalogue leaves in English; they are set here. The dialogs are built as objects (not
the static ``getSaveFileName``) so the labels can be set; ``exec`` still uses the native dialog
wherever the platform has one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.imports import READABLE_SUFFIXES
from app.ui.settings_store import open_settings


def remembered_folder(key: str, default: Path) -> Path:
    """The folder stored under settings ``key`` (the last one a file was chosen in), or
    ``default`` the first time or when that folder is gone."""
    stored = str(open_settings().value(key, "") or "")
    folder = Path(stored) if stored else default
    return folder if folder.is_dir() else default


def remember_folder(key: str, folder: Path) -> None:
    settings = open_settings()
    settings.setValue(key, str(folder))
    settings.sync()


def readable_files_filter(label: str) -> str:
    """An open dialog's filter for every kind of file the importers read — "名单文件 (*.xlsx
    *.xls *.et *.csv …);;所有文件 (*)" — with ``label`` (translated) naming what is chosen."""
    patterns = " ".join(f"*{suffix}" for suffix in READABLE_SUFFIXES)
    every_file = QCoreApplication.translate("file_dialogs", "所有文件")
    return f"{label} ({patterns});;{every_file} (*)"


def file_dialog(parent: QWidget | None, title: str, start: Path, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(start), name_filter)
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("file_dialogs", "查找范围：")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType, QCoreApplication.translate("file_dialogs", "文件类型：")
    )
    return dialog


def save_file_path(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str
) -> Path | None:
    """The path chosen to save to (``suggested`` prefilled), or None when cancelled."""
    dialog = file_dialog(parent, title, suggested.parent, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested.name)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def open_file_paths(
    parent: QWidget | None, title: str, folder: Path, name_filter: str, *, many: bool = False
) -> list[Path]:
    """The existing file(s) chosen, or [] when cancelled."""
    dialog = file_dialog(parent, title, folder, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(
        QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
    )
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return [Path(p) for p in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()
