"""花名册导入 — which columns of a county or township list feed which roster field.

County systems, townships and health centres each send their own layout (see FORMS.md): the ID
column may be 身份证号, 身份证号码, 证件号码 or 公民身份号码, the phone 联系电话, 手机号码 or 电话,
the origin one column or five (来源省份 … 来源社区村).  This module knows those names and turns
each data row into a :class:`RosterRow` of raw cell values; what a value means (a date written
four ways, an ID stored as a number, 密接 for 密切接触者) is decided by ``app.services.imports``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from app.excel.sheet_reader import open_table

__all__ = [
    "JOINED",
    "REQUIRED",
    "SYNONYMS",
    "RosterRow",
    "RosterTable",
    "read_roster",
]


def _names(*groups: str) -> tuple[str, ...]:
    """Header names written as space-separated groups (one long list per field reads better)."""
    return tuple(name for group in groups for name in group.split())


#: canonical field → header names used by real lists ("re:" = regular expression on the header).
#: Order matters only for display: the first name is how a missing column is named to the clerk.
SYNONYMS: Mapping[str, Sequence[str]] = {
    "name": _names("姓名 人员姓名 被检查人姓名"),
    "sex": _names("性别"),
    "age": _names("年龄"),
    "id_type": _names("证件类型 证件类别"),
    "id_number": _names(
        "身份证号 身份证号码 证件号码 公民身份号码 身份证 证件号",
        "身份证件号码 被检查人身份证号",
    ),
    "phone": _names(
        "联系电话 手机号码 联系方式 联系手机 电话 手机号 手机",
        "本人电话 本人联系电话 被检查人联系方式",
    ),
    "address": _names(
        "现住址 家庭住址 居住地址 隔离地址 现住址_工作单位",
        "现居住地址 现住地址 住址 详细地址 目的地详细地址",
    ),
    "group": _names("村民小组 小区 组别 所在小组 所属小组 村组 小组 楼栋"),
    # 身份类型 in the Wenzhou close-contact export holds 密切接触者 / 次密切接触者: a category.
    "category": _names("人员类别 人员类型 类型 身份类型 人员分类 类别"),
    "measure": _names("管控措施 隔离方式 管控方式 管控类型 措施"),
    # 是/否 (集中隔离) or a place (隔离地点): read only when no column names the measure.
    "centralized": _names("集中隔离 是否集中隔离"),
    "place": _names("隔离地点 隔离场所"),
    "origin": _names("来源地 来自何地 来源地区 从何地返回 从何地来 来源"),
    "arrival": _names(
        "抵达日期 返乡时间 到达时间 抵达时间 返乡日期 到达日期 返回时间 抵达本地时间",
        "re:^到.+时间$ re:^到.+日期$",  # 到温时间, 到村时间, 到达本地日期 …
    ),
    "start": _names(
        "开始日期 开始隔离时间 开始观察日期 开始隔离日期 隔离开始时间 隔离开始日期",
        "观察开始日期 开始时间",
    ),
    "planned_end": _names(
        "结束隔离时间 计划解除日期 预计解除日期 结束日期 隔离结束时间 隔离结束日期",
        "拟解除日期 结束观察日期 计划解除时间",
    ),
    "released": _names("是否解除隔离 是否解除 是否已解除"),
    "released_on": _names("解除隔离时间 解除日期 解除隔离日期 实际解除日期 解除时间"),
    "confirmed": _names("是否转为确诊 是否确诊"),
    "registered": _names("登记日期 登记时间 申报时间 排查日期 排查时间 申报日期"),
    "note": _names("备注"),
}

#: Columns a roster cannot be imported without. The ID column is one: a list read without it
#: (a header the reader did not recognise) would put everyone in the ledger unidentifiable,
#: and matching them again on the next import would be guesswork. Rows may leave it blank.
REQUIRED: tuple[str, ...] = ("name", "id_number")

#: Fields some systems split over several columns; joined when no single column names them.
JOINED: Mapping[str, Sequence[str]] = {
    "origin": _names("来源省份 来源地市 来源县市区 来源街道乡镇 来源社区村"),
}


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One data row of a roster list: raw cell values (None when blank or absent)."""

    row: int  # Excel row number
    name: object = None
    sex: object = None
    age: object = None
    id_type: object = None
    id_number: object = None
    phone: object = None
    address: object = None
    group: object = None
    category: object = None
    measure: object = None
    centralized: object = None
    place: object = None
    origin: object = None
    arrival: object = None
    start: object = None
    planned_end: object = None
    released: object = None
    released_on: object = None
    confirmed: object = None
    registered: object = None
    note: object = None


_FIELDS = tuple(f.name for f in fields(RosterRow) if f.name != "row")
assert set(_FIELDS) == set(SYNONYMS), "RosterRow and SYNONYMS must name the same fields"


@dataclass(frozen=True)
class RosterTable:
    """A roster list as read from the file, before any validation."""

    file_name: str
    sheet_name: str
    header_row: int
    labels: dict[str, str]  # field → header as written in the file (joined parts "/"-separated)
    ignored_columns: list[str]  # headers the import does not use, as written in the file
    rows: list[RosterRow]
    notice: str | None = None  # which sheet was read, when several hold a list
    sheet_names: tuple[str, ...] = ()  # every visible sheet holding a list, to choose from

    def has(self, field: str) -> bool:
        return field in self.labels

    def label(self, field: str) -> str:
        """The header the clerk sees for ``field``, or its usual name when the file lacks it."""
        return self.labels.get(field) or SYNONYMS[field][0]


#: progress is reported every this many rows while reading
PROGRESS_EVERY = 500


def read_roster(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RosterTable:
    """Read the sheet whose header has 姓名 (.xlsx, .xls or CSV). Raises ``ImportFileError``.

    The sheet Excel opens on is preferred and hidden sheets are never read; when several sheets
    hold a list, :attr:`RosterTable.notice` says which one was read and ``sheet`` chooses another
    of :attr:`RosterTable.sheet_names`.

    ``progress(rows_read, 0)`` is called every :data:`PROGRESS_EVERY` rows (the total is unknown
    until the end, so 0 says "busy").
    """
    path = Path(path)
    match, table_rows = open_table(path, SYNONYMS, required=REQUIRED, joined=JOINED, sheet=sheet)
    rows: list[RosterRow] = []
    with table_rows:
        for sheet_row in table_rows:
            values = sheet_row.values
            rows.append(RosterRow(sheet_row.row, **{k: values[k] for k in values if k in SYNONYMS}))
            if progress is not None and len(rows) % PROGRESS_EVERY == 0:
                progress(len(rows), 0)
    return RosterTable(
        file_name=path.name,
        sheet_name=match.sheet_name,
        header_row=match.header_row,
        labels=dict(match.column_labels),
        ignored_columns=list(match.unknown_headers),
        rows=rows,
        notice=match.notice,
        sheet_names=match.candidates,
    )
