"""File dialogs answered in tests, recording what the clerk would have seen.

The app's dialogs are ``QFileDialog`` objects (app/ui/widgets/file_dialogs.py); a test patches
their ``exec`` so nothing waits for a click, and each dialog shown is kept as a ``ShownDialog``:
its title, its Chinese labels, its file-type filters and the folder it opened in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

_Label = QFileDialog.DialogLabel


@dataclass(frozen=True)
class ShownDialog:
    title: str
    look_in: str  # the "查找范围：" label
    file_type: str  # the "文件类型：" label
    filters: list[str]  # one entry per line of the 文件类型 list
    folder: Path


@dataclass
class FileDialogs:
    """``answer`` is what the clerk picks in the next dialogs ([] = cancel)."""

    answer: list[Path] = field(default_factory=list)
    shown: list[ShownDialog] = field(default_factory=list)


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, *answer: Path) -> FileDialogs:
    dialogs = FileDialogs(list(answer))

    def exec_(dialog: QFileDialog) -> QFileDialog.DialogCode:
        dialogs.shown.append(
            ShownDialog(
                dialog.windowTitle(),
                dialog.labelText(_Label.LookIn),
                dialog.labelText(_Label.FileType),
                dialog.nameFilters(),
                Path(dialog.directory().absolutePath()),
            )
        )
        if not dialogs.answer:
            return QFileDialog.DialogCode.Rejected
        return QFileDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda _d: [str(p) for p in dialogs.answer])
    return dialogs
