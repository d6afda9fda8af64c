"""The preview of a 日报表: exactly the report's columns, one row per unit, optionally 合计.

Used for this unit's numbers before exporting and for the township merge (with the file each
unit came from). The sort proxy keeps the 合计 row at the bottom whichever way a column is sorted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from app.services.reports import TOTAL_LABEL, DailyTable, header_lines
from app.ui.widgets.roles import ObjectRole, SortRole, TotalRole

SEQ, UNIT = 0, 1  # 序号, 单位; the counts follow, then 来源文件 when sources are shown

Index = QModelIndex | QPersistentModelIndex


class DailyNumbersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._rows: list[tuple[int | None, str, list[int], str]] = []
        self._with_sources = False
        self._source_title = ""

    def set_table(
        self,
        table: DailyTable | None,
        *,
        with_total: bool = False,
        sources: dict[str, Path] | None = None,
        source_title: str = "",
    ) -> None:
        """Show ``table`` (None: empty). ``sources`` maps unit → file for a 来源文件 column."""
        self.beginResetModel()
        self._rows = []
        self._labels = list(table.labels) if table is not None else []
        self._with_sources = sources is not None
        self._source_title = source_title
        if table is not None:
            for n, line in enumerate(table.lines, start=1):
                source = sources.get(line.unit) if sources else None
                self._rows.append((n, line.unit, table.values(line), source.name if source else ""))
            if with_total and table.lines:
                self._rows.append((None, TOTAL_LABEL, table.total(), ""))
        self.endResetModel()

    def labels(self) -> list[str]:
        return list(self._labels)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._labels:
            return 0
        return len(self._labels) + (1 if self._with_sources else 0)

    def _value(self, row: int, column: int) -> Any:
        seq, unit, counts, source = self._rows[row]
        if column == SEQ:
            return seq
        if column == UNIT:
            return unit
        if column - 2 < len(counts):
            return counts[column - 2]
        return source

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        is_total = self._rows[row][0] is None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(row, column)
            return "" if value is None else str(value)
        if role == SortRole:
            return self._value(row, column)
        if role == ObjectRole:
            return self._rows[row][1]
        if role == TotalRole:
            return is_total
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = column == SEQ or 2 <= column < len(self._labels)
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self._labels):
            return self._labels[section]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self._labels):
            # Two lines broken between words, as in the workbook: the preview of a village's
            # report then fits 1366 pixels without sideways scrolling.
            return header_lines(self._labels[section])
        if self._with_sources and section == len(self._labels):
            return self._source_title
        return None


class TotalLastProxy(QSortFilterProxyModel):
    """Sorts on ``SortRole``; the 合计 row stays last in either direction."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        left_total = bool(left.data(TotalRole))
        right_total = bool(right.data(TotalRole))
        if left_total or right_total:
            # Qt reverses the comparison for a descending sort; answer so the total ends last.
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return right_total != descending if left_total != right_total else False
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or b is None:
            return a is None and b is not None
        if isinstance(a, str) != isinstance(b, str):
            return isinstance(a, int)
        return bool(a < b)
