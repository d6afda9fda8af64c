"""The ledger file: engine and pragmas, integrity check on open, numbered migrations, backups.

Nothing here may lose a clerk's record: the file is checked before use and never replaced when
damaged, copied before any migration, and written with ``synchronous=FULL``.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.config import BACKUP_KEEP, AppPaths
from app.instance_lock import InstanceLock
from app.models.audit import OPERATOR_KEY, install_audit_hook
from app.services.access import Role

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StorageError(Exception):
    """An expected storage failure; ``str()`` is a Chinese sentence for the clerk."""


class DatabaseDamaged(StorageError):
    """The file failed ``PRAGMA integrity_check`` or is not a ledger at all."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer Fangyi Ledger; opening it could damage it."""


def migration_scripts() -> list[tuple[int, str]]:
    """The numbered SQL migrations shipped in ``app/migrations``, in order."""
    scripts: list[tuple[int, str]] = []
    for entry in resources.files("app.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            scripts.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    scripts.sort()
    numbers = [n for n, _ in scripts]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..N: {numbers}")
    return scripts


def latest_version() -> int:
    return len(migration_scripts())


_CHINESE_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


def natural_key(text: str) -> tuple[object, ...]:
    """Order 村民小组 as a clerk counts them: 一组 < 二组 < 十组 < 十一组, 2栋 < 10栋."""
    key: list[object] = []
    number: int | None = None
    for char in text:
        digit = char.isdigit() and char.isascii()
        if digit or char in _CHINESE_NUMERALS:
            value = int(char) if digit else _CHINESE_NUMERALS[char]
            if char == "十":
                number = (number or 1) * 10
            elif number is not None and number % 10 == 0 and number >= 10 and not digit:
                number += value
            else:
                number = (number or 0) * 10 + value
            continue
        if number is not None:
            key.append((0, number))
            number = None
        key.append((1, char))
    if number is not None:
        key.append((0, number))
    return tuple(key)


def _natural_collation(left: str, right: str) -> int:
    a, b = natural_key(left), natural_key(right)
    return (a > b) - (a < b)


def _apply_pragmas(connection: sqlite3.Connection) -> None:
    connection.create_collation("natural", _natural_collation)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` reports (empty when sound). Opens read-only."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def schema_version(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while others read or write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


def _check_file(path: Path) -> None:
    problems = integrity_problems(path)
    if problems:
        raise DatabaseDamaged(
            f"台账文件已损坏，未做任何改动：{path}（{problems[0]}）。"
            "请用“恢复备份”选择一份备份，或联系技术人员。"
        )
    version = schema_version(path)
    if version > latest_version():
        raise DatabaseTooNew(
            f"这个台账文件由更新版本的防疫台账创建（数据版本 {version}，本程序支持到 "
            f"{latest_version()}）。请升级程序后再打开，文件未做任何改动。"
        )


def migrate(path: Path, backups: Path) -> int:
    """Bring the file to the latest schema; returns the version it was at.

    Each migration runs in its own transaction together with the ``user_version`` bump, and the
    file is copied first, so a failed upgrade leaves the clerk's data exactly as it was.
    """
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_file(path)
    current = schema_version(path) if existed else 0
    pending = [(n, sql) for n, sql in migration_scripts() if n > current]
    if not pending:
        return current
    if existed:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy_database(path, backups / f"迁移前备份-v{current}-{stamp}.sqlite3")
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        _apply_pragmas(connection)
        for number, sql in pending:
            try:
                connection.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")
                connection.execute("COMMIT")
            except sqlite3.Error as error:
                connection.execute("ROLLBACK")
                raise StorageError(f"数据升级（第 {number} 步）失败，数据未改动：{error}") from error
            log.info("migrated %s to schema %d", path, number)
    finally:
        connection.close()
    return current


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script on ``;`` at line ends (scripts keep one statement per block)."""
    buffer: list[str] = []
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped.startswith("--") and not buffer:
            continue
        buffer.append(line)
        if stripped.endswith(";") and sqlite3.complete_statement("\n".join(buffer)):
            yield "\n".join(buffer)
            buffer = []
    if "".join(buffer).strip():
        yield "\n".join(buffer)


class Database:
    """An open ledger: holds the instance lock and hands out short-lived sessions."""

    def __init__(self, paths: AppPaths, *, operator: str = "系统", lock: bool = True) -> None:
        self.paths = paths.ensure()
        self.operator = operator
        # Until sign-in exists for a data dir (first run, tests, automation) the operator is admin.
        self.role: Role = Role.ADMIN
        self._lock = InstanceLock(paths.lock_file) if lock else None
        if self._lock:
            self._lock.acquire()
        try:
            self.migrated_from = migrate(paths.database, paths.backups)
        except BaseException:
            self.release_lock()
            raise
        self.engine: Engine = create_engine(f"sqlite:///{paths.database}")
        event.listen(self.engine, "connect", lambda conn, _record: _apply_pragmas(conn))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit_hook(Session)

    @classmethod
    def open(cls, paths: AppPaths, *, operator: str = "系统", lock: bool = True) -> Database:
        return cls(paths, operator=operator, lock=lock)

    @contextmanager
    def session(self, operator: str | None = None) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception."""
        session = self._sessions()
        session.info[OPERATOR_KEY] = operator or self.operator
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (nothing is committed)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def backup(self, target: Path | None = None) -> Path:
        """Copy the ledger to ``target`` (default: a rotating automatic backup)."""
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = self.paths.backups / f"自动备份-{stamp}.sqlite3"
            copy_database(self.paths.database, target)
            self._rotate_automatic_backups()
        else:
            copy_database(self.paths.database, target)
        return target

    def _rotate_automatic_backups(self) -> None:
        automatic = sorted(self.paths.backups.glob("自动备份-*.sqlite3"))
        for old in automatic[:-BACKUP_KEEP]:
            old.unlink(missing_ok=True)

    def close(self) -> None:
        self.engine.dispose()
        self.release_lock()

    def release_lock(self) -> None:
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def restore(paths: AppPaths, source: Path) -> Path:
    """Replace the ledger with a backup; the current file is backed up first. Returns that copy.

    Refuses a damaged or too-new backup, and a data dir another running app holds.
    """
    source = Path(source)
    if not source.is_file():
        raise StorageError(f"找不到备份文件：{source}")
    problems = integrity_problems(source)
    if problems:
        raise DatabaseDamaged(f"这份备份已损坏，不能用来恢复：{source}（{problems[0]}）")
    if schema_version(source) > latest_version():
        raise DatabaseTooNew("这份备份来自更新版本的防疫台账，请升级程序后再恢复。")
    if schema_version(source) == 0:
        raise StorageError(f"这个文件不是防疫台账的备份：{source}")
    paths.ensure()
    with InstanceLock(paths.lock_file):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = paths.backups / f"恢复前备份-{stamp}.sqlite3"
        if paths.database.exists():
            copy_database(paths.database, safety)
        restored = paths.database.with_name(paths.database.name + ".restoring")
        shutil.copyfile(source, restored)
        for suffix in ("-wal", "-shm"):
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        restored.replace(paths.database)
    migrate(paths.database, paths.backups)  # an older backup is brought up to date
    return safety
