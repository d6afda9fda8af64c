"""卡点登记 service: passes, totals, plates, fevers, and from the gate to the roster."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Anomaly, AuditEntry
from app.models.validation import ValidationError
from app.services import assignments, reference, reports, roster, rounds
from app.services import checkpoints as cp
from app.services.assignments import StaffInput
from app.services.errors import Conflict, NotFound
from app.services.roster import CaseInput, PersonInput, RosterFilter

TODAY = date.today()
DRIVER_ID = "11010519491231002X"
PASSENGER_ID = "440524188001010014"


@pytest.fixture
def checkpoint(db: Database) -> cp.CheckpointInfo:
    return cp.save_checkpoint(db, "东村村口", location="村口大樟树", responsible="王村长")


def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def record(
    db: Database, checkpoint: cp.CheckpointInfo, plate: str = "浙A12345", **kw
) -> cp.PassInfo:
    kw.setdefault("passed_at", at(9))
    return cp.record_pass(db, cp.PassInput(checkpoint_id=checkpoint.id, plate=plate, **kw))


# --- recording and totals ------------------------------------------------------------------------


def test_totals_count_vehicles_people_and_turned_back(db: Database, checkpoint) -> None:
    record(db, checkpoint, "浙A12345", people_aboard=3)
    record(db, checkpoint, "浙B54321", people_aboard=2, disposition="劝返")
    record(db, checkpoint, "苏E88888", people_aboard=1, disposition="劝返")
    record(db, checkpoint, "浙C11111", people_aboard=4, passed_at=at(9, day=TODAY - timedelta(1)))

    totals = cp.totals_of_day(db, TODAY)

    assert totals == cp.CheckpointTotals(
        vehicles=3, people=6, turned_back_vehicles=2, turned_back_people=3, abnormal=0
    )


def test_deleted_pass_leaves_totals_and_restore_brings_it_back(db: Database, checkpoint) -> None:
    kept = record(db, checkpoint, "浙A12345", people_aboard=2)
    gone = record(db, checkpoint, "浙B54321", people_aboard=5)

    cp.delete_pass(db, gone.id)
    assert cp.totals_of_day(db, TODAY).people == 2
    assert [p.id for p in cp.passes_of_day(db, TODAY)] == [kept.id]

    cp.restore_pass(db, gone.id)
    assert cp.totals_of_day(db, TODAY).people == 7


def test_shift_totals_count_only_from_the_shift_start(db: Database, checkpoint) -> None:
    record(db, checkpoint, "浙A12345", passed_at=at(7, 50))
    record(db, checkpoint, "浙B54321", passed_at=at(8, 10), people_aboard=2)

    shift = cp.totals(db, at(8), at(23, 59))

    assert (shift.vehicles, shift.people) == (1, 2)


@pytest.mark.parametrize(
    ("typed", "saved", "kind"),
    [
        ("浙A12345", "浙A12345", "普通号牌"),
        ("浙AD12345", "浙AD12345", "新能源小型车"),
        ("粤Z1234港", "粤Z1234港", "粤Z港澳"),
        ("浙ａ·１２３４５", "浙A12345", "普通号牌"),
    ],
)
def test_plates_are_recognised_and_normalised(db: Database, checkpoint, typed, saved, kind) -> None:
    info = record(db, checkpoint, typed)
    assert (info.plate, info.plate_kind) == (saved, kind)


def test_malformed_plate_is_refused_unless_marked_other(db: Database, checkpoint) -> None:
    with pytest.raises(ValidationError, match="位数不对"):
        record(db, checkpoint, "浙A1234")
    assert cp.passes_of_day(db, TODAY) == []

    info = record(db, checkpoint, "WJ12345", plate_is_other=True)
    assert (info.plate, info.plate_kind) == ("WJ12345", "其他号牌")


def test_fever_needs_the_action_taken_and_opens_an_anomaly(db: Database, checkpoint) -> None:
    with pytest.raises(ValidationError) as refused:
        record(db, checkpoint, max_temperature="37.6")
    assert refused.value.field == "处置情况"
    assert cp.passes_of_day(db, TODAY) == []

    info = record(db, checkpoint, max_temperature="37.6", action_taken="复测后送发热门诊")

    assert info.abnormal and info.max_temperature == 37.6
    assert cp.totals_of_day(db, TODAY).abnormal == 1
    with db.reading() as session:
        anomaly = session.query(Anomaly).filter_by(pass_id=info.id).one()
        assert anomaly.action == "复测后送发热门诊" and not anomaly.closed


def test_an_occupants_fever_counts_as_the_vehicles_highest(db: Database, checkpoint) -> None:
    info = record(
        db, checkpoint, max_temperature="36.5", people_aboard=2, action_taken="劝返并报告卫生院",
        occupants=(cp.OccupantInput("李四", temperature="38.1"),),
    )  # fmt: skip
    assert info.max_temperature == 38.1 and info.abnormal


def test_out_of_range_temperature_is_refused(db: Database, checkpoint) -> None:
    with pytest.raises(ValidationError, match="超出"):
        record(db, checkpoint, max_temperature="3.65")


def test_last_pass_for_plate_finds_the_latest_whatever_the_typing(db: Database, checkpoint) -> None:
    record(db, checkpoint, "浙A12345", driver_name="王五", origin="温州", passed_at=at(8))
    record(db, checkpoint, "浙A12345", driver_name="王五", origin="杭州", passed_at=at(10))

    last = cp.last_pass_for_plate(db, "浙Ａ１２３４５")

    assert last is not None and last.origin == "杭州"
    assert cp.last_pass_for_plate(db, "浙B00000") is None


def test_place_hints_are_most_recent_first(db: Database, checkpoint) -> None:
    record(db, checkpoint, "浙A12345", origin="温州", destination="张家", passed_at=at(8))
    record(db, checkpoint, "浙B54321", origin="杭州", destination="张家", passed_at=at(9))

    hints = cp.place_hints(db)

    assert hints.origins == ("杭州", "温州")
    assert hints.destinations == ("张家",)


def test_update_keeps_occupant_roster_links(db: Database, checkpoint) -> None:
    info = record(
        db, checkpoint, people_aboard=3,
        occupants=(cp.OccupantInput("李四", PASSENGER_ID), cp.OccupantInput("小明")),
    )  # fmt: skip
    team = _team(db)
    for occupant in info.occupants:
        cp.admit_from_pass(db, info.id, occupant.id, PersonInput(occupant.name, occupant.id_number),
                           _case(db), team)  # fmt: skip

    changed = cp.update_pass(
        db, info.id,
        cp.PassInput(checkpoint_id=checkpoint.id, plate="浙A12345", passed_at=info.passed_at,
                     people_aboard=3, origin="武汉",
                     occupants=(cp.OccupantInput("李四", PASSENGER_ID), cp.OccupantInput("小明"))),
    )  # fmt: skip

    assert changed.origin == "武汉"
    assert all(o.case_id is not None for o in changed.occupants)
    assert changed.admitted_names == ("李四", "小明")


def test_find_checkpoint_names_the_known_ones(db: Database, checkpoint) -> None:
    cp.save_checkpoint(db, "西村桥头", level="村级", active=False)
    assert cp.find_checkpoint(db, " 东村村口 ").id == checkpoint.id
    with pytest.raises(NotFound) as missing:
        cp.find_checkpoint(db, "南村")
    assert "东村村口" in str(missing.value) and "西村桥头（已停用）" in str(missing.value)


# --- from the gate to the roster -----------------------------------------------------------------


def _team(db: Database) -> dict[int, int]:
    """One staff member for each role the default measure requires: {role id: staff id}."""
    measure = reference.measures(db)[0]
    return {
        role_id: assignments.add_staff(db, StaffInput(f"包保{role_id}", role_id, "13900000000")).id
        for role_id in measure.required_role_ids
    }


def _case(db: Database, **kw) -> CaseInput:
    measure = reference.measures(db)[0]
    category = reference.categories(db)[2]
    return CaseInput(category_id=category.id, measure_id=measure.id, start_date=TODAY, **kw)


def test_driver_goes_onto_the_roster_with_team_and_link(db: Database, checkpoint) -> None:
    info = record(db, checkpoint, driver_name="王五", origin="上海浦东", destination="东村3组王家")
    team = _team(db)

    row = cp.admit_from_pass(
        db, info.id, None,
        PersonInput("王五", DRIVER_ID, phone="13800138000", address="东村3组王家"),
        _case(db, origin="上海浦东", arrival_date=TODAY), team,
    )  # fmt: skip

    assert row.id in roster.roster_ids(db, RosterFilter())
    [shown] = roster.roster_rows(db, [row.id])
    assert (shown.name, shown.id_number, shown.origin, shown.arrival_date) == (
        "王五",
        DRIVER_ID,
        "上海浦东",
        TODAY,
    )
    members = assignments.teams(db, [row.id])[row.id]
    assert {(m.role_id, m.staff_id) for m in members} == set(team.items())
    [again] = cp.passes_of_day(db, TODAY)
    assert again.driver_case_id == row.id and again.admitted_names == ("王五",)
    assert again.driver_id_number == DRIVER_ID  # the dialog's ID completes the gate record
    found = cp.pass_of_case(db, row.id)
    assert found is not None and found.id == info.id


def test_occupant_goes_onto_the_roster_and_shows_the_link(db: Database, checkpoint) -> None:
    info = record(db, checkpoint, driver_name="王五", people_aboard=2,
                  occupants=(cp.OccupantInput("李四", phone="13700137000"),))  # fmt: skip
    occupant = info.occupants[0]

    row = cp.admit_from_pass(db, info.id, occupant.id, PersonInput("李四", PASSENGER_ID,
                             phone="13700137000"), _case(db), _team(db))  # fmt: skip

    [again] = cp.passes_of_day(db, TODAY)
    assert again.occupants[0].case_id == row.id
    assert again.occupants[0].id_number == PASSENGER_ID
    assert again.driver_case_id is None
    assert again.admitted_names == ("李四",)
    found = cp.pass_of_case(db, row.id)
    assert found is not None and found.id == info.id
    with pytest.raises(Conflict, match="已转入台账"):
        cp.admit_from_pass(db, info.id, occupant.id, PersonInput("李四"), _case(db), {})


def test_admission_is_all_or_nothing(db: Database, checkpoint) -> None:
    info = record(db, checkpoint, people_aboard=2, occupants=(cp.OccupantInput("李四"),))
    team = _team(db)
    retired = next(iter(team.values()))
    assignments.retire_staff(db, retired)

    with pytest.raises(Exception, match="已离岗"):
        cp.admit_from_pass(db, info.id, info.occupants[0].id, PersonInput("李四", PASSENGER_ID),
                           _case(db), team)  # fmt: skip

    assert roster.roster_ids(db, RosterFilter(status="all")) == []
    [again] = cp.passes_of_day(db, TODAY)
    assert again.occupants[0].case_id is None


def test_a_deleted_case_no_longer_shows_as_admitted(db: Database, checkpoint) -> None:
    info = record(db, checkpoint, driver_name="王五")
    row = cp.admit_from_pass(db, info.id, None, PersonInput("王五"), _case(db), {})

    roster.delete_case(db, row.id)

    [again] = cp.passes_of_day(db, TODAY)
    assert again.driver_case_id is None and again.admitted_names == ()


def test_pass_of_case_is_none_for_a_case_registered_at_the_office(db: Database) -> None:
    row = roster.register_case(db, PersonInput("赵六"), _case(db))
    assert cp.pass_of_case(db, row.id) is None


def test_a_passengers_fever_names_the_passenger_not_the_driver(
    db: Database, checkpoint, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    info = record(
        db, checkpoint, "浙C12345", driver_name="王五", driver_temperature="36.5",
        people_aboard=2, action_taken="劝返并报告卫生院",
        occupants=(cp.OccupantInput("李四", temperature="37.8"),),
    )  # fmt: skip
    assert info.driver_temperature == 36.5 and info.max_temperature == 37.8 and info.abnormal
    assert info.feverish(37.3) == ("李四",)

    (anomaly,) = rounds.anomalies(db, day=TODAY)
    assert anomaly.person_name == "李四（浙C12345）"  # Today and every anomaly list show this
    assert "乘车人 李四 37.8 ℃" in anomaly.observation and "王五" not in anomaly.observation
    reference.save_unit_profile(db, reference.UnitInfo("东村"))
    (line,) = reports.daily_workbook(db, TODAY).anomalies  # the report's 异常情况 sheet
    assert line.name == "李四（浙C12345）"
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "anomaly", AuditEntry.action == "新增")
        ).one()
    assert json.loads(entry.changes)["subject_name"] == [None, "李四"]


def test_a_drivers_own_fever_names_the_driver(db: Database, checkpoint) -> None:
    record(
        db, checkpoint, "浙C54321", driver_name="王五", driver_temperature="38.2",
        action_taken="送发热门诊", occupants=(cp.OccupantInput("李四", temperature="36.6"),),
        people_aboard=2,
    )  # fmt: skip
    (anomaly,) = rounds.anomalies(db, day=TODAY)
    assert anomaly.person_name == "王五（浙C54321）"
    assert "驾驶员 王五 38.2 ℃" in anomaly.observation


def test_a_vehicle_wide_reading_or_an_old_row_stays_named_by_plate_and_driver(
    db: Database, checkpoint
) -> None:  # type: ignore[no-untyped-def]
    # Only a highest reading for the whole vehicle (the command line, rows from schema 2):
    # nobody's own reading is known, so the anomaly keeps the plate and the driver.
    record(db, checkpoint, "浙C99999", driver_name="王五", max_temperature="37.9",
           action_taken="复测")  # fmt: skip
    (anomaly,) = rounds.anomalies(db, day=TODAY)
    assert anomaly.person_name == "浙C99999 王五"
    assert anomaly.observation == "卡点 浙C99999 体温 37.9 ℃"
