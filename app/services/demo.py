"""A realistic demo village (演示数据): staff, 三包一 teams, a mix of categories and measures, days
of twice-daily readings with a few fevers and missed readings, and two checkpoints with traffic.

Deterministic for a seed and a "today". Written with bulk inserts in one transaction, so the same
path also builds county-scale data sets for the benchmarks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.models import (
    Anomaly,
    Assignment,
    AuditEntry,
    Case,
    Checkpoint,
    Measure,
    Occupant,
    Person,
    Slot,
    Staff,
    TemperatureReading,
    UnitProfile,
    VehiclePass,
    local_now,
)
from app.models.audit import OPERATOR_KEY
from app.models.search import person_search_key
from app.services.errors import ServiceError
from app.services.roster import planned_end_for
from app.storage_sql import ids_written

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强晓东海燕春梅玉兰"
    "德胜金凤红梅小红文博子涵雨萱浩然俊杰欣怡"
)
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组")
ORIGINS = (
    "上海市浦东新区",
    "浙江省杭州市",
    "广东省深圳市",
    "湖北省武汉市",
    "江苏省南京市",
    "北京市朝阳区",
    "四川省成都市",
)
DESTINATIONS = ("本村", "镇区", "县城", "邻村")
PURPOSES = ("返乡", "探亲", "运送物资", "务工", "就医", "送货")
AREA_CODES = ("330302", "330303", "330304", "330381")  # 温州 鹿城/龙湾/瓯海/瑞安
CATEGORY_WEIGHTS = {1: 30, 2: 15, 3: 35, 4: 8, 5: 5, 6: 7}
MEASURE_WEIGHTS = {1: 62, 2: 25, 3: 8, 4: 5}
ROLE_MEDICAL, ROLE_VILLAGE, ROLE_TOWNSHIP, ROLE_POLICE = 1, 2, 3, 4
CHECKSUM_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class DemoSummary:
    persons: int
    staff: int
    readings: int
    anomalies: int
    vehicle_passes: int


def resident_id(rng: random.Random, birth: date, male: bool) -> str:
    body = f"{rng.choice(AREA_CODES)}{birth:%Y%m%d}{rng.randint(0, 99):02d}"
    body += str(rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8)))
    total = sum(int(d) * w for d, w in zip(body, CHECKSUM_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _weighted(rng: random.Random, weights: dict[int, int]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate(
    db: Database,
    *,
    persons: int = 60,
    days: int = 14,
    seed: int = 1,
    today: date | None = None,
    now: datetime | None = None,
    vehicles_per_day: int = 25,
    unit_name: str = "演示村",
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty ledger with a demo village. Refuses a ledger that already holds people."""
    if persons < 1 or days < 1:
        raise ServiceError("人数和天数都至少为 1。")
    today = today or clock.today()
    now = now or (datetime.combine(today, local_now().time()) if today == clock.today() else
                  datetime.combine(today, time(21, 0)))  # fmt: skip
    rng = random.Random(seed)
    with db.session() as session:
        if session.scalar(select(func.count(Person.id))) or session.scalar(
            select(func.count(Staff.id))
        ):
            raise ServiceError("台账中已有数据，演示数据只能生成到空台账（请用新的 --data-dir）。")
        session.info["skip_audit"] = True
        measures = {m.id: m for m in session.scalars(select(Measure))}
        profile = session.get(UnitProfile, 1)
        if profile is not None and not profile.unit_name:
            profile.unit_name, profile.township = unit_name, "演示镇"
            profile.reporter, profile.phone, profile.reviewer = "李文书", "13857700001", "王书记"
        staff_ids = _insert_staff(session, rng, persons)
        case_rows = _insert_people_and_cases(session, rng, persons, days, today, measures)
        _insert_assignments(session, rng, case_rows, staff_ids)
        readings, anomalies = _insert_readings(
            session, rng, case_rows, measures, today, now, staff_ids, progress
        )
        passes = _insert_checkpoint_traffic(session, rng, days, today, now, vehicles_per_day)
        operator = session.info.get(OPERATOR_KEY) or "系统"
        summary = f"生成演示数据：{persons} 人，{days} 天"
        session.execute(
            insert(AuditEntry),
            [{"operator": operator, "action": "导入", "entity": "demo", "changes": "",
              "summary": summary, "at": local_now()}],
        )  # fmt: skip
    return DemoSummary(
        persons, sum(len(v) for v in staff_ids.values()), readings, anomalies, passes
    )


def _insert_returning_ids(
    session: Session, model: type, rows: list[dict[str, object]]
) -> list[int]:
    """Bulk-insert ``rows`` with ids numbered here, and return those ids in order.

    Numbering the ids ourselves (the demo only fills an empty ledger) keeps this a plain
    multi-row INSERT: with ``RETURNING … sort_by_parameter_order`` SQLAlchemy splices its batches'
    results together in quadratic time — 50,000 people took about a minute.
    """
    table = model.__table__  # type: ignore[attr-defined]
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    _insert_rows(session, model, rows)
    ids_written(session.connection(), table.name)
    return ids


