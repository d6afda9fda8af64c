"""核酸检测 — who is due a test on a day, what came back, and the alarm a 阳性 raises.

A result is typed on the tests page (one key per result) or imported from the sampling system's
list (``app.services.nucleic_import``); both write through :func:`save_test`. A 阳性 opens an
anomaly (``AnomalyKind.POSITIVE_TEST``) at once; it stays on Today until it is handled and closed
(转运/送医), and the person is marked 阳性 wherever their tests are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Exists, and_, exists, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from app import clock
from app.config import Settings
from app.db import Database
from app.models import Anomaly, AnomalyKind, Case, Measure, NucleicAcidTest, Person, TestResult
from app.models.validation import optional_text
from app.services.access import Permission, require
from app.services.errors import Conflict, NotFound, ServiceError
from app.services.nucleic_schedule import (
    day_number,
    due_days_of_case,
    get_rounds,
    get_schedule,
    month_day,
    scheduled_results,
)
from app.services.periods import under_management
from app.services.reference import get_setting
from app.services.roster import group_rank, people_to_visit

ROUND_REASON = "全员核酸"

# What a clerk or a lab list may write for each result.
_RESULT_WORDS: dict[str, TestResult] = {
    **{w: TestResult.NEGATIVE for w in ("阴性", "阴", "-", "（-）", "(-)", "negative", "neg")},
    **{w: TestResult.POSITIVE for w in ("阳性", "阳", "+", "（+）", "(+)", "positive", "pos")},
    **{w: TestResult.PENDING for w in ("待出", "未出", "待检测", "检测中", "待复核", "结果未出")},
    **{w: TestResult.NOT_TESTED for w in ("未检", "未采样", "未检测", "未采")},
}


def parse_result(raw: object) -> TestResult:
    """ "阴性" / "阴" / "Negative" / "检测中" … → a result; anything else is refused."""
    text = str(raw or "").strip().lower()
    found = _RESULT_WORDS.get(text)
    if found is None:
        choices = "、".join(r.value for r in TestResult)
        raise ServiceError(f"不认识的检测结果「{str(raw or '').strip()}」，可填：{choices}")
    return found


@dataclass(frozen=True)
class TestInfo:
    """One recorded test, as pages, ledgers and the command line show it."""

    __test__ = False

    id: int
    person_id: int
    case_id: int | None
    sample_date: date
    result: TestResult
    tested_on: date | None
    lab: str | None
    source: str
    note: str | None


def _info(test: NucleicAcidTest) -> TestInfo:
    return TestInfo(
        test.id, test.person_id, test.case_id, test.sample_date, TestResult(test.result),
        test.tested_on, test.lab, test.source, test.note,
    )  # fmt: skip


@dataclass(frozen=True)
class TestSaved:
    __test__ = False

    test: TestInfo
    status: str  # "new" 新登记 / "updated" 更新 / "unchanged" 相同
    anomaly_id: int | None  # the open 核酸阳性 anomaly, for a 阳性


@dataclass(frozen=True)
class TestEntry:
    """One result to save: what ``save_test`` takes, typed or imported."""

    __test__ = False

    person_id: int
    case_id: int | None
    sample_date: date
    result: TestResult
    tested_on: date | None = None
    lab: str | None = None
    note: str | None = None
    source: str = "录入"


def record_test(
    db: Database,
    case_id: int,
    sample_date: date,
    result: object,
    *,
    tested_on: date | None = None,
    lab: str | None = None,
    note: str | None = None,
) -> TestSaved:
    """The tests page: a clerk keys the result of a case's sample of ``sample_date``."""
    require(db, Permission.RECORD)
    with db.session() as session:
        case = session.get(Case, case_id)
        if case is None or case.is_deleted:
            raise NotFound("找不到这个人员的登记记录。")
        entry = TestEntry(
            case.person_id, case.id, sample_date, parse_result(result), tested_on, lab, note
        )
        return save_test(session, entry)


