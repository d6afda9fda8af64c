"""app.services.today: the Today lists agree with the services that own each rule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.config import Settings
from app.db import Database
from app.models import Slot
from app.services import assignments, demo, reference, reports, roster, rounds, today
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


def test_todays_report_deadline_and_who_exported_it(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    demo.generate(db, now=at(8))
    before = today.overview(db, at(10))
    assert before.report_deadline == time(15, 0)  # 每日 15:00 前报送 by default
    assert before.report_export is None and not before.report_late
    assert today.overview(db, at(15, 30)).report_late

    db.operator = "王会计"
    reports.export_daily(db, date.today(), tmp_path / "日报.xlsx")
    after = today.overview(db, at(15, 30))
    exported = after.report_export
    assert exported is not None and exported.operator == "王会计"
    assert exported.file_name == "日报.xlsx" and exported.form in (
        reports.FORM_DAILY, reports.FORM_ZERO,
    )  # fmt: skip
    assert not after.report_late
    reports.export_daily(db, date.today() - timedelta(days=1), tmp_path / "昨天.xlsx")
    assert today.overview(db, at(15, 30)).report_export == exported  # another day's is not it

    reference.write_setting(db, Settings.REPORT_DEADLINE, time(16, 0))
    assert today.overview(db, at(15, 30)).report_deadline == time(16, 0)


def test_long_lists_keep_their_first_rows_and_count_every_case(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(db, now=at(21))
    day = date.today()
    releases = roster.due_for_release(db, day)
    gaps = assignments.coverage_gaps(db, day)
    assert len(releases) > 2 and len(gaps) > 2
    monkeypatch.setattr(today, "LISTED", 2)
    result = today.overview(db, at(21))
    assert [r.id for r in result.due_for_release] == [r.id for r in releases[:2]]
    assert result.due_for_release_count == len(releases)
    assert [g.case_id for g in result.coverage_gaps] == [g.case_id for g in gaps[:2]]
    assert result.coverage_gap_count == len(gaps)


def test_each_round_lists_its_first_missing_and_counts_them_all(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.generate(db, now=at(8))
    day = date.today()
    morning_due = rounds.due_list(db, day, Slot.AM)
    afternoon_due = rounds.due_list(db, day, Slot.PM)
    taken = morning_due[1]
    rounds.record_reading(db, taken.case_id, day, Slot.AM, "36.6")
    monkeypatch.setattr(today, "MISSING_SHOWN", 3)

    morning, afternoon = today.overview(db, at(16)).slots

    assert morning.due == afternoon.due == len(morning_due) > 4
    assert (morning.missing_count, afternoon.missing_count) == (
        len(morning_due) - 1,
        len(afternoon_due),
    )
    still_missing = [i for i in morning_due if i.case_id != taken.case_id]
    assert [i.case_id for i in morning.missing] == [i.case_id for i in still_missing[:3]]
    assert [i.case_id for i in afternoon.missing] == [i.case_id for i in afternoon_due[:3]]
    assert [i.team for i in afternoon.missing] == [i.team for i in afternoon_due[:3]]
