"""The GUI's way out (``aboutToQuit``: also a logout, WM_ENDSESSION or a stop signal): typing not
saved is refused by name, the -wal folded in, the data folder let go. The stop signal itself is
sent to a real GUI process in tests/test_durability.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.instance_lock import InstanceLock
from app.ui.app import ShutdownGuard
from app.ui.context import UiContext
from app.ui.roster.person_dialog import PersonDialog
from tests.helpers.ledgers import table_counts


def test_quitting_refuses_unsaved_typing_by_name_and_frees_the_folder(
    qtbot: QtBot, ctx: UiContext, caplog: pytest.LogCaptureFixture
) -> None:
    dialog = PersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("王小明")  # typed, never saved
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = ShutdownGuard(app)
    guard.ctx = ctx
    try:
        assert guard.unsaved_editors() == [dialog.windowTitle()]
        with caplog.at_level(logging.WARNING, logger="app.ui.app"):
            guard.close_ledger()
    finally:
        guard.uninstall()

    assert f"unsaved typing in {dialog.windowTitle()} was not saved" in caplog.text
    database = ctx.paths.database
    assert not Path(f"{database}-wal").exists() and not Path(f"{database}-shm").exists()
    with InstanceLock(ctx.paths.lock_file):  # released
        pass
    assert table_counts(database)["person"] == 0  # nothing of the typing reached the ledger
