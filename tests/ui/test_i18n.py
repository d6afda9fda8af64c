"""Languages: Chinese by default (with Qt's own Chinese buttons), English from the compiled .qm."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.resources import resource_path
from app.ui.context import UiContext
from app.ui.i18n import install_translators, normalize_language, remove_translators
from app.ui.main_window import MainWindow
from tests.ui.conftest import stand_in_pages


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp)


@pytest.mark.usefixtures("english")
def test_english_navigation_menus_and_pages(qtbot: QtBot, ctx: UiContext) -> None:
    window = MainWindow(ctx, pages=stand_in_pages())
    qtbot.addWidget(window)
    nav = window.navigation
    assert [nav.item(row).text() for row in range(nav.count())] == [
        "Today",
        "Roster",
        "Temperatures",
        "Nucleic-acid tests",
        "Assignments",
        "Checkpoints",
        "Reports",
        "Settings",
        "Audit trail",
    ]
    assert [action.text() for action in window.menuBar().actions()] == [
        "&File",
        "&Go",
        "Language 语言",
        "&Help",
    ]
    page = window.navigate("rounds")
    assert page.title == "Temperatures"
    heading = page.findChild(QLabel, "pageHeading")
    assert heading is not None and heading.text() == "Temperatures"
    assert window.windowTitle() == "Temperatures — Fangyi Ledger"
    assert window.unit_label.text() == "Reporting unit: not set"


@pytest.mark.usefixtures("chinese")
def test_chinese_installs_qt_own_translation(qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QCoreApplication.translate("pages", "今日") == "今日"


def test_removing_translators_restores_the_source_text(qapp: QApplication) -> None:
    install_translators(qapp, "en")
    assert QCoreApplication.translate("pages", "设置") == "Settings"
    remove_translators(qapp)
    assert QCoreApplication.translate("pages", "设置") == "设置"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "zh_CN"),
        ("", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("en", "en"),
        ("en_US", "en"),
    ],
)
def test_language_names_are_normalised(given: str | None, expected: str) -> None:
    assert normalize_language(given) == expected


def test_resources_are_found_in_a_frozen_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert resource_path("icons", "today.svg").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("i18n", "en") == tmp_path / "resources" / "i18n" / "en"
