"""包保 — staff, who is answerable for which case, and which cases lack a required role."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Row, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.models import Assignment, Case, Measure, MeasureRequiredRole, Person, Staff, StaffRole
from app.models.validation import normalize_mobile_or_landline, optional_text, require_text
from app.services.access import Permission, require
from app.services.errors import NotFound, ServiceError
from app.services.periods import under_management
from app.services.roster import group_order


@dataclass(frozen=True)
class StaffInput:
    name: str
    role_id: int
    phone: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role_id: int
    role: str
    phone: str | None
    organisation: str | None
    active: bool
    load: int = 0  # cases currently assigned


@dataclass(frozen=True)
class TeamMember:
    role_id: int
    role: str
    staff_id: int
    name: str
    phone: str | None

    @functools.cached_property
    def label(self) -> str:
        """ "医护人员 王芳 13800000000" — how a round sheet lists the member (phone if known).

        Cached: ``teams`` shares one member object among all the cases a staff member holds.
        """
        return f"{self.role} {self.name} {self.phone or ''}".strip()


@dataclass(frozen=True)
class CoverageGap:
    """A case under management missing one or more required 包保 roles (包保未落实)."""

    case_id: int
    person_id: int
    name: str
    group_name: str | None
    measure: str
    missing_roles: tuple[str, ...]


def _clean_staff(data: StaffInput) -> dict[str, object]:
    return {
        "name": require_text(data.name, "姓名", max_length=50),
        "role_id": data.role_id,
        "phone": normalize_mobile_or_landline(data.phone) if optional_text(data.phone) else None,
        "organisation": optional_text(data.organisation, max_length=100),
    }


def add_staff(db: Database, data: StaffInput) -> StaffInfo:
    require(db, Permission.RECORD)
    values = _clean_staff(data)
    with db.session() as session:
        if session.get(StaffRole, data.role_id) is None:
            raise ServiceError("请选择包保角色。")
        staff = Staff(**values, active=True)
        session.add(staff)
        session.flush()
        return _staff_info(staff, 0)


def update_staff(db: Database, staff_id: int, data: StaffInput) -> StaffInfo:
    require(db, Permission.RECORD)
    values = _clean_staff(data)
    with db.session() as session:
        staff = _staff(session, staff_id)
        if session.get(StaffRole, data.role_id) is None:
            raise ServiceError("请选择包保角色。")
        for key, value in values.items():
            setattr(staff, key, value)
        session.flush()
        session.refresh(staff)  # ``role`` still points at the old role until reloaded
        return _staff_info(staff, 0)


def retire_staff(db: Database, staff_id: int, on: date | None = None) -> list[int]:
    """离岗: end the staff member's current assignments; returns the cases that need a new one."""
    require(db, Permission.RECORD)
    on = on or clock.today()
    with db.session() as session:
        staff = _staff(session, staff_id)
        staff.active = False
        current = session.scalars(
            select(Assignment).where(Assignment.staff_id == staff_id, _current(on))
        ).all()
        for assignment in current:
            assignment.until = on
        # Only people still under management need someone new; ended cases just lose the link.
        still_managed = select(Case.id).where(
            Case.id.in_({a.case_id for a in current}), *under_management(on)
        )
        return sorted(session.scalars(still_managed))


def reactivate_staff(db: Database, staff_id: int) -> None:
    require(db, Permission.RECORD)
    with db.session() as session:
        _staff(session, staff_id).active = True


def staff_list(
    db: Database, *, include_retired: bool = False, on: date | None = None
) -> list[StaffInfo]:
    on = on or clock.today()
    load = (
        select(Assignment.staff_id, func.count(Assignment.id))
        .join(Case, Case.id == Assignment.case_id)
        .where(
            _current(on),
            Case.deleted_at.is_(None),
            or_(Case.ended_on.is_(None), Case.ended_on > on),
        )
        .group_by(Assignment.staff_id)
    )
    query = select(Staff).where(Staff.deleted_at.is_(None)).order_by(Staff.role_id, Staff.name)
    if not include_retired:
        query = query.where(Staff.active.is_(True))
    with db.reading() as session:
        loads = dict(session.execute(load).all())  # Row unpacks as a tuple
        return [_staff_info(s, loads.get(s.id, 0)) for s in session.scalars(query)]


def assign(
    db: Database,
    case_ids: list[int],
    staff_id: int,
    *,
    role_id: int | None = None,
    since: date | None = None,
) -> int:
    """Make a staff member answerable for cases in their role, replacing whoever held that role.

    Returns how many cases changed (a case already assigned to this person is left alone).
    """
    require(db, Permission.RECORD)
    since = since or clock.today()
    changed = 0
    with db.session() as session:
        staff = _staff(session, staff_id)
        if not staff.active:
            raise ServiceError(f"「{staff.name}」已离岗，不能再分配。")
        role = role_id or staff.role_id
        for case_id in case_ids:
            case = session.get(Case, case_id)
            if case is None or case.is_deleted:
                raise NotFound("找不到要分配的登记记录。")
            holders = session.scalars(
                select(Assignment).where(
                    Assignment.case_id == case_id, Assignment.role_id == role, _current(since)
                )
            ).all()
            if any(h.staff_id == staff_id for h in holders):
                continue
            for holder in holders:
                holder.until = since
            session.add(Assignment(case_id=case_id, staff_id=staff_id, role_id=role, since=since))
            changed += 1
    return changed


