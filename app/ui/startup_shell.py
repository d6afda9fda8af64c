"""The first window a clerk sees: shown before the ledger and its libraries are loaded.

Importing SQLAlchemy, the models and the pages and opening the ledger take most of a cold start;
this window (Qt only, no database) is on screen before any of that, where the main window will
appear, saying what is happening. The sign-in dialog opens over it; the main window replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from app.ui import window_place


class StartupShell(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startupShell")
        label = QLabel(self.tr("正在打开台账…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: palette(dark); font-size: 14pt;")
        self.setCentralWidget(label)
        window_place.place(self, with_state=False)
