"""设置 › 备份与恢复: list, 立即备份, restore from the page (the GUI holds the data dir's lock)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import roster
from app.services.access import Role, act_as, actor
from app.services.roster import RosterFilter
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages.settings import SettingsPage
from app.ui.settings import backup_section
from app.ui.settings.backup_section import BackupSection
from tests.ui.assignments.test_assignments import register
from tests.ui.conftest import RecordedMessages


@pytest.fixture
def section(main_window: MainWindow, ctx: UiContext) -> Iterator[BackupSection]:
    page = main_window.navigate("settings", "backups")
    assert isinstance(page, SettingsPage)
    yield page.backups
    ctx.db.close()  # a restore opened a new Database the ``db`` fixture does not know about


def active_names(ctx: UiContext) -> list[str]:
    ids = roster.roster_ids(ctx.db, RosterFilter(status="active"))
    return [row.name for row in roster.roster_rows(ctx.db, ids)]


@pytest.mark.usefixtures("synchronous_worker")
def test_backup_then_restore_brings_back_deleted_data(
    qtbot: QtBot, ctx: UiContext, section: BackupSection, messages: RecordedMessages
) -> None:
    case_id = register(ctx.db, "张三")
    assert section.model.rowCount() == 0
    assert str(ctx.paths.data_dir) in section.folder_label.text()

    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    assert section.model.rowCount() == 1
    backup = section.current_backup()
    assert backup is not None and backup.path.name.startswith("手动备份-")
    assert section.proxy.index(0, 1).data() == "手动备份"
    assert section.status.text() == f"已备份到：{backup.path}"

    roster.delete_case(ctx.db, case_id)
    assert active_names(ctx) == []
    old_db = ctx.db
    changed: list[str] = []
    ctx.events.roster_changed.connect(lambda: changed.append("roster"))

    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)

    assert messages.of_kind("confirm") and backup.path.name in messages.of_kind("confirm")[0]
    assert ctx.db is not old_db
    assert active_names(ctx) == ["张三"]
    assert changed == ["roster"]  # every page is told to reload
    [info] = messages.of_kind("info")
    safety = Path(info.rsplit("\n", 1)[1])
    assert safety.parent == ctx.paths.backups and safety.name.startswith("恢复前备份-")
    assert safety.is_file()
    assert section.current_backup() is not None and section.current_backup().path == safety
    assert [section.proxy.index(r, 1).data() for r in range(2)] == ["恢复前备份", "手动备份"]
    # the reopened ledger keeps the operator and accepts changes
    assert ctx.db.operator == old_db.operator
    roster.delete_case(ctx.db, case_id)
    assert active_names(ctx) == []


def test_saying_no_restores_nothing(
    ctx: UiContext, section: BackupSection, messages: RecordedMessages
) -> None:
    register(ctx.db, "张三")
    ctx.db.backup(ctx.paths.backups / "手动备份-20240101-080000.sqlite3")
    section.refresh()
    section.table.selectRow(0)
    register(ctx.db, "李四")
    messages.confirm_answer = False
    db = ctx.db
    section.restore_selected()
    assert ctx.db is db
    assert sorted(active_names(ctx)) == ["张三", "李四"]


def test_a_damaged_backup_is_refused_and_the_ledger_stays_usable(
    ctx: UiContext, section: BackupSection, messages: RecordedMessages
) -> None:
    register(ctx.db, "张三")
    (ctx.paths.backups / "手动备份-20240101-080000.sqlite3").write_bytes(b"not a database" * 100)
    section.refresh()
    section.table.selectRow(0)
    section.restore_selected()
    [error] = messages.of_kind("error")
    assert error.startswith("没有恢复：这份备份已损坏，不能用来恢复")
    assert active_names(ctx) == ["张三"]
    register(ctx.db, "李四")  # the reopened ledger still takes changes
    assert len(active_names(ctx)) == 2


def test_only_an_administrator_may_restore(
    ctx: UiContext, section: BackupSection, messages: RecordedMessages
) -> None:
    ctx.db.backup(ctx.paths.backups / "手动备份-20240101-080000.sqlite3")
    section.refresh()
    section.table.selectRow(0)
    act_as(ctx.db, replace(actor(ctx.db), role=Role.CLERK))
    db = ctx.db
    section.restore_selected()
    assert messages.of_kind("error") == ["当前账号（录入员）无权恢复备份，请让管理员操作。"]
    assert messages.of_kind("confirm") == []
    assert ctx.db is db


def test_backups_are_listed_newest_first_with_their_kind(
    ctx: UiContext, section: BackupSection
) -> None:
    import os

    names = (
        "自动备份-20240101-080000.sqlite3",
        "迁移前备份-v1-20240102-080000.sqlite3",
        "别的文件.sqlite3",
    )
    for number, name in enumerate(names):
        path = ctx.paths.backups / name
        path.write_bytes(b"x" * 3000)
        os.utime(path, (1_700_000_000 + number * 60, 1_700_000_000 + number * 60))
    section.refresh()
    shown = [
        (
            section.proxy.index(r, 0).data(),
            section.proxy.index(r, 1).data(),
            section.proxy.index(r, 2).data(),
        )
        for r in range(section.proxy.rowCount())
    ]
    assert shown == [
        ("别的文件.sqlite3", "其他", "3 KB"),
        ("迁移前备份-v1-20240102-080000.sqlite3", "升级前备份", "3 KB"),
        ("自动备份-20240101-080000.sqlite3", "自动备份", "3 KB"),
    ]


def test_open_data_folder_button(
    qtbot: QtBot, ctx: UiContext, section: BackupSection, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(backup_section, "open_folder", lambda path: opened.append(path) or True)
    qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
    assert opened == [ctx.paths.data_dir]
