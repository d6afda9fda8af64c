"""Reference lists, policy settings, the statistical day and the 填报单位 profile."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db import Database
from app.models import Setting
from app.services import reference
from app.services.access import Role, act_as, actor
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError
from app.services.reference import UnitInfo

MEDICAL, VILLAGE, TOWNSHIP, POLICE = 1, 2, 3, 4


def test_settings_start_at_their_defaults(db: Database) -> None:
    values = reference.all_settings(db)
    assert values["stat_cutoff"] == time(0, 0)
    assert values["fever_threshold"] == 37.3
    assert values["day_one_is_start"] is True
    assert reference.read_setting(db, Settings.DEFAULT_MEASURE) == "居家隔离医学观察"


@pytest.mark.parametrize(("value", "stored"), [(time(0, 0), "24:00"), (time(15, 0), "15:00")])
def test_stat_cutoff_round_trips(db: Database, value: time, stored: str) -> None:
    reference.write_setting(db, Settings.STAT_CUTOFF, value)
    assert reference.read_setting(db, Settings.STAT_CUTOFF) == value
    with db.reading() as session:
        assert session.scalar(select(Setting.value).where(Setting.key == "stat_cutoff")) == stored


def test_writing_a_setting_twice_keeps_one_row(db: Database) -> None:
    reference.write_setting(db, Settings.FEVER_THRESHOLD, 37.5)
    reference.write_setting(db, Settings.FEVER_THRESHOLD, 37.2)
    assert reference.read_setting(db, Settings.FEVER_THRESHOLD) == 37.2
    with db.reading() as session:
        assert len(session.scalars(select(Setting)).all()) == 1


def test_a_clerk_may_not_change_settings(db: Database) -> None:
    act_as(db, replace(actor(db), role=Role.CLERK))
    with pytest.raises(PermissionDenied, match="无权修改设置"):
        reference.write_setting(db, Settings.FEVER_THRESHOLD, 38.0)
    assert reference.read_setting(db, Settings.FEVER_THRESHOLD) == 37.3


@pytest.mark.parametrize(
    ("moment", "cutoff", "day"),
    [
        (datetime(2022, 2, 3, 23, 59), time(0, 0), date(2022, 2, 3)),
        (datetime(2022, 2, 3, 0, 0), time(0, 0), date(2022, 2, 3)),
        (datetime(2022, 2, 3, 14, 59), time(15, 0), date(2022, 2, 3)),
        (datetime(2022, 2, 3, 15, 0), time(15, 0), date(2022, 2, 4)),
        (datetime(2022, 2, 3, 16, 0), time(15, 0), date(2022, 2, 4)),
    ],
)
def test_statistical_day(moment: datetime, cutoff: time, day: date) -> None:
    assert reference.statistical_day(moment, cutoff) == day


def test_day_window_matches_statistical_day() -> None:
    assert reference.day_window(date(2022, 2, 4), time(0, 0)) == (
        datetime(2022, 2, 4, 0, 0),
        datetime(2022, 2, 5, 0, 0),
    )
    start, end = reference.day_window(date(2022, 2, 4), time(15, 0))
    assert (start, end) == (datetime(2022, 2, 3, 15, 0), datetime(2022, 2, 4, 15, 0))
    assert reference.statistical_day(start, time(15, 0)) == date(2022, 2, 4)
    assert reference.statistical_day(end, time(15, 0)) == date(2022, 2, 5)


def test_seeded_measures_carry_their_required_roles(db: Database) -> None:
    by_name = {m.name: m for m in reference.measures(db)}
    assert list(by_name) == ["居家隔离医学观察", "居家健康监测", "集中隔离医学观察", "仅登记"]
    home = by_name["居家隔离医学观察"]
    assert (home.default_days, home.needs_readings) == (7, True)
    assert home.required_role_names == ("医护人员", "村干部", "乡镇干部")
    assert by_name["集中隔离医学观察"].required_role_ids == ()
    assert [r.name for r in reference.staff_roles(db)][:3] == ["医护人员", "村干部", "乡镇干部"]
    assert [r.kind for r in reference.end_reasons(db)][:3] == ["release", "transfer", "medical"]
    assert reference.categories(db)[0].name == "密切接触者"


def test_save_measure_changes_length_and_required_roles(db: Database) -> None:
    # 五包一: add the police officer to the home-quarantine team.
    saved = reference.save_measure(
        db, "居家隔离医学观察", default_days=14, needs_readings=True,
        required_role_ids=[MEDICAL, VILLAGE, TOWNSHIP, POLICE], measure_id=1,
    )  # fmt: skip
    assert saved.required_role_names == ("医护人员", "村干部", "乡镇干部", "民警")
    assert reference.measures(db)[0].default_days == 14


def test_save_measure_adds_a_new_measure_and_refuses_bad_input(db: Database) -> None:
    added = reference.save_measure(
        db, " 居家观察（简化） ", default_days=5, needs_readings=True, required_role_ids=[MEDICAL]
    )
    assert added.name == "居家观察（简化）"
    assert added.name in [m.name for m in reference.measures(db)]
    with pytest.raises(ServiceError, match="默认天数应在 0–60 天之间"):
        reference.save_measure(
            db, "太长", default_days=61, needs_readings=True, required_role_ids=[]
        )
    with pytest.raises(ServiceError, match="管控措施名称不能为空"):
        reference.save_measure(db, " ", default_days=7, needs_readings=True, required_role_ids=[])
    with pytest.raises(NotFound, match="找不到要求的包保角色"):
        reference.save_measure(
            db, "新措施", default_days=7, needs_readings=True, required_role_ids=[99]
        )
    with pytest.raises(Conflict, match="已有管控措施「居家健康监测」"):
        reference.save_measure(
            db, "居家健康监测", default_days=7, needs_readings=True, required_role_ids=[]
        )


def test_unit_profile_round_trips_and_needs_a_unit_name(db: Database) -> None:
    assert reference.unit_profile(db) == UnitInfo()
    saved = reference.save_unit_profile(
        db, UnitInfo(" 东风村 ", "红星镇", "李文书", "13857700001", "王书记")
    )
    assert saved == UnitInfo("东风村", "红星镇", "李文书", "13857700001", "王书记")
    assert reference.unit_profile(db) == saved
    with pytest.raises(ServiceError, match="填报单位不能为空"):
        reference.save_unit_profile(db, UnitInfo(unit_name=" "))
    assert reference.unit_profile(db) == saved
