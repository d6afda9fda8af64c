"""解除 that follows the rules: a case is due for release only when everything the rules ask is in.

The rule of the time: 居家隔离医学观察14天+核酸检测3次 — the period over, no fever in the last
readings, and every test the schedule required negative. Whatever is missing is named, so the
clerk sees why a person whose period is over still cannot be released.
Releasing sets 实际结束日期 and 结束原因 (期满解除) and returns the released case, which the
printing layer turns into the 解除隔离通知书.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.config import Settings
from app.db import Database
from app.models import Anomaly, Case, EndKind, EndReason, NucleicAcidTest, TemperatureReading
from app.models.testing import TestResult
from app.models.validation import is_fever
from app.services import roster
from app.services.errors import Conflict, NotFound, ServiceError
from app.services.nucleic_schedule import due_days_of_case, get_schedule
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


def release_check(db: Database, case_id: int, on: date | None = None) -> ReleaseCheck:
    with db.reading() as session:
        return _check(session, _open_case(session, case_id), on or clock.today())


def release_checks(db: Database, day: date) -> list[ReleaseCheck]:
    """Every open case whose planned end has come, with what still stands in the way."""
    with db.reading() as session:
        cases = session.scalars(
            select(Case)
            .where(
                Case.deleted_at.is_(None),
                Case.ended_on.is_(None),
                Case.planned_end.is_not(None),
                Case.planned_end <= day,
            )
            .order_by(Case.planned_end, Case.id)
        )
        return [_check(session, case, day) for case in cases]


def release_case(db: Database, case_id: int, on: date | None = None) -> CaseRow:
    """期满解除 on ``on`` (default today) — refused, with the reasons, while the rules say no.

    Returns the released case: the UI offers the 解除隔离通知书 for it (issue 22 item 4).
    """
    day = on or clock.today()
    with db.reading() as session:
        check = _check(session, _open_case(session, case_id), day)
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


def _check(session: Session, case: Case, day: date) -> ReleaseCheck:
    reasons: list[str] = []
    if case.planned_end is None:
        reasons.append("没有计划解除日期")
    elif day < case.planned_end:
        reasons.append(f"观察期未满（{case.planned_end:%Y-%m-%d} 期满）")
    if case.measure.needs_readings:
        reasons += _reading_reasons(session, case, day)
    reasons += _test_reasons(session, case, day)
    open_anomalies = session.scalars(
        select(Anomaly.kind).where(Anomaly.case_id == case.id, Anomaly.closed.is_(False))
    ).all()
    if open_anomalies:
        reasons.append(f"有未处置的异常（{'、'.join(sorted(set(open_anomalies)))}）")
    return ReleaseCheck(case.id, case.person.name, case.planned_end, tuple(reasons))


def _reading_reasons(session: Session, case: Case, day: date) -> list[str]:
    """The last readings — those of the period's last day — must be there and normal."""
    last_day = min(day, case.planned_end or day) - timedelta(days=1)
    if last_day < case.start_date:
        return []
    threshold = get_setting(session, Settings.FEVER_THRESHOLD)
    readings = session.scalars(
        select(TemperatureReading).where(
            TemperatureReading.case_id == case.id, TemperatureReading.reading_date == last_day
        )
    ).all()
    if not readings:
        return [f"最后一天（{last_day:%m月%d日}）没有体温记录"]
    feverish = [r for r in readings if is_fever(r.celsius, threshold) or r.symptoms]
    return [
        f"{r.reading_date:%m月%d日}{'上午' if r.slot == 'AM' else '下午'}体温 {r.celsius:.1f} ℃"
        f"{'，' + r.symptoms if r.symptoms else ''}"
        for r in feverish
    ]


def _test_reasons(session: Session, case: Case, day: date) -> list[str]:
    """Each scheduled test: a sample from its day until the next one's, and it came back 阴性."""
    days = get_schedule(session).days_for(case.measure.name)
    if not days:
        return []
    day_one_is_start = get_setting(session, Settings.DAY_ONE_IS_START)
    due = due_days_of_case(
        days, case.start_date, case.planned_end, day_one_is_start=day_one_is_start
    )
    tests = (
        session.scalars(
            select(NucleicAcidTest)
            .where(
                NucleicAcidTest.person_id == case.person_id,
                NucleicAcidTest.sample_date >= due[0][1],
            )
            .order_by(NucleicAcidTest.sample_date)
        ).all()
        if due
        else []
    )
    reasons: list[str] = []
    for index, (number, due_on) in enumerate(due):
        until = due[index + 1][1] if index + 1 < len(due) else day + timedelta(days=1)
        window = [t for t in tests if due_on <= t.sample_date < until]
        sampled = [t for t in window if t.result != TestResult.NOT_TESTED.value]
        results = {t.result for t in sampled}
        label = f"第{number}天（{due_on:%m月%d日}）核酸"
        if TestResult.POSITIVE.value in results:
            reasons.append(f"{label}阳性")
        elif TestResult.NEGATIVE.value in results:
            continue
        elif TestResult.PENDING.value in results:
            reasons.append(f"{label}结果未出")
        else:
            reasons.append(f"{label}未检测")
    return reasons
