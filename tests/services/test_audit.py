"""留痕: every change records who, when, and old → new; deleting is soft and can be undone."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.config import AppPaths, Settings
from app.db import Database
from app.models import AuditEntry, Base, Category, Person
from app.models.audit import SKIP_AUDIT_KEY
from app.services import reference, roster
from app.services.roster import CaseInput, PersonInput

TODAY = date(2022, 2, 10)
RELEASED = 1


def entries(db: Database) -> list[AuditEntry]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def changes(entry: AuditEntry) -> dict[str, list[object]]:
    return json.loads(entry.changes)


def register(db: Database) -> roster.CaseRow:
    return roster.register_case(
        db,
        PersonInput(name="张三", phone="13800138000", group_name="一组"),
        CaseInput(category_id=1, measure_id=1, start_date=date(2022, 2, 5)),
        today=TODAY,
    )


def test_register_records_both_new_records_with_operator_and_time(db: Database) -> None:
    before = datetime.now().replace(microsecond=0)
    row = register(db)
    after = datetime.now() + timedelta(seconds=1)

    person, case = entries(db)
    assert (person.action, person.entity, person.entity_id) == ("新增", "person", row.person_id)
    assert (case.action, case.entity, case.entity_id) == ("新增", "case_record", row.id)
    for entry in (person, case):
        assert entry.operator == "测试员"
        assert before <= entry.at <= after
        assert entry.person_id == row.person_id
    assert changes(person)["name"] == [None, "张三"]
    assert changes(person)["phone"] == [None, "13800138000"]
    assert changes(case)["start_date"] == [None, "2022-02-05"]
    assert person.summary == "张三"


def test_update_records_only_what_changed_old_to_new_by_whom(db: Database) -> None:
    row = register(db)
    db.operator = "李文书"

    roster.update_person(
        db, row.person_id, PersonInput(name="张三", phone="13900139000", group_name="一组")
    )

    entry = entries(db)[-1]
    assert (entry.action, entry.entity, entry.operator) == ("修改", "person", "李文书")
    assert changes(entry) == {"phone": ["13800138000", "13900139000"]}


def test_end_reopen_delete_restore_are_each_recorded(db: Database) -> None:
    row = register(db)
    roster.end_case(db, row.id, date(2022, 2, 8), RELEASED)
    roster.reopen_case(db, row.id)
    roster.delete_case(db, row.id)
    roster.restore_case(db, row.id)

    ended, reopened, deleted, restored = entries(db)[2:]
    assert ended.action == "修改"
    assert changes(ended) == {"ended_on": [None, "2022-02-08"], "end_reason_id": [None, RELEASED]}
    assert changes(reopened) == {
        "ended_on": ["2022-02-08", None],
        "end_reason_id": [RELEASED, None],
    }
    assert deleted.action == "删除"
    assert changes(deleted)["deleted_at"][0] is None
    assert restored.action == "恢复"
    assert changes(restored)["deleted_at"][1] is None
    assert {e.entity_id for e in (ended, reopened, deleted, restored)} == {row.id}
    assert roster.case_row(db, row.id).status == "在管"  # the delete was undone


def test_settings_and_required_roles_are_audited(db: Database) -> None:
    reference.write_setting(db, Settings.FEVER_THRESHOLD, 37.5)
    reference.save_measure(
        db, "居家隔离医学观察", default_days=7, needs_readings=True,
        required_role_ids=[1, 2], measure_id=1,
    )  # fmt: skip

    setting, measure = entries(db)
    assert (setting.entity, setting.summary) == ("setting", "fever_threshold")
    assert changes(setting)["value"] == [None, "37.5"]
    assert changes(measure) == {
        "required_roles": [["医护人员", "村干部", "乡镇干部"], ["医护人员", "村干部"]]
    }


def test_a_hard_delete_records_what_was_removed(db: Database) -> None:
    added = reference.add_category(db, "临时类别")
    with db.session() as session:
        session.delete(session.get_one(Category, added.id))
    entry = entries(db)[-1]
    assert (entry.action, entry.entity, entry.entity_id) == ("移除", "category", added.id)
    assert changes(entry)["name"] == ["临时类别", None]


def test_a_failed_change_leaves_no_audit_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Person(name="半途", search_key="bt bantu"))
        session.flush()  # the hook has written its entry inside this transaction …
        raise RuntimeError("… and the rollback takes it away with the change")
    assert entries(db) == []


def test_bulk_paths_can_skip_the_hook(db: Database) -> None:
    with db.session() as session:
        session.info[SKIP_AUDIT_KEY] = True
        session.add(Person(name="批量", search_key="pl piliang"))
    assert entries(db) == []


def test_the_hook_is_on_the_ledgers_sessions_only(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Category(name="别处", sort_order=1, active=True))
        session.commit()
        assert session.scalar(select(func.count(AuditEntry.id))) == 0
    engine.dispose()


def test_auditing_does_not_depend_on_the_event_registry_remembering_a_freed_target(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLAlchemy keys its registry on id(target); once a ledger's sessionmaker is freed its id can
    # be reused, so asking the registry "already listening?" may wrongly say yes.
    import sqlalchemy.event

    monkeypatch.setattr(sqlalchemy.event, "contains", lambda *args: True)
    with Database.open(paths, operator="测试员") as db:
        register(db)
        assert [e.action for e in entries(db)] == ["新增", "新增"]
