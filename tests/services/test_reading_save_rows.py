"""The Core save path writes exactly the rows and audit entries the ORM path wrote.

``rounds.save_reading`` used to load the case and reading as ORM objects and let the session's
audit hook write the trail; it now runs a few Core statements and writes the audit rows itself.
``_orm_save`` below is the former implementation, kept as the oracle: the same saves go through
both on two identical ledgers, and every stored row of ``temperature_reading``, ``anomaly`` and
``audit_entry`` must match (``created_at``/``updated_at`` aside: they are not audited).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings, resolve_paths
from app.db import Database
from app.models import Anomaly, AnomalyKind, Case, Slot, TemperatureReading
from app.models.health import SYMPTOM_SEPARATOR
from app.models.validation import ValidationError, is_fever, optional_text, parse_temperature
from app.services import reference, rounds
from app.services.errors import Conflict, ServiceError
from app.services.reference import get_setting
from app.services.roster import CaseInput, PersonInput, register_case
from app.services.rounds import ReadingEntry, SaveResult, parse_symptoms
from tests.helpers.readings import save_all

DAY = date(2022, 3, 10)
START = datetime(2022, 3, 10, 8, 0, 0)


def _orm_save(session: Session, entry: ReadingEntry, *, overwrite: bool = True) -> SaveResult:
    """The ORM save path as it was before the Core rewrite (the oracle)."""
    value = parse_temperature(entry.celsius)
    names = parse_symptoms(entry.symptoms)
    case = session.get(Case, entry.case_id)
    assert case is not None and case.under_management_on(entry.day)
    threshold = get_setting(session, Settings.FEVER_THRESHOLD)
    reading = session.scalar(
        select(TemperatureReading).where(
            TemperatureReading.case_id == entry.case_id,
            TemperatureReading.reading_date == entry.day,
            TemperatureReading.slot == entry.slot.value,
        )
    )
    replaced = None
    if reading is None:
        reading = TemperatureReading(
            case_id=entry.case_id, reading_date=entry.day, slot=entry.slot.value
        )
        session.add(reading)
    else:
        if not overwrite:
            raise Conflict("已有体温")
        replaced = reading.celsius
    reading.celsius = value
    reading.symptoms = SYMPTOM_SEPARATOR.join(names)
    reading.measured_by = optional_text(entry.measured_by, max_length=50)
    reading.note = optional_text(entry.note, max_length=200)
    reading.recorded_at = rounds.local_now()
    session.flush()
    abnormal = is_fever(value, threshold) or bool(names)
    anomaly_id = None
    if abnormal:
        existing = session.scalar(
            select(Anomaly).where(Anomaly.reading_id == reading.id, Anomaly.closed.is_(False))
        )
        fever = is_fever(reading.celsius, threshold)
        observation = f"{Slot(reading.slot).label}体温 {reading.celsius:.1f} ℃"
        if names:
            observation += f"，症状：{'、'.join(names)}"
        kind = AnomalyKind.FEVER.value if fever else AnomalyKind.SYMPTOM.value
        if existing:
            existing.observation = observation
            existing.kind = kind
            anomaly_id = existing.id
        else:
            anomaly = Anomaly(
                case_id=case.id, reading_id=reading.id, kind=kind,
                detected_on=reading.reading_date, slot=reading.slot, observation=observation,
                closed=False,
            )  # fmt: skip
            session.add(anomaly)
            session.flush()
            anomaly_id = anomaly.id
    info = rounds._reading_info(
        reading.case_id, reading.reading_date, Slot(reading.slot), reading.id, reading.celsius,
        reading.symptoms, reading.measured_by, reading.recorded_at, reading.note,
        fever=lambda c: is_fever(c, threshold),
    )  # fmt: skip
    return SaveResult(info, abnormal, anomaly_id, replaced)


class PinnedClock:
    """``local_now`` as the save path and the audit hook see it, moved on by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: int = 1) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> PinnedClock:
    pinned = PinnedClock()
    monkeypatch.setattr("app.services.rounds.local_now", pinned)
    monkeypatch.setattr("app.models.audit.local_now", pinned)
    return pinned


@pytest.fixture
def ledgers(tmp_path: Path, clock: PinnedClock) -> Iterator[tuple[Database, Database]]:
    """Two identical ledgers: one saved through the Core path, one through the ORM oracle."""
    pair = []
    for name in ("core", "orm"):
        db = Database.open(resolve_paths(tmp_path / name), operator="王文书")
        reference.write_setting(db, Settings.FEVER_THRESHOLD, 37.3)
        for person in ("张三", "李四"):
            register_case(
                db,
                PersonInput(person, group_name="一组"),
                CaseInput(category_id=1, measure_id=1, start_date=DAY - timedelta(days=3)),
            )
        pair.append(db)
    yield pair[0], pair[1]
    for db in pair:
        db.close()


Save = tuple[int, Slot, object, object]  # case id, slot, temperature, symptoms

# A round and its corrections: new readings, overwrites with and without a change, a fever that
# opens an anomaly, a correction that updates that anomaly, a symptom without fever.
SAVES: list[Save] = [
    (1, Slot.AM, "36.5", ()),
    (1, Slot.AM, 36.8, ()),  # a correction: celsius and recorded_at change
    (1, Slot.PM, 38.2, ()),  # fever: a new anomaly
    (1, Slot.PM, 38.6, "干咳"),  # the same reading corrected: the open anomaly follows
    (1, Slot.PM, 36.6, "乏力"),  # no fever, a symptom: the anomaly's kind changes
    (2, Slot.AM, 36.2, "无"),
]


