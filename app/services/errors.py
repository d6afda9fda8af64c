"""Typed, expected failures of the use cases. ``str()`` is always a Chinese sentence for the clerk.

They are the kinds of ``app.errors``, the one family every layer raises; ``ServiceError`` is the
use cases' name for its base (a rule of the use case with no more specific kind). Bugs are not
expected failures: they propagate to the crash handler with their traceback.
"""

from __future__ import annotations

from app.errors import Conflict, ExpectedError, NotFound, PermissionDenied

__all__ = ["Conflict", "NotFound", "PermissionDenied", "ServiceError"]

ServiceError = ExpectedError
