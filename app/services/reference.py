"""Reference lists, policy settings and the 填报单位 profile."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings, SettingSpec
from app.db import Database
from app.models import Category, EndReason, Measure, Setting, StaffRole, UnitProfile
from app.services.access import Permission, require
from app.services.errors import Conflict, NotFound, ServiceError

T = TypeVar("T", int, float, str, bool, time)


@dataclass(frozen=True)
class MeasureInfo:
    id: int
    name: str
    default_days: int
    needs_readings: bool
    required_role_ids: tuple[int, ...]
    required_role_names: tuple[str, ...]
    active: bool = True


@dataclass(frozen=True)
class NamedItem:
    id: int
    name: str
    kind: str = ""  # end reasons: EndKind value
    active: bool = True  # categories can be switched off (停用) without losing old records


@dataclass(frozen=True)
class UnitInfo:
    """填报单位 profile printed on every export."""

    unit_name: str = ""
    township: str = ""
    reporter: str = ""
    phone: str = ""
    reviewer: str = ""


# --- settings -------------------------------------------------------------------------------------


def get_setting(session: Session, spec: SettingSpec[T]) -> T:
    row = session.get(Setting, spec.key)
    return setting_value(spec, None if row is None else row.value)


def setting_value(spec: SettingSpec[T], stored: str | None) -> T:
    """A setting from its stored text (``None``: never set, the default applies)."""
    return spec.default if stored is None else spec.parse(stored)


def read_setting(db: Database, spec: SettingSpec[T]) -> T:
    with db.reading() as session:
        return get_setting(session, spec)


def write_setting(db: Database, spec: SettingSpec[T], value: T) -> None:
    require(db, Permission.SETTINGS)
    text = spec.format(value)
    spec.parse(text)  # refuse what could not be read back
    with db.session() as session:
        row = session.get(Setting, spec.key)
        if row is None:
            session.add(Setting(key=spec.key, value=text))
        else:
            row.value = text


def all_settings(db: Database) -> dict[str, object]:
    with db.reading() as session:
        return {spec.key: get_setting(session, spec) for spec in Settings.all()}


def statistical_day(moment: datetime, cutoff: time) -> date:
    """The report day a moment belongs to: with a 15:00 cut-off, 16:00 on the 3rd counts for the
    4th."""
    if cutoff == time(0, 0) or moment.time() < cutoff:
        return moment.date()
    return moment.date() + timedelta(days=1)


def day_window(day: date, cutoff: time) -> tuple[datetime, datetime]:
    """[start, end) of the statistical day ``day`` in wall-clock time."""
    end = datetime.combine(day + timedelta(days=1), time(0, 0))
    if cutoff != time(0, 0):
        end = datetime.combine(day, cutoff)
    return end - timedelta(days=1), end


# --- lists ----------------------------------------------------------------------------------------


def _measure_info(measure: Measure) -> MeasureInfo:
    return MeasureInfo(
        id=measure.id,
        name=measure.name,
        default_days=measure.default_days,
        needs_readings=measure.needs_readings,
        required_role_ids=tuple(r.id for r in measure.required_roles),
        required_role_names=tuple(r.name for r in measure.required_roles),
        active=measure.active,
    )


def measures(db: Database, *, include_inactive: bool = False) -> list[MeasureInfo]:
    with db.reading() as session:
        query = select(Measure).order_by(Measure.sort_order, Measure.id)
        if not include_inactive:
            query = query.where(Measure.active.is_(True))
        return [_measure_info(m) for m in session.scalars(query)]


def categories(db: Database, *, include_inactive: bool = False) -> list[NamedItem]:
    with db.reading() as session:
        query = select(Category).order_by(Category.sort_order, Category.id)
        if not include_inactive:
            query = query.where(Category.active.is_(True))
        return [NamedItem(c.id, c.name, active=c.active) for c in session.scalars(query)]


def end_reasons(db: Database) -> list[NamedItem]:
    with db.reading() as session:
        query = select(EndReason).order_by(EndReason.sort_order, EndReason.id)
        return [NamedItem(r.id, r.name, r.kind) for r in session.scalars(query)]


def staff_roles(db: Database) -> list[NamedItem]:
    with db.reading() as session:
        query = select(StaffRole).order_by(StaffRole.sort_order, StaffRole.id)
        return [NamedItem(r.id, r.name) for r in session.scalars(query)]


def add_category(db: Database, name: str) -> NamedItem:
    require(db, Permission.SETTINGS)
    name = name.strip()
    if not name:
        raise ServiceError("人员类别名称不能为空。")
    with db.session() as session:
        existing = session.scalar(select(Category).where(Category.name == name))
        if existing:
            existing.active = True
            return NamedItem(existing.id, existing.name)
        order = (
            session.scalar(select(Category.sort_order).order_by(Category.sort_order.desc())) or 0
        ) + 1
        category = Category(name=name, sort_order=order, active=True)
        session.add(category)
        session.flush()
        return NamedItem(category.id, category.name)


def rename_category(db: Database, category_id: int, name: str) -> NamedItem:
    """Correct a 人员类别's name; every case filed under it follows."""
    require(db, Permission.SETTINGS)
    name = name.strip()
    if not name:
        raise ServiceError("人员类别名称不能为空。")
    with db.session() as session:
        category = session.get(Category, category_id)
        if category is None:
            raise NotFound("找不到这个人员类别。")
        clash = session.scalar(
            select(Category).where(Category.name == name, Category.id != category_id)
        )
        if clash is not None:
            raise Conflict(f"已有人员类别「{name}」。")
        category.name = name
        return NamedItem(category.id, category.name, active=category.active)


