"""导入人员名单 — put a county or township list on the roster, all or nothing.

Three steps, each usable alone (the GUI previews before it writes, the command line does both):

1. :func:`read_roster_file` reads the workbook into raw rows (``app.excel.roster_reader``);
2. :func:`check_roster` validates every row against the rules and the ledger and says what an
   import would do — nothing is written, and every problem is listed by row, column and reason;
3. :func:`apply_roster` validates again inside the write transaction and, only if no row has a
   problem, writes everything in that one transaction.

Speed: a township list can have 20,000 rows.  Registering them one by one (one transaction and
one fsync each, an audit entry per field) would take minutes, so the write is a handful of bulk
Core inserts in a single transaction, with one summary audit entry instead of one per record.

A person already in the ledger keeps their record; a list only fills in what it lacks. Which
fields those are comes from the field registry (:func:`filled_fields`): every stored person field
an import reads, except the structural ones that say who the person is (姓名, 证件类型, 证件号码,
and the 性别 and 出生日期 an ID number gives), which a row is matched on and never overwrites.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app import clock
from app.config import Settings
from app.db import Database

# Which files an import reads, for the file dialogs and the command line's help.
from app.excel.grid import READABLE_FORMATS as READABLE_FORMATS
from app.excel.grid import READABLE_SUFFIXES as READABLE_SUFFIXES
from app.excel.roster_reader import RosterTable as RosterTable
from app.excel.sheet_reader import UncachedFormula, cell_text
from app.models import AuditEntry, Case, Category, EndKind, EndReason, Measure, Person, local_now
from app.models.audit import OPERATOR_KEY, SKIP_AUDIT_KEY
from app.models.fields import PERSON_CASE, Field, FieldValues, Place, RecordType
from app.models.problems import ImportRejected, RowProblem
from app.models.search import person_search_key
from app.models.validation import (
    ValidationError,
    check_period,
    normalize_mobile_or_landline,
    optional_text,
    parse_date,
    parse_resident_id,
    parse_sex,
    require_text,
)
from app.services.access import Permission, require
from app.services.errors import ServiceError
from app.services.reference import get_setting, statistical_day
from app.services.roster import (
    ID_TYPES,
    PERSON_INPUT_FIELDS,
    RESIDENT_ID,
    PersonInput,
    planned_end_for,
)

if TYPE_CHECKING:
    from app.excel.roster_reader import RosterRow

__all__ = [
    "DEFAULT_CATEGORY",
    "ImportReport",
    "PreviewRow",
    "Progress",
    "RowAction",
    "SkippedRow",
    "apply_roster",
    "check_roster",
    "fill_blanks",
    "filled_fields",
    "import_roster",
    "read_roster_file",
]

Progress = Callable[[int, int], None]

#: 人员类别 given to rows whose list has no category (the clerk is told how many).
DEFAULT_CATEGORY = "其他重点人员"
#: progress is reported every this many rows
PROGRESS_EVERY = 500
#: skipped rows spelled out by ImportReport.detail_lines (the preview table shows them all)
SKIPPED_SHOWN = 20
#: SQLite allows 32,766 bound parameters per statement; IN lists stay far below that.
_IN_CHUNK = 900


def _names(*groups: str) -> tuple[str, ...]:
    return tuple(name for group in groups for name in group.split())


def _key(text: str) -> str:
    """A value as compared with the known names: full-width folded, spaces removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# Spellings real lists use for the default categories and measures (after _key()).  Only exact
# matches: a guess such as "anything with 返 is a returnee" would silently file 湖北返温 under
# 中高风险地区返乡人员, while an unknown name is added as a new category and shown to the clerk.
_CATEGORY_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(_names("密接 密切接触 密切接触人员 密接人员 密接者"), "密切接触者"),
    **dict.fromkeys(
        _names("次密接 次密切接触 次密切接触人员 次密接人员 次密接者 密接的密接"),
        "次密切接触者",
    ),
    **dict.fromkeys(
        _names(
            "返乡 返乡人员 中高风险地区返乡 中高风险返乡人员 中高风险地区返回人员",
            "中高风险地区来返人员 中高风险地区来(返)人员 来返人员 外地返乡人员 省外返乡人员",
            "返回人员",
        ),
        "中高风险地区返乡人员",
    ),
    **dict.fromkeys(
        _names("入境 入境人员 境外入境 境外返回人员 境外来返人员 入境解除隔离人员"),
        "境外入境人员",
    ),
    **dict.fromkeys(_names("发热 发热病人 发热患者 有发热症状"), "发热人员"),
    **dict.fromkeys(_names("其他 其它 其他人员 其它人员 重点人员"), DEFAULT_CATEGORY),
}
_MEASURE_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(_names("居家隔离 居家医学观察 居家观察 居家隔离观察 居家"), "居家隔离医学观察"),
    **dict.fromkeys(_names("健康监测 居家监测 自我健康监测 健康观察"), "居家健康监测"),
    **dict.fromkeys(_names("集中隔离 集中医学观察 集中观察 集中隔离观察 集中"), "集中隔离医学观察"),
    **dict.fromkeys(_names("登记 只登记 仅排查登记"), "仅登记"),
}
_CENTRALIZED_MEASURE = "集中隔离医学观察"
_ID_TYPE_WORDS: dict[str, str] = {
    **dict.fromkeys(_names("身份证 二代身份证 中国居民身份证"), RESIDENT_ID),
    **dict.fromkeys(_names("外国护照 中国护照"), "护照"),
    **dict.fromkeys(_names("居住证"), "港澳台居民居住证"),
    **dict.fromkeys(_names("回乡证 港澳通行证 港澳居民通行证"), "港澳居民来往内地通行证"),
}
_YES = frozenset({"是", "是的", "y", "yes", "√", "✓", "1", "true", "已解除", "已确诊", "有"})
_NO = frozenset({"否", "不是", "n", "no", "×", "x", "0", "false", "未解除", "未确诊", "无", "-"})
_PHONE_SEPARATORS = re.compile(r"[/、,，;；]+")
_SPACES = re.compile(r"\s+")


