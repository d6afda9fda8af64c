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
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.clean_close import closed_cleanly, record_clean_close
from app.config import BACKUP_KEEP, AppPaths, owner_only, restrict_to_owner
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


@lru_cache(maxsize=4096)  # a village has few group names, compared again and again by ORDER BY
def natural_key(text: str) -> tuple[object, ...]:
    """Order 村民小组 as a clerk counts them: 一组 < 二组 < 十组 < 十一组, 2栋 < 10栋."""
    key: list[object] = []
    number: int | None = None
    after_ten = False  # "二十一": the digit after 十 adds to it; elsewhere digits shift (一零一)
    for char in text:
        digit = char.isdigit() and char.isascii()
        if digit or char in _CHINESE_NUMERALS:
            value = int(char) if digit else _CHINESE_NUMERALS[char]
            if char == "十":
                number = (number or 1) * 10
                after_ten = True
                continue
            number = (number or 0) + value if after_ten else (number or 0) * 10 + value
            after_ten = False
            continue
        if number is not None:
            key.append((0, number))
            number, after_ten = None, False
        key.append((1, char))
    if number is not None:
        key.append((0, number))
    return tuple(key)


def _natural_collation(left: str, right: str) -> int:
    a, b = natural_key(left), natural_key(right)
    if a == b:  # "1组" and "一组": still a total order, so sorting is stable across queries
        a, b = (left,), (right,)  # type: ignore[assignment]
    return (a > b) - (a < b)


def _apply_pragmas(connection: sqlite3.Connection) -> None:
    connection.create_collation("natural", _natural_collation)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (a damaged ledger must stay exactly as it is).

    The URI comes from ``Path.as_uri()`` so that a data dir named ``台账#2`` or ``100%`` or
    ``C:\\Users\\…`` is not misread as a URI fragment, query or escape.
    """
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` reports (empty when sound). Opens read-only.

    ``quick`` runs ``PRAGMA quick_check``: every page and b-tree is still read and checked (what
    a power cut, a pulled USB stick or a failing disk damages), but indexes are not compared row
    by row with their tables — which is most of the cost: 9.5 s against 0.8 s on a county
    ledger of 1.5 M readings (bench/, "Benchmarks" in the README).
    """
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    try:
        connection = _read_only(path)
        try:
            rows = connection.execute(pragma).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def schema_version(path: Path) -> int:
    connection = _read_only(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while others read or write).

    Reads through the source's ``-wal``, so committed work not yet folded into the file is copied
    too. Written to ``….partial`` and renamed, so ``target`` is never a half-written file.
    """
    if target.exists() and target.resolve() == Path(source).resolve():
        raise StorageError(f"备份文件不能与台账文件相同：{target}")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = _read_only(source)
        try:
            with owner_only():  # a copy of the whole village: for this user's eyes only
                dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        restrict_to_owner(partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StorageError(f"无法写入备份 {target}，台账未受影响：{error}") from error


def _check_file(path: Path) -> None:
    # The quick check on every open not following a clean close (app.clean_close); the full one
    # (index contents too) is ``check``'s job.
    problems = [] if closed_cleanly(path) else integrity_problems(path, quick=True)
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

    The file is copied first, and every pending step runs in ONE transaction together with the
    ``user_version`` bump, so a failed upgrade leaves the clerk's file exactly as it was (not
    half-way at some intermediate version).
    """
    if path.exists() and not path.is_file():
        raise StorageError(f"台账路径不是一个文件：{path}")
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
        connection.create_collation("natural", _natural_collation)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not existed:
            connection.execute("PRAGMA journal_mode = WAL")
        # An existing file keeps its journal mode here: the app switches it to WAL after a
        # successful upgrade, so a failed one leaves even the header bytes untouched.
        connection.execute("PRAGMA synchronous = FULL")
        # SQLite's table-rebuild recipe (create new, copy, drop old, rename) needs foreign keys
        # off, and they cannot be switched inside a transaction; they are checked before COMMIT.
        connection.execute("PRAGMA foreign_keys = OFF")
        _apply_migrations(connection, pending)
    finally:
        connection.close()
    log.info("migrated %s from schema %d to %d", path, current, pending[-1][0])
    return current


