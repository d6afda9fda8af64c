"""操作留痕 — reading the audit trail: who changed what and when, in words a clerk reads.

The trail (``AuditEntry``, written by the session hook in ``app.models.audit``) stores table and
column names and raw values (``{"celsius": [36.5, 37.8]}``). Here they become 体温：36.5 → 37.8,
with ids of reference records turned into names (人员类别：密切接触者 → 次密切接触者). The trail
grows with every save, so the GUI pages through it: ``audit_ids`` (ordered, one cheap query),
then ``audit_rows`` for the ids on screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Database
from app.models import (
    AuditEntry,
    Category,
    Checkpoint,
    EndReason,
    Measure,
    Person,
    Staff,
    StaffRole,
)
from app.models.fields import RECORD_TYPES, Personal, RecordType
from app.models.masking import current_privacy, mask_id_number, mask_phone
from app.services.access import Permission, require

Progress = Callable[[int, int], None]

#: Table names → what a clerk calls such a record.
ENTITY_LABELS: dict[str, str] = {
    "person": "人员",
    "case_record": "登记",
    "temperature_reading": "体温",
    "anomaly": "异常处置",
    "staff": "包保人员",
    "assignment": "包保分配",
    "checkpoint": "卡点",
    "vehicle_pass": "车辆登记",
    "occupant": "车上人员",
    "category": "人员类别",
    "measure": "管控措施",
    "measure_required_role": "措施所需角色",
    "staff_role": "包保角色",
    "end_reason": "结束原因",
    "setting": "设置",
    "unit_profile": "填报单位",
    "operator": "账号",
    "demo": "演示数据",
    "daily_report": "日报表",
}


def record_labels(records: Sequence[RecordType]) -> dict[str, dict[str, str]]:
    """table → column → the audit trail's label, for the tables of these record types."""
    return {
        table: labels
        for record in records
        for table, labels in record.audit_labels_by_table().items()
    }


_RECORD_LABELS = record_labels(RECORD_TYPES)
#: (table, column) → how the trail masks it when asked: the registry's personal fields.
_PERSONAL: dict[tuple[str, str], Personal] = {
    (table, column): kind
    for record in RECORD_TYPES
    for table in record.tables
    for column, kind in record.personal_columns().items()
}

#: Column names → Chinese labels for the other tables (the same key means the same thing in
#: each): reference lists, settings, accounts, anomalies, assignments.
FIELD_LABELS: dict[str, str] = {
    "name": "名称", "phone": "联系电话", "person_id": "人员", "measure_id": "管控措施",
    "case_id": "登记", "slot": "时段", "reading_id": "体温记录", "pass_id": "车辆登记",
    "kind": "类型", "detected_on": "发现日期", "observation": "异常情况", "action": "处置措施",
    "handled_by": "处置人", "handled_at": "处置时间", "closed": "已关闭", "outcome": "处置结果",
    "closed_at": "关闭时间", "role_id": "包保角色", "active": "启用", "staff_id": "包保人员",
    "since": "开始日期", "until": "结束日期", "location": "位置", "level": "级别",
    "responsible": "负责人", "sort_order": "排序", "default_days": "默认天数",
    "needs_readings": "需测体温", "required_roles": "所需包保角色", "key": "设置项",
    "value": "设置值", "unit_name": "填报单位", "township": "上级乡镇", "reporter": "填报人",
    "reviewer": "审核人", "username": "账号", "display_name": "姓名", "role": "角色",
    "subject_name": "异常人员", "report_day": "报表日期", "file": "文件名",
}  # fmt: skip

