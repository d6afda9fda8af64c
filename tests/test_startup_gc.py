"""The garbage collector is held off while the app starts and back on after (app/startup_gc.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app import startup_gc
from app.config import AppPaths
from app.ui.app import run_gui
from tests.helpers.ledgers import make_demo_ledger


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process's collector as it was, whatever the test did (and nothing left frozen)."""
    was_enabled = gc.isenabled()
    frozen = startup_gc._frozen
    yield
    startup_gc.resume()
    gc.unfreeze()
    startup_gc._frozen = frozen
    (gc.enable if was_enabled else gc.disable)()


def test_held_then_resumed_with_the_survivors_frozen(collector: None) -> None:
    startup_gc._frozen = False
    startup_gc.hold()
    assert not gc.isenabled()
    assert startup_gc.held()

    startup_gc.resume()
    assert gc.isenabled()
    assert not startup_gc.held()
    assert gc.get_freeze_count() > 0
    startup_gc.resume()  # twice: nothing more
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off(collector: None) -> None:
    gc.disable()
    startup_gc.hold()
    startup_gc.resume()
    assert not gc.isenabled()


def test_the_gui_gives_the_collector_back_however_it_ends(
    collector: None, paths: AppPaths, qapp: object
) -> None:
    """``app.cli`` holds the collector before the GUI starts; the self-test (like a failed start
    or a quit) must not leave it off for the rest of the process."""
    make_demo_ledger(paths, persons=5, days=1)
    startup_gc.hold()
    assert run_gui(paths, self_test=True) == 0
    assert gc.isenabled()
