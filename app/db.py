"""The ledger file: engine and pragmas, integrity check on open, numbered migrations, backups.

Nothing here may lose a clerk's record: the file is checked before use and never replaced when
damaged, copied before any migration, and written with ``synchronous=FULL``.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from itertools import chain, count
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool, StaticPool

from app import clock, schema, scratch
from app.clean_close import closed_cleanly, record_clean_close
from app.config import BACKUP_KEEP, AppPaths, owner_only, restrict_to_owner
from app.instance_lock import InstanceLock, in_use
from app.models.audit import OPERATOR_KEY, install_audit_hook
from app.models.units import UNIT_KEY, install_unit_scope, scope_connection
from app.shutdown import refuse_commit_after_stop
from app.storage_errors import (  # re-exported: callers name them app.db.*
    ChangedMeanwhile,
    DatabaseDamaged,
    DatabaseTooNew,
    DiskFull,
    DiskIOError,
    LedgerBusy,
    NotALedger,
    ReadOnlyStorage,
    StorageError,
    TargetExists,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
#: What the database drivers raise: the SQLite module's own errors and SQLAlchemy's wrapping.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, DBAPIError)
#: Less free space than this where an I/O error happened: the disk is full, not failing.
NEARLY_FULL_BYTES = 1024 * 1024


# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26

_FAILURES: dict[type[StorageError], tuple[str, str]] = {
    DiskFull: ("磁盘已满", "请清理磁盘空间，或换一个位置后重试。"),
    ReadOnlyStorage: (
        "文件或磁盘是只读的，或没有写入权限",
        "请取消文件的“只读”属性或 U 盘的写保护后重试。",
    ),
    LedgerBusy: ("文件正被其他程序占用", "请关闭正在使用它的程序后重试。"),
    DiskIOError: (
        "读写磁盘出错（磁盘或 U 盘可能有故障）",
        "请尽快把台账备份到其他磁盘，并检查这块磁盘。",
    ),
}


def _failure_kind(error: BaseException, path: Path | None = None) -> type[StorageError] | None:
    kind = _kind_from_code(error)
    # SQLite reports a full disk met while growing "-shm" or "-wal" as a plain I/O error.
    if kind is DiskIOError and path is not None and _nearly_full(path):
        return DiskFull
    return kind


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _kind_from_code(error: BaseException) -> type[StorageError] | None:
    if isinstance(error, DBAPIError):  # SQLAlchemy wraps the driver's error
        return _kind_from_code(error.orig) if error.orig is not None else None
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        return {
            _SQLITE_FULL: DiskFull,
            _SQLITE_READONLY: ReadOnlyStorage,
            _SQLITE_PERM: ReadOnlyStorage,
            _SQLITE_CANTOPEN: ReadOnlyStorage,
            _SQLITE_BUSY: LedgerBusy,
            _SQLITE_LOCKED: LedgerBusy,
            _SQLITE_IOERR: DiskIOError,
        }.get(code)
    if isinstance(error, OSError):
        full = (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
        if error.errno in full or getattr(error, "winerror", None) in (39, 112):
            return DiskFull
        if isinstance(error, PermissionError) or error.errno == errno.EROFS:
            return ReadOnlyStorage
        if error.errno == errno.EIO:
            return DiskIOError
    return None


def storage_failure(error: BaseException, path: Path, action: str) -> StorageError | None:
    """The clerk's one line for a full disk, a read-only file, a lock or a disk error met while
    doing ``action`` (e.g. "写入台账") on ``path``; ``None`` for anything else (a bug, a
    constraint). Damage is never guessed from an error code: ``integrity_check`` decides."""
    kind = _failure_kind(error, path)
    if kind is None:
        if isinstance(error, sqlite3.DatabaseError | DBAPIError) and _reports_damage(error):
            problems = integrity_problems(path) if path.is_file() else []
            if problems:
                return DatabaseDamaged(
                    f"台账文件已损坏：{path}（{problems[0]}）。"
                    "请用“恢复备份”选择一份备份，或联系技术人员。"
                )
        return None
    reason, advice = _FAILURES[kind]
    return kind(f"无法{action}（{path}）：{reason}。{advice}台账中的数据未改动。")


def _reports_damage(error: BaseException) -> bool:
    inner = error.orig if isinstance(error, DBAPIError) else error
    code = (getattr(inner, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def latest_version() -> int:
    return schema.latest_version()


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

    A file that cannot be read at all for another reason (locked, no permission, a disk error)
    raises that ``StorageError``: it is not reported as damage.
    """
    pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    try:
        connection = _read_only(path)
        try:
            rows = connection.execute(pragma).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        kind = _failure_kind(error, path)
        if kind is not None:
            reason, advice = _FAILURES[kind]
            raise kind(f"无法读取 {path}：{reason}。{advice}文件未做任何改动。") from error
        return [str(error)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def schema_version(path: Path) -> int:
    """The file's schema version: ``PRAGMA user_version``, which every upgrade keeps equal to the
    Alembic revision (so an app from the numbered-SQL days still refuses a newer file). A
    revision this app does not know counts as newer than any it knows."""
    version, revision = _versions(path)
    if revision is not None and not schema.is_known(revision):
        return max(version, latest_version() + 1)
    return version


def _versions(path: Path) -> tuple[int, str | None]:
    """``user_version`` and the Alembic revision (``None``: not stamped, a ladder-era file)."""
    connection = _read_only(path)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        stamped = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (schema.VERSION_TABLE,),
        ).fetchone()
        if not stamped:
            return version, None
        row = connection.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}").fetchone()
        return version, (row[0] if row else None)
    finally:
        connection.close()


