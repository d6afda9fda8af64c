"""操作留痕 page: an edit shows as old → new with who and when, filters, read-only, lazy, export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from app.db import Database
from app.models import AuditEntry, Slot
from app.services import privacy, roster, rounds
from app.services.roster import CaseInput, PersonInput
from app.ui.audit.table_model import (
    ACTION,
    CHANGES,
    OPERATOR,
    PERSON,
    TIME,
    AuditTableModel,
)
from app.ui.main_window import MainWindow
from app.ui.pages.audit import AuditPage
from app.ui.widgets.roles import ObjectRole, SortRole
from tests.helpers.pinned_clock import suite_today
from tests.ui.conftest import RecordedMessages
from tests.ui.file_dialog_helpers import answer_file_dialogs

TODAY = suite_today()


@pytest.fixture
def edited(db: Database) -> int:
    """张三 registered by 李明; his morning temperature typed as 36.5, corrected by 王医生."""
    db.operator = "李明"
    zhang = roster.register_case(
        db,
        PersonInput(name="张三", id_number="11010519491231002X", phone="13812345678"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=1)),
    )
    roster.register_case(
        db,
        PersonInput(name="李四", id_number="440524188001010014"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=1)),
    )
    rounds.record_reading(db, zhang.id, TODAY, Slot.AM, 36.5)
    db.operator = "王医生"
    rounds.record_reading(db, zhang.id, TODAY, Slot.AM, 37.8)
    return zhang.id


@pytest.fixture
def page(qtbot: QtBot, main_window: MainWindow, edited: int) -> AuditPage:
    shown = main_window.navigate("audit")
    assert isinstance(shown, AuditPage)
    return shown


def cell(page: AuditPage, row: int, column: int) -> str:
    return page.proxy.index(row, column).data()


def test_an_edit_shows_who_changed_what_old_to_new(page: AuditPage) -> None:
    assert page.title == "操作留痕"
    rows = page.proxy.rowCount()
    assert rows >= 4
    times = [page.proxy.index(r, TIME).data(SortRole) for r in range(rows)]
    assert times == sorted(times, reverse=True)  # newest first
    [row] = [r for r in range(rows) if cell(page, r, ACTION) == "修改"]
    assert cell(page, row, OPERATOR) == "王医生"
    assert cell(page, row, PERSON) == "张三"
    assert cell(page, row, CHANGES) == "体温：36.5 → 37.8"
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["时间", "操作员", "操作", "类别", "人员", "记录", "改动内容（原 → 新）"]

    page.table.selectRow(row)
    detail = page.detail.toPlainText()
    assert "王医生　修改　体温　张三" in detail
    assert "  体温：36.5 → 37.8" in detail.splitlines()


def test_filters_by_person_operator_kind_and_dates(qtbot: QtBot, page: AuditPage) -> None:
    qtbot.keyClicks(page.person, "ls")  # pinyin initials of 李四
    page.apply_filter()
    assert page.proxy.rowCount() >= 1
    assert {cell(page, r, PERSON) for r in range(page.proxy.rowCount())} == {"李四"}

    page.clear_filter()
    page.operator.setCurrentIndex(page.operator.findText("王医生"))
    shown = page.proxy.rowCount()
    assert {cell(page, r, OPERATOR) for r in range(shown)} == {"王医生"}
    assert page.count.text() == f"共 {shown} 条"  # the correction and the fever it raised

    page.clear_filter()
    page.entity.setCurrentIndex(page.entity.findText("体温"))
    assert {page.model.audit_row(r).entity_label for r in range(page.model.rowCount())} == {"体温"}

    page.clear_filter()
    tomorrow = TODAY + timedelta(days=1)
    page.first.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert page.proxy.rowCount() == 0
    assert not page.export_button.isEnabled()
    assert page.first.text() != "不限"
    page.clear_filter()
    assert page.first.text() == "不限" and page.proxy.rowCount() >= 4


def test_the_trail_cannot_be_edited(page: AuditPage) -> None:
    index = page.proxy.index(0, CHANGES)
    assert not page.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.table.editTriggers() == page.table.EditTrigger.NoEditTriggers


def test_model_is_lazy_and_passes_the_model_tester(
    qtmodeltester,
    db: Database,
    edited: int,  # type: ignore[no-untyped-def]
) -> None:
    with db.session() as session:
        session.info["skip_audit"] = True
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": datetime(2022, 2, 1, 8, 0) + timedelta(minutes=n),
                    "operator": "李明", "action": "修改", "entity": "temperature_reading",
                    "entity_id": n, "person_id": None,
                    "changes": json.dumps({"celsius": [36.5, 36.6]}), "summary": "",
                }
                for n in range(2000)
            ],
        )  # fmt: skip
    model = AuditTableModel(db)
    model.reload()
    assert model.rowCount() > 2000
    assert model.index(0, CHANGES).data()
    assert model.rows_fetched == 200  # one page, not the whole trail
    newest = max(e for e in (model.index(r, 0).data(ObjectRole) for r in range(model.rowCount())))
    assert model.index(0, 0).data(ObjectRole) == newest
    qtmodeltester.check(model)


def test_export_writes_what_is_shown_and_can_mask_and_encrypt(
    qtbot: QtBot,
    page: AuditPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
    synchronous_worker: None,
) -> None:
    target = tmp_path / "留痕.xlsx"
    dialogs = answer_file_dialogs(monkeypatch, target)
    page.person.setText("张三")
    page.apply_filter()
    shown = page.proxy.rowCount()
    page.options.mask.setChecked(False)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert messages.of_kind("info")[-1].startswith(f"已导出 {shown} 条操作留痕")
    asked = dialogs.shown[0]  # the save dialog is Chinese throughout
    assert (asked.title, asked.look_in, asked.file_type) == (
        "导出操作留痕",
        "查找范围：",
        "文件类型：",
    )
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert sum(1 for r in rows if r[4] == "张三") == shown
    assert any("11010519491231002X" in str(r[6]) for r in rows)

    page.options.mask.setChecked(True)
    page.options.encrypt.setChecked(True)
    page.options.password.setText("township-22")
    page.options.repeat.setText("township-2")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.options.problem.text() == "两次输入的文件密码不一致。"  # nothing written
    page.options.repeat.setText("township-22")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert privacy.is_encrypted(target)
    assert "文件已加密" in messages.of_kind("info")[-1]
    assert "身份证号和电话已隐藏中间几位" in messages.of_kind("info")[-1]
