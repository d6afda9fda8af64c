"""Signing in on the command line (``python -m app`` as a separate process): once an account
exists every command needs it, a wrong or missing credential is one clear line and exit code 5,
``restore`` needs an administrator, and exports take the masking and password options."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import URL
from sqlalchemy.engine import make_url

from app.config import DATABASE_URL_ENV, AppPaths, resolve_paths
from app.db import Database
from app.services import operators, privacy
from app.services.access import Role
from tests.cli.test_cli import Run
from tests.helpers.engines import parametrise_engines
from tests.helpers.ledgers import TODAY, make_demo_ledger, subprocess_env, table_counts
from tests.helpers.postgres import database_copy

ADMIN = ("wangshuji", "村委会2022!")
CLERK = ("liming", "luru-12345")
EXIT_SIGN_IN = 5


def app(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    """Run the CLI with no terminal on stdin (as under a scheduler): no password can be typed."""
    environment = subprocess_env()
    for name in ("FANGYI_OPERATOR", "FANGYI_PASSWORD", "FANGYI_NEW_PASSWORD"):
        environment.pop(name, None)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def signed(account: tuple[str, str]) -> dict[str, str]:
    return {"FANGYI_OPERATOR": account[0], "FANGYI_PASSWORD": account[1]}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrise_engines(metafunc)  # every test once on SQLite, once on a PostgreSQL server


def _make_demo_with_accounts(paths: AppPaths) -> None:
    make_demo_ledger(paths)
    with Database.open(paths) as db:
        operators.create_first_admin(db, ADMIN[0], "王书记", ADMIN[1])
        operators.create_account(db, CLERK[0], "李明", CLERK[1], Role.CLERK)


@pytest.fixture(scope="module")
def demo_with_accounts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = resolve_paths(tmp_path_factory.mktemp("auth") / "data")
    _make_demo_with_accounts(paths)
    return paths.data_dir


@pytest.fixture(scope="module")
def server_demo_with_accounts(
    pg_server: URL, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The same ledger in a server database (tests get copies of it): its name."""
    with database_copy(pg_server, pg_template) as url:
        _make_demo_with_accounts(resolve_paths(tmp_path_factory.mktemp("auth-pg"), url))
        yield str(make_url(url).database)


@pytest.fixture
def ledger(
    engine: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Path]:
    """The data folder of a copy of the demo ledger with accounts; on PostgreSQL the copy is a
    database, named in FANGYI_DATABASE_URL for the commands run with this folder."""
    copy = tmp_path / "ledger"
    if engine != "postgresql":
        shutil.copytree(request.getfixturevalue("demo_with_accounts"), copy)
        yield copy
        return
    server = request.getfixturevalue("pg_server")
    with database_copy(server, request.getfixturevalue("server_demo_with_accounts")) as url:
        monkeypatch.setenv(DATABASE_URL_ENV, url)
        copy.mkdir()
        yield copy


