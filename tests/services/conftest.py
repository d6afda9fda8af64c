"""The services run against both engines: every test here once on SQLite, once on PostgreSQL
(``@pytest.mark.sqlite_only``: a test about the SQLite file itself runs once)."""

from __future__ import annotations

import pytest

from tests.helpers.engines import parametrise_engines


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrise_engines(metafunc)
