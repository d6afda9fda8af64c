"""Schema revisions (Alembic): every released schema's fixture opens and upgrades with nothing lost,
a ledger from the numbered-SQL days is stamped and upgraded in place, the file is copied before any
migration, a failed migration leaves the file as it was, and the schema the revisions build is
exactly the schema of the models."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

import app.models
from app import schema
from app.config import AppPaths
from app.db import Database, DatabaseTooNew, StorageError, latest_version, migrate
from app.models import Base
from app.services import reference, roster, stats
from tests.helpers.ledgers import table_counts, user_version

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA_V1 = FIXTURES / "schema_v1.sqlite3"
FIXTURE_DAY = date(2022, 2, 10)


def _install(fixture: Path, paths: AppPaths) -> dict[str, int]:
    paths.ensure()
    shutil.copyfile(fixture, paths.database)
    return table_counts(paths.database)


# --- the schema-1 fixture -----------------------------------------------------------------------


def test_schema_v1_fixture_is_a_small_full_ledger() -> None:
    """Guards the fixture itself: it must hold a bit of everything the migrations have to carry."""
    assert user_version(SCHEMA_V1) == 1
    counts = table_counts(SCHEMA_V1)
    for table in (
        "person", "case_record", "staff", "assignment", "temperature_reading", "anomaly",
        "checkpoint", "vehicle_pass", "occupant", "audit_entry", "setting", "unit_profile",
    ):  # fmt: skip
        assert counts[table] > 0, table


def test_v1_ledger_opens_upgrades_and_loses_nothing(paths: AppPaths) -> None:
    before = _install(SCHEMA_V1, paths)

    with Database.open(paths) as db:
        assert db.migrated_from == 1
        ids = roster.roster_ids(db, roster.RosterFilter(status="all"))
        numbers = stats.day_numbers(db, FIXTURE_DAY)
        profile = reference.unit_profile(db)

    assert user_version(paths.database) == latest_version()
    after = table_counts(paths.database)
    assert {table: after[table] for table in before} == before
    assert len(ids) == before["case_record"]
    assert numbers.registered_total == before["case_record"]
    assert profile.unit_name == "演示村"
    backups = sorted(paths.backups.glob("迁移前备份-v1-*.sqlite3"))
    if latest_version() > 1:  # the copy taken before upgrading is the v1 file, whole
        assert len(backups) == 1
        assert user_version(backups[0]) == 1
        assert table_counts(backups[0]) == before
    else:
        assert backups == []


STEP = '''"""A step added on top of the shipped revisions by tests/test_migrations.py."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"


