"""人员台账: registering, changing, ending, deleting and finding cases — as a clerk does it."""

from __future__ import annotations

from datetime import date

import pytest

from app.config import Settings
from app.db import Database
from app.models.validation import ValidationError
from app.services import reference, roster
from app.services.errors import Conflict, NotFound
from app.services.roster import CaseInput, PersonInput, RosterFilter

TODAY = date(2022, 2, 10)
HOME, MONITOR, CENTRAL, REGISTER_ONLY = 1, 2, 3, 4  # measures seeded by migration 0001
CLOSE_CONTACT, RETURNEE = 1, 3  # categories
RELEASED, MEDICAL = 1, 3  # end reasons
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(first17: str) -> str:
    """A valid 18-digit ID: the 17 given digits plus their check digit (GB 11643)."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


ZHANG_SAN = resident_id("33030219800101001")  # male (odd 17th digit), born 1980-01-01
LI_SI = resident_id("33030219920315002")  # female, born 1992-03-15


def register(
    db: Database,
    name: str,
    id_number: str | None = None,
    *,
    group: str | None = "一组",
    phone: str | None = None,
    start: date = date(2022, 2, 5),
    measure: int = HOME,
    category: int = CLOSE_CONTACT,
) -> roster.CaseRow:
    return roster.register_case(
        db,
        PersonInput(name=name, id_number=id_number, group_name=group, phone=phone),
        CaseInput(category_id=category, measure_id=measure, start_date=start, registered_on=start),
        today=TODAY,
    )


def names(db: Database, flt: RosterFilter) -> list[str]:
    return [row.name for row in roster.roster_rows(db, roster.roster_ids(db, flt))]


# --- registering --------------------------------------------------------------------------------


def test_register_fills_birth_date_sex_and_planned_end(db: Database) -> None:
    row = register(db, "张三", ZHANG_SAN.lower(), phone="138 0013 8000", start=date(2022, 2, 5))

    assert row.status == "在管"
    assert (row.name, row.sex, row.id_number) == ("张三", "男", ZHANG_SAN)
    assert row.phone == "13800138000"
    assert row.measure == "居家隔离医学观察"
    assert row.category == "密切接触者"
    assert row.planned_end == date(2022, 2, 12)  # 7 days, day 1 is the start day
    person = roster.person_info(db, row.person_id)
    assert person.birth_date == date(1980, 1, 1)


def test_clean_person_reads_birth_date_and_sex_from_the_id() -> None:
    clean = roster.clean_person(PersonInput(name=" 李四 ", id_number=LI_SI), today=TODAY)
    assert (clean.name, clean.sex, clean.birth_date) == ("李四", "女", date(1992, 3, 15))


def test_clean_person_keeps_typed_sex_and_birth_for_other_documents() -> None:
    clean = roster.clean_person(
        PersonInput(
            name="Anna", id_type="护照", id_number="e1234567", sex="女", birth_date=date(1990, 1, 2)
        )
    )
    assert (clean.id_number, clean.sex, clean.birth_date) == ("E1234567", "女", date(1990, 1, 2))


@pytest.mark.parametrize(
    ("person", "field", "words"),
    [
        (PersonInput(name="  "), "姓名", "不能为空"),
        (PersonInput(name="王五", id_number=ZHANG_SAN[:-1] + "0"), "身份证号", "校验位不对"),
        (PersonInput(name="王五", phone="12345"), "联系电话", "不是有效的电话号码"),
    ],
    ids=["no name", "bad check digit", "bad phone"],
)
def test_invalid_person_is_refused_with_a_chinese_message(
    db: Database, person: PersonInput, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        roster.register_case(
            db, person, CaseInput(CLOSE_CONTACT, HOME, date(2022, 2, 5)), today=TODAY
        )
    assert refused.value.field == field
    assert words in str(refused.value)
    assert str(refused.value).startswith(f"{field}：")
    assert roster.roster_ids(db, RosterFilter(status="all")) == []


def test_start_date_in_the_future_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="开始日期：开始日期不能晚于今天"):
        register(db, "王五", start=date(2022, 2, 11))


def test_known_id_is_a_conflict_naming_the_person_already_registered(db: Database) -> None:
    register(db, "张三", ZHANG_SAN, group="二组")

    with pytest.raises(Conflict) as refused:
        register(db, "张叁", ZHANG_SAN)

    assert str(refused.value) == (
        f"身份证号 {ZHANG_SAN} 已登记为「张三」（二组）。请选择使用已有人员。"
    )
    assert len(roster.roster_ids(db, RosterFilter(status="all"))) == 1


def test_second_open_case_for_the_same_person_is_a_conflict(db: Database) -> None:
    first = register(db, "张三", ZHANG_SAN)
    with pytest.raises(Conflict, match="目前已在管，无需重复登记"):
        roster.register_case(
            db,
            PersonInput(name="张三", id_number=ZHANG_SAN),
            CaseInput(RETURNEE, MONITOR, date(2022, 2, 6)),
            existing_person_id=first.person_id,
            today=TODAY,
        )


def test_ended_person_can_be_registered_again_as_the_same_person(db: Database) -> None:
    first = register(db, "张三", ZHANG_SAN, start=date(2022, 1, 20))
    roster.end_case(db, first.id, date(2022, 1, 27), RELEASED)

    second = roster.register_case(
        db,
        PersonInput(name="张三", id_number=ZHANG_SAN, group_name="一组"),
        CaseInput(RETURNEE, MONITOR, date(2022, 2, 8)),
        existing_person_id=first.person_id,
        today=TODAY,
    )

    assert second.person_id == first.person_id
    assert [c.status for c in roster.cases_of_person(db, first.person_id)] == ["期满解除", "在管"]


def test_planned_end_for_both_day_one_settings() -> None:
    start = date(2022, 2, 1)
    assert roster.planned_end_for(start, 7, day_one_is_start=True) == date(2022, 2, 8)
    assert roster.planned_end_for(start, 7, day_one_is_start=False) == date(2022, 2, 9)
    assert roster.planned_end_for(start, 0, day_one_is_start=True) is None


def test_registering_follows_the_day_one_setting(db: Database) -> None:
    reference.write_setting(db, Settings.DAY_ONE_IS_START, False)
    row = register(db, "王五", start=date(2022, 2, 1))
    assert row.planned_end == date(2022, 2, 9)
    assert register(db, "赵六", measure=REGISTER_ONLY).planned_end is None


# --- changing, ending, deleting -----------------------------------------------------------------


def test_update_person_changes_name_and_search_key(db: Database) -> None:
    row = register(db, "张三", ZHANG_SAN)
    roster.update_person(db, row.person_id, PersonInput(name="李四", id_number=ZHANG_SAN))
    assert names(db, RosterFilter(text="ls", on=TODAY)) == ["李四"]
    assert names(db, RosterFilter(text="zs", on=TODAY)) == []


def test_update_person_to_someone_elses_id_is_a_conflict(db: Database) -> None:
    register(db, "张三", ZHANG_SAN)
    li = register(db, "李四", LI_SI)
    with pytest.raises(Conflict, match="已属于「张三」"):
        roster.update_person(db, li.person_id, PersonInput(name="李四", id_number=ZHANG_SAN))


def test_end_and_reopen_a_case(db: Database) -> None:
    row = register(db, "张三", start=date(2022, 2, 1))

    ended = roster.end_case(db, row.id, date(2022, 2, 8), RELEASED)
    assert (ended.status, ended.ended_on) == ("期满解除", date(2022, 2, 8))
    with pytest.raises(Conflict, match="已于 2022-02-08 结束"):
        roster.end_case(db, row.id, date(2022, 2, 9), RELEASED)

    assert roster.reopen_case(db, row.id).status == "在管"


def test_ending_before_the_start_is_refused(db: Database) -> None:
    row = register(db, "张三", start=date(2022, 2, 5))
    with pytest.raises(ValidationError, match="结束日期：2022-02-04 早于开始日期"):
        roster.end_case(db, row.id, date(2022, 2, 4), MEDICAL)


def test_reopening_when_the_person_has_a_newer_open_case_is_a_conflict(db: Database) -> None:
    first = register(db, "张三", ZHANG_SAN, start=date(2022, 1, 20))
    roster.end_case(db, first.id, date(2022, 1, 27), RELEASED)
    roster.register_case(
        db,
        PersonInput(name="张三", id_number=ZHANG_SAN),
        CaseInput(RETURNEE, MONITOR, date(2022, 2, 8)),
        existing_person_id=first.person_id,
        today=TODAY,
    )
    with pytest.raises(Conflict, match="已有一条在管记录"):
        roster.reopen_case(db, first.id)


def test_delete_is_soft_and_restore_brings_the_case_back(db: Database) -> None:
    row = register(db, "张三", ZHANG_SAN)
    register(db, "李四", LI_SI)

    roster.delete_case(db, row.id)

    assert names(db, RosterFilter(status="all")) == ["李四"]
    assert names(db, RosterFilter(status="deleted")) == ["张三"]
    assert roster.case_row(db, row.id).status == "已删除"
    with pytest.raises(NotFound):
        roster.end_case(db, row.id, date(2022, 2, 8), RELEASED)

    restored = roster.restore_case(db, row.id)
    assert restored.status == "在管"
    assert names(db, RosterFilter(status="all")) == ["李四", "张三"]  # same group: by pinyin


# --- finding ------------------------------------------------------------------------------------


@pytest.fixture
def village(db: Database) -> Database:
    register(db, "张三", ZHANG_SAN, group="十组", phone="13800138000")
    register(db, "李四", LI_SI, group="二组", measure=MONITOR, category=RETURNEE)
    register(db, "王五", group="一组", start=date(2022, 2, 9))
    ended = register(db, "赵六", group="一组", start=date(2022, 1, 20))
    roster.end_case(db, ended.id, date(2022, 1, 27), RELEASED)
    return db


def test_roster_is_in_natural_group_order(village: Database) -> None:
    assert names(village, RosterFilter(status="all")) == ["王五", "赵六", "李四", "张三"]
    assert roster.group_names(village) == ["一组", "二组", "十组"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (RosterFilter(status="active", on=TODAY), ["王五", "李四", "张三"]),
        (RosterFilter(status="active", on=date(2022, 2, 6)), ["李四", "张三"]),  # 王五 not yet
        (RosterFilter(status="ended", on=TODAY), ["赵六"]),
        (RosterFilter(status="all", group_name="一组"), ["王五", "赵六"]),
        (RosterFilter(status="all", measure_id=MONITOR), ["李四"]),
        (RosterFilter(status="all", category_id=RETURNEE), ["李四"]),
        (RosterFilter(status="all", text="zs"), ["张三"]),
        (RosterFilter(status="all", text="ZhangSan"), ["张三"]),
        (RosterFilter(status="all", text="张"), ["张三"]),
        (RosterFilter(status="all", text=LI_SI[6:14]), ["李四"]),  # part of the ID
        (RosterFilter(status="all", text="0013800"), ["张三"]),  # part of the phone
        (RosterFilter(status="all", text="%"), []),  # typed characters are not wildcards
        (RosterFilter(status="all", text="_"), []),
    ],
)
def test_roster_filters(village: Database, flt: RosterFilter, expected: list[str]) -> None:
    assert names(village, flt) == expected


def test_roster_rows_come_back_in_the_order_asked(village: Database) -> None:
    ids = roster.roster_ids(village, RosterFilter(status="all"))
    assert [r.id for r in roster.roster_rows(village, list(reversed(ids)))] == list(reversed(ids))
    assert roster.roster_rows(village, []) == []


def test_due_for_release_lists_open_cases_past_their_planned_end(village: Database) -> None:
    # 李四: 居家健康监测, 3 days from 02-05 → 02-08; 张三: 7 days → 02-12; 赵六 already ended.
    assert [r.name for r in roster.due_for_release(village, date(2022, 2, 7))] == []
    assert [r.name for r in roster.due_for_release(village, date(2022, 2, 8))] == ["李四"]
    assert [r.name for r in roster.due_for_release(village, date(2022, 2, 12))] == ["李四", "张三"]
