"""Saving readings in one transaction, and importing a filled-in 体温填报表, the way the rounds
page and the command line do it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.db import Database
from app.services import readings_import, rounds
from app.services.readings_import import ReadingsImportResult
from app.services.rounds import ReadingEntry, SaveResult


def save_all(
    db: Database, entries: Sequence[ReadingEntry], *, today: date | None = None
) -> list[SaveResult]:
    """Save ``entries`` in one transaction: all of them or none (as an import applies a sheet)."""
    with db.session() as session:
        return [rounds.save_reading(session, entry, today=today) for entry in entries]


def import_readings(
    db: Database,
    path: Path,
    *,
    day: date | None = None,
    overwrite: bool = False,
    today: date | None = None,
) -> ReadingsImportResult:
    """Check the sheet, then save it (``ReadingConflicts`` unless ``overwrite``)."""
    plan = readings_import.plan_readings_import(db, path, day=day, today=today)
    return readings_import.apply_readings_import(db, plan, overwrite=overwrite, today=today)
