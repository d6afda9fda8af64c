"""核酸 values as the interface names them: results (阴性/阳性/待出/未检), their colours, test days.

The ledger stores the Chinese words (they are what the sampling system and the county's tables
print); every page shows them through these functions, in one translation context, so the English
interface names them alike on the roster, the person page, the 核酸 page and Today.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from app.services.nucleic_tests import DueTest
from app.services.values import TestResult
from app.ui.widgets.roles import ALERT, GOOD, MUTED

CONTEXT = "TestValues"

_RESULTS = (
    QT_TRANSLATE_NOOP("TestValues", "阴性"),
    QT_TRANSLATE_NOOP("TestValues", "阳性"),
    QT_TRANSLATE_NOOP("TestValues", "待出"),
    QT_TRANSLATE_NOOP("TestValues", "未检"),
)

# A result's colour, alike wherever results are listed (待出 stays the text's own colour).
RESULT_COLORS: dict[TestResult, QColor] = {
    TestResult.POSITIVE: ALERT,
    TestResult.NEGATIVE: GOOD,
    TestResult.NOT_TESTED: MUTED,
}


def result_text(result: TestResult | str | None) -> str:
    """阴性 → "Negative" in English; "" for no result."""
    return QCoreApplication.translate(CONTEXT, str(result)) if result else ""


def result_texts() -> list[str]:
    """Every result as shown (the widest decides a results column's width)."""
    return [result_text(result) for result in TestResult]


def due_reason(item: DueTest) -> str:
    """Why someone is on the day's list: 第4天 of their measure, or the 全员核酸 round."""
    if item.due_day is None:
        return QCoreApplication.translate("TestValues", "全员核酸")
    return schedule_days_text([item.due_day])


def schedule_days_text(days: Iterable[int]) -> str:
    """(1, 4, 7) → 第1、4、7天, (4,) → 第4天, () → 无: a measure's test days."""
    numbers = [str(day) for day in days]
    if not numbers:
        return QCoreApplication.translate("TestValues", "无")
    if len(numbers) == 1:
        return QCoreApplication.translate("TestValues", "第{number}天").format(number=numbers[0])
    separator = QCoreApplication.translate("TestValues", "、")
    return QCoreApplication.translate("TestValues", "第{days}天").format(
        days=separator.join(numbers)
    )
