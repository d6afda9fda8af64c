"""The ledger's data model (SQLAlchemy 2.0 typed ORM) and value validation. No Qt here."""

from app.models.assignments import Assignment, Staff
from app.models.audit import AuditEntry
from app.models.base import Base, local_now
from app.models.checkpoints import Checkpoint, Disposition, Occupant, VehiclePass
from app.models.health import Anomaly, AnomalyKind, Slot, TemperatureReading
from app.models.operators import Operator
from app.models.reference import (
    Category,
    EndKind,
    EndReason,
    Measure,
    MeasureRequiredRole,
    Setting,
    StaffRole,
    UnitProfile,
)
from app.models.roster import Case, Person
from app.models.testing import NucleicAcidTest, TestResult

__all__ = [
    "Anomaly",
    "AnomalyKind",
    "Assignment",
    "AuditEntry",
    "Base",
    "Case",
    "Category",
    "Checkpoint",
    "Disposition",
    "EndKind",
    "EndReason",
    "Measure",
    "MeasureRequiredRole",
    "NucleicAcidTest",
    "Occupant",
    "Operator",
    "Person",
    "Setting",
    "Slot",
    "Staff",
    "StaffRole",
    "TemperatureReading",
    "TestResult",
    "UnitProfile",
    "VehiclePass",
    "local_now",
]
