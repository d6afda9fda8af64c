"""Shared bits of the roster, person and Today GUI tests."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models.validation import resident_id_check_char
from app.services import demo, roster
from app.services.roster import CaseRow, RosterFilter


def valid_id(body17: str = "33030219900307123") -> str:
    """A resident ID with the right check character (the 17th digit 3 is odd: 男)."""
    return body17 + resident_id_check_char(body17)


def demo_village(db: Database, *, hour: int = 21, persons: int = 60) -> None:
    """The demo village as of ``hour`` o'clock today (8: no reading taken yet today)."""
    demo.generate(db, persons=persons, now=datetime.combine(date.today(), time(hour, 0)))


def zhang_san(db: Database) -> CaseRow:
    """The demo village's 张三, whether on the roster or deleted."""
    ids = [
        case_id
        for status in ("all", "deleted")
        for case_id in roster.roster_ids(db, RosterFilter(status=status, text="张三"))
    ]
    return next(r for r in roster.roster_rows(db, ids) if r.name == "张三")


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_of_text(model: QAbstractItemModel, column: int, text: str) -> QModelIndex:
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if index.data() == text:
            return index
    raise AssertionError(f"{text!r} not in column {column}: {column_texts(model, column)}")


def double_click(qtbot: QtBot, table: QTableView, index: QModelIndex) -> None:
    table.scrollTo(index)
    center = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
