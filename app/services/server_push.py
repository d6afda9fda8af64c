"""上传到服务器 — load a village's own ledger (a ``.sqlite3`` file) into the township's database.

``push_ledger`` copies the village's live records into the open ledger under the village's unit
(``app.models.units``): people matched by ID number (by name, phone and birth date when there is
none), and every other record by what identifies it (a case by its person and start, a reading by
its case, day and slot …). Running it again adds only what is new since; nothing is duplicated.
One transaction: all of it or, on any refusal, nothing. The village's file is never written to:
it is checked, copied and brought to the current schema off to the side, then read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, inspect, or_, select
from sqlalchemy.orm import Session

from app.db import (
    Database,
    DatabaseDamaged,
    StorageError,
    check_is_ledger,
    copy_database,
    integrity_problems,
    migrate,
)
from app.models import (
    Anomaly,
    Assignment,
    AuditEntry,
    Case,
    Category,
    Checkpoint,
    EndReason,
    Measure,
    Occupant,
    Person,
    Staff,
    StaffRole,
    TemperatureReading,
    UnitProfile,
    VehiclePass,
    local_now,
)
from app.models.audit import OPERATOR_KEY, SKIP_AUDIT_KEY
from app.models.units import UNIT_KEY
from app.services.access import Permission, require
from app.services.errors import PermissionDenied, ServiceError

# Never copied: the server gives its own id and counts its own versions; the unit is the push's.
_NOT_COPIED = frozenset({"id", "version", "unit"})
Key = Callable[[dict[str, Any]], Hashable]


class PushRefused(ServiceError):
    """The village's ledger cannot go in as it is; ``lines`` says why, one line each."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass
class PushReport:
    """What a push added, and what the server already had, per kind of record."""

    unit: str
    added: dict[str, int] = field(default_factory=dict)
    already: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        shown = [label for label in self.added if self.added[label] or self.already[label]]
        header = f"已上传「{self.unit}」：新增 {sum(self.added.values())} 条记录"
        return [header] + [
            f"  {label}：新增 {self.added[label]}，服务器已有 {self.already[label]}"
            for label in shown
        ]


def push_ledger(db: Database, source: Path, unit: str) -> PushReport:
    """Load the village ledger ``source`` into ``db`` as the records of ``unit``."""
    require(db, Permission.RECORD)
    unit = unit.strip()
    if not unit:
        raise ServiceError("请用 --unit 写明村（社区）名称。")
    if db.unit is not None and db.unit != unit:
        raise PermissionDenied(f"当前账号属于「{db.unit}」，不能上传「{unit}」的台账。")
    with tempfile.TemporaryDirectory(prefix="fangyi-push-") as folder:
        staged = _staged_copy(Path(source), Path(folder))
        engine = create_engine(URL.create("sqlite", database=str(staged)))
        try:
            with Session(engine) as village, db.session() as server:
                server.info[SKIP_AUDIT_KEY] = True  # one summary entry, below
                report = _Push(village, server, unit).run()
                server.add(_summary_entry(server, report))
        finally:
            engine.dispose()
    return report


def _staged_copy(source: Path, folder: Path) -> Path:
    """A sound copy of the village's ledger at the current schema (the file itself untouched)."""
    if not source.is_file():
        raise StorageError(f"找不到村台账文件：{source}")
    problems = integrity_problems(source)
    if problems:
        raise DatabaseDamaged(f"村台账文件已损坏，未上传：{source}（{problems[0]}）")
    check_is_ledger(source)
    staged = copy_database(source, folder / "village.sqlite3", action="读取村台账")
    migrate(staged, folder / "backups")
    return staged


def _summary_entry(server: Session, report: PushReport) -> AuditEntry:
    added = "，".join(f"{label} {n}" for label, n in report.added.items() if n)
    return AuditEntry(
        at=local_now(),
        operator=server.info.get(OPERATOR_KEY) or "系统",
        action="上传",
        entity="person",
        summary=f"上传村台账「{report.unit}」：{added or '无新增'}"[:200],
    )


def _values(record: object) -> dict[str, Any]:
    mapper = inspect(record).mapper
    return {a.key: getattr(record, a.key) for a in mapper.column_attrs if a.key not in _NOT_COPIED}


