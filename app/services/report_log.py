"""Which daily reports went out, when and by whom — kept in the audit trail (操作留痕).

Exporting a 日报表 changes nothing in the ledger, so the audit hook sees nothing; this module
writes the entry itself (action 导出, entity ``daily_report``, the report day in ``changes``) and
reads back the latest one for Today's "已于 10:32 由 王会计 导出".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.db import Database
from app.models import local_now
from app.models.audit import AuditEntry

ENTITY = "daily_report"
ACTION = "导出"


@dataclass(frozen=True)
class ReportExport:
    """One export of one day's report: when, by whom, as which form, under which file name."""

    day: date
    at: datetime
    operator: str
    form: str  # 日报表 / 零报告
    file_name: str


def record_daily_export(db: Database, day: date, form: str, target: Path) -> None:
    changes = {"report_day": [None, day.isoformat()], "file": [None, target.name]}
    with db.session() as session:
        session.add(
            AuditEntry(
                at=local_now(),
                operator=db.operator,
                action=ACTION,
                entity=ENTITY,
                entity_id=None,
                person_id=None,
                changes=json.dumps(changes, ensure_ascii=False),
                summary=f"{form} {day:%Y-%m-%d}",
            )
        )


def last_daily_export(db: Database, day: date) -> ReportExport | None:
    """The latest export of ``day``'s report, if any."""
    marker = f"%{day:%Y-%m-%d}"
    with db.reading() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.entity == ENTITY,
                AuditEntry.action == ACTION,
                AuditEntry.summary.like(marker),
            )
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(1)
        ).first()
        if entry is None:
            return None
        form, _space, _day = entry.summary.partition(" ")
        changes = json.loads(entry.changes or "{}")
        file_name = (changes.get("file") or [None, ""])[1] or ""
        return ReportExport(day, entry.at, entry.operator, form, file_name)
