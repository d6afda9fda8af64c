"""今日 — what the clerk must do now, gathered from the other services in one call.

The Today page shows this; nothing here counts anything the daily report counts (that lives in
``app.services.stats``): these are to-do lists, not report numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Row, and_, func, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Database
from app.models import (
    AnomalyKind,
    Case,
    Checkpoint,
    Measure,
    Person,
    Slot,
    Staff,
    TemperatureReading,
    local_now,
)
from app.services import nucleic_tests
from app.services.assignments import CoverageGap, first_coverage_gaps, teams
from app.services.checkpoints import CheckpointTotals, totals_of_day
from app.services.nucleic_tests import TestCounts
from app.services.periods import readings_due
from app.services.reference import get_setting, statistical_day
from app.services.release import release_checks
from app.services.report_log import ReportExport, last_daily_export
from app.services.roster import (
    CaseRow,
    count_due_for_release,
    due_for_release,
    group_rank,
    people_to_visit,
)
from app.services.rounds import AnomalyInfo, DueItem, anomalies

# Today lists at most this many people per round; the rounds page has everyone.
MISSING_SHOWN = 300
# … and at most this many cases due for release or lacking a 包保 role, with the full count (at
# county scale 4,277 and 1,278: reading all of them cost Today 0.15 s before its first paint);
# the release rules are checked for the listed ones.
LISTED = 200


@dataclass(frozen=True)
class SlotStatus:
    """One half-day round (上午/下午) of today: who still owes a reading and whether time is up."""

    slot: Slot
    deadline: time  # AM_SLOT_ENDS / PM_SLOT_ENDS
    due: int  # people owing a reading in this slot
    missing_count: int  # of those, how many have no reading yet
    missing: tuple[DueItem, ...]  # the first MISSING_SHOWN of them, by 组别 and name
    passed: bool  # the deadline has passed: the missing ones are late (漏测)

    @property
    def taken(self) -> int:
        return self.due - self.missing_count


@dataclass(frozen=True)
class TodayOverview:
    day: date  # calendar day of the readings
    now: datetime
    slots: tuple[SlotStatus, ...]  # 上午, and 下午 once the morning deadline has passed
    anomalies: tuple[AnomalyInfo, ...]  # open fevers, symptoms, missed readings, checkpoint cases
    due_for_release: tuple[CaseRow, ...]  # planned end today or earlier, still open (待解除)
    due_for_release_count: int  # … all of them; the tuple holds the first LISTED, most overdue
    coverage_gaps: tuple[CoverageGap, ...]  # cases missing a required 包保 role
    coverage_gap_count: int  # … all of them; the tuple holds the first LISTED, in roster order
    checkpoints: CheckpointTotals  # today's statistical day
    has_checkpoints: bool
    empty_ledger: bool  # no person and no staff at all: the start panel instead of lists
    report_deadline: time = time(15, 0)  # 每日 15:00 前报送 (a setting)
    report_export: ReportExport | None = None  # today's report, last exported (audit trail)
    tests: TestCounts | None = None  # 核酸检测: 今日应检 / 已采样 / 结果未出 / 阳性
    # Why each listed 期满待解除 case cannot be released yet (no entry: nothing in the way).
    release_blockers: dict[int, str] = field(default_factory=dict)

    @property
    def positives(self) -> tuple[AnomalyInfo, ...]:
        """Open 核酸阳性 anomalies: the loudest line on the page until handled (转运/送医)."""
        return tuple(a for a in self.anomalies if a.kind == AnomalyKind.POSITIVE_TEST.value)

    @property
    def report_late(self) -> bool:
        """Past the deadline and today's report not exported yet."""
        return self.report_export is None and self.now.time() >= self.report_deadline

    @property
    def current(self) -> SlotStatus:
        """The round being taken now (the last one that has started)."""
        return self.slots[-1]

    @property
    def late(self) -> tuple[SlotStatus, ...]:
        """Rounds whose deadline has passed with people still missing (shown in red)."""
        return tuple(s for s in self.slots if s.passed and s.missing_count)


def current_slot(moment: time, am_ends: time) -> Slot:
    """上午 until the morning deadline (AM_SLOT_ENDS), 下午 after it."""
    return Slot.AM if moment < am_ends else Slot.PM


def overview(db: Database, now: datetime | None = None) -> TodayOverview:
    now = now or local_now()
    day = now.date()
    # The 包保 gaps (a scan of every case, ~0.1 s at 50,000) are read on a second connection
    # meanwhile: SQLite reads in parallel in WAL mode and releases the GIL while it works, so
    # on two cores Today's numbers arrive that much sooner at start-up (bench/startup.py).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="today-gaps") as side:
        first_gaps = side.submit(first_coverage_gaps, db, day, LISTED)
        return _overview(db, now, first_gaps)


