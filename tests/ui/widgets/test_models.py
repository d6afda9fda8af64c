"""Every item model of the interface passes Qt's model tester (pytest-qt's ``qtmodeltester``).

The models are found, not listed: every module under ``app.ui`` is imported and each
``QAbstractItemModel`` subclass it defines is checked — the instances the main window holds once
every page and every tab is open, filled from a demo village, or, for a model only a dialog
builds, the one its factory in :data:`DIALOG_MODELS` makes. A model class added later that no page
holds and that has no factory here fails its test, so no model escapes the tester.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTabWidget

import app.ui
from app import clock
from app.db import Database
from app.services import demo, roster
from app.services.roster import RosterFilter
from app.ui.assignments.reassign_dialog import ReassignTableModel
from app.ui.main_window import MainWindow
from app.ui.pages import PAGES
from app.ui.widgets.lazy_table import LazyIdTableModel
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.table_base import TableModelBase

#: Bases the models derive from: no data of their own, never shown as they are.
BASES: frozenset[type[QAbstractItemModel]] = frozenset(
    {TableModelBase, ListTableModel, LazyIdTableModel}
)


def ui_model_classes() -> dict[str, type[QAbstractItemModel]]:
    """Every item model class a module under ``app.ui`` defines, by name (the bases left out)."""
    found: dict[str, type[QAbstractItemModel]] = {}
    for module_info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(module_info.name)
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and issubclass(cls, QAbstractItemModel)
                and cls.__module__ == module.__name__
                and cls not in BASES
            ):
                assert cls.__name__ not in found, f"two model classes named {cls.__name__}"
                found[cls.__name__] = cls
    return found


MODEL_CLASSES = ui_model_classes()


def reassign_model(db: Database) -> QAbstractItemModel:
    cases = roster.roster_rows(db, roster.roster_ids(db, RosterFilter())[:5])
    model = ReassignTableModel(cases, "村干部")
    assert model.rowCount() == 5
    return model


#: Models only a dialog builds (no page holds one), made from the demo village.
DIALOG_MODELS: dict[str, Callable[[Database], QAbstractItemModel]] = {
    "ReassignTableModel": reassign_model,
}


@pytest.fixture
def village(db: Database) -> Database:
    demo.generate(db, persons=20, days=3, today=clock.today())
    return db


def page_models(window: MainWindow) -> Iterator[QAbstractItemModel]:
    """The application's models the window holds once every page and every tab has been opened
    (a settings tab builds its section only when first shown)."""
    for spec in PAGES:
        window.navigate(spec.key)
        for tabs in window.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
    for model in window.findChildren(QAbstractItemModel):
        if type(model).__module__.startswith("app."):
            yield model


def test_the_models_are_found() -> None:
    # An empty parametrisation would pass: the search must see the models we know of.
    assert {"RosterTableModel", "MeasureTableModel", "ReassignTableModel"} <= set(MODEL_CLASSES)
    assert set(DIALOG_MODELS) <= set(MODEL_CLASSES)


@pytest.mark.parametrize("name", sorted(MODEL_CLASSES))
def test_model_passes_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    request: pytest.FixtureRequest,
    village: Database,
    name: str,
) -> None:
    if name in DIALOG_MODELS:
        models = [DIALOG_MODELS[name](village)]
    else:
        window: MainWindow = request.getfixturevalue("main_window")  # made after the village
        models = [m for m in page_models(window) if type(m).__name__ == name]
        assert models, f"no page holds a {name}: give it a factory in DIALOG_MODELS"
    for model in models:
        assert isinstance(model, MODEL_CLASSES[name])
        qtmodeltester.check(model, force_py=True)


def test_every_page_model_is_a_found_class(village: Database, main_window: MainWindow) -> None:
    # A model class made inside a function would escape the module search; none may.
    del village
    assert {type(m).__name__ for m in page_models(main_window)} <= set(MODEL_CLASSES)