_SLOTS = {"AM": "上午", "PM": "下午"}
_END_KINDS = {"release": "解除", "medical": "送医", "transfer": "转运", "other": "其他"}
_SETTING_LABELS = {spec.key: spec.label for spec in Settings.all()}
_EMPTY = "（空）"
#: Links to the person's other records: shown when they change, not when a record is made.
_LINKS = {"person_id", "case_id", "reading_id", "pass_id", "source_pass_id"}


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show; every part is optional."""

    person: str = ""  # part of a name, or pinyin (zs / zhangsan)
    operator: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    entity: str | None = None  # a table name (ENTITY_LABELS key)


@dataclass(frozen=True)
class FieldChange:
    field: str  # Chinese label
    old: str | None  # None: the field had no "before" (a new record, or a summary figure)
    new: str | None  # None: removed

    def text(self) -> str:
        if self.old is None:
            return f"{self.field}：{self.new if self.new is not None else _EMPTY}"
        return f"{self.field}：{self.old} → {self.new if self.new is not None else _EMPTY}"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    operator: str
    action: str  # 新增 / 修改 / 删除 / 恢复 / 移除 / 导入 / 修改密码 …
    entity: str
    entity_label: str  # 人员, 体温 …
    person_name: str | None
    record: str  # what was changed, as the clerk knows it (a name, a setting's label)
    changes: tuple[FieldChange, ...]

    def changes_text(self, separator: str = "；") -> str:
        return separator.join(change.text() for change in self.changes)


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


# --- querying -------------------------------------------------------------------------------------


def _query(flt: AuditFilter) -> Any:
    query = select(AuditEntry.id)
    if flt.person.strip():
        text = flt.person.strip()
        matching = select(Person.id).where(
            or_(Person.name.contains(text), Person.search_key.contains(text.casefold()))
        )
        query = query.where(AuditEntry.person_id.in_(matching))
    if flt.operator:
        query = query.where(AuditEntry.operator == flt.operator)
    if flt.first_day is not None:
        query = query.where(AuditEntry.at >= datetime.combine(flt.first_day, datetime.min.time()))
    if flt.last_day is not None:
        end = datetime.combine(flt.last_day + timedelta(days=1), datetime.min.time())
        query = query.where(AuditEntry.at < end)
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    return query


def audit_ids(
    db: Database, flt: AuditFilter | None = None, *, oldest_first: bool = False
) -> list[int]:
    """Ids of the matching entries, newest first (one query; rows come from ``audit_rows``)."""
    order = AuditEntry.id.asc() if oldest_first else AuditEntry.id.desc()
    with db.reading() as session:
        return list(session.scalars(_query(flt or AuditFilter()).order_by(order)))


def audit_rows(db: Database, ids: list[int]) -> list[AuditRow]:
    """The entries ``ids`` in that order, rendered (an id that vanished is skipped)."""
    if not ids:
        return []
    with db.reading() as session:
        return _rows(session, ids, mask=False)


def _rows(session: Session, ids: list[int], *, mask: bool) -> list[AuditRow]:
    entries = {e.id: e for e in session.scalars(select(AuditEntry).where(AuditEntry.id.in_(ids)))}
    person_ids = {e.person_id for e in entries.values() if e.person_id is not None}
    names = (
        dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids))).all())
        if person_ids
        else {}
    )
    render = _Renderer(session, mask=mask)
    rows = []
    for entry_id in ids:
        entry = entries.get(entry_id)
        if entry is None:
            continue
        rows.append(
            AuditRow(
                id=entry.id,
                at=entry.at,
                operator=entry.operator,
                action=entry.action,
                entity=entry.entity,
                entity_label=entity_label(entry.entity),
                person_name=names.get(entry.person_id) if entry.person_id is not None else None,
                record=_record(entry),
                changes=tuple(render.changes(entry)),
            )
        )
    return rows


def operator_names(db: Database) -> list[str]:
    """Everyone who appears in the trail (for the 操作员 filter), alphabetically."""
    with db.reading() as session:
        return sorted(session.scalars(select(AuditEntry.operator).distinct()))


def entities_present(db: Database) -> list[str]:
    with db.reading() as session:
        found = set(session.scalars(select(AuditEntry.entity).distinct()))
    known = [entity for entity in ENTITY_LABELS if entity in found]
    return known + sorted(found - set(known))


def _record(entry: AuditEntry) -> str:
    if entry.entity == "setting":
        return _SETTING_LABELS.get(entry.summary, entry.summary)
    return entry.summary


# --- rendering values -----------------------------------------------------------------------------


class _Renderer:
    """Turns one entry's stored changes into ``FieldChange`` lines; caches reference names."""

    _REFERENCES: ClassVar[dict[str, type]] = {
        "category_id": Category,
        "measure_id": Measure,
        "end_reason_id": EndReason,
        "role_id": StaffRole,
        "staff_id": Staff,
        "checkpoint_id": Checkpoint,
        "person_id": Person,
    }

    def __init__(self, session: Session, *, mask: bool) -> None:
        self.session = session
        self.mask = mask
        self.names: dict[tuple[str, int], str] = {}

    def changes(self, entry: AuditEntry) -> Iterator[FieldChange]:
        try:
            stored = json.loads(entry.changes) if entry.changes else {}
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            return
        for key, value in stored.items():
            label = self.label(entry.entity, key)
            if key == "id" or (entry.entity == "setting" and key == "key"):
                continue  # the 记录 column already names the record
            if entry.action == "新增" and key in _LINKS:
                continue  # the 人员 column already says whose record it is
            if isinstance(value, list) and len(value) == 2:
                old, new = value
                before = None if entry.action == "新增" else self.value(entry, key, old)
                if entry.entity == "setting" and entry.action == "新增":
                    before = _setting_default(entry.summary)  # first change from the default
                yield FieldChange(
                    label,
                    before,
                    None if entry.action == "移除" else self.value(entry, key, new),
                )
            else:  # a summary figure of an import ("新增人员": 12)
                yield FieldChange(label, None, self.value(entry, key, value))

    @staticmethod
    def label(entity: str, key: str) -> str:
        return _RECORD_LABELS.get(entity, {}).get(key) or FIELD_LABELS.get(key, key)

    def value(self, entry: AuditEntry, key: str, value: object) -> str:
        if value is None or value == "":
            return _EMPTY
        if entry.entity == "setting" and key == "value":
            return _setting_text(entry.summary, str(value))
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, list):
            return "、".join(str(v) for v in value) if value else "（无）"
        if key in self._REFERENCES and isinstance(value, int):
            return self.reference(key, value)
        if key == "slot":
            return _SLOTS.get(str(value), str(value))
        if entry.entity == "end_reason" and key == "kind":
            return _END_KINDS.get(str(value), str(value))
        personal = _PERSONAL.get((entry.entity, key)) if self.mask else None
        if personal == "id":
            return mask_id_number(str(value)) or ""
        if personal == "phone":
            return mask_phone(str(value)) or ""
        if isinstance(value, str) and len(value) == 19 and value[10] == " ":
            return value[:16]  # "2022-02-03 08:00:00" → minutes are what a clerk reads
        return str(value)

    def reference(self, key: str, ident: int) -> str:
        cached = self.names.get((key, ident))
        if cached is None:
            record = self.session.get(self._REFERENCES[key], ident)
            cached = getattr(record, "name", None) or f"#{ident}"
            self.names[(key, ident)] = cached
        return cached


