"""The demo village: deterministic for a seed and a "today", and only ever into an empty ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import resolve_paths
from app.db import Database
from app.models import AuditEntry, Person
from app.services import demo, roster
from app.services.errors import ServiceError
from tests.helpers.ledgers import table_counts

TODAY = date(2022, 2, 10)


def _village(folder: Path, seed: int) -> tuple[demo.DemoSummary, list[str], dict[str, int]]:
    paths = resolve_paths(folder)
    with Database.open(paths) as db:
        summary = demo.generate(db, persons=40, days=10, seed=seed, today=TODAY)
        ids = roster.roster_ids(db, roster.RosterFilter(status="all"))
        names = [row.name for row in roster.roster_rows(db, ids)]
    counts = table_counts(paths.database)
    del counts["audit_entry"]  # its timestamps differ, its count does not matter here
    return summary, names, counts


def test_same_seed_and_today_give_the_same_village(tmp_path: Path) -> None:
    first = _village(tmp_path / "a", seed=3)
    second = _village(tmp_path / "b", seed=3)
    assert first == second
    summary, names, counts = first
    assert summary.persons == counts["person"] == counts["case_record"] == 40
    assert summary.readings == counts["temperature_reading"] > 0
    assert summary.vehicle_passes == counts["vehicle_pass"] > 0
    assert summary.anomalies == counts["anomaly"]
    assert counts["assignment"] > 0 and counts["occupant"] > 0
    assert "张三" in names


def test_another_seed_gives_another_village(tmp_path: Path) -> None:
    assert _village(tmp_path / "a", seed=1)[1] != _village(tmp_path / "b", seed=2)[1]


def test_demo_writes_one_summary_audit_entry(db: Database) -> None:
    demo.generate(db, persons=10, days=3, today=TODAY)
    with db.reading() as session:
        entries = session.scalars(select(AuditEntry)).all()
    assert [(e.action, e.operator, e.summary) for e in entries] == [
        ("导入", "测试员", "生成演示数据：10 人，3 天")
    ]


def test_demo_refuses_a_ledger_that_already_has_people(db: Database) -> None:
    demo.generate(db, persons=5, days=2, today=TODAY)
    with pytest.raises(ServiceError, match="台账中已有数据，演示数据只能生成到空台账"):
        demo.generate(db, persons=5, days=2, today=TODAY)
    with db.reading() as session:
        assert session.scalar(select(func.count(Person.id))) == 5


def test_demo_needs_at_least_one_person_and_day(db: Database) -> None:
    with pytest.raises(ServiceError, match="人数和天数都至少为 1"):
        demo.generate(db, persons=0, days=3)
