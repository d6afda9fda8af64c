"""A demo village with the awkward cases added, and straightforward (slow, obviously right)
readings of the rules that the fast queries in rounds and assignments must agree with."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, natural_key
from app.models import Assignment, Case, Person
from app.services import assignments, demo, reference, roster
from app.services.assignments import StaffInput, TeamMember
from app.services.roster import CaseInput, PersonInput

NOW = datetime(2022, 2, 10, 21, 0)
TODAY = NOW.date()
HOME, MONITORING, REGISTER_ONLY = 1, 2, 4
MEDICAL, VILLAGE = 1, 2


def build_village(db: Database) -> dict[str, int]:
    """The demo village plus: people without a group, in 十组 and in 1组 (which counts like 一组),
    namesakes, a deleted and an ended case, a 仅登记 case, and two added roles that share a sort
    order (both 99) held by staff, one of them with no phone. Returns the added case ids."""
    demo.generate(db, persons=150, days=10, today=TODAY, now=NOW)
    start = TODAY - timedelta(days=3)

    def case(name: str, group: str | None, measure: int = HOME) -> int:
        return roster.register_case(
            db,
            PersonInput(name=name, group_name=group),
            CaseInput(category_id=1, measure_id=measure, start_date=start),
            today=TODAY,
        ).id

    added = {
        "no_group": case("无组人", None),
        "no_group_2": case("阿无组", None),
        "tenth": case("十组人", "十组"),
        "arabic_one": case("一号组人", "1组"),
        "namesake_a": case("王伟", "二组"),
        "namesake_b": case("王伟", "二组"),
        "deleted": case("已删除", "一组"),
        "ended": case("已解除", "一组"),
        "register_only": case("仅登记人", "一组", REGISTER_ONLY),
        "extra_roles": case("多包人", "三组", MONITORING),
    }
    roster.delete_case(db, added["deleted"])
    release = next(r for r in reference.end_reasons(db) if r.name == "期满解除")
    roster.end_case(db, added["ended"], TODAY - timedelta(days=1), release.id)

    grid = reference.add_staff_role(db, "楼长").id
    volunteer = reference.add_staff_role(db, "志愿者").id
    monitoring = next(m for m in reference.measures(db) if m.id == MONITORING)
    reference.save_measure(
        db,
        monitoring.name,
        default_days=monitoring.default_days,
        needs_readings=monitoring.needs_readings,
        required_role_ids=[MEDICAL, VILLAGE, grid, volunteer],
        measure_id=MONITORING,
    )
    # Assigned volunteer first, so a sort by assignment id alone would put it before 楼长.
    since = TODAY - timedelta(days=2)
    for role, name, phone in ((volunteer, "志愿者甲", None), (grid, "楼长乙", "13900000001")):
        staff = assignments.add_staff(db, StaffInput(name, role, phone=phone)).id
        assignments.assign(db, [added["extra_roles"], added["no_group"]], staff, since=since)
    return added


def roster_order(person: Person) -> tuple[object, ...]:
    """村民小组 as a clerk counts them (no group first; 1组 and 一组 by their text), then name."""
    group = person.group_name
    if group is None:
        return (0, (), "", person.search_key)
    return (1, natural_key(group), group, person.search_key)


def live_cases(session: Session, day: date) -> list[Case]:
    """Cases under management on ``day``, in roster order."""
    cases = [
        c for c in session.scalars(select(Case)) if not c.is_deleted and c.under_management_on(day)
    ]
    return sorted(cases, key=lambda c: (*roster_order(c.person), c.id))


def team_of(session: Session, case_id: int, day: date) -> list[TeamMember]:
    """Whoever holds each role on ``day``, in role order (roles sharing a sort order by id)."""
    held = [
        a
        for a in session.scalars(select(Assignment).where(Assignment.case_id == case_id))
        if a.since <= day and (a.until is None or a.until > day)
    ]
    held.sort(key=lambda a: (a.role.sort_order, a.since, a.role.id, a.id))
    return [
        TeamMember(a.role_id, a.role.name, a.staff_id, a.staff.name, a.staff.phone) for a in held
    ]
