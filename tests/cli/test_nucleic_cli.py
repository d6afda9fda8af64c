"""核酸检测 on the command line: ``tests due``, ``import-tests``, ``export tests`` and ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.config import AppPaths
from app.db import Database
from app.services import nucleic_tests, reference
from app.services.reference import UnitInfo
from tests.services.nucleic_village import IDS, days_ago, md, register
from tests.services.test_nucleic_import import SAMPLING_SYSTEM, sampled, write_list


@pytest.fixture
def village(paths: AppPaths) -> dict[str, int]:
    with Database.open(paths, operator="测试员") as db:
        reference.save_unit_profile(db, UnitInfo(unit_name="红星村"))
        return {
            "甲": register(db, "甲", started_days_ago=3, group="二组", id_number=IDS[0]),
            "乙": register(db, "乙", started_days_ago=0, group="一组", id_number=IDS[1]),
            "丙": register(db, "丙", started_days_ago=7, group="一组", id_number=IDS[2]),
        }


def run(paths: AppPaths, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(paths.data_dir), *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def test_tests_due_lists_the_day_by_group(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(paths, capsys, "tests", "due")
    assert code == 0
    lines = [line.split() for line in out.splitlines() if line.strip()]
    assert out.splitlines()[0].endswith("应检 2 人，已采样 0 人，结果未出 0 人，阳性 0 人")
    assert [line[0] for line in lines[1:]] == ["一组（1", "乙", "二组（1", "甲"]
    assert lines[2][-2:] == ["第1天", "未登记"] and lines[4][-2:] == ["第4天", "未登记"]
    code, out, _ = run(paths, capsys, "tests", "due", "--date", f"{days_ago(1):%Y-%m-%d}")
    assert out.splitlines()[-1].split() == ["丙", IDS[2], "第7天", "未登记"]  # 丙's 第7天


def test_import_tests_reports_strangers_and_a_positive(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = write_list(
        tmp_path / "结果.xlsx",
        SAMPLING_SYSTEM,
        [
            ("甲", IDS[0], sampled(0), sampled(0), "阳性", "县疾控"),
            ("路人", IDS[3], sampled(0), sampled(0), "阴性", "县疾控"),
        ],
    )
    code, out, _ = run(paths, capsys, "import-tests", str(listed), "--dry-run")
    assert code == 0 and out.splitlines()[-2].startswith("试运行（未保存）")
    code, out, _ = run(paths, capsys, "import-tests", str(listed))
    assert code == 0
    assert out.splitlines() == [
        f"未导入：第4行 路人 {IDS[3]}：台账中没有此证件号码",
        "已导入核酸检测结果：新登记 1 条，更新 0 条，相同跳过 0 条，台账中无此人 1 条（未导入）。",
        "其中阳性 1 人，已列入异常，请立即处置（转运/送医）。",
    ]
    code, out, _ = run(paths, capsys, "tests", "due")
    assert "阳性 1 人" in out.splitlines()[0]


def test_import_tests_bad_input_saves_nothing(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(paths, capsys, "import-tests", str(tmp_path / "没有.xlsx"))
    assert code == 1 and err.strip() == f"找不到文件：{tmp_path / '没有.xlsx'}"
    listed = write_list(
        tmp_path / "bad.xlsx", SAMPLING_SYSTEM, [("甲", IDS[0], sampled(0), None, "？", None)]
    )
    code, _, err = run(paths, capsys, "import-tests", str(listed))
    assert code == 1
    assert err.splitlines() == [
        "发现 1 处问题，未导入任何数据。请在 Excel 中改正后重新导入：",
        "  第3行「检测结果」：不认识的检测结果「？」，可填：阴性、阳性、待出、未检",
    ]
    with Database.open(paths, operator="测试员") as db:
        assert nucleic_tests.tests_between(db, days_ago(30), days_ago(0)) == []


def test_export_tests_writes_the_ledger_or_nothing(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with Database.open(paths, operator="测试员") as db:
        nucleic_tests.record_test(db, village["丙"], days_ago(7), "阴性")
        nucleic_tests.record_test(db, village["丙"], days_ago(4), "待出")
    target = tmp_path / "台账.xlsx"
    first, last = f"{days_ago(13):%Y-%m-%d}", f"{days_ago(0):%Y-%m-%d}"
    code, out, _ = run(
        paths, capsys, "export", "tests", "--from", first, "--to", last, "--out", str(target),
        "--no-mask",
    )  # fmt: skip
    assert code == 0 and out.startswith("已导出核酸检测台账（3 人，2 条检测）")
    sheet = load_workbook(target)["核酸检测台账"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True) if len(row) > 1]
    header = next(r for r in rows if r and r[0] == "序号")
    assert header[1:3] == ["姓名", "证件号码"] and header[8:10] == [
        "第1次采样日期",
        "第1次结果",
    ]
    bing = next(r for r in rows if r and r[1] == "丙")
    assert (
        bing[2] == IDS[2] and bing[7] == "第1、4、7天" and bing[9] == "阴性" and bing[11] == "待出"
    )
    bad = tmp_path / "倒过来.xlsx"
    code, _, err = run(
        paths, capsys, "export", "tests", "--from", last, "--to", first, "--out", str(bad)
    )
    assert code == 1 and "早于开始日期" in err and not bad.exists()


def test_check_shows_tests_and_why_a_release_waits(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(paths, capsys, "check")
    assert code == 0
    assert "核酸检测：今日应检 2 人，已采样 0 人，结果未出 0 人，阳性 0 人" in out
    assert "观察期已满待解除：1 人（可以解除 0 人）" in out
    assert f"第1天（{md(days_ago(7))}）核酸未检测" in out


def test_schedule_and_round_commands(
    paths: AppPaths, village: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(paths, capsys, "tests", "schedule", "--set", "居家健康监测=1,3")
    assert code == 0 and "居家健康监测（3 天）：第1、3天" in out
    code, _, err = run(paths, capsys, "tests", "schedule", "--set", "居家健康监测=三")
    assert code == 1 and err.strip() == (
        "「居家健康监测」的核酸检测日「三」不是 1 到 60 之间的整数（例：1,4,7；不检测写“无”）。"
    )
    code, out, _ = run(paths, capsys, "tests", "round", f"{days_ago(0):%Y-%m-%d}")
    assert code == 0
    code, out, _ = run(paths, capsys, "tests", "due")
    assert "应检 3 人" in out and "全员核酸" in out
