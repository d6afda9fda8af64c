"""The engines a test runs on: ``parametrise_engines`` from a folder's ``pytest_generate_tests``
runs each test that opens a ledger once per engine. ``-m "not postgresql"`` leaves the server's
runs out; ``@pytest.mark.sqlite_only`` marks a test about the SQLite file itself (its bytes, file
modes, query plans), which has no server counterpart."""

from __future__ import annotations

import pytest

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def parametrise_engines(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    metafunc.parametrize("engine", ["sqlite"] if sqlite_only else ENGINES, indirect=True)
