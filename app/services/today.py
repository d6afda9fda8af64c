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

from sqlalchemy import Row, and_, func, literal, select, union_all
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
from app.services.assignments import CoverageGap, TeamMember, first_coverage_gaps, teams
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
    # The 包保 gaps (a scan of every case, ~0.1 s at 50,000) and the cases due for release with
    # what keeps each from release are read on two more connections meanwhile: SQLite reads in
    # parallel in WAL mode and releases the GIL while it works, so on two cores Today's numbers
    # arrive that much sooner at start-up (bench/startup.py).
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="today-side") as side:
        first_gaps = side.submit(first_coverage_gaps, db, day, LISTED)
        releases = side.submit(_releases, db, day)
        return _overview(db, now, first_gaps, releases)


@dataclass(frozen=True)
class _Releases:
    listed: tuple[CaseRow, ...]  # the first LISTED due for release, most overdue first
    count: int
    blockers: dict[int, str]  # case id → why it cannot be released yet


def _releases(db: Database, day: date) -> _Releases:
    listed = tuple(due_for_release(db, day, limit=LISTED))
    checks = release_checks(db, day, [c.id for c in listed])
    return _Releases(
        listed,
        count_due_for_release(db, day),
        {c.case_id: c.summary for c in checks if not c.ready},
    )


def _overview(
    db: Database,
    now: datetime,
    first_gaps: Future[tuple[list[CoverageGap], int]],
    releases: Future[_Releases],
) -> TodayOverview:
    day = now.date()
    with db.reading() as session:
        am_ends = get_setting(session, Settings.AM_SLOT_ENDS)
        pm_ends = get_setting(session, Settings.PM_SLOT_ENDS)
        report_deadline = get_setting(session, Settings.REPORT_DEADLINE)
        cutoff = get_setting(session, Settings.STAT_CUTOFF)
        # Whether there is anyone at all: the first row, not a count of them (50,000 at county).
        anyone = session.scalar(select(Person.id).limit(1)) is not None
        anyone = anyone or session.scalar(select(Staff.id).limit(1)) is not None
        has_checkpoints = session.scalar(select(Checkpoint.id).limit(1)) is not None
        started = [Slot.AM] if current_slot(now.time(), am_ends) is Slot.AM else [Slot.AM, Slot.PM]
        deadlines = {Slot.AM: am_ends, Slot.PM: pm_ends}
        slots = _rounds(db, session, day, started, deadlines, now)
    # A 阳性 goes to the top of the anomalies, whatever its date.
    open_anomalies = tuple(
        sorted(
            anomalies(db, open_only=True), key=lambda a: a.kind != AnomalyKind.POSITIVE_TEST.value
        )
    )
    checkpoints = totals_of_day(db, statistical_day(now, cutoff))
    report_export = last_daily_export(db, day)
    tests = nucleic_tests.counts(db, day)
    gaps, gap_count = first_gaps.result()
    release = releases.result()
    return TodayOverview(
        day=day,
        now=now,
        slots=slots,
        anomalies=open_anomalies,
        due_for_release=release.listed,
        due_for_release_count=release.count,
        coverage_gaps=tuple(gaps),
        coverage_gap_count=gap_count,
        checkpoints=checkpoints,
        has_checkpoints=has_checkpoints,
        empty_ledger=not anyone,
        report_deadline=report_deadline,
        report_export=report_export,
        tests=tests,
        release_blockers=release.blockers,
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


def _rounds(
    db: Database,
    session: Session,
    day: date,
    started: list[Slot],
    deadlines: dict[Slot, time],
    now: datetime,
) -> tuple[SlotStatus, ...]:
    """Every started round of today: how many owe a reading, how many have none yet, and the
    first ``MISSING_SHOWN`` of those by 组别 and name.

    Who owes a reading is ``periods.readings_due``, the same rule ``rounds.due_list`` uses; but
    Today needs only the missing people, so it does not build every team (``due_list`` takes
    ~2.7 s per round at 50,000 cases). One statement: the due cases are gathered once, with
    whether each round's reading is missing, and counted and listed from there (a count and a
    list per round walked the ~25,000 due cases of a county three times, at ~1.7× the cost).
    """
    counts, listed = _round_rows(session, day, started)
    due = counts[0]
    wanted = sorted({case_id for ids in listed.values() for case_id in ids})
    people = session.execute(people_to_visit().where(Case.id.in_(wanted))).all()
    by_case = {row[0]: row for row in people}
    team_of = teams(db, wanted, day)  # once for both lists: most people missing one miss both
    return tuple(
        SlotStatus(
            slot=slot,
            deadline=deadlines[slot],
            due=due,
            missing_count=counts[index + 1],
            missing=_due_items([by_case[case_id] for case_id in listed[slot]], team_of),
            passed=now.time() >= deadlines[slot],
        )
        for index, slot in enumerate(started)
    )


def _round_rows(
    session: Session, day: date, started: list[Slot]
) -> tuple[list[int], dict[Slot, list[int]]]:
    """[due, missing in the first round, missing in the second …] and, per round, the case ids
    of the first ``MISSING_SHOWN`` missing ones in list order."""
    flags = [f"missing_{slot.value.lower()}" for slot in started]
    due = (
        select(
            Case.id.label("case_id"),
            group_rank(session).label("rank"),
            Person.search_key.label("key"),
            *((~_taken(day, slot)).label(flag) for slot, flag in zip(started, flags, strict=True)),
        )
        .join(Person, Person.id == Case.person_id)
        .join(Measure, Measure.id == Case.measure_id)
        .where(*readings_due(day))
        # Read once into a temporary table, then counted and sorted from there (PostgreSQL
        # does so by itself for a CTE used more than once).
        .cte("due")
        .prefix_with("MATERIALIZED", dialect="sqlite")
    )
    # Rows of (part, value, rank, key): part -1 holds the due count, -2, -3 … each round's
    # missing count; part 0, 1 … a round's listed case ids with what orders them.
    conditions = [None, *(due.c[flag] for flag in flags)]
    counted = [
        select(
            literal(-1 - n).label("part"),
            func.count().label("value"),
            literal(0).label("rank"),
            literal("").label("key"),
        )
        .select_from(due)
        .where(*([] if condition is None else [condition]))
        for n, condition in enumerate(conditions)
    ]
    lists = [
        select(literal(n), due.c.case_id, due.c.rank, due.c.key)
        .where(due.c[flag])
        .order_by(due.c.rank, due.c.key, due.c.case_id)
        .limit(MISSING_SHOWN)
        .subquery()
        for n, flag in enumerate(flags)
    ]
    parts = union_all(*counted, *(select(*sub.c) for sub in lists)).subquery()
    rows = session.execute(
        select(*parts.c).order_by(parts.c.part, parts.c.rank, parts.c.key, parts.c.value)
    ).all()
    counts = [0] * (len(started) + 1)
    listed: dict[Slot, list[int]] = {slot: [] for slot in started}
    for part, value, _rank, _key in rows:
        if part < 0:
            counts[-1 - part] = value
        else:
            listed[started[part]].append(value)
    return counts, listed


def _due_items(
    rows: Sequence[Row[Any]], team_of: dict[int, list[TeamMember]]
) -> tuple[DueItem, ...]:
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
