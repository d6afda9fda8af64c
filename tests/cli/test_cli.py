"""The real entry point, ``python -m app``, run as a separate process: exit codes, what is printed,
and one clear line on stderr (never a traceback) for anything a user can cause."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.cli import build_parser, command_word, main
from app.config import resolve_paths
from app.db import Database, latest_version
from app.models import Slot
from app.services import assignments, rounds, stats
from tests.helpers.ledgers import TODAY, helper_command, subprocess_env, table_counts


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def one_error_line(self) -> str:
        assert "Traceback" not in self.out + self.err
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        return lines[0]


def app(data_dir: Path, *args: str) -> Run:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=120,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo village made by the CLI itself (once per module; tests work on copies)."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    run = app(folder, "demo", "--today", TODAY.isoformat())
    assert run.code == 0, run.err
    rows = table_counts(folder / "ledger.sqlite3")
    assert run.out == (
        f"已生成演示数据：60 人，包保人员 {rows['staff']} 人，"
        f"体温 {rows['temperature_reading']} 条，异常 {rows['anomaly']} 条，"
        f"车辆登记 {rows['vehicle_pass']} 条。\n"
    )
    assert run.err == ""
    return folder


@pytest.fixture
def ledger(demo_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ledger"
    shutil.copytree(demo_dir, copy)
    return copy


def test_check_prints_a_summary_with_the_gaps_and_exits_0(ledger: Path) -> None:
    run = app(ledger, "check", "--date", TODAY.isoformat())

    assert run.code == 0, run.err
    assert run.err == ""
    lines = run.out.splitlines()
    assert lines[0] == f"台账文件：{ledger.resolve() / 'ledger.sqlite3'}"
    assert lines[1] == f"完整性检查：正常（数据版本 {latest_version()}）"
    assert "2022-02-10 概况" in lines
    with Database.open(resolve_paths(ledger)) as db:
        numbers = stats.day_numbers(db, TODAY)
        gaps = assignments.coverage_gaps(db, TODAY)
        due = rounds.due_list(db, TODAY, Slot.AM)
    by_measure = "，".join(f"{name} {count}" for name, count in numbers.by_measure.items() if count)
    assert numbers.by_measure["居家隔离医学观察"] > 0
    assert f"  在管人数：{numbers.under_management}（{by_measure}）" in lines
    assert any(line.startswith("  累计排查 60，当日新增 ") for line in lines)
    assert any(line.startswith("  卡点：检查车辆 ") for line in lines)
    assert gaps, "the demo leaves some people waiting for a township cadre"
    assert f"包保未落实：{len(gaps)} 人" in lines
    for gap in gaps:
        assert any(
            gap.name in line and "缺：" + "、".join(gap.missing_roles) in line for line in lines
        )
    missing = [item for item in due if item.reading is None]
    assert due, "the demo has people due a morning reading"
    assert f"上午体温：应测 {len(due)} 人，未测 {len(missing)} 人" in lines
    assert any(line.startswith("未关闭的异常：") for line in lines)
    assert any(line.startswith("观察期已满待解除：") for line in lines)


def test_check_of_an_empty_data_dir_creates_a_ledger_and_exits_0(tmp_path: Path) -> None:
    run = app(tmp_path / "new", "check", "--date", "2022-02-10")
    assert run.code == 0, run.err
    assert "包保未落实：0 人" in run.out.splitlines()


def test_check_of_a_damaged_ledger_says_so_in_one_line(ledger: Path) -> None:
    database = ledger / "ledger.sqlite3"
    database.write_bytes(b"garbage" * 1000)

    run = app(ledger, "check")

    assert run.code == 3
    assert run.one_error_line.startswith("台账文件已损坏，未做任何改动：")
    assert database.read_bytes() == b"garbage" * 1000


@pytest.mark.parametrize("blocker", ["file-as-data-dir", "folder-as-ledger"])
def test_check_of_a_ledger_that_cannot_be_opened_says_so_in_one_line(
    tmp_path: Path, blocker: str
) -> None:
    data_dir = tmp_path / "data"
    if blocker == "file-as-data-dir":
        data_dir.write_text("I am a file")
    else:
        (data_dir / "ledger.sqlite3").mkdir(parents=True)

    run = app(data_dir, "check")

    assert run.code != 0
    assert str(data_dir) in run.one_error_line


def test_check_of_a_ledger_from_a_newer_version_is_refused(ledger: Path) -> None:
    with sqlite3.connect(ledger / "ledger.sqlite3") as connection:
        connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    run = app(ledger, "check")
    assert run.code == 3
    assert "更新版本" in run.one_error_line


def test_demo_into_a_ledger_with_data_is_refused(ledger: Path) -> None:
    before = table_counts(ledger / "ledger.sqlite3")
    run = app(ledger, "demo")
    assert run.code == 1
    assert run.one_error_line == "台账中已有数据，演示数据只能生成到空台账（请用新的 --data-dir）。"
    assert table_counts(ledger / "ledger.sqlite3") == before


def test_unit_shows_and_sets_the_profile(ledger: Path) -> None:
    shown = app(ledger, "unit")
    assert shown.code == 0
    assert "填报单位：演示村" in shown.out.splitlines()

    changed = app(ledger, "unit", "--name", "东风村", "--reporter", "王五")
    assert changed.code == 0
    assert changed.out.splitlines()[:3] == [
        "填报单位信息已保存。",
        "填报单位：东风村",
        "上级乡镇：演示镇",
    ]
    assert "填报人：王五" in changed.out.splitlines()

    again = app(ledger, "unit")
    assert "填报单位：东风村" in again.out.splitlines()

    refused = app(ledger, "unit", "--name", "  ")
    assert refused.code == 1
    assert refused.one_error_line == "填报单位不能为空。"


def test_backup_then_restore_brings_the_old_data_back(ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "U盘" / "备份.sqlite3"
    backed_up = app(ledger, "backup", "--out", str(target))
    assert backed_up.code == 0, backed_up.err
    assert backed_up.out.strip() == f"已备份到：{target}"
    automatic = app(ledger, "backup")
    assert automatic.code == 0
    assert len(list((ledger / "backups").glob("自动备份-*.sqlite3"))) == 1

    assert app(ledger, "unit", "--name", "改过的名字").code == 0
    restored = app(ledger, "restore", str(target))

    assert restored.code == 0, restored.err
    assert restored.out.splitlines()[0] == f"已从 {target} 恢复。"
    assert restored.out.splitlines()[1].startswith("恢复前的台账已另存为：")
    assert "填报单位：演示村" in app(ledger, "unit").out.splitlines()
    (kept,) = (ledger / "backups").glob("恢复前备份-*.sqlite3")
    with sqlite3.connect(kept) as connection:
        assert (
            connection.execute("SELECT unit_name FROM unit_profile").fetchone()[0] == "改过的名字"
        )


def test_restore_over_a_damaged_ledger_works(ledger: Path, tmp_path: Path) -> None:
    target = tmp_path / "good.sqlite3"
    assert app(ledger, "backup", "--out", str(target)).code == 0
    (ledger / "ledger.sqlite3").write_bytes(b"garbage" * 1000)

    run = app(ledger, "restore", str(target))

    assert run.code == 0, run.err
    assert app(ledger, "check", "--date", date(2022, 2, 10).isoformat()).code == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "找不到备份文件："),
        (lambda p: p.write_bytes(b"garbage" * 1000), "这份备份已损坏，不能用来恢复："),
    ],
    ids=["missing", "damaged"],
)
def test_restore_of_a_bad_file_is_refused_in_one_line(
    ledger: Path,
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    source = tmp_path / "bad.sqlite3"
    make(source)
    before = (ledger / "ledger.sqlite3").read_bytes()

    run = app(ledger, "restore", str(source))

    assert run.code == 3
    assert run.one_error_line.startswith(message)
    assert (ledger / "ledger.sqlite3").read_bytes() == before


def test_backup_out_refuses_an_existing_file_unless_forced(ledger: Path, tmp_path: Path) -> None:
    export = tmp_path / "日报.xlsx"
    export.write_bytes(b"the report the township is waiting for")

    refused = app(ledger, "backup", "--out", str(export))

    assert refused.code == 3
    assert (
        refused.one_error_line
        == f"{export} 已经存在，没有覆盖。请换一个文件名；确需覆盖请加 --force。"
    )
    assert export.read_bytes() == b"the report the township is waiting for"
    forced = app(ledger, "backup", "--out", str(export), "--force")
    assert forced.code == 0, forced.err
    assert table_counts(export) == table_counts(ledger / "ledger.sqlite3")


def test_backup_out_never_writes_onto_a_ledger_in_use_even_forced(
    ledger: Path, tmp_path: Path
) -> None:
    other = tmp_path / "另一个村"
    shutil.copytree(ledger, other)
    app(other, "unit", "--name", "另一个村")
    holder = subprocess.Popen(  # the other folder's app is running
        helper_command("holder.py", str(other)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"
        run = app(ledger, "backup", "--out", str(other / "ledger.sqlite3"), "--force")
    finally:
        holder.communicate(input="", timeout=60)  # closing its stdin ends it cleanly

    assert run.code == 3
    assert "这是另一个正在使用中的台账" in run.one_error_line
    assert "填报单位：另一个村" in app(other, "unit").out.splitlines()


def test_a_ledger_another_program_keeps_locked_is_said_so_not_damaged(ledger: Path) -> None:
    other = sqlite3.connect(ledger / "ledger.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a database browser holding the write lock
    try:
        run = app(ledger, "unit", "--name", "改不了")
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert run.code == 3
    assert "文件正被其他程序占用" in run.one_error_line
    assert "损坏" not in run.one_error_line
    assert "填报单位：演示村" in app(ledger, "unit").out.splitlines()


def test_unknown_command_is_an_argparse_error_not_a_traceback(tmp_path: Path) -> None:
    run = app(tmp_path, "no-such-command")
    assert run.code == 2
    assert "Traceback" not in run.err
    assert "error: argument COMMAND: invalid choice: 'no-such-command'" in run.err


@pytest.mark.parametrize("command", ["import-roster", "import-readings", "merge"])
def test_commands_that_read_lists_name_every_format_they_read(tmp_path: Path, command: str) -> None:
    run = app(tmp_path, command, "--help")
    assert run.code == 0, run.err
    assert ".xlsx、.xlsm、.xls、.et、.csv 或 .txt" in run.out


def test_data_dir_option_beats_the_environment_variable(tmp_path: Path) -> None:
    env = {**subprocess_env(), "FANGYI_DATA_DIR": str(tmp_path / "from-env")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "app", *args, "unit", "--name", "某村"]
        return subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
        )

    assert run().returncode == 0
    assert (tmp_path / "from-env" / "ledger.sqlite3").is_file()
    assert run("--data-dir", str(tmp_path / "from-option")).returncode == 0
    assert (tmp_path / "from-option" / "ledger.sqlite3").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["from-env", "from-option"]


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        ([], None),
        (["gui"], "gui"),
        (["--data-dir", "/tmp/x", "gui", "--self-test"], "gui"),
        (["--data-dir=/tmp/x", "--operator", "gui"], None),  # "gui" is the operator's name here
        (["--operator", "admin", "check"], "check"),
        (["--help"], "--help"),
        (["--data", "/tmp/x"], "--data"),  # an abbreviation: the full parser decides
    ],
)
def test_the_command_word_is_read_before_the_parser_is_built(
    argv: list[str], word: str | None
) -> None:
    assert command_word(argv) == word


def test_a_gui_start_does_not_load_the_command_modules_but_help_lists_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "check" not in build_parser(with_commands=False).format_help()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "check" in capsys.readouterr().out
