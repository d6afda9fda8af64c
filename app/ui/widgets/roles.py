"""The item-data roles every table model answers (convention 2), defined once.

``ObjectRole`` gives the row's key (a case, person, pass or checkpoint id, a file path …) so a
selection or a click survives the sort proxy; ``SortRole`` the raw value the proxy sorts on (dates
as dates, ages as ints). The other roles mark a row for a delegate or a proxy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

__all__ = [
    "ALERT", "DIMMED", "GOOD", "MUTED", "AbnormalRole", "ObjectRole", "SortRole", "TotalRole",
]  # fmt: skip

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's key
SortRole = Qt.ItemDataRole.UserRole + 2  # raw value for sorting
AbnormalRole = Qt.ItemDataRole.UserRole + 3  # True when a round's row is red (fever or symptom)
TotalRole = Qt.ItemDataRole.UserRole + 4  # True on a 合计 row (kept last whatever the sort)

# The colours a cell's text takes (ForegroundRole).
ALERT = QColor("#c62828")  # red: overdue, missing, fever — what needs doing now
GOOD = QColor("#2e7d32")
MUTED = QColor("#6b7280")
DIMMED = QColor("#8a8a8a")  # a row switched off or not needed: 停用, 离岗, no 包保 required
