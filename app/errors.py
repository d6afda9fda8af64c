"""The one family of expected failures (convention 9's first tier).

Every failure a clerk can cause or fix — a bad value, a missing record, a refused permission, a
file held by Excel, a damaged ledger, a full disk — derives from ``ExpectedError``, whose
``str()`` is a Chinese sentence ready to show as it is. The GUI shows it in one message box and
the command line prints it as one line; anything else is a bug and goes to the crash dialog (GUI)
or prints its traceback (CLI). Both tell the two apart with ``isinstance``, never by class name.

This module sits below every layer (it imports nothing), so storage, models, the Excel layer and
the services all raise members of the same family. Each layer keeps its own specific classes
(``DatabaseDamaged``, ``ImportRejected`` …) and derives them from the kind below that fits.
"""

from __future__ import annotations


class ExpectedError(Exception):
    """A failure the clerk can act on: shown as one clear message, never as a traceback."""


class InvalidInput(ExpectedError):
    """A value typed or imported is not acceptable (validation)."""


class NotFound(ExpectedError):
    """The record asked for does not exist (any more)."""


class PermissionDenied(ExpectedError):
    """The signed-in operator's role does not allow this."""


class Conflict(ExpectedError):
    """The change clashes with what is already recorded (duplicate ID, reading already taken …)."""


class Locked(ExpectedError):
    """Another program holds the file or the data folder (Excel, a second copy of the app)."""


class DamagedFile(ExpectedError):
    """A file is damaged or is not what it should be; it is never silently replaced."""


class DiskFull(ExpectedError):
    """No space left where a file is written."""
