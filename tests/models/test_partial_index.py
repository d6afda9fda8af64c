"""The live-ID-number index is partial on both engines, and declaring it loads no PostgreSQL code
on a village laptop (app/models/partial_index.py)."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from app.models import Person

LIVE = "WHERE deleted_at IS NULL AND id_number IS NOT NULL"


def _live_id_index() -> CreateIndex:
    (index,) = [i for i in Person.__table__.indexes if i.name == "uq_person_live_id_number"]
    return CreateIndex(index)


def test_the_index_is_partial_and_unique_on_both_engines() -> None:
    for dialect in (sqlite.dialect(), postgresql.dialect()):
        ddl = str(_live_id_index().compile(dialect=dialect))
        assert ddl.startswith("CREATE UNIQUE INDEX uq_person_live_id_number ON person (id_number)")
        assert ddl.endswith(LIVE), dialect.name


def test_importing_the_models_loads_no_postgresql_dialect() -> None:
    code = (
        "import sys, app.models; "
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
