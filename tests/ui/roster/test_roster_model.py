"""The lazy roster table model: a correct Qt model, fetches only what is shown, sorts by query."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import assignments, roster
from app.services.roster import RosterFilter
from app.ui.roster.table_model import (
    AGE,
    GROUP,
    NAME,
    PAGE_SIZE,
    STATUS,
    TEAM,
    RosterProxyModel,
    RosterTableModel,
)
from app.ui.widgets.roles import ObjectRole, SortRole
from tests.ui.roster_helpers import column_texts, demo_village, zhang_san


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, db: Database) -> None:
    demo_village(db)
    model = RosterTableModel(db)
    model.set_filter(RosterFilter(status="all"))
    assert model.rowCount() == 60
    qtmodeltester.check(model)
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_rows_come_from_the_filter_and_carry_the_case_id(db: Database) -> None:
    demo_village(db)
    model = RosterTableModel(db)
    model.set_filter(RosterFilter(status="active", text="zs"))
    names = column_texts(model, NAME)
    assert "张三" in names
    index = model.index(names.index("张三"), NAME)
    assert index.data(ObjectRole) == zhang_san(db).id
    assert model.index(index.row(), STATUS).data() == "在管"


def test_only_the_rows_shown_are_fetched(qtbot: QtBot, db: Database) -> None:
    demo_village(db, persons=2000)
    model = RosterTableModel(db)
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    model.set_filter(RosterFilter(status="all"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 2000
    qtbot.waitUntil(lambda: model.rows_fetched > 0)  # painting the first screen
    assert model.rows_fetched <= PAGE_SIZE

    view.scrollTo(proxy.index(1000, 0))
    qtbot.waitUntil(lambda: model.rows_fetched > PAGE_SIZE)  # painting around row 1000
    # The first page and the page(s) around row 1000: nowhere near all 2000.
    assert model.rows_fetched <= 3 * PAGE_SIZE
    assert view.indexAt(view.viewport().rect().center()).data() not in (None, "")


def test_header_click_reorders_by_query_not_in_the_proxy(qtbot: QtBot, db: Database) -> None:
    demo_village(db)
    model = RosterTableModel(db)
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    model.set_filter(RosterFilter(status="all"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)

    view.sortByColumn(AGE, Qt.SortOrder.AscendingOrder)
    ages = [proxy.index(row, AGE).data(SortRole) for row in range(proxy.rowCount())]
    assert ages == sorted(ages)
    view.sortByColumn(AGE, Qt.SortOrder.DescendingOrder)
    ages = [proxy.index(row, AGE).data(SortRole) for row in range(proxy.rowCount())]
    assert ages == sorted(ages, reverse=True)
    assert proxy.sortColumn() == -1  # the proxy itself never sorted

    view.sortByColumn(GROUP, Qt.SortOrder.AscendingOrder)
    groups = column_texts(proxy, GROUP)
    order = ["一组", "二组", "三组", "四组", "五组", "六组"]
    assert [order.index(g) for g in groups] == sorted(order.index(g) for g in groups)

    before = column_texts(proxy, NAME)
    view.sortByColumn(TEAM, Qt.SortOrder.AscendingOrder)  # computed per page: not orderable
    assert column_texts(proxy, NAME) == before


def test_coverage_badge_names_the_missing_role(db: Database) -> None:
    demo_village(db)
    gaps = assignments.coverage_gaps(db, date.today())
    assert gaps, "the demo village leaves some township cadres unassigned"
    model = RosterTableModel(db)
    model.set_filter(RosterFilter(status="active"))
    gap = gaps[0]
    row = model.row_of(gap.case_id)
    assert row is not None
    badge = model.index(row, TEAM)
    assert badge.data() == "缺 " + "、".join(gap.missing_roles)
    assert badge.data(Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    covered = next(
        r for r in roster.roster_rows(db, roster.roster_ids(db, RosterFilter()))
        if r.measure_id == 1 and r.id not in {g.case_id for g in gaps}
    )  # fmt: skip
    assert model.index(model.row_of(covered.id) or 0, TEAM).data() == "已落实"
