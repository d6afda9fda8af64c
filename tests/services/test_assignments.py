"""包保 (三包一): staff, who answers for which case, replacing and retiring staff, coverage gaps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Case
from app.models.validation import ValidationError
from app.services import assignments, roster
from app.services.assignments import StaffInput
from app.services.errors import ServiceError
from app.services.roster import CaseInput, PersonInput
from tests.services.village import TODAY as VILLAGE_DAY
from tests.services.village import build_village, team_of

TODAY = date(2022, 2, 10)
MEDICAL, VILLAGE, TOWNSHIP, POLICE = 1, 2, 3, 4
HOME, CENTRAL = 1, 3
RELEASED = 1


def case(db: Database, name: str, *, measure: int = HOME, group: str = "一组") -> int:
    return roster.register_case(
        db,
        PersonInput(name=name, group_name=group),
        CaseInput(category_id=1, measure_id=measure, start_date=date(2022, 2, 5)),
        today=TODAY,
    ).id


def staff(db: Database, name: str, role: int) -> int:
    return assignments.add_staff(db, StaffInput(name, role, phone="13900000000")).id


def team(db: Database, case_id: int, on: date = TODAY) -> list[tuple[str, str]]:
    return [(m.role, m.name) for m in assignments.teams(db, [case_id], on).get(case_id, [])]


def test_add_staff_checks_name_phone_and_role(db: Database) -> None:
    info = assignments.add_staff(db, StaffInput(" 王医生 ", MEDICAL, phone="0577-88001234"))
    assert (info.name, info.role, info.phone, info.active) == (
        "王医生",
        "医护人员",
        "0577-88001234",
        True,
    )
    with pytest.raises(ValidationError, match="姓名：不能为空"):
        assignments.add_staff(db, StaffInput("", MEDICAL))
    with pytest.raises(ServiceError, match="请选择包保角色"):
        assignments.add_staff(db, StaffInput("某人", 99))


def test_update_staff_returns_the_new_role(db: Database) -> None:
    sid = staff(db, "王医生", MEDICAL)
    info = assignments.update_staff(db, sid, StaffInput("王书记", VILLAGE))
    assert (info.name, info.role_id, info.role) == ("王书记", VILLAGE, "村干部")


def test_assign_builds_a_team_in_role_order(db: Database) -> None:
    cid = case(db, "张三")
    for name, role in (("乡镇甲", TOWNSHIP), ("村医甲", MEDICAL), ("村干甲", VILLAGE)):
        assert assignments.assign(db, [cid], staff(db, name, role), since=date(2022, 2, 5)) == 1
    assert team(db, cid) == [("医护人员", "村医甲"), ("村干部", "村干甲"), ("乡镇干部", "乡镇甲")]
    assert assignments.coverage_gaps(db, TODAY) == []


def test_assign_replaces_whoever_held_the_role(db: Database) -> None:
    cid = case(db, "张三")
    first, second = staff(db, "村医甲", MEDICAL), staff(db, "村医乙", MEDICAL)
    assignments.assign(db, [cid], first, since=date(2022, 2, 5))

    assert assignments.assign(db, [cid], second, since=date(2022, 2, 8)) == 1
    assert assignments.assign(db, [cid], second, since=date(2022, 2, 9)) == 0  # already theirs

    assert team(db, cid, date(2022, 2, 7)) == [("医护人员", "村医甲")]  # history is kept
    assert team(db, cid) == [("医护人员", "村医乙")]


def test_unassign_leaves_a_gap(db: Database) -> None:
    cid = case(db, "张三")
    assignments.assign(db, [cid], staff(db, "村医甲", MEDICAL), since=date(2022, 2, 5))
    assignments.unassign(db, cid, MEDICAL, on=date(2022, 2, 9))
    assert team(db, cid) == []
    (gap,) = assignments.coverage_gaps(db, TODAY)
    assert gap.missing_roles == ("医护人员", "村干部", "乡镇干部")


def test_coverage_gaps_list_missing_roles_of_people_under_home_measures(db: Database) -> None:
    home = case(db, "张三", group="十组")
    case(db, "李四", measure=CENTRAL)  # 集中隔离: the facility looks after them
    ended = case(db, "王五", group="二组")
    roster.end_case(db, ended, date(2022, 2, 8), RELEASED)
    partly = case(db, "赵六", group="二组")
    assignments.assign(db, [home, partly], staff(db, "村医甲", MEDICAL), since=date(2022, 2, 5))
    assignments.assign(db, [partly], staff(db, "村干甲", VILLAGE), since=date(2022, 2, 5))

    gaps = assignments.coverage_gaps(db, TODAY)

    assert [(g.name, g.group_name, g.missing_roles) for g in gaps] == [
        ("赵六", "二组", ("乡镇干部",)),
        ("张三", "十组", ("村干部", "乡镇干部")),
    ]
    assert gaps[0].measure == "居家隔离医学观察"


def test_retire_ends_assignments_and_returns_cases_still_needing_someone(db: Database) -> None:
    active, ended = case(db, "张三"), case(db, "李四")
    doctor = staff(db, "村医甲", MEDICAL)
    assignments.assign(db, [active, ended], doctor, since=date(2022, 2, 5))
    roster.end_case(db, ended, date(2022, 2, 8), RELEASED)

    needing = assignments.retire_staff(db, doctor, on=TODAY)

    assert needing == [active]
    assert team(db, active) == []
    assert [s.name for s in assignments.staff_list(db, on=TODAY)] == []
    assert [s.active for s in assignments.staff_list(db, include_retired=True)] == [False]
    with pytest.raises(ServiceError, match="已离岗，不能再分配"):
        assignments.assign(db, [active], doctor)
    assignments.reactivate_staff(db, doctor)
    assert assignments.assign(db, [active], doctor, since=TODAY) == 1


def test_staff_list_counts_current_cases(db: Database) -> None:
    a, b, c = case(db, "张三"), case(db, "李四"), case(db, "王五")
    doctor, cadre = staff(db, "村医甲", MEDICAL), staff(db, "村干甲", VILLAGE)
    assignments.assign(db, [a, b, c], doctor, since=date(2022, 2, 5))
    assignments.assign(db, [a], cadre, since=date(2022, 2, 5))
    roster.end_case(db, c, date(2022, 2, 8), RELEASED)

    loads = {s.name: s.load for s in assignments.staff_list(db, on=TODAY)}

    assert loads == {"村医甲": 2, "村干甲": 1}


def test_teams_of_many_cases_are_each_cases_team(db: Database) -> None:
    added = build_village(db)
    with db.reading() as session:
        ids = sorted(session.scalars(select(Case.id)))
        for on in (VILLAGE_DAY, VILLAGE_DAY - timedelta(days=6)):
            expected = {i: team_of(session, i, on) for i in ids}
            assert assignments.teams(db, [*ids, 99999], on) == {
                i: t for i, t in expected.items() if t
            }

    extra = assignments.teams(db, [added["extra_roles"]], VILLAGE_DAY)[added["extra_roles"]]
    # Two added roles share sort order 99: listed by role, not by who was assigned first.
    assert [m.label for m in extra] == ["楼长 楼长乙 13900000001", "志愿者 志愿者甲"]
    assert assignments.teams(db, [], VILLAGE_DAY) == {}
