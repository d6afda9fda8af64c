"""The service additions behind the 包保分配 and 设置 pages: per-case coverage, the 未落实 ids,
renaming/stopping categories and measures, and who may change reference lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from app.config import Settings
from app.db import Database
from app.models import StaffRole
from app.services import assignments, reference, roster, stats
from app.services.access import Role, act_as, actor
from app.services.assignments import StaffInput
from app.services.errors import Conflict, PermissionDenied, ServiceError
from app.services.roster import CaseInput, PersonInput
from tests.services.village import TODAY as VILLAGE_DAY
from tests.services.village import build_village, live_cases, team_of

MEDICAL, VILLAGE, TOWNSHIP = 1, 2, 3


def register(db: Database, name: str, measure_id: int = 1) -> int:
    start = date.today() - timedelta(days=1)
    return roster.register_case(
        db,
        PersonInput(name=name),
        CaseInput(category_id=1, measure_id=measure_id, start_date=start),
    ).id


def test_case_coverage_gives_team_and_missing_roles_in_role_order(db: Database) -> None:
    partly = register(db, "张三")
    nothing_needed = register(db, "登记人", measure_id=4)  # 仅登记 requires no role
    doctor = assignments.add_staff(db, StaffInput("李医生", TOWNSHIP)).id
    assignments.assign(db, [partly], doctor)

    coverage = assignments.case_coverage(db, [partly, nothing_needed])
    assert [m.name for m in coverage[partly].team] == ["李医生"]
    assert coverage[partly].missing_roles == ("医护人员", "村干部")
    assert coverage[partly].missing_role_ids == (MEDICAL, VILLAGE)
    assert coverage[partly].required_role_ids == (MEDICAL, VILLAGE, TOWNSHIP)
    assert not coverage[partly].complete
    assert coverage[nothing_needed].complete and coverage[nothing_needed].required_role_ids == ()


def test_uncovered_ids_are_exactly_the_coverage_gaps(db: Database) -> None:
    ids = [register(db, name) for name in ("甲", "乙", "丙")]
    register(db, "登记人", measure_id=4)
    for role, name in ((MEDICAL, "医"), (VILLAGE, "村"), (TOWNSHIP, "镇")):
        assignments.assign(db, [ids[0]], assignments.add_staff(db, StaffInput(name, role)).id)
    assert assignments.uncovered_case_ids(db) == {g.case_id for g in assignments.coverage_gaps(db)}
    assert assignments.uncovered_case_ids(db) == {ids[1], ids[2]}


def test_rename_and_stop_categories(db: Database) -> None:
    renamed = reference.rename_category(db, 6, "其他重点人群")
    assert renamed.name == "其他重点人群"
    with pytest.raises(Conflict, match="已有人员类别「密切接触者」"):
        reference.rename_category(db, 2, "密切接触者")
    reference.set_category_active(db, 6, False)
    assert 6 not in [c.id for c in reference.categories(db)]
    stopped = [c for c in reference.categories(db, include_inactive=True) if not c.active]
    assert [c.name for c in stopped] == ["其他重点人群"]
    for category in reference.categories(db)[1:]:
        reference.set_category_active(db, category.id, False)
    with pytest.raises(ServiceError, match="至少要保留一个在用的人员类别"):
        reference.set_category_active(db, reference.categories(db)[0].id, False)


def test_measures_keep_unique_names_and_the_default_follows_a_rename(db: Database) -> None:
    with pytest.raises(Conflict, match="已有管控措施「居家健康监测」"):
        reference.save_measure(
            db, "居家健康监测", default_days=7, needs_readings=True, required_role_ids=[]
        )
    reference.save_measure(
        db,
        "居家隔离",
        default_days=7,
        needs_readings=True,
        required_role_ids=[1, 2, 3],
        measure_id=1,
    )
    assert reference.read_setting(db, Settings.DEFAULT_MEASURE) == "居家隔离"
    with pytest.raises(ServiceError, match="是默认管控措施"):
        reference.set_measure_active(db, 1, False)
    reference.set_measure_active(db, 4, False)
    assert [m.active for m in reference.measures(db, include_inactive=True)] == [
        True,
        True,
        True,
        False,
    ]


def test_a_clerk_cannot_change_reference_lists_or_the_unit_profile(db: Database) -> None:
    act_as(db, replace(actor(db), role=Role.CLERK))
    for change in (
        lambda: reference.add_category(db, "新类别"),
        lambda: reference.rename_category(db, 1, "密接"),
        lambda: reference.set_category_active(db, 1, False),
        lambda: reference.set_measure_active(db, 4, False),
        lambda: reference.save_unit_profile(db, reference.UnitInfo("某村")),
    ):
        with pytest.raises(PermissionDenied):
            change()
    assert reference.unit_profile(db).unit_name == ""


def reference_gaps(db: Database, on: date) -> list[assignments.CoverageGap]:
    """``coverage_gaps`` one case at a time: the measure's roles nobody holds, in role order."""
    gaps = []
    with db.reading() as session:
        for case in live_cases(session, on):
            held = {m.role_id for m in team_of(session, case.id, on)}
            required = sorted(case.measure.required_roles, key=lambda r: (r.sort_order, r.id))
            missing = tuple(r.name for r in required if r.id not in held)
            if missing:
                person = case.person
                gaps.append(
                    assignments.CoverageGap(
                        case.id,
                        person.id,
                        person.name,
                        person.group_name,
                        case.measure.name,
                        missing,
                    )
                )
    return gaps


def test_coverage_gaps_are_each_cases_missing_roles_in_roster_order(db: Database) -> None:
    added = build_village(db)
    for on in (VILLAGE_DAY, VILLAGE_DAY - timedelta(days=5)):
        gaps = assignments.coverage_gaps(db, on)
        assert gaps == reference_gaps(db, on)
        assert stats.day_numbers(db, on).coverage_gaps == len(gaps)  # the daily report's count

    gaps = assignments.coverage_gaps(db, VILLAGE_DAY)
    # People without a 村民小组 come first; 楼长 and 志愿者 (held here) count for nobody else.
    assert [(g.name, g.missing_roles) for g in gaps[:2]] == [
        ("阿无组", ("医护人员", "村干部", "乡镇干部")),
        ("无组人", ("医护人员", "村干部", "乡镇干部")),
    ]
    extra = next(g for g in gaps if g.case_id == added["extra_roles"])
    assert (extra.group_name, extra.measure, extra.missing_roles) == (
        "三组",
        "居家健康监测",
        ("医护人员", "村干部"),
    )
    groups = list(dict.fromkeys(g.group_name for g in gaps))
    assert groups[0] is None and groups[-1] == "十组"


def test_missing_roles_follow_the_role_lists_order_not_role_ids(db: Database) -> None:
    build_village(db)
    nobody = roster.register_case(
        db,
        PersonInput(name="新来人", group_name="一组"),
        CaseInput(category_id=1, measure_id=2, start_date=VILLAGE_DAY),
        today=VILLAGE_DAY,
    ).id
    with db.session() as session:  # 志愿者 (added last) moved to the top of the role list
        session.execute(update(StaffRole).where(StaffRole.name == "志愿者").values(sort_order=0))

    gaps = assignments.coverage_gaps(db, VILLAGE_DAY)

    assert gaps == reference_gaps(db, VILLAGE_DAY)
    gap = next(g for g in gaps if g.case_id == nobody)
    assert gap.missing_roles == ("志愿者", "医护人员", "村干部", "楼长")
