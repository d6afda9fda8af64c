"""The one clock: every "now" and "today" in the app comes from here, so tests can pin it.

Local wall-clock time, naive (the ledger stores local dates and times, as the clerk reads them).
Never call ``date.today()``, ``datetime.now()`` or ``QDate.currentDate()`` elsewhere in ``app/``.

In-process, tests pin the moment by travelling the standard library's clock (time-machine). A child
process (the CLI or the frozen app started by a test) cannot be reached that way, so it is handed
the test's moment in ``FANGYI_NOW`` (an ISO date-time): the child's clock starts there and runs on.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from functools import cache

PIN_VARIABLE = "FANGYI_NOW"


def now() -> datetime:
    """The current local time, to the microsecond."""
    offset = _offset(os.environ.get(PIN_VARIABLE, ""))  # first: a pinned clock starts on the dot
    return datetime.now() + offset


def today() -> date:
    """The current local date."""
    return now().date()


@cache
def _offset(pinned: str) -> timedelta:
    """How far ``pinned`` is from the real clock when first asked (zero when nothing is pinned)."""
    return datetime.fromisoformat(pinned) - datetime.now() if pinned else timedelta(0)
