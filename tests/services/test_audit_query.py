"""Reading the audit trail: changes in words (体温：36.5 → 37.8), filters, export."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.config import Settings
from app.db import Database
from app.models import AuditEntry, Slot
from app.services import audit_query, privacy, reference, roster, rounds
from app.services.audit_query import AuditFilter
from app.services.privacy import ExportProtection
from app.services.roster import CaseInput, PersonInput
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()


@pytest.fixture
def history(db: Database) -> dict[str, int]:
    """张三 registered by 李明, a reading changed by 王医生, 李四 ended, a setting changed."""
    db.operator = "李明"
    zhang = roster.register_case(
        db,
        PersonInput(name="张三", id_number="11010519491231002X", phone="13812345678"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=2)),
    )
    li = roster.register_case(
        db,
        PersonInput(name="李四", id_number="440524188001010014"),
        CaseInput(category_id=1, measure_id=1, start_date=TODAY - timedelta(days=2)),
    )
    db.operator = "王医生"
    rounds.record_reading(db, zhang.id, TODAY, Slot.AM, 36.5)
    rounds.record_reading(db, zhang.id, TODAY, Slot.AM, 37.8)
    db.operator = "李明"
    roster.end_case(db, li.id, TODAY, reason_id=1)
    reference.write_setting(db, Settings.FEVER_THRESHOLD, 37.5)
    return {"zhang": zhang.person_id, "li": li.person_id}


def _rows(db: Database, flt: AuditFilter | None = None) -> list[audit_query.AuditRow]:
    return audit_query.audit_rows(db, audit_query.audit_ids(db, flt))


def test_changes_read_as_old_to_new_with_chinese_labels(db: Database, history: dict) -> None:
    rows = _rows(db)
    reading_change = next(
        r for r in rows if r.entity == "temperature_reading" and r.action == "修改"
    )
    assert reading_change.entity_label == "体温"
    assert reading_change.person_name == "张三"
    assert reading_change.operator == "王医生"
    assert "体温：36.5 → 37.8" in reading_change.changes_text()

    ended = next(r for r in rows if r.entity == "case_record" and r.action == "修改")
    texts = [change.text() for change in ended.changes]
    assert f"结束日期：（空） → {TODAY:%Y-%m-%d}" in texts
    assert "结束原因：（空） → 期满解除" in texts  # an id shown as the name it stands for
    assert ended.entity_label == "登记" and ended.person_name == "李四"

    created = next(r for r in rows if r.entity == "person" and r.person_name == "张三")
    assert created.action == "新增"
    assert "证件号码：11010519491231002X" in created.changes_text()
    assert "姓名：张三" in created.changes_text()

    setting = next(r for r in rows if r.entity == "setting")
    assert (setting.entity_label, setting.record) == ("设置", "发热判定体温（℃）")
    assert setting.changes_text() == "设置值：37.3 → 37.5"  # the first change from the default


def test_newest_first_and_filters(db: Database, history: dict) -> None:
    ids = audit_query.audit_ids(db)
    assert ids == sorted(ids, reverse=True)
    assert audit_query.audit_ids(db, oldest_first=True) == sorted(ids)

    zhang = _rows(db, AuditFilter(person="张"))
    assert zhang and {r.person_name for r in zhang} == {"张三"}
    assert {r.person_name for r in _rows(db, AuditFilter(person="zs"))} == {"张三"}  # pinyin
    assert {r.operator for r in _rows(db, AuditFilter(operator="王医生"))} == {"王医生"}
    assert {r.entity for r in _rows(db, AuditFilter(entity="temperature_reading"))} == {
        "temperature_reading"
    }
    assert _rows(db, AuditFilter(first_day=TODAY + timedelta(days=1))) == []
    assert len(_rows(db, AuditFilter(first_day=TODAY, last_day=TODAY))) == len(ids)
    assert audit_query.operator_names(db) == sorted({"李明", "王医生"})
    assert audit_query.entities_present(db)[:2] == ["person", "case_record"]


def test_a_summary_entry_of_an_import_is_readable(db: Database) -> None:
    with db.session() as session:
        session.add(
            AuditEntry(
                at=datetime.now(),
                operator="李明",
                action="导入",
                entity="person",
                changes='{"文件": "名单.xlsx", "新增人员": 12}',
                summary="导入名单",
            )
        )
    [row] = _rows(db)
    assert row.changes_text() == "文件：名单.xlsx；新增人员：12"


def test_export_writes_what_the_filter_shows_and_masks_on_request(
    db: Database, history: dict, tmp_path: Path
) -> None:
    plain, masked = tmp_path / "留痕.xlsx", tmp_path / "留痕-脱敏.xlsx"
    count = audit_query.export_audit(db, AuditFilter(person="张三"), plain)
    assert count == len(_rows(db, AuditFilter(person="张三")))
    sheet = openpyxl.load_workbook(plain).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[1]]
    header = next(r for r in values if r[0] == "时间")
    assert header == ("时间", "操作员", "操作", "类别", "人员", "记录", "改动内容")
    data = values[values.index(header) + 1 :]
    assert len(data) == count
    assert {row[4] for row in data} == {"张三"}
    assert any("体温：36.5 → 37.8" in row[6] for row in data)
    assert any("11010519491231002X" in row[6] for row in data)

    with privacy.protected_export(ExportProtection(mask_personal=True)):
        audit_query.export_audit(db, AuditFilter(person="张三"), masked)
    text = "\n".join(
        str(c) for r in openpyxl.load_workbook(masked).active.iter_rows(values_only=True) for c in r
    )
    assert "11010519491231002X" not in text and "13812345678" not in text
    assert "110105********002X" in text and "138****5678" in text
