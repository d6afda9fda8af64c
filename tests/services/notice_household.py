"""A small village for the printed papers: a household under home isolation with a full 包保
team, and the cases a batch of door signs must leave out. Shared by the service, CLI and UI
tests of ``notice``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app import clock
from app.db import Database
from app.services import assignments, reference, roster
from app.services.assignments import StaffInput
from app.services.reference import UnitInfo
from app.services.roster import CaseInput, PersonInput

HOME, MONITORING = 1, 2  # 居家隔离医学观察, 居家健康监测
MEDICAL, VILLAGE, TOWNSHIP = 1, 2, 3
ZHANG_ID = "11010519491231002X"
LI_ID = "440524188001010014"
UNIT = "青石镇桃源村村民委员会"


@dataclass(frozen=True)
class Household:
    zhang: int  # 张三: 居家隔离医学观察 from three days ago, full team
    li: int  # 李四: 居家隔离医学观察 from the same day, no 乡镇干部
    monitored: int  # 王五: 居家健康监测 the same day (no door sign)
    start: date


def build_household(db: Database) -> Household:
    unit = UnitInfo(unit_name=UNIT, township="青石镇", phone="0571-1234567")
    reference.save_unit_profile(db, unit)
    start = clock.today() - timedelta(days=3)

    def register(name: str, id_number: str | None, measure: int, group: str) -> int:
        return roster.register_case(
            db,
            PersonInput(name=name, id_number=id_number, group_name=group, address=f"{group}8号"),
            CaseInput(category_id=1, measure_id=measure, start_date=start),
        ).id

    zhang = register("张三", ZHANG_ID, HOME, "二组")
    li = register("李四", LI_ID, HOME, "一组")
    monitored = register("王五", None, MONITORING, "一组")
    team = (
        (MEDICAL, "王芳", "13912345601", [zhang, li]),
        (VILLAGE, "李强", "13912345602", [zhang, li]),
        (TOWNSHIP, "赵敏", "13912345603", [zhang]),
    )
    for role, name, phone, cases in team:
        staff = assignments.add_staff(db, StaffInput(name, role, phone=phone)).id
        assignments.assign(db, cases, staff, since=start)
    return Household(zhang, li, monitored, start)


def release(db: Database, case_id: int, on: date, reason: str = "期满解除") -> None:
    reason_id = next(r.id for r in reference.end_reasons(db) if r.name == reason)
    roster.end_case(db, case_id, on, reason_id)