def set_category_active(db: Database, category_id: int, active: bool) -> None:
    """停用 hides a category from new registrations; cases already filed under it keep it."""
    require(db, Permission.SETTINGS)
    with db.session() as session:
        category = session.get(Category, category_id)
        if category is None:
            raise NotFound("找不到这个人员类别。")
        if not active and not session.scalar(
            select(Category.id).where(Category.active.is_(True), Category.id != category_id)
        ):
            raise ServiceError("至少要保留一个在用的人员类别。")
        category.active = active


def set_measure_active(db: Database, measure_id: int, active: bool) -> None:
    """停用 hides a 管控措施 from new registrations; cases already under it keep it."""
    require(db, Permission.SETTINGS)
    with db.session() as session:
        measure = session.get(Measure, measure_id)
        if measure is None:
            raise NotFound("找不到这个管控措施。")
        if not active and measure.name == get_setting(session, Settings.DEFAULT_MEASURE):
            raise ServiceError(
                f"「{measure.name}」是默认管控措施，请先在防控策略中换一个默认措施再停用。"
            )
        measure.active = active


def save_measure(
    db: Database,
    name: str,
    *,
    default_days: int,
    needs_readings: bool,
    required_role_ids: list[int],
    measure_id: int | None = None,
) -> MeasureInfo:
    """Add or change a 管控措施 and the 包保 roles it requires (the 三包一 setting)."""
    require(db, Permission.SETTINGS)
    name = name.strip()
    if not name:
        raise ServiceError("管控措施名称不能为空。")
    if not 0 <= default_days <= 60:
        raise ServiceError("默认天数应在 0–60 天之间。")
    with db.session() as session:
        clash = session.scalar(select(Measure.id).where(Measure.name == name))
        if clash is not None and clash != measure_id:
            raise Conflict(f"已有管控措施「{name}」。")
        if measure_id is None:
            measure = Measure(name=name, sort_order=99, active=True)
            session.add(measure)
        else:
            found = session.get(Measure, measure_id)
            if found is None:
                raise NotFound("找不到这个管控措施。")
            measure = found
            # The default-measure setting names a measure: a rename must carry it along.
            spec = Settings.DEFAULT_MEASURE
            if get_setting(session, spec) == measure.name != name:
                row = session.get(Setting, spec.key) or Setting(key=spec.key)
                row.value = spec.format(name)
                session.add(row)
        measure.name = name
        measure.default_days = default_days
        measure.needs_readings = needs_readings
        roles = [session.get(StaffRole, rid) for rid in required_role_ids]
        if None in roles:
            raise NotFound("找不到要求的包保角色，请刷新后重试。")
        measure.required_roles = roles  # type: ignore[assignment]
        session.flush()
        return _measure_info(measure)


def add_staff_role(db: Database, name: str) -> NamedItem:
    require(db, Permission.SETTINGS)
    name = name.strip()
    if not name:
        raise ServiceError("角色名称不能为空。")
    with db.session() as session:
        existing = session.scalar(select(StaffRole).where(StaffRole.name == name))
        if existing:
            return NamedItem(existing.id, existing.name)
        role = StaffRole(name=name, sort_order=99)
        session.add(role)
        session.flush()
        return NamedItem(role.id, role.name)


# --- unit profile ---------------------------------------------------------------------------------


def unit_profile(db: Database) -> UnitInfo:
    """填报单位. A village's account on a township server files as its village, under the
    server's unit (the township); the server's reporter and reviewer sign."""
    with db.reading() as session:
        row = session.get(UnitProfile, 1)
        info = UnitInfo() if row is None else _unit_info(row)
        if db.unit is None:
            return info
        own = session.scalar(select(UnitProfile).where(UnitProfile.unit == db.unit).limit(1))
    if own is not None:  # pushed with the village's ledger (app.services.server_push)
        return _unit_info(own)
    return replace(info, unit_name=db.unit, township=info.unit_name)


def _unit_info(row: UnitProfile) -> UnitInfo:
    return UnitInfo(row.unit_name, row.township, row.reporter, row.phone, row.reviewer)


def save_unit_profile(db: Database, info: UnitInfo) -> UnitInfo:
    require(db, Permission.SETTINGS)
    if not info.unit_name.strip():
        raise ServiceError("填报单位不能为空。")
    with db.session() as session:
        row = session.get(UnitProfile, 1) or UnitProfile(id=1)
        session.add(row)
        row.unit_name = info.unit_name.strip()
        row.township = info.township.strip()
        row.reporter = info.reporter.strip()
        row.phone = info.phone.strip()
        row.reviewer = info.reviewer.strip()
    return unit_profile(db)
