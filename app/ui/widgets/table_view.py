"""How the interface's tables are put together: a model behind a proxy that sorts on ``SortRole``,
shown read-only with whole rows selected and no row numbers. Every page builds its tables so;
the lines are written here once, and each table adds only what is its own (widths, stretch).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.ui.widgets.roles import ObjectRole, SortRole

__all__ = ["current_key", "row_table", "select_key", "sorting_proxy"]

Selection = QAbstractItemView.SelectionMode


def sorting_proxy(
    model: QAbstractItemModel, parent: QObject | None = None, *, locale_aware: bool = True
) -> QSortFilterProxyModel:
    """The proxy a table sits behind: sorts on ``SortRole`` (text by the user's locale unless
    ``locale_aware`` is off, which keeps plain character order)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    if locale_aware:
        proxy.setSortLocaleAware(True)
    return proxy


def row_table(
    model: QAbstractItemModel,
    name: str = "",
    *,
    sort: tuple[int, Qt.SortOrder] | None = None,
    selection: Selection = Selection.SingleSelection,
    view: QTableView | None = None,
) -> QTableView:
    """A read-only table over ``model`` (``view``, or a new ``QTableView``): rows selected whole,
    no row numbers. With ``sort`` a click on a title sorts, and the table starts sorted on that
    column (-1: in the model's own order)."""
    table = view if view is not None else QTableView()
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    if sort is not None:
        table.setSortingEnabled(True)
        table.sortByColumn(*sort)
    return table


def current_key(table: QTableView) -> Any:
    """The key (``ObjectRole``) of the table's current row; None when no row is current."""
    index = table.currentIndex()
    return index.data(ObjectRole) if index.isValid() else None


def select_key(table: QTableView, key: object, *, scroll: bool = False) -> None:
    """Make the row with this key current, wherever the sort has put it (nothing if not shown);
    with ``scroll``, scrolled into view. For the short lists: the search reads every row."""
    model = table.model()
    found = model.match(model.index(0, 0), ObjectRole, key, 1, Qt.MatchFlag.MatchExactly)
    if found:
        table.setCurrentIndex(found[0])
        if scroll:
            table.scrollTo(found[0])
