"""The preview of a 日报表: exactly the report's columns, one row per unit, optionally 合计.

Used for this unit's numbers before exporting and for the township merge (with the file each
unit came from). The sort proxy keeps the 合计 row at the bottom whichever way a column is sorted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from app.services.reports import TOTAL_LABEL, DailyTable, header_lines
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import SortRole, TotalRole
from app.ui.widgets.table_base import Index

SEQ, UNIT = 0, 1  # 序号, 单位; the counts follow, then 来源文件 when sources are shown

#: One line: 序号 (None on 合计), 单位, its counts, the file it came from.
Line = tuple[int | None, str, list[int], str]


class DailyNumbersModel(ListTableModel[Line]):
    """The columns are the report's own labels (shown in two lines, as printed)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
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
        lines: list[Line] = []
        if table is not None:
            for n, line in enumerate(table.lines, start=1):
                source = sources.get(line.unit) if sources else None
                lines.append((n, line.unit, table.values(line), source.name if source else ""))
            if with_total and table.lines:
                lines.append((None, TOTAL_LABEL, table.total(), ""))
        # The columns change with the table: set them inside the reset, with the rows.
        self.beginResetModel()
        self._labels = list(table.labels) if table is not None else []
        self._with_sources = sources is not None
        self._source_title = source_title
        self._items = lines
        self.endResetModel()

    def labels(self) -> list[str]:
        return list(self._labels)

    # --- columns ------------------------------------------------------------------------------

    def _column_count(self) -> int:
        if not self._labels:
            return 0
        return len(self._labels) + (1 if self._with_sources else 0)

    def _titles(self) -> list[str]:
        # Two lines broken between words, as in the workbook: the preview of a village's report
        # then fits 1366 pixels without sideways scrolling.
        titles = [header_lines(label) for label in self._labels]
        return [*titles, self._source_title] if self._with_sources else titles

    def _header_tooltip(self, section: int) -> str | None:
        return self._labels[section] if section < len(self._labels) else None

    # --- cells --------------------------------------------------------------------------------

    def _key(self, line: Line) -> str:
        return line[1]

    @staticmethod
    def _value(line: Line, column: int) -> Any:
        seq, unit, counts, source = line
        if column == SEQ:
            return seq
        if column == UNIT:
            return unit
        if column - 2 < len(counts):
            return counts[column - 2]
        return source

    def _cell(self, line: Line, column: int, role: int) -> Any:
        is_total = line[0] is None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(line, column)
            return "" if value is None else str(value)
        if role == SortRole:
            return self._value(line, column)
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
