"""The one clock: every "now" and "today" in the app comes from here, so tests can pin it.

Local wall-clock time, naive (the ledger stores local dates and times, as the clerk reads them).
Never call ``date.today()`` or ``datetime.now()`` elsewhere in ``app/``.
"""

from __future__ import annotations

from datetime import date, datetime


def now() -> datetime:
    """The current local time, to the microsecond."""
    return datetime.now()


def today() -> date:
    """The current local date."""
    return now().date()
