"""The ledger file: pragmas on a live connection, refusing damaged files untouched, natural order,
automatic and manual backups, and restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app import clock
from app.config import BACKUP_KEEP, AppPaths, resolve_paths
from app.db import (
    BUSY_TIMEOUT_MS,
    Database,
    DatabaseDamaged,
    DatabaseTooNew,
    LedgerBusy,
    NotALedger,
    StorageError,
    TargetExists,
    integrity_problems,
    latest_version,
    natural_key,
    restore,
)
from app.instance_lock import DataDirInUse, InstanceLock
from app.models import Case, Person, UnitProfile
from app.services import reference
from app.services.reference import UnitInfo
from tests.helpers.ledgers import make_demo_ledger, table_counts, user_version

# --- pragmas ------------------------------------------------------------------------------------


def test_live_connection_uses_wal_full_sync_foreign_keys_and_busy_timeout(db: Database) -> None:
    with db.session() as session:

        def pragma(name: str) -> object:
            return session.execute(text(f"PRAGMA {name}")).scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    assert user_version(db.paths.database) == latest_version()


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            Case(
                person_id=999,
                category_id=1,
                measure_id=1,
                registered_on=datetime(2022, 2, 1).date(),
                start_date=datetime(2022, 2, 1).date(),
            )
        )
    with db.reading() as session:
        assert session.scalar(select(func.count(Case.id))) == 0


def test_sound_ledger_passes_the_integrity_check(db: Database) -> None:
    assert integrity_problems(db.paths.database) == []


# --- damaged and too-new files are refused and never touched ------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a ledger at all\n" * 500)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def _corrupted_page(path: Path) -> None:
    """Scribble over a b-tree page of the readings table; the 100-byte file header stays intact."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'temperature_reading'"
        ).fetchone()[0]
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size - 8] = bytes([0x5A]) * (page_size - 16)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_garbage, _truncated, _corrupted_page])
def test_damaged_ledger_is_refused_and_left_byte_for_byte(paths: AppPaths, damage) -> None:  # type: ignore[no-untyped-def]
    make_demo_ledger(paths)
    damage(paths.database)
    assert integrity_problems(paths.database), "the damage must be visible to integrity_check"
    before = paths.database.read_bytes()

    with pytest.raises(DatabaseDamaged) as refused:
        Database.open(paths)

    assert "台账文件已损坏，未做任何改动" in str(refused.value)
    assert paths.database.read_bytes() == before
    assert list(paths.backups.iterdir()) == []  # nothing "repaired" or migrated either
    with InstanceLock(paths.lock_file):  # the refusal let go of the data dir
        pass


def test_ledger_from_a_newer_version_is_refused_untouched(paths: AppPaths) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    connection = sqlite3.connect(paths.database)
    connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    connection.close()
    before = paths.database.read_bytes()

    with pytest.raises(DatabaseTooNew) as refused:
        Database.open(paths)

    assert "更新版本" in str(refused.value)
    assert paths.database.read_bytes() == before


def test_a_folder_where_the_ledger_file_should_be_is_refused(paths: AppPaths) -> None:
    paths.database.mkdir(parents=True)
    with pytest.raises(StorageError, match="台账路径不是一个文件"):
        Database.open(paths)


def test_data_dir_with_uri_characters_in_its_name_opens(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "台账#2 100% ?")
    with Database.open(paths) as db:
        reference.save_unit_profile(db, UnitInfo(unit_name="井号村"))
    assert integrity_problems(paths.database) == []
    with Database.open(paths) as db:
        assert reference.unit_profile(db).unit_name == "井号村"


# --- natural order ------------------------------------------------------------------------------


def test_natural_key_counts_groups_like_a_clerk() -> None:
    names = ["十组", "二组", "十一组", "一组", "二十一组", "三组", "九组"]
    assert sorted(names, key=natural_key) == [
        "一组", "二组", "三组", "九组", "十组", "十一组", "二十一组",
    ]  # fmt: skip
    assert sorted(["10栋", "2栋", "1栋"], key=natural_key) == ["1栋", "2栋", "10栋"]
    assert natural_key("一零一室") < natural_key("一一零室")  # digit by digit: 101 < 110