def _setting_default(key: str) -> str | None:
    for spec in Settings.all():
        if spec.key == key:
            return _setting_text(key, spec.format(spec.default))
    return None


def _setting_text(key: str, text: str) -> str:
    for spec in Settings.all():
        if spec.key == key and isinstance(spec.default, bool):
            return "是" if spec.parse(text) else "否"
    return text


# --- export ---------------------------------------------------------------------------------------


def export_audit(
    db: Database, flt: AuditFilter, target: Path, *, progress: Progress | None = None
) -> int:
    """Write the matching entries (oldest first) to ``target``; returns how many.

    Masking (``app.services.privacy``) also hides ID numbers and phones inside the old → new
    values, which sit in one text column rather than a column of their own.
    """
    from app.excel.workbook import Column, SheetSpec, write_workbook

    require(db, Permission.EXPORT)
    ids = audit_ids(db, flt, oldest_first=True)
    privacy = current_privacy()
    mask = privacy is not None and privacy.mask_personal

    def rows() -> Iterator[tuple[object, ...]]:
        for start in range(0, len(ids), 500):
            with db.reading() as session:
                for row in _rows(session, ids[start : start + 500], mask=mask):
                    yield (
                        row.at, row.operator, row.action, row.entity_label,
                        row.person_name or "", row.record, row.changes_text(),
                    )  # fmt: skip

    columns = [
        Column("时间", "datetime", 17), Column("操作员", width=12), Column("操作", width=9),
        Column("类别", width=10), Column("人员", width=10), Column("记录", width=16),
        Column("改动内容", width=60),
    ]  # fmt: skip
    sheet = SheetSpec(
        title="操作留痕",
        columns=columns,
        rows=rows(),
        heading="操作留痕",
        subheading_rows=[[_filter_text(flt), f"共 {len(ids)} 条"]],
        landscape=True,
        row_count_hint=len(ids),
    )
    write_workbook(target, [sheet], progress=progress)
    return len(ids)


def _filter_text(flt: AuditFilter) -> str:
    parts = []
    if flt.first_day or flt.last_day:
        first = f"{flt.first_day:%Y-%m-%d}" if flt.first_day else "最早"
        last = f"{flt.last_day:%Y-%m-%d}" if flt.last_day else "至今"
        parts.append(f"时间：{first} 至 {last}")
    if flt.person.strip():
        parts.append(f"人员：{flt.person.strip()}")
    if flt.operator:
        parts.append(f"操作员：{flt.operator}")
    if flt.entity:
        parts.append(f"类别：{entity_label(flt.entity)}")
    return "　".join(parts) or "全部记录"