class _Push:
    def __init__(self, village: Session, server: Session, unit: str) -> None:
        self.village, self.server, self.unit = village, server, unit
        self.report = PushReport(unit)
        self.ids: dict[type, dict[int, int]] = {}  # model → village id → server id

    def run(self) -> PushReport:
        self.server.info[UNIT_KEY] = None  # the checks below look at every village
        self._reference_lists()
        self._refuse_people_of_other_units()
        self._unit_profile()
        # From here on the server session sees, and stamps new records with, this unit only.
        self.server.info[UNIT_KEY] = self.unit
        self._copy("人员", Person, _live(Person), _person_key)
        self._copy("包保人员", Staff, _live(Staff), _key("name", "role_id", "phone"))
        self._copy("卡点", Checkpoint, select(Checkpoint), _key("name"), self._checkpoint_name)
        passes = select(VehiclePass.id).where(_not_deleted(VehiclePass))
        self._copy("车辆登记", VehiclePass, _where(VehiclePass, VehiclePass.id.in_(passes)),
                   _key("checkpoint_id", "passed_at", "plate"))  # fmt: skip
        people = select(Person.id).where(_not_deleted(Person))
        cases = select(Case.id).where(_not_deleted(Case), Case.person_id.in_(people))
        self._copy("登记记录", Case, _where(Case, Case.id.in_(cases)),
                   _key("person_id", "start_date"))  # fmt: skip
        self._copy("车上人员", Occupant, _where(Occupant, Occupant.pass_id.in_(passes)),
                   _key("pass_id", "name", "id_number"))  # fmt: skip
        self._copy("包保", Assignment, _where(Assignment, Assignment.case_id.in_(cases)),
                   _key("case_id", "staff_id", "role_id", "since"))  # fmt: skip
        readings = _where(TemperatureReading, TemperatureReading.case_id.in_(cases))
        self._copy("体温", TemperatureReading, readings,
                   _key("case_id", "reading_date", "slot"))  # fmt: skip
        anomalies = _where(Anomaly, or_(Anomaly.case_id.in_(cases), Anomaly.pass_id.in_(passes)))
        self._copy("异常", Anomaly, anomalies, _key(
            "case_id", "reading_id", "pass_id", "kind", "detected_on", "slot", "subject_name"
        ))  # fmt: skip
        return self.report

    # --- reference lists: matched by name -------------------------------------------------------

    def _reference_lists(self) -> None:
        missing: list[str] = []
        for model, label in (
            (Measure, "管控措施"),
            (EndReason, "结束原因"),
            (StaffRole, "包保角色"),
        ):
            known = {name: id_ for name, id_ in self.server.execute(select(model.name, model.id))}
            self.ids[model] = {}
            for village_id, name in self.village.execute(select(model.id, model.name)):
                if name in known:
                    self.ids[model][village_id] = known[name]
                else:
                    missing.append(
                        f"服务器上没有{label}「{name}」：请先在服务器的设置中添加，再上传。"
                    )
        if missing:
            raise PushRefused(missing)
        known = {name: id_ for name, id_ in self.server.execute(select(Category.name, Category.id))}
        self.ids[Category] = {}
        for category in self.village.scalars(select(Category)):
            if category.name not in known:  # the list of 人员类别 is each unit's to extend
                added = Category(**_values(category))
                self.server.add(added)
                self.server.flush()
                known[category.name] = added.id
            self.ids[Category][category.id] = known[category.name]

    def _refuse_people_of_other_units(self) -> None:
        numbers = [
            n for n in self.village.scalars(_live(Person).with_only_columns(Person.id_number)) if n
        ]
        held = self.server.execute(
            select(Person.id_number, Person.name, Person.unit).where(
                _not_deleted(Person),
                Person.id_number.in_(numbers),
                Person.unit.is_distinct_from(self.unit),
            )
        ).all()
        if held:
            raise PushRefused([
                f"身份证号 {number}（{name}）已登记在「{other or '未分村'}」，"
                f"不能再登记到「{self.unit}」；请先核实此人归属。"
                for number, name, other in held
            ])  # fmt: skip

    def _unit_profile(self) -> None:
        """The village's 填报单位 profile (who reports, who reviews) kept as its own row, brought
        up to date by each push: its account's reports are signed as the village signs them."""
        theirs = self.village.get(UnitProfile, 1)
        if theirs is None or not theirs.unit_name:
            return
        ours = self.server.scalar(
            select(UnitProfile).where(UnitProfile.unit == self.unit).limit(1)
        ) or UnitProfile(unit=self.unit)
        self.server.add(ours)
        for key in ("unit_name", "township", "reporter", "phone", "reviewer"):
            setattr(ours, key, getattr(theirs, key))

    # --- records --------------------------------------------------------------------------------

    def _checkpoint_name(self, values: dict[str, Any]) -> None:
        """Checkpoint names are unique in the whole database: a village's 村口卡点 is stored as
        「东村·村口卡点」 (each village has its own gate of that name)."""
        if not values["name"].startswith(self.unit):
            values["name"] = f"{self.unit}·{values['name']}"[:50]

    def _copy(
        self,
        label: str,
        model: type,
        query: Any,
        key: Key,
        adjust: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        known = {key(_values(r)): r.id for r in self.server.scalars(select(model))}
        mapped = self.ids.setdefault(model, {})
        new: list[tuple[int, object]] = []
        already = 0
        for record in self.village.scalars(query):
            values = self._remapped(model, _values(record))
            if adjust is not None:
                adjust(values)
            found = known.get(key(values))
            if found is not None:
                mapped[record.id] = found
                already += 1
                continue
            copy = model(**values)
            new.append((record.id, copy))
            known[key(values)] = -1  # a repeat in the village's own file is one record here
        self.server.add_all(copy for _, copy in new)
        self.server.flush()
        for village_id, copy in new:
            mapped[village_id] = copy.id  # type: ignore[attr-defined]
        self.report.added[label] = len(new)
        self.report.already[label] = already

    def _remapped(self, model: type, values: dict[str, Any]) -> dict[str, Any]:
        """Foreign keys to the server's ids (a link to a record left behind — deleted — is
        dropped where the column allows it)."""
        for column in inspect(model).columns:
            if column.key in _NOT_COPIED or not column.foreign_keys or values[column.key] is None:
                continue
            target = next(iter(column.foreign_keys)).column.table
            ids = next(ids for m, ids in self.ids.items() if m.__table__ is target)
            values[column.key] = ids.get(values[column.key])
            if values[column.key] is None and not column.nullable:
                raise PushRefused(
                    [f"村台账中 {model.__tablename__} 的 {column.key} 指向不存在的记录。"]
                )
        return values


def _key(*names: str) -> Key:
    return lambda values: tuple(values[name] for name in names)


def _person_key(values: dict[str, Any]) -> Hashable:
    if values["id_number"]:
        return ("证件号码", values["id_number"])
    return ("姓名", values["name"], values["phone"], values["birth_date"])


def _not_deleted(model: Any) -> Any:
    return model.deleted_at.is_(None)


def _where(model: Any, *criteria: Any) -> Any:
    return select(model).where(*criteria).order_by(model.id)


def _live(model: Any) -> Any:
    return _where(model, _not_deleted(model))