def _insert_rows(session: Session, model: type, rows: list[dict[str, object]]) -> None:
    """Core executemany: the ORM's bulk path costs several times more per row at this scale."""
    if rows:
        session.connection().execute(model.__table__.insert(), rows)  # type: ignore[attr-defined]


def _insert_staff(session: Session, rng: random.Random, persons: int) -> dict[int, list[int]]:
    # One medical worker per ~25 people, one village cadre per ~15, one township cadre per ~40.
    plan = {
        ROLE_MEDICAL: ("村卫生室", max(2, persons // 25)),
        ROLE_VILLAGE: ("村委会", max(3, persons // 15)),
        ROLE_TOWNSHIP: ("镇政府", max(2, persons // 40)),
        ROLE_POLICE: ("派出所", 1),
    }
    ids: dict[int, list[int]] = {}
    for role, (organisation, count) in plan.items():
        rows = [
            {
                "name": _name(rng),
                "role_id": role,
                "phone": mobile(rng),
                "organisation": organisation,
                "active": True,
            }
            for _ in range(count)
        ]
        ids[role] = _insert_returning_ids(session, Staff, rows)
    return ids


def _insert_people_and_cases(
    session: Session,
    rng: random.Random,
    persons: int,
    days: int,
    today: date,
    measures: dict[int, Measure],
) -> list[dict[str, object]]:
    people: list[dict[str, object]] = []
    seen_ids: set[str] = set()
    for index in range(persons):
        male = rng.random() < 0.5
        name = "张三" if index == 0 else _name(rng)
        birth = date(rng.randint(1945, 2015), rng.randint(1, 12), rng.randint(1, 28))
        number = resident_id(rng, birth, male)
        while number in seen_ids:
            number = resident_id(rng, birth, male)
        seen_ids.add(number)
        group = rng.choice(GROUPS)
        people.append({
            "name": name, "search_key": person_search_key(name), "sex": "男" if male else "女",
            "id_type": "居民身份证", "id_number": number, "birth_date": birth, "phone": mobile(rng),
            "address": f"演示村{group}{rng.randint(1, 80)}号", "group_name": group,
        })  # fmt: skip
    person_ids = _insert_returning_ids(session, Person, people)
    cases: list[dict[str, object]] = []
    for index, person_id in enumerate(person_ids):
        measure_id = 1 if index == 0 else _weighted(rng, MEASURE_WEIGHTS)
        measure = measures[measure_id]
        start = today - timedelta(days=0 if index == 0 else rng.randint(0, days - 1))
        arrival = start - timedelta(days=rng.choice((0, 0, 1)))
        planned = planned_end_for(start, measure.default_days, day_one_is_start=True)
        ended_on, reason = None, None
        if planned and planned <= today and rng.random() < 0.85:
            ended_on, reason = planned, 1  # 期满解除
        elif rng.random() < 0.02:
            ended_on, reason = min(today, start + timedelta(days=rng.randint(1, 3))), 3  # 送医
        cases.append({
            "person_id": person_id, "category_id": _weighted(rng, CATEGORY_WEIGHTS),
            "measure_id": measure_id, "origin": rng.choice(ORIGINS), "arrival_date": arrival,
            "registered_on": start, "start_date": start, "planned_end": planned,
            "ended_on": ended_on, "end_reason_id": reason,
        })  # fmt: skip
    case_ids = _insert_returning_ids(session, Case, cases)
    for row, case_id in zip(cases, case_ids, strict=True):
        row["id"] = case_id
    return cases


def _insert_assignments(
    session: Session,
    rng: random.Random,
    cases: list[dict[str, object]],
    staff: dict[int, list[int]],
) -> None:
    rows: list[dict[str, object]] = []
    for case in cases:
        if case["measure_id"] not in (1, 2):
            continue
        for role in (ROLE_MEDICAL, ROLE_VILLAGE, ROLE_TOWNSHIP):
            # A few newly registered people still wait for their township cadre: Today shows them.
            if role == ROLE_TOWNSHIP and rng.random() < 0.06:
                continue
            rows.append({"case_id": case["id"], "staff_id": rng.choice(staff[role]),
                         "role_id": role, "since": case["start_date"]})  # fmt: skip
    if rows:
        _insert_rows(session, Assignment, rows)


def _due_slots(case: dict[str, object], today: date, now: datetime) -> Iterator[tuple[date, Slot]]:
    day: date = case["start_date"]  # type: ignore[assignment]
    last: date = case["ended_on"] or (today + timedelta(days=1))  # type: ignore[assignment]
    while day < last and day <= today:
        for slot, taken_by in ((Slot.AM, time(9, 0)), (Slot.PM, time(17, 0))):
            if datetime.combine(day, taken_by) <= now:
                yield day, slot
        day += timedelta(days=1)


def _insert_readings(
    session: Session,
    rng: random.Random,
    cases: list[dict[str, object]],
    measures: dict[int, Measure],
    today: date,
    now: datetime,
    staff: dict[int, list[int]],
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    doctors = [
        name
        for (name,) in session.execute(select(Staff.name).where(Staff.id.in_(staff[ROLE_MEDICAL])))
    ]
    batch: list[dict[str, object]] = []
    fevers: list[tuple[dict[str, object], dict[str, object]]] = []
    total = 0
    for done, case in enumerate(cases, start=1):
        if not measures[case["measure_id"]].needs_readings:  # type: ignore[index]
            continue
        for day, slot in _due_slots(case, today, now):
            if rng.random() < 0.015:  # a missed reading now and then
                continue
            celsius = round(rng.uniform(36.0, 37.1), 1)
            symptoms = ""
            if rng.random() < 0.006:
                celsius = round(rng.uniform(37.3, 38.6), 1)
            elif rng.random() < 0.004:
                symptoms = rng.choice(("干咳", "乏力", "咽痛"))
            hour = 8 if slot is Slot.AM else 16
            row = {
                "case_id": case["id"], "reading_date": day, "slot": slot.value, "celsius": celsius,
                "symptoms": symptoms, "measured_by": rng.choice(doctors),
                "recorded_at": datetime.combine(day, time(hour, rng.randint(0, 59))),
            }  # fmt: skip
            batch.append(row)
            if celsius >= 37.3 or symptoms:
                fevers.append((case, row))
        if len(batch) >= 20_000:
            _insert_rows(session, TemperatureReading, batch)
            total += len(batch)
            batch.clear()
        if progress and done % 1000 == 0:
            progress(done, len(cases))
    if batch:
        _insert_rows(session, TemperatureReading, batch)
        total += len(batch)
    anomalies = []
    for case, row in fevers:
        handled = row["reading_date"] < today  # older ones were handled and closed
        text = f"{Slot(row['slot']).label}体温 {row['celsius']:.1f} ℃" + (
            f"，症状：{row['symptoms']}" if row["symptoms"] else ""
        )
        anomalies.append({
            "case_id": case["id"], "kind": "发热" if row["celsius"] >= 37.3 else "症状",
            "detected_on": row["reading_date"], "slot": row["slot"], "observation": text,
            "action": "报告镇卫生院，复测体温" if handled else None,
            "handled_by": row["measured_by"] if handled else None,
            "handled_at": row["recorded_at"] if handled else None,
            "closed": handled, "outcome": "复测正常，继续居家观察" if handled else None,
            "closed_at": row["recorded_at"] if handled else None,
        })  # fmt: skip
    if anomalies:
        _insert_rows(session, Anomaly, anomalies)
    if progress:
        progress(len(cases), len(cases))
    return total, len(anomalies)


def _insert_checkpoint_traffic(
    session: Session, rng: random.Random, days: int, today: date, now: datetime, per_day: int
) -> int:
    checkpoint_ids = list(
        session.execute(
            insert(Checkpoint).returning(Checkpoint.id, sort_by_parameter_order=True),
            [
                {"name": "村东口卡点", "location": "村东入口", "level": "村级",
                 "responsible": "李文书", "active": True},
                {"name": "镇道检查站", "location": "镇道与村道交叉口", "level": "乡级",
                 "responsible": "王书记", "active": True},
            ],
        ).scalars()
    )  # fmt: skip
    vehicles: list[dict[str, object]] = []
    occupants: list[list[dict[str, object]]] = []
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    for offset in range(days - 1, -1, -1):
        day = today - timedelta(days=offset)
        for _ in range(per_day):
            moment = datetime.combine(day, time(rng.randint(6, 21), rng.randint(0, 59)))
            if moment > now:
                continue
            aboard = rng.choice((1, 1, 2, 2, 3, 4))
            turned_back = rng.random() < 0.08
            temps = [round(rng.uniform(36.0, 37.0), 1) for _ in range(aboard)]
            plate = f"浙{rng.choice('CCCAB')}{rng.choice(letters)}{rng.randint(1000, 9999)}"
            vehicles.append({
                "checkpoint_id": rng.choice(checkpoint_ids), "passed_at": moment,
                "direction": rng.choice("进进出"), "plate": plate, "plate_kind": "普通号牌",
                "vehicle_type": rng.choice(("小型汽车", "小型汽车", "货车", "摩托车")),
                "driver_name": _name(rng), "driver_phone": mobile(rng), "people_aboard": aboard,
                "origin": rng.choice(ORIGINS), "destination": rng.choice(DESTINATIONS),
                "purpose": rng.choice(PURPOSES), "max_temperature": max(temps),
                "disinfected": rng.random() < 0.9,
                "disposition": "劝返" if turned_back else rng.choice(("放行", "登记后放行")),
                "abnormal": False, "duty_staff": "李文书、张村医",
            })  # fmt: skip
            occupants.append(
                [{"name": _name(rng), "phone": mobile(rng), "temperature": t} for t in temps[1:]]
            )
    if not vehicles:
        return 0
    ids = _insert_returning_ids(session, VehiclePass, vehicles)
    rows = [dict(o, pass_id=pid) for pid, group in zip(ids, occupants, strict=True) for o in group]
    if rows:
        _insert_rows(session, Occupant, rows)
    return len(vehicles)
