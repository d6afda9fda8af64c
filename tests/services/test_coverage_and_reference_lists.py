"""The service additions behind the 包保分配 and 设置 pages: per-case coverage, the 未落实 ids,
renaming/stopping categories and measures, and who may change reference lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.config import Settings
from app.db import Database
from app.services import assignments, reference, roster
from app.services.access import Role
from app.services.assignments import StaffInput
from app.services.errors import Conflict, PermissionDenied, ServiceError
from app.services.roster import CaseInput, PersonInput

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
    db.role = Role.CLERK
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
