"""What each printed paper says: person, period, rules, 包保 team, unit, seal place, date — and the
clerk's own wording, checked before it is saved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import clock
from app.db import Database
from app.services import notice_templates, notices
from app.services.errors import Conflict, NotFound
from app.services.notice_templates import NoticeKind, TemplateError
from app.services.notices import TeamLine, chinese_date
from tests.services.notice_household import (
    LI_ID,
    UNIT,
    ZHANG_ID,
    build_household,
    release,
)


def _text(notice: notices.Notice) -> str:
    return "\n".join([notice.title, *notice.paragraphs])


def test_admission_notice_names_the_person_period_rules_team_and_unit(db: Database) -> None:
    house = build_household(db)
    notice = notices.notice_for_id_number(db, NoticeKind.ADMISSION, ZHANG_ID)
    assert notice.title == "居家隔离医学观察告知书"
    assert notice.paragraphs[0] == f"张三（证件号码：{ZHANG_ID}）："
    text = _text(notice)
    end = house.start + timedelta(days=6)  # 居家隔离医学观察: 7 days, day 1 the start
    assert f"自{chinese_date(house.start)}起至{chinese_date(end)}止" in text
    assert "共7天" in text
    for rule in ("不外出、不串门", "早、晚各测量一次体温", "配合核酸检测"):
        assert rule in text
    assert notice.team == (
        TeamLine("医护人员", "王芳", "13912345601"),
        TeamLine("村干部", "李强", "13912345602"),
        TeamLine("乡镇干部", "赵敏", "13912345603"),
    )
    assert notice.unit_name == UNIT
    assert notice.seal_label == "（盖章）"
    assert notice.date_line == chinese_date(clock.today())


def test_a_role_nobody_holds_is_a_blank_line_to_fill_in_by_hand(db: Database) -> None:
    build_household(db)
    notice = notices.notice_for_id_number(db, NoticeKind.DOOR, LI_ID)
    assert notice.team[-1] == TeamLine("乡镇干部", "", "")
    assert notice.title == "居家隔离 请勿打扰"
    assert "居家隔离人员：李四" in notice.paragraphs


def test_door_signs_of_a_day_are_the_home_isolation_cases_that_started_then(
    db: Database,
) -> None:
    house = build_household(db)
    signs = notices.door_signs_started_on(db, house.start)
    # 王五 is only monitored (no sign); 一组 before 二组.
    assert [s.person_name for s in signs] == ["李四", "张三"]
    assert all(s.kind is NoticeKind.DOOR for s in signs)
    assert notices.door_signs_started_on(db, house.start - timedelta(days=1)) == []


def test_release_notice_carries_the_release_date(db: Database) -> None:
    house = build_household(db)
    released_on = clock.today() - timedelta(days=1)
    release(db, house.zhang, released_on)
    notice = notices.notice_for_case(db, NoticeKind.RELEASE, house.zhang)
    assert notice.title == "解除隔离通知书"
    assert f"自{chinese_date(released_on)}起解除居家隔离医学观察" in _text(notice)
    assert notice.issued_on == released_on
    # The team that held the case on its last day, not nobody.
    assert [m.name for m in notice.team] == ["王芳", "李强", "赵敏"]


def test_no_release_notice_for_a_case_still_open_or_transferred(db: Database) -> None:
    house = build_household(db)
    with pytest.raises(Conflict, match="「张三」尚未解除隔离"):
        notices.notice_for_id_number(db, NoticeKind.RELEASE, ZHANG_ID)
    release(db, house.li, clock.today(), reason="转集中隔离")
    with pytest.raises(Conflict, match="以「转集中隔离」结束，不是解除隔离"):
        notices.notice_for_case(db, NoticeKind.RELEASE, house.li)


def test_an_unknown_id_number_is_one_clear_sentence(db: Database) -> None:
    build_household(db)
    with pytest.raises(NotFound, match="找不到证件号码为 110105194912310000 的人员"):
        notices.notice_for_id_number(db, NoticeKind.ADMISSION, "110105194912310000")


def test_a_lower_case_x_finds_the_person(db: Database) -> None:
    build_household(db)
    notice = notices.notice_for_id_number(db, NoticeKind.ADMISSION, ZHANG_ID.lower())
    assert notice.person_name == "张三"


def test_the_clerks_wording_is_used_once_saved(db: Database) -> None:
    build_household(db)
    body = "{姓名}：请于{结束日期}前留在家中。\n联系：{单位}（{单位电话}） {{盖章}}"
    saved = notice_templates.save_template(
        db, NoticeKind.ADMISSION, f"居家观察告知单\r\n\r\n{body}"
    )
    assert saved == f"居家观察告知单\n{body}"  # Windows line ends and blank lines gone
    notice = notices.notice_for_id_number(db, NoticeKind.ADMISSION, ZHANG_ID)
    assert notice.title == "居家观察告知单"
    assert notice.paragraphs[1] == f"联系：{UNIT}（0571-1234567） {{盖章}}"
    notice_templates.save_template(db, NoticeKind.ADMISSION, NoticeKind.ADMISSION.spec.default)
    assert notice_templates.template(db, NoticeKind.ADMISSION).startswith("居家隔离医学观察告知书")


@pytest.mark.parametrize(
    ("wording", "problem"),
    [
        ("告知书\n{姓名}于{开始时间}起", "正文第 1 行：不认识的占位符 {开始时间}"),
        ("告知书\n{姓名:>10}", "正文第 1 行：不认识的占位符 {姓名:>10}"),
        ("告知书\n\n请于 {结束日期 前", "正文第 2 行：大括号不成对"),
        ("{单位}告知书\r\n{}", "正文第 1 行：不认识的占位符 {}"),
        ("{姓名告知书\n", "标题：大括号不成对"),
        ("\n\n", "标题不能为空"),
    ],
)
def test_a_template_that_cannot_be_filled_is_refused_and_nothing_saved(
    db: Database, wording: str, problem: str
) -> None:
    with pytest.raises(TemplateError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        notice_templates.save_template(db, NoticeKind.DOOR, wording)
    assert notice_templates.template(db, NoticeKind.DOOR) == NoticeKind.DOOR.spec.default


def test_every_default_template_fills() -> None:
    for kind in NoticeKind:
        assert notice_templates.template_problem(kind.spec.default) is None
