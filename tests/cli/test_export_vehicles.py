"""``python -m app export vehicles``: the 卡点车辆登记表 from the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from app.config import AppPaths
from app.db import Database
from app.services import checkpoints as cp
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()


@pytest.fixture
def data_dir(paths: AppPaths) -> Path:
    with Database.open(paths, operator="测试员") as db:
        east = cp.save_checkpoint(db, "东村村口")
        west = cp.save_checkpoint(db, "西村桥头")
        noon = datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0)
        for checkpoint, plate, people, disposition in (
            (east, "浙A12345", 3, "放行"),
            (east, "浙B54321", 2, "劝返"),
            (west, "浙C11111", 1, "放行"),
        ):
            data = cp.PassInput(
                checkpoint_id=checkpoint.id,
                plate=plate,
                passed_at=noon,
                people_aboard=people,
                disposition=disposition,
            )
            cp.record_pass(db, data)
    return paths.data_dir


def test_export_vehicles_writes_the_workbook(data_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "东村.xlsx"
    day = TODAY.isoformat()

    code = main(["--data-dir", str(data_dir), "export", "vehicles", "--from", day, "--to", day,
                 "--checkpoint", "东村村口", "--out", str(target)])  # fmt: skip

    assert code == 0
    printed = capsys.readouterr().out
    assert "检查车辆 2 辆，检查人数 5 人次，劝返车辆 1 辆，劝返人数 2 人次" in printed
    sheet = openpyxl.load_workbook(target)["卡点车辆登记表"]
    plates = [r[5] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert sorted(plates) == ["浙A12345", "浙B54321"]


def test_unknown_checkpoint_is_one_clear_line(data_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.xlsx"

    code = main(["--data-dir", str(data_dir), "export", "vehicles", "--checkpoint", "南村",
                 "--out", str(target)])  # fmt: skip

    assert code == 1
    error = capsys.readouterr().err.strip()
    assert error == "没有名为「南村」的卡点。已有的卡点：东村村口、西村桥头。"
    assert not target.exists()


def test_without_out_it_saves_under_exports(data_dir: Path, paths: AppPaths, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "export", "vehicles"]) == 0
    [written] = paths.exports.glob("*.xlsx")
    assert "卡点车辆登记表" in written.name
