"""The numbers of a day (日报) — counted here, once, for the Today page, the reports and `check`.

Definitions (for day D):
- 累计排查: cases registered on or before D; 当日新增排查: registered on D.
- 在管人数 (split by measure): started on or before D and not ended on or before D.
- 当日解除 / 累计解除: ended with an end reason of kind "release" (期满解除) on D / on or before D.
- 当日转运送医: ended with a reason of kind "medical" (送医, 确诊) on D.
- 当日发热(异常)人数: distinct cases with a reading on D at or above the threshold, or a symptom.
- 当日漏测人次: (case, slot) pairs due on D with no reading.
- 包保未落实: cases under management on D missing a required role.
- 检查车辆 / 检查人数 / 劝返车辆 / 劝返人数: vehicle passes in D's statistical window (cut-off).
- 零报告: 当日新增排查, 当日发热, 当日转运送医 and 劝返 all zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Database
from app.models import (
    Assignment,
    Case,
    EndKind,
    EndReason,
    Measure,
    MeasureRequiredRole,
    TemperatureReading,
    local_now,
)
from app.services.checkpoints import CheckpointTotals, totals_between
from app.services.periods import under_management
from app.services.reference import day_window, get_setting
from app.services.rounds import missing_count


@dataclass(frozen=True)
class DayNumbers:
    day: date
    cutoff: time
    registered_total: int  # 累计排查
    registered_today: int  # 当日新增排查
    under_management: int  # 在管人数
    by_measure: dict[str, int] = field(default_factory=dict)  # 在管人数 per measure, in list order
    released_today: int = 0  # 当日解除
    released_total: int = 0  # 累计解除
    medical_today: int = 0  # 当日转运送医
    fever_today: int = 0  # 当日发热(异常)人数
    missed_readings: int = 0  # 当日漏测人次
    coverage_gaps: int = 0  # 包保未落实
    checkpoint: CheckpointTotals = field(default_factory=CheckpointTotals)

    @property
    def is_zero_report(self) -> bool:
        return (
            self.registered_today == 0
            and self.fever_today == 0
            and self.medical_today == 0
            and self.checkpoint.turned_back_vehicles == 0
            and self.checkpoint.turned_back_people == 0
        )


def day_numbers(db: Database, day: date, *, now: datetime | None = None) -> DayNumbers:
    with db.reading() as session:
        return count_day(session, day, now=now)


def count_day(session: Session, day: date, *, now: datetime | None = None) -> DayNumbers:
    """The day's numbers as of ``now`` (default: this moment).

    A round whose time has not yet come today is not counted as missed (漏测).
    """
    cutoff = get_setting(session, Settings.STAT_CUTOFF)
    threshold = get_setting(session, Settings.FEVER_THRESHOLD)
    live = Case.deleted_at.is_(None)

    registered_total, registered_today = session.execute(
        select(
            func.count(Case.id).filter(Case.registered_on <= day),
            func.count(Case.id).filter(Case.registered_on == day),
        ).where(live)
    ).one()

    measure_names = list(
        session.scalars(
            select(Measure.name)
            .where(Measure.active.is_(True))
            .order_by(Measure.sort_order, Measure.id)
        )
    )
    per_measure = dict(
        session.execute(
            select(Measure.name, func.count(Case.id))
            .join(Measure, Measure.id == Case.measure_id)
            .where(*under_management(day))
            .group_by(Measure.name)
        ).all()
    )
    by_measure = {name: per_measure.get(name, 0) for name in measure_names}
    by_measure.update({k: v for k, v in per_measure.items() if k not in by_measure})

    released_today, released_total, medical_today = session.execute(
        select(
            func.count(Case.id).filter(
                EndReason.kind == EndKind.RELEASE.value, Case.ended_on == day
            ),
            func.count(Case.id).filter(
                EndReason.kind == EndKind.RELEASE.value, Case.ended_on <= day
            ),
            func.count(Case.id).filter(
                EndReason.kind == EndKind.MEDICAL.value, Case.ended_on == day
            ),
        )
        .select_from(Case)
        .join(EndReason, EndReason.id == Case.end_reason_id)
        .where(live)
    ).one()

    fever_today = session.scalar(
        select(func.count(func.distinct(TemperatureReading.case_id)))
        .join(Case, Case.id == TemperatureReading.case_id)
        .where(
            live,
            TemperatureReading.reading_date == day,
            or_(
                # Compare in tenths so 37.3 typed as 37.3 is never 37.299999 below the line.
                func.round(TemperatureReading.celsius * 10) >= round(threshold * 10),
                TemperatureReading.symptoms != "",
            ),
        )
    )

    start, end = day_window(day, cutoff)
    return DayNumbers(
        day=day,
        cutoff=cutoff,
        registered_total=registered_total,
        registered_today=registered_today,
        under_management=sum(per_measure.values()),
        by_measure=by_measure,
        released_today=released_today,
        released_total=released_total,
        medical_today=medical_today,
        fever_today=fever_today or 0,
        missed_readings=missing_count(session, day, as_of=now or local_now()),
        coverage_gaps=_count_coverage_gaps(session, day),
        checkpoint=totals_between(session, start, end),
    )


def _count_coverage_gaps(session: Session, day: date) -> int:
    """包保未落实: cases under management on ``day`` whose measure requires a role nobody holds.

    The same rule as ``assignments.coverage_gaps`` (which lists the people), counted in one
    statement: listing first would bind every gap's id as a parameter, and a county with tens of
    thousands of gaps would exceed SQLite's limit on parameters.
    """
    required = (
        select(Case.id.label("case_id"), MeasureRequiredRole.role_id.label("role_id"))
        .join(MeasureRequiredRole, MeasureRequiredRole.measure_id == Case.measure_id)
        .where(*under_management(day))
        .subquery()
    )
    held = select(Assignment.id).where(
        Assignment.case_id == required.c.case_id,
        Assignment.role_id == required.c.role_id,
        Assignment.since <= day,
        or_(Assignment.until.is_(None), Assignment.until > day),
    )
    query = select(func.count(func.distinct(required.c.case_id))).where(~held.exists())
    return session.scalar(query) or 0
