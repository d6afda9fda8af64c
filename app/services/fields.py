"""The field registry (:mod:`app.models.fields`) as the interface reaches it: through the
services, like every other domain type (the layers of DESIGN.md)."""

from app.models.fields import (
    LABEL_CONTEXT,
    OCCUPANT,
    PERSON_CASE,
    READING,
    RECORD_TYPES,
    STAFF,
    VEHICLE_PASS,
    Field,
    FieldKind,
    Personal,
    Place,
    RecordType,
    header_names,
)

__all__ = [
    "LABEL_CONTEXT",
    "OCCUPANT",
    "PERSON_CASE",
    "READING",
    "RECORD_TYPES",
    "STAFF",
    "VEHICLE_PASS",
    "Field",
    "FieldKind",
    "Personal",
    "Place",
    "RecordType",
    "header_names",
]
