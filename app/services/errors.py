"""Typed, expected failures of the use cases. ``str()`` is always a Chinese sentence for the clerk.

Bugs are not expected failures: they propagate to the crash handler with their traceback.
"""

from __future__ import annotations


class ServiceError(Exception):
    """An expected failure a clerk can act on (shown as one clear message, never a traceback)."""


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    """The change clashes with what is already recorded (duplicate ID, reading already taken …)."""


class PermissionDenied(ServiceError):
    """The signed-in operator's role does not allow this."""
