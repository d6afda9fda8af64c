"""留痕 — who changed what and when. Written by the session hook in ``app.db``, never edited."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, local_now


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=local_now, index=True)
    operator: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(20))  # 新增 / 修改 / 删除 / 恢复 / 导入 …
    entity: Mapped[str] = mapped_column(String(30))  # table name
    entity_id: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)  # to filter by person
    changes: Mapped[str] = mapped_column(Text, default="")  # JSON {field: [old, new]}
    summary: Mapped[str] = mapped_column(String(200), default="")


# --- the hook that writes entries -----------------------------------------------------------------

OPERATOR_KEY = "operator"  # Session.info key holding who is working
SKIP_AUDIT_KEY = "skip_audit"  # bulk paths write one summary entry themselves
_NOT_AUDITED = {"audit_entry"}
# version only counts saves (optimistic concurrency): the change itself is what is recorded.
_IGNORED_FIELDS = {"created_at", "updated_at", "search_key", "version"}
# An account's password hash never goes into the trail (a hash can be attacked offline), nor do
# the wrong-password counters: app.services.operators records those events in words.
_IGNORED_FIELDS |= {"password_hash", "failed_attempts", "locked_until"}


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return value


def _label(obj: object) -> object:
    """How a related record appears in a change list: its name if it has one, else its id."""
    return getattr(obj, "name", None) or getattr(obj, "id", None)


def _changes(obj: object, *, new: bool) -> dict[str, list[object]]:
    from sqlalchemy import inspect

    state = inspect(obj)
    changes: dict[str, list[object]] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _IGNORED_FIELDS:
            continue
        if new:
            # state.dict, not getattr: after the INSERT an unset server-default column is expired
            # and getattr would run a SELECT inside the flush.
            value = state.dict.get(attr.key)
            if value is not None:
                changes[attr.key] = [None, _plain(value)]
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            now = history.added[0] if history.added else None
            if old != now:
                changes[attr.key] = [_plain(old), _plain(now)]
    # Many-to-many lists (a measure's required 包保 roles) change no column of their own.
    for rel in state.mapper.relationships:
        if rel.secondary is None or new:
            continue
        history = state.attrs[rel.key].history
        if history.added or history.deleted:
            kept = list(history.unchanged)
            before = [_label(o) for o in kept + list(history.deleted)]
            after = [_label(o) for o in kept + list(history.added)]
            changes[rel.key] = [before, after]
    return changes


def _removed_values(obj: object) -> dict[str, list[object]]:
    """What a hard-deleted record held (only what was loaded: nothing may be read back now)."""
    from sqlalchemy import inspect

    state = inspect(obj)
    return {
        attr.key: [_plain(state.dict[attr.key]), None]
        for attr in state.mapper.column_attrs
        if attr.key not in _IGNORED_FIELDS and state.dict.get(attr.key) is not None
    }


def _person_id(session: Any, obj: object) -> int | None:
    from sqlalchemy import select

    from app.models.roster import Case, Person

    if isinstance(obj, Person):
        return obj.id
    if isinstance(obj, Case):
        return obj.person_id
    case_id = getattr(obj, "case_id", None)
    if case_id is None:
        return None
    # A reading is saved right after its case was loaded: the identity map spares a query.
    loaded = session.identity_map.get(session.identity_key(Case, case_id))
    if loaded is not None:
        return loaded.person_id
    return session.execute(select(Case.person_id).where(Case.id == case_id)).scalar()


def _summary(obj: object) -> str:
    key = getattr(obj, "key", None)  # a Setting's name: it has no integer id
    name = getattr(obj, "name", None)
    return str(key or name or "")[:200]


def _entries(session: Any) -> list[dict[str, object]]:
    operator = session.info.get(OPERATOR_KEY) or "系统"
    now = local_now()
    rows: list[dict[str, object]] = []
    changed = [(o, True) for o in session.new] + [(o, False) for o in session.dirty]
    for obj, new in changed:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in _NOT_AUDITED:
            continue
        changes = _changes(obj, new=new)
        if not changes:
            continue
        action = "新增" if new else "修改"
        if "deleted_at" in changes and not new:
            action = "删除" if changes["deleted_at"][1] is not None else "恢复"
        rows.append(_entry(session, obj, table, action, changes, operator, now))
    for obj in session.deleted:
        table = getattr(obj, "__tablename__", None)
        if table and table not in _NOT_AUDITED:
            rows.append(_entry(session, obj, table, "移除", _removed_values(obj), operator, now))
    return rows


def _entry(
    session: Any,
    obj: object,
    table: str,
    action: str,
    changes: dict[str, list[object]],
    operator: str,
    now: datetime,
) -> dict[str, object]:
    identity = getattr(obj, "id", None)
    return audit_row(
        at=now,
        operator=operator,
        action=action,
        entity=table,
        entity_id=identity if isinstance(identity, int) else None,
        person_id=_person_id(session, obj),
        changes=changes,
        summary=_summary(obj),
    )


def audit_row(
    *,
    at: datetime,
    operator: str,
    action: str,
    entity: str,
    entity_id: int | None,
    person_id: int | None,
    changes: dict[str, list[object]],
    summary: str = "",
) -> dict[str, object]:
    """One ``audit_entry`` row as the hook writes it (also for Core writes, which it never sees)."""
    return {
        "at": at,
        "operator": operator,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "person_id": person_id,
        "changes": json.dumps(changes, ensure_ascii=False),
        "summary": summary,
    }


def _audited_columns(model: type) -> list[str]:
    """``model``'s columns in the order the hook lists them, without the ignored ones."""
    from sqlalchemy import inspect

    return [a.key for a in inspect(model).column_attrs if a.key not in _IGNORED_FIELDS]


def inserted_changes(model: type, values: dict[str, object]) -> dict[str, list[object]]:
    """The change list the hook records for a new row of ``model`` holding ``values``."""
    return {
        key: [None, _plain(values[key])]
        for key in _audited_columns(model)
        if values.get(key) is not None
    }


def updated_changes(
    model: type, old: dict[str, object], new: dict[str, object]
) -> dict[str, list[object]]:
    """The change list the hook records when the columns in ``new`` are set on a row that held
    ``old``: only the columns whose value differs."""
    return {
        key: [_plain(old[key]), _plain(new[key])]
        for key in _audited_columns(model)
        if key in new and old[key] != new[key]
    }


def _record(session: Any, _context: object) -> None:
    """``after_flush``: the flushed objects are still listed as new/dirty/deleted with their
    attribute history (old → new), and the entries join the same transaction as the change."""
    from sqlalchemy import insert

    if session.info.get(SKIP_AUDIT_KEY):
        return
    rows = _entries(session)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def install_audit_hook(sessions: object) -> None:
    """Record every ORM change (old → new) with the session's operator, in the same transaction.

    ``sessions`` is a ``sessionmaker`` (or a Session class): every session it makes is audited.
    """
    from sqlalchemy import event

    # Called once per Database, each with its own sessionmaker. No `event.contains` guard: it keys
    # on id(target), and a new sessionmaker's class can reuse a freed one's id — the guard then
    # skipped the hook and a whole ledger went unaudited.
    event.listen(sessions, "after_flush", _record)
