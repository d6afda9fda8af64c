"""导出选项 in the GUI: the masking default per report kind, the file password, and the export
paths of the checkpoint and rounds pages applying both."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import checkpoints as cp
from app.services import privacy, reference, roster
from app.services.privacy import ExportProtection
from app.services.roster import CaseInput, PersonInput
from app.ui.checkpoints.export_dialog import ExportRangeDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from app.ui.pages import rounds as rounds_page
from app.ui.pages.checkpoints import CheckpointsPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.rounds import RoundsPage
from app.ui.reports import files as report_files
from app.ui.widgets.export_options import ExportOptionsDialog, ExportOptionsWidget
from tests.helpers.pinned_clock import suite_today
from tests.ui.conftest import RecordedMessages

TODAY = suite_today()
DRIVER_ID, DRIVER_PHONE = "11010519491231002X", "13812345678"


def cells(path: Path, password: str | None = None) -> list[object]:
    if password is None:
        book = openpyxl.load_workbook(path)
    else:
        plain = io.BytesIO()
        with path.open("rb") as stream:
            office = msoffcrypto.OfficeFile(stream)
            office.load_key(password=password)
            office.decrypt(plain)
        book = openpyxl.load_workbook(plain)
    return [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]


def test_the_options_follow_the_default_of_each_report_kind(qtbot: QtBot, ctx: UiContext) -> None:
    options = ExportOptionsWidget(ctx, "roster")
    qtbot.addWidget(options)
    options.show()
    assert options.mask.isChecked()  # every kind is masked by default
    assert "默认隐藏" in options.default_note.text()
    privacy.save_masked_kinds(ctx.db, {"roster"})
    options.set_kind("daily")
    assert not options.mask.isChecked()  # a 管理员 changed the daily report's default
    assert "默认不隐藏" in options.default_note.text()
    assert not options.password.isVisible()
    options.encrypt.setChecked(True)
    assert options.password.isVisible() and options.repeat.isVisible()
    options.password.setText("12345")
    options.repeat.setText("12345")
    assert not options.validate()
    assert options.problem.text() == "文件密码至少要 6 位。"
    options.password.setText("township-22")
    options.repeat.setText("township-22")
    assert options.validate() and not options.problem.isVisible()
    assert options.protection() == ExportProtection(mask_personal=False, password="township-22")
    options.encrypt.setChecked(False)
    assert options.protection().password is None


@pytest.fixture
def checkpoint_page(qtbot: QtBot, ctx: UiContext, db: Database) -> CheckpointsPage:
    reference.save_unit_profile(db, reference.UnitInfo("东村", "城关镇", "王会计", "13800138000"))
    checkpoint = cp.save_checkpoint(db, "东村村口", location="村口")
    cp.record_pass(
        db,
        cp.PassInput(
            checkpoint_id=checkpoint.id, plate="浙A88888", driver_name="王五",
            driver_id_number=DRIVER_ID, driver_phone=DRIVER_PHONE, origin="上海",
        ),
    )  # fmt: skip
    page = CheckpointsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_checkpoint_export_masks_and_encrypts_as_chosen(
    checkpoint_page: CheckpointsPage,
    tmp_path: Path,
    messages: RecordedMessages,
    synchronous_worker: None,
) -> None:
    target = tmp_path / "车辆.xlsx"

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ExportRangeDialog) and dialog.options is not None
        assert dialog.options.mask.isChecked()  # vehicles: masked by default
        dialog.options.encrypt.setChecked(True)
        dialog.options.password.setText("township-22")
        dialog.options.repeat.setText("township-2")
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted  # stays open: passwords differ
        dialog.options.repeat.setText("township-22")
        dialog.accept()
        return dialog.result()

    checkpoint_page.run_dialog = answer  # type: ignore[method-assign]
    checkpoint_page.ask_save_path = lambda _path: target  # type: ignore[method-assign]
    checkpoint_page.export()

    assert privacy.is_encrypted(target)
    shown = cells(target, "township-22")
    assert "110105********002X" in shown and "138****5678" in shown
    assert DRIVER_ID not in shown and DRIVER_PHONE not in shown
    info = messages.of_kind("info")[-1]
    assert "已导出 1 辆车" in info and "文件已加密" in info


@pytest.fixture
def rounds(qtbot: QtBot, ctx: UiContext, db: Database) -> RoundsPage:
    reference.save_unit_profile(db, reference.UnitInfo("东村", "城关镇", "王会计", "13800138000"))
    roster.register_case(
        db,
        PersonInput(name="张三", id_number=DRIVER_ID, phone=DRIVER_PHONE),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=1)),
    )
    page = RoundsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_rounds_sheet_export_asks_for_the_options_first(
    rounds: RoundsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
    synchronous_worker: None,
) -> None:
    target = tmp_path / "填报表.xlsx"
    asked: list[str] = []

    def ask(_parent: object, _ctx: object, kind: str, _title: str) -> ExportProtection:
        asked.append(kind)
        return ExportProtection(mask_personal=True)

    monkeypatch.setattr(rounds_page, "ask_export_protection", ask)
    monkeypatch.setattr(rounds_page, "save_file_path", lambda *a, **k: target)
    rounds.choose_export()
    assert asked == ["rounds-sheet"]
    shown = cells(target)
    assert "110105********002X" in shown and DRIVER_ID not in shown
    assert "身份证号和电话已隐藏中间几位" in messages.of_kind("info")[-1]

    monkeypatch.setattr(rounds_page, "ask_export_protection", lambda *a: None)
    target.unlink()
    rounds.choose_export()  # 取消 on the options: no save dialog, no file
    assert not target.exists()


def test_the_options_dialog_keeps_wrong_passwords_from_going_on(
    qtbot: QtBot, ctx: UiContext
) -> None:
    dialog = ExportOptionsDialog(ctx, "rounds-sheet", "导出体温填报表")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.options.mask.isChecked()  # the fill-in sheet is masked by default
    dialog.options.encrypt.setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and dialog.options.problem.text() == "文件密码至少要 6 位。"
    dialog.options.password.setText("township-22")
    dialog.options.repeat.setText("township-22")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_reports_page_offers_the_options_for_every_form(
    qtbot: QtBot,
    db: Database,
    main_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    synchronous_worker: None,
) -> None:
    reference.save_unit_profile(db, reference.UnitInfo("东村", "城关镇", "王会计", "13800138000"))
    roster.register_case(
        db,
        PersonInput(name="张三", id_number=DRIVER_ID, phone=DRIVER_PHONE),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=1)),
    )
    page = main_window.navigate("reports")
    assert isinstance(page, ReportsPage)
    panel = page.export_panel
    assert panel.options.mask.isChecked()  # 日报表: masked by default
    panel.select_kind("roster")
    assert panel.options.mask.isChecked()  # 在管人员台账: masked by default

    target = tmp_path / "在管.xlsx"
    monkeypatch.setattr(report_files, "ask_save_path", lambda *_args: target)
    panel.options.encrypt.setChecked(True)
    panel.options.password.setText("township-22")
    panel.options.repeat.setText("township-22")
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)

    assert privacy.is_encrypted(target)
    shown = cells(target, "township-22")
    assert "110105********002X" in shown and DRIVER_ID not in shown
    assert "文件已加密" in panel.status.text()
