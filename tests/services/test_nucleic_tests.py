"""核酸检测: the schedule per measure, 全员核酸 rounds, the due list, results and the 阳性 alarm."""

from __future__ import annotations

import pytest

from app.config import Settings
from app.db import Database
from app.models import TestResult
from app.services import nucleic_schedule, nucleic_tests, reference, roster, rounds
from app.services.errors import ServiceError
from tests.services.nucleic_village import HOME, IDS, MONITORING, days_ago, md, register


def test_the_schedule_is_read_written_and_refuses_nonsense(db: Database) -> None:
    schedule = nucleic_schedule.schedule(db)
    assert schedule.describe("居家隔离医学观察") == "第1、4、7天"
    assert schedule.describe("集中隔离医学观察") == "无"
    changed = nucleic_schedule.set_measure_days(db, "居家健康监测", "第1、3天")
    assert changed.days_for("居家健康监测") == (1, 3)
    assert nucleic_schedule.schedule(db).days_for("居家健康监测") == (1, 3)
    assert (
        nucleic_schedule.set_measure_days(db, "居家健康监测", "无").days_for("居家健康监测") == ()
    )
    with pytest.raises(ServiceError, match="「居家健康监测」的核酸检测日「x」"):
        nucleic_schedule.set_measure_days(db, "居家健康监测", "1,x")
    with pytest.raises(ServiceError, match="应写成"):
        nucleic_schedule.parse_schedule("居家健康监测 3")


def test_due_list_follows_the_schedule_by_group(db: Database) -> None:
    first_day = register(db, "甲", started_days_ago=0, group="二组")
    fourth_day = register(db, "乙", started_days_ago=3, group="一组")
    register(db, "丙", started_days_ago=1)  # 第2天: nothing due
    third_day_monitoring = register(db, "丁", started_days_ago=2, measure=MONITORING)
    due = nucleic_tests.due_tests(db, days_ago(0))
    # 一组 before 二组, then by pinyin (丁 ding before 乙 yi)
    assert [(d.name, d.reason) for d in due] == [("丁", "第3天"), ("乙", "第4天"), ("甲", "第1天")]
    assert {d.case_id for d in due} == {first_day, fourth_day, third_day_monitoring}
    assert all(d.test is None for d in due)


def test_a_round_makes_everyone_under_management_due(db: Database) -> None:
    register(db, "甲", started_days_ago=1)
    register(db, "乙", started_days_ago=3)
    assert [d.name for d in nucleic_tests.due_tests(db, days_ago(0))] == ["乙"]
    nucleic_schedule.add_round(db, days_ago(0))
    due = nucleic_tests.due_tests(db, days_ago(0))
    assert sorted((d.name, d.reason) for d in due) == [("乙", "第4天"), ("甲", "全员核酸")]
    nucleic_schedule.remove_round(db, days_ago(0))
    assert [d.name for d in nucleic_tests.due_tests(db, days_ago(0))] == ["乙"]


def test_counts_for_today(db: Database) -> None:
    a = register(db, "甲", started_days_ago=0)
    b = register(db, "乙", started_days_ago=3)
    c = register(db, "丙", started_days_ago=6)
    register(db, "丁", started_days_ago=0)
    nucleic_tests.record_test(db, a, days_ago(0), "阴性")
    nucleic_tests.record_test(db, b, days_ago(0), "待出")
    nucleic_tests.record_test(db, c, days_ago(0), "未检")
    nucleic_tests.record_test(db, c, days_ago(3), "待出")  # an older one still out
    counts = nucleic_tests.counts(db, days_ago(0))
    assert (counts.due, counts.sampled, counts.pending, counts.positive) == (4, 2, 2, 0)
    assert counts.not_sampled == 2


def test_one_result_per_person_and_day_later_results_update(db: Database) -> None:
    case = register(db, "甲", started_days_ago=3)
    first = nucleic_tests.record_test(db, case, days_ago(0), "待出", lab="县疾控")
    assert first.status == "new"
    again = nucleic_tests.record_test(db, case, days_ago(0), "待出")
    assert again.status == "unchanged" and again.test.id == first.test.id
    final = nucleic_tests.record_test(db, case, days_ago(0), "阴")
    assert final.status == "updated" and final.test.result is TestResult.NEGATIVE
    assert final.test.lab == "县疾控"  # what the new save did not say is kept
    [saved] = nucleic_tests.due_tests(db, days_ago(0))
    assert saved.result == "阴性"


def test_bad_results_and_dates_are_refused(db: Database) -> None:
    case = register(db, "甲", started_days_ago=3)
    with pytest.raises(ServiceError, match="不认识的检测结果「弱阳」"):
        nucleic_tests.record_test(db, case, days_ago(0), "弱阳")
    with pytest.raises(ServiceError, match="晚于今天"):
        nucleic_tests.record_test(db, case, days_ago(-1), "阴性")
    with pytest.raises(ServiceError, match="早于采样日期"):
        nucleic_tests.record_test(db, case, days_ago(0), "阴性", tested_on=days_ago(1))


