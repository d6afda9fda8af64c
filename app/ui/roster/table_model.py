"""The roster table: 50,000 cases without loading 50,000 rows.

The model holds only the ordered case ids of the current filter (``roster.roster_ids``, one cheap
query) and fetches rows page by page (``roster.roster_rows``) the first time the view asks for one
of them, with the page's 包保 teams in one batch query for the coverage badge and the page's latest
核酸 results in another (``nucleic_tests.latest_tests``): a person whose 阳性 is not handled yet has
their name in red bold until the anomaly is closed, as Today's banner does.

Sorting: clicking a header re-queries the ordered ids with an ORDER BY (``roster_ids(sort=...)``).
Sorting in the proxy would ask for every row's data and so fetch all 50,000 rows; SQLite orders the
ids in well under 0.1 s. ``RosterProxyModel`` therefore forwards ``sort`` to this model and never
sorts itself; it exists so the roster follows the same view → proxy → model shape as every table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QFontMetrics

from app import clock
from app.services import assignments, nucleic_tests, reference, roster
from app.services.fields import PERSON_CASE, Field, Place
from app.services.ledger import Database
from app.services.nucleic_tests import LatestTest
from app.services.roster import CaseRow, RosterFilter
from app.services.values import TestResult
from app.ui.widgets.lazy_table import PAGE_SIZE as PAGE_SIZE  # re-exported (tests, benchmarks)
from app.ui.widgets.lazy_table import LazyIdTableModel
from app.ui.widgets.nucleic_labels import RESULT_COLORS, result_text, result_texts
from app.ui.widgets.roles import ALERT, GOOD, MUTED, SortRole
from app.ui.widgets.table_base import Index

#: The roster's columns: the person/case fields shown in tables (registry order), then the badge.
FIELDS: tuple[Field, ...] = PERSON_CASE.placed(Place.TABLE)
HEADERS = (QT_TRANSLATE_NOOP("RosterTableModel", "包保"),)
TEAM_KEY = "team"
COLUMN_KEYS: tuple[str, ...] = (*(f.key for f in FIELDS), TEAM_KEY)


def column_of(key: str) -> int:
    """The column showing a field (or ``TEAM_KEY``)."""
    return COLUMN_KEYS.index(key)


# The columns the model and the pages treat specially.
NAME, AGE, GROUP, START, PLANNED_END, STATUS, TEST, TEAM = (
    column_of(key)
    for key in (
        "name", "age", "group_name", "start_date", "planned_end", "status", "latest_test", TEAM_KEY
    )
)  # fmt: skip
#: roster_ids(sort=...) per column; None: the column cannot be ordered in SQL (computed per page).
SORT_KEYS: dict[int, str | None] = {
    column: key if key in roster.ROSTER_SORTS else None for column, key in enumerate(COLUMN_KEYS)
}
# Column widths in pixels for a 1366×768 screen (the clerk's own layout is remembered by the shell).
_WIDTHS = {"name": 80, "sex": 40, "age": 40, "id_number": 150, "phone": 100, "group_name": 70,
           "category": 120, "measure": 120, "start_date": 82, "planned_end": 82, "status": 90,
           "latest_test": 50, TEAM_KEY: 130}  # fmt: skip
_CELL_PADDING = 12
# The columns of the versions that saved the clerk's layout without naming its columns: before
# the 核酸 column, and with it (``KeyedHeaderView`` maps such a layout onto today's columns).
EARLIER_COLUMN_KEYS: tuple[tuple[str, ...], ...] = (
    ("name", "sex", "age", "id_number", "phone", "group_name", "category", "measure",
     "start_date", "planned_end", "status", TEAM_KEY),
    ("name", "sex", "age", "id_number", "phone", "group_name", "category", "measure",
     "start_date", "planned_end", "status", "latest_test", TEAM_KEY),
)  # fmt: skip


def default_width(column: int) -> int:
    """A column's width before the clerk changes it; the 核酸 column as wide as its widest result
    in the interface's language (Negative is wider than 阴性)."""
    width = _WIDTHS.get(COLUMN_KEYS[column], 100)
    if column != TEST:
        return width
    bold = QFont()
    bold.setBold(True)  # a 阳性 is bold
    metrics = QFontMetrics(bold)
    return max(width, *(metrics.horizontalAdvance(t) + _CELL_PADDING for t in result_texts()))


