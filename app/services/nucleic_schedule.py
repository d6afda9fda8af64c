"""核酸检测安排 — on which days of a period a test is due, and the ad-hoc 全员核酸 rounds.

Both are policy settings (``Settings.TEST_SCHEDULE``, ``Settings.TEST_ROUNDS``) because the rule
changed with every edition of the national protocol (居家隔离医学观察14天+核酸检测3次, later 7+3 …).
The schedule is written "措施:第几天" per measure, separated by semicolons:
``居家隔离医学观察:1,4,7;居家健康监测:3``; a measure left out, or written "无", has no test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Database
from app.models import TestResult
from app.models.validation import ValidationError, parse_date
from app.services.access import Permission, require
from app.services.errors import ServiceError
from app.services.reference import get_setting, write_setting

NO_TESTS = "无"
_LIST_SPLIT = re.compile(r"[,，、\s]+")
_MEASURE_SPLIT = re.compile(r"[;；\n]+")


@dataclass(frozen=True)
class TestSchedule:
    """Due days (第几天, 1-based) per measure name; a measure not in it has none."""

    __test__ = False  # not a pytest test class

    days_by_measure: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def days_for(self, measure: str) -> tuple[int, ...]:
        return self.days_by_measure.get(measure, ())

    def with_days(self, measure: str, days: tuple[int, ...]) -> TestSchedule:
        changed = dict(self.days_by_measure)
        changed[measure] = tuple(sorted(set(days)))
        return TestSchedule(changed)

    def describe(self, measure: str) -> str:
        """ "第1、4、7天" or "无" — how Settings and the ledgers show a measure's schedule."""
        days = self.days_for(measure)
        return f"第{'、'.join(str(d) for d in days)}天" if days else NO_TESTS


def parse_days(text: str, *, measure: str = "") -> tuple[int, ...]:
    """ "1,4,7" / "1、4、7" / "第1、4、7天" / "无" / "" → (1, 4, 7) / ()."""
    cleaned = text.strip().removeprefix("第").removesuffix("天").strip()
    if cleaned in ("", NO_TESTS, "不检测"):
        return ()
    days: set[int] = set()
    for part in _LIST_SPLIT.split(cleaned):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 60:
            where = f"「{measure}」的" if measure else ""
            raise ServiceError(
                f"{where}核酸检测日「{part}」不是 1 到 60 之间的整数（例：1,4,7；不检测写“无”）。"
            )
        days.add(int(part))
    return tuple(sorted(days))


def parse_schedule(text: str) -> TestSchedule:
    days_by_measure: dict[str, tuple[int, ...]] = {}
    for entry in _MEASURE_SPLIT.split(text):
        if not entry.strip():
            continue
        measure, colon, days = entry.replace("：", ":").partition(":")
        if not colon or not measure.strip():
            raise ServiceError(
                f"核酸检测安排「{entry.strip()}」应写成“措施:第几天”，例：居家健康监测:3"
            )
        days_by_measure[measure.strip()] = parse_days(days, measure=measure.strip())
    return TestSchedule(days_by_measure)


def format_schedule(schedule: TestSchedule) -> str:
    return ";".join(
        f"{measure}:{','.join(str(d) for d in days) if days else NO_TESTS}"
        for measure, days in schedule.days_by_measure.items()
    )


def parse_rounds(text: str) -> tuple[date, ...]:
    """全员核酸 dates, "2022-04-10,2022-04-12" → sorted, without repeats."""
    found: set[date] = set()
    for part in _LIST_SPLIT.split(text.replace(";", ",").replace("；", ",")):
        if part:
            try:
                found.add(parse_date(part, field="全员核酸日期", allow_future=True))
            except ValidationError as error:
                raise ServiceError(error.message) from None
    return tuple(sorted(found))


def get_schedule(session: Session) -> TestSchedule:
    return parse_schedule(get_setting(session, Settings.TEST_SCHEDULE))


def get_rounds(session: Session) -> tuple[date, ...]:
    return parse_rounds(get_setting(session, Settings.TEST_ROUNDS))


def schedule(db: Database) -> TestSchedule:
    with db.reading() as session:
        return get_schedule(session)


def rounds(db: Database) -> tuple[date, ...]:
    with db.reading() as session:
        return get_rounds(session)


def set_measure_days(db: Database, measure: str, days: str) -> TestSchedule:
    """Settings: the clerk typed "1,4,7" (or "无") for a measure."""
    changed = schedule(db).with_days(measure, parse_days(days, measure=measure))
    write_setting(db, Settings.TEST_SCHEDULE, format_schedule(changed))
    return changed


def add_round(db: Database, day: date) -> tuple[date, ...]:
    """全员核酸 on ``day``: everyone under management that day is due a test."""
    require(db, Permission.SETTINGS)
    days = tuple(sorted({*rounds(db), day}))
    write_setting(db, Settings.TEST_ROUNDS, ",".join(d.isoformat() for d in days))
    return days


def remove_round(db: Database, day: date) -> tuple[date, ...]:
    days = tuple(d for d in rounds(db) if d != day)
    write_setting(db, Settings.TEST_ROUNDS, ",".join(d.isoformat() for d in days))
    return days


# --- days of a period -----------------------------------------------------------------------------


def month_day(day: date) -> str:
    """ "4月6日" — how a reason or an observation names a day of the period."""
    return f"{day.month}月{day.day}日"


def date_of_day(start: date, number: int, *, day_one_is_start: bool) -> date:
    """The calendar date of 第 ``number`` 天 (the same day-one rule as ``planned_end_for``)."""
    return start + timedelta(days=number - 1 if day_one_is_start else number)


def day_number(start: date, day: date, *, day_one_is_start: bool) -> int:
    """第几天 ``day`` is in a period starting on ``start`` (0 or less: not started)."""
    return (day - start).days + (1 if day_one_is_start else 0)


def due_days_of_case(
    days: tuple[int, ...], start: date, planned_end: date | None, *, day_one_is_start: bool
) -> list[tuple[int, date]]:
    """(第几天, date) of every scheduled test inside the period (a day past its end is dropped)."""
    due = [(n, date_of_day(start, n, day_one_is_start=day_one_is_start)) for n in days]
    return [(n, d) for n, d in due if planned_end is None or d < planned_end]


# Which result counts for a due day when its window holds several samples.
_WEIGHT = (TestResult.POSITIVE, TestResult.NEGATIVE, TestResult.PENDING)


def scheduled_results(
    due: list[tuple[int, date]], samples: Iterable[tuple[date, str]], day: date
) -> list[tuple[int, date, str | None]]:
    """Each scheduled test (第几天, date) with the result that counts for it, as of ``day``.

    A sample counts for a due day from that day until the next due day (the last one: until
    ``day``): a swab taken a day late still counts. 阳性 outweighs 阴性, which outweighs 待出;
    None: no sample (未检 is no sample). The release rules and the person page read the same.
    """
    taken = [(s, result) for s, result in samples if result != TestResult.NOT_TESTED.value]
    found: list[tuple[int, date, str | None]] = []
    for index, (number, due_on) in enumerate(due):
        until = due[index + 1][1] if index + 1 < len(due) else day + timedelta(days=1)
        results = {result for sampled, result in taken if due_on <= sampled < until}
        counted = next((r.value for r in _WEIGHT if r.value in results), None)
        found.append((number, due_on, counted))
    return found
