"""The rounds core: corrections keep the old value, batch saves are all or nothing, anomalies close
with an outcome and can end the observation, and the default slot follows the clock."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from app.cli_support import CommandContext
from app.commands import core
from app.config import Settings
from app.db import Database
from app.models import Anomaly, AuditEntry, Case, Slot, TemperatureReading, VehiclePass
from app.models.validation import ValidationError, is_fever
from app.services import checkpoints, reference, rounds, stats
from app.services.checkpoints import PassInput
from app.services.errors import Conflict, ServiceError
from app.services.roster import CaseInput, PersonInput, case_row, register_case
from app.services.rounds import AnomalyInfo, DueItem, ReadingEntry, ReadingInfo
from tests.helpers.pinned_clock import suite_today
from tests.helpers.readings import save_all
from tests.services.village import TODAY as VILLAGE_DAY
from tests.services.village import build_village, live_cases, team_of

TODAY = suite_today()


@pytest.fixture
def case_id(db: Database) -> int:
    row = register_case(
        db,
        PersonInput("张三", "11010519491231002X", group_name="一组"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=2)),
    )
    return row.id


def test_a_correction_keeps_the_old_value_in_the_audit_trail(db: Database, case_id: int) -> None:
    first = rounds.record_reading(db, case_id, TODAY, Slot.AM, 36.5, measured_by="王芳")
    db.operator = "李文书"
    corrected = rounds.record_reading(db, case_id, TODAY, Slot.AM, "36.8")
    assert corrected.replaced == 36.5
    assert corrected.reading.id == first.reading.id  # one reading per case, day and slot

    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.entity == "temperature_reading", AuditEntry.entity_id == first.reading.id
            )
            .order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == ["新增", "修改"]
    change = json.loads(entries[1].changes)
    assert change["celsius"] == [36.5, 36.8]
    assert entries[1].operator == "李文书"

    history = rounds.reading_corrections(db, case_id)
    assert [(c.old_celsius, c.new_celsius, c.operator) for c in history[first.reading.id]] == [
        (36.5, 36.8, "李文书")
    ]


def test_overwrite_false_refuses_a_second_reading(db: Database, case_id: int) -> None:
    rounds.record_reading(db, case_id, TODAY, Slot.PM, 36.5)
    with pytest.raises(Conflict, match=r"已有体温 36\.5"):
        rounds.record_reading(db, case_id, TODAY, Slot.PM, 36.9, overwrite=False)


def test_batch_save_is_all_or_nothing(db: Database, case_id: int) -> None:
    entries = [
        ReadingEntry(case_id, TODAY - timedelta(days=1), Slot.AM, 36.4),
        ReadingEntry(case_id, TODAY - timedelta(days=1), Slot.PM, "99"),
    ]
    with pytest.raises(ValidationError):
        save_all(db, entries)
    assert rounds.readings_of_case(db, case_id) == []
    saved = save_all(db, [entries[0], ReadingEntry(case_id, TODAY, Slot.AM, 37.6)])
    assert [s.abnormal for s in saved] == [False, True]
    assert saved[1].anomaly_id is not None


def test_a_symptom_alone_opens_an_anomaly_and_a_second_save_updates_it(
    db: Database, case_id: int
) -> None:
    first = rounds.record_reading(db, case_id, TODAY, Slot.AM, 36.6, symptoms="咳嗽")
    assert first.abnormal and first.reading.symptoms == ("干咳",)
    again = rounds.record_reading(db, case_id, TODAY, Slot.AM, 37.4, symptoms="咳嗽")
    assert again.anomaly_id == first.anomaly_id
    (info,) = rounds.anomalies(db, case_id=case_id)
    assert info.kind == "发热" and info.observation == "上午体温 37.4 ℃，症状：干咳"


def test_close_needs_an_outcome_and_can_end_the_case(db: Database, case_id: int) -> None:
    saved = rounds.record_reading(db, case_id, TODAY, Slot.AM, 38.4)
    assert saved.anomaly_id is not None
    rounds.record_action(db, saved.anomaly_id, "报告卫生院、送发热门诊", "李文书")
    with pytest.raises(ServiceError, match="处置结果"):
        rounds.close_anomaly(db, saved.anomaly_id, "  ")
    medical = next(r for r in reference.end_reasons(db) if r.name == "送医/转诊")
    with pytest.raises(ServiceError, match="结束日期"):
        rounds.close_anomaly(
            db,
            saved.anomaly_id,
            "已送医",
            end_case_reason_id=medical.id,
            on=TODAY + timedelta(days=1),
        )
    closed = rounds.close_anomaly(db, saved.anomaly_id, "已送医", end_case_reason_id=medical.id)
    assert closed.closed and closed.outcome == "已送医"
    case = case_row(db, case_id)
    assert (case.ended_on, case.end_reason) == (TODAY, "送医/转诊")
    assert stats.day_numbers(db, TODAY).medical_today == 1
    assert rounds.anomalies(db, open_only=True) == []
    with pytest.raises(Conflict):
        rounds.close_anomaly(db, saved.anomaly_id, "再关一次")


def test_current_slot_follows_the_morning_cut_off(db: Database) -> None:
    assert rounds.current_slot(db, datetime.combine(TODAY, time(11, 59))) is Slot.AM
    assert rounds.current_slot(db, datetime.combine(TODAY, time(12, 0))) is Slot.PM
    reference.write_setting(db, Settings.AM_SLOT_ENDS, time(11, 0))
    assert rounds.current_slot(db, datetime.combine(TODAY, time(11, 30))) is Slot.PM


# --- the fast round queries give what the straightforward reading of the ledger gives -----------


@pytest.fixture
def village(db: Database) -> dict[str, int]:
    return build_village(db)


def reference_due_list(db: Database, day: date, slot: Slot) -> list[DueItem]:
    """``due_list`` one case at a time through the ORM: slow, and obviously what the rule says."""
    with db.reading() as session:
        threshold = reference.get_setting(session, Settings.FEVER_THRESHOLD)
        items = []
        for case in live_cases(session, day):
            if not case.measure.needs_readings:
                continue
            person, team = case.person, team_of(session, case.id, day)
            medical = next((m.name for m in team if m.role == "医护人员"), None)
            reading = session.scalar(
                select(TemperatureReading).where(
                    TemperatureReading.case_id == case.id,
                    TemperatureReading.reading_date == day,
                    TemperatureReading.slot == slot.value,
                )
            )
            info = None
            if reading is not None:
                symptoms = tuple(s for s in reading.symptoms.split("、") if s)
                info = ReadingInfo(
                    reading.id,
                    case.id,
                    day,
                    slot,
                    reading.celsius,
                    symptoms,
                    reading.measured_by,
                    reading.recorded_at,
                    reading.note,
                    is_fever(reading.celsius, threshold) or bool(symptoms),
                )
            items.append(
                DueItem(
                    case.id,
                    person.id,
                    person.name,
                    person.id_number,
                    person.group_name,
                    person.address,
                    person.phone,
                    case.measure.name,
                    medical,
                    "；".join(f"{m.role} {m.name} {m.phone or ''}".strip() for m in team),
                    info,
                )
            )
        return items


def test_due_list_is_what_the_ledger_says_in_the_clerks_order(
    db: Database, village: dict[str, int]
) -> None:
    day = VILLAGE_DAY
    rounds.record_reading(
        db,
        village["no_group"],
        day,
        Slot.AM,
        37.6,
        symptoms="咳嗽",
        measured_by="张村医",
        note="复测 37.5",
        today=day,
    )
    for on in (day, day - timedelta(days=4)):
        for slot in Slot:
            assert rounds.due_list(db, on, slot) == reference_due_list(db, on, slot)

    due = rounds.due_list(db, day, Slot.AM)
    groups = list(dict.fromkeys(item.group_name for item in due))
    assert groups == [None, "1组", "一组", "二组", "三组", "四组", "五组", "六组", "十组"]
    assert [item.name for item in due[:2]] == ["阿无组", "无组人"]
    ids = [item.case_id for item in due]
    assert ids.index(village["namesake_a"]) + 1 == ids.index(village["namesake_b"])
    for gone in ("deleted", "ended", "register_only"):
        assert village[gone] not in ids
    extra = next(item for item in due if item.case_id == village["extra_roles"])
    # Two added roles share sort order 99: listed by role, not by who was assigned first.
    assert extra.team == "楼长 楼长乙 13900000001；志愿者 志愿者甲"
    assert extra.medical_staff is None
    fever = next(item for item in due if item.case_id == village["no_group"])
    assert fever.reading is not None
    assert (fever.reading.celsius, fever.reading.symptoms, fever.reading.abnormal) == (
        37.6,
        ("干咳",),
        True,
    )
    assert any(item.medical_staff for item in due)  # the demo teams have their 医护人员


def reference_anomalies(
    db: Database, *, open_only: bool = True, day: date | None = None, case_id: int | None = None
) -> list[AnomalyInfo]:
    """``anomalies`` with one lookup per anomaly: its case's person, or its vehicle pass."""
    query = select(Anomaly).order_by(Anomaly.detected_on.desc(), Anomaly.id.desc())
    if open_only:
        query = query.where(Anomaly.closed.is_(False))
    if day is not None:
        query = query.where(Anomaly.detected_on == day)
    if case_id is not None:
        query = query.where(Anomaly.case_id == case_id)
    infos = []
    with db.reading() as session:
        for a in session.scalars(query):
            name, group = "", None
            if a.case_id:
                case = session.get_one(Case, a.case_id)
                name, group = case.person.name, case.person.group_name
            elif a.pass_id:
                vehicle = session.get_one(VehiclePass, a.pass_id)
                name = f"{vehicle.plate} {vehicle.driver_name or ''}".strip()
            infos.append(
                AnomalyInfo(
                    a.id,
                    a.case_id,
                    a.pass_id,
                    name,
                    group,
                    a.kind,
                    a.detected_on,
                    a.slot,
                    a.observation,
                    a.action,
                    a.handled_by,
                    a.handled_at,
                    a.closed,
                    a.outcome,
                )
            )
    return infos


