"""A table model over a long ordered id list whose rows are fetched a page at a time.

The roster (50,000 cases) and the audit trail (every change ever saved) cannot load all their rows.
Such a model holds only the ordered ids of the current filter (one cheap query) and fetches a page
of rows the first time the view asks for one of them. A subclass says how to query the ids
(``_query_ids``), how to fetch one page of rows (``_fetch_rows``) and what a cell shows
(``_cell``, or nothing for the registry's ``FIELDS``); the paging and the caches live here, the
Qt plumbing in ``TableModelBase``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt

from app.services.ledger import Database
from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_base import Index, TableModelBase

PAGE_SIZE = 200  # rows fetched per query: a few screens, one round trip


class HasId(Protocol):
    @property
    def id(self) -> int: ...


F = TypeVar("F")  # the filter the ids are queried with
R = TypeVar("R", bound=HasId)  # one fetched row


class LazyIdTableModel(TableModelBase, Generic[F, R]):
    """Ordered ids in memory, rows fetched lazily in pages of ``PAGE_SIZE``."""

    # The roles a cell answers from its row's data (ObjectRole needs only the id list).
    ANSWERED_ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            SortRole,
        }
    )

    def __init__(self, db: Database, initial_filter: F, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = initial_filter
        self._ids: list[int] = []
        self._rows: dict[int, R] = {}  # id → row, for fetched pages
        self._fetched_pages: set[int] = set()
        self.rows_fetched = 0  # how many rows were read from the database (tests, diagnostics)

    # --- for subclasses -----------------------------------------------------------------------

    def _query_ids(self) -> list[int]:
        """The ordered ids of the current filter and sort."""
        raise NotImplementedError

    def _fetch_rows(self, ids: list[int]) -> Sequence[R]:
        """The rows of these ids (one page); ids no longer found may be left out."""
        raise NotImplementedError

    def _forget_rows(self) -> None:
        """Drop every cached row (called on reload, inside the model reset)."""
        self._rows.clear()
        self._fetched_pages.clear()

    # --- loading ------------------------------------------------------------------------------

    def set_filter(self, flt: F) -> None:
        self._filter = flt
        self.reload()

    def current_filter(self) -> F:
        return self._filter

    def reload(self) -> None:
        """Re-query the ordered ids and forget the cached rows (after any change or new filter)."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._forget_rows()
        self.endResetModel()

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def _row(self, row: int) -> R | None:
        """The row's data (fetching its page if needed); None if it vanished meanwhile."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        if page not in self._fetched_pages:
            self._fetched_pages.add(page)
            rows = self._fetch_rows(self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
            self.rows_fetched += len(rows)
            for fetched in rows:
                self._rows[fetched.id] = fetched
        return self._rows.get(self._ids[row])

    # --- Qt model -----------------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._ids)

    def _item(self, row: int) -> R | None:
        return self._row(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ObjectRole:  # from the id list: no page is fetched for it
            return self._ids[index.row()]
        return super().data(index, role)