def unassign(db: Database, case_id: int, role_id: int, on: date | None = None) -> None:
    require(db, Permission.RECORD)
    on = on or clock.today()
    with db.session() as session:
        for holder in session.scalars(
            select(Assignment).where(
                Assignment.case_id == case_id, Assignment.role_id == role_id, _current(on)
            )
        ):
            holder.until = on


def teams(db: Database, case_ids: list[int], on: date | None = None) -> dict[int, list[TeamMember]]:
    """The current 包保 team of each case, ordered by role."""
    on = on or clock.today()
    rows: list[Row[tuple[int, int, int]]] = []
    with db.reading() as session:
        # SQLite limits bound parameters; 900 per query keeps well under it.
        for start in range(0, len(case_ids), 900):
            chunk = case_ids[start : start + 900]
            rows.extend(_team_rows(session, Assignment.case_id.in_(chunk), on))
        return _teams(session, rows)


def teams_where(
    session: Session, cases: ColumnElement[bool], on: date
) -> dict[int, list[TeamMember]]:
    """``teams`` for the cases an ``Assignment.case_id`` condition selects, in one query.

    A round of 20,000 cases passes ``Assignment.case_id.in_(<select of due case ids>)`` rather
    than the ids themselves.
    """
    return _teams(session, _team_rows(session, cases, on))


def _team_rows(
    session: Session, cases: ColumnElement[bool], on: date
) -> Sequence[Row[tuple[int, int, int]]]:
    """(case id, role id, staff id) of the current assignments, in role order."""
    query = (
        select(Assignment.case_id, Assignment.role_id, Assignment.staff_id)
        .join(StaffRole, StaffRole.id == Assignment.role_id)
        .where(cases, _current(on))
        # Role id, then assignment id, break ties between roles sharing a sort order.
        .order_by(StaffRole.sort_order, Assignment.since, StaffRole.id, Assignment.id)
    )
    return session.connection().execute(query).all()  # plain rows: no ORM processing


def _teams(
    session: Session, rows: Sequence[Row[tuple[int, int, int]]]
) -> dict[int, list[TeamMember]]:
    """Group assignment rows by case. Each (role, staff) pair becomes one shared ``TeamMember``:
    a county has a few thousand staff but 60,000 current assignments, and building an object per
    row was most of the time ``teams`` took."""
    members = _members(session, {(role_id, staff_id) for _, role_id, staff_id in rows})
    result: dict[int, list[TeamMember]] = defaultdict(list)
    for case_id, role_id, staff_id in rows:
        result[case_id].append(members[role_id, staff_id])
    return dict(result)


def _members(session: Session, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], TeamMember]:
    """One ``TeamMember`` per (role id, staff id) pair."""
    if not pairs:
        return {}
    roles = dict(session.execute(select(StaffRole.id, StaffRole.name)).all())
    staff_ids = sorted({staff_id for _, staff_id in pairs})
    staff: dict[int, tuple[str, str | None]] = {}
    for start in range(0, len(staff_ids), 900):
        chunk = staff_ids[start : start + 900]
        query = select(Staff.id, Staff.name, Staff.phone).where(Staff.id.in_(chunk))
        staff.update((sid, (name, phone)) for sid, name, phone in session.execute(query))
    return {
        (role_id, staff_id): TeamMember(role_id, roles[role_id], staff_id, *staff[staff_id])
        for role_id, staff_id in pairs
    }


def coverage_gaps(db: Database, on: date | None = None) -> list[CoverageGap]:
    """Cases under management on ``on`` whose measure requires a role nobody holds."""
    on = on or clock.today()
    with db.reading() as session:
        return _coverage_gaps(session, on)[0]


def first_coverage_gaps(db: Database, on: date, limit: int) -> tuple[list[CoverageGap], int]:
    """The first ``limit`` of ``coverage_gaps``, and how many there are in all."""
    with db.reading() as session:
        return _coverage_gaps(session, on, limit)