def upgrade() -> None:
{body}
'''


def add_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *bodies: str) -> None:
    """Ship the app's revisions plus one more per ``bodies`` (each an ``upgrade()`` body)."""
    folder = tmp_path / "migrations"
    shutil.copytree(schema.script_location(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    down = schema.revisions()[-1]
    for body in bodies:
        revision = schema.revision_of(schema.version_of(down) + 1)
        step = STEP.format(revision=revision, down=down, body=body)
        (folder / "versions" / f"{revision}_test_step.py").write_text(step, encoding="utf-8")
        down = revision
    monkeypatch.setattr(schema, "_location_override", folder)


def stored_revision(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_pending_migration_backs_up_first_and_applies_in_order(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Holds whatever the latest released schema is: one more step is injected on top of it."""
    _install(SCHEMA_V1, paths)
    Database.open(paths).close()  # at the latest schema now
    latest = latest_version()
    before = table_counts(paths.database)
    add_revisions(
        tmp_path,
        monkeypatch,
        "    probe = op.create_table(\n"
        "        'probe',\n"
        "        sa.Column('id', sa.Integer(), primary_key=True),\n"
        "        sa.Column('note', sa.Text(), nullable=False),\n"
        "    )\n"
        "    op.bulk_insert(probe, [{'note': '早上;\\n下午'}, {'note': '--'}])",
    )

    with Database.open(paths) as db:
        assert db.migrated_from == latest

    assert user_version(paths.database) == latest + 1
    assert stored_revision(paths.database) == schema.revision_of(latest + 1)
    with sqlite3.connect(paths.database) as connection:
        notes = [n for (n,) in connection.execute("SELECT note FROM probe ORDER BY id")]
    assert notes == ["早上;\n下午", "--"]
    (backup,) = paths.backups.glob(f"迁移前备份-v{latest}-*.sqlite3")
    assert user_version(backup) == latest
    assert table_counts(backup) == before


BROKEN_STEPS = {
    "syntax error": "    op.create_table('half_done', sa.Column('x', sa.Integer()))\n"
    "    op.execute('INSERT INTO half_done VALUES (1)')\n"
    "    op.execute(\"UPDATE person SET name = '改坏了'\")\n"
    "    op.execute('THIS IS NOT SQL')",
    "missing table": "    op.execute(\"UPDATE person SET name = '改坏了'\")\n"
    "    op.execute('INSERT INTO no_such_table VALUES (1)')",
    "foreign key": "    op.execute('UPDATE case_record SET person_id = 99999')",
}


@pytest.mark.parametrize("broken", BROKEN_STEPS.values(), ids=BROKEN_STEPS.keys())
def test_failed_migration_rolls_back_and_leaves_the_file_as_it_was(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    _install(SCHEMA_V1, paths)
    Database.open(paths).close()
    latest = latest_version()
    before = paths.database.read_bytes()
    good_step = "    op.create_table('would_be_new', sa.Column('x', sa.Integer()))"
    add_revisions(tmp_path, monkeypatch, good_step, broken)

    with pytest.raises(StorageError, match=f"数据升级（第 {latest + 2} 步）失败，数据未改动"):
        Database.open(paths)

    # All pending steps are one transaction: not even the good step before the broken one stays.
    assert paths.database.read_bytes() == before
    assert user_version(paths.database) == latest
    assert list(paths.backups.glob(f"迁移前备份-v{latest}-*.sqlite3"))
    monkeypatch.undo()
    Database.open(paths).close()  # the failed attempt released the data dir


def test_a_ledger_from_the_numbered_sql_days_is_stamped_in_place(paths: AppPaths) -> None:
    """A ledger the SQL ladder brought to the latest schema has ``user_version`` and no Alembic
    table: it is copied, stamped at its version, and opens with nothing lost."""
    _install(SCHEMA_V1, paths)
    Database.open(paths).close()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("DROP TABLE alembic_version")
    before = table_counts(paths.database)
    latest = latest_version()

    with Database.open(paths) as db:
        assert db.migrated_from == latest
        assert (
            len(roster.roster_ids(db, roster.RosterFilter(status="all"))) == before["case_record"]
        )

    assert stored_revision(paths.database) == schema.revision_of(latest)
    after = table_counts(paths.database)
    assert {table: after[table] for table in before} == before
    (backup,) = paths.backups.glob(f"迁移前备份-v{latest}-*.sqlite3")
    assert "alembic_version" not in table_counts(backup)


def test_a_ledger_at_a_revision_this_app_does_not_know_is_refused_untouched(
    paths: AppPaths,
) -> None:
    _install(SCHEMA_V1, paths)
    Database.open(paths).close()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'a1b2c3d4e5f6'")
    before = paths.database.read_bytes()

    with pytest.raises(DatabaseTooNew, match=r"由更新版本的防疫台账创建.*文件未做任何改动"):
        Database.open(paths)

    assert paths.database.read_bytes() == before


def test_a_new_ledger_is_created_at_the_latest_schema_without_a_backup(paths: AppPaths) -> None:
    assert migrate(paths.ensure().database, paths.backups) == 0
    assert user_version(paths.database) == latest_version()
    assert stored_revision(paths.database) == schema.revision_of(latest_version())
    assert list(paths.backups.iterdir()) == []
    assert migrate(paths.database, paths.backups) == latest_version()  # nothing left to do
    assert list(paths.backups.iterdir()) == []


def test_revisions_are_numbered_one_to_n_in_one_line() -> None:
    """Revision ids are the schema versions ("0001" …), each revising the one before."""
    revisions = schema.revisions()
    assert revisions == [schema.revision_of(n) for n in range(1, len(revisions) + 1)]
    assert latest_version() == len(revisions)
    # The file names (read on every start) and the revisions' own ids (what Alembic runs) agree.
    script = ScriptDirectory(str(schema.script_location()))
    walked = [r.revision for r in script.walk_revisions("base", "heads")][::-1]
    assert walked == revisions
    assert [script.get_revision(r).down_revision for r in revisions] == [None, *revisions[:-1]]


# --- migrations build exactly the models' schema ------------------------------------------------


def _all_model_modules() -> None:
    """Import every module under app.models, so a model left out of __init__ is compared too."""
    for module in pkgutil.iter_modules(app.models.__path__):
        importlib.import_module(f"app.models.{module.name}")


def _where(sql: str | None) -> str | None:
    if not sql or " WHERE " not in sql.upper():
        return None
    clause = re.split(r"\bWHERE\b", sql, maxsplit=1, flags=re.IGNORECASE)[1]
    return " ".join(clause.replace('"', "").split()).upper()


def schema_of(path: Path) -> dict[str, dict[str, object]]:
    """Tables → columns (type, not null, default, pk), indexes (unique, columns, partial WHERE)
    and foreign keys, read from SQLite itself."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        index_sql = dict(
            connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        )
        schema: dict[str, dict[str, object]] = {}
        for table in tables:
            columns = {
                name: (kind.upper(), bool(notnull), default, pk)
                for _cid, name, kind, notnull, default, pk in connection.execute(
                    f'PRAGMA table_info("{table}")'
                )
            }
            indexes = {}
            for _seq, index, unique, origin, _partial in connection.execute(
                f'PRAGMA index_list("{table}")'
            ):
                cols = tuple(
                    col for _n, _cid, col in connection.execute(f'PRAGMA index_info("{index}")')
                )
                key = index if origin == "c" else f"{origin}:{cols}"  # auto-named: by columns
                indexes[key] = (bool(unique), cols, _where(index_sql.get(index)))
            foreign_keys = sorted(
                (ref, src, dst)
                for _id, _seq, ref, src, dst, *_rest in connection.execute(
                    f'PRAGMA foreign_key_list("{table}")'
                )
            )
            schema[table] = {"columns": columns, "indexes": indexes, "foreign_keys": foreign_keys}
        return schema
    finally:
        connection.close()


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    migrate(migrated, tmp_path / "backups")
    from_models = tmp_path / "models.sqlite3"
    _all_model_modules()
    engine = create_engine(f"sqlite:///{from_models}")
    Base.metadata.create_all(engine)
    engine.dispose()

    migrated_schema, model_schema = schema_of(migrated), schema_of(from_models)
    del migrated_schema[schema.VERSION_TABLE]  # Alembic's own bookkeeping, not a model

    assert sorted(migrated_schema) == sorted(model_schema), "tables differ"
    for table in model_schema:
        assert migrated_schema[table] == model_schema[table], (
            f"table {table}: the migrations and the models disagree — a model change needs a "
            "new revision in app/migrations/versions"
        )


@pytest.mark.postgresql
def test_the_same_revisions_build_the_models_schema_on_postgresql(pg_database: str) -> None:
    """One source for both engines: on PostgreSQL the revisions leave nothing for Alembic's own
    comparison with the models to add, drop or change (tables, columns, types, indexes,
    constraints, the partial unique index included)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    _all_model_modules()
    engine = create_engine(pg_database)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == [], "the revisions and the models disagree on PostgreSQL"