# --- what a ledger looks like -----------------------------------------------------------------


def _tables_and_columns(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: frozenset(row[1] for row in connection.execute(f'PRAGMA table_info("{table}")'))
        for table in tables
    }


@lru_cache(maxsize=8)
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns a ledger at ``version`` has: revisions 1..version, in memory
    (Alembic's own version table left out: a ledger from the numbered-SQL days has none)."""
    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            schema.upgrade(connection, from_version=0, to_version=version)
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            tables = _tables_and_columns(raw)
    finally:
        engine.dispose()
    tables.pop(schema.VERSION_TABLE, None)
    return tables


def check_is_ledger(path: Path) -> int:
    """Refuse a sound SQLite file that is not a Fangyi ledger; returns its schema version.

    Every table and column the ledger had at the file's ``user_version`` must be there (extra
    ones are allowed: a later version may add some and still read as that version's ledger).
    """
    version = schema_version(path)
    if version > latest_version():
        raise DatabaseTooNew("这份备份来自更新版本的防疫台账，请升级程序后再恢复。")
    refusal = f"这个文件不是防疫台账的备份：{path}"
    if version < 1:
        raise NotALedger(f"{refusal}（没有数据版本）。")
    connection = _read_only(path)
    try:
        actual = _tables_and_columns(connection)
    finally:
        connection.close()
    for table, columns in sorted(expected_schema(version).items()):
        if table not in actual:
            raise NotALedger(f"{refusal}（缺少表 {table}）。")
        missing = sorted(columns - actual[table])
        if missing:
            raise NotALedger(f"{refusal}（表 {table} 缺少列 {missing[0]}）。")
    return version


# --- copies -------------------------------------------------------------------------------------

AUTOMATIC, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE = (
    "自动备份",
    "手动备份",
    "恢复前备份",
    "迁移前备份",
)
BACKUP_SUFFIX = ".sqlite3"
# "自动备份-20260206-031500-123456[-2].sqlite3": a second and its microseconds, then a counter
# when two copies still meet in one microsecond (or the clock went back).
_BACKUP_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-(\d{6}))?(?:-(\d+))?\.sqlite3$")


def backup_order(path: Path) -> tuple[str, str, int, str]:
    """Oldest first: by the stamp in the name (older names without microseconds included)."""
    match = _BACKUP_STAMP.search(path.name)
    if match is None:
        return ("", "", 0, path.name)
    stamp, micro, counter = match.groups()
    return (stamp, micro or "000000", int(counter or 1), path.name)


def _backup_names(folder: Path, kind: str) -> Iterator[Path]:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    yield folder / f"{kind}-{stamp}{BACKUP_SUFFIX}"
    for counter in count(2):
        yield folder / f"{kind}-{stamp}-{counter}{BACKUP_SUFFIX}"


