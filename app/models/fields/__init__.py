"""The field registry: each record type's fields, declared once (see :mod:`.core`).

A new record type declares its fields in a module of this package and is listed in
:data:`RECORD_TYPES`; the audit trail and export masking then know its fields.
"""

from app.models.fields.core import (
    LABEL_CONTEXT,
    Field,
    FieldKind,
    FieldValues,
    Personal,
    Place,
    RecordType,
    header_names,
)
from app.models.fields.records import OCCUPANT, READING, STAFF, VEHICLE_PASS
from app.models.fields.roster import PERSON_CASE
from app.models.fields.testing import NUCLEIC_ACID_TEST

#: Every record type, for what spans them all (audit labels, masking, the interface's labels).
RECORD_TYPES: tuple[RecordType, ...] = (
    PERSON_CASE,
    READING,
    VEHICLE_PASS,
    OCCUPANT,
    STAFF,
    NUCLEIC_ACID_TEST,
)

__all__ = [
    "LABEL_CONTEXT",
    "NUCLEIC_ACID_TEST",
    "OCCUPANT",
    "PERSON_CASE",
    "READING",
    "RECORD_TYPES",
    "STAFF",
    "VEHICLE_PASS",
    "Field",
    "FieldKind",
    "FieldValues",
    "Personal",
    "Place",
    "RecordType",
    "header_names",
]
