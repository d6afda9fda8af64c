"""填报单位 asked for on first run: saved through the service, which refuses a 录入员."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.services import reference
from app.services.access import Role, act_as, actor
from app.ui.context import UiContext
from app.ui.unit_profile_dialog import UnitProfileDialog
from tests.ui.conftest import RecordedMessages


def test_a_clerk_cannot_save_the_unit_profile(
    qtbot: QtBot, ctx: UiContext, messages: RecordedMessages
) -> None:
    act_as(ctx.db, replace(actor(ctx.db), role=Role.CLERK))
    dialog = UnitProfileDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editors["unit_name"]
    assert isinstance(editor, QLineEdit)
    editor.setText("城关镇东关村村民委员会")
    dialog.accept()
    assert dialog.isVisible()  # the typing stays, for an administrator to save
    assert messages == [("error", "当前账号（录入员）无权修改设置，请让管理员操作。")]
    assert reference.unit_profile(ctx.db).unit_name == ""