def save_test(session: Session, entry: TestEntry, *, overwrite: bool = True) -> TestSaved:
    """The one place a result is written; the caller owns the transaction.

    One row per person and sample day: saving the same again changes nothing, a later result
    (待出 → 阴性) updates the row. ``overwrite=False`` refuses to change a final result
    (阴性/阳性) to a different one — an imported list must not silently undo what was recorded.
    """
    if entry.sample_date > clock.today():
        raise ServiceError(f"采样日期 {entry.sample_date:%Y-%m-%d} 晚于今天，请核对。")
    if entry.tested_on is not None and entry.tested_on < entry.sample_date:
        raise ServiceError(
            f"检测日期 {entry.tested_on:%Y-%m-%d} 早于采样日期 {entry.sample_date:%Y-%m-%d}。"
        )
    values = {
        "result": entry.result.value,
        "tested_on": entry.tested_on,
        "lab": optional_text(entry.lab, max_length=100, field="检测机构"),
        "note": optional_text(entry.note, max_length=200),
    }
    test = session.scalar(
        select(NucleicAcidTest).where(
            NucleicAcidTest.person_id == entry.person_id,
            NucleicAcidTest.sample_date == entry.sample_date,
        )
    )
    status = "new"
    if test is None:
        test = NucleicAcidTest(
            person_id=entry.person_id,
            case_id=entry.case_id,
            sample_date=entry.sample_date,
            source=entry.source,
            **values,
        )
        session.add(test)
    else:
        status = merge_result(test, values, entry.case_id, overwrite=overwrite)
    session.flush()
    anomaly_id = None
    if test.result == TestResult.POSITIVE.value:
        anomaly_id = _open_positive_anomaly(session, test)
    return TestSaved(_info(test), status, anomaly_id)


def merge_result(
    test: NucleicAcidTest, values: dict[str, object], case_id: int | None, *, overwrite: bool
) -> str:
    """A later word on a recorded sample (``values``: result, tested_on, lab, note) → "updated"
    or "unchanged". What it does not say is kept (a typed 阴性 keeps the imported lab). With
    ``overwrite=False`` (an imported list, a village's ledger pushed to the server) a final
    result (阴性/阳性) is never changed to a different one: ``Conflict`` instead."""
    values = {k: v if v is not None else getattr(test, k) for k, v in values.items()}
    if all(getattr(test, k) == v for k, v in values.items()):
        return "unchanged"
    final = {TestResult.NEGATIVE.value, TestResult.POSITIVE.value}
    if not overwrite and test.result in final and values["result"] != test.result:
        raise Conflict(
            f"{test.sample_date:%Y-%m-%d} 采样已登记为「{test.result}」，"
            f"与「{values['result']}」不同"
        )
    for key, value in values.items():
        setattr(test, key, value)
    test.case_id = test.case_id or case_id
    return "updated"


def _open_positive_anomaly(session: Session, test: NucleicAcidTest) -> int:
    """A 阳性 opens an anomaly at once (one per person while open: a retest adds no second)."""
    person = session.get_one(Person, test.person_id)
    open_one = session.scalar(
        select(Anomaly.id)
        .outerjoin(Case, Case.id == Anomaly.case_id)
        .where(
            Anomaly.kind == AnomalyKind.POSITIVE_TEST.value,
            Anomaly.closed.is_(False),
            (Case.person_id == test.person_id) | (Anomaly.subject_name == person.name),
        )
    )
    if open_one is not None:
        return open_one
    where = f"，{test.lab}" if test.lab else ""
    anomaly = Anomaly(
        case_id=test.case_id,
        subject_name=None if test.case_id else person.name,
        kind=AnomalyKind.POSITIVE_TEST.value,
        detected_on=test.tested_on or test.sample_date,
        observation=f"核酸检测阳性（{month_day(test.sample_date)}采样{where}）",
        closed=False,
    )
    session.add(anomaly)
    session.flush()
    return anomaly.id


def tests_of_person(db: Database, person_id: int) -> list[TestInfo]:
    """Every test of a person, the oldest sample first."""
    with db.reading() as session:
        query = (
            select(NucleicAcidTest)
            .where(NucleicAcidTest.person_id == person_id)
            .order_by(NucleicAcidTest.sample_date)
        )
        return [_info(t) for t in session.scalars(query)]