def _overview(
    db: Database, now: datetime, first_gaps: Future[tuple[list[CoverageGap], int]]
) -> TodayOverview:
    day = now.date()
    with db.reading() as session:
        am_ends = get_setting(session, Settings.AM_SLOT_ENDS)
        pm_ends = get_setting(session, Settings.PM_SLOT_ENDS)
        report_deadline = get_setting(session, Settings.REPORT_DEADLINE)
        cutoff = get_setting(session, Settings.STAT_CUTOFF)
        people = session.scalar(select(func.count(Person.id))) or 0
        staff = session.scalar(select(func.count(Staff.id))) or 0
        has_checkpoints = bool(session.scalar(select(func.count(Checkpoint.id))))
        deadlines = {Slot.AM: am_ends, Slot.PM: pm_ends}
        started = [Slot.AM] if current_slot(now.time(), am_ends) is Slot.AM else [Slot.AM, Slot.PM]
        counted = _round_counts(session, day, started)
        slots = tuple(
            _round(db, session, day, slot, deadlines[slot], now, counted[slot]) for slot in started
        )
    # A 阳性 goes to the top of the anomalies, whatever its date.
    open_anomalies = tuple(
        sorted(
            anomalies(db, open_only=True), key=lambda a: a.kind != AnomalyKind.POSITIVE_TEST.value
        )
    )
    releases = tuple(due_for_release(db, day, limit=LISTED))
    release_count = count_due_for_release(db, day)
    checks = release_checks(db, day, [c.id for c in releases])
    checkpoints = totals_of_day(db, statistical_day(now, cutoff))
    report_export = last_daily_export(db, day)
    tests = nucleic_tests.counts(db, day)
    gaps, gap_count = first_gaps.result()
    return TodayOverview(
        day=day,
        now=now,
        slots=slots,
        anomalies=open_anomalies,
        due_for_release=releases,
        due_for_release_count=release_count,
        coverage_gaps=tuple(gaps),
        coverage_gap_count=gap_count,
        checkpoints=checkpoints,
        has_checkpoints=has_checkpoints,
        empty_ledger=people == 0 and staff == 0,
        report_deadline=report_deadline,
        report_export=report_export,
        tests=tests,
        release_blockers={c.case_id: c.summary for c in checks if not c.ready},
    )


def _taken(day: date, slot: Slot):  # type: ignore[no-untyped-def]
    """The case (``Case.id``, correlated) has its reading of ``day``'s ``slot``."""
    return (
        select(TemperatureReading.id)
        .where(
            and_(
                TemperatureReading.case_id == Case.id,
                TemperatureReading.reading_date == day,
                TemperatureReading.slot == slot.value,
            )
        )
        .exists()
    )


def _round_counts(session: Session, day: date, slots: list[Slot]) -> dict[Slot, tuple[int, int]]:
    """Per started round: (due, missing). One pass over the due cases for every round (a
    statement per round scanned them once each)."""
    row = session.execute(
        select(func.count(), *(func.count().filter(~_taken(day, slot)) for slot in slots))
        .select_from(Case)
        .join(Measure, Measure.id == Case.measure_id)
        .where(*readings_due(day))
    ).one()
    due = row[0] or 0
    return {slot: (due, row[i + 1] or 0) for i, slot in enumerate(slots)}


def _round(
    db: Database,
    session: Session,
    day: date,
    slot: Slot,
    deadline: time,
    now: datetime,
    counted: tuple[int, int],
) -> SlotStatus:
    """One round of today: how many owe a reading, and the first ``MISSING_SHOWN`` still missing.

    Who owes a reading is ``periods.readings_due``, the same rule ``rounds.due_list`` uses; but
    Today needs only the missing people, so it does not build every team (``due_list`` takes
    ~2.7 s per round at 50,000 cases).
    """
    due, count = counted
    rows = session.execute(
        people_to_visit()
        .where(*readings_due(day), ~_taken(day, slot))
        .order_by(group_rank(session), Person.search_key, Case.id)
        .limit(MISSING_SHOWN)
    ).all()
    return SlotStatus(
        slot=slot,
        deadline=deadline,
        due=due,
        missing_count=count,
        missing=_due_items(db, day, rows),
        passed=now.time() >= deadline,
    )


def _due_items(db: Database, day: date, rows: Sequence[Row[Any]]) -> tuple[DueItem, ...]:
    team_of = teams(db, [row[0] for row in rows], day)
    items = []
    for case_id, person_id, name, id_number, group, address, phone, measure in rows:
        team = team_of.get(case_id, [])
        medical = next((m for m in team if m.role == "医护人员"), None)
        items.append(
            DueItem(
                case_id=case_id,
                person_id=person_id,
                name=name,
                id_number=id_number,
                group_name=group,
                address=address,
                phone=phone,
                measure=measure,
                medical_staff=medical.name if medical else None,
                team="；".join(f"{m.role} {m.name} {m.phone or ''}".strip() for m in team),
                reading=None,
            )
        )
    return tuple(items)
