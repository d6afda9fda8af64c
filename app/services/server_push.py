"""上传到服务器 — load a village's own ledger (a ``.sqlite3`` file) into the township's database.

``push_ledger`` copies the village's live records into the open ledger under the village's unit
(``app.models.units``): people matched by ID number (by name, phone and birth date when there is
none), and every other record by what identifies it (a case by its person and start, a reading by
its case, day and slot, a 核酸检测 result — and its 阳性 alarm — by its person and sample
day …). Running it again adds
only what is new since; nothing is duplicated. A record the server already has is brought up to
date with what the village changed since (a case released, an anomaly handled, a phone
corrected) when the village changed it later than the server did; a later change on the server
stays (``_merge``: the later ``updated_at`` wins). A result the server already has is brought up to
date (待出 → 阴性) by the rule of an imported lab list: a final result (阴性/阳性) on the server is
never changed to a different one — the push is refused naming the person instead.
One transaction: all of it or, on any refusal, nothing. The village's file is never written to:
it is checked, copied and brought to the current schema off to the side, then read.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import URL, and_, create_engine, inspect, or_, select
from sqlalchemy.orm import Session

from app.config import Settings
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
    AnomalyKind,
    Assignment,
    AuditEntry,
    Case,
    Category,
    Checkpoint,
    EndReason,
    Measure,
    NucleicAcidTest,
    Occupant,
    Person,
    Staff,
    StaffRole,
    TemperatureReading,
    TestResult,
    UnitProfile,
    VehiclePass,
    local_now,
)
from app.models.audit import OPERATOR_KEY, SKIP_AUDIT_KEY
from app.models.units import UNIT_KEY
from app.services.access import Permission, require
from app.services.errors import Conflict, PermissionDenied, ServiceError
from app.services.nucleic_schedule import get_rounds, get_schedule
from app.services.nucleic_tests import merge_result
from app.services.reference import get_setting

# Never copied: the server gives its own id and counts its own versions; the unit is the push's.
_NOT_COPIED = frozenset({"id", "version", "unit"})
_STAMPS = frozenset({"created_at", "updated_at"})  # when, not what: no change of their own
# What became of a record the server already had, when the village's file came again.
ALREADY, UPDATED, KEPT = "already", "updated", "kept"
# A 核酸阳性 alarm is matched by person and sample day, however each side keyed it: only how it
# was handled is brought over, never what it names.
_HANDLING = ("action", "handled_by", "handled_at", "closed", "outcome", "closed_at")
Key = Callable[[dict[str, Any]], Hashable]
TESTS = "核酸检测"


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
    # Records the server had and the village's file brought up to date (a 待出 come back 阴性, a
    # case released or an anomaly handled in the village since its last push).
    updated: dict[str, int] = field(default_factory=dict)
    # Where the village counts differently from the server (its 全员核酸 dates, its test days):
    # settings are the server's own, so its 今日应检 for the village follows the server's.
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        shown = [
            label
            for label in self.added
            if self.added[label] or self.already[label] or self.updated.get(label)
        ]
        header = f"已上传「{self.unit}」：新增 {sum(self.added.values())} 条记录"
        if sum(self.updated.values()):
            header += f"，更新 {sum(self.updated.values())} 条"
        return (
            [header]
            + [self._line(label) for label in shown]
            + [f"  注意：{note}" for note in self.notes]
        )

    def _line(self, label: str) -> str:
        updated = f"，更新 {self.updated[label]}" if label in self.updated else ""
        line = f"  {label}：新增 {self.added[label]}{updated}，服务器已有 {self.already[label]}"
        if label == TESTS:
            line += "（服务器上已出的阴性/阳性不被村台账改写）"
        return line


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
    updated = "，".join(f"{label} {n}" for label, n in report.updated.items() if n)
    summary = f"上传村台账「{report.unit}」：{added or '无新增'}"
    if updated:
        summary += f"；更新 {updated}"
    return AuditEntry(
        at=local_now(),
        operator=server.info.get(OPERATOR_KEY) or "系统",
        action="上传",
        entity="person",
        summary=summary[:200],
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
        # A 阳性 of someone not under management (a 全员核酸 sample) has no case: its anomaly
        # names the person (``nucleic_tests._open_positive_anomaly``).
        untied_positive = and_(
            Anomaly.case_id.is_(None),
            Anomaly.pass_id.is_(None),
            Anomaly.kind == AnomalyKind.POSITIVE_TEST.value,
            Anomaly.subject_name.in_(select(Person.name).where(_not_deleted(Person))),
        )
        anomalies = or_(Anomaly.case_id.in_(cases), Anomaly.pass_id.in_(passes), untied_positive)
        positive = Anomaly.kind == AnomalyKind.POSITIVE_TEST.value
        self._copy("异常", Anomaly, _where(Anomaly, anomalies, ~positive), _key(
            "case_id", "reading_id", "pass_id", "kind", "detected_on", "slot", "subject_name"
        ))  # fmt: skip
        self._positive_alarms(_where(Anomaly, anomalies, positive))
        self._tests()
        self._test_policy_notes()
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
        """Add the village's records the server lacks; bring up to date the ones it has, when the
        village changed them since (a case released, an anomaly handled, a phone corrected)."""
        known: dict[Hashable, Any] = {
            key(_values(r)): r for r in self.server.scalars(select(model))
        }
        mapped = self.ids.setdefault(model, {})
        copies: list[Any] = []
        copied: list[tuple[int, Any]] = []  # village id → its copy, known once flushed
        merged: Counter[str] = Counter()
        for record in self.village.scalars(query):
            values = self._remapped(model, _values(record))
            if adjust is not None:
                adjust(values)
            found = known.get(key(values))
            if found is None:
                found = model(**values)
                known[key(values)] = found  # a repeat in the village's own file is one record here
                copies.append(found)
            if found.id is None:  # a copy made now (of this record, or of the one it repeats)
                copied.append((record.id, found))
                continue
            mapped[record.id] = found.id
            merged[_merge(found, values)] += 1
        self.server.add_all(copies)
        self.server.flush()
        for village_id, copy in copied:
            mapped[village_id] = copy.id
        self.report.added[label] = len(copies)
        self.report.already[label] = 0
        self._count_merged(label, merged)

    def _count_merged(self, label: str, merged: Counter[str]) -> None:
        """Report what the records the server had came to (``_merge``), under ``label``."""
        self.report.already[label] += merged[ALREADY] + merged[KEPT]
        if merged[UPDATED]:
            self.report.updated[label] = self.report.updated.get(label, 0) + merged[UPDATED]
        if merged[KEPT]:
            self.report.notes.append(
                f"{label}有 {merged[KEPT]} 条在服务器上改得比村台账晚，保留了服务器上的内容。"
            )

    def _positive_alarms(self, query: Any) -> None:
        """核酸阳性 anomalies: one per person and sample day, however each side keyed it.

        The township and the village may both have keyed the same 阳性 — one from the lab's
        list (with its 检测日期), the other typed — so the anomalies differ in their day, or one
        is tied to the case and the other names the person. Matched instead by the person and
        the sample day of the 阳性 that opened it; and, as when a result is keyed, a person
        with an open 阳性 alarm on the server gets no second open one. The server's alarm keeps
        what it names; how it was handled (报告, 转运, closed) comes from the village when the
        village handled it later than the server did (``_merge``)."""
        people = self.ids[Person]
        on_server: dict[tuple[int | None, date | None], int] = {}  # → the server's alarm
        open_on_server: dict[int | None, int] = {}
        alarms: dict[int, Anomaly] = {}
        for alarm, person, day in _positive_alarms(self.server, select(Anomaly.id)):
            if person is None:  # names no one of the village: nothing of the push is it
                continue
            alarms[alarm.id] = alarm
            on_server.setdefault((person, day), alarm.id)
            if not alarm.closed:
                open_on_server.setdefault(person, alarm.id)
        mapped = self.ids.setdefault(Anomaly, {})
        new: list[tuple[int, Anomaly]] = []
        merged: Counter[str] = Counter()
        for alarm, village_person, day in _positive_alarms(
            self.village, query.with_only_columns(Anomaly.id)
        ):
            # Always someone: the query takes a case's alarms and those naming a live person.
            person = people[village_person] if village_person is not None else None
            found = on_server.get((person, day))
            if found is None and not alarm.closed:
                found = open_on_server.get(person)
            if found is not None:
                mapped[alarm.id] = found
                if found in alarms:  # not a repeat of the village's own (-1): how it was handled
                    handling = {key: getattr(alarm, key) for key in _HANDLING}
                    merged[_merge(alarms[found], {**handling, "updated_at": alarm.updated_at})] += 1
                else:
                    merged[ALREADY] += 1
                continue
            copy = Anomaly(**self._remapped(Anomaly, _values(alarm)))
            new.append((alarm.id, copy))
            on_server[(person, day)] = -1  # a repeat in the village's own file is one alarm
            if not alarm.closed:
                open_on_server[person] = -1
        self.server.add_all(copy for _, copy in new)
        self.server.flush()
        for village_id, copy in new:
            mapped[village_id] = copy.id
        self.report.added["异常"] += len(new)
        self._count_merged("异常", merged)

    def _tests(self) -> None:
        """核酸检测: one result per person and sample day (``uq_nucleic_acid_test_person_day``),
        the person matched as above. A result the server has is updated as an imported lab list
        updates it (``nucleic_tests.merge_result``, ``overwrite=False``): a 待出 come back 阴性 is
        taken; a final result on the server that the village's file contradicts refuses the
        whole push, naming the person, as it refuses the whole list on import.

        A 阳性's anomaly is not opened here: the village's own 核酸阳性 anomaly is copied before
        (``_positive_alarms``: open or, once handled, closed — as the village left it)."""
        people = self.ids[Person]
        ours = select(Person.id).where(Person.unit == self.unit)
        known = {
            (t.person_id, t.sample_date): t
            for t in self.server.scalars(
                select(NucleicAcidTest).where(NucleicAcidTest.person_id.in_(ours))
            )
        }
        who = {
            people[village_id]: (name, number)
            for village_id, name, number in self.village.execute(
                select(Person.id, Person.name, Person.id_number)
            )
            if village_id in people
        }
        live = select(Person.id).where(_not_deleted(Person))
        query = _where(NucleicAcidTest, NucleicAcidTest.person_id.in_(live))
        added: list[NucleicAcidTest] = []
        counts = {"updated": 0, "unchanged": 0}
        refused: list[str] = []
        for record in self.village.scalars(query):
            values = self._remapped(NucleicAcidTest, _values(record))
            test = known.get((values["person_id"], values["sample_date"]))
            if test is None:
                test = NucleicAcidTest(**values)
                added.append(test)
                known[(test.person_id, test.sample_date)] = test
                continue
            said = {k: values[k] for k in ("result", "tested_on", "lab", "note")}
            try:
                counts[merge_result(test, said, values["case_id"], overwrite=False)] += 1
            except Conflict as conflict:
                name, number = who[values["person_id"]]
                refused.append(
                    f"{name}（身份证号 {number or '无'}）的核酸检测：{conflict}。"
                    "服务器上已出的结果不被村台账改写：请核实后改正，再上传。"
                )
        if refused:
            raise PushRefused(refused)
        self.server.add_all(added)
        self.server.flush()
        self.report.added[TESTS] = len(added)
        self.report.updated[TESTS] = counts["updated"]
        self.report.already[TESTS] = counts["unchanged"]

    def _test_policy_notes(self) -> None:
        """全员核酸 dates and test days are settings, one set for the whole server (a round is the
        township's): not copied, but a village that counts by others is told so."""
        theirs, ours = get_rounds(self.village), get_rounds(self.server)
        missing = [day for day in theirs if day not in ours]
        if missing:
            days = "、".join(f"{day:%Y-%m-%d}" for day in missing)
            self.report.notes.append(
                f"村台账的全员核酸日期 {days} 服务器上没有：服务器按自己的设置计算应检人数"
                "（需要时用 tests round 日期 添加）。"
            )
        their_days, our_days = get_schedule(self.village), get_schedule(self.server)
        measures = dict.fromkeys([*their_days.days_by_measure, *our_days.days_by_measure])
        differ = [
            f"{m}：村{their_days.describe(m)}，服务器{our_days.describe(m)}"
            for m in measures
            if their_days.days_for(m) != our_days.days_for(m)
        ]
        if get_setting(self.village, Settings.DAY_ONE_IS_START) != get_setting(
            self.server, Settings.DAY_ONE_IS_START
        ):
            differ.append("观察期第1天的算法不同")
        if differ:
            self.report.notes.append(
                f"村台账的核酸检测日与服务器不同（{'；'.join(differ)}）："
                "服务器按自己的设置计算应检人数。"
            )

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


def _positive_alarms(session: Session, ids: Any) -> list[tuple[Anomaly, int | None, date | None]]:
    """The 核酸阳性 anomalies among ``ids`` (a select of anomaly ids), each with its person (the
    case's, or the live person it names) and the sample day of the 阳性 that opened it: the one
    whose 检测日期 (or sample day) is the anomaly's day, else the latest 阳性 sampled by then."""
    alarms = session.scalars(
        select(Anomaly)
        .where(Anomaly.id.in_(ids), Anomaly.kind == AnomalyKind.POSITIVE_TEST.value)
        .order_by(Anomaly.id)
    ).all()
    case_people = dict(
        session.execute(
            select(Case.id, Case.person_id).where(
                Case.id.in_([a.case_id for a in alarms if a.case_id is not None])
            )
        ).all()
    )
    named_people: dict[str, int] = {}
    for person_id, name in session.execute(
        select(Person.id, Person.name)
        .where(
            _not_deleted(Person),
            Person.name.in_([a.subject_name for a in alarms if a.subject_name]),
        )
        .order_by(Person.id)
    ):
        named_people.setdefault(name, person_id)
    positives: dict[int, list[tuple[date, date]]] = {}
    for person_id, sampled, tested in session.execute(
        select(NucleicAcidTest.person_id, NucleicAcidTest.sample_date, NucleicAcidTest.tested_on)
        .where(NucleicAcidTest.result == TestResult.POSITIVE.value)
        .order_by(NucleicAcidTest.sample_date)
    ):
        positives.setdefault(person_id, []).append((sampled, tested or sampled))
    found = []
    for alarm in alarms:
        person = (
            case_people.get(alarm.case_id)
            if alarm.case_id is not None
            else named_people.get(alarm.subject_name or "")
        )
        tests = positives.get(person, []) if person is not None else []
        day = next((sampled for sampled, on in tests if on == alarm.detected_on), None)
        if day is None:
            day = max(
                (sampled for sampled, _ in tests if sampled <= alarm.detected_on), default=None
            )
        found.append((alarm, person, day))
    return found


def _merge(server_record: Any, values: dict[str, Any]) -> str:
    """Bring the server's copy of a record up to date with the village's ``values`` when the
    village changed it later than the server did: ``UPDATED``; else ``ALREADY`` (the same) or
    ``KEPT`` (the server's later change stays)."""
    change = _changed(server_record, values)
    if not change or not hasattr(server_record, "updated_at"):
        return ALREADY  # the same; or unstamped (a 车上人员): no telling whose is later, kept
    if not _newer_in_village(server_record, values):
        return KEPT
    for name, value in change.items():
        setattr(server_record, name, value)
    server_record.updated_at = values["updated_at"]  # the village's time: compared next push
    return UPDATED


def _changed(server_record: object, values: dict[str, Any]) -> dict[str, Any]:
    """The village's values that differ from the server's record (ids already the server's);
    the time stamps alone are no change."""
    return {
        name: value
        for name, value in values.items()
        if name not in _STAMPS and getattr(server_record, name) != value
    }


def _newer_in_village(server_record: object, values: dict[str, Any]) -> bool:
    """Whether the village changed the record after the server last did: the later change wins
    (``updated_at`` travels with each push, so a record the server never touched still carries
    the village's own time)."""
    theirs, ours = values.get("updated_at"), getattr(server_record, "updated_at", None)
    return theirs is not None and ours is not None and theirs > ours


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