def _coverage_gaps(
    session: Session, on: date, limit: int | None = None
) -> tuple[list[CoverageGap], int]:
    """One query, one row per case, people in roster order, and the number of such cases.

    Joining the people in (rather than looking them up by id afterwards) keeps a county where
    thousands lack a role clear of SQLite's limit on bound parameters; grouping by case lets
    SQLite scan the cases in id order, which at 50,000 cases beat its period index.
    """
    held = select(Assignment.id).where(
        Assignment.case_id == Case.id,
        Assignment.role_id == MeasureRequiredRole.role_id,
        _current(on),
    )
    missing = (
        select(
            Case.id,
            Person.id,
            Person.name,
            Person.group_name,
            Measure.name,
            # group_concat on SQLite, string_agg on PostgreSQL
            func.aggregate_strings(cast(MeasureRequiredRole.role_id, String), ","),
        )
        .join(MeasureRequiredRole, MeasureRequiredRole.measure_id == Case.measure_id)
        .join(Person, Person.id == Case.person_id)
        .join(Measure, Measure.id == Case.measure_id)
        .where(*under_management(on), ~held.exists())
        # Every column shown or sorted by: PostgreSQL wants them named (each is one per case).
        .group_by(Case.id, Person.id, Measure.name)
        .order_by(*group_order(session), Person.search_key, Case.id)
    )
    rows = session.execute(missing).all()
    if not rows:
        return [], 0
    in_order = select(StaffRole.id, StaffRole.name).order_by(StaffRole.sort_order, StaffRole.id)
    role_names: dict[int, str] = dict(session.execute(in_order).all())
    rank = {role_id: position for position, role_id in enumerate(role_names)}
    gaps: list[CoverageGap] = []
    # All rows are read (a LIMIT would need a second scan, or a window, to count them all: both
    # cost more at 50,000 cases than these plain tuples), the first ``limit`` built.
    for case_id, person_id, name, group, measure, role_ids in rows[:limit]:
        # The roles come joined in no promised order: list them as the role list orders them.
        ids = sorted((int(r) for r in role_ids.split(",")), key=rank.__getitem__)
        roles = tuple(role_names[i] for i in ids)
        gaps.append(CoverageGap(case_id, person_id, name, group, measure, roles))
    return gaps, len(rows)


@dataclass(frozen=True)
class CaseCoverage:
    """One case's current 包保 team and the roles its measure requires that nobody holds."""

    team: tuple[TeamMember, ...]
    missing_role_ids: tuple[int, ...]
    missing_roles: tuple[str, ...]
    required_role_ids: tuple[int, ...]

    @property
    def complete(self) -> bool:
        return not self.missing_role_ids


def case_coverage(
    db: Database, case_ids: list[int], on: date | None = None
) -> dict[int, CaseCoverage]:
    """Team and missing roles of each case (every id gets an entry), for tables that show teams.

    Missing roles are judged exactly as ``coverage_gaps`` judges them; callers pass cases under
    management (an ended case is reported against its measure all the same).
    """
    on = on or clock.today()
    team = teams(db, case_ids, on)
    required: dict[int, list[tuple[int, str]]] = defaultdict(list)
    with db.reading() as session:
        for start in range(0, len(case_ids), 900):
            chunk = case_ids[start : start + 900]
            query = (
                select(Case.id, StaffRole.id, StaffRole.name)
                .join(MeasureRequiredRole, MeasureRequiredRole.measure_id == Case.measure_id)
                .join(StaffRole, StaffRole.id == MeasureRequiredRole.role_id)
                .where(Case.id.in_(chunk))
                .order_by(StaffRole.sort_order, StaffRole.id)
            )
            for case_id, role_id, role in session.execute(query):
                required[case_id].append((role_id, role))
    result: dict[int, CaseCoverage] = {}
    for case_id in case_ids:
        members = tuple(team.get(case_id, ()))
        held = {m.role_id for m in members}
        missing = [(rid, name) for rid, name in required.get(case_id, ()) if rid not in held]
        result[case_id] = CaseCoverage(
            team=members,
            missing_role_ids=tuple(rid for rid, _ in missing),
            missing_roles=tuple(name for _, name in missing),
            required_role_ids=tuple(rid for rid, _ in required.get(case_id, ())),
        )
    return result


def uncovered_case_ids(db: Database, on: date | None = None) -> set[int]:
    """Ids of the cases ``coverage_gaps`` lists (包保未落实), without loading their details."""
    on = on or clock.today()
    required = (
        select(Case.id.label("case_id"), MeasureRequiredRole.role_id.label("role_id"))
        .join(MeasureRequiredRole, MeasureRequiredRole.measure_id == Case.measure_id)
        .where(*under_management(on))
        .subquery()
    )
    held = select(Assignment.id).where(
        Assignment.case_id == required.c.case_id,
        Assignment.role_id == required.c.role_id,
        _current(on),
    )
    with db.reading() as session:
        return set(session.scalars(select(required.c.case_id).where(~held.exists()).distinct()))


def _current(on: date):  # type: ignore[no-untyped-def]
    return and_(Assignment.since <= on, or_(Assignment.until.is_(None), Assignment.until > on))


def _staff(session: Session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None or staff.is_deleted:
        raise NotFound("找不到这位包保人员。")
    return staff


def _staff_info(s: Staff, load: int) -> StaffInfo:
    return StaffInfo(s.id, s.name, s.role_id, s.role.name, s.phone, s.organisation, s.active, load)
