"""``notice``: the printed papers as PDF from the command line, with no screen — the text read
back with poppler's ``pdftotext`` (a real program, as a clerk's PDF reader would), the page size
with ``pdfinfo``."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app import clock
from app.config import resolve_paths
from app.db import Database
from app.services.notices import chinese_date
from tests.helpers.ledgers import subprocess_env
from tests.helpers.pdf import A4_POINTS, pdf_info, pdf_text
from tests.services.notice_household import LI_ID, UNIT, ZHANG_ID, build_household, release


def notice(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = subprocess_env()
    env.pop("QT_QPA_PLATFORM", None)  # the command must find its own way to draw without a screen
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "notice", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def household_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("household") / "data"
    with Database.open(resolve_paths(folder).ensure(), operator="测试员") as db:
        house = build_household(db)
        release(db, house.li, house.start + timedelta(days=2))
    return folder


def test_admission_notice_is_an_a4_pdf_whose_text_names_the_person(
    household_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "告知书.pdf"
    run = notice(household_dir, "admission", ZHANG_ID, "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("已生成居家隔离医学观察告知书（1 页：张三）")
    info = pdf_info(out)
    assert info["Pages"] == "1"
    assert info["Page size"] == A4_POINTS
    text = pdf_text(out)
    for expected in ("居家隔离医学观察告知书", "张三", ZHANG_ID, "不外出、不串门", "王芳",
                     "13912345601", f"{UNIT}（盖章）"):  # fmt: skip
        assert expected in text
    # Dates and 人员 as the characters, not as the look-alike radicals Qt's font subset names
    assert "月" in text and "日" in text and "包保人员" in text
    assert "\u2f49" not in text and "\u2f47" not in text


def test_release_notice_of_a_released_person(household_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "解除.pdf"
    run = notice(household_dir, "release", LI_ID, "--out", str(out))
    assert run.returncode == 0, run.stderr
    text = pdf_text(out)
    assert "解除隔离通知书" in text and "李四" in text and "起解除居家隔离医学观察" in text


def test_batch_door_signs_one_page_each(household_dir: Path, tmp_path: Path) -> None:
    start = clock.today() - timedelta(days=3)  # build_household's start
    out = tmp_path / "门贴.pdf"
    run = notice(household_dir, "door", "--new-on", start.isoformat(), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert pdf_info(out)["Pages"] == "2"
    pages = pdf_text(out).split("\f")
    assert "李四" in pages[0] and "张三" in pages[1]
    assert "居家隔离" in pages[0] and "请勿打扰" in pages[0]
    assert chinese_date(start) in pages[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["admission", "110105194912310000"], "找不到证件号码为 110105194912310000 的人员"),
        (["release", ZHANG_ID], "「张三」尚未解除隔离，不能打印解除隔离通知书。"),
        (["door", "--new-on", "2022-01-01"], "2022-01-01 没有开始居家隔离的人员"),
        (["admission", "--new-on", "2022-01-01"], "--new-on 只用于批量打印门贴"),
        (["door"], "请给出证件号码"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_no_file(
    household_dir: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.pdf"
    run = notice(household_dir, *args, "--out", str(out))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert message in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_line_and_nothing_written(
    household_dir: Path, tmp_path: Path
) -> None:
    run = notice(household_dir, "door", ZHANG_ID, "--out", str(tmp_path / "无" / "x.pdf"))
    assert run.returncode != 0
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_not_a_pdf_name_is_refused(household_dir: Path, tmp_path: Path) -> None:
    run = notice(household_dir, "door", ZHANG_ID, "--out", str(tmp_path / "x.docx"))
    assert run.returncode == 1
    assert run.stderr.strip() == f"输出文件应以 .pdf 结尾：{tmp_path / 'x.docx'}"
    assert list(tmp_path.iterdir()) == []
