"""解除 that follows the rules: the period over, normal last readings, scheduled tests negative."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import Slot
from app.services import nucleic_tests, release, roster, rounds
from app.services.errors import ServiceError
from tests.services.nucleic_village import days_ago, md, register


def _complete(db: Database, case_id: int, *, last_celsius: str = "36.5") -> None:
    """A 7-day isolation started 7 days ago: tests on 第1、4、7天 and the last day's readings."""
    for started in (7, 4, 1):
        nucleic_tests.record_test(db, case_id, days_ago(started), "阴性")
    rounds.record_reading(db, case_id, days_ago(1), Slot.AM, "36.4")
    rounds.record_reading(db, case_id, days_ago(1), Slot.PM, last_celsius)


def test_a_case_with_everything_in_is_released(db: Database) -> None:
    case = register(db, "甲", started_days_ago=7)
    _complete(db, case)
    check = release.release_checks(db, days_ago(0), [case])[0]
    assert check.ready and check.summary == "可以解除"
    released = release.release_case(db, case)
    assert (released.ended_on, released.end_reason) == (days_ago(0), "期满解除")


def test_every_missing_piece_is_named(db: Database) -> None:
    case = register(db, "甲", started_days_ago=5)
    nucleic_tests.record_test(db, case, days_ago(5), "阴性")
    nucleic_tests.record_test(db, case, days_ago(2), "待出")
    check = release.release_checks(db, days_ago(0), [case])[0]
    assert not check.ready
    assert check.reasons == (
        f"观察期未满（{days_ago(-2):%Y-%m-%d} 期满）",
        f"最后一天（{md(days_ago(1))}）没有体温记录",
        f"第4天（{md(days_ago(2))}）核酸结果未出",
        f"第7天（{md(days_ago(-1))}）核酸未检测",
    )
    with pytest.raises(ServiceError, match="「甲」还不能解除：观察期未满"):
        release.release_case(db, case)
    assert roster.case_row(db, case).ended_on is None


def test_a_fever_in_the_last_readings_blocks_release(db: Database) -> None:
    case = register(db, "甲", started_days_ago=7)
    _complete(db, case, last_celsius="37.6")
    reasons = release.release_checks(db, days_ago(0), [case])[0].reasons
    assert f"{md(days_ago(1))}下午体温 37.6 ℃" in reasons
    assert "有未处置的异常（发热）" in reasons


def test_a_late_sample_counts_for_its_day_and_a_positive_blocks(db: Database) -> None:
    case = register(db, "甲", started_days_ago=7)
    nucleic_tests.record_test(db, case, days_ago(6), "阴性")  # 第1天's test, a day late
    nucleic_tests.record_test(db, case, days_ago(4), "阴性")
    nucleic_tests.record_test(db, case, days_ago(1), "阳性")
    rounds.record_reading(db, case, days_ago(1), Slot.AM, "36.4")
    reasons = release.release_checks(db, days_ago(0), [case])[0].reasons
    assert reasons == (
        f"第7天（{md(days_ago(1))}）核酸阳性",
        "有未处置的异常（核酸阳性）",
    )


def test_release_checks_list_the_cases_whose_period_is_over(db: Database) -> None:
    ready = register(db, "甲", started_days_ago=7)
    _complete(db, ready)
    waiting = register(db, "乙", started_days_ago=8)
    register(db, "丙", started_days_ago=2)
    checks = {c.case_id: c for c in release.release_checks(db, days_ago(0))}
    assert set(checks) == {ready, waiting}
    assert checks[ready].ready and not checks[waiting].ready
    assert "第1天" in checks[waiting].summary
