"""Every table model of the interface passes Qt's model tester (pytest-qt's ``qtmodeltester``):
each model the pages build, filled from a demo village, and the models only dialogs build.

The models are found, not listed: every page of the main window is opened and each item model it
holds whose class is the application's own is checked. A model class a page gains later is
checked without touching this file; :data:`PAGE_MODELS` only guards against a page losing its
models unnoticed (an empty parametrisation would pass).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel

from app import clock
from app.db import Database
from app.services import demo, roster
from app.services.roster import RosterFilter
from app.ui.assignments.reassign_dialog import ReassignTableModel
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES

#: The application's model classes the pages hold once every page is open.
PAGE_MODELS = (
    "AccountsModel", "AnomalyTableModel", "AuditProxyModel", "AuditTableModel",
    "BackupTableModel", "CaseCoverageModel", "CaseCoverageProxy", "DailyNumbersModel",
    "MeasureTableModel", "OccupantsModel", "PassLogModel", "PassLogProxy", "ReadingHistoryModel",
    "RecordTableModel", "ReferenceListModel", "RosterProxyModel", "RosterTableModel",
    "RoundFilterProxy", "RoundTableModel", "StaffFilterProxy", "StaffTableModel",
    "TotalLastProxy",
)  # fmt: skip


@pytest.fixture
def village(db: Database) -> Database:
    demo.generate(db, persons=20, days=3, today=clock.today())
    return db


def page_models(window: MainWindow) -> Iterator[QAbstractItemModel]:
    for spec in PAGES:
        window.navigate(spec.key)
    for model in window.findChildren(QAbstractItemModel):
        if type(model).__module__.startswith("app."):
            yield model


@pytest.mark.parametrize("name", PAGE_MODELS)
def test_page_model_passes_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    village: Database,
    main_window: MainWindow,
    name: str,
) -> None:
    del village  # filled before the window is made
    models = [m for m in page_models(main_window) if type(m).__name__ == name]
    assert models, f"no page holds a {name} any more"
    for model in models:
        assert model.rowCount() >= 0
        qtmodeltester.check(model, force_py=True)


def test_every_page_model_is_named_here(village: Database, main_window: MainWindow) -> None:
    del village
    assert {type(m).__name__ for m in page_models(main_window)} == set(PAGE_MODELS)


def test_reassign_model_passes_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    village: Database,
) -> None:
    cases = roster.roster_rows(village, roster.roster_ids(village, RosterFilter())[:5])
    model = ReassignTableModel(cases, "村干部")
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
