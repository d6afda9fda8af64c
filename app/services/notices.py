"""The papers a clerk prints for a household — 居家隔离医学观察告知书, 门贴, 解除隔离通知书.

This module decides what each paper says (a plain ``Notice``: title, paragraphs, the 包保 team,
the unit and the place for its seal); ``app.ui.printing`` lays it out on A4. The wording comes
from the clerk's templates (``notice_templates``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app import clock
from app.config import Settings
from app.db import Database
from app.models import Case, EndReason, Measure, Person
from app.models.reference import EndKind
from app.services import assignments, reference, roster
from app.services.access import Permission, require
from app.services.errors import Conflict, NotFound, ServiceError
from app.services.notice_templates import NoticeKind, fill, template
from app.services.reference import UnitInfo
from app.services.roster import CaseRow

SEAL_LABEL = "（盖章）"
#: What a date not known yet prints as: room to write it by hand.
BLANK_DATE = "　　年　　月　　日"
#: Door signs go on the doors of people isolated at home (not those only monitored).
HOME_ISOLATION_PREFIX = "居家隔离"


@dataclass(frozen=True)
class TeamLine:
    """One member of the 包保 team as printed; name and phone empty: a role nobody holds yet,
    left blank to be written in by hand."""

    role: str
    name: str
    phone: str


@dataclass(frozen=True)
class Notice:
    """One printed paper, ready to be laid out."""

    kind: NoticeKind
    title: str
    paragraphs: tuple[str, ...]
    team: tuple[TeamLine, ...]
    unit_name: str
    issued_on: date
    person_name: str
    seal_label: str = SEAL_LABEL

    @property
    def date_line(self) -> str:
        return chinese_date(self.issued_on)


def chinese_date(day: date) -> str:
    """2022年3月1日 — how dates are written on a notice."""
    return f"{day.year}年{day.month}月{day.day}日"


def notice_for_case(db: Database, kind: NoticeKind, case_id: int) -> Notice:
    """The paper ``kind`` for one case (the roster's print actions, the release action)."""
    require(db, Permission.EXPORT)
    row = roster.case_row(db, case_id)
    if row.deleted:
        raise NotFound("这条登记记录已删除。")
    if kind is NoticeKind.RELEASE:
        _check_released(db, row)
    return _build(db, kind, row, template(db, kind), reference.unit_profile(db))


def notice_for_id_number(db: Database, kind: NoticeKind, id_number: str) -> Notice:
    """The paper for the person with this ID number: their latest case (``notice`` command)."""
    wanted = id_number.strip().upper()
    if not wanted:
        raise ServiceError("请写出证件号码。")
    query = (
        select(Case.id)
        .join(Person, Person.id == Case.person_id)
        .where(Person.id_number == wanted, Person.deleted_at.is_(None), Case.deleted_at.is_(None))
        .order_by(Case.start_date.desc(), Case.id.desc())
    )
    with db.reading() as session:
        case_id = session.scalars(query).first()
    if case_id is None:
        raise NotFound(f"找不到证件号码为 {wanted} 的人员（或其登记记录已删除）。")
    return notice_for_case(db, kind, case_id)


def door_signs_started_on(db: Database, day: date) -> list[Notice]:
    """批量门贴: one door sign for every case under home isolation that started on ``day``,
    in roster order (村民小组, then name)."""
    require(db, Permission.EXPORT)
    query = (
        select(Case.id)
        .join(Measure, Measure.id == Case.measure_id)
        .join(Person, Person.id == Case.person_id)
        .where(
            Case.start_date == day,
            Case.deleted_at.is_(None),
            Measure.name.startswith(HOME_ISOLATION_PREFIX),
        )
        .order_by(Person.group_name.is_not(None), Person.group_name, Person.search_key, Case.id)
    )
    with db.reading() as session:
        case_ids = list(session.scalars(query))
    wording, unit = template(db, NoticeKind.DOOR), reference.unit_profile(db)
    rows = roster.roster_rows(db, case_ids)
    return [_build(db, NoticeKind.DOOR, row, wording, unit) for row in rows]


def sample_notice(kind: NoticeKind, wording: str, unit: UnitInfo) -> Notice:
    """The paper as an invented person's would look: Settings previews an edited template."""
    start = date(2022, 4, 1)
    values = {
        "姓名": "张三", "性别": "男", "证件号码": "110105194912310021",
        "联系电话": "13800000000", "住址": "一组 12 号", "村民小组": "一组",
        "人员类别": "密切接触者", "措施": "居家隔离医学观察",
        "开始日期": chinese_date(start), "结束日期": chinese_date(start + timedelta(days=6)),
        "天数": "7", "解除日期": chinese_date(start + timedelta(days=7)),
        **_unit_values(unit), "日期": chinese_date(start),
    }  # fmt: skip
    title, paragraphs = fill(wording, values)
    team = (
        TeamLine("医护人员", "王芳", "13900000001"),
        TeamLine("村干部", "李强", "13900000002"),
        TeamLine("乡镇干部", "赵敏", "13900000003"),
    )
    return Notice(kind, title, paragraphs, team, _unit_name(unit), start, "张三")


def _check_released(db: Database, row: CaseRow) -> None:
    if row.ended_on is None:
        raise Conflict(f"「{row.name}」尚未解除隔离，不能打印解除隔离通知书。")
    with db.reading() as session:
        kind = session.scalar(
            select(EndReason.kind)
            .join(Case, Case.end_reason_id == EndReason.id)
            .where(Case.id == row.id)
        )
    if kind != EndKind.RELEASE:
        raise Conflict(
            f"「{row.name}」的观察以「{row.end_reason}」结束，不是解除隔离，"
            "不能打印解除隔离通知书。"
        )


def _build(db: Database, kind: NoticeKind, row: CaseRow, wording: str, unit: UnitInfo) -> Notice:
    issued_on = row.ended_on if kind is NoticeKind.RELEASE and row.ended_on else clock.today()
    day_one_is_start = reference.read_setting(db, Settings.DAY_ONE_IS_START)
    values = {
        **_case_values(row, day_one_is_start),
        **_unit_values(unit),
        "日期": chinese_date(issued_on),
    }
    title, paragraphs = fill(wording, values)
    return Notice(
        kind=kind,
        title=title,
        paragraphs=paragraphs,
        team=_team(db, row),
        unit_name=_unit_name(unit),
        issued_on=issued_on,
        person_name=row.name,
    )


def _case_values(row: CaseRow, day_one_is_start: bool) -> dict[str, str]:
    # 计划解除日期 is the day after the last day of observation; the paper prints the last day.
    last_day = None if row.planned_end is None else row.planned_end - timedelta(days=1)
    days = ""
    if last_day is not None:  # the start day counts as day 1 only when the policy says so
        days = str((last_day - row.start_date).days + (1 if day_one_is_start else 0))
    return {
        "姓名": row.name,
        "性别": row.sex or "",
        "证件号码": row.id_number or "",
        "联系电话": row.phone or "",
        "住址": row.address or "",
        "村民小组": row.group_name or "",
        "人员类别": row.category,
        "措施": row.measure,
        "开始日期": chinese_date(row.start_date),
        "结束日期": BLANK_DATE if last_day is None else chinese_date(last_day),
        "天数": days,
        "解除日期": BLANK_DATE if row.ended_on is None else chinese_date(row.ended_on),
    }


def _unit_values(unit: UnitInfo) -> dict[str, str]:
    return {"单位": _unit_name(unit), "乡镇": unit.township, "单位电话": unit.phone}


def _unit_name(unit: UnitInfo) -> str:
    # An unset profile still leaves a line to write the unit in by hand, above the seal.
    return unit.unit_name or "＿＿＿＿＿＿＿＿"


def _team(db: Database, row: CaseRow) -> tuple[TeamLine, ...]:
    """The team on the paper's day (an ended case: its last day), and a blank line for every
    required role nobody holds, to be filled in by pen."""
    on = clock.today()
    if row.ended_on is not None:
        on = min(on, row.ended_on - timedelta(days=1))
    on = max(on, row.start_date)
    coverage = assignments.case_coverage(db, [row.id], on)[row.id]
    held = [TeamLine(m.role, m.name, m.phone or "") for m in coverage.team]
    return (*held, *(TeamLine(role, "", "") for role in coverage.missing_roles))


def save_document(target: Path, write: Callable[[Path], None]) -> None:
    """Write a printed paper's file (the PDF the printing layer draws) the way every export is
    written: through a scratch file beside ``target``, swapped in whole, nothing left on failure."""
    from app.excel.workbook import atomic_save  # openpyxl stays out of start-up (and out of here)

    atomic_save(target, write)