def test_natural_collation_orders_sql(db: Database) -> None:
    with db.session() as session:
        for group in ("十组", "二组", "一组", "十二组", "1组"):
            session.add(Person(name="某", search_key="m mou", group_name=group))
    with db.reading() as session:
        ordered = session.scalars(
            select(Person.group_name).order_by(Person.group_name.collate("natural"))
        ).all()
    assert ordered == ["1组", "一组", "二组", "十组", "十二组"]


# --- backups ------------------------------------------------------------------------------------


ONE_INSTANT = datetime(2022, 2, 10, 8, 30, 15, 123456)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Every "now" is the same microsecond: the worst case for names made from the time."""
    monkeypatch.setattr(clock, "now", lambda: ONE_INSTANT)
    return ONE_INSTANT


def test_backups_made_in_the_same_instant_never_overwrite_each_other(
    db: Database, frozen_clock: datetime
) -> None:
    made = []
    for n in range(5):
        reference.save_unit_profile(db, UnitInfo(unit_name=f"第{n}次"))
        made.append(db.backup())

    assert len(set(made)) == 5
    assert [p.name for p in made] == [
        "自动备份-20220210-083015-123456.sqlite3",
        *(f"自动备份-20220210-083015-123456-{n}.sqlite3" for n in range(2, 6)),
    ]
    for n, path in enumerate(made):  # each file holds its own moment, none was replaced
        with sqlite3.connect(path) as copy:
            assert copy.execute("SELECT unit_name FROM unit_profile").fetchone()[0] == f"第{n}次"


def test_two_restores_in_the_same_instant_keep_both_earlier_ledgers(
    paths: AppPaths, tmp_path: Path, frozen_clock: datetime
) -> None:
    _set_unit_name(paths, "原来的台账")
    backups = {}
    for name in ("A", "B"):
        backups[name] = tmp_path / f"{name}.sqlite3"
        with Database.open(paths) as db:
            reference.save_unit_profile(db, UnitInfo(unit_name=f"备份{name}"))
            db.backup(backups[name])
    _set_unit_name(paths, "原来的台账")

    first = restore(paths, backups["A"])
    second = restore(paths, backups["B"])

    assert first is not None and second is not None and first != second
    kept = {p.name: _unit_name_in(p) for p in paths.backups.glob("恢复前备份-*")}
    assert sorted(kept.values()) == ["原来的台账", "备份A"]  # the original ledger is not lost
    assert _unit_name(paths) == "备份B"


def _unit_name_in(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT unit_name FROM unit_profile").fetchone()[0])


def test_rotation_orders_by_time_to_the_microsecond_and_keeps_other_copies(
    db: Database, frozen_clock: datetime
) -> None:
    folder = db.paths.backups
    older = [f"自动备份-2022020{d}-080000.sqlite3" for d in range(1, 10)]  # names of 1.x
    same_second = [f"自动备份-20220210-083015-00000{n}.sqlite3" for n in range(1, 10)]
    for name in older + same_second:
        (folder / name).write_bytes(b"old")
    before_restore = folder / "恢复前备份-20220101-000000-000001.sqlite3"
    before_restore.write_bytes(b"the ledger before a restore")

    newest = db.backup()

    kept = {p.name for p in folder.glob("自动备份-*.sqlite3")}
    assert len(kept) == BACKUP_KEEP
    assert newest.name in kept  # ".123456" sorts after ".000009" although "-2" sorts before "."
    assert kept >= set(same_second)
    assert before_restore.read_bytes() == b"the ledger before a restore"


def test_backup_to_an_existing_file_is_refused_unless_overwrite(
    db: Database, tmp_path: Path
) -> None:
    target = tmp_path / "日报.xlsx"
    target.write_bytes(b"the clerk's export")

    with pytest.raises(TargetExists, match="已经存在，没有覆盖"):
        db.backup(target)
    assert target.read_bytes() == b"the clerk's export"

    db.backup(target, overwrite=True)
    assert integrity_problems(target) == []


def test_backup_never_writes_onto_a_ledger_in_use(db: Database, tmp_path: Path) -> None:
    other = resolve_paths(tmp_path / "other")
    make_demo_ledger(other, persons=5, days=2)
    with Database.open(other) as busy:  # another folder's app is running (its lock is held)
        before = busy.paths.database.read_bytes()
        with pytest.raises(StorageError, match="另一个正在使用中的台账"):
            db.backup(busy.paths.database, overwrite=True)
        assert busy.paths.database.read_bytes() == before
    # Closed, but left with work in its -wal (a crash): overwriting would replay that -wal.
    Path(f"{other.database}-wal").write_bytes(b"not folded in yet")
    with pytest.raises(StorageError, match="未合并的 -wal"):
        db.backup(other.database, overwrite=True)


def test_automatic_backups_rotate_keeping_the_newest(db: Database) -> None:
    old_stamps = [datetime(2022, 1, 1, 8) + timedelta(days=i) for i in range(BACKUP_KEEP + 3)]
    for stamp in old_stamps:
        (db.paths.backups / f"自动备份-{stamp:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"old")
    (db.paths.backups / "迁移前备份-v1-20220101-080000.sqlite3").write_bytes(b"keep me")

    newest = db.backup()

    kept = sorted(p.name for p in db.paths.backups.glob("自动备份-*.sqlite3"))
    assert len(kept) == BACKUP_KEEP
    assert kept[-1] == newest.name
    assert kept[0] == f"自动备份-{old_stamps[4]:%Y%m%d-%H%M%S}.sqlite3"  # the 4 oldest went
    assert (db.paths.backups / "迁移前备份-v1-20220101-080000.sqlite3").exists()
    assert integrity_problems(newest) == []


def test_backup_to_a_chosen_file_is_a_self_contained_copy(db: Database, tmp_path: Path) -> None:
    reference.save_unit_profile(db, UnitInfo(unit_name="东风村"))
    target = tmp_path / "U盘" / "台账备份.sqlite3"

    assert db.backup(target) == target

    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT unit_name FROM unit_profile").fetchone()[0] == "东风村"
    finally:
        connection.close()
    assert not Path(f"{target}-wal").exists()
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no scratch left


def test_backup_onto_the_ledger_itself_is_refused(db: Database) -> None:
    before = db.paths.database.read_bytes()
    with pytest.raises(StorageError, match="不能与台账文件相同"):
        db.backup(db.paths.database)
    assert db.paths.database.read_bytes() == before


def test_backup_into_an_unwritable_place_is_a_storage_error(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="无法写入备份"):
        db.backup(blocker / "backup.sqlite3")


def test_leftovers_of_interrupted_writes_are_removed_at_the_next_start(
    paths: AppPaths, tmp_path: Path
) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    paths.exports.mkdir()
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    leftovers = [
        paths.backups / f".~fangyi-{dead}-1a2b3c4d.sqlite3",
        paths.backups / f".~fangyi-{dead}-1a2b3c4d.sqlite3-journal",
        paths.backups / "自动备份-20220101-080000.sqlite3.partial-journal",  # 1.x's name
        paths.data_dir / "ledger.sqlite3.restoring",
        paths.exports / ".~fangyi-kx8h2a.xlsx",  # 1.x's mkstemp name, from a killed export
    ]
    for path in leftovers:
        path.write_bytes(b"")
    still_written = paths.exports / f".~fangyi-{os.getppid()}-00000000.xlsx"  # a live writer
    still_written.write_bytes(b"")

    Database.open(paths).close()

    assert [p for p in leftovers if p.exists()] == []
    assert still_written.exists()


# --- restore ------------------------------------------------------------------------------------


def _unit_name(paths: AppPaths) -> str:
    with Database.open(paths) as db:
        return reference.unit_profile(db).unit_name


def _set_unit_name(paths: AppPaths, name: str) -> None:
    with Database.open(paths) as db:
        reference.save_unit_profile(db, UnitInfo(unit_name=name))


def test_restoring_an_old_backup_brings_its_data_back_and_keeps_the_current_file(
    paths: AppPaths, tmp_path: Path
) -> None:
    _set_unit_name(paths, "备份时的名字")
    backup = tmp_path / "backup.sqlite3"
    with Database.open(paths) as db:
        db.backup(backup)
    _set_unit_name(paths, "后来改的名字")

    safety = restore(paths, backup)

    assert _unit_name(paths) == "备份时的名字"
    assert safety is not None and safety.name.startswith("恢复前备份-")
    with sqlite3.connect(safety) as kept:
        assert kept.execute("SELECT unit_name FROM unit_profile").fetchone()[0] == "后来改的名字"


def test_restore_reads_a_backup_whose_latest_work_is_still_in_its_wal(
    paths: AppPaths, tmp_path: Path
) -> None:
    """A ledger copied with its "-wal" beside it: a plain file copy would lose the WAL's rows."""
    source_paths = resolve_paths(tmp_path / "other")
    make_demo_ledger(source_paths, persons=5, days=2)
    writer = sqlite3.connect(source_paths.database, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the new row in the -wal
    writer.execute("UPDATE unit_profile SET unit_name = '只在WAL里'")
    assert Path(f"{source_paths.database}-wal").stat().st_size > 0
    try:
        restore(paths, source_paths.database)
    finally:
        writer.close()
    assert _unit_name(paths) == "只在WAL里"


def test_restore_over_a_ledger_left_with_wal_files_after_a_crash(
    paths: AppPaths, tmp_path: Path
) -> None:
    """The old ledger's -wal must neither be lost (it is kept) nor replayed onto the backup."""
    make_demo_ledger(paths, persons=5, days=2)
    backup = tmp_path / "backup.sqlite3"
    with Database.open(paths) as db:
        db.backup(backup)
    # Simulate a crash: copy the files while a writer still has committed work in its -wal.
    crashed = resolve_paths(tmp_path / "crashed").ensure()
    writer = sqlite3.connect(paths.database, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE unit_profile SET unit_name = '崩溃前最后一笔'")
    writer.execute("DELETE FROM occupant")
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{paths.database}{suffix}", f"{crashed.database}{suffix}")
    writer.close()

    safety = restore(crashed, backup)

    assert integrity_problems(crashed.database) == []
    assert table_counts(crashed.database) == table_counts(backup)
    assert _unit_name(crashed) == "演示村"
    assert safety is not None
    with sqlite3.connect(safety) as kept:
        assert kept.execute("SELECT unit_name FROM unit_profile").fetchone()[0] == "崩溃前最后一笔"


def test_restore_replaces_a_damaged_ledger_keeping_its_bytes(
    paths: AppPaths, tmp_path: Path
) -> None:
    make_demo_ledger(paths, persons=5, days=2)
    backup = tmp_path / "backup.sqlite3"
    with Database.open(paths) as db:
        db.backup(backup)
    _garbage(paths.database)
    damaged = paths.database.read_bytes()

    safety = restore(paths, backup)

    assert safety is not None and safety.read_bytes() == damaged
    assert _unit_name(paths) == "演示村"


def test_a_failed_upgrade_during_restore_leaves_the_ledger_byte_for_byte(
    paths: AppPaths, tmp_path: Path
) -> None:
    _set_unit_name(paths, "现在的台账")
    before = paths.database.read_bytes()
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema_v1.sqlite3", old)
    with sqlite3.connect(old) as connection:  # a v1 file with a dangling reference: sound pages,
        connection.execute("UPDATE case_record SET person_id = 99999")  # but it cannot upgrade
    assert integrity_problems(old) == []

    with pytest.raises(StorageError, match=r"数据升级.*失败，数据未改动"):
        restore(paths, old)

    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("恢复前备份-*"))
    assert sorted(p.name for p in paths.data_dir.iterdir()) == [
        "backups", "ledger.lock", "ledger.sqlite3",
        "ledger.sqlite3.closed",  # the last clean close, still true of the untouched ledger
        "logs",
    ]  # fmt: skip


def _foreign_file(path: Path, version: int) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute(f"PRAGMA user_version = {version}")
    return path


@pytest.mark.parametrize("version", [1, 2])
def test_a_foreign_sqlite_file_with_a_version_is_not_restored(
    paths: AppPaths, tmp_path: Path, version: int
) -> None:
    _set_unit_name(paths, "现在的台账")
    before = paths.database.read_bytes()
    foreign = _foreign_file(tmp_path / "other-app.sqlite3", version)

    with pytest.raises(NotALedger, match=r"不是防疫台账的备份.*缺少表"):
        restore(paths, foreign)

    assert paths.database.read_bytes() == before
    assert _unit_name(paths) == "现在的台账"


def test_a_ledger_missing_a_column_of_its_version_is_not_restored(
    paths: AppPaths, tmp_path: Path
) -> None:
    _set_unit_name(paths, "现在的台账")
    broken = tmp_path / "broken.sqlite3"
    with Database.open(paths) as db:
        db.backup(broken)
    with sqlite3.connect(broken) as connection:
        connection.execute("ALTER TABLE unit_profile DROP COLUMN reviewer")

    with pytest.raises(NotALedger, match="表 unit_profile 缺少列 reviewer"):
        restore(paths, broken)


def test_damaged_too_new_or_foreign_backups_are_refused(paths: AppPaths, tmp_path: Path) -> None:
    _set_unit_name(paths, "现在的台账")
    before = paths.database.read_bytes()
    damaged = tmp_path / "damaged.sqlite3"
    _garbage(damaged)
    too_new = tmp_path / "too-new.sqlite3"
    with Database.open(paths) as db:
        db.backup(too_new)
    with sqlite3.connect(too_new) as connection:
        connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")

    with pytest.raises(DatabaseDamaged, match="这份备份已损坏"):
        restore(paths, damaged)
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        restore(paths, too_new)
    with pytest.raises(StorageError, match="不是防疫台账的备份"):
        restore(paths, foreign)
    with pytest.raises(StorageError, match="找不到备份文件"):
        restore(paths, tmp_path / "missing.sqlite3")

    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("恢复前备份-*"))


