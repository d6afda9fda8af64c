"""Builders for county-format roster workbooks, for import tests and benchmarks.

``write_county_roster(path, rows=200, layout="lishui")`` writes a list the way a county system or
township sends it: a merged title row above the header, that layout's column names, dates and
phones written the inconsistent ways real lists write them.  People are synthetic but valid
(resident IDs carry correct check digits), deterministic for a seed, and unique.

Layouts (see ../shared/FORMS.md):

* ``"wenzhou"`` — 温州 密接 export, the 22 columns of ``tests/fixtures/鹿城区密接人员名单.xlsx``;
* ``"lishui"`` — 丽水 返乡人员登记表, with the origin split over five 来源… columns;
* ``"simple"`` — a township's own list: 姓名, 身份证号, 联系电话, 村民小组, 人员类别, 管控措施 …

Large lists (the 20,000-row benchmark) are streamed with openpyxl's write-only mode.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from openpyxl import Workbook

from app.services.demo import GIVEN, GROUPS, SURNAMES, mobile, resident_id

Layout = Literal["wenzhou", "lishui", "simple"]

WENZHOU_HEADER = (
    "姓名", "性别", "年龄", "是否监管", "隔离地点", "开始隔离时间", "病人", "身份类型", "关系",
    "电话", "现住址_工作单位", "责任街道", "属地所属卫生院", "开始观察日期", "身份证号",
    "集中隔离", "备注", "是否转为确诊", "是否解除隔离", "解除隔离时间", "状态", "流转目的",
)  # fmt: skip
LISHUI_HEADER = (
    "姓名", "身份证号码", "性别", "手机号码", "来源省份", "来源地市", "来源县市区",
    "来源街道乡镇", "来源社区村", "目的地详细地址", "目的地县市区", "目的地街道乡镇",
    "目的地社区村", "返乡原因", "返乡时间", "交通方式", "航班，班车，车牌号",
    "有无发热、咳嗽等症状", "有无三日内核酸检测阴性证明", "来自地区的风险等级", "人员类型",
    "目的地联系人", "目的地联系电话", "十四天内是否有国内中高风险地区旅居史", "申报时间",
)  # fmt: skip
SIMPLE_HEADER = (
    "序号", "姓名", "性别", "身份证号", "联系电话", "现住址", "村民小组", "人员类别", "管控措施",
    "抵达日期", "开始日期", "备注",
)  # fmt: skip
HEADERS: dict[str, tuple[str, ...]] = {
    "wenzhou": WENZHOU_HEADER,
    "lishui": LISHUI_HEADER,
    "simple": SIMPLE_HEADER,
}
TITLES = {
    "wenzhou": "鹿城区密切接触者管理名单",
    "lishui": "丽水市返乡人员登记表",
    "simple": "东村重点人员排查登记表",
}
#: first day of the synthetic outbreak; every date in the lists is on or after it (and past)
BASE_DAY = date(2022, 2, 3)
ORIGINS = (
    ("湖北省", "武汉市", "江岸区", "大智街道", "永平社区"),
    ("上海市", "上海市", "浦东新区", "川沙新镇", "城南社区"),
    ("广东省", "深圳市", "南山区", "粤海街道", "科技园社区"),
    ("浙江省", "杭州市", "西湖区", "文新街道", "文鼎苑社区"),
)
SIMPLE_CATEGORIES = ("密接", "次密接", "返乡", "中高风险地区返乡人员", "境外入境人员", "发热人员")
SIMPLE_MEASURES = ("居家隔离", "健康监测", "居家隔离医学观察", "集中隔离")


@dataclass(frozen=True)
class Person:
    """What a generated row says about its person (for assertions)."""

    excel_row: int
    name: str
    id_number: str
    phone: str
    start: date


@dataclass(frozen=True)
class CountyRoster:
    path: Path
    layout: str
    header_row: int  # Excel row of the header
    people: list[Person]

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    def excel_row(self, index: int) -> int:
        """The Excel row number of the ``index``-th data row (0-based)."""
        return self.first_data_row + index


def _date_written(day: date, style: int) -> object:
    """A date the four ways real lists hold them."""
    return (
        datetime.combine(day, datetime.min.time()),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
    )[style % 4]


def _bad_check_digit(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


def write_county_roster(
    path: Path,
    rows: int = 200,
    layout: Layout = "lishui",
    bad_row: int | None = None,
    *,
    seed: int = 1,
    title: bool = True,
) -> CountyRoster:
    """Write a roster list of ``rows`` people in a county ``layout``.

    ``bad_row`` (0-based data row index) gets an ID number with a wrong check digit — the row an
    all-or-nothing import must refuse.  Returns where the header is and who is on which row.
    """
    if layout not in HEADERS:
        raise ValueError(f"unknown layout {layout!r}")
    rng = random.Random(seed)
    header = HEADERS[layout]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名单")
    header_row = 1
    if title:
        ws.append([TITLES[layout]])
        header_row = 2
    ws.append(list(header))
    people: list[Person] = []
    seen: set[str] = set()
    for index in range(rows):
        male = rng.random() < 0.5
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        birth = date(rng.randint(1945, 2015), rng.randint(1, 12), rng.randint(1, 28))
        number = resident_id(rng, birth, male)
        while number in seen:
            number = resident_id(rng, birth, male)
        seen.add(number)
        written_id = _bad_check_digit(number) if index == bad_row else number
        phone = mobile(rng)
        start = BASE_DAY + timedelta(days=index % 5)
        people.append(Person(header_row + 1 + index, name, number, phone, start))
        values = _ROW_BUILDERS[layout](rng, index, name, male, birth, written_id, phone, start)
        ws.append(values)
    path = Path(path)
    wb.save(path)
    return CountyRoster(path, layout, header_row, people)


def _wenzhou_row(
    rng: random.Random,
    index: int,
    name: str,
    male: bool,
    birth: date,
    number: str,
    phone: str,
    start: date,
) -> list[object]:
    released = index % 10 == 0
    return [
        name, "男" if male else "女", BASE_DAY.year - birth.year, "是", "居家",
        _date_written(start, index), f"病例{index % 3 + 1}", "密切接触者",
        rng.choice(("邻居", "同事", "同乘", "亲属")),
        f"+86 {phone}" if index % 7 == 3 else phone, f"鹿城区五马街道{index + 10}号",
        "五马街道", "五马街道社区卫生服务中心", _date_written(start, index), number, "否",
        None, "否", "是" if released else "否",
        datetime.combine(start + timedelta(days=14), datetime.min.time()) if released else None,
        "已解除" if released else "管控中", "居家隔离",
    ]  # fmt: skip


def _lishui_row(
    rng: random.Random,
    index: int,
    name: str,
    male: bool,
    birth: date,
    number: str,
    phone: str,
    start: date,
) -> list[object]:
    origin = ORIGINS[index % len(ORIGINS)]
    declared = datetime.combine(start, datetime.min.time()) + timedelta(hours=9, minutes=index % 60)
    return [
        name, number, "男" if male else "女", int(phone) if index % 4 == 1 else phone, *origin,
        f"莲都区岩泉街道{rng.choice(GROUPS)}{index + 1}号", "莲都区", "岩泉街道", "东村",
        "探亲", _date_written(start, index), rng.choice(("自驾", "火车", "飞机", "大巴")),
        f"浙K{rng.randint(10000, 99999)}", "无", "有", "中风险",
        "返乡人员" if index % 3 else "中高风险地区返乡人员", "李文书", "13857700001", "否",
        declared,
    ]  # fmt: skip


def _simple_row(
    rng: random.Random,
    index: int,
    name: str,
    male: bool,
    birth: date,
    number: str,
    phone: str,
    start: date,
) -> list[object]:
    return [
        index + 1, name, "男" if male else "女", number, phone,
        f"东村{GROUPS[index % len(GROUPS)]}{index + 1}号", GROUPS[index % len(GROUPS)],
        SIMPLE_CATEGORIES[index % len(SIMPLE_CATEGORIES)],
        SIMPLE_MEASURES[index % len(SIMPLE_MEASURES)], _date_written(start, index + 1),
        _date_written(start, index), None,
    ]  # fmt: skip


_ROW_BUILDERS = {"wenzhou": _wenzhou_row, "lishui": _lishui_row, "simple": _simple_row}


def write_rows(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str | None = "人员名单",
    sheet: str = "Sheet1",
) -> Path:
    """A small hand-written list: optional title row, the header, then ``rows`` as given."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return Path(path)