def test_anomalies_name_the_person_or_the_vehicle(db: Database, village: dict[str, int]) -> None:
    day = VILLAGE_DAY
    gate = checkpoints.checkpoints(db)[0].id
    at = datetime.combine(day, time(15, 0))

    def fever_at_gate(plate: str, driver: str | None, minutes: int) -> int:
        return checkpoints.record_pass(
            db,
            PassInput(
                gate, plate, passed_at=at + timedelta(minutes=minutes), driver_name=driver,
                max_temperature=38.1, action_taken="劝返并报告卫生院",
            ),
        ).id  # fmt: skip

    fever_at_gate("浙C12345", "李四", 0)
    fever_at_gate("浙A88888", None, 5)
    checkpoints.delete_pass(db, fever_at_gate("浙B66666", "赵六", 10))
    saved = rounds.record_reading(db, village["tenth"], day, Slot.PM, 38.0, today=day)
    assert saved.anomaly_id is not None
    handled = rounds.record_action(db, saved.anomaly_id, "报告卫生院", "张村医", at)
    demo_fever = next(a for a in rounds.anomalies(db) if a.case_id not in (None, village["tenth"]))
    closed = rounds.close_anomaly(db, demo_fever.id, "复测正常")

    for filters in (
        {},
        {"open_only": False},
        {"open_only": False, "day": day},
        {"day": day - timedelta(days=3)},
        {"open_only": False, "case_id": village["tenth"]},
    ):
        assert rounds.anomalies(db, **filters) == reference_anomalies(db, **filters)  # type: ignore[arg-type]

    today_open = rounds.anomalies(db, day=day)
    gate_names = [a.person_name for a in today_open if a.pass_id is not None]
    # Newest first; a deleted pass still names the anomaly it raised.
    assert gate_names == ["浙B66666 赵六", "浙A88888", "浙C12345 李四"]
    assert {a.kind for a in today_open if a.pass_id} == {"卡点体温异常"}
    assert all(a.group_name is None and a.case_id is None for a in today_open if a.pass_id)
    tenth = next(a for a in today_open if a.id == saved.anomaly_id)
    assert (tenth.person_name, tenth.group_name) == ("十组人", "十组")
    assert handled == tenth and (handled.action, handled.handled_by) == ("报告卫生院", "张村医")
    assert closed.closed and closed.outcome == "复测正常"
    assert closed in rounds.anomalies(db, open_only=False, day=closed.detected_on)
    assert closed not in rounds.anomalies(db)