def test_a_ledger_without_accounts_stays_open_and_the_first_account_is_admin(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new"
    assert app(folder, "check").code == 0  # first run: no sign-in yet

    refused = app(folder, "accounts", "add", "wangshuji")
    assert refused.code == EXIT_SIGN_IN
    assert "FANGYI_NEW_PASSWORD" in refused.one_error_line  # no terminal to type it in

    made = app(folder, "accounts", "add", "WangShuji", "--name", "王书记",
               env={"FANGYI_NEW_PASSWORD": ADMIN[1]})  # fmt: skip
    assert made.code == 0, made.err
    assert "已添加账号：wangshuji（王书记，管理员）" in made.out

    closed = app(folder, "check")
    assert closed.code == EXIT_SIGN_IN
    assert "请用 --operator 账号 登录" in closed.one_error_line


def test_check_without_credentials_is_refused_with_exit_5(ledger: Path) -> None:
    run = app(ledger, "check")
    assert run.code == EXIT_SIGN_IN
    assert run.out == ""
    assert run.one_error_line == (
        "这个台账已设置操作员账号，请用 --operator 账号 登录"
        "（自动运行时设置环境变量 FANGYI_OPERATOR 和 FANGYI_PASSWORD）。"
    )


def test_an_operator_without_a_password_and_no_terminal_is_refused(ledger: Path) -> None:
    run = app(ledger, "--operator", ADMIN[0], "check")
    assert run.code == EXIT_SIGN_IN
    assert run.one_error_line == "需要密码：请在终端中运行，或设置环境变量 FANGYI_PASSWORD。"


def test_operator_and_password_from_the_environment_work(ledger: Path) -> None:
    run = app(ledger, "check", "--date", TODAY.isoformat(), env=signed(ADMIN))
    assert run.code == 0, run.err
    assert run.err == ""
    assert "正常（数据版本" in run.out  # 完整性检查 of a file, 连接 of a server

    option = app(ledger, "--operator", "LiMing", "check", env={"FANGYI_PASSWORD": CLERK[1]})
    assert option.code == 0, option.err


def test_a_wrong_password_is_refused_and_counted(ledger: Path) -> None:
    run = app(ledger, "check", env={"FANGYI_OPERATOR": ADMIN[0], "FANGYI_PASSWORD": "wrong"})
    assert run.code == EXIT_SIGN_IN
    assert run.one_error_line == "账号或密码不正确（再错 4 次将暂停登录）。"
    unknown = app(ledger, "check", env={"FANGYI_OPERATOR": "nobody", "FANGYI_PASSWORD": "x"})
    assert unknown.code == EXIT_SIGN_IN
    assert unknown.one_error_line == "账号或密码不正确。"


def test_changes_are_recorded_under_the_signed_in_operator(ledger: Path) -> None:
    run = app(ledger, "unit", "--reviewer", "张主任", env=signed(ADMIN))
    assert run.code == 0, run.err
    with Database.open(resolve_paths(ledger)) as db, db.reading() as session:
        from app.models import AuditEntry

        entry = session.query(AuditEntry).filter_by(entity="unit_profile").one()
    assert entry.operator == "王书记"


@pytest.mark.sqlite_only  # restore is of a file; on a server it is pg_restore
def test_restore_needs_an_administrator(ledger: Path, tmp_path: Path) -> None:
    backup = tmp_path / "备份.sqlite3"
    assert app(ledger, "backup", "--out", str(backup), env=signed(ADMIN)).code == 0
    before = table_counts(ledger / "ledger.sqlite3")

    refused = app(ledger, "restore", str(backup), env=signed(CLERK))
    assert refused.code == 1
    assert refused.one_error_line == "当前账号（录入员）无权恢复备份，请让管理员操作。"
    unsigned = app(ledger, "restore", str(backup))
    assert unsigned.code == EXIT_SIGN_IN
    assert table_counts(ledger / "ledger.sqlite3") == before
    assert not list((ledger / "backups").glob("恢复前备份-*"))

    done = app(ledger, "restore", str(backup), env=signed(ADMIN))
    assert done.code == 0, done.err
    assert list((ledger / "backups").glob("恢复前备份-*"))


def test_accounts_are_managed_by_the_administrator_only(ledger: Path) -> None:
    listed = app(ledger, "accounts", "list", env=signed(ADMIN))
    assert listed.code == 0, listed.err
    assert "liming\t李明\t录入员\t可用" in listed.out

    clerk = app(ledger, "accounts", "disable", ADMIN[0], env=signed(CLERK))
    assert clerk.code == 1
    assert "无权管理账号" in clerk.one_error_line

    disabled = app(ledger, "accounts", "disable", CLERK[0], env=signed(ADMIN))
    assert disabled.code == 0, disabled.err
    gone = app(ledger, "check", env=signed(CLERK))
    assert gone.code == EXIT_SIGN_IN
    assert gone.one_error_line == "这个账号已停用，请找管理员。"

    reset = app(ledger, "accounts", "passwd", CLERK[0],
                env={**signed(ADMIN), "FANGYI_NEW_PASSWORD": "new-pass-99"})  # fmt: skip
    assert reset.code == 0, reset.err
    assert app(ledger, "accounts", "enable", CLERK[0], env=signed(ADMIN)).code == 0
    again = app(
        ledger, "check", env={"FANGYI_OPERATOR": CLERK[0], "FANGYI_PASSWORD": "new-pass-99"}
    )
    assert again.code == 0, again.err


def test_export_options_mask_and_encrypt(ledger: Path, tmp_path: Path) -> None:
    default = tmp_path / "默认.xlsx"
    run = app(ledger, "export", "roster", "--date", TODAY.isoformat(), "--out", str(default),
              env=signed(CLERK))  # fmt: skip
    assert run.code == 0, run.err
    assert "身份证号和电话已隐藏中间几位。" in run.out  # the roster is masked by default
    ids = [row[4] for row in openpyxl.load_workbook(default).active.iter_rows(values_only=True)]
    assert any(isinstance(v, str) and "********" in v for v in ids)

    plain = tmp_path / "不隐藏.xlsx"
    run = app(ledger, "export", "roster", "--date", TODAY.isoformat(), "--no-mask",
              "--out", str(plain), env=signed(CLERK))  # fmt: skip
    assert run.code == 0, run.err
    ids = [row[4] for row in openpyxl.load_workbook(plain).active.iter_rows(values_only=True)]
    assert not any(isinstance(v, str) and "*" in v for v in ids)

    locked = tmp_path / "加密.xlsx"
    run = app(ledger, "export", "daily", "--date", TODAY.isoformat(), "--out", str(locked),
              "--password-env", "REPORT_PW",
              env={**signed(CLERK), "REPORT_PW": "township-22"})  # fmt: skip
    assert run.code == 0, run.err
    assert "文件已加密" in run.out
    assert privacy.is_encrypted(locked)

    missing = app(ledger, "export", "daily", "--out", str(tmp_path / "x.xlsx"),
                  "--password-env", "NOT_SET", env=signed(CLERK))  # fmt: skip
    assert missing.code == 1
    assert missing.one_error_line == "环境变量 NOT_SET 没有设置或为空，未导出。"
    assert not (tmp_path / "x.xlsx").exists()