def test_a_positive_opens_one_anomaly_at_once_and_marks_the_person(db: Database) -> None:
    case = register(db, "甲", started_days_ago=3)
    saved = nucleic_tests.record_test(db, case, days_ago(1), "阳性", lab="县疾控")
    assert saved.anomaly_id is not None
    [anomaly] = rounds.anomalies(db, open_only=True)
    assert (anomaly.kind, anomaly.person_name, anomaly.case_id) == ("核酸阳性", "甲", case)
    assert "县疾控" in anomaly.observation
    person_id = saved.test.person_id
    assert nucleic_tests.positive_people(db) == {person_id}
    assert nucleic_tests.counts(db, days_ago(0)).positive == 1
    retest = nucleic_tests.record_test(db, case, days_ago(0), "阳性")
    assert retest.anomaly_id == saved.anomaly_id  # no second alarm while the first is open
    rounds.close_anomaly(db, saved.anomaly_id, "已转运至定点医院")
    assert nucleic_tests.positive_people(db) == set()
    assert nucleic_tests.counts(db, days_ago(0)).positive == 0


def test_day_one_from_the_next_day_shifts_the_due_days(db: Database) -> None:
    reference.write_setting(db, Settings.DAY_ONE_IS_START, False)
    register(db, "甲", started_days_ago=1)  # the day after the start is 第1天
    assert [(d.name, d.reason) for d in nucleic_tests.due_tests(db, days_ago(0))] == [
        ("甲", "第1天")
    ]


def test_no_test_is_due_after_the_period(db: Database) -> None:
    nucleic_schedule.set_measure_days(db, "居家隔离医学观察", "1,4,7,10")
    register(db, "甲", started_days_ago=9)  # 7-day period: 第10天 is past its end
    assert nucleic_tests.due_tests(db, days_ago(0)) == []
    assert HOME == 1


def test_today_shows_the_tests_the_positive_first_and_why_a_release_waits(db: Database) -> None:
    from datetime import datetime, time

    from app.services import today

    feverish = register(db, "发热者", started_days_ago=2)
    rounds.record_reading(db, feverish, days_ago(0), rounds.Slot.AM, "38.0")
    positive = register(db, "甲", started_days_ago=3)
    nucleic_tests.record_test(db, positive, days_ago(0), "阳性")
    waiting = register(db, "乙", started_days_ago=7)
    result = today.overview(db, datetime.combine(days_ago(0), time(10)))
    assert result.tests is not None
    assert (result.tests.due, result.tests.sampled, result.tests.positive) == (1, 1, 1)
    assert [a.kind for a in result.anomalies] == ["核酸阳性", "发热"]
    assert [a.person_name for a in result.positives] == ["甲"]
    assert [c.id for c in result.due_for_release] == [waiting]
    assert result.release_blockers[waiting].startswith(f"最后一天（{md(days_ago(1))}）没有体温")


def test_latest_test_and_the_positive_mark_per_person(db: Database) -> None:
    negative = register(db, "甲", started_days_ago=6, id_number=IDS[0])
    positive = register(db, "乙", started_days_ago=6, id_number=IDS[1])
    untested_case = register(db, "丙", started_days_ago=6, id_number=IDS[2])
    nucleic_tests.record_test(db, negative, days_ago(6), "阴性")
    nucleic_tests.record_test(db, negative, days_ago(3), "待出")
    nucleic_tests.record_test(db, positive, days_ago(6), "阴性")
    alarm = nucleic_tests.record_test(db, positive, days_ago(3), "阳性").anomaly_id
    people = [roster.case_row(db, c).person_id for c in (negative, positive, untested_case)]
    negative_person, positive_person, untested = people

    latest = nucleic_tests.latest_tests(db, people)
    assert set(latest) == {negative_person, positive_person}  # 丙 has no test
    assert (latest[negative_person].result, latest[negative_person].sample_date) == (
        TestResult.PENDING,
        days_ago(3),
    )
    assert not latest[negative_person].marked
    assert latest[positive_person].result is TestResult.POSITIVE
    assert latest[positive_person].positive_on == days_ago(3)
    assert untested not in latest

    # A later 阴性 is the latest result, but the 阳性 stays marked until it is handled …
    nucleic_tests.record_test(db, positive, days_ago(1), "阴性")
    again = nucleic_tests.latest_tests(db, [positive_person])[positive_person]
    assert (again.result, again.positive_on) == (TestResult.NEGATIVE, days_ago(3))
    # … as Today's banner does: closing the anomaly (转运) takes the mark off.
    assert alarm is not None
    rounds.close_anomaly(db, alarm, "已转运至定点医院")
    assert not nucleic_tests.latest_tests(db, [positive_person])[positive_person].marked
    assert nucleic_tests.positive_people(db) == set()


def test_the_schedule_of_a_case_says_what_is_done_missed_and_due(db: Database) -> None:
    case = register(db, "甲", started_days_ago=3)  # 第4天 today; due 第1、4、7天
    assert [(t.number, t.state) for t in nucleic_tests.scheduled_tests(db, case)] == [
        (1, "漏检"),
        (4, "今日应检"),
        (7, "待检"),
    ]
    nucleic_tests.record_test(db, case, days_ago(2), "阴性")  # a day late: counts for 第1天
    nucleic_tests.record_test(db, case, days_ago(0), "待出")
    tests = nucleic_tests.scheduled_tests(db, case)
    assert [(t.number, t.due_on, t.state) for t in tests] == [
        (1, days_ago(3), "阴性"),
        (4, days_ago(0), "结果未出"),
        (7, days_ago(-3), "待检"),
    ]
    assert not any(t.overdue for t in tests)