def positive_people(db: Database) -> set[int]:
    """People marked 阳性: a positive result whose anomaly is still open."""
    with db.reading() as session:
        return _positive_people(session)


def _positive_people(session: Session) -> set[int]:
    rows = session.scalars(
        select(NucleicAcidTest.person_id)
        .where(
            NucleicAcidTest.result == TestResult.POSITIVE.value,
            _positive_not_handled(NucleicAcidTest.person_id),
        )
        .distinct()
    )
    return set(rows)


def _positive_not_handled(person_id: ColumnElement[int]) -> Exists:
    """The person's 阳性 is not handled yet: a 核酸阳性 anomaly on one of their cases is open.

    The one definition of "until handled": Today's banner and its 阳性 count list the same open
    anomalies, and closing the anomaly (转运/送医) takes the mark off everywhere at once.
    """
    return (
        select(Anomaly.id)
        .join(Case, Case.id == Anomaly.case_id)
        .where(
            Case.person_id == person_id,
            Anomaly.kind == AnomalyKind.POSITIVE_TEST.value,
            Anomaly.closed.is_(False),
        )
        .exists()
    )


@dataclass(frozen=True)
class LatestTest:
    """A person's latest test, as the roster's 核酸 column shows it, and the 阳性 mark."""

    __test__ = False

    result: TestResult  # of the latest sample day recorded (未检 included)
    sample_date: date
    positive_on: date | None  # the latest 阳性 sample while it is not handled: the person's mark

    @property
    def marked(self) -> bool:
        return self.positive_on is not None


def latest_tests(db: Database, person_ids: Iterable[int]) -> dict[int, LatestTest]:
    """person id → their latest test and 阳性 mark; people never tested are left out.

    One query for a page of the roster (not one per row): the latest sample day and the latest
    阳性 per person are grouped in SQL, the mark is the open-anomaly test of ``positive_people``.
    """
    wanted = sorted(set(person_ids))
    found: dict[int, LatestTest] = {}
    with db.reading() as session:
        # SQLite limits bound parameters; 900 per query keeps well under it.
        for start in range(0, len(wanted), 900):
            found.update(_latest_tests(session, wanted[start : start + 900]))
    return found


def _latest_tests(session: Session, person_ids: list[int]) -> dict[int, LatestTest]:
    positive = NucleicAcidTest.result == TestResult.POSITIVE.value
    per_person = (
        select(
            NucleicAcidTest.person_id.label("person_id"),
            func.max(NucleicAcidTest.sample_date).label("latest_on"),
            func.max(sql_case((positive, NucleicAcidTest.sample_date))).label("positive_on"),
        )
        .where(NucleicAcidTest.person_id.in_(person_ids))
        .group_by(NucleicAcidTest.person_id)
        .subquery()
    )
    query = select(
        per_person.c.person_id,
        NucleicAcidTest.result,
        per_person.c.latest_on,
        per_person.c.positive_on,
        _positive_not_handled(per_person.c.person_id),
    ).join(
        NucleicAcidTest,
        and_(
            NucleicAcidTest.person_id == per_person.c.person_id,
            NucleicAcidTest.sample_date == per_person.c.latest_on,  # one row per person and day
        ),
    )
    return {
        person_id: LatestTest(
            TestResult(result), latest_on, positive_on if positive_on and open_alarm else None
        )
        for person_id, result, latest_on, positive_on, open_alarm in session.execute(query)
    }


# Where a scheduled test stands when no final result counts for it (yet).
MISSED, DUE_TODAY, UPCOMING, NOT_BACK = "漏检", "今日应检", "待检", "结果未出"


@dataclass(frozen=True)
class ScheduledTest:
    """One test the schedule asks of a case (第几天 of its period) and where it stands."""

    __test__ = False

    number: int  # 第几天
    due_on: date
    result: TestResult | None  # the sample that counts for it (see ``scheduled_results``)
    state: str  # 阴性 / 阳性 / 结果未出 / 漏检 / 今日应检 / 待检

    @property
    def overdue(self) -> bool:
        """Past its day with no sample: the sampling team missed the person (漏检)."""
        return self.state == MISSED


