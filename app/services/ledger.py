"""The ledger file as a whole, for the GUI and the command line: open it, back it up, list the
backups, restore one, check the file. Storage (``app.db``) does the work; this is the only door
the layers above it use, so they never reach past the services.

``Database`` is re-exported as the open-ledger handle every service function takes; callers
use it as a type and through ``open_ledger``, never for sessions of their own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.config import AppPaths
from app.db import (
    AUTOMATIC,
    BACKUP_SUFFIX,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    MANUAL,
    Database,
    DatabaseDamaged,
    DatabaseTooNew,
    StorageError,
    integrity_problems,
    restore,
    schema_version,
    storage_failure,
)

__all__ = [
    "AUTOMATIC",
    "BEFORE_RESTORE",
    "BEFORE_UPGRADE",
    "MANUAL",
    "BackupFile",
    "Database",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "StorageError",
    "automatic_backup",
    "backup_to",
    "check_file",
    "list_backups",
    "manual_backup",
    "open_ledger",
    "restore_backup",
    "storage_failure",
]


def open_ledger(paths: AppPaths, *, operator: str = "系统") -> Database:
    """Open (and if need be create and upgrade) the ledger in ``paths``, holding its lock."""
    return Database.open(paths, operator=operator)


# --- backups --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # AUTOMATIC, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE, or "" for a name not ours
    size: int
    modified: datetime


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        try:
            stat = path.stat()
        except OSError:  # removed while listing
            continue
        prefix = path.name.split("-", 1)[0]
        kind = prefix if prefix in (AUTOMATIC, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE) else ""
        found.append(BackupFile(path, kind, stat.st_size, datetime.fromtimestamp(stat.st_mtime)))
    found.sort(key=lambda b: (b.modified, b.path.name), reverse=True)
    return found


def automatic_backup(db: Database) -> Path:
    """A rotating backup (the newest ``BACKUP_KEEP`` are kept), e.g. at every start."""
    return _backup(db, AUTOMATIC)


def manual_backup(db: Database) -> Path:
    """A backup the clerk asked for: not rotated away like the automatic ones."""
    return _backup(db, MANUAL)


def _backup(db: Database, kind: str) -> Path:
    # Named by ``Database.backup``: to the microsecond, never over another file.
    try:
        return db.backup(kind=kind)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(f"备份失败，台账未受影响：{error}") from error


def backup_to(db: Database, target: Path | None, *, overwrite: bool = False) -> Path:
    """A backup at ``target`` (never over another file unless ``overwrite``), or in backups/."""
    return db.backup(target, overwrite=overwrite)


def restore_backup(paths: AppPaths, source: Path) -> Path | None:
    """Replace the (closed) ledger with ``source``; returns the copy kept of the current one.

    Needs the data folder's lock: close the open ledger first.
    """
    return restore(paths, source)


# --- checking -------------------------------------------------------------------------------------


def check_file(paths: AppPaths) -> int:
    """The full ``integrity_check``; raises ``DatabaseDamaged``, else returns the data version."""
    problems = integrity_problems(paths.database)
    if problems:
        raise DatabaseDamaged(f"台账文件已损坏：{paths.database}（{problems[0]}）。")
    return schema_version(paths.database)