# --- 漏测: a round is missed only once it is over ------------------------------------------------


def test_a_round_counts_as_missed_only_after_it_ends(db: Database, case_id: int) -> None:
    yesterday = TODAY - timedelta(days=1)

    def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
        return datetime.combine(day, time(hour, minute))

    def missed(day: date, slot: Slot | None = None, as_of: datetime | None = None) -> int:
        with db.reading() as session:
            return rounds.missing_count(session, day, slot, as_of=as_of)

    assert missed(TODAY) == 2  # without as_of: the whole day, as the daily report counts it
    assert missed(TODAY, as_of=at(9, 30)) == 0  # at 09:30 neither round is over
    assert missed(TODAY, as_of=at(11, 59)) == 0
    assert missed(TODAY, as_of=at(12, 0)) == 1  # the morning round ended at 12:00
    assert missed(TODAY, Slot.PM, as_of=at(19, 59)) == 0
    assert missed(TODAY, as_of=at(20, 0)) == 2
    assert missed(yesterday, as_of=at(9, 30)) == 2  # an earlier day counts whole
    assert missed(TODAY, as_of=at(23, 0, yesterday)) == 0  # a later day has missed nothing

    rounds.record_reading(db, case_id, TODAY, Slot.AM, 36.5)
    assert missed(TODAY, as_of=at(12, 0)) == 0
    assert missed(TODAY, as_of=at(20, 0)) == 1
    reference.write_setting(db, Settings.PM_SLOT_ENDS, time(18, 0))
    assert missed(TODAY, as_of=at(18, 30)) == 1


def test_check_counts_only_the_rounds_that_are_over_today(
    db: Database,
    village: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    day = VILLAGE_DAY
    with db.reading() as session:
        morning = rounds.missing_count(session, day, Slot.AM)
        whole_day = rounds.missing_count(session, day)
    assert 0 < morning < whole_day  # the demo village misses a few readings in both rounds

    def summary(now: datetime, on: date = day) -> str:
        monkeypatch.setattr(core, "local_now", lambda: now)
        core.run_check(argparse.Namespace(date=on), CommandContext(paths=db.paths, _db=db))
        line = next(x for x in capsys.readouterr().out.splitlines() if "当日漏测" in x)
        return line.split("当日漏测 ")[1]

    assert summary(datetime.combine(day, time(9, 30))) == "0 人次"
    assert summary(datetime.combine(day, time(12, 30))) == f"{morning} 人次"
    assert summary(datetime.combine(day, time(21, 0))) == f"{whole_day} 人次"
    # Another day than today: the daily report's number, the whole day.
    assert summary(datetime.combine(day + timedelta(days=1), time(9, 30))) == f"{whole_day} 人次"