def test_restore_refuses_a_data_dir_that_is_open(db: Database, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite3"
    db.backup(backup)
    with pytest.raises(DataDirInUse):
        restore(db.paths, backup)


def test_restore_upgrades_the_backup_and_opens(paths: AppPaths, tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
    restore(paths, fixture)
    assert user_version(paths.database) == latest_version()
    with Database.open(paths) as db, db.reading() as session:
        assert session.get(UnitProfile, 1).unit_name == "演示村"  # type: ignore[union-attr]


# --- the checks: quick on open, full for check and restore --------------------------------------


def _scribble_on_an_index_entry(path: Path) -> None:
    """Change one letter of one key in the person name index. The b-tree stays well formed, so
    ``quick_check`` passes; only comparing the index with its table finds the row missing."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_person_search_key'"
        ).fetchone()[0]
        key = connection.execute("SELECT max(search_key) FROM person").fetchone()[0].encode()
    data = bytearray(path.read_bytes())
    page = (root - 1) * page_size
    assert data[page] == 10  # a leaf page of an index b-tree
    at = data.index(key, page, page + page_size) + len(key) - 1
    data[at] = ord("~") if data[at] != ord("~") else ord("}")
    path.write_bytes(bytes(data))


def test_quick_check_misses_index_damage_that_the_full_check_reports(paths: AppPaths) -> None:
    make_demo_ledger(paths, persons=10, days=2)
    _scribble_on_an_index_entry(paths.database)

    assert integrity_problems(paths.database, quick=True) == []
    problems = integrity_problems(paths.database)
    assert problems and "missing from index ix_person_search_key" in problems[0]
    Database.open(paths).close()  # open runs only the quick check: the clerk can still work
    with pytest.raises(DatabaseDamaged, match="这份备份已损坏"):  # restore runs the full one
        restore(resolve_paths(paths.data_dir.parent / "elsewhere"), paths.database)


# --- a lock, a full disk, a read-only file are not damage -----------------------------------------


def test_a_ledger_locked_by_another_program_is_busy_not_damaged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.db.BUSY_TIMEOUT_MS", 50)
    db.engine.dispose()  # new connections get the short wait
    other = sqlite3.connect(db.paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a database tool holding the write lock
    try:
        with pytest.raises(LedgerBusy, match="正被其他程序占用") as refused:
            reference.save_unit_profile(db, UnitInfo(unit_name="写不进去"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "损坏" not in str(refused.value)
    assert integrity_problems(db.paths.database) == []


def test_a_core_transaction_on_a_locked_ledger_is_busy_too(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Database.transaction`` (a typed reading's save) says what ``session`` says, and keeps
    nothing of the refused work."""
    monkeypatch.setattr("app.db.BUSY_TIMEOUT_MS", 50)
    db.engine.dispose()
    other = sqlite3.connect(db.paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LedgerBusy, match="正被其他程序占用"), db.transaction() as connection:
            connection.execute(text("INSERT INTO setting (key, value) VALUES ('refused', '1')"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with db.reading() as session:
        assert session.scalar(text("SELECT count(*) FROM setting WHERE key = 'refused'")) == 0
