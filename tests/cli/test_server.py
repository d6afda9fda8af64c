"""The command line on a township server (a real PostgreSQL, tests/helpers/postgres.py): bad
addresses, passwords and databases are one Chinese line with exit ≠ 0 and nothing written;
``check`` reads the connection and the schema revision; ``backup``/``restore`` say how the server's
tools do it (exit 6) instead of pretending."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import schema
from app.config import DATABASE_URL_ENV, DATABASE_URL_FILE, resolve_paths
from app.db import Database
from app.services import roster
from tests.cli.test_cli import Run
from tests.helpers.ledgers import subprocess_env

pytestmark = pytest.mark.postgresql

EXIT_USER_ERROR, EXIT_STORAGE, EXIT_SIGN_IN, EXIT_NOT_ON_SERVER = 1, 3, 5, 6


def app(data_dir: Path, url: str | None, *args: str, env: dict[str, str] | None = None) -> Run:
    """The CLI on ``url`` (``None``: the data folder's own setting decides), with no terminal to
    type a password into."""
    environment = subprocess_env() | (env or {})
    environment.pop(DATABASE_URL_ENV, None)
    chosen = ["--database-url", url] if url is not None else []
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *chosen, *args],
        capture_output=True, text=True, encoding="utf-8", env=environment,
        stdin=subprocess.DEVNULL, timeout=120, check=False,
    )  # fmt: skip
    return Run(result.returncode, result.stdout, result.stderr)


def tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return sorted(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def empty_database(pg_server: URL) -> str:
    """A database with nothing in it (not the template: no ledger yet)."""
    from tests.helpers.postgres import database_copy

    with database_copy(pg_server, "template0") as url:
        yield url  # type: ignore[misc]


def test_check_on_a_server_reads_the_connection_and_the_revision(
    pg_database: str, tmp_path: Path
) -> None:
    run = app(tmp_path / "data", pg_database, "check", "--date", "2022-02-10")

    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == f"台账：数据库服务器 fangyi@{make_url(pg_database).query['host']}/" + str(
        make_url(pg_database).database
    )
    assert lines[1] == f"连接：正常（数据版本 {schema.latest_version()}）"
    assert not (tmp_path / "data" / "ledger.sqlite3").exists()


def test_an_empty_database_becomes_a_ledger_at_the_newest_revision(
    empty_database: str, tmp_path: Path
) -> None:
    assert tables(empty_database) == []
    run = app(tmp_path / "data", empty_database, "demo", "--persons", "5", "--days", "2")
    assert run.code == 0, run.err
    assert "alembic_version" in tables(empty_database)
    with Database.open(resolve_paths(tmp_path / "data", empty_database)) as db:
        assert db.stored_version() == schema.latest_version()
        assert len(roster.roster_ids(db, roster.RosterFilter(status="all"))) == 5


def test_an_older_server_ledger_is_upgraded_with_nothing_lost(
    empty_database: str, tmp_path: Path
) -> None:
    engine = create_engine(empty_database)
    with engine.begin() as connection:
        schema.upgrade(connection, from_version=0, to_version=2)
        connection.execute(
            text(
                "INSERT INTO person (name, search_key, id_type, created_at, updated_at) "
                "VALUES ('张三', 'zs zhangsan', '居民身份证', now(), now())"
            )
        )
    engine.dispose()

    with Database.open(resolve_paths(tmp_path / "data", empty_database)) as db:
        assert db.migrated_from == 2
        assert db.stored_version() == schema.latest_version()
    execute(empty_database, "SELECT driver_temperature FROM vehicle_pass")  # revision 3 is in
    engine = create_engine(empty_database)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM person")).scalars().all() == ["张三"]
    engine.dispose()


def test_a_database_that_is_not_a_ledger_is_refused_and_left_alone(
    empty_database: str, tmp_path: Path
) -> None:
    execute(empty_database, "CREATE TABLE invoices (id integer primary key, total numeric)")

    run = app(tmp_path / "data", empty_database, "check")

    assert run.code == EXIT_STORAGE
    assert "不是防疫台账" in run.one_error_line
    assert "未做任何改动" in run.one_error_line
    assert tables(empty_database) == ["invoices"]


def test_a_server_ledger_from_a_newer_app_is_refused_and_left_alone(
    pg_database: str, tmp_path: Path
) -> None:
    execute(pg_database, "UPDATE alembic_version SET version_num = '0099'")
    before = tables(pg_database)

    run = app(tmp_path / "data", pg_database, "check")

    assert run.code == EXIT_STORAGE
    assert "更新版本" in run.one_error_line
    assert tables(pg_database) == before
    engine = create_engine(pg_database)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0099"
        )
    engine.dispose()


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://fangyi@127.0.0.1:{free_port()}/fangyi"
    run = app(tmp_path / "data", url, "check")
    assert run.code == EXIT_STORAGE
    assert run.one_error_line.startswith(
        f"无法连接数据库服务器 fangyi@127.0.0.1:{url.split(':')[-1]}"
    )
    assert "Traceback" not in run.err
    assert not (tmp_path / "data" / "ledger.sqlite3").exists()


def test_a_wrong_password_is_one_line_with_the_sign_in_exit_code(
    pg_database: str, tmp_path: Path
) -> None:
    run = app(tmp_path / "data", pg_database, "demo", env={"PGPASSWORD": "wrong-password"})
    assert run.code == EXIT_SIGN_IN
    assert "用户名或密码不对" in run.one_error_line
    assert "wrong-password" not in run.err
    before = tables(pg_database)
    engine = create_engine(pg_database)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM person")).scalar() == 0
    engine.dispose()
    assert tables(pg_database) == before


def test_a_server_that_turns_this_computer_away_is_not_a_password_question(
    pg_server: URL, pg_database: str, tmp_path: Path
) -> None:
    """pg_hba.conf refuses the user before any password is asked: saying 密码不对 (or asking
    again) would send the clerk after the wrong thing."""
    role = "fangyi_turned_away"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        hba = Path(connection.execute(text("SHOW hba_file")).scalar_one())
        connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD 'right-password'"))
    if not os.access(hba, os.W_OK):
        pytest.skip(f"the server's {hba} is not on this machine: cannot add a reject line")
    original = hba.read_text(encoding="utf-8")
    hba.write_text(f"local all {role} reject\nhost all {role} all reject\n{original}")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_reload_conf()"))
        url = make_url(pg_database).set(username=role).render_as_string(hide_password=False)
        run = app(tmp_path / "data", url, "check", env={"PGPASSWORD": "right-password"})
    finally:
        hba.write_text(original, encoding="utf-8")
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_reload_conf()"))
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()
    assert run.code == EXIT_STORAGE, run
    assert "不允许本机或此用户连接" in run.one_error_line
    assert "不是密码的问题" in run.one_error_line
    assert "密码不对" not in run.err
    assert "Traceback" not in run.err


def test_no_password_and_no_terminal_says_where_it_goes(pg_database: str, tmp_path: Path) -> None:
    run = app(
        tmp_path / "data", pg_database, "check",
        env={"PGPASSFILE": str(tmp_path / "none"), "PGPASSWORD": ""},
    )  # fmt: skip
    assert run.code == EXIT_SIGN_IN
    assert "要求密码" in run.one_error_line
    assert "PGPASSWORD" in run.one_error_line


def test_a_password_on_the_command_line_is_refused_before_connecting(
    pg_database: str, tmp_path: Path
) -> None:
    with_password = make_url(pg_database).set(password="secret").render_as_string(False)
    run = app(tmp_path / "data", with_password, "check")
    assert run.code == EXIT_USER_ERROR
    assert "不要把数据库密码写在数据库地址里" in run.one_error_line
    assert not (tmp_path / "data").exists()


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    run = app(tmp_path / "data", "mysql://clerk@localhost/ledger", "check")
    assert run.code == EXIT_STORAGE
    assert run.one_error_line.startswith("不支持的数据库：mysql")


@pytest.mark.parametrize(
    "command", [["backup"], ["backup", "--out", "x.sqlite3"], ["restore", "x"]]
)
def test_backup_and_restore_on_a_server_say_pg_dump_and_write_nothing(
    pg_database: str, tmp_path: Path, command: list[str]
) -> None:
    data_dir = tmp_path / "data"
    run = app(data_dir, pg_database, *command)

    assert run.code == EXIT_NOT_ON_SERVER
    assert "pg_dump" in run.one_error_line and "pg_restore" in run.one_error_line
    assert not list(data_dir.rglob("*.sqlite3"))
    assert not (tmp_path / "x.sqlite3").exists()


def test_server_setting_is_saved_only_after_a_connection_and_can_be_cleared(
    pg_database: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    setting = data_dir / DATABASE_URL_FILE
    closed = f"postgresql+psycopg://fangyi@127.0.0.1:{free_port()}/fangyi"
    refused = app(data_dir, None, "server", closed)
    assert refused.code == EXIT_STORAGE
    assert not setting.exists()

    saved = app(data_dir, None, "server", pg_database)
    assert saved.code == 0, saved.err
    assert setting.read_text(encoding="utf-8").strip() == pg_database
    checked = app(data_dir, None, "check")
    assert checked.out.splitlines()[0].startswith("台账：数据库服务器 ")

    cleared = app(data_dir, None, "server", "--clear")
    assert cleared.code == 0
    assert not setting.exists()
    assert app(data_dir, None, "server").out.startswith("本机台账文件：")
