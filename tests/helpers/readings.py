"""Importing a filled-in 体温填报表 the way the rounds page and the command line do it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db import Database
from app.services import readings_import
from app.services.readings_import import ReadingsImportResult


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
