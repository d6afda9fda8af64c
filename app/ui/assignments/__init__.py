"""Widgets of the 包保分配 page: the staff table and dialog, the case-coverage table, and the
dialog that hands a retired staff member's cases to someone else.

Item-data roles shared by this package's table models (convention 2): ``SORT_ROLE`` gives the raw
value the proxy sorts by, ``OBJECT_ROLE`` the row's id so a selection survives sorting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
