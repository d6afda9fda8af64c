"""The rounds core: corrections keep the old value, batch saves are all or nothing, anomalies close
with an outcome and can end the observation, and the default slot follows the clock."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db import Database
from app.models import AuditEntry, Slot
from app.models.validation import ValidationError
from app.services import reference, rounds, stats
from app.services.errors import Conflict, ServiceError
from app.services.roster import CaseInput, PersonInput, case_row, register_case
from app.services.rounds import ReadingEntry

TODAY = date.today()


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
        rounds.record_readings(db, entries)
    assert rounds.readings_of_case(db, case_id) == []
    saved = rounds.record_readings(db, [entries[0], ReadingEntry(case_id, TODAY, Slot.AM, 37.6)])
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
            db, saved.anomaly_id, "已送医", end_case_reason_id=medical.id,
            on=TODAY + timedelta(days=1),
        )  # fmt: skip
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
