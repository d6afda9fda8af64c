"""A morning round of 40 readings typed by keystrokes only, as a clerk types it heads-down:
two fevers and one symptom on the way, and no key may be lost or land in a dialog."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Slot
from app.services import demo, rounds
from app.ui.context import UiContext
from app.ui.pages.rounds import RoundsPage
from app.ui.rounds.symptom_popup import SymptomPopup
from tests.helpers.pinned_clock import suite_today
from tests.ui.conftest import RecordedMessages

TODAY = suite_today()
READINGS = 40
FEVERS = {7: "381", 23: "376"}  # row → keys typed (38.1 ℃, 37.6 ℃)
SYMPTOM_ROW = 15  # 干咳 ticked with Space, 2, Enter before the temperature


class Keyboard:
    """Sends each key to whatever has the focus, counts it, and checks after every key that no
    dialog has taken the focus (only the symptom popup may, and only while it is asked for)."""

    def __init__(self, qtbot: QtBot, page: RoundsPage) -> None:
        self.qtbot = qtbot
        self.page = page
        self.count = 0

    def key(self, key: Qt.Key | str, popup_allowed: bool = False) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(widget, key)
        self.count += 1
        QApplication.processEvents()  # what a real keyboard allows between two keys
        focus = QApplication.focusWidget()
        assert QApplication.activeModalWidget() is None
        assert not isinstance(focus.window() if focus else None, QDialog)
        if not popup_allowed:
            assert focus is not None and focus.window() is self.page.window()

    def type(self, text: str) -> None:
        for char in text:
            self.key(char)


def value_of(keys: str) -> float:
    return float(f"{keys[:2]}.{keys[2]}")


def test_forty_readings_by_keystrokes_only(
    qtbot: QtBot, db: Database, ctx: UiContext, messages: RecordedMessages
) -> None:
    demo.generate(db, persons=130, today=TODAY, now=datetime.combine(TODAY, time(7, 0)))
    page = RoundsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_round(TODAY, Slot.AM)
    page.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: page.view.hasFocus())
    assert page.model.rowCount() >= READINGS

    keyboard = Keyboard(qtbot, page)
    typed: dict[int, float] = {}
    for number in range(READINGS):
        case_id = page.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
        if number == SYMPTOM_ROW:
            keyboard.key(Qt.Key.Key_Space, popup_allowed=True)
            assert isinstance(QApplication.focusWidget(), SymptomPopup)
            keyboard.key("2", popup_allowed=True)
            keyboard.key(Qt.Key.Key_Return)
        keys = FEVERS.get(number, f"36{number % 10}")  # 360 … 369: 36.0 … 36.9 ℃
        keyboard.type(keys)
        keyboard.key(Qt.Key.Key_Return)
        typed[case_id] = value_of(keys)

    stored = {
        item.case_id: item.reading.celsius
        for item in rounds.due_list(db, TODAY, Slot.AM)
        if item.reading is not None
    }
    assert stored == typed and len(stored) == READINGS  # every value, exactly, on its person
    symptom_case = list(typed)[SYMPTOM_ROW]
    (with_symptom,) = [
        i.reading for i in rounds.due_list(db, TODAY, Slot.AM) if i.case_id == symptom_case
    ]
    assert with_symptom is not None and with_symptom.symptoms == ("干咳",)
    opened = [a for a in rounds.anomalies(db, day=TODAY) if a.kind != "核酸阳性"]  # the demo's 阳性
    assert sorted(a.case_id for a in opened) == sorted(
        list(typed)[n] for n in (*FEVERS, SYMPTOM_ROW)
    )
    assert messages == [] and page.anomaly_dialog is None
    assert page.waiting.text() == "待处置异常 3 条（F4）"
    # Four keys a reading (three digits and Enter) plus three for the symptom.
    assert keyboard.count == READINGS * 4 + 3 == 163
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert shown == []
