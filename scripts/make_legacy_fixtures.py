"""Write the 97-2003 .xls and GBK CSV fixtures under tests/fixtures/legacy/ (run by hand).

County systems and WPS still send binary .xls, and CSV exports arrive in GBK. The tests read real
files of both kinds, so the .xls here are converted by LibreOffice — a real BIFF8 writer, not a
Python imitation — from workbooks written with openpyxl:

    python scripts/make_legacy_fixtures.py        (needs ``soffice`` on PATH)

The same three people appear in the roster, the filled-in temperature sheet and the CSV, so a
test can import the roster and then the sheet.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.excel.daily_report import write_daily_report  # noqa: E402
from app.excel.rounds_sheet import RoundsSheet, SheetLine, write_rounds_sheet  # noqa: E402
from app.models.daily_report import (  # noqa: E402
    DailyTable,
    DailyWorkbook,
    Signature,
    UnitLine,
    period_text,
)
from app.models.validation import resident_id_check_char  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "legacy"
DAY = date(2022, 2, 3)
START = date(2022, 2, 1)


def _id(body17: str) -> str:
    return body17 + resident_id_check_char(body17)


PEOPLE = (  # name, sex, ID, phone, group
    ("张三", "男", _id("33030219800101001"), "13800138001", "一组"),
    ("李四", "女", _id("33030219900202002"), "13800138002", "二组"),
    ("王五", "男", _id("33030219750303003"), "13800138003", "一组"),
)
HIDDEN_PERSON = ("赵六", _id("33030219660404004"))
FIXED = (
    "累计排查", "当日新增排查", "在管人数", "当日解除", "累计解除", "当日转运送医",
    "当日发热人数", "当日漏测人次", "包保未落实", "检查车辆", "检查人数", "劝返车辆", "劝返人数",
)  # fmt: skip


def roster(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["东村返乡人员登记表"])
    sheet.merge_cells("A1:H1")
    sheet.append(["序号", "姓名", "性别", "身份证号", "联系电话", "管控措施", "开始日期", "备注"])
    for number, (name, sex, id_number, phone, _group) in enumerate(PEOPLE, 1):
        # The phone as a number and the date as a real date, the way Excel keeps typed values.
        start = datetime.combine(START, time())
        sheet.append([number, name, sex, id_number, int(phone), "居家隔离", start, None])
        sheet.cell(sheet.max_row, 4).number_format = "@"
        sheet.cell(sheet.max_row, 7).number_format = "yyyy-mm-dd"
    old = book.create_sheet("旧名单")
    old.append(["姓名", "身份证号"])
    old.append(list(HIDDEN_PERSON))
    old.sheet_state = "hidden"
    book.active = 0
    book.save(path)


def readings(path: Path) -> None:
    lines = [
        SheetLine(name, id_number, group, am_celsius=36.5 + i / 10, measured_by="王医生")
        for i, (name, _sex, id_number, _phone, group) in enumerate(PEOPLE)
    ]
    write_rounds_sheet(path, RoundsSheet("东村", DAY, lines, "王会计", "13800000000"))


def daily(path: Path) -> None:
    counts = {label: i + 1 for i, label in enumerate(FIXED)}
    counts.update({"居家隔离医学观察": 3, "居家健康监测": 1})
    table = DailyTable(
        DAY, period_text(DAY, time(0, 0)), ("居家隔离医学观察", "居家健康监测"),
        [UnitLine("西村", counts)],
    )  # fmt: skip
    write_daily_report(
        path, DailyWorkbook(table, Signature("西村", "文书", "13800000000", "书记", DAY))
    )


def gbk_csv(path: Path) -> None:
    lines = ["姓名,身份证号,联系电话,村民小组,管控措施,开始日期"]
    lines += [
        f"{name},{id_number},{phone},{group},居家隔离,2022/2/1"
        for name, _sex, id_number, phone, group in PEOPLE
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def to_xls(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "xls", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(folder) / (source.stem + ".xls"), target)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, write in (
            ("东村名单", roster),
            ("东村体温登记表", readings),
            ("西村日报表", daily),
        ):
            source = work / f"{name}.xlsx"
            write(source)
            to_xls(source, OUT / f"{name}.xls")
    gbk_csv(OUT / "东村名单_GBK.csv")
    for path in sorted(OUT.iterdir()):
        print(path.relative_to(ROOT), path.stat().st_size)


if __name__ == "__main__":
    main()