def scheduled_tests(db: Database, case_id: int, day: date | None = None) -> list[ScheduledTest]:
    """The tests a case's schedule asks for, each done, due today, missed or still to come."""
    day = day or clock.today()
    with db.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("找不到这条登记记录。")
        due = due_days_of_case(
            get_schedule(session).days_for(case.measure.name), case.start_date, case.planned_end,
            day_one_is_start=get_setting(session, Settings.DAY_ONE_IS_START),
        )  # fmt: skip
        samples = session.execute(
            select(NucleicAcidTest.sample_date, NucleicAcidTest.result).where(
                NucleicAcidTest.person_id == case.person_id
            )
        )
        counted = scheduled_results(due, [(d, r) for d, r in samples], day)
    tests: list[ScheduledTest] = []
    for number, due_on, result in counted:
        if result is not None:
            state = NOT_BACK if result == TestResult.PENDING.value else result
        elif due_on < day:
            state = MISSED
        else:
            state = DUE_TODAY if due_on == day else UPCOMING
        found = TestResult(result) if result is not None else None
        tests.append(ScheduledTest(number, due_on, found, state))
    return tests


# --- who is due -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueTest:
    """One person the sampling team must swab on a day, and what is recorded for it."""

    case_id: int
    person_id: int
    name: str
    id_number: str | None
    group_name: str | None
    address: str | None
    phone: str | None
    measure: str
    reason: str  # "第4天" or "全员核酸"
    test: TestInfo | None  # the sample of that day, if recorded
    due_day: int | None = None  # the 第几天 of ``reason``; None: a 全员核酸 round

    @property
    def result(self) -> str:
        return self.test.result.value if self.test else ""


def due_tests(db: Database, day: date) -> list[DueTest]:
    """Everyone due a test on ``day`` (schedule or 全员核酸), by 村民小组 and name."""
    with db.reading() as session:
        return _due_tests(session, day)


def _due_tests(session: Session, day: date) -> list[DueTest]:
    schedule = get_schedule(session)
    everyone = day in get_rounds(session)
    day_one_is_start = get_setting(session, Settings.DAY_ONE_IS_START)
    scheduled = [m for m, days in schedule.days_by_measure.items() if days]
    if not everyone and not scheduled:
        return []
    query = (
        people_to_visit(Case.start_date, Case.planned_end)
        .where(*under_management(day))
        .order_by(Person.group_name.is_not(None), group_rank(session), Person.search_key, Case.id)
    )
    if not everyone:
        query = query.where(Measure.name.in_(scheduled))
    due: list[tuple[tuple[object, ...], str, int | None]] = []
    for row in session.execute(query):
        *who, measure, start, planned_end = row
        number = day_number(start, day, day_one_is_start=day_one_is_start)
        in_period = planned_end is None or day < planned_end
        if in_period and number in schedule.days_for(measure):
            due.append(((*who, measure), f"第{number}天", number))
        elif everyone:
            due.append(((*who, measure), ROUND_REASON, None))
    tests = _tests_on(session, day, [row[1] for row, _, _ in due])
    return [
        DueTest(*row, reason, tests.get(row[1]), number)  # type: ignore[arg-type]
        for row, reason, number in due
    ]


