"""A stop signal refuses the work under way, even when the exception it raised is lost.

Python drops an exception raised in a finalizer or in a callback from C and carries on; a SIGTERM
that lands there during an import once let the import run on and commit (CI, issue 21's stop).
Here the signal really lands inside a finalizer, and the unit of work must still not commit.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from sqlalchemy import insert, select

from app.db import Database
from app.models import Setting
from app.shutdown import ShutdownRequested, StopSignals

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to oneself is POSIX")


class _SignalledWhileCollected:
    """Sends this process SIGTERM from its finalizer: the handler runs inside ``__del__``, whose
    exception Python reports to ``sys.unraisablehook`` and drops."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(10_000):  # the pending handler runs at one of these bytecode checks
            pass


def _add_setting(work: Any, key: str) -> None:
    work.execute(insert(Setting).values(key=key, value="1"))


def _stored(db: Database, key: str) -> bool:
    with db.reading() as session:
        return session.scalar(select(Setting.key).where(Setting.key == key)) is not None


@pytest.fixture
def lost(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """The exceptions Python dropped (as it does by default: printed, then carried on)."""
    dropped: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda raised: dropped.append(raised.exc_value))
    yield dropped


UNITS_OF_WORK: dict[str, Callable[[Database], AbstractContextManager[Any]]] = {
    "session": Database.session,
    "transaction": Database.transaction,
}


@pytest.mark.parametrize("unit_of_work", UNITS_OF_WORK)
def test_a_stop_lost_in_a_finalizer_still_refuses_the_commit(
    db: Database, lost: list[BaseException], unit_of_work: str
) -> None:
    begin = UNITS_OF_WORK[unit_of_work]
    with StopSignals(), pytest.raises(ShutdownRequested) as stopped, begin(db) as work:
        _add_setting(work, "written_before_the_stop")
        _SignalledWhileCollected()  # collected at once: the signal lands in its __del__
        _add_setting(work, "written_after_the_stop")  # the import carried on

    assert [type(error) for error in lost] == [ShutdownRequested]  # really lost on the way
    assert stopped.value.signum == signal.SIGTERM
    assert not _stored(db, "written_before_the_stop")
    assert not _stored(db, "written_after_the_stop")


def test_after_the_stopped_command_the_ledger_takes_work_again(
    db: Database, lost: list[BaseException]
) -> None:
    """The refusal belongs to the command that was stopped (tests and tools run several in one
    process): once its ``StopSignals`` block is over, commits go through."""
    with StopSignals(), pytest.raises(ShutdownRequested), db.transaction() as connection:
        _SignalledWhileCollected()
        _add_setting(connection, "refused")
    assert lost

    with db.transaction() as connection:
        _add_setting(connection, "kept")
    with db.session() as session:
        _add_setting(session, "kept_too")
    assert (_stored(db, "refused"), _stored(db, "kept"), _stored(db, "kept_too")) == (
        False,
        True,
        True,
    )
