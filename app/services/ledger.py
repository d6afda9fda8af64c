"""The ledger file as a whole, for the GUI and the command line: open it, back it up, list the
backups, restore one, check the file. Storage (``app.db``) does the work; this is the only door
the layers above it use, so they never reach past the services.

``Database`` is re-exported as the open-ledger handle every service function takes; callers
use it as a type and through ``open_ledger``, never for sessions of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import server
from app.config import AppPaths
from app.db import (
    AUTOMATIC,
    BACKUP_SUFFIX,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    DRIVER_ERRORS,
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
from app.server import NeedsPassword, NotOnServer, ServerSignInFailed

__all__ = [
    "AUTOMATIC",
    "BEFORE_RESTORE",
    "BEFORE_UPGRADE",
    "MANUAL",
    "BackupFile",
    "Database",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "NeedsPassword",
    "NotOnServer",
    "ServerSignInFailed",
    "StorageError",
    "automatic_backup",
    "backup_to",
    "check_file",
    "describe_server",
    "list_backups",
    "manual_backup",
    "open_ledger",
    "restore_backup",
    "server_failure",
    "storage_failure",
]


def open_ledger(
    paths: AppPaths, *, operator: str = "系统", password: str | None = None
) -> Database:
    """Open (and if need be create and upgrade) the ledger in ``paths``, holding its lock; on a
    server, ``password`` is one asked for when PGPASSWORD/PGPASSFILE gave none."""
    return Database.open(paths, operator=operator, password=password)


def server_failure(error: BaseException, database_url: str) -> StorageError | None:
    """A server's driver error a user can cause (unreachable, refused sign-in …) as one line."""
    return server.failure(error, server.server_url(database_url))


def describe_server(database_url: str) -> str:
    """The server's address as the clerk sees it (no password)."""
    return server.describe(server.server_url(database_url))


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
    except (OSError, *DRIVER_ERRORS) as error:
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
