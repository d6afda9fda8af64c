"""SQL conditions shared by every query about who is under management on a day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, or_

from app.models import Case, Measure


def under_management(on: date) -> tuple[ColumnElement[bool], ...]:
    """在管 on a day: not deleted, started on or before it and not ended on or before it."""
    return (
        Case.deleted_at.is_(None),
        Case.start_date <= on,
        or_(Case.ended_on.is_(None), Case.ended_on > on),
    )


def readings_due(on: date) -> tuple[ColumnElement[bool], ...]:
    """Cases that owe two readings on a day: under management with a measure the village monitors.

    Needs ``Measure`` joined on ``Case.measure_id``.
    """
    return (*under_management(on), Measure.needs_readings.is_(True))