def _apply_migrations(connection: sqlite3.Connection, pending: list[tuple[int, str]]) -> None:
    number = pending[0][0]
    try:
        connection.execute("BEGIN IMMEDIATE")
        for number, sql in pending:
            for statement in _statements(sql):
                connection.execute(statement)
            if not connection.in_transaction:
                raise RuntimeError(f"migration {number:04d} must not COMMIT or ROLLBACK itself")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"外键不一致：{broken[:3]}")
        connection.execute(f"PRAGMA user_version = {pending[-1][0]}")
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise StorageError(f"数据升级（第 {number} 步）失败，数据未改动：{error}") from error


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into statements the way SQLite itself would.

    A ``;`` ends a statement only where ``sqlite3.complete_statement`` agrees — not inside a
    string literal, a comment or a trigger body — so ``'a;b'`` or two statements on one line
    are handled. Text that holds only comments or blanks is dropped.
    """
    start = 0
    for index, char in enumerate(sql):
        if char == ";" and sqlite3.complete_statement(sql[start : index + 1]):
            statement = sql[start : index + 1]
            start = index + 1
            if _has_code(statement):
                yield statement.strip()
    rest = sql[start:]
    if _has_code(rest):
        yield rest.strip()


def _has_code(text: str) -> bool:
    """True unless ``text`` is only whitespace, ``-- …`` and ``/* … */`` comments, and ``;``."""
    without_block = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
    without_line = re.sub(r"--[^\n]*", " ", without_block)
    return bool(without_line.replace(";", " ").strip())


class Database:
    """An open ledger: holds the instance lock and hands out short-lived sessions."""

    def __init__(self, paths: AppPaths, *, operator: str = "系统", lock: bool = True) -> None:
        self.paths = paths.ensure()
        self.operator = operator
        # Until sign-in exists for a data dir (first run, tests, automation) the operator is admin.
        self.role: Role = Role.ADMIN
        self.username: str | None = None  # the signed-in account (app.services.operators.sign_in)
        self._lock = InstanceLock(paths.lock_file) if lock else None
        if self._lock:
            self._lock.acquire()
        try:
            with owner_only():  # a new ledger (and its -wal/-shm) is created readable by us only
                self.migrated_from = migrate(paths.database, paths.backups)
        except BaseException:
            self.release_lock()
            raise
        # A ledger from an older version may be world-readable: SQLite gives -wal/-shm the
        # database file's mode, so tightening the file covers the files made from now on.
        for suffix in ("", "-wal", "-shm"):
            restrict_to_owner(Path(f"{paths.database}{suffix}"))
        # URL.create, not an f-string: a path holding "?" or "#" stays a path.
        self.engine: Engine = create_engine(URL.create("sqlite", database=str(paths.database)))
        event.listen(self.engine, "connect", lambda conn, _record: _apply_pragmas(conn))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # On this ledger's sessions only, not on every Session in the process.
        install_audit_hook(self._sessions)

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
        """A read-only session: nothing is committed (closing it rolls back).

        ``close()`` without ``rollback()``: objects read here stay readable after the block
        (detached, not expired), as with ``session()``'s ``expire_on_commit=False``.
        """
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def backup(self, target: Path | None = None) -> Path:
        """Copy the ledger to ``target`` (default: a new rotating automatic backup).

        Keeps the newest ``BACKUP_KEEP`` automatic backups. Raises ``StorageError`` (disk full,
        folder not writable …); the ledger itself is untouched.
        """
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = self.paths.backups / f"自动备份-{stamp}.sqlite3"
            copy_database(self.paths.database, target)
            self._rotate_automatic_backups()
        else:
            copy_database(self.paths.database, Path(target))
        return target

    def _rotate_automatic_backups(self) -> None:
        automatic = sorted(self.paths.backups.glob("自动备份-*.sqlite3"))
        for old in automatic[:-BACKUP_KEEP]:
            old.unlink(missing_ok=True)

    def close(self) -> None:
        self.engine.dispose()
        record_clean_close(self.paths.database)
        self.release_lock()

    def release_lock(self) -> None:
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def restore(paths: AppPaths, source: Path) -> Path | None:
    """Replace the ledger with a backup; the current file is kept first. Returns that copy.

    Refuses a damaged or too-new backup, and a data dir another running app holds. Works when the
    current ledger is damaged (that is when a clerk needs it): it is then kept byte for byte.
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
    with InstanceLock(paths.lock_file), owner_only():
        safety = _keep_current_ledger(paths)
        restored = paths.database.with_name(paths.database.name + ".restoring")
        # Through SQLite, not a file copy: a backup with its own "-wal" beside it is copied whole.
        copy_database(source, restored)
        _fold_wal(paths.database)
        # A leftover "-wal" would be replayed onto the restored file and damage it: gone first.
        for suffix in ("-wal", "-shm"):
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        restored.replace(paths.database)
        migrate(paths.database, paths.backups)  # an older backup is brought up to date
    return safety


def _keep_current_ledger(paths: AppPaths) -> Path | None:
    """Copy the ledger about to be replaced into the backups folder (``None``: there is none)."""
    current = paths.database
    if not current.exists() or current.stat().st_size == 0:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = paths.backups / f"恢复前备份-{stamp}.sqlite3"
    if not integrity_problems(current):
        copy_database(current, safety)
        return safety
    # SQLite cannot read a damaged file reliably: keep its bytes (and its "-wal") as they are.
    try:
        shutil.copyfile(current, safety)
        wal = Path(f"{current}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{safety}-wal"))
    except OSError as error:
        raise StorageError(f"无法保留当前台账的副本 {safety}，未恢复：{error}") from error
    return safety


def _fold_wal(path: Path) -> None:
    """Checkpoint committed work from ``-wal`` into the file (a sound ledger only)."""
    if not Path(f"{path}-wal").exists() or integrity_problems(path):
        return
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
