"""The engines a parametrised test runs on; ``-m "not postgresql"`` leaves the server's out."""

from __future__ import annotations

import pytest

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