def _stored(db: Database) -> dict[str, list[dict[str, object]]]:
    connection = sqlite3.connect(db.paths.database)
    try:
        tables = {}
        for table in ("temperature_reading", "anomaly", "audit_entry"):
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] not in {"created_at", "updated_at"}
            ]
            query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"
            rows = connection.execute(query)
            tables[table] = [dict(zip(columns, row, strict=True)) for row in rows]
        return tables
    finally:
        connection.close()


def _run(
    db: Database, saves: list[Save], save: Callable[[Database, ReadingEntry], SaveResult],
    clock: PinnedClock,
) -> list[SaveResult]:  # fmt: skip
    results = []
    for case_id, slot, celsius, symptoms in saves:
        clock.tick()
        entry = ReadingEntry(case_id, DAY, slot, celsius, symptoms, measured_by="张村医")
        results.append(save(db, entry))
    return results


def _core(db: Database, entry: ReadingEntry) -> SaveResult:
    return rounds.record_reading(
        db, entry.case_id, entry.day, entry.slot, entry.celsius,
        symptoms=entry.symptoms, measured_by=entry.measured_by, today=DAY,
    )  # fmt: skip


def _oracle(db: Database, entry: ReadingEntry) -> SaveResult:
    with db.session() as session:
        return _orm_save(session, entry)


def test_one_reading_at_a_time_stores_what_the_orm_path_stored(
    ledgers: tuple[Database, Database], clock: PinnedClock
) -> None:
    core, orm = ledgers
    core_results = _run(core, SAVES, _core, clock)
    clock.now = START
    orm_results = _run(orm, SAVES, _oracle, clock)

    assert core_results == orm_results
    assert _stored(core) == _stored(orm)
    trail = [(e["entity"], e["action"]) for e in _stored(core)["audit_entry"]]
    assert trail.count(("temperature_reading", "修改")) == 3  # corrections kept, old → new
    assert trail.count(("anomaly", "新增")) == 1
    assert trail.count(("anomaly", "修改")) == 2


def test_an_unchanged_resave_writes_nothing_as_before(
    ledgers: tuple[Database, Database], clock: PinnedClock
) -> None:
    """Saving the same values in the same second changes no column: no UPDATE, no audit row."""
    core, orm = ledgers
    for db, save in ((core, _core), (orm, _oracle)):
        clock.now = START
        entry = ReadingEntry(1, DAY, Slot.PM, 38.0, (), measured_by="张村医")
        save(db, entry)
        save(db, entry)  # the pinned clock has not moved
    assert _stored(core) == _stored(orm)
    trail = [(e["entity"], e["action"]) for e in _stored(core)["audit_entry"]]
    assert ("temperature_reading", "修改") not in trail


def test_a_batch_through_a_session_stores_what_the_orm_path_stored(
    ledgers: tuple[Database, Database], clock: PinnedClock
) -> None:
    """The import path: many saves in the caller's transaction, the operator from the session."""
    core, orm = ledgers
    entries = [ReadingEntry(c, DAY, s, t, y, measured_by="张村医") for c, s, t, y in SAVES]
    with core.session(operator="李文书") as session:
        core_results = [rounds.save_reading(session, e, today=DAY) for e in entries]
    with orm.session(operator="李文书") as session:
        orm_results = [_orm_save(session, e) for e in entries]
    assert core_results == orm_results
    assert _stored(core) == _stored(orm)


def test_a_refused_save_leaves_no_trace(
    ledgers: tuple[Database, Database], clock: PinnedClock
) -> None:
    core, _orm = ledgers
    rounds.record_reading(core, 1, DAY, Slot.AM, 36.5, today=DAY)
    before = _stored(core)
    with pytest.raises(Conflict, match=r"张三.*已有体温 36\.5"):
        rounds.record_reading(core, 1, DAY, Slot.AM, 37.9, overwrite=False, today=DAY)
    with pytest.raises(ServiceError, match="不在观察期内"):
        rounds.record_reading(core, 2, DAY - timedelta(days=5), Slot.AM, 36.5, today=DAY)
    with pytest.raises(ServiceError, match="找不到"):
        rounds.record_reading(core, 99, DAY, Slot.AM, 36.5, today=DAY)
    entries = [ReadingEntry(2, DAY, Slot.AM, 36.4), ReadingEntry(2, DAY, Slot.PM, "abc")]
    with pytest.raises(ValidationError, match="abc"):
        save_all(core, entries, today=DAY)  # all or nothing
    assert _stored(core) == before


def test_the_threshold_is_read_fresh_after_a_settings_change(
    ledgers: tuple[Database, Database], clock: PinnedClock
) -> None:
    core, _orm = ledgers
    assert rounds.record_reading(core, 1, DAY, Slot.AM, 37.2, today=DAY).abnormal is False
    reference.write_setting(core, Settings.FEVER_THRESHOLD, 37.0)
    assert rounds.record_reading(core, 1, DAY, Slot.PM, 37.2, today=DAY).abnormal is True