# ----------------------------------------------------------------------------------------------
# What the import reports
# ----------------------------------------------------------------------------------------------


class RowAction(StrEnum):
    """What the import does with one row of the list."""

    NEW_PERSON = "new_person"  # 新增人员并登记
    NEW_CASE = "new_case"  # 已有此人（按身份证号），新增一次登记
    ALREADY_ACTIVE = "already_active"  # 已在管：跳过
    ALREADY_RECORDED = "already_recorded"  # 同一开始日期的登记已有：跳过（重复导入）
    CONFIRMED = "confirmed"  # 已转为确诊：不进居家管理名单

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]

    @property
    def writes(self) -> bool:
        return self in (RowAction.NEW_PERSON, RowAction.NEW_CASE)


_ACTION_LABELS = {
    RowAction.NEW_PERSON: "新增",
    RowAction.NEW_CASE: "已有此人，新增登记",
    RowAction.ALREADY_ACTIVE: "已在管，跳过",
    RowAction.ALREADY_RECORDED: "已导入过，跳过",
    RowAction.CONFIRMED: "已转为确诊，跳过",
}


#: What the preview shows of a row: the registry's fields placed there, in its order.
PREVIEW_FIELDS: tuple[Field, ...] = PERSON_CASE.placed(Place.PREVIEW)


@dataclass(frozen=True)
class PreviewRow(FieldValues):
    """One row of the list as the import understood it (for the preview table): the values of
    :data:`PREVIEW_FIELDS` by field key (人员类别, 管控措施 by name), read as ``row.name`` too."""

    row: int  # Excel row number
    action: RowAction
    values: Mapping[str, object]


@dataclass(frozen=True)
class SkippedRow:
    """A row left out on purpose — information for the clerk, not an error."""

    row: int
    name: str
    reason: str  # Chinese

    def __str__(self) -> str:
        return f"第{self.row}行 {self.name}：{self.reason}"


