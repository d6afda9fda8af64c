"""The services run against both engines: every test here once on SQLite, once on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers.engines import ENGINES


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)
