"""已被他人修改 — two clerks saving the same record: the second save is refused, never lost.

Every versioned record (``app.models.base.Versioned``) is saved against the version the clerk's
form was read at. When another clerk saved it in between, the save stops with ``EditedElsewhere``
listing each field both touched: what is now stored (theirs) and what this clerk typed (yours).
The clerk's form keeps what was typed; nothing of either save is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models import AuditEntry
from app.services.audit_query import column_label
from app.services.errors import Conflict

EMPTY = "（空）"


@dataclass(frozen=True)
class Clash:
    """One field two clerks saved differently."""

    label: str  # 联系电话
    theirs: str  # what the other clerk saved (now in the ledger)
    yours: str  # what this clerk typed


class EditedElsewhere(Conflict):
    """The record changed since the clerk's form read it; ``clashes`` name both values."""

    def __init__(
        self, record: str, clashes: list[Clash], by: str | None, version: int | None = None
    ) -> None:
        self.record = record
        self.clashes = clashes
        self.by = by
        self.version = version  # the record's version now: saving against it keeps yours
        who = f"（{by}）" if by else ""
        lines = [f"「{record}」已被他人修改{who}，您的修改没有保存，填写的内容仍在表单中。"]
        lines += [
            f"{c.label}：他人保存的是「{c.theirs}」，您填写的是「{c.yours}」" for c in clashes
        ]
        lines.append("请核对后再保存（保存即以您填写的为准）。")
        super().__init__("\n".join(lines))


def shown(value: object) -> str:
    """A stored or typed value as the clerk reads it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def check_version(
    session: Session,
    record: object,
    seen_version: int | None,
    yours: Mapping[str, object],
    *,
    named: str,
) -> None:
    """Refuse saving ``yours`` onto ``record`` when another clerk saved it since ``seen_version``.

    ``seen_version`` None: the caller read the record in this same transaction (no form in
    between), nothing to check. Fields where the stored value already equals what is typed do
    not clash; when none clash, both clerks wrote the same thing and the save goes ahead.
    """
    if seen_version is None or record.version == seen_version:  # type: ignore[attr-defined]
        return
    stored = {key: getattr(record, key) for key in yours}
    refuse_changed(
        named,
        stored,
        yours,
        table=record.__tablename__,  # type: ignore[attr-defined]
        version=record.version,  # type: ignore[attr-defined]
        by=lambda: last_editor(session, record.__tablename__, record.id),  # type: ignore[attr-defined]
        shown_as=lambda key, value, theirs: (
            _display(record, key) if theirs else _typed(session, record, key, value)
        ),
    )


def refuse_changed(
    named: str,
    stored: Mapping[str, object],
    yours: Mapping[str, object],
    *,
    table: str,
    by: Callable[[], str | None],
    version: int | None = None,
    shown_as: Callable[[str, object, bool], object] = lambda _key, value, _theirs: value,
) -> None:
    """Raise ``EditedElsewhere`` naming each field whose stored value differs from the typed one
    (``shown_as`` turns a raw value into what the clerk reads); nothing differs: return."""
    clashes = [
        Clash(
            column_label(table, key),
            shown(shown_as(key, stored[key], True)),
            shown(shown_as(key, value, False)),
        )
        for key, value in yours.items()
        if stored[key] != value
    ]
    if clashes:
        raise EditedElsewhere(named, clashes, by(), version)


def _display(record: object, key: str) -> object:
    """A foreign key shows as its record's name (人员类别 密切接触者, not 3)."""
    value = getattr(record, key)
    relation = _relation_of(record, key)
    if relation is not None and value is not None:
        return getattr(getattr(record, relation), "name", value)
    return value


def _typed(session: Session, record: object, key: str, value: object) -> object:
    relation = _relation_of(record, key)
    if relation is None or value is None:
        return value
    target = inspect(record).mapper.relationships[relation].mapper.class_
    return getattr(session.get(target, value), "name", value)


def _relation_of(record: object, key: str) -> str | None:
    """The relationship loaded through column ``key`` (``category_id`` → ``category``)."""
    mapper = inspect(record).mapper
    column = mapper.columns.get(key)
    for relation in mapper.relationships:
        if column is not None and column in relation.local_columns:
            return relation.key
    return None


def last_editor(executor: Session | Connection, entity: str, entity_id: int) -> str | None:
    """Who saved the record last, from the audit trail (the same on SQLite and on a server)."""
    return executor.scalar(
        select(AuditEntry.operator)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )


@contextmanager
def refusing_stale(named: str) -> Iterator[None]:
    """The narrow race: another clerk's save landed between our read and our UPDATE
    (SQLAlchemy's version check matched no row). Said the same way, without the field list."""
    try:
        yield
    except StaleDataError as error:
        raise EditedElsewhere(named, [], None) from error
