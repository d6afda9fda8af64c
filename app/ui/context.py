"""What every page gets: the open ledger, its paths, and the data-event hub.

Pages never know each other. A page that changed data emits the matching ``DataEvents`` signal
after its session committed; the main window then refreshes the visible page, and every other page
reloads when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, SignalInstance

from app.config import AppPaths
from app.services.access import act_as, actor
from app.services.ledger import Database

T = TypeVar("T")


class DataEvents(QObject):
    """Signals (no arguments) saying which part of the ledger changed."""

    roster_changed = Signal()  # persons, cases, categories, measures, end of observation
    readings_changed = Signal()  # temperatures, symptoms, anomalies and their handling
    assignments_changed = Signal()  # 包保 staff and assignments
    checkpoints_changed = Signal()  # checkpoints, vehicle passes, occupants
    settings_changed = Signal()  # policy settings and the 填报单位 profile

    def all_signals(self) -> list[SignalInstance]:
        return [
            self.roster_changed,
            self.readings_changed,
            self.assignments_changed,
            self.checkpoints_changed,
            self.settings_changed,
        ]


@dataclass
class UiContext:
    """Handed to every page: the open ledger ``ctx.db`` to pass to the services, ``ctx.events``."""

    db: Database
    paths: AppPaths
    events: DataEvents = field(default_factory=DataEvents)
    #: A page's first data, already being gathered (start-up: while the main window is built),
    #: by page key; the page takes it on its first refresh instead of asking again.
    preloaded: dict[str, Future[Any]] = field(default_factory=dict)

    @classmethod
    def for_database(cls, db: Database) -> UiContext:
        return cls(db=db, paths=db.paths)

    def reopen_database(self, while_closed: Callable[[], T]) -> T:
        """Close the ledger, run ``while_closed`` (e.g. ``ledger.restore_backup``), open it again.

        Restoring a backup needs the data dir's lock, which the open ledger holds. The new
        ``Database`` keeps the operator, role and account and replaces ``self.db``, so code must
        always go through ``ctx.db`` and never keep the old object. The ledger is reopened even when
        ``while_closed`` fails (the file was then left as it was).
        """
        old = self.db
        old.close()
        try:
            return while_closed()
        finally:
            reopened = Database.open(self.paths, operator=old.operator)
            act_as(reopened, actor(old))
            self.db = reopened
