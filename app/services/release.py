"""解除 that follows the rules: a case is due for release only when everything the rules ask is in.

The rule of the time: 居家隔离医学观察14天+核酸检测3次 — the period over, no fever in the last
readings, and every test the schedule required negative. Whatever is missing is named, so the
clerk sees why a person whose period is over still cannot be released.
Releasing sets 实际结束日期 and 结束原因 (期满解除) and returns the released case, which the
printing layer turns into the 解除隔离通知书.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app import clock
from app.config import Settings
from app.db import Database
from app.models import Anomaly, Case, EndKind, EndReason, NucleicAcidTest, TemperatureReading
from app.models.testing import TestResult
from app.models.validation import is_fever
from app.services import roster
from app.services.errors import Conflict, NotFound, ServiceError
from app.services.nucleic_schedule import (
    due_days_of_case,
    get_schedule,
    month_day,
    scheduled_results,
)
from app.services.reference import get_setting
from app.services.roster import CaseRow


@dataclass(frozen=True)
class ReleaseCheck:
    """Whether a case may be released on a day, and if not, every reason why not."""

    case_id: int
    name: str
    planned_end: date | None
    reasons: tuple[str, ...]  # empty: 可以解除

    @property
    def ready(self) -> bool:
        return not self.reasons

    @property
    def summary(self) -> str:
        return "可以解除" if self.ready else "；".join(self.reasons)


def release_checks(
    db: Database, day: date, case_ids: Sequence[int] | None = None
) -> list[ReleaseCheck]:
    """Open cases whose planned end has come (or just ``case_ids``), with what stands in the way.

    A few queries for the lot, not a few per case: Today checks every case of its 期满待解除 list.
    """
    with db.reading() as session:
        # The person and measure in the same query: one lookup each per case cost 3× the time.
        query = (
            select(Case)
            .options(joinedload(Case.person), joinedload(Case.measure))
            .where(Case.deleted_at.is_(None), Case.ended_on.is_(None))
        )
        if case_ids is None:
            query = query.where(Case.planned_end.is_not(None), Case.planned_end <= day)
        else:
            query = query.where(Case.id.in_(list(case_ids)))
        cases = list(session.scalars(query.order_by(Case.planned_end, Case.id)))
        checks = {c.case_id: c for c in _checks(session, cases, day)}
    order = [c.id for c in cases] if case_ids is None else list(case_ids)
    return [checks[case_id] for case_id in order if case_id in checks]


def release_case(db: Database, case_id: int, on: date | None = None) -> CaseRow:
    """期满解除 on ``on`` (default today) — refused, with the reasons, while the rules say no.

    Returns the released case: the UI offers the 解除隔离通知书 for it (issue 22 item 4).
    """
    day = on or clock.today()
    with db.reading() as session:
        check = _checks(session, [_open_case(session, case_id)], day)[0]
        reason_id = session.scalar(
            select(EndReason.id)
            .where(EndReason.kind == EndKind.RELEASE.value)
            .order_by(EndReason.sort_order, EndReason.id)
        )
    if not check.ready:
        raise ServiceError(f"「{check.name}」还不能解除：{check.summary}。")
    if reason_id is None:
        raise ServiceError("结束原因中没有“期满解除”类的原因，请先在设置中添加。")
    return roster.end_case(db, case_id, day, reason_id)


def _open_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.is_deleted:
        raise NotFound("找不到这条登记记录（可能已被删除）。")
    if case.ended_on is not None:
        raise Conflict(f"这条记录已于 {case.ended_on:%Y-%m-%d} 结束。")
    return case


def _checks(session: Session, cases: Sequence[Case], day: date) -> list[ReleaseCheck]:
    if not cases:
        return []
    threshold = get_setting(session, Settings.FEVER_THRESHOLD)
    schedule = get_schedule(session)
    day_one_is_start = get_setting(session, Settings.DAY_ONE_IS_START)
    last_days = {c.id: min(day, c.planned_end or day) - timedelta(days=1) for c in cases}
    readings = _grouped(
        session.scalars(
            select(TemperatureReading).where(
                TemperatureReading.case_id.in_(list(last_days)),
                TemperatureReading.reading_date.in_(set(last_days.values())),
            )
        ),
        lambda r: r.case_id,
    )
    tests = _grouped(
        session.scalars(
            select(NucleicAcidTest)
            .where(NucleicAcidTest.person_id.in_({c.person_id for c in cases}))
            .order_by(NucleicAcidTest.sample_date)
        ),
        lambda t: t.person_id,
    )
    anomalies = _grouped(
        session.execute(
            select(Anomaly.case_id, Anomaly.kind).where(
                Anomaly.case_id.in_(list(last_days)), Anomaly.closed.is_(False)
            )
        ),
        lambda row: row[0],
    )
    checks: list[ReleaseCheck] = []
    for case in cases:
        reasons: list[str] = []
        if case.planned_end is None:
            reasons.append("没有计划解除日期")
        elif day < case.planned_end:
            reasons.append(f"观察期未满（{case.planned_end:%Y-%m-%d} 期满）")
        last_day = last_days[case.id]
        if case.measure.needs_readings and last_day >= case.start_date:
            on_last = [r for r in readings.get(case.id, []) if r.reading_date == last_day]
            reasons += _reading_reasons(on_last, last_day, threshold)
        due = due_days_of_case(
            schedule.days_for(case.measure.name), case.start_date, case.planned_end,
            day_one_is_start=day_one_is_start,
        )  # fmt: skip
        reasons += _test_reasons(due, tests.get(case.person_id, []), day)
        kinds = sorted({kind for _, kind in anomalies.get(case.id, [])})
        if kinds:
            reasons.append(f"有未处置的异常（{'、'.join(kinds)}）")
        checks.append(ReleaseCheck(case.id, case.person.name, case.planned_end, tuple(reasons)))
    return checks


K = TypeVar("K")
V = TypeVar("V")


def _grouped(items: Iterable[V], key: Callable[[V], K]) -> dict[K, list[V]]:
    groups: dict[K, list[V]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _reading_reasons(
    readings: list[TemperatureReading], last_day: date, threshold: float
) -> list[str]:
    """The last readings — those of the period's last day — must be there and normal."""
    if not readings:
        return [f"最后一天（{month_day(last_day)}）没有体温记录"]
    feverish = [r for r in readings if is_fever(r.celsius, threshold) or r.symptoms]
    return [
        f"{month_day(r.reading_date)}{'上午' if r.slot == 'AM' else '下午'}体温 {r.celsius:.1f} ℃"
        f"{'，' + r.symptoms if r.symptoms else ''}"
        for r in sorted(feverish, key=lambda r: r.slot)
    ]


def _test_reasons(
    due: list[tuple[int, date]], tests: list[NucleicAcidTest], day: date
) -> list[str]:
    """Each scheduled test: a sample from its day until the next one's, and it came back 阴性."""
    reasons: list[str] = []
    samples = [(t.sample_date, t.result) for t in tests]
    for number, due_on, result in scheduled_results(due, samples, day):
        label = f"第{number}天（{month_day(due_on)}）核酸"
        if result == TestResult.POSITIVE.value:
            reasons.append(f"{label}阳性")
        elif result == TestResult.NEGATIVE.value:
            continue
        elif result == TestResult.PENDING.value:
            reasons.append(f"{label}结果未出")
        else:
            reasons.append(f"{label}未检测")
    return reasons
