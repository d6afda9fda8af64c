"""卡点登记 — checkpoints and the vehicles stopped there, with the day's totals."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.config import Settings
from app.db import Database
from app.models import (
    Anomaly,
    AnomalyKind,
    Case,
    Checkpoint,
    Disposition,
    Occupant,
    VehiclePass,
    local_now,
)
from app.models.checkpoints import DIRECTIONS
from app.models.validation import (
    ValidationError,
    is_fever,
    normalize_mobile_or_landline,
    optional_text,
    parse_plate,
    parse_resident_id,
    parse_temperature,
    require_text,
)
from app.services import assignments, reference, roster
from app.services.access import Permission, require
from app.services.errors import Conflict, NotFound, ServiceError
from app.services.reference import day_window, get_setting
from app.services.roster import CaseInput, CaseRow, PersonInput

LEVELS: tuple[str, ...] = ("乡级", "村级")


@dataclass(frozen=True)
class CheckpointInfo:
    id: int
    name: str
    location: str | None
    level: str
    responsible: str | None
    active: bool


@dataclass(frozen=True)
class OccupantInput:
    name: str
    id_number: str | None = None
    phone: str | None = None
    temperature: object = None


@dataclass(frozen=True)
class PassInput:
    checkpoint_id: int
    plate: str
    passed_at: datetime | None = None  # None: now
    plate_is_other: bool = False  # the clerk chose 其他号牌 on purpose
    direction: str = "进"
    vehicle_type: str | None = None
    driver_name: str | None = None
    driver_id_number: str | None = None
    driver_phone: str | None = None
    people_aboard: int = 1  # driver included
    origin: str | None = None
    destination: str | None = None
    purpose: str | None = None
    max_temperature: object = None  # a highest reading for the vehicle as a whole, if typed so
    disinfected: bool = False
    disposition: str = Disposition.PASSED.value
    action_taken: str | None = None
    duty_staff: str | None = None
    occupants: tuple[OccupantInput, ...] = ()
    driver_temperature: object = None  # the driver's own reading


@dataclass(frozen=True)
class OccupantInfo:
    id: int
    name: str
    id_number: str | None
    phone: str | None
    temperature: float | None
    case_id: int | None


@dataclass(frozen=True)
class PassInfo:
    id: int
    checkpoint_id: int
    checkpoint: str
    passed_at: datetime
    direction: str
    plate: str
    plate_kind: str
    vehicle_type: str | None
    driver_name: str | None
    driver_id_number: str | None
    driver_phone: str | None
    people_aboard: int
    origin: str | None
    destination: str | None
    purpose: str | None
    max_temperature: float | None
    disinfected: bool
    disposition: str
    abnormal: bool
    action_taken: str | None
    duty_staff: str | None
    occupants: tuple[OccupantInfo, ...] = field(default_factory=tuple)
    driver_case_id: int | None = None  # the driver was put on the roster from this pass
    driver_temperature: float | None = None

    def feverish(self, threshold: float) -> tuple[str, ...]:
        """The names of the people aboard whose own reading is a fever, driver first."""
        return tuple(
            name for _role, name, _t in feverish_aboard(
                self.driver_name, self.driver_temperature,
                ((o.name, o.temperature) for o in self.occupants), threshold,
            )
        )  # fmt: skip

    @property
    def admitted_names(self) -> tuple[str, ...]:
        """Who of this vehicle went onto the roster (已转入台账), driver first."""
        names = [self.driver_name or "驾驶员"] if self.driver_case_id else []
        return (*names, *(o.name for o in self.occupants if o.case_id))


@dataclass(frozen=True)
class CheckpointTotals:
    """检查车辆(辆), 检查人数(人次, driver included), 劝返车辆(辆), 劝返人数(人次), 体温异常."""

    vehicles: int = 0
    people: int = 0
    turned_back_vehicles: int = 0
    turned_back_people: int = 0
    abnormal: int = 0


# --- checkpoints ---------------------------------------------------------------------------------


def checkpoints(db: Database, *, include_inactive: bool = False) -> list[CheckpointInfo]:
    query = select(Checkpoint).order_by(Checkpoint.id)
    if not include_inactive:
        query = query.where(Checkpoint.active.is_(True))
    with db.reading() as session:
        return [_checkpoint_info(c) for c in session.scalars(query)]


def save_checkpoint(
    db: Database,
    name: str,
    *,
    location: str | None = None,
    level: str = "村级",
    responsible: str | None = None,
    active: bool = True,
    checkpoint_id: int | None = None,
) -> CheckpointInfo:
    require(db, Permission.SETTINGS)
    name = require_text(name, "卡点名称", max_length=50)
    if level not in LEVELS:
        raise ServiceError(f"卡点级别应为 {'/'.join(LEVELS)}。")
    with db.session() as session:
        clash = session.scalar(select(Checkpoint).where(Checkpoint.name == name))
        if clash is not None and clash.id != checkpoint_id:
            raise ServiceError(f"已有名为「{name}」的卡点。")
        checkpoint = session.get(Checkpoint, checkpoint_id) if checkpoint_id else Checkpoint()
        if checkpoint is None:
            raise NotFound("找不到这个卡点。")
        session.add(checkpoint)
        checkpoint.name = name
        checkpoint.location = optional_text(location, max_length=100)
        checkpoint.level = level
        checkpoint.responsible = optional_text(responsible, max_length=50)
        checkpoint.active = active
        session.flush()
        return _checkpoint_info(checkpoint)


def _checkpoint_info(c: Checkpoint) -> CheckpointInfo:
    return CheckpointInfo(c.id, c.name, c.location, c.level, c.responsible, c.active)


# --- passes --------------------------------------------------------------------------------------


def _clean_pass(data: PassInput, threshold: float) -> tuple[dict[str, object], list[Occupant]]:
    plate = parse_plate(data.plate, other=data.plate_is_other)
    if data.direction not in DIRECTIONS:
        raise ServiceError("方向应为“进”或“出”。")
    if data.disposition not in {d.value for d in Disposition}:
        raise ServiceError(f"处置应为 {'/'.join(d.value for d in Disposition)}。")
    driver_id = (
        parse_resident_id(data.driver_id_number).number
        if optional_text(data.driver_id_number)
        else None
    )
    phone = (
        normalize_mobile_or_landline(data.driver_phone)
        if optional_text(data.driver_phone)
        else None
    )
    top = parse_temperature(data.max_temperature) if optional_text(data.max_temperature) else None
    driver_temperature = (
        parse_temperature(data.driver_temperature)
        if optional_text(data.driver_temperature)
        else None
    )
    occupants: list[Occupant] = []
    for index, person in enumerate(data.occupants, start=1):
        try:
            occupants.append(
                Occupant(
                    name=require_text(person.name, "姓名", max_length=50),
                    id_number=parse_resident_id(person.id_number).number
                    if optional_text(person.id_number)
                    else None,
                    phone=normalize_mobile_or_landline(person.phone)
                    if optional_text(person.phone)
                    else None,
                    temperature=parse_temperature(person.temperature)
                    if optional_text(person.temperature)
                    else None,
                )
            )
        except ValueError as error:
            raise ServiceError(f"第 {index} 位乘车人：{error}") from error
    aboard = [driver_temperature, *(o.temperature for o in occupants)]
    temps = [t for t in [top, *aboard] if t is not None]
    highest = max(temps) if temps else None
    abnormal = highest is not None and is_fever(highest, threshold)
    action = optional_text(data.action_taken, max_length=200)
    if abnormal and action is None:
        # A fever at the gate must be handled on the spot; the log has to say how.
        raise ValidationError(
            "处置情况",
            f"体温 {highest:.1f} ℃ 达到发热标准（≥{threshold:.1f} ℃），请写明采取的措施"
            "（如 复测、送发热门诊、报告卫生院）",
        )
    people = max(data.people_aboard, 1)
    if people < len(occupants):
        raise ServiceError(f"车上人数（{people}）少于登记的乘车人数（{len(occupants)}）。")
    values: dict[str, object] = {
        "checkpoint_id": data.checkpoint_id,
        "passed_at": (data.passed_at or local_now()).replace(microsecond=0),
        "direction": data.direction,
        "plate": plate.text,
        "plate_kind": plate.kind.value,
        "vehicle_type": optional_text(data.vehicle_type, max_length=20),
        "driver_name": optional_text(data.driver_name, max_length=50),
        "driver_id_number": driver_id,
        "driver_phone": phone,
        "people_aboard": people,
        "origin": optional_text(data.origin, max_length=100),
        "destination": optional_text(data.destination, max_length=100),
        "purpose": optional_text(data.purpose, max_length=100),
        "driver_temperature": driver_temperature,
        "max_temperature": highest,
        "disinfected": data.disinfected,
        "disposition": data.disposition,
        "abnormal": abnormal,
        "action_taken": action,
        "duty_staff": optional_text(data.duty_staff, max_length=100),
    }
    return values, occupants


def record_pass(db: Database, data: PassInput) -> PassInfo:
    """Register one stopped vehicle. A temperature at or above the threshold marks it abnormal
    and opens an anomaly to be handled."""
    require(db, Permission.RECORD)
    with db.session() as session:
        if session.get(Checkpoint, data.checkpoint_id) is None:
            raise ServiceError("请先选择卡点。")
        threshold = get_setting(session, Settings.FEVER_THRESHOLD)
        values, occupants = _clean_pass(data, threshold)
        vehicle = VehiclePass(**values)
        vehicle.occupants = occupants
        session.add(vehicle)
        session.flush()
        _sync_checkpoint_anomaly(session, vehicle, threshold)
        return _pass_infos(session, [vehicle])[0]


def update_pass(db: Database, pass_id: int, data: PassInput) -> PassInfo:
    require(db, Permission.RECORD)
    with db.session() as session:
        vehicle = _live_pass(session, pass_id)
        threshold = get_setting(session, Settings.FEVER_THRESHOLD)
        values, occupants = _clean_pass(data, threshold)
        for key, value in values.items():
            setattr(vehicle, key, value)
        # The form sends the occupants afresh; a person already moved to the roster keeps the
        # link, recognised by ID number or, when none was typed, by name.
        by_id = {o.id_number: o.case_id for o in vehicle.occupants if o.id_number and o.case_id}
        by_name = {o.name: o.case_id for o in vehicle.occupants if o.case_id}
        for occupant in occupants:
            occupant.case_id = by_id.get(occupant.id_number) or (
                None if occupant.id_number in by_id else by_name.get(occupant.name)
            )
        vehicle.occupants = occupants
        session.flush()
        _sync_checkpoint_anomaly(session, vehicle, threshold)
        return _pass_infos(session, [vehicle])[0]


DRIVER_ROLE = "驾驶员"
PASSENGER_ROLE = "乘车人"


def feverish_aboard(
    driver_name: str | None,
    driver_temperature: float | None,
    passengers: Iterable[tuple[str, float | None]],
    threshold: float,
) -> list[tuple[str, str, float]]:
    """(role, name, reading) of everyone aboard whose own reading is a fever, driver first."""
    people = [(DRIVER_ROLE, driver_name or DRIVER_ROLE, driver_temperature)]
    people += [(PASSENGER_ROLE, name, reading) for name, reading in passengers]
    return [
        (role, name, reading)
        for role, name, reading in people
        if reading is not None and is_fever(reading, threshold)
    ]


def _sync_checkpoint_anomaly(session: Session, vehicle: VehiclePass, threshold: float) -> None:
    """The anomaly of a feverish vehicle names the people whose readings are fevers (a
    passenger's fever is not the driver's); a highest reading typed for the whole vehicle, with
    nobody's own reading a fever, stays the vehicle's."""
    if not vehicle.abnormal:
        return
    feverish = feverish_aboard(
        vehicle.driver_name,
        vehicle.driver_temperature,
        ((o.name, o.temperature) for o in vehicle.occupants),
        threshold,
    )
    subject = "、".join(name for _role, name, _t in feverish)[:100] or None
    readings = "；".join(f"{role} {name} {value:.1f} ℃" for role, name, value in feverish)
    observation = (
        f"卡点 {vehicle.plate} {readings}"
        if feverish
        else f"卡点 {vehicle.plate} 体温 {vehicle.max_temperature:.1f} ℃"
    )[:200]
    existing = session.scalar(select(Anomaly).where(Anomaly.pass_id == vehicle.id))
    if existing:
        existing.observation = observation
        existing.subject_name = subject
        if not existing.action and vehicle.action_taken:
            existing.action = vehicle.action_taken
        return
    session.add(
        Anomaly(
            pass_id=vehicle.id,
            kind=AnomalyKind.CHECKPOINT.value,
            detected_on=vehicle.passed_at.date(),
            subject_name=subject,
            observation=observation,
            action=vehicle.action_taken,
            handled_by=vehicle.duty_staff if vehicle.action_taken else None,
            handled_at=vehicle.passed_at if vehicle.action_taken else None,
            closed=False,
        )
    )


def delete_pass(db: Database, pass_id: int) -> None:
    require(db, Permission.DELETE)
    with db.session() as session:
        _live_pass(session, pass_id).deleted_at = local_now()


def restore_pass(db: Database, pass_id: int) -> None:
    require(db, Permission.DELETE)
    with db.session() as session:
        vehicle = session.get(VehiclePass, pass_id)
        if vehicle is None:
            raise NotFound("找不到这条车辆登记。")
        vehicle.deleted_at = None


def _live_pass(session: Session, pass_id: int) -> VehiclePass:
    vehicle = session.get(VehiclePass, pass_id)
    if vehicle is None or vehicle.is_deleted:
        raise NotFound("找不到这条车辆登记（可能已被删除）。")
    return vehicle


def last_pass_for_plate(db: Database, plate: str) -> PassInfo | None:
    """The most recent pass of a plate seen before, to offer its driver and origin again."""
    from app.models.validation import normalize_plate_text

    query = (
        select(VehiclePass)
        .where(VehiclePass.plate == normalize_plate_text(plate), VehiclePass.deleted_at.is_(None))
        .order_by(VehiclePass.passed_at.desc())
        .limit(1)
        .options(selectinload(VehiclePass.occupants))
    )
    with db.reading() as session:
        vehicle = session.scalar(query)
        return _pass_infos(session, [vehicle])[0] if vehicle else None


def passes(
    db: Database, start: datetime, end: datetime, *, checkpoint_id: int | None = None
) -> list[PassInfo]:
    """Passes in [start, end), newest first."""
    query = (
        select(VehiclePass)
        .where(
            VehiclePass.passed_at >= start,
            VehiclePass.passed_at < end,
            VehiclePass.deleted_at.is_(None),
        )
        .order_by(VehiclePass.passed_at.desc(), VehiclePass.id.desc())
        .options(selectinload(VehiclePass.occupants))
    )
    if checkpoint_id is not None:
        query = query.where(VehiclePass.checkpoint_id == checkpoint_id)
    with db.reading() as session:
        return _pass_infos(session, list(session.scalars(query)))


def passes_of_day(db: Database, day: date, *, checkpoint_id: int | None = None) -> list[PassInfo]:
    with db.reading() as session:
        start, end = day_window(day, get_setting(session, Settings.STAT_CUTOFF))
    return passes(db, start, end, checkpoint_id=checkpoint_id)


def totals_between(
    session: Session, start: datetime, end: datetime, *, checkpoint_id: int | None = None
) -> CheckpointTotals:
    turned_back = VehiclePass.disposition == Disposition.TURNED_BACK.value
    query = select(
        func.count(VehiclePass.id),
        func.coalesce(func.sum(VehiclePass.people_aboard), 0),
        func.count(VehiclePass.id).filter(turned_back),
        func.coalesce(func.sum(VehiclePass.people_aboard).filter(turned_back), 0),
        func.count(VehiclePass.id).filter(VehiclePass.abnormal.is_(True)),
    ).where(
        VehiclePass.passed_at >= start,
        VehiclePass.passed_at < end,
        VehiclePass.deleted_at.is_(None),
    )
    if checkpoint_id is not None:
        query = query.where(VehiclePass.checkpoint_id == checkpoint_id)
    row = session.execute(query).one()
    return CheckpointTotals(*(int(v) for v in row))


def totals_of_day(db: Database, day: date, *, checkpoint_id: int | None = None) -> CheckpointTotals:
    with db.reading() as session:
        start, end = day_window(day, get_setting(session, Settings.STAT_CUTOFF))
        return totals_between(session, start, end, checkpoint_id=checkpoint_id)


def _pass_infos(session: Session, vehicles: list[VehiclePass]) -> list[PassInfo]:
    """DTOs with their roster links: a case made from a pass (``Case.source_pass_id``) belongs
    to the occupant whose ``case_id`` it is, otherwise to the driver. Deleted cases do not count."""
    live_cases: dict[int, set[int]] = {}
    ids = [v.id for v in vehicles]
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        rows = session.execute(
            select(Case.source_pass_id, Case.id).where(
                Case.source_pass_id.in_(ids[start : start + 900]), Case.deleted_at.is_(None)
            )
        )
        for pass_id, case_id in rows:
            live_cases.setdefault(pass_id, set()).add(case_id)
    return [_pass_info(v, live_cases.get(v.id, set())) for v in vehicles]


def _pass_info(v: VehiclePass, live_cases: set[int]) -> PassInfo:
    occupants = tuple(
        OccupantInfo(o.id, o.name, o.id_number, o.phone, o.temperature,
                     o.case_id if o.case_id in live_cases else None)
        for o in v.occupants
    )  # fmt: skip
    driver_cases = live_cases - {o.case_id for o in occupants}
    return PassInfo(
        v.id, v.checkpoint_id, v.checkpoint.name, v.passed_at, v.direction, v.plate, v.plate_kind,
        v.vehicle_type, v.driver_name, v.driver_id_number, v.driver_phone, v.people_aboard,
        v.origin, v.destination, v.purpose, v.max_temperature, v.disinfected, v.disposition,
        v.abnormal, v.action_taken, v.duty_staff, occupants,
        min(driver_cases) if driver_cases else None, v.driver_temperature,
    )  # fmt: skip


def totals(
    db: Database, start: datetime, end: datetime, *, checkpoint_id: int | None = None
) -> CheckpointTotals:
    """Totals of passes in [start, end) — e.g. one duty shift."""
    with db.reading() as session:
        return totals_between(session, start, end, checkpoint_id=checkpoint_id)


@dataclass(frozen=True)
class PlaceHints:
    """Values typed recently, most recent first — for completers in the entry form."""

    origins: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()


def place_hints(db: Database, *, limit: int = 50) -> PlaceHints:
    def recent(column):  # type: ignore[no-untyped-def]
        return tuple(
            session.scalars(
                select(column)
                .where(column.is_not(None), VehiclePass.deleted_at.is_(None))
                .group_by(column)
                .order_by(func.max(VehiclePass.passed_at).desc())
                .limit(limit)
            )
        )

    with db.reading() as session:
        return PlaceHints(
            recent(VehiclePass.origin), recent(VehiclePass.destination), recent(VehiclePass.purpose)
        )


def find_checkpoint(db: Database, name: str) -> CheckpointInfo:
    """The checkpoint called ``name`` (stopped ones too); the error lists the known names."""
    wanted = name.strip()
    known = checkpoints(db, include_inactive=True)
    for checkpoint in known:
        if checkpoint.name == wanted:
            return checkpoint
    names = "、".join(c.name + ("（已停用）" if not c.active else "") for c in known)
    raise NotFound(
        f"没有名为「{wanted}」的卡点。已有的卡点：{names}。"
        if known
        else f"没有名为「{wanted}」的卡点：台账里还没有卡点，请先在“设置”或“卡点登记”中添加。"
    )


# --- from the gate to the roster ------------------------------------------------------------------


class _SharedUnitOfWork:
    """Stands in for the Database so that roster and 包保 use cases run in one outer session.

    ``register_case`` and ``assign`` each open ``db.session()``; handing them this instead makes a
    person's admission from a pass (case + team + occupant link) commit or roll back as one.
    Everything else (role, operator, paths) is the real database's.
    """

    def __init__(self, db: Database, session: Session) -> None:
        self._db = db
        self._session = session

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)

    @contextmanager
    def session(self, operator: str | None = None) -> Iterator[Session]:
        yield self._session
        self._session.flush()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._session


def admit_from_pass(
    db: Database,
    pass_id: int,
    occupant_id: int | None,
    person: PersonInput,
    case: CaseInput,
    team: Mapping[int, int],
    *,
    existing_person_id: int | None = None,
    today: date | None = None,
) -> CaseRow:
    """转入居家观察: put someone stopped at the gate on the roster in one step.

    ``occupant_id`` None means the driver. ``team`` maps 包保 role id → staff id (三包一). The case
    records the pass it came from; an occupant's row is linked to the new case. All or nothing.
    """
    require(db, Permission.RECORD)
    with db.session() as session:
        vehicle = _live_pass(session, pass_id)
        info = _pass_infos(session, [vehicle])[0]
        occupant: Occupant | None = None
        if occupant_id is None:
            if info.driver_case_id is not None:
                raise Conflict(f"驾驶员「{info.driver_name or vehicle.plate}」已转入台账。")
        else:
            occupant = next((o for o in vehicle.occupants if o.id == occupant_id), None)
            if occupant is None:
                raise NotFound("这辆车上没有这位乘车人（登记可能已被修改）。")
            if any(o.id == occupant_id and o.case_id for o in info.occupants):
                raise Conflict(f"乘车人「{occupant.name}」已转入台账。")
        unit = _SharedUnitOfWork(db, session)
        row = roster.register_case(
            unit,  # type: ignore[arg-type]
            person,
            replace(case, source_pass_id=pass_id),
            existing_person_id=existing_person_id,
            today=today,
        )
        for role_id, staff_id in team.items():
            assignments.assign(unit, [row.id], staff_id, role_id=role_id, since=row.start_date)  # type: ignore[arg-type]
        # Details typed in the dialog complete the gate record where it had none.
        if occupant is not None:
            occupant.case_id = row.id
            occupant.id_number = occupant.id_number or row.id_number
            occupant.phone = occupant.phone or row.phone
        else:
            vehicle.driver_id_number = vehicle.driver_id_number or row.id_number
            vehicle.driver_phone = vehicle.driver_phone or row.phone
        return row


def pass_of_case(db: Database, case_id: int) -> PassInfo | None:
    """The vehicle pass a roster case was made from (转入台账 at a checkpoint), if any."""
    with db.reading() as session:
        pass_id = session.scalar(select(Case.source_pass_id).where(Case.id == case_id))
        if pass_id is None:
            pass_id = session.scalar(select(Occupant.pass_id).where(Occupant.case_id == case_id))
        vehicle = session.get(VehiclePass, pass_id) if pass_id is not None else None
        if vehicle is None or vehicle.is_deleted:
            return None
        return _pass_infos(session, [vehicle])[0]


# --- export ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VehicleExportSummary:
    path: Path
    vehicles: int
    occupants: int
    totals: CheckpointTotals


def vehicles_file_name(db: Database, last_day: date, checkpoint_name: str | None = None) -> str:
    """Suggested file name of a 卡点车辆登记表: {单位}{卡点}卡点车辆登记表（{日期}）.xlsx."""
    from app.excel.vehicles_ledger import FORM_NAME  # openpyxl only when exporting
    from app.excel.workbook import suggested_filename

    form = f"{checkpoint_name or ''}{FORM_NAME}"
    return suggested_filename(reference.unit_profile(db).unit_name, form, last_day)


def export_vehicles(
    db: Database,
    first_day: date,
    last_day: date,
    target: Path,
    *,
    checkpoint_name: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> VehicleExportSummary:
    """卡点车辆登记表 for the statistical days ``first_day``..``last_day`` (both included)."""
    from app.excel.vehicles_ledger import write_vehicles_ledger  # openpyxl only when exporting

    require(db, Permission.EXPORT)
    if last_day < first_day:
        raise ServiceError(
            f"结束日期 {last_day:%Y-%m-%d} 早于开始日期 {first_day:%Y-%m-%d}，请检查。"
        )
    checkpoint = find_checkpoint(db, checkpoint_name) if checkpoint_name else None
    checkpoint_id = checkpoint.id if checkpoint else None
    with db.reading() as session:
        cutoff = get_setting(session, Settings.STAT_CUTOFF)
        start, end = day_window(first_day, cutoff)[0], day_window(last_day, cutoff)[1]
        counted = totals_between(session, start, end, checkpoint_id=checkpoint_id)
    rows = list(reversed(passes(db, start, end, checkpoint_id=checkpoint_id)))  # oldest first
    write_vehicles_ledger(
        target,
        rows,
        counted,
        reference.unit_profile(db),
        first_day=first_day,
        last_day=last_day,
        checkpoint=checkpoint.name if checkpoint else None,
        progress=progress,
    )
    return VehicleExportSummary(target, len(rows), sum(len(r.occupants) for r in rows), counted)
