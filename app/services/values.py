"""The values a form checks while the clerk types, and the words it offers to choose from.

A form refuses a bad ID number, phone or temperature the moment it is typed, with the same
validators the services apply again on save — so the two can never disagree. The validators and
vocabularies are defined in the domain (``app.models``); the GUI and the command line, which
see only the services, reach them here.
"""

from __future__ import annotations

from app.models import local_now
from app.models.checkpoints import DIRECTIONS, VEHICLE_TYPES, Disposition
from app.models.health import SYMPTOMS, Slot
from app.models.reference import EndKind
from app.models.validation import (
    PROVINCE_ABBREVIATIONS,
    ValidationError,
    is_fever,
    normalize_mobile_or_landline,
    normalize_plate_text,
    parse_date,
    parse_plate,
    parse_resident_id,
    parse_temperature,
    require_text,
    temperature_needs_confirmation,
)

__all__ = [
    "DIRECTIONS",
    "PROVINCE_ABBREVIATIONS",
    "SYMPTOMS",
    "VEHICLE_TYPES",
    "Disposition",
    "EndKind",
    "Slot",
    "ValidationError",
    "is_fever",
    "local_now",
    "normalize_mobile_or_landline",
    "normalize_plate_text",
    "parse_date",
    "parse_plate",
    "parse_resident_id",
    "parse_temperature",
    "require_text",
    "temperature_needs_confirmation",
]
