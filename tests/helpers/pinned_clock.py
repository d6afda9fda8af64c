"""The moment every test runs at, unless the suite is told to use the real (or faked) clock.

Pinned: each test starts at ``PINNED`` local time (time-machine travels the standard library's
clock; the clock then runs on, so timers and time-outs behave) and each child process it starts is
handed the same moment (``app.clock.PIN_VARIABLE``). Set ``FANGYI_REAL_CLOCK=1`` and nothing is
pinned: scripts/test.sh does that to run the time-sensitive tests under libfaketime at awkward
hours, so the paths that read the real clock are exercised too. There each test restarts
libfaketime's clock at the run's moment, so every test starts at 23:58, not the last ones after
midnight while the module-level ``TODAY`` constants still hold the day before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import time_machine

from app import clock

# A Wednesday mid-morning: before the statistical cut-off, in the morning temperature round, after
# every date the tests write by hand (2022), and on no month or year boundary.
PINNED = datetime(2026, 6, 10, 10, 30)
REAL_CLOCK_VARIABLE = "FANGYI_REAL_CLOCK"


def real_clock() -> bool:
    """True when the suite runs on the machine's clock (as scripts/test.sh does under faketime)."""
    return os.environ.get(REAL_CLOCK_VARIABLE, "") not in ("", "0")


def restart_faked_clock() -> None:
    """Under libfaketime with a start-at moment (``FAKETIME="@2026-12-31 23:58:00"``, re-read on
    every call with ``FAKETIME_NO_CACHE=1``), start its clock at that moment again: it restarts
    whenever the value changes, so alternate two spellings of the same moment."""
    faked = os.environ.get("FAKETIME", "")
    if not faked.startswith("@"):
        return
    moment = faked.removesuffix(" x1")
    os.environ["FAKETIME"] = moment if faked != moment else f"{moment} x1"


@contextmanager
def pinned_at(moment: datetime) -> Iterator[None]:
    """Run the block with this process's clock starting at ``moment`` (naive = local time)."""
    with time_machine.travel(moment.astimezone(), tick=True):
        yield


def pinned_environment(moment: datetime) -> dict[str, str]:
    """The environment entry that starts a child process's clock at ``moment``."""
    return {clock.PIN_VARIABLE: moment.isoformat()}


def child_clock() -> dict[str, str]:
    """The environment entries that start a child process's clock at this process's moment."""
    return {} if real_clock() else pinned_environment(clock.now())


def suite_today() -> date:
    """The day the tests run on, for module-level constants: the pinned day, or the machine's when
    the real clock is used (scripts/test.sh stops libfaketime's clock, so it cannot move on)."""
    return date.today() if real_clock() else PINNED.date()