@dataclass(frozen=True)
class ImportReport:
    """What an import did — or, with ``dry_run``, would do.

    ``problems`` is only ever non-empty in a dry run (:func:`check_roster`): a real import with
    problems raises ``ImportRejected`` instead and writes nothing.
    """

    file_name: str
    sheet_name: str
    dry_run: bool
    rows_read: int
    persons_created: int
    persons_matched: int  # already in the ledger (same ID number), not duplicated
    cases_created: int
    cases_skipped: int  # already 在管, already imported, or confirmed
    released_on_import: int  # imported as ended (是否解除隔离 = 是)
    new_categories: list[str]
    ignored_columns: list[str]
    sheet_notice: str | None  # which sheet was read, when several in the file hold a list
    default_measure: str
    default_measure_used: int
    default_category_used: int  # rows without a category, filed under DEFAULT_CATEGORY
    default_start_used: int  # rows without any date, started on the import's day
    ids_upgraded: int  # 15-digit legacy IDs turned into 18 digits
    by_category: dict[str, int]  # cases created (or to create) per category
    by_measure: dict[str, int]
    skipped: list[SkippedRow]
    problems: list[RowProblem]
    rows: list[PreviewRow] = field(repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary_line(self) -> str:
        """One Chinese sentence: what was (or would be) imported."""
        verb = "将导入" if self.dry_run else "已导入"
        text = (
            f"{self.file_name}「{self.sheet_name}」共 {self.rows_read} 行：{verb} "
            f"{self.cases_created} 人（新增人员 {self.persons_created}，"
            f"台账中已有 {self.cases_created - self.persons_created}），"
            f"跳过 {self.cases_skipped} 人"
        )
        if self.released_on_import:
            text += f"；其中 {self.released_on_import} 人导入时已解除"
        if self.problems:
            text += f"；发现 {len(self.problems)} 处问题，须改正后才能导入"
        return text + "。"

    def detail_lines(self) -> list[str]:
        """Further lines for the command line and the preview: counts, defaults, columns."""
        lines: list[str] = [self.sheet_notice] if self.sheet_notice else []
        if self.by_category:
            lines.append(
                "按人员类别：" + "，".join(f"{k} {v}" for k, v in self.by_category.items())
            )
        if self.by_measure:
            lines.append("按管控措施：" + "，".join(f"{k} {v}" for k, v in self.by_measure.items()))
        if self.new_categories:
            verb = "将新增" if self.dry_run else "已新增"
            lines.append(f"{verb}人员类别：" + "、".join(self.new_categories))
        if self.default_category_used:
            lines.append(
                f"{self.default_category_used} 行没有填人员类别，记为“{DEFAULT_CATEGORY}”。"
            )
        if self.default_measure_used:
            lines.append(
                f"{self.default_measure_used} 行没有填管控措施，"
                f"按默认措施“{self.default_measure}”。"
            )
        if self.default_start_used:
            lines.append(
                f"{self.default_start_used} 行没有开始日期（也没有抵达、登记日期），"
                "开始日期按导入当天计。"
            )
        if self.ids_upgraded:
            lines.append(f"{self.ids_upgraded} 个 15 位老身份证号已转换为 18 位。")
        if self.persons_matched:
            lines.append(f"与台账中已有人员对上 {self.persons_matched} 人，未重复建档。")
        if self.ignored_columns:
            lines.append("未导入的列：" + "、".join(self.ignored_columns))
        lines.extend(str(s) for s in self.skipped[:SKIPPED_SHOWN])
        if len(self.skipped) > SKIPPED_SHOWN:
            lines.append(f"……另有 {len(self.skipped) - SKIPPED_SHOWN} 人跳过。")
        return lines


#: Who a person is: what a row is matched on, or what the ID number gives. Never taken from a list
#: for a person the ledger already has.
_IDENTITY = frozenset({"name", "id_type", "id_number", "sex", "birth_date"})


def filled_fields(record: RecordType = PERSON_CASE) -> tuple[Field, ...]:
    """The person's fields a list fills in on a person already in the ledger, where the ledger
    has them blank: every stored field of the person's table an import reads, but who they are."""
    person = record.tables[0]
    return tuple(
        f
        for f in record.fields
        if f.headers and f.column and (f.table or person) == person and f.key not in _IDENTITY
    )


def fill_blanks(
    fields: Sequence[Field], ledger: Mapping[str, object], listed: Mapping[str, object]
) -> dict[str, object]:
    """What a list writes on a known person: ``{column: value}`` for every one of ``fields``, the
    ledger's value or, where that is blank, the list's; empty when that changes nothing. The
    values given are keyed by field."""
    values = {f: ledger.get(f.key) or listed.get(f.key) for f in fields}
    if all(value == ledger.get(f.key) for f, value in values.items()):
        return {}
    return {f.column or f.key: value for f, value in values.items()}


_FILLED = filled_fields()
#: The person's fields a list gives that are read as the registry declares them (现住址, 村民小组
#: …): the filled ones but 联系电话, whose cell may hold several numbers.
_PERSON_LISTED = tuple(f for f in _FILLED if f.key != "phone")
#: Columns of a PersonInput beyond who the person is; a listed field it has no keyword for (one
#: the form does not edit) goes to ``_Clean.more``.
_PERSON_INPUTS = frozenset(f.column for f in PERSON_INPUT_FIELDS)
_PERSON_TABLE, _CASE_TABLE = PERSON_CASE.tables
#: The case's columns the import reasons with (the period, the references), read on their own.
_CASE_STRUCTURE = frozenset(
    {"category_id", "measure_id", "end_reason_id", "registered_on", "start_date", "planned_end"}
    | {"arrival_date", "ended_on"}
)
#: The case's fields a list gives that no logic here reasons with (来源地, 备注 …): read as the
#: registry declares them, written as they are.
_CASE_LISTED = tuple(
    f
    for f in PERSON_CASE.fields
    if f.headers
    and f.column
    and PERSON_CASE.table_of(f) == _CASE_TABLE
    and f.column not in _CASE_STRUCTURE
)


# ----------------------------------------------------------------------------------------------
# Entry points
# ----------------------------------------------------------------------------------------------


def read_roster_file(
    path: Path, *, sheet: str | None = None, progress: Progress | None = None
) -> RosterTable:
    """Read a list into raw rows; raises ``ImportFileError`` for a file that cannot be read.

    ``sheet`` None: the sheet Excel opens on (``RosterTable.notice`` names it when several
    sheets hold a list); else the one the clerk chose among ``RosterTable.sheet_names``.
    """
    from app.excel.roster_reader import read_roster  # openpyxl only when a file is imported

    return read_roster(Path(path), sheet=sheet, progress=progress)


def check_roster(
    db: Database,
    table: RosterTable,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate a list and say what importing it would do; writes nothing (导入预览)."""
    with db.reading() as session:
        plan = _plan(session, table, today, _Ticker(progress, len(table.rows)))
    return plan.report(dry_run=True)


def apply_roster(
    db: Database,
    table: RosterTable,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a list in one transaction, or nothing at all: raises ``ImportRejected`` listing
    every bad row.  Rows are validated again here, against the ledger as it is now."""
    require(db, Permission.RECORD)
    ticker = _Ticker(progress, 2 * len(table.rows))
    with db.session() as session:
        plan = _plan(session, table, today, ticker)
        if plan.problems:
            raise ImportRejected(plan.problems)
        report = plan.report(dry_run=False)
        session.info[SKIP_AUDIT_KEY] = True  # one summary entry instead of one per field
        _write(session, plan, report, ticker)
    ticker.finish()
    return report


def import_roster(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    sheet: str | None = None,
) -> ImportReport:
    """Read and import (or with ``dry_run`` only check) a list; the command line's entry point.

    ``sheet`` chooses among several sheets holding a list (None: the one Excel opens on).

    Raises ``ImportFileError`` for an unreadable file and ``ImportRejected`` when any row has a
    problem — in a dry run too, so the exit code tells a script whether the file would import.
    """
    table = read_roster_file(path, sheet=sheet, progress=progress)
    if not dry_run:
        return apply_roster(db, table, today=today, progress=progress)
    report = check_roster(db, table, today=today, progress=progress)
    if report.problems:
        raise ImportRejected(report.problems)
    return report


# ----------------------------------------------------------------------------------------------
# Reference data the rows are checked against
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _MeasureRef:
    id: int
    name: str
    default_days: int


@dataclass
class _Reference:
    categories: dict[str, int]  # name as stored → id, inactive ones included
    category_names: dict[str, str]  # _key(name) → name as stored
    inactive_category_ids: set[int]
    measures: dict[str, _MeasureRef]  # _key(name) → active measure
    default_measure_name: str
    release_reason_id: int | None
    day_one_is_start: bool
    registered_on: date

    @classmethod
    def load(cls, session: Session, today: date | None) -> _Reference:
        categories: dict[str, int] = {}
        names: dict[str, str] = {}
        inactive: set[int] = set()
        for c in session.scalars(select(Category).order_by(Category.sort_order, Category.id)):
            categories[c.name] = c.id
            names[_key(c.name)] = c.name
            if not c.active:
                inactive.add(c.id)
        measures = {
            _key(m.name): _MeasureRef(m.id, m.name, m.default_days)
            for m in session.scalars(
                select(Measure).where(Measure.active.is_(True)).order_by(Measure.sort_order)
            )
        }
        reasons = list(session.scalars(select(EndReason).order_by(EndReason.sort_order)))
        release = next((r for r in reasons if r.name == "期满解除"), None) or next(
            (r for r in reasons if r.kind == EndKind.RELEASE.value), None
        )
        # 登记日期 is a statistical day: after a 15:00 cut-off it is already tomorrow's report.
        registered = (
            statistical_day(local_now(), get_setting(session, Settings.STAT_CUTOFF))
            if today is None
            else today
        )
        return cls(
            categories=categories,
            category_names=names,
            inactive_category_ids=inactive,
            measures=measures,
            default_measure_name=get_setting(session, Settings.DEFAULT_MEASURE),
            release_reason_id=release.id if release else None,
            day_one_is_start=get_setting(session, Settings.DAY_ONE_IS_START),
            registered_on=registered,
        )

    def category(self, text: str) -> str:
        """The stored category name for a value, or the cleaned value itself when unknown."""
        key = _key(text)
        if key in self.category_names:
            return self.category_names[key]
        canonical = _CATEGORY_SYNONYMS.get(key)
        if canonical is not None:
            return self.category_names.get(_key(canonical), canonical)
        return text.strip()

    def measure(self, text: str) -> _MeasureRef | None:
        key = _key(text)
        found = self.measures.get(key)
        if found is None and key in _MEASURE_SYNONYMS:
            found = self.measures.get(_key(_MEASURE_SYNONYMS[key]))
        return found

    def known_measures(self) -> str:
        return "、".join(m.name for m in self.measures.values())

    def default_measure(self) -> _MeasureRef:
        found = self.measure(self.default_measure_name)
        if found is None:
            raise ServiceError(
                f"设置中的默认管控措施“{self.default_measure_name}”已不存在，"
                "请在“设置”页改正，或在名单中增加一列“管控措施”。"
            )
        return found


# ----------------------------------------------------------------------------------------------
# Row validation
# ----------------------------------------------------------------------------------------------


@dataclass
class _Clean:
    """A row that passed validation, as the values to store."""

    row: int
    person: PersonInput  # 年龄 is kept in the person's 备注 only when no ID gives the birth date
    category: str
    measure: _MeasureRef
    arrival_date: date | None
    registered_on: date
    start_date: date
    planned_end: date | None
    ended_on: date | None
    case: dict[str, object]  # the fields of _CASE_LISTED, by column
    confirmed: bool
    id_upgraded: bool
    default_measure: bool
    default_category: bool
    default_start: bool
    more: dict[str, object] = field(default_factory=dict)  # see _PERSON_INPUTS

    def listed(self) -> dict[str, object]:
        """The person's values as the list gives them, by column."""
        return asdict(self.person) | self.more

    def by_field(self, fields: Sequence[Field]) -> dict[str, object]:
        """The row's values of ``fields`` by field key (人员类别 and 管控措施 by name)."""
        structure: dict[str, object] = {
            "category": self.category,
            "measure": self.measure.name,
            "arrival_date": self.arrival_date,
            "registered_on": self.registered_on,
            "start_date": self.start_date,
            "planned_end": self.planned_end,
            "ended_on": self.ended_on,
        }
        person = self.listed()

        def value(f: Field) -> object:
            if f.key in structure:
                return structure[f.key]
            if PERSON_CASE.table_of(f) == _CASE_TABLE:
                return self.case.get(f.column or f.key)
            return person.get(f.column or f.key)

        return {f.key: value(f) for f in fields}


class _RowCheck:
    """Collects every problem of one row, each located by the column header in the file."""

    def __init__(self, table: RosterTable, row: int, problems: list[RowProblem]) -> None:
        self.table = table
        self.row = row
        self.problems = problems
        self.failed = False

    def add(self, field_key: str, reason: str) -> None:
        self.failed = True
        self.problems.append(RowProblem(self.row, self.table.label(field_key), reason))

    def run(self, field_key: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ValidationError as error:
            self.add(field_key, _sentence(error.message))
            return None


def _without_uncomputed_formulas(check: _RowCheck, r: RosterRow) -> RosterRow:
    """Each formula cell saved without its result is a problem of the row, and is then read as
    blank so no other check reports the same cell again. Never a silent default: a start date
    ``=DATE(2026,12,1)`` must not quietly become today."""
    formulas = [key for key, value in r.values.items() if isinstance(value, UncachedFormula)]
    for key in formulas:
        check.failed = True
        check.problems.append(RowProblem.formula_without_result(r.row, check.table.label(key)))
    return r.without(formulas) if formulas else r


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"


def _yes_no(raw: object, label: str) -> bool:
    text = cell_text(raw)
    if text is None:
        return False
    key = _key(text).lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValidationError(label, f"无法识别“{text}”，请填“是”或“否”")


def _resident_id(raw: object, today: date) -> Any:
    try:
        return parse_resident_id(raw, today=today)
    except ValidationError as error:
        text = cell_text(raw) or ""
        if any("A" <= ch <= "Z" or "a" <= ch <= "z" for ch in text.rstrip("xX")):
            raise ValidationError(
                error.field,
                f"{error.message}。如是护照等其他证件，请在名单中增加一列“证件类型”并写明",
            ) from None
        raise


def _phones(raw: object) -> str | None:
    text = cell_text(raw)
    if text is None:
        return None
    parts = [p for p in _PHONE_SEPARATORS.split(text) if p.strip()]
    phones = "/".join(normalize_mobile_or_landline(p) for p in parts)
    if len(phones) > 30:
        raise ValidationError("联系电话", "号码太多，请只保留一到两个")
    return phones or None


def _id_type(raw: object) -> str:
    text = cell_text(raw)
    if text is None:
        return RESIDENT_ID
    key = _key(text)
    if key in ID_TYPES:
        return key
    return _ID_TYPE_WORDS.get(key, "其他")


def _age_note(raw: object) -> str | None:
    text = cell_text(raw)
    if text is None:
        return None
    match = re.fullmatch(r"(\d{1,3})(?:岁|周岁)?", _key(text))
    if match is None or int(match.group(1)) > 120:
        return None
    return f"导入时年龄 {int(match.group(1))} 岁"


def _date(
    check: _RowCheck, field_key: str, raw: object, today: date, *, future: bool = False
) -> date | None:
    if cell_text(raw) is None:
        return None
    label = check.table.label(field_key)
    value: date | None = check.run(
        field_key, parse_date, raw, field=label, allow_future=future, today=today
    )
    return value


def _listed(check: _RowCheck, f: Field, raw: object, today: date) -> object:
    """A field no logic here reasons with, read as the registry declares it."""
    if f.kind == "date":
        return _date(check, f.key, raw, today)
    return check.run(
        f.key, optional_text, cell_text(raw), max_length=f.max_length or 200, field=f.label
    )


def _validate(
    r: RosterRow, table: RosterTable, ref: _Reference, today: date, out: list[RowProblem]
) -> _Clean | None:
    """One row → the values to store, or None with its problems appended to ``out``.

    Every field is checked even after one fails, so the clerk gets the whole list at once.
    """
    check = _RowCheck(table, r.row, out)
    run = check.run
    r = _without_uncomputed_formulas(check, r)

    name = cell_text(r["name"])
    if name is None:
        check.add("name", "姓名为空，但这一行填了其他内容。请补上姓名，或删除这一行。")
    else:
        name = run("name", require_text, name, "姓名", max_length=50)
    identity = _identity(check, r, today)
    phone = run("phone", _phones, r["phone"])
    listed = {f.column or f.key: _listed(check, f, r[f.key], today) for f in _PERSON_LISTED}
    case = {f.column or f.key: _listed(check, f, r[f.key], today) for f in _CASE_LISTED}

    category_text = cell_text(r["category"])
    category = ref.category(category_text) if category_text else DEFAULT_CATEGORY
    if len(category) > 50:
        check.add("category", f"人员类别“{category[:20]}…”太长，不能超过 50 个字。")
    measure, default_measure = _measure(check, r, ref)
    period = _period(check, r, ref, today)
    confirmed = run("confirmed", _yes_no, r["confirmed"], table.label("confirmed"))

    if check.failed or name is None or measure is None or period is None:
        return None
    planned = period.planned or planned_end_for(
        period.start, measure.default_days, day_one_is_start=ref.day_one_is_start
    )
    return _Clean(
        row=r.row,
        person=PersonInput(
            name=name,
            sex=identity.sex,
            id_type=identity.id_type,
            id_number=identity.number,
            birth_date=identity.birth_date,
            phone=phone,
            note=_age_note(r["age"]) if identity.birth_date is None else None,
            **{k: v for k, v in listed.items() if k in _PERSON_INPUTS},
        ),
        category=category,
        measure=measure,
        arrival_date=period.arrival,
        registered_on=period.registered,
        start_date=period.start,
        planned_end=planned,
        ended_on=period.ended,
        case=case,
        confirmed=bool(confirmed),
        id_upgraded=identity.upgraded,
        default_measure=default_measure,
        default_category=category_text is None,
        default_start=period.start_was_today,
        more={k: v for k, v in listed.items() if k not in _PERSON_INPUTS},
    )


@dataclass(frozen=True)
class _Identity:
    id_type: str
    number: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    upgraded: bool = False


def _identity(check: _RowCheck, r: RosterRow, today: date) -> _Identity:
    """证件 and 性别: a resident ID is checked and gives birth date and sex."""
    id_type = _id_type(r["id_type"])
    identity = _Identity(id_type)
    if cell_text(r["id_number"]) is not None:
        if id_type == RESIDENT_ID:
            resident = check.run("id_number", _resident_id, r["id_number"], today)
            if resident is not None:
                identity = _Identity(
                    id_type,
                    resident.number,
                    resident.birth_date,
                    resident.sex,
                    resident.upgraded_from_15,
                )
        else:
            text = check.run(
                "id_number", require_text, cell_text(r["id_number"]), "证件号码", max_length=30
            )
            identity = _Identity(id_type, text.upper() if text else None)
    if identity.sex is None:  # the ID, when there is one, is more reliable than a typed 性别
        identity = replace(identity, sex=check.run("sex", parse_sex, r["sex"]))
    return identity


def _measure(check: _RowCheck, r: RosterRow, ref: _Reference) -> tuple[_MeasureRef | None, bool]:
    """管控措施, and whether the default was used because the list names none."""
    text = cell_text(r["measure"])
    if text is not None:
        measure = ref.measure(text)
        if measure is None:
            check.add(
                "measure",
                f"无法识别的管控措施“{text}”。可用的管控措施：{ref.known_measures()}。",
            )
        return measure, False
    centralized = check.run(
        "centralized", _yes_no, r["centralized"], check.table.label("centralized")
    )
    if centralized or "集中" in (cell_text(r["place"]) or ""):
        measure = ref.measure(_CENTRALIZED_MEASURE)
        if measure is not None:
            return measure, False
    return ref.default_measure(), True


@dataclass(frozen=True)
class _Period:
    arrival: date | None
    registered: date
    start: date
    planned: date | None  # None: from the measure's default length
    ended: date | None
    start_was_today: bool = False  # no 开始日期, 抵达日期 or 登记日期 in the row


def _period(check: _RowCheck, r: RosterRow, ref: _Reference, today: date) -> _Period | None:
    """The dates of the case; None when one of them is bad (the problem is recorded)."""
    table = check.table
    arrival = _date(check, "arrival_date", r["arrival_date"], today)
    registered = _date(check, "registered_on", r["registered_on"], today)
    start = _date(check, "start_date", r["start_date"], today)
    start_was_today = False
    if start is None and cell_text(r["start_date"]) is None:
        # Reported in the summary ("N 行没有开始日期…"), so the clerk sees the assumption.
        start_was_today = arrival is None and registered is None
        start = arrival or registered or today
    planned_key = "planned_end"
    planned = _date(check, "planned_end", r["planned_end"], today, future=True)
    ended: date | None = None
    if table.has("released"):
        released = check.run("released", _yes_no, r["released"], table.label("released"))
        released_on = _date(check, "ended_on", r["ended_on"], today)
        if released and cell_text(r["ended_on"]) is None:
            check.add("ended_on", "已解除隔离，但没有填解除隔离时间。请补上日期。")
        if released:
            ended = released_on
    elif planned is None and cell_text(r["planned_end"]) is None:
        # Without a 是否解除隔离 column a 解除隔离时间 is when observation is due to end: ending
        # someone's management on an ambiguous date would be worse than listing them as due.
        planned_key = "ended_on"
        planned = _date(check, "ended_on", r["ended_on"], today, future=True)
    if start is None:
        return None
    if planned is not None:
        check.run(planned_key, check_period, start, planned, end_field=table.label(planned_key))
    if ended is not None:
        check.run("ended_on", check_period, start, ended, end_field=table.label("ended_on"))
    return _Period(arrival, registered or ref.registered_on, start, planned, ended, start_was_today)


# ----------------------------------------------------------------------------------------------
# Matching against the ledger, and the plan
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Known:
    """A live person already in the ledger and what their cases say."""

    id: int
    version: int  # as read: filling its blanks refuses a record another clerk saved since
    has_open_case: bool
    case_starts: frozenset[date]
    values: Mapping[str, object]  # the fields a list may fill in (_FILLED), as the ledger has them


@dataclass
class _Plan:
    table: RosterTable
    ref: _Reference
    rows: list[_Clean]
    actions: list[RowAction]
    known: list[_Known | None]  # per row: the ledger's person it matched
    problems: list[RowProblem]

    def new_categories(self) -> list[str]:
        seen: dict[str, None] = {}
        for clean, action in zip(self.rows, self.actions, strict=True):
            if action.writes and clean.category not in self.ref.categories:
                seen.setdefault(clean.category)
        return list(seen)

    def writing(self) -> Iterator[tuple[_Clean, _Known | None]]:
        for clean, action, known in zip(self.rows, self.actions, self.known, strict=True):
            if action.writes:
                yield clean, known

    def report(self, *, dry_run: bool) -> ImportReport:
        written = [c for c, _ in self.writing()]
        skipped = [
            SkippedRow(c.row, c.person.name, _SKIP_REASONS[a])
            for c, a in zip(self.rows, self.actions, strict=True)
            if not a.writes
        ]
        return ImportReport(
            file_name=self.table.file_name,
            sheet_name=self.table.sheet_name,
            dry_run=dry_run,
            rows_read=len(self.table.rows),
            persons_created=sum(1 for a in self.actions if a is RowAction.NEW_PERSON),
            persons_matched=sum(1 for k in self.known if k is not None),
            cases_created=len(written),
            cases_skipped=len(skipped),
            released_on_import=sum(1 for c in written if c.ended_on is not None),
            new_categories=self.new_categories(),
            ignored_columns=list(self.table.ignored_columns),
            sheet_notice=self.table.notice,
            default_measure=self.ref.default_measure_name,
            default_measure_used=sum(1 for c in written if c.default_measure),
            default_category_used=sum(1 for c in written if c.default_category),
            default_start_used=sum(1 for c in written if c.default_start),
            ids_upgraded=sum(1 for c in self.rows if c.id_upgraded),
            by_category=dict(Counter(c.category for c in written).most_common()),
            by_measure=dict(Counter(c.measure.name for c in written).most_common()),
            skipped=skipped,
            problems=list(self.problems),
            rows=[
                PreviewRow(c.row, a, c.by_field(PREVIEW_FIELDS))
                for c, a in zip(self.rows, self.actions, strict=True)
            ],
        )


_SKIP_REASONS = {
    RowAction.ALREADY_ACTIVE: "已在管（台账中此人有未结束的登记），未重复登记",
    RowAction.ALREADY_RECORDED: "台账中已有此人同一开始日期的登记（可能已导入过），未重复登记",
    RowAction.CONFIRMED: "名单上写明已转为确诊，未导入居家管理名单",
}


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def tick(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.progress is not None and before // PROGRESS_EVERY != self.done // PROGRESS_EVERY:
            self.progress(self.done, self.total)

    def move_to(self, done: int) -> None:
        self.tick(done - self.done)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _plan(session: Session, table: RosterTable, today: date | None, ticker: _Ticker) -> _Plan:
    ref = _Reference.load(session, today)
    day = today or clock.today()
    problems: list[RowProblem] = []
    rows: list[_Clean] = []
    for raw in table.rows:
        clean = _validate(raw, table, ref, day, problems)
        if clean is not None:
            rows.append(clean)
        ticker.tick()
    _find_duplicates(table, rows, problems)
    problems.sort(key=lambda p: p.row)  # stable: a row's problems stay in column order

    by_id = _known_by_id(session, [c.person.id_number for c in rows if c.person.id_number])
    by_name_phone = _known_by_name_phone(
        session,
        {
            (c.person.name, c.person.phone)
            for c in rows
            if not c.person.id_number and c.person.phone
        },
    )
    actions: list[RowAction] = []
    known: list[_Known | None] = []
    for c in rows:
        match = (
            by_id.get(c.person.id_number)
            if c.person.id_number
            else by_name_phone.get((c.person.name, c.person.phone))
        )
        known.append(match)
        if c.confirmed:
            actions.append(RowAction.CONFIRMED)
        elif match is None:
            actions.append(RowAction.NEW_PERSON)
        elif match.has_open_case:
            actions.append(RowAction.ALREADY_ACTIVE)
        elif c.start_date in match.case_starts:
            actions.append(RowAction.ALREADY_RECORDED)
        else:
            actions.append(RowAction.NEW_CASE)
    return _Plan(table, ref, rows, actions, known, problems)


def _find_duplicates(table: RosterTable, rows: list[_Clean], problems: list[RowProblem]) -> None:
    """The same person twice in one list: the later row is the problem, naming the first."""
    first_by_id: dict[str, int] = {}
    first_by_name_phone: dict[tuple[str, str], int] = {}
    keep: list[_Clean] = []
    for c in rows:
        if c.person.id_number:
            first = first_by_id.setdefault(c.person.id_number, c.row)
            column, what = table.label("id_number"), "身份证号"
        elif c.person.phone:
            first = first_by_name_phone.setdefault((c.person.name, c.person.phone), c.row)
            column, what = table.label("name"), "姓名和联系电话"
        else:
            first = c.row
        if first != c.row:
            problems.append(
                RowProblem(
                    c.row,
                    column,
                    f"与第 {first} 行的{what}相同（同一人出现两次），请删除其中一行。",
                )
            )
        else:
            keep.append(c)
    rows[:] = keep


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


def _known_persons(session: Session, people: list[Person]) -> dict[int, _Known]:
    cases: dict[int, list[tuple[date, date | None]]] = {p.id: [] for p in people}
    for chunk in _chunks(list(cases)):
        query = select(Case.person_id, Case.start_date, Case.ended_on).where(
            Case.person_id.in_(chunk), Case.deleted_at.is_(None)
        )
        for person_id, start, ended in session.execute(query):
            cases[person_id].append((start, ended))
    return {
        p.id: _Known(
            id=p.id,
            version=p.version,
            has_open_case=any(ended is None for _, ended in cases[p.id]),
            case_starts=frozenset(start for start, _ in cases[p.id]),
            values={f.key: getattr(p, f.column or f.key) for f in _FILLED},
        )
        for p in people
    }


def _known_by_id(session: Session, id_numbers: list[str]) -> dict[str, _Known]:
    people: list[Person] = []
    for chunk in _chunks(id_numbers):
        people.extend(
            session.scalars(
                select(Person).where(Person.id_number.in_(chunk), Person.deleted_at.is_(None))
            )
        )
    known = _known_persons(session, people)
    return {p.id_number: known[p.id] for p in people if p.id_number}


def _known_by_name_phone(
    session: Session, keys: set[tuple[str, str | None]]
) -> dict[tuple[str, str | None], _Known]:
    """People without an ID number are recognised by name and phone together (a re-imported
    list without IDs must not put everyone on the roster twice)."""
    if not keys:
        return {}
    people: list[Person] = []
    for chunk in _chunks(sorted({name for name, _ in keys})):
        query = select(Person).where(
            Person.name.in_(chunk), Person.id_number.is_(None), Person.deleted_at.is_(None)
        )
        people.extend(p for p in session.scalars(query) if (p.name, p.phone) in keys)
    known = _known_persons(session, people)
    return {(p.name, p.phone): known[p.id] for p in people}


# ----------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------


def _write(session: Session, plan: _Plan, report: ImportReport, ticker: _Ticker) -> None:
    now = local_now()
    category_ids = _ensure_categories(session, plan)
    writing = list(plan.writing())
    new_people = [c for c, known in writing if known is None]
    # The second half of the progress bar: people, then their cases.
    start, span = ticker.done, max(ticker.total - ticker.done, 0)
    steps = max(len(new_people) + len(writing), 1)
    written = 0

    person_ids: dict[int, int] = {}  # Excel row → person id
    for chunk in _chunks(new_people):
        ids = session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True),
            [_person_values(c, now) for c in chunk],
        )
        person_ids.update(zip((c.row for c in chunk), ids, strict=True))
        written += len(chunk)
        ticker.move_to(start + span * written // steps)

    fills = [_fill_blanks(c, known, now) for c, known in writing if known is not None]
    fills = [f for f in fills if f is not None]
    if fills:
        # Keep the ledger's record; only fields it lacks are taken from the list.
        session.execute(update(Person), fills)
    for c, known in writing:
        if known is not None:
            person_ids[c.row] = known.id

    cases = [
        {
            "person_id": person_ids[c.row],
            "category_id": category_ids[c.category],
            "measure_id": c.measure.id,
            **c.case,
            "arrival_date": c.arrival_date,
            "registered_on": c.registered_on,
            "start_date": c.start_date,
            "planned_end": c.planned_end,
            "ended_on": c.ended_on,
            "end_reason_id": plan.ref.release_reason_id if c.ended_on else None,
            "created_at": now,
            "updated_at": now,
        }
        for c, _ in writing
    ]
    for chunk in _chunks(cases):
        session.execute(insert(Case), chunk)
        written += len(chunk)
        ticker.move_to(start + span * written // steps)

    session.execute(
        insert(AuditEntry),
        [
            {
                "at": now,
                "operator": session.info.get(OPERATOR_KEY) or "系统",
                "action": "导入",
                "entity": "person",
                "entity_id": None,
                "person_id": None,
                "changes": json.dumps(
                    {
                        "文件": plan.table.file_name,
                        "工作表": plan.table.sheet_name,
                        "读取行数": report.rows_read,
                        "新增人员": report.persons_created,
                        "已有人员": report.persons_matched,
                        "新增登记": report.cases_created,
                        "跳过": report.cases_skipped,
                        "导入时已解除": report.released_on_import,
                        "新增人员类别": report.new_categories,
                    },
                    ensure_ascii=False,
                ),
                "summary": f"导入 {report.cases_created} 人，来自 {plan.table.file_name}"[:200],
            }
        ],
    )


def _ensure_categories(session: Session, plan: _Plan) -> dict[str, int]:
    ids = dict(plan.ref.categories)
    order = session.scalar(select(func.max(Category.sort_order))) or 0
    used = {c.category for c, _ in plan.writing()}
    for name in plan.new_categories():
        order += 1
        ids[name] = session.scalars(
            insert(Category).returning(Category.id),
            [{"name": name, "sort_order": order, "active": True}],
        ).one()
    revive = [
        {"id": ids[n], "active": True} for n in used if ids[n] in plan.ref.inactive_category_ids
    ]
    if revive:  # a list still using a category the clerk retired brings it back
        session.execute(update(Category), revive)
    return ids


def _person_values(c: _Clean, now: datetime) -> dict[str, object]:
    return c.listed() | {
        "search_key": person_search_key(c.person.name),
        "created_at": now,
        "updated_at": now,
    }


def _fill_blanks(c: _Clean, known: _Known, now: datetime) -> dict[str, object] | None:
    values = fill_blanks(_FILLED, known.values, c.listed())
    if not values:
        return None
    return {"id": known.id, "version": known.version, **values, "updated_at": now}
