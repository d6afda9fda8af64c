"""在管人员包保情况: each case under management, who holds each required 包保 role, what is missing.

The model holds the ordered case ids and fetches rows lazily, a chunk at a time, through a plain
function it is given (convention 2) — it never sees a session. The role columns are the union of
the roles the active measures require (三包一 by default, more where a village runs 五包一).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from app.services import assignments, roster
from app.services.assignments import CaseCoverage, TeamMember
from app.services.ledger import Database
from app.services.reference import NamedItem
from app.services.roster import CaseRow
from app.ui.widgets.role_columns import RoleColumns
from app.ui.widgets.roles import DIMMED, ObjectRole, SortRole
from app.ui.widgets.table_base import Index, TableModelBase

MISSING_COLOR = QColor("#b00020")
MISSING_BACKGROUND = QColor("#fde8ea")
COMPLETE_COLOR = QColor("#1b7f3b")


@dataclass(frozen=True)
class CoverageRow:
    """One case and its 包保 coverage, as the table shows it."""

    case: CaseRow
    coverage: CaseCoverage

    def member(self, role_id: int) -> TeamMember | None:
        for member in self.coverage.team:
            if member.role_id == role_id:
                return member
        return None

    def requires(self, role_id: int) -> bool:
        return role_id in self.coverage.required_role_ids


def load_coverage_rows(db: Database, case_ids: list[int]) -> list[CoverageRow]:
    """Rows for these ids, in the given order (ids no longer found are left out)."""
    rows = roster.roster_rows(db, case_ids)
    coverage = assignments.case_coverage(db, [row.id for row in rows])
    return [CoverageRow(row, coverage[row.id]) for row in rows]


Fetch = Callable[[list[int]], list[CoverageRow]]


class CaseCoverageModel(RoleColumns, TableModelBase):
    """Fixed columns, then one column per required role, then the coverage badge."""

    NAME, GROUP, MEASURE, PLANNED_END = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("CaseCoverageModel", "姓名"),
        QT_TRANSLATE_NOOP("CaseCoverageModel", "村民小组"),
        QT_TRANSLATE_NOOP("CaseCoverageModel", "管控措施"),
        QT_TRANSLATE_NOOP("CaseCoverageModel", "计划解除"),
    )
    TRANSLATION_CONTEXT = "CaseCoverageModel"
    FIXED_COLUMNS = len(HEADERS)
    CHUNK = 200

    def __init__(self, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._position: dict[int, int] = {}
        self._roles: list[NamedItem] = []
        self._cache: dict[int, CoverageRow] = {}

    # --- loading ------------------------------------------------------------------------------

    def reload(self, case_ids: Sequence[int], roles: Sequence[NamedItem]) -> None:
        """Show these cases with these role columns.

        The same ids and columns are refreshed in place (``dataChanged``, selection kept); a
        different set of rows or columns resets the model.
        """
        ids, roles = list(case_ids), list(roles)
        if ids == self._ids and roles == self._roles:
            self._cache.clear()
            self._emit_changed(0, len(ids) - 1)
            return
        self.beginResetModel()
        self._ids = ids
        self._position = {case_id: row for row, case_id in enumerate(ids)}
        self._roles = roles
        self._cache.clear()
        self.endResetModel()

    def refresh_cases(self, case_ids: Sequence[int]) -> None:
        """Fetch these cases again (after an assignment changed them)."""
        rows = [self._position[c] for c in case_ids if c in self._position]
        if not rows:
            return
        for case_id in case_ids:
            self._cache.pop(case_id, None)
        self._emit_changed(min(rows), max(rows))

    def _emit_changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    # --- access -------------------------------------------------------------------------------

    @property
    def roles(self) -> list[NamedItem]:
        return list(self._roles)

    @property
    def case_ids(self) -> list[int]:
        return list(self._ids)

    def coverage_column(self) -> int:
        return self.FIXED_COLUMNS + len(self._roles)

    def row_of(self, case_id: int) -> int | None:
        return self._position.get(case_id)

    def row_data(self, row: int) -> CoverageRow | None:
        """The row's data, fetching its chunk first if needed (``None`` if the case is gone)."""
        if not 0 <= row < len(self._ids):
            return None
        case_id = self._ids[row]
        if case_id not in self._cache:
            start = row - row % self.CHUNK
            missing = [c for c in self._ids[start : start + self.CHUNK] if c not in self._cache]
            for fetched in self._fetch(missing):
                self._cache[fetched.case.id] = fetched
        return self._cache.get(case_id)

    # --- TableModelBase ------------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._ids)

    def _item(self, row: int) -> CoverageRow | None:
        return self.row_data(row)

    def _column_count(self) -> int:
        return self.FIXED_COLUMNS + len(self._roles) + 1

    def _titles(self) -> list[str]:
        return [*super()._titles(), *(r.name for r in self._roles), self.tr("包保情况")]

    def _header_tooltip(self, section: int) -> str | None:
        if self.role_of_column(section) is not None:
            return self.tr("“—”表示该人员的管控措施不要求这个角色")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The key comes from the id list and roles no cell answers are refused before a row is
        # fetched: neither may cost a query.
        if role == ObjectRole and index.isValid() and 0 <= index.row() < len(self._ids):
            return self._ids[index.row()]
        if role not in _ROLES_SHOWN:
            return None
        return super().data(index, role)

    def _cell(self, row: CoverageRow, column: int, role: int) -> Any:
        if column < self.FIXED_COLUMNS:
            return self._fixed_data(row, self._position[row.case.id], column, role)
        staff_role = self.role_of_column(column)
        if staff_role is not None:
            return self._role_data(row, staff_role, role)
        return self._coverage_data(row, role)

    def _fixed_data(self, row: CoverageRow, position: int, column: int, role: int) -> Any:
        case = row.case
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return case.name
            if column == self.GROUP:
                return case.group_name or ""
            if column == self.MEASURE:
                return case.measure
            return case.planned_end.isoformat() if case.planned_end else ""
        if role == SortRole:
            if column == self.GROUP:  # the service's order is the natural 一组 < 二组 < 十组
                return position
            if column == self.PLANNED_END:
                return case.planned_end.toordinal() if case.planned_end else 10**7
            return self._fixed_data(row, position, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME and case.phone:
            return self.tr("{name} 电话：{phone}").format(name=case.name, phone=case.phone)
        return None

    def _role_data(self, row: CoverageRow, staff_role: NamedItem, role: int) -> Any:
        member = row.member(staff_role.id)
        required = row.requires(staff_role.id)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if member is not None:
                return member.name
            return "" if required else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if member is not None:
                phone = member.phone or self.tr("未留电话")
                return f"{member.name}（{member.role}）{phone}"
            if required:
                return self.tr("缺{role}：请分配").format(role=staff_role.name)
            return self.tr("{measure}不要求{role}").format(
                measure=row.case.measure, role=staff_role.name
            )
        if role == Qt.ItemDataRole.BackgroundRole and member is None and required:
            return MISSING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and member is None and not required:
            return DIMMED
        if role == Qt.ItemDataRole.TextAlignmentRole and member is None and not required:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _coverage_data(self, row: CoverageRow, role: int) -> Any:
        coverage = row.coverage
        if role == Qt.ItemDataRole.DisplayRole:
            if coverage.missing_roles:
                return self.tr("缺 {roles}").format(roles="、".join(coverage.missing_roles))
            if coverage.required_role_ids:
                return self.tr("齐全")
            return self.tr("无需包保")
        if role == SortRole:  # the worst first when sorted descending
            return len(coverage.missing_roles) if coverage.required_role_ids else -1
        if role == Qt.ItemDataRole.ForegroundRole:
            if coverage.missing_roles:
                return MISSING_COLOR
            return COMPLETE_COLOR if coverage.required_role_ids else DIMMED
        if role == Qt.ItemDataRole.FontRole and coverage.missing_roles:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and not coverage.required_role_ids:
            return self.tr("{measure}不要求包保").format(measure=row.case.measure)
        return None


_ROLES_SHOWN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        SortRole,
    }
)


class CaseCoverageProxy(QSortFilterProxyModel):
    """Sorting only: the filters (组别, 只看未落实) are applied when the ids are loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        # Re-sorting on every dataChanged would fetch every row after each assignment.
        self.setDynamicSortFilter(False)
