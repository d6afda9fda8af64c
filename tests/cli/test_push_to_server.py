"""``push-to-server FILE --unit 村名`` on the command line: what was added, nothing twice, and a
bad file refused with one line and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import app
from tests.cli.test_server import app as server_app
from tests.helpers.ledgers import TODAY, table_counts


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("village") / "data"
    run = app(folder, "demo", "--today", TODAY.isoformat(), "--persons", "20", "--days", "5")
    assert run.code == 0, run.err
    return folder / "ledger.sqlite3"


def test_push_adds_the_village_once_and_says_what_it_added(village: Path, tmp_path: Path) -> None:
    server = tmp_path / "server"
    village_rows = table_counts(village)

    first = app(server, "push-to-server", str(village), "--unit", "东村")
    again = app(server, "push-to-server", str(village), "--unit", "东村")

    assert first.code == 0, first.err
    lines = first.out.splitlines()
    assert lines[0].startswith("已上传「东村」：新增 ")
    assert "  人员：新增 20，服务器已有 0" in lines
    assert f"  体温：新增 {village_rows['temperature_reading']}，服务器已有 0" in lines
    tests = village_rows["nucleic_acid_test"]
    assert f"  核酸检测：新增 {tests}，更新 0，服务器已有 0{KEPT}" in lines
    assert again.code == 0 and again.out.splitlines()[0] == "已上传「东村」：新增 0 条记录"
    assert f"  核酸检测：新增 0，更新 0，服务器已有 {tests}{KEPT}" in again.out.splitlines()
    rows = table_counts(server / "ledger.sqlite3")
    assert (rows["person"], rows["temperature_reading"], rows["nucleic_acid_test"]) == (
        20,
        village_rows["temperature_reading"],
        tests,
    )


KEPT = "（服务器上已出的阴性/阳性不被村台账改写）"


def _day_sections(check_output: str) -> list[str]:
    """``check``'s report of the day (概况, 包保, 体温, 核酸检测, 异常, 待解除), without the lines
    about the file or server it read."""
    lines = check_output.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.endswith(" 概况")) :]


def test_the_server_checks_the_pushed_village_as_the_village_does(
    village: Path, tmp_path: Path
) -> None:
    """核酸检测 今日应检 / 已采样 / 结果未出 / 阳性, the 阳性 among the open anomalies, and why a
    period that is over cannot be released yet: the village's own ``check``, line for line."""
    server = tmp_path / "server"
    assert app(server, "push-to-server", str(village), "--unit", "东村").code == 0

    own = app(village.parent, "check", "--date", TODAY.isoformat())
    there = app(server, "check", "--date", TODAY.isoformat())

    assert own.code == there.code == 0, there.err
    assert "，阳性 1 人" in own.out and "核酸检测阳性" in own.out
    assert _day_sections(there.out) == _day_sections(own.out)


def test_a_file_that_is_not_a_ledger_gets_one_line_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    server = tmp_path / "server"
    assert app(server, "check").code == 0
    before = table_counts(server / "ledger.sqlite3")
    not_a_ledger = tmp_path / "东村.sqlite3"
    not_a_ledger.write_bytes(b"PK\x03\x04 an Excel file renamed")

    run = app(server, "push-to-server", str(not_a_ledger), "--unit", "东村")

    assert run.code != 0
    assert str(not_a_ledger) in run.one_error_line
    assert table_counts(server / "ledger.sqlite3") == before


def test_a_missing_file_gets_one_line(tmp_path: Path) -> None:
    run = app(tmp_path / "server", "push-to-server", str(tmp_path / "无.sqlite3"), "--unit", "东村")
    assert run.code != 0
    assert run.one_error_line == f"找不到村台账文件：{tmp_path / '无.sqlite3'}"


@pytest.mark.postgresql
def test_push_into_a_township_server(village: Path, tmp_path: Path, pg_database: str) -> None:
    """The same command on PostgreSQL (``--database-url``): added once, then nothing twice."""
    first = server_app(tmp_path / "data", pg_database, "push-to-server", str(village),
                       "--unit", "东村")  # fmt: skip
    again = server_app(tmp_path / "data", pg_database, "push-to-server", str(village),
                       "--unit", "东村")  # fmt: skip

    assert first.code == 0, first.err
    assert "  人员：新增 20，服务器已有 0" in first.out.splitlines()
    assert again.code == 0 and again.out.splitlines()[0] == "已上传「东村」：新增 0 条记录"
    assert "  人员：新增 0，服务器已有 20" in again.out.splitlines()
    tests = table_counts(village)["nucleic_acid_test"]
    assert f"  核酸检测：新增 0，更新 0，服务器已有 {tests}{KEPT}" in again.out.splitlines()
    own = app(village.parent, "check", "--date", TODAY.isoformat())
    there = server_app(tmp_path / "data", pg_database, "check", "--date", TODAY.isoformat())
    assert there.code == 0, there.err
    assert _day_sections(there.out) == _day_sections(own.out)