@dataclass(frozen=True)
class Coverage:
    """The 包保 badge of one case: who holds which role, and which required role nobody holds."""

    team: tuple[assignments.TeamMember, ...]
    missing: tuple[str, ...]
    applies: bool  # under management with a measure that requires roles

    def text(self) -> str:
        if not self.applies:
            return "—"
        if self.missing:
            return QCoreApplication.translate("RosterTableModel", "缺 {roles}").format(
                roles="、".join(self.missing)
            )
        return QCoreApplication.translate("RosterTableModel", "已落实")

    def tooltip(self) -> str:
        lines = [f"{m.role}：{m.name} {m.phone or ''}".strip() for m in self.team]
        if self.missing:
            lines.append(
                QCoreApplication.translate("RosterTableModel", "缺少：{roles}").format(
                    roles="、".join(self.missing)
                )
            )
        return "\n".join(lines) or QCoreApplication.translate("RosterTableModel", "未分配包保人员")


class RosterTableModel(LazyIdTableModel[RosterFilter, CaseRow]):
    """Ordered ids in memory, rows fetched lazily in pages of ``PAGE_SIZE``."""

    FIELDS = FIELDS
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "RosterTableModel"

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        self._sort_column = GROUP
        self._descending = False
        self._coverage: dict[int, Coverage] = {}
        self._tests: dict[int, LatestTest] = {}  # person id → latest test, for fetched pages
        self._required_roles: dict[int, tuple[tuple[int, str], ...]] = {}
        super().__init__(db, RosterFilter(), parent)

    # --- loading ------------------------------------------------------------------------------

    def _query_ids(self) -> list[int]:
        return roster.roster_ids(
            self._db,
            self._filter,
            sort=SORT_KEYS[self._sort_column] or "group_name",
            descending=self._descending,
        )

    def _forget_rows(self) -> None:
        super()._forget_rows()
        self._coverage.clear()
        self._tests.clear()
        self._required_roles = {
            m.id: tuple(zip(m.required_role_ids, m.required_role_names, strict=True))
            for m in reference.measures(self._db, include_inactive=True)
        }

    def _fetch_rows(self, ids: list[int]) -> list[CaseRow]:
        """The page's rows, with its 包保 teams and latest 核酸 results in a batch query each."""
        rows = roster.roster_rows(self._db, ids)
        teams = assignments.teams(self._db, ids)
        self._tests.update(nucleic_tests.latest_tests(self._db, {r.person_id for r in rows}))
        for case_row in rows:
            self._coverage[case_row.id] = self._coverage_of(case_row, teams.get(case_row.id, []))
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if SORT_KEYS.get(column) is None:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return self._sort_column, order

    def _coverage_of(self, row: CaseRow, team: list[assignments.TeamMember]) -> Coverage:
        required = self._required_roles.get(row.measure_id, ())
        held = {member.role_id for member in team}
        open_case = not row.deleted and (row.ended_on is None or row.ended_on > clock.today())
        missing = tuple(name for role_id, name in required if role_id not in held)
        return Coverage(tuple(team), missing if open_case else (), open_case and bool(required))

    # --- lookup -------------------------------------------------------------------------------

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def case_row(self, row: int) -> CaseRow | None:
        """The row's data (fetching its page if needed); None if it vanished meanwhile."""
        return self._row(row)

    def latest_test(self, row: int) -> LatestTest | None:
        """The row's person's latest 核酸 test (None: never tested)."""
        case_row = self._row(row)
        return self._tests.get(case_row.person_id) if case_row is not None else None

    # --- Qt model -----------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and 0 <= section < len(COLUMN_KEYS)
            and SORT_KEYS[section] is None
        ):
            return self.tr("按此列不能排序")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Bold is the roster's own (a 阳性): the lazy base answers only the roles every model has.
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row = self._row(index.row())
            return self._font(row, index.column()) if row is not None else None
        return super().data(index, role)

    def _cell(self, row: CaseRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if column == STATUS and role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return status_text(row)
        if column == TEST and role in (Qt.ItemDataRole.DisplayRole, SortRole):
            test = self._tests.get(row.person_id)
            return result_text(test.result) if test else ""
        if column == TEAM and role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._coverage[row.id].text()
        return self._field_cell(row, column, role)

    def _positive(self, row: CaseRow) -> LatestTest | None:
        """The row's person's latest test when their 阳性 is not handled yet (the mark)."""
        test = self._tests.get(row.person_id)
        return test if test is not None and test.marked else None

    def _font(self, row: CaseRow, column: int) -> QFont | None:
        test = self._tests.get(row.person_id)
        if test is None:
            return None
        if (column == NAME and test.marked) or (
            column == TEST and test.result is TestResult.POSITIVE
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _color(self, row: CaseRow, column: int) -> Any:
        if column == NAME and self._positive(row):
            return ALERT
        if column == TEST:
            test = self._tests.get(row.person_id)
            return RESULT_COLORS.get(test.result) if test else None
        if column == TEAM:
            coverage = self._coverage[row.id]
            if coverage.missing:
                return ALERT
            return GOOD if coverage.applies else MUTED
        if column == STATUS and row.ended_on is not None:
            return MUTED
        if column == PLANNED_END and row.planned_end and row.ended_on is None:
            return ALERT if row.planned_end <= clock.today() else None
        return None

    def _tooltip(self, row: CaseRow, column: int) -> str | None:
        if column == TEAM:
            return self._coverage[row.id].tooltip()
        positive = self._positive(row)
        if column == NAME and positive is not None and positive.positive_on is not None:
            mark = self.tr("核酸阳性（采样 {day}）").format(day=_month_day(positive.positive_on))
            return "\n".join(line for line in (mark, row.address) if line)
        if column == TEST:
            return self._test_tooltip(row)
        if column in (NAME, GROUP):
            return row.address
        if column == STATUS and row.note:
            return row.note
        return None

    def _test_tooltip(self, row: CaseRow) -> str | None:
        test = self._tests.get(row.person_id)
        if test is None:
            return self.tr("未做过核酸检测")
        lines = [
            self.tr("最近一次：{day} 采样，{result}").format(
                day=_month_day(test.sample_date), result=result_text(test.result)
            )
        ]
        if test.positive_on is not None:
            lines.append(
                self.tr("核酸阳性（采样 {day}），尚未处置").format(day=_month_day(test.positive_on))
            )
        return "\n".join(lines)


def _month_day(day: date) -> str:
    """ "12月3日" — the sample day as the tooltips name it."""
    return QCoreApplication.translate("RosterTableModel", "{month}月{day}日").format(
        month=day.month, day=day.day
    )


def status_text(row: CaseRow) -> str:
    """在管 / 期满解除 2022-02-15 / 已删除 — what the 状态 column and the person page show."""
    if row.deleted:
        return QCoreApplication.translate("RosterTableModel", "已删除")
    if row.ended_on is None:
        return QCoreApplication.translate("RosterTableModel", "在管")
    reason = row.end_reason or QCoreApplication.translate("RosterTableModel", "已结束")
    return f"{reason} {row.ended_on:%m-%d}"


class RosterProxyModel(QSortFilterProxyModel):
    """Passes header sorting to the source model (an ORDER BY), never sorting 50,000 rows itself."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RosterTableModel):
            source.sort(column, order)
