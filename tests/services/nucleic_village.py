"""A small village for the nucleic-acid tests: people on home isolation at known days."""

from __future__ import annotations

from datetime import date, timedelta

from app import clock
from app.db import Database
from app.services import reference, roster
from app.services.roster import CaseInput, PersonInput

HOME, MONITORING = (
    1,
    2,
)  # 居家隔离医学观察 (7 days, tests 第1、4、7天), 居家健康监测 (3 days, 第3天)
IDS = ("11010519491231002X", "440524188001010014", "130503196704010016", "110105200001010016")


def days_ago(n: int) -> date:
    return clock.today() - timedelta(days=n)


def register(
    db: Database,
    name: str,
    *,
    started_days_ago: int,
    measure: int = HOME,
    group: str | None = "一组",
    id_number: str | None = None,
) -> int:
    return roster.register_case(
        db,
        PersonInput(name=name, group_name=group, id_number=id_number),
        CaseInput(category_id=1, measure_id=measure, start_date=days_ago(started_days_ago)),
    ).id


def release_reason_id(db: Database) -> int:
    return next(r.id for r in reference.end_reasons(db) if r.name == "期满解除")


def md(day: date) -> str:
    """ "4月6日", as the release reasons write a day."""
    return f"{day.month}月{day.day}日"
