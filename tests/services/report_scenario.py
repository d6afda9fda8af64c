"""A hand-built village for checking the daily numbers and the report workbooks.

Every case is there to exercise one definition of ``app.services.stats`` on the report day
``D`` (2022-02-03); the expected numbers are spelled out in ``EXPECTED`` next to the reasons.
Built through the public services, the same way a clerk's typing reaches the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.db import Database
from app.services import assignments, checkpoints, reference, roster, rounds
from app.services.assignments import StaffInput
from app.services.checkpoints import PassInput
from app.services.reference import UnitInfo
from app.services.roster import CaseInput, PersonInput

D = date(2022, 2, 3)
TODAY = date(2022, 2, 10)  # "today" for the services' no-future-dates checks

# Reference ids seeded by the first migration.
M_HOME, M_MONITOR, M_CENTRAL, M_REGISTER_ONLY = 1, 2, 3, 4
R_RELEASE, R_TRANSFER, R_MEDICAL, R_CONFIRMED = 1, 2, 3, 4
ROLE_MEDICAL, ROLE_VILLAGE, ROLE_TOWNSHIP = 1, 2, 3
CATEGORY = 1

UNIT = UnitInfo(
    unit_name="东风村", township="红星镇", reporter="李文书", phone="13857700001", reviewer="王书记"
)

# Resident IDs with valid check digits (different area and sequence numbers).
IDS = {
    "甲": "11010519491231002X",
    "乙": "440524188001010014",
    "丙": "33030219900101011X",
    "丁": "330302199001010216",
    "戊": "330302199001010312",
    "己": "330302199001010419",
    "庚": "330302199001010515",
    "辛": "330302199001010611",
    "壬": "330302199001010718",
    "癸": "330302199001010814",
    "子": "330302199001010910",
    "丑": "330302199001011016",
}


@dataclass
class Scenario:
    db: Database
    cases: dict[str, int]  # name → case id
    checkpoint_id: int


# The numbers of day D, with the case(s) behind each.
EXPECTED = {
    # 甲 乙 丙 丁 戊 己 庚 辛 壬 丑 (registered on/before D; 癸 is deleted, 子 registered after D)
    "registered_total": 10,
    "registered_today": 1,  # 乙 (registered and started on D)
    # 乙 戊 (居家隔离), 己 (居家健康监测), 庚 (集中隔离),
    # 丑 (居家隔离, registered the day before, starts on D)
    "under_management": 5,
    "by_measure": {"居家隔离医学观察": 3, "居家健康监测": 1, "集中隔离医学观察": 1, "仅登记": 0},
    "released_today": 1,  # 丙 期满解除 on D
    "released_total": 2,  # 甲 (on 02-01) + 丙
    "medical_today": 2,  # 丁 确诊 on D, 辛 送医/转诊 on D (壬 转集中隔离 is neither)
    "fever_today": 2,  # 乙 37.3 exactly, 己 symptom only (戊 37.2 is not a fever)
    "missed_readings": 3,  # 乙 PM, 丑 AM + PM (庚 in 集中隔离 owes none)
    "coverage_gaps": 2,  # 戊 lacks 乡镇干部, 丑 has nobody
    "vehicles": 3,  # D 00:00, D 10:00 (劝返), D 23:59 — not D-1 23:59 nor D+1 00:00
    "people": 1 + 3 + 2,
    "turned_back_vehicles": 1,
    "turned_back_people": 3,
}


def _person(name: str, group: str) -> PersonInput:
    return PersonInput(name=name, id_number=IDS[name], phone="13800138000", group_name=group)


def _case(measure: int, start: date, registered: date | None = None) -> CaseInput:
    return CaseInput(
        category_id=CATEGORY,
        measure_id=measure,
        start_date=start,
        registered_on=registered or start,
        origin="上海市浦东新区",
    )


def build(db: Database) -> Scenario:
    reference.save_unit_profile(db, UNIT)
    ids: dict[str, int] = {}

    def register(name: str, group: str, measure: int, start: date, registered: date | None = None):
        row = roster.register_case(
            db, _person(name, group), _case(measure, start, registered), today=TODAY
        )
        ids[name] = row.id

    d = D
    register("甲", "一组", M_HOME, date(2022, 1, 25))
    roster.end_case(db, ids["甲"], date(2022, 2, 1), R_RELEASE)
    register("乙", "一组", M_HOME, d)  # starts on D
    register("丙", "二组", M_HOME, date(2022, 1, 28))
    roster.end_case(db, ids["丙"], d, R_RELEASE)  # 期满解除 on D
    register("丁", "二组", M_MONITOR, date(2022, 1, 30))
    roster.end_case(db, ids["丁"], d, R_CONFIRMED)  # 确诊 on D
    register("戊", "三组", M_HOME, date(2022, 1, 31))
    register("己", "三组", M_MONITOR, date(2022, 2, 1))
    register("庚", "四组", M_CENTRAL, date(2022, 2, 2))
    register("辛", "四组", M_HOME, date(2022, 1, 29))
    roster.end_case(db, ids["辛"], d, R_MEDICAL)  # 送医 on D
    register("壬", "五组", M_HOME, date(2022, 1, 29))
    roster.end_case(db, ids["壬"], d, R_TRANSFER)  # 转集中隔离 on D: not medical, not released
    register("癸", "五组", M_HOME, d)
    roster.delete_case(db, ids["癸"])  # deleted: counts nowhere
    register("子", "六组", M_HOME, d + timedelta(days=1))  # registered after D
    register("丑", "六组", M_HOME, d, registered=d - timedelta(days=1))  # registered D-1, starts D

    # Readings on D.
    def reading(name: str, slot: rounds.Slot, celsius: str, symptoms: str = "") -> None:
        rounds.record_reading(
            db, ids[name], d, slot, celsius, symptoms=symptoms, measured_by="张村医", today=TODAY
        )

    reading("乙", rounds.Slot.AM, "37.3")  # exactly the threshold: a fever; PM missed
    reading("戊", rounds.Slot.AM, "37.2")  # just below: not a fever
    reading("戊", rounds.Slot.PM, "36.6")
    reading("己", rounds.Slot.AM, "36.8", symptoms="干咳")  # symptom only: abnormal
    reading("己", rounds.Slot.PM, "36.5")
    # A reading the day before D does not count on D.
    rounds.record_reading(db, ids["戊"], d - timedelta(days=1), rounds.Slot.AM, "38.0", today=TODAY)

    # 包保: full teams for 乙 and 己, 戊 without 乡镇干部, 丑 without anyone.
    doctor = assignments.add_staff(db, StaffInput("张村医", ROLE_MEDICAL, "13900000001"))
    cadre = assignments.add_staff(db, StaffInput("刘主任", ROLE_VILLAGE, "13900000002"))
    official = assignments.add_staff(db, StaffInput("陈科长", ROLE_TOWNSHIP, "13900000003"))
    since = date(2022, 1, 20)
    assignments.assign(db, [ids["乙"], ids["戊"], ids["己"]], doctor.id, since=since)
    assignments.assign(db, [ids["乙"], ids["戊"], ids["己"]], cadre.id, since=since)
    assignments.assign(db, [ids["乙"], ids["己"]], official.id, since=since)

    # Checkpoint passes around the midnight boundary.
    cp = checkpoints.save_checkpoint(db, "村东口卡点")

    def vehicle(moment: datetime, people: int, disposition: str = "放行") -> None:
        checkpoints.record_pass(
            db,
            PassInput(
                checkpoint_id=cp.id,
                plate="浙C12345",
                passed_at=moment,
                people_aboard=people,
                disposition=disposition,
            ),
        )

    vehicle(datetime.combine(d - timedelta(days=1), time(23, 59)), 4)  # belongs to D-1
    vehicle(datetime.combine(d, time(0, 0)), 1)
    vehicle(datetime.combine(d, time(10, 0)), 3, "劝返")
    vehicle(datetime.combine(d, time(23, 59)), 2)
    vehicle(datetime.combine(d + timedelta(days=1), time(0, 0)), 5)  # belongs to D+1
    return Scenario(db, ids, cp.id)
