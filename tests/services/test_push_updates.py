"""Pushing a village's ledger again brings the server up to date with what the village changed
since its last push (a case released, an anomaly handled, a phone corrected), and keeps what
the township changed on the server later than the village did."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from app import clock
from app.config import AppPaths
from app.db import Database
from app.models import EndKind
from app.services import demo, reference, roster, rounds, server_push
from app.services.roster import PersonInput, RosterFilter
from tests.helpers.pinned_clock import pinned_at

DAY = date(2022, 2, 10)
VILLAGE = "东村"
LATER = timedelta(hours=1)  # the ledger stamps changes to the second: each side's turn is apart


@pytest.fixture
def laptop(tmp_path: Path) -> AppPaths:
    """The village laptop's data folder (its own SQLite file, whatever engine the server is on)."""
    paths = AppPaths((tmp_path / VILLAGE).resolve(), None)
    with Database.open(paths) as village:
        demo.generate(village, persons=15, days=10, seed=7, today=DAY, unit_name=VILLAGE)
    return paths


def _correct_phone(db: Database, case_id: int, phone: str) -> int:
    """Retype the person's phone in their form, everything else as it was; their person id."""
    row = roster.case_row(db, case_id)
    info = roster.person_info(db, row.person_id)
    as_it_was = PersonInput(**{f.name: getattr(info, f.name) for f in fields(PersonInput)})
    roster.update_person(db, row.person_id, replace(as_it_was, phone=phone))
    return row.person_id


def _open_cases(db: Database) -> list[roster.CaseRow]:
    return roster.roster_rows(db, roster.roster_ids(db, RosterFilter("active", on=DAY)))


def _release_reason(db: Database) -> int:
    return next(r.id for r in reference.end_reasons(db) if r.kind == EndKind.RELEASE.value)


def _seen(db: Database) -> dict[str, object]:
    """What a ledger shows of the records the tests change."""
    everyone = roster.roster_rows(db, roster.roster_ids(db, RosterFilter("all")))
    return {
        "open cases": sorted(c.id_number or c.name for c in _open_cases(db)),
        "open anomalies": sorted(
            (a.person_name, a.kind) for a in rounds.anomalies(db, open_only=True)
        ),
        "phones": sorted((c.id_number or c.name, c.phone) for c in everyone),
    }


def _on_server(server: Database) -> dict[str, object]:
    """What the village's account on the server sees."""
    server.unit = VILLAGE
    try:
        return _seen(server)
    finally:
        server.unit = None


def _on_laptop(laptop: AppPaths) -> dict[str, object]:
    with Database.open(laptop) as village:
        return _seen(village)


def test_what_the_village_changed_after_its_push_reaches_the_server(
    db: Database, laptop: AppPaths
) -> None:
    server_push.push_ledger(db, laptop.database, VILLAGE)
    with pinned_at(clock.now() + LATER), Database.open(laptop) as village:
        released = _open_cases(village)[0]
        roster.end_case(village, released.id, DAY, _release_reason(village))
        handled = rounds.anomalies(village, open_only=True)  # fevers and a 核酸阳性
        for anomaly in handled:
            rounds.close_anomaly(village, anomaly.id, "已处置")
        _correct_phone(village, _open_cases(village)[0].id, "13912345678")
    assert _on_server(db) != _on_laptop(laptop)  # the server is behind the village

    report = server_push.push_ledger(db, laptop.database, VILLAGE)

    assert _on_server(db) == _on_laptop(laptop)
    assert "核酸阳性" in {a.kind for a in handled}
    updated = {label: count for label, count in report.updated.items() if count}
    assert updated == {"人员": 1, "登记记录": 1, "异常": len(handled)}
    assert sum(report.added.values()) == 0
    assert report.lines()[0] == f"已上传「{VILLAGE}」：新增 0 条记录，更新 {2 + len(handled)} 条"
    again = server_push.push_ledger(db, laptop.database, VILLAGE)
    assert sum(again.updated.values()) == 0  # brought up to date once: nothing newer next time


def test_a_change_made_on_the_server_after_the_villages_is_kept(
    db: Database, laptop: AppPaths
) -> None:
    server_push.push_ledger(db, laptop.database, VILLAGE)
    with pinned_at(clock.now() + LATER), Database.open(laptop) as village:
        case_id = _open_cases(village)[0].id
        id_number = roster.case_row(village, case_id).id_number
        _correct_phone(village, case_id, "13900000001")  # the village first …
    with pinned_at(clock.now() + 2 * LATER):
        db.unit = VILLAGE
        on_server = next(c for c in _open_cases(db) if c.id_number == id_number)
        _correct_phone(db, on_server.id, "13900000002")  # … then the township, later
        db.unit = None

    report = server_push.push_ledger(db, laptop.database, VILLAGE)

    assert not report.updated.get("人员")
    assert dict(_on_server(db)["phones"])[id_number] == "13900000002"  # type: ignore[call-overload]
    assert "  注意：人员有 1 条在服务器上改得比村台账晚，保留了服务器上的内容。" in report.lines()
