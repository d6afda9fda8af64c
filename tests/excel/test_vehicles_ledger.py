"""卡点车辆登记表: a row per vehicle, the occupants sheet, the totals footer, text IDs/phones."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.db import Database
from app.excel.errors import ExportError
from app.services import checkpoints as cp
from app.services import reference
from app.services.errors import NotFound
from app.services.reference import UnitInfo
from tests.helpers.pinned_clock import suite_today

TODAY = suite_today()
YESTERDAY = TODAY - timedelta(days=1)
ID_NUMBER = "11010519491231002X"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


@pytest.fixture
def ledger(db: Database) -> Database:
    reference.save_unit_profile(db, UnitInfo("东村", "城关镇", "王会计", "0577-88001234", "李书记"))
    east = cp.save_checkpoint(db, "东村村口")
    west = cp.save_checkpoint(db, "西村桥头")
    entries = [
        (east, "浙A12345", at(YESTERDAY, 8), dict(people_aboard=3, driver_name="王五",
         driver_id_number=ID_NUMBER, driver_phone="13800138000", origin="温州",
         destination="东村王家",
         occupants=(cp.OccupantInput("李四", "440524188001010014", "13700137000", "36.4"),
                    cp.OccupantInput("小明", temperature="36.6")))),
        (east, "浙AD12345", at(TODAY, 9, 5), dict(people_aboard=2, disposition="劝返")),
        (west, "粤Z1234港", at(TODAY, 9, 30), dict(people_aboard=1, max_temperature="37.8",
         action_taken="送发热门诊", disposition="上报")),
        (east, "苏E88888", at(TODAY, 10), dict(people_aboard=4, disposition="劝返",
         duty_staff="张三")),
    ]  # fmt: skip
    for checkpoint, plate, moment, extra in entries:
        cp.record_pass(
            db, cp.PassInput(checkpoint_id=checkpoint.id, plate=plate, passed_at=moment, **extra)
        )
    return db


def rows_of(sheet) -> list[tuple]:
    """Data rows: the ones whose first cell is a 序号 number."""
    return [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]


def column(sheet, header: str) -> int:
    for row in sheet.iter_rows(max_row=5, values_only=True):
        if header in row:
            return row.index(header)
    raise AssertionError(f"no column {header}")


def test_one_row_per_pass_with_totals_footer(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "卡点.xlsx"

    summary = cp.export_vehicles(ledger, YESTERDAY, TODAY, target)

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["卡点车辆登记表", "车上人员"]
    sheet = book["卡点车辆登记表"]
    assert sheet["A1"].value == "卡点车辆登记表"
    texts = [str(c) for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert "填报单位：城关镇东村" in texts
    period = f"{YESTERDAY.year}年{YESTERDAY.month}月{YESTERDAY.day}日 至 {TODAY.year}年"
    assert any(t.startswith("统计时间：" + period) for t in texts)
    assert "卡点：全部" in texts
    rows = rows_of(sheet)
    plates = [r[column(sheet, "车牌号")] for r in rows]
    assert plates == ["浙A12345", "浙AD12345", "粤Z1234港", "苏E88888"]  # oldest first
    people = column(sheet, "车上人数")
    disposition = column(sheet, "处置")
    assert sum(r[people] for r in rows) == summary.totals.people == 10
    turned_back = [r for r in rows if r[disposition] == "劝返"]
    assert len(turned_back) == summary.totals.turned_back_vehicles == 2
    assert sum(r[people] for r in turned_back) == summary.totals.turned_back_people == 6
    assert "检查车辆 4 辆" in texts and "检查人数 10 人次" in texts
    assert "劝返车辆 2 辆" in texts and "劝返人数 6 人次" in texts
    assert "填报人：王会计" in texts and "审核人：李书记" in texts


def test_ids_and_phones_are_text_cells(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "卡点.xlsx"
    cp.export_vehicles(ledger, YESTERDAY, TODAY, target)
    book = openpyxl.load_workbook(target)
    vehicles, occupants = book["卡点车辆登记表"], book["车上人员"]

    first = next(r for r in vehicles.iter_rows() if r[0].value == 1)
    id_cell = first[column(vehicles, "驾驶员身份证号")]
    phone_cell = first[column(vehicles, "联系电话")]
    assert (id_cell.value, id_cell.data_type, id_cell.number_format) == (ID_NUMBER, "s", "@")
    assert (phone_cell.value, phone_cell.data_type) == ("13800138000", "s")

    rows = rows_of(occupants)
    assert [r[3] for r in rows] == ["李四", "小明"]
    assert rows[0][column(occupants, "证件号码")] == "440524188001010014"
    assert rows[0][column(occupants, "联系电话")] == "13700137000"
    assert rows[0][column(occupants, "体温")] == 36.4
    assert rows[0][column(occupants, "车牌号")] == "浙A12345"


def test_one_checkpoint_one_day_matches_the_day_totals(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "东村.xlsx"
    east = cp.find_checkpoint(ledger, "东村村口")

    cp.export_vehicles(ledger, TODAY, TODAY, target, checkpoint_name="东村村口")

    sheet = openpyxl.load_workbook(target)["卡点车辆登记表"]
    rows = rows_of(sheet)
    day = cp.totals_of_day(ledger, TODAY, checkpoint_id=east.id)
    assert len(rows) == day.vehicles == 2
    assert sum(r[column(sheet, "车上人数")] for r in rows) == day.people == 6
    assert {r[column(sheet, "卡点")] for r in rows} == {"东村村口"}


def test_unknown_checkpoint_lists_the_known_ones(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    with pytest.raises(NotFound, match="东村村口、西村桥头"):
        cp.export_vehicles(ledger, TODAY, TODAY, target, checkpoint_name="南村")
    assert not target.exists()


def test_a_failed_export_leaves_the_old_file(ledger: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "x.xlsx"
    target.write_bytes(b"old")

    def cancelled(_done: int, _total: int) -> None:
        raise KeyboardInterrupt  # e.g. the clerk cancelled half-way

    with pytest.raises(KeyboardInterrupt):
        cp.export_vehicles(ledger, YESTERDAY, TODAY, target, progress=cancelled)
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


def test_a_read_only_target_is_a_clear_error(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(ExportError, match="只读"):
        cp.export_vehicles(ledger, TODAY, TODAY, target)
    assert target.read_bytes() == b"old"


def test_an_empty_day_still_gives_a_form_with_zero_totals(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "空.xlsx"
    cp.export_vehicles(db, TODAY, TODAY, target)
    sheet = openpyxl.load_workbook(target)["卡点车辆登记表"]
    texts = [str(c) for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert rows_of(sheet) == []
    assert "检查车辆 0 辆" in texts and "劝返人数 0 人次" in texts