def _due_count(session: Session, day: date) -> tuple[int, int]:
    """How many ``_due_tests`` would list for ``day``, and how many of them are 已采样 — counted
    in one statement, without reading the people (Today and the daily report need only the
    numbers: building the list at county scale cost Today ~0.2 s).

    The same rule as ``_due_tests``: on a 全员核酸 day everyone under management; otherwise
    第n天 of a scheduled measure (start_date = day − (n − 1 or 0)) before the planned end.
    """
    schedule = get_schedule(session)
    everyone = day in get_rounds(session)
    offset = 1 if get_setting(session, Settings.DAY_ONE_IS_START) else 0
    scheduled = {m: days for m, days in schedule.days_by_measure.items() if days}
    if not everyone and not scheduled:
        return 0, 0
    conditions = list(under_management(day))
    if not everyone:
        conditions.append(
            or_(
                *(
                    and_(
                        Measure.name == measure,
                        Case.start_date.in_([day - timedelta(days=n - offset) for n in days]),
                    )
                    for measure, days in scheduled.items()
                )
            )
        )
        conditions.append(or_(Case.planned_end.is_(None), Case.planned_end > day))
    # One test per person and sample day (uq_nucleic_acid_test_person_day).
    sampled = exists().where(
        NucleicAcidTest.person_id == Case.person_id,
        NucleicAcidTest.sample_date == day,
        NucleicAcidTest.result != TestResult.NOT_TESTED.value,
    )
    due, done = session.execute(
        select(func.count(), func.count().filter(sampled))
        .select_from(Case)
        .join(Person, Person.id == Case.person_id)
        .join(Measure, Measure.id == Case.measure_id)
        .where(*conditions)
    ).one()
    return due or 0, done or 0


def _tests_on(session: Session, day: date, person_ids: Iterable[object]) -> dict[int, TestInfo]:
    wanted = set(person_ids)
    rows = session.scalars(select(NucleicAcidTest).where(NucleicAcidTest.sample_date == day))
    return {t.person_id: _info(t) for t in rows if t.person_id in wanted}


@dataclass(frozen=True)
class TestCounts:
    """Today's section and ``check``: 今日应检 / 已采样 / 结果未出 / 阳性."""

    __test__ = False

    due: int  # 今日应检
    sampled: int  # of those, 已采样 (a result of any kind but 未检)
    pending: int  # 结果未出: every 待出 of people under management, whatever the sample day
    positive: int  # 阳性 not yet handled (open 核酸阳性 anomalies)

    @property
    def not_sampled(self) -> int:
        return self.due - self.sampled


def counts(db: Database, day: date) -> TestCounts:
    with db.reading() as session:
        due, sampled = _due_count(session, day)
        pending = session.scalar(
            select(func.count(NucleicAcidTest.id))
            .join(Case, Case.id == NucleicAcidTest.case_id)
            .where(NucleicAcidTest.result == TestResult.PENDING.value, *under_management(day))
        )
        positive = session.scalar(
            select(func.count(Anomaly.id)).where(
                Anomaly.kind == AnomalyKind.POSITIVE_TEST.value, Anomaly.closed.is_(False)
            )
        )
    return TestCounts(due, sampled, pending or 0, positive or 0)


def daily_report_counts(session: Session, day: date) -> dict[str, int]:
    """The daily report's 当日应检 / 当日已检 / 当日阳性 (when the setting turns them on).

    当日阳性 counts the 阳性 results that came back on ``day`` (检测日期, else 采样日期).
    """
    due, sampled = _due_count(session, day)
    positive = session.scalar(
        select(func.count(NucleicAcidTest.id)).where(
            NucleicAcidTest.result == TestResult.POSITIVE.value,
            func.coalesce(NucleicAcidTest.tested_on, NucleicAcidTest.sample_date) == day,
        )
    )
    return {
        "当日应检": due,
        "当日已检": sampled,
        "当日阳性": positive or 0,
    }


def tests_between(db: Database, first: date, last: date) -> list[TestInfo]:
    with db.reading() as session:
        query = (
            select(NucleicAcidTest)
            .where(NucleicAcidTest.sample_date.between(first, last))
            .order_by(NucleicAcidTest.sample_date, NucleicAcidTest.id)
        )
        return [_info(t) for t in session.scalars(query)]


__all__ = [
    "DUE_TODAY",
    "MISSED",
    "NOT_BACK",
    "ROUND_REASON",
    "UPCOMING",
    "DueTest",
    "LatestTest",
    "ScheduledTest",
    "TestCounts",
    "TestEntry",
    "TestInfo",
    "TestSaved",
    "counts",
    "daily_report_counts",
    "due_tests",
    "latest_tests",
    "merge_result",
    "parse_result",
    "positive_people",
    "record_test",
    "save_test",
    "scheduled_tests",
    "tests_between",
    "tests_of_person",
]
