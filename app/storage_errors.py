"""The storage layer's expected failures (one family with every other: ``app.errors``), apart
from ``db.py`` so the file and the server engines (``db.py``, ``server.py``) both raise them
without importing each other."""

from __future__ import annotations

from app import errors


class StorageError(errors.ExpectedError):
    """An expected storage failure; ``str()`` is a Chinese sentence for the clerk."""


class DatabaseDamaged(StorageError, errors.DamagedFile):
    """The file failed ``PRAGMA integrity_check`` or is not a ledger at all."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer Fangyi Ledger; opening it could damage it."""


class NotALedger(StorageError, errors.DamagedFile):
    """A sound SQLite file that is not a Fangyi ledger (its tables or columns are missing)."""


class TargetExists(StorageError, errors.Conflict):
    """A backup would have replaced a file that is already there."""


class DiskFull(StorageError, errors.DiskFull):
    """No space left where the file is written."""


class ReadOnlyStorage(StorageError, errors.PermissionDenied):
    """The file, its folder or the disk cannot be written (attribute, permission, write-protect)."""


class LedgerBusy(StorageError, errors.Locked):
    """Another program keeps the file locked longer than ``busy_timeout``."""


class ChangedMeanwhile(StorageError):
    """Another clerk saved a record between this save's read and its write (the version check
    matched no row). The forms that show both values catch it earlier
    (``app.services.concurrency``); any other save says this and keeps nothing half-done."""


class DiskIOError(StorageError):
    """The disk failed to read or write; not damage unless ``integrity_check`` says so."""
