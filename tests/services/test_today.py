"""app.services.today: the Today lists agree with the services that own each rule."""

from __future__ import annotations

from datetime import date, datetime, time

from app.config import Settings
from app.db import Database
from app.models import Slot
from app.services import assignments, demo, reference, roster, rounds, today
from app.services.roster import RosterFilter


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.today(), time(hour, minute))


def test_empty_ledger(db: Database) -> None:
    result = today.overview(db, at(9))
    assert result.empty_ledger
    assert [s.slot for s in result.slots] == [Slot.AM]
    assert result.current.due == 0 and not result.late


def test_morning_round_matches_the_due_list(db: Database) -> None:
    demo.generate(db, now=at(8))
    result = today.overview(db, at(10))
    assert not result.empty_ledger
    due = rounds.due_list(db, date.today(), Slot.AM)
    assert result.current.slot is Slot.AM and not result.current.passed
    assert result.current.due == len(due) == result.current.missing_count
    assert [i.case_id for i in result.current.missing] == [i.case_id for i in due]
    assert [i.team for i in result.current.missing] == [i.team for i in due]


def test_after_the_morning_deadline_the_missing_are_late(db: Database) -> None:
    demo.generate(db, now=at(8))
    zhang = roster.roster_rows(db, roster.roster_ids(db, RosterFilter(text="张三")))[0]
    rounds.record_reading(db, zhang.id, date.today(), Slot.AM, "36.6")
    result = today.overview(db, at(12, 30))
    assert [s.slot for s in result.slots] == [Slot.AM, Slot.PM]
    morning = result.slots[0]
    assert morning.passed and morning.taken == 1
    assert zhang.id not in {i.case_id for i in morning.missing}
    assert result.late == (morning,)
    assert not result.current.passed


def test_the_deadline_is_the_setting(db: Database) -> None:
    demo.generate(db, now=at(8))
    reference.write_setting(db, Settings.AM_SLOT_ENDS, time(10, 0))
    assert today.overview(db, at(10, 30)).current.slot is Slot.PM


def test_other_lists_come_from_their_services(db: Database) -> None:
    demo.generate(db, now=at(21))  # the day's traffic is on the ledger, whatever the hour
    result = today.overview(db, at(21))
    day = date.today()
    assert [r.id for r in result.due_for_release] == [r.id for r in roster.due_for_release(db, day)]
    assert [g.case_id for g in result.coverage_gaps] == [
        g.case_id for g in assignments.coverage_gaps(db, day)
    ]
    assert result.has_checkpoints and result.checkpoints.vehicles > 0