def copy_database(
    source: Path,
    target: Path | Iterator[Path],
    *,
    overwrite: bool = False,
    action: str = "写入备份",
) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read or write).

    Reads through the source's ``-wal``, so committed work not yet folded into the file is copied
    too. Written to a scratch file beside the target and then given its name, so a target is
    never a half-written file; an existing file is never replaced unless ``overwrite``. ``target``
    may be a series of names to try in turn (the first free one is taken). Returns the copy.
    ``action`` names the step in a failure's message ("写入备份").
    """
    names = iter([target]) if isinstance(target, Path) else target
    first = next(names)
    if first.exists() and first.resolve() == Path(source).resolve():
        raise StorageError(f"备份文件不能与台账文件相同：{first}")
    try:
        first.parent.mkdir(parents=True, exist_ok=True)
        with scratch.scratch_file(first.parent, BACKUP_SUFFIX) as partial:
            _write_copy(Path(source), partial)
            return _publish(partial, chain([first], names), overwrite=overwrite)
    except (OSError, sqlite3.Error) as error:
        raise storage_failure(error, first, action) or StorageError(
            f"无法{action} {first}，台账未受影响：{error}"
        ) from error


def _write_copy(source: Path, partial: Path) -> None:
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
    _fsync(partial)


def _publish(partial: Path, names: Iterator[Path], *, overwrite: bool) -> Path:
    """Give the finished copy its name: the first of ``names`` that is free (or the first one,
    replaced, when ``overwrite``). A hard link claims a name atomically — no other writer can
    slip in between "is it free?" and "take it"; file systems without links (FAT) check first."""
    for name in names:
        if overwrite:
            os.replace(partial, name)
            return name
        try:
            os.link(partial, name)
        except FileExistsError:
            continue
        except OSError:
            if name.exists():
                continue
            os.replace(partial, name)
            return name
        partial.unlink()
        return name
    raise TargetExists("备份文件名已用尽")  # unreachable: the names never run out


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    # A file from the numbered-SQL days has no Alembic revision yet: stamping it is a change too.
    unstamped = existed and _versions(path)[1] is None
    if existed and (current < latest_version() or unstamped):
        copy_database(path, _backup_names(backups, f"{BEFORE_UPGRADE}-v{current}"))
    _upgrade(path, current, new=not existed, stamp=unstamped)
    return current


def _upgrade(path: Path, current: int, *, new: bool = False, stamp: bool = False) -> None:
    """Run the revisions after ``current`` on ``path`` in one transaction (nothing to do and
    ``stamp`` not asked for: none).

    The transaction is SQLite's own (``BEGIN IMMEDIATE`` … ``COMMIT``, pysqlite's implicit
    transactions switched off): the stamp of a ladder-era file, every pending revision, the
    foreign-key check and the ``user_version`` bump commit together or not at all.
    """
    if current >= latest_version() and not stamp:
        return
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    event.listen(engine, "connect", lambda conn, _record: _prepare_upgrade(conn, new=new))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    step = current + 1
    try:
        with engine.connect() as connection, connection.begin():

            def starting(number: int) -> None:
                nonlocal step
                step = number

            schema.upgrade(connection, from_version=current, on_step=starting)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"外键不一致：{broken[:3]}")
            connection.exec_driver_sql(f"PRAGMA user_version = {latest_version()}")
    except (sqlite3.Error, SQLAlchemyError) as error:
        failure = storage_failure(error, path, "升级台账数据")
        raise failure or StorageError(
            f"数据升级（第 {step} 步）失败，数据未改动：{error}"
        ) from error
    finally:
        engine.dispose()
    log.info("migrated %s from schema %d to %d", path, current, latest_version())


def _prepare_upgrade(connection: sqlite3.Connection, *, new: bool) -> None:
    connection.isolation_level = None  # the engine's "begin" event issues BEGIN IMMEDIATE
    connection.create_collation("natural", _natural_collation)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if new:
        connection.execute("PRAGMA journal_mode = WAL")
    # An existing file keeps its journal mode here: the app switches it to WAL after a
    # successful upgrade, so a failed one leaves even the header bytes untouched.
    connection.execute("PRAGMA synchronous = FULL")
    # SQLite's table-rebuild recipe (``op.batch_alter_table``: create new, copy, drop old,
    # rename) needs foreign keys off, and they cannot be switched inside a transaction; they
    # are checked before COMMIT.
    connection.execute("PRAGMA foreign_keys = OFF")


def sweep_leftovers(paths: AppPaths) -> None:
    """Remove what an interrupted backup, restore or export left in the data folder (its lock is
    held, so nobody else writes there), including the names older versions used."""
    removed = [*scratch.sweep(paths.data_dir), *scratch.sweep(paths.backups)]
    removed += scratch.sweep(paths.exports) if paths.exports.is_dir() else []
    old_names = [
        *paths.backups.glob("*.partial"),
        *paths.backups.glob("*.partial-journal"),
        *paths.data_dir.glob(f"{paths.database.name}.restoring*"),
    ]
    for leftover in old_names:
        with suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    if removed:
        log.info("removed leftovers of interrupted writes: %s", ", ".join(p.name for p in removed))


def _refuse_live_target(target: Path) -> None:
    """Never write a backup onto a ledger some app is using, nor onto one whose ``-wal`` still
    holds work (SQLite would replay that ``-wal`` onto the copy and damage it)."""
    folder = AppPaths(target.parent)
    if target.name == folder.database.name and in_use(folder.lock_file):
        raise StorageError(
            f"不能备份到 {target}：这是另一个正在使用中的台账。请换一个文件名或位置。"
        )
    if Path(f"{target}-wal").exists():
        raise StorageError(
            f"不能备份到 {target}：这是一个台账文件，旁边还有未合并的 -wal 文件。"
            "请换一个文件名或位置。"
        )


def _drop_empty_wal(path: Path) -> None:
    """After a failed open (lock still held, no connection left): an empty ``-wal`` holds no
    work, so it and its ``-shm`` index go — a full disk must not leave files behind."""
    wal = Path(f"{path}-wal")
    with suppress(OSError):
        if wal.stat().st_size == 0:
            wal.unlink()
            Path(f"{path}-shm").unlink(missing_ok=True)


class Database:
    """An open ledger: holds the instance lock and hands out short-lived sessions."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        operator: str = "系统",
        lock: bool = True,
        password: str | None = None,
    ) -> None:
        self.paths = paths.ensure()
        # The name every change is recorded under (the audit trail's "who"). Who that is — the
        # signed-in operator and their role — is the services' business (app.services.access).
        self.operator = operator
        self.unit: str | None = None  # its village on a township server (None: all of them)
        self._lock: InstanceLock | None = None
        if paths.database_url is not None:
            self.engine: Engine = self._open_server(paths.database_url, password)
        else:
            self.engine = self._open_file(paths, lock=lock)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # On this ledger's sessions only, not on every Session in the process.
        install_audit_hook(self._sessions)
        install_unit_scope(self._sessions, self.engine)

    def _open_file(self, paths: AppPaths, *, lock: bool) -> Engine:
        self._lock = InstanceLock(paths.lock_file) if lock else None
        if self._lock:
            self._lock.acquire()
        try:
            if self._lock:
                sweep_leftovers(paths)
            with owner_only():  # a new ledger (and its -wal/-shm) is created readable by us only
                self.migrated_from = migrate(paths.database, paths.backups)
        except (OSError, sqlite3.Error) as error:
            _drop_empty_wal(paths.database)
            self.release_lock()
            failure = storage_failure(error, paths.database, "打开台账")
            if failure is None:
                raise
            raise failure from error
        except BaseException:
            _drop_empty_wal(paths.database)
            self.release_lock()
            raise
        # A ledger from an older version may be world-readable: SQLite gives -wal/-shm the
        # database file's mode, so tightening the file covers the files made from now on.
        for suffix in ("", "-wal", "-shm"):
            restrict_to_owner(Path(f"{paths.database}{suffix}"))
        # URL.create, not an f-string: a path holding "?" or "#" stays a path.
        engine = create_engine(URL.create("sqlite", database=str(paths.database)))
        event.listen(engine, "connect", lambda conn, _record: _apply_pragmas(conn))
        return engine

    def _open_server(self, url_text: str, password: str | None) -> Engine:
        """A township server: no file, lock or local backups — the server keeps the data, and
        several clerks work on it at once."""
        from app import server

        self.server_url = server.server_url(url_text)
        engine = server.create_server_engine(self.server_url, password=password)
        try:
            self.migrated_from = server.prepare(engine, self.server_url)
        except BaseException:
            engine.dispose()
            raise
        return engine

    @property
    def on_server(self) -> bool:
        return self.paths.on_server

    @property
    def location(self) -> str:
        """Where the ledger is, for the clerk: the file, or user@host/database on a server."""
        if self.paths.on_server:
            from app import server

            return server.describe(self.server_url)
        return str(self.paths.database)

    def stored_version(self) -> int:
        """The schema version the ledger says it is at (read again, not remembered)."""
        if self.paths.on_server:
            from app import server

            return server.stored_version(self.engine, self.server_url)
        return schema_version(self.paths.database)

    def _failure(self, error: BaseException, action: str) -> StorageError | None:
        if self.paths.on_server:
            from app import server

            return server.failure(error, self.server_url)
        return storage_failure(error, self.paths.database, action)

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        operator: str = "系统",
        lock: bool = True,
        password: str | None = None,
    ) -> Database:
        return cls(paths, operator=operator, lock=lock, password=password)

    @contextmanager
    def session(self, operator: str | None = None) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception.

        A full disk, a read-only file, a lock held too long or a disk error comes out as that
        ``StorageError`` (the work was rolled back: nothing of it is in the ledger).
        """
        session = self._sessions()
        session.info[OPERATOR_KEY] = operator or self.operator
        session.info[UNIT_KEY] = self.unit
        try:
            with self._saving(session.rollback):
                yield session
                refuse_commit_after_stop()
                session.commit()
        finally:
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A unit of work on a Core connection, for the hot paths that write their own audit rows
        (a typed reading: the ORM session around its few statements cost ~0.2 ms of a ~0.9 ms
        save, bench/). Committed and rolled back, its failures and its village scope, as
        ``session()``'s."""
        # Connecting inside ``_saving`` too: a locked file or a server gone comes out as the
        # StorageError saying so, as from a session's first statement.
        with self._saving(), self.engine.connect() as connection:
            scope_connection(connection, self.unit)
            with connection.begin():  # rolled back on any exception, committed at the end
                yield connection
                refuse_commit_after_stop()

    @contextmanager
    def _saving(self, rollback: Callable[[], None] | None = None) -> Iterator[None]:
        """What a failed unit of work becomes: rolled back (by ``rollback``, when the block does
        not roll back itself), then ``ChangedMeanwhile`` for a lost version check or the
        ``StorageError`` saying what the disk or server refused."""
        try:
            yield
        except BaseException as error:
            if rollback is not None:
                with suppress(SQLAlchemyError):  # the failure that matters is the one raised
                    rollback()
            if isinstance(error, StaleDataError):
                raise ChangedMeanwhile(
                    "这条记录刚被他人修改，您的修改没有保存；请重新打开，核对后再改。"
                ) from error
            failure = self._failure(error, "保存到台账")
            if failure is not None:
                raise failure from error
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session: nothing is committed (closing it rolls back).

        ``close()`` without ``rollback()``: objects read here stay readable after the block
        (detached, not expired), as with ``session()``'s ``expire_on_commit=False``.
        """
        session = self._sessions()
        session.info[UNIT_KEY] = self.unit
        try:
            yield session
        except BaseException as error:
            failure = self._failure(error, "读取台账")
            if failure is not None:
                raise failure from error
            raise
        finally:
            session.close()

    def backup(
        self, target: Path | None = None, *, kind: str = AUTOMATIC, overwrite: bool = False
    ) -> Path:
        """Copy the ledger to ``target``, or to a new file in ``backups/`` named for ``kind``.

        A backup never replaces another file: automatic and manual ones get a unique name (to the
        microsecond, then a counter), and an existing ``target`` is refused unless ``overwrite``
        — even then never a ledger in use. Keeps the newest ``BACKUP_KEEP`` automatic backups.
        Raises ``StorageError`` (disk full, folder not writable …); the ledger is untouched.
        On a server: ``NotOnServer`` saying how (``pg_dump``).
        """
        self.refuse_file_operation_on_server()
        if target is None:
            made = copy_database(self.paths.database, _backup_names(self.paths.backups, kind))
            if kind == AUTOMATIC:
                self._rotate_automatic_backups()
            return made
        target = Path(target)
        if target.exists() and target.resolve() == self.paths.database.resolve():
            raise StorageError(f"备份文件不能与台账文件相同：{target}")
        _refuse_live_target(target)
        if target.exists() and not overwrite:
            raise TargetExists(
                f"{target} 已经存在，没有覆盖。请换一个文件名；确需覆盖请加 --force。"
            )
        return copy_database(self.paths.database, target, overwrite=overwrite)

    def _rotate_automatic_backups(self) -> None:
        # Only automatic backups rotate: 恢复前/迁移前/手动 copies stay until a clerk deletes them.
        automatic = sorted(
            self.paths.backups.glob(f"{AUTOMATIC}-*{BACKUP_SUFFIX}"), key=backup_order
        )
        for old in automatic[:-BACKUP_KEEP]:
            old.unlink(missing_ok=True)

    def refuse_file_operation_on_server(self) -> None:
        """Backups of a server are the server's: say how they are made, never pretend."""
        if self.paths.on_server:
            from app import server

            raise server.NotOnServer(server.BACKUP_ADVICE.format(where=self.location))

    def checkpoint(self) -> None:
        """Fold the ``-wal`` into the file (shutdown: the ledger is one file again)."""
        if self.paths.on_server:
            return  # the server's own write-ahead log is its business
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Fold the ``-wal`` in, close every connection (SQLite then removes ``-wal`` and
        ``-shm``) and let go of the data folder. Safe to call twice."""
        if getattr(self, "_closed", False):
            return
        self._closed = True
        try:
            self.checkpoint()
        except SQLAlchemyError as error:  # a full or read-only disk: the -wal stays, still sound
            log.warning("could not fold the -wal into %s: %s", self.paths.database, error)
        finally:
            self.engine.dispose()
            if not self.paths.on_server:
                # After the fold: the next open may skip quick_check (app.clean_close).
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

    Refuses a damaged, too-new or foreign file, and a data dir another running app holds. The
    backup is copied and brought up to date *beside* the ledger, and only a finished, upgraded
    copy takes its place: any failure before that leaves the ledger byte for byte as it was.
    Works when the current ledger is damaged (that is when a clerk needs it): it is then kept
    byte for byte.
    """
    if paths.on_server:  # the server's data is restored with pg_restore, by its administrator
        from app import server

        where = server.describe(server.server_url(paths.database_url))
        raise server.NotOnServer(server.BACKUP_ADVICE.format(where=where))
    source = Path(source)
    if not source.is_file():
        raise StorageError(f"找不到备份文件：{source}")
    problems = integrity_problems(source)
    if problems:
        raise DatabaseDamaged(f"这份备份已损坏，不能用来恢复：{source}（{problems[0]}）")
    version = check_is_ledger(source)
    paths.ensure()
    with InstanceLock(paths.lock_file), owner_only():
        sweep_leftovers(paths)
        try:
            with scratch.scratch_file(paths.data_dir, BACKUP_SUFFIX) as staged:
                # Through SQLite, not a file copy: a backup with a "-wal" beside it is copied whole.
                _write_copy(source, staged)
                # An older backup is brought up to date (and stamped), off to the side.
                _upgrade(staged, version, stamp=_versions(staged)[1] is None)
                safety = _keep_current_ledger(paths)
                _fold_wal(paths.database)
                # A leftover "-wal" would be replayed onto the restored file and damage it.
                for suffix in ("-wal", "-shm"):
                    Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
                os.replace(staged, paths.database)
        except (OSError, sqlite3.Error) as error:
            _drop_empty_wal(paths.database)
            raise storage_failure(error, paths.database, "恢复台账") or StorageError(
                f"恢复失败，台账未改动：{error}"
            ) from error
        except BaseException:
            _drop_empty_wal(paths.database)  # made by the read-only checks of the current file
            raise
    return safety


def _keep_current_ledger(paths: AppPaths) -> Path | None:
    """Copy the ledger about to be replaced into the backups folder (``None``: there is none)."""
    current = paths.database
    if not current.exists() or current.stat().st_size == 0:
        return None
    if not integrity_problems(current):
        names = _backup_names(paths.backups, BEFORE_RESTORE)
        return copy_database(current, names, action="为恢复保留当前台账的副本")
    # SQLite cannot read a damaged file reliably: keep its bytes (and its "-wal") as they are.
    where = paths.backups / BEFORE_RESTORE
    try:
        with scratch.scratch_file(paths.backups, BACKUP_SUFFIX) as partial:
            shutil.copyfile(current, partial)
            safety = _publish(
                partial, _backup_names(paths.backups, BEFORE_RESTORE), overwrite=False
            )
        wal = Path(f"{current}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{safety}-wal"))
    except OSError as error:
        failure = storage_failure(error, where, "保留当前台账的副本")
        raise failure or StorageError(f"无法保留当前台账的副本，未恢复：{error}") from error
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
