"""The day's numbers (日报) checked definition by definition.

A hand-built village (``report_scenario``) pins each definition to named cases and edge days; the
demo village is then recounted by a plain-Python oracle over all rows, for every day of its
fortnight, so a query that is right on the hand-built case but wrong in general still fails.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db import Database
from app.models import (
    Assignment,
    Case,
    EndReason,
    Measure,
    MeasureRequiredRole,
    TemperatureReading,
    VehiclePass,
)
from app.services import assignments, checkpoints, demo, reference, stats
from app.services.checkpoints import PassInput
from tests.services import report_scenario as sc
from tests.services.report_scenario import EXPECTED, D


@pytest.fixture
def scenario(db: Database) -> sc.Scenario:
    return sc.build(db)


def test_every_number_of_the_report_day(scenario: sc.Scenario) -> None:
    n = stats.day_numbers(scenario.db, D)
    assert n.day == D
    assert n.registered_total == EXPECTED["registered_total"]
    assert n.registered_today == EXPECTED["registered_today"]
    assert n.under_management == EXPECTED["under_management"]
    assert n.by_measure == EXPECTED["by_measure"]
    assert list(n.by_measure) == ["居家隔离医学观察", "居家健康监测", "集中隔离医学观察", "仅登记"]
    assert n.released_today == EXPECTED["released_today"]
    assert n.released_total == EXPECTED["released_total"]
    assert n.medical_today == EXPECTED["medical_today"]
    assert n.fever_today == EXPECTED["fever_today"]
    assert n.missed_readings == EXPECTED["missed_readings"]
    assert n.coverage_gaps == EXPECTED["coverage_gaps"]
    assert n.checkpoint.vehicles == EXPECTED["vehicles"]
    assert n.checkpoint.people == EXPECTED["people"]
    assert n.checkpoint.turned_back_vehicles == EXPECTED["turned_back_vehicles"]
    assert n.checkpoint.turned_back_people == EXPECTED["turned_back_people"]
    assert not n.is_zero_report


def test_the_day_before_sees_cases_that_end_on_d_and_not_those_starting_on_d(
    scenario: sc.Scenario,
) -> None:
    n = stats.day_numbers(scenario.db, D - timedelta(days=1))
    assert n.registered_total == 9  # 乙 registers on D
    assert n.registered_today == 2  # 庚 and 丑 (丑 registered D-1, starts on D)
    # 丙 丁 辛 壬 end on D, so they are still under management the day before; 乙 丑 not yet.
    assert n.by_measure == {
        "居家隔离医学观察": 4, "居家健康监测": 2, "集中隔离医学观察": 1, "仅登记": 0
    }  # fmt: skip
    assert n.under_management == 7
    assert (n.released_today, n.released_total, n.medical_today) == (0, 1, 0)
    assert n.fever_today == 1  # 戊 38.0 on D-1
    # 丙 丁 戊 己 辛 壬 owe two readings each; only 戊 AM was taken.
    assert n.missed_readings == 11
    # 丙 丁 辛 壬 have no team at all; 戊 lacks 乡镇干部.
    assert n.coverage_gaps == 5
    assert (n.checkpoint.vehicles, n.checkpoint.people) == (1, 4)  # the 23:59 pass of D-1


def test_the_day_after_counts_the_midnight_pass_and_the_case_registered_then(
    scenario: sc.Scenario,
) -> None:
    n = stats.day_numbers(scenario.db, D + timedelta(days=1))
    assert n.registered_today == 1  # 子
    assert (n.checkpoint.vehicles, n.checkpoint.people) == (1, 5)  # 00:00 of D+1
    assert n.released_total == 2
    assert n.released_today == n.medical_today == 0


def test_zero_report_when_nothing_new_no_fever_no_transfer_and_nobody_turned_back(
    scenario: sc.Scenario,
) -> None:
    quiet = stats.day_numbers(scenario.db, D + timedelta(days=2))
    assert quiet.is_zero_report
    # A zero report still carries the standing numbers.
    assert quiet.under_management == 6 and quiet.registered_total == 11

    # One turned-back vehicle is enough to make it a real report.
    checkpoints.record_pass(
        scenario.db,
        PassInput(
            checkpoint_id=scenario.checkpoint_id,
            plate="浙C54321",
            passed_at=datetime.combine(D + timedelta(days=2), time(9, 0)),
            disposition="劝返",
        ),
    )
    assert not stats.day_numbers(scenario.db, D + timedelta(days=2)).is_zero_report


def test_cutoff_at_15_moves_the_1500_pass_to_the_next_day(db: Database) -> None:
    reference.write_setting(db, Settings.STAT_CUTOFF, time(15, 0))
    cp = checkpoints.save_checkpoint(db, "镇道检查站")
    for moment, people in ((time(14, 59), 2), (time(15, 0), 5)):
        checkpoints.record_pass(
            db,
            PassInput(
                checkpoint_id=cp.id,
                plate="浙C12345",
                passed_at=datetime.combine(D, moment),
                people_aboard=people,
            ),
        )
    on_d = stats.day_numbers(db, D)
    next_day = stats.day_numbers(db, D + timedelta(days=1))
    assert on_d.cutoff == time(15, 0)
    assert (on_d.checkpoint.vehicles, on_d.checkpoint.people) == (1, 2)  # 14:59
    assert (next_day.checkpoint.vehicles, next_day.checkpoint.people) == (1, 5)  # 15:00


def test_cutoff_at_midnight_keeps_2359_and_0000_apart(db: Database) -> None:
    cp = checkpoints.save_checkpoint(db, "村东口卡点")
    for moment, people in (
        (datetime.combine(D, time(23, 59)), 2),
        (datetime.combine(D + timedelta(days=1), time(0, 0)), 3),
    ):
        checkpoints.record_pass(
            db,
            PassInput(
                checkpoint_id=cp.id, plate="浙C12345", passed_at=moment, people_aboard=people
            ),
        )
    assert stats.day_numbers(db, D).checkpoint.people == 2
    assert stats.day_numbers(db, D + timedelta(days=1)).checkpoint.people == 3


def test_a_raised_threshold_is_respected(scenario: sc.Scenario) -> None:
    reference.write_setting(scenario.db, Settings.FEVER_THRESHOLD, 37.5)
    # 乙's 37.3 is no longer a fever; 己's symptom still is.
    assert stats.day_numbers(scenario.db, D).fever_today == 1


# --- the demo village against a plain-Python oracle --------------------------------------------


def _oracle(db: Database, day: date) -> dict[str, object]:
    # Compute inside the session: the ORM objects expire when it closes.
    with db.reading() as s:
        cases = [c for c in s.scalars(select(Case)) if c.deleted_at is None]
        kinds = {r.id: r.kind for r in s.scalars(select(EndReason))}
        measures = {m.id: m for m in s.scalars(select(Measure))}
        required = defaultdict(set)
        for link in s.scalars(select(MeasureRequiredRole)):
            required[link.measure_id].add(link.role_id)
        readings = [r for r in s.scalars(select(TemperatureReading)) if r.reading_date == day]
        held = {
            (a.case_id, a.role_id)
            for a in s.scalars(select(Assignment))
            if a.since <= day and (a.until is None or a.until > day)
        }
        start, end = datetime.combine(day, time()), datetime.combine(day + timedelta(1), time())
        passes = [
            v
            for v in s.scalars(select(VehiclePass))
            if v.deleted_at is None and start <= v.passed_at < end
        ]
        live_ids = {c.id for c in cases}
        managed = [
            c for c in cases if c.start_date <= day and (c.ended_on is None or c.ended_on > day)
        ]
        by_measure: dict[str, int] = defaultdict(int)
        for c in managed:
            by_measure[measures[c.measure_id].name] += 1
        due = [c for c in managed if measures[c.measure_id].needs_readings]
        taken = {(r.case_id, r.slot) for r in readings}
        return {
            "registered_total": sum(c.registered_on <= day for c in cases),
            "registered_today": sum(c.registered_on == day for c in cases),
            "under_management": len(managed),
            "by_measure": {k: v for k, v in by_measure.items() if v},
            "released_today": sum(
                c.ended_on == day and kinds.get(c.end_reason_id) == "release" for c in cases
            ),
            "released_total": sum(
                c.ended_on is not None
                and c.ended_on <= day
                and kinds.get(c.end_reason_id) == "release"
                for c in cases
            ),
            "medical_today": sum(
                c.ended_on == day and kinds.get(c.end_reason_id) == "medical" for c in cases
            ),
            "fever_today": len(
                {
                    r.case_id
                    for r in readings
                    if r.case_id in live_ids and (r.celsius >= 37.3 or r.symptoms)
                }
            ),
            "missed_readings": sum((c.id, slot) not in taken for c in due for slot in ("AM", "PM")),
            "coverage_gaps": sum(
                any((c.id, role) not in held for role in required[c.measure_id]) for c in managed
            ),
            "vehicles": len(passes),
            "people": sum(v.people_aboard for v in passes),
            "turned_back_vehicles": sum(v.disposition == "劝返" for v in passes),
            "turned_back_people": sum(v.people_aboard for v in passes if v.disposition == "劝返"),
        }


def test_demo_village_matches_a_recount_on_every_day(db: Database) -> None:
    today = date(2022, 3, 20)
    demo.generate(db, persons=150, days=14, seed=7, today=today)
    for offset in range(-1, 15):
        day = today - timedelta(days=offset)
        n = stats.day_numbers(db, day)
        got = {
            "registered_total": n.registered_total,
            "registered_today": n.registered_today,
            "under_management": n.under_management,
            "by_measure": {k: v for k, v in n.by_measure.items() if v},
            "released_today": n.released_today,
            "released_total": n.released_total,
            "medical_today": n.medical_today,
            "fever_today": n.fever_today,
            "missed_readings": n.missed_readings,
            "coverage_gaps": n.coverage_gaps,
            "vehicles": n.checkpoint.vehicles,
            "people": n.checkpoint.people,
            "turned_back_vehicles": n.checkpoint.turned_back_vehicles,
            "turned_back_people": n.checkpoint.turned_back_people,
        }
        assert got == _oracle(db, day), day
        # The Today and 包保分配 pages list the same gaps that the report counts.
        assert n.coverage_gaps == len(assignments.coverage_gaps(db, day)), day


def test_a_round_whose_time_has_not_come_is_not_yet_missed(scenario: sc.Scenario) -> None:
    # Before noon on D nothing is missed yet; after the morning deadline the unread AM round is;
    # after the evening deadline the whole day counts as in the exported report.
    before_noon = stats.day_numbers(scenario.db, D, now=datetime.combine(D, time(9, 30)))
    after_noon = stats.day_numbers(scenario.db, D, now=datetime.combine(D, time(13, 0)))
    evening = stats.day_numbers(scenario.db, D, now=datetime.combine(D, time(21, 0)))

    assert before_noon.missed_readings == 0
    assert 0 < after_noon.missed_readings < evening.missed_readings
    assert evening.missed_readings == EXPECTED["missed_readings"]
