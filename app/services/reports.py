"""报表 — the reports sent upward, assembled from the ledger and handed to the Excel writers.

* 日报表 / 零报告 for a day (numbers from :mod:`app.services.stats`, people behind them);
* 在管人员台账 (roster with each case's 包保 team), 体温台账 (one row per case per day, plus a
  printable 14-day grid) and 包保责任表;
* the township merge of villages' daily reports.

Large ledgers are streamed: rows come from one ordered SQL cursor held open while the workbook is
written, never from a list of ORM objects. openpyxl is imported only when a file is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import Database
from app.excel.assignment_ledger import STATUS
from app.excel.roster_ledger import TEAM, TESTS, RosterLine
from app.excel.temperature_ledger import DAYS, GRID_DAYS, LONG_FIELDS, TemperatureLine
from app.models import (
    Assignment,
    Case,
    Category,
    EndReason,
    Measure,
    MeasureRequiredRole,
    NucleicAcidTest,
    Person,
    Staff,
    StaffRole,
)
from app.models.daily_report import (
    ENDED_CASE_FIELDS,
    NEW_CASE_FIELDS,
    TEST_LABELS,
    AnomalyLine,
    DailyTable,
    DailyWorkbook,
    EndedCaseLine,
    NewCaseLine,
    PeopleBehind,
    Signature,
    UnitLine,
    period_text,
)

# The daily report's domain types the GUI's preview needs: it reaches them through this service.
from app.models.daily_report import TOTAL_LABEL as TOTAL_LABEL
from app.models.daily_report import MergePreview as MergePreview
from app.models.daily_report import header_lines as header_lines
from app.models.daily_report import report_title as report_title
from app.models.fields import PERSON_CASE, Place
from app.models.units import unit_condition
from app.services import report_log, rounds
from app.services.access import Permission, require
from app.services.errors import ServiceError
from app.services.nucleic_tests import daily_report_counts
from app.services.periods import under_management
from app.services.reference import UnitInfo, get_setting, unit_profile
from app.services.roster import age_on, field_column, group_order
from app.services.stats import DayNumbers, count_day
from app.storage_sql import as_date, day_value, driver_rows, ordered_join

Progress = Callable[[int, int], None]
T = TypeVar("T")

FORM_DAILY = "疫情防控日报表"
FORM_ZERO = "疫情防控零报告"
FORM_ROSTER = "在管人员台账"
FORM_TEMPERATURES = "体温台账"
FORM_ASSIGNMENTS = "包保责任表"
MISSING_ROLE = "未落实"  # what a required 包保 role nobody holds shows on the ledgers
#: A 体温台账 longer than this is almost certainly a typo in the dates (2022 → 2002).
MAX_LEDGER_DAYS = 366


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, how many data rows, and a sentence for the clerk."""

    path: Path
    rows: int
    summary: str


# --- shared ------------------------------------------------------


def _unit(db: Database) -> UnitInfo:
    info = unit_profile(db)
    if not info.unit_name.strip():
        raise ServiceError(
            "还没有填写填报单位（报表标题和落款要用）。请先在“设置 → 填报单位”中填写，"
            "或在命令行用 unit --name 单位名称 设置，再导出。"
        )
    return info


def _signature(info: UnitInfo, filed_on: date | None = None) -> Signature:
    return Signature(
        info.unit_name, info.reporter, info.phone, info.reviewer, filed_on, township=info.township
    )


def suggested_name(unit_name: str, form: str, day: date) -> str:
    """``{单位}{表名}（{YYYY年M月D日}）.xlsx``, with characters Windows refuses removed."""
    from app.excel.workbook import suggested_filename

    return suggested_filename(unit_name, form, day)


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise ServiceError(f"结束日期 {last:%Y-%m-%d} 早于开始日期 {first:%Y-%m-%d}，请检查。")
    if (last - first).days + 1 > MAX_LEDGER_DAYS:
        raise ServiceError(
            f"日期范围太长（{(last - first).days + 1} 天）。一次最多导出 {MAX_LEDGER_DAYS} 天，"
            "请检查年份是否写错。"
        )


# --- 日报表 ---------------------------------------------------------


def day_counts(numbers: DayNumbers) -> dict[str, int]:
    """The day's numbers under the daily report's column labels (the one mapping there is)."""
    cp = numbers.checkpoint
    return {
        "累计排查": numbers.registered_total,
        "当日新增排查": numbers.registered_today,
        "在管人数": numbers.under_management,
        **numbers.by_measure,
        "当日解除": numbers.released_today,
        "累计解除": numbers.released_total,
        "当日转运送医": numbers.medical_today,
        "当日发热人数": numbers.fever_today,
        "当日漏测人次": numbers.missed_readings,
        "包保未落实": numbers.coverage_gaps,
        "检查车辆": cp.vehicles,
        "检查人数": cp.people,
        "劝返车辆": cp.turned_back_vehicles,
        "劝返人数": cp.turned_back_people,
    }


def _table(session: Session, unit_name: str, numbers: DayNumbers) -> DailyTable:
    counts = day_counts(numbers)
    extras: tuple[str, ...] = ()
    if get_setting(session, Settings.DAILY_REPORT_TESTS):  # off: the layout as it always was
        counts.update(daily_report_counts(session, numbers.day))
        extras = TEST_LABELS
    return DailyTable(
        day=numbers.day,
        period=period_text(numbers.day, numbers.cutoff),
        measures=tuple(numbers.by_measure),
        lines=[UnitLine(unit_name, counts)],
        extras=extras,
    )


def daily_table(db: Database, day: date) -> DailyTable:
    """The 日报表 of ``day`` for this unit: what the preview shows and the workbook holds."""
    unit_name = unit_profile(db).unit_name
    with db.reading() as session:
        return _table(session, unit_name, count_day(session, day))


def daily_form(db: Database, day: date) -> str:
    """The form name for the file name: 日报表, or 零报告 on a zero-report day."""
    return form_of(daily_table(db, day))


def form_of(table: DailyTable) -> str:
    """日报表, or 零报告 when the counted day is a zero-report day."""
    return FORM_ZERO if table.is_zero_report() else FORM_DAILY


def _register_select(session: Session, *columns: Any) -> Select[Any]:
    """Cases with their person, category and measure, in register order (小组, then name)."""
    return (
        select(*columns)
        .join(Person, Person.id == Case.person_id)
        .join(Category, Category.id == Case.category_id)
        .join(Measure, Measure.id == Case.measure_id)
        .order_by(*group_order(session), Person.search_key, Case.id)
    )


def _new_cases(session: Session, day: date) -> list[NewCaseLine]:
    """当日新增: a ``{field key: value}`` per case registered on the day (the list's fields)."""
    query = _register_select(session, *(field_column(f) for f in NEW_CASE_FIELDS)).where(
        Case.deleted_at.is_(None), Case.registered_on == day
    )
    return [dict(row) for row in session.execute(query).mappings()]


def _ended_cases(session: Session, day: date) -> list[EndedCaseLine]:
    """当日解除: a ``{field key: value}`` per case ended on the day, by reason then register."""
    query = (
        _register_select(session, *(field_column(f) for f in ENDED_CASE_FIELDS))
        .join(EndReason, EndReason.id == Case.end_reason_id)
        .where(Case.deleted_at.is_(None), Case.ended_on == day)
        .order_by(None)
        .order_by(EndReason.sort_order, *group_order(session), Person.search_key)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def _anomaly_lines(db: Database, day: date) -> list[AnomalyLine]:
    lines = []
    for a in reversed(rounds.anomalies(db, open_only=False, day=day)):  # oldest first
        status = "已处置" if a.closed else ("处置中" if a.action else "未处置")
        slot = {"AM": "上午", "PM": "下午"}.get(a.slot or "", a.slot)
        lines.append(
            AnomalyLine(
                a.person_name,
                a.group_name,
                a.kind,
                slot,
                a.observation,
                a.action,
                a.handled_by,
                a.handled_at,
                status,
                a.outcome,
            )
        )
    return lines


def daily_workbook(
    db: Database, day: date, *, filed_on: date | None = None, table: DailyTable | None = None
) -> DailyWorkbook:
    """The workbook's contents. ``table``: the day's numbers if already counted (for the file
    name or the preview): counting a county's day again is most of a second."""
    info = _unit(db)
    table, people = _beside_the_count(db, day, info, table, lambda: _people_behind(db, day))
    return DailyWorkbook(table, _signature(info, filed_on), *people)


def _beside_the_count(
    db: Database, day: date, info: UnitInfo, table: DailyTable | None, side_job: Callable[[], T]
) -> tuple[DailyTable, T]:
    """The day's table (``table`` when already counted) and what ``side_job`` returns, run on
    a second connection while the day is counted: SQLite reads in parallel in WAL mode and
    releases the GIL meanwhile (bench/: daily export)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="daily-people") as side:
        job = side.submit(side_job)
        if table is None or table.day != day:
            with db.reading() as session:
                table = _table(session, info.unit_name, count_day(session, day))
        return table, job.result()


def _people_behind(
    db: Database, day: date
) -> tuple[list[NewCaseLine], list[EndedCaseLine], list[AnomalyLine]]:
    """The day's new cases, ended cases and anomalies (the report's three lists)."""
    with db.reading() as session:
        return _new_cases(session, day), _ended_cases(session, day), _anomaly_lines(db, day)


def export_daily(
    db: Database,
    day: date,
    target: Path,
    *,
    filed_on: date | None = None,
    progress: Progress | None = None,
    table: DailyTable | None = None,
) -> ExportResult:
    """日报表 (a 零报告 when nothing new happened) for ``day``, with the people behind it.

    ``table``: ``daily_table(db, day)`` as already counted to name the file, so the numbers are
    counted once and the file's name (零报告 or not) always matches what it holds.
    The lists of people need no count: they are read and written while the day is counted,
    and the 日报表 sheet is put in front of them once it is (the same workbook as
    ``write_daily_report``'s).
    """
    from app.excel.daily_report import DailyReportWriter

    require(db, Permission.EXPORT)
    info = _unit(db)
    signature = _signature(info, filed_on)
    writer = DailyReportWriter(progress=progress)

    def write_people() -> tuple[list[NewCaseLine], list[EndedCaseLine], list[AnomalyLine]]:
        people = _people_behind(db, day)
        writer.write_people(PeopleBehind(signature, day, *people))
        return people

    try:
        table, people = _beside_the_count(db, day, info, table, write_people)
        report = DailyWorkbook(table, signature, *people)
        writer.finish(Path(target), report)
    except BaseException:
        writer.discard()
        raise
    form = FORM_ZERO if report.table.is_zero_report() else FORM_DAILY
    report_log.record_daily_export(db, day, form, Path(target))  # Today: "已于 10:32 由 … 导出"
    return ExportResult(Path(target), 1, f"已导出{report.title}")


# --- 在管人员台账 and 包保责任表 --------------------------------------------


@dataclass(frozen=True)
class TeamColumns:
    """The 包保 roles that get a column pair, in role order (union over the active measures)."""

    role_ids: tuple[int, ...]
    role_names: tuple[str, ...]
    required: dict[int, frozenset[int]]  # measure id → its required role ids


def _team_columns(session: Session) -> TeamColumns:
    links = session.execute(
        select(MeasureRequiredRole.measure_id, StaffRole.id, StaffRole.name)
        .join(StaffRole, StaffRole.id == MeasureRequiredRole.role_id)
        .join(Measure, Measure.id == MeasureRequiredRole.measure_id)
        .where(Measure.active.is_(True))
        .order_by(StaffRole.sort_order, StaffRole.id)
    ).all()
    names: dict[int, str] = {}
    required: dict[int, set[int]] = {}
    for measure_id, role_id, role_name in links:
        names.setdefault(role_id, role_name)
        required.setdefault(measure_id, set()).add(role_id)
    return TeamColumns(
        tuple(names), tuple(names.values()), {m: frozenset(r) for m, r in required.items()}
    )


def _teams_on(session: Session, day: date) -> dict[int, dict[int, tuple[str, str | None]]]:
    """case id → role id → (names, phones) of whoever holds the role on ``day``.

    One query for every case under management: a county roster is tens of thousands of cases.
    """
    query = (
        select(Assignment.case_id, Assignment.role_id, Staff.name, Staff.phone)
        .join(Staff, Staff.id == Assignment.staff_id)
        .join(Case, Case.id == Assignment.case_id)
        .where(
            *under_management(day),
            Assignment.since <= day,
            or_(Assignment.until.is_(None), Assignment.until > day),
        )
        .order_by(Assignment.case_id, Assignment.role_id, Assignment.since)
    )
    teams: dict[int, dict[int, tuple[str, str | None]]] = {}
    for case_id, role_id, name, phone in session.execute(query):
        roles = teams.setdefault(case_id, {})
        if role_id in roles:  # two holders of one role: show both rather than hide one
            old_name, old_phone = roles[role_id]
            phones = "、".join(p for p in (old_phone, phone) if p) or None
            roles[role_id] = (f"{old_name}、{name}", phones)
        else:
            roles[role_id] = (name, phone)
    return teams


def _team_cells(
    columns: TeamColumns,
    measure_id: int,
    held: dict[int, tuple[str, str | None]],
) -> list[object]:
    cells: list[object] = []
    required = columns.required.get(measure_id, frozenset())
    for role_id in columns.role_ids:
        member = held.get(role_id)
        if member is not None:
            cells += [member[0], member[1]]
        elif role_id in required:
            cells += [MISSING_ROLE, None]
        else:
            cells += [None, None]
    return cells


def _managed_cases(
    session: Session, day: date, *, only_with_required_roles: bool = False
) -> Select[Any]:
    """The cases under management on ``day``: a column per stored field of the ledgers (each
    labelled with its field's key), the birth date for the age, and the case's measure."""
    stored = [f for f in PERSON_CASE.placed(Place.LEDGER) if f.column]
    query = _register_select(
        session,
        Case.id.label("case_id"),
        Case.measure_id,
        Person.birth_date,
        *(field_column(f) for f in stored),
    ).where(*under_management(day))
    if only_with_required_roles:
        query = query.where(
            select(MeasureRequiredRole.role_id)
            .where(MeasureRequiredRole.measure_id == Case.measure_id)
            .exists()
        )
    return query


def _count_managed(session: Session, day: date, *, only_with_required_roles: bool = False) -> int:
    inner = _managed_cases(
        session, day, only_with_required_roles=only_with_required_roles
    ).order_by(None)
    return session.scalar(select(func.count()).select_from(inner.subquery())) or 0


def _managed_lines(
    session: Session, day: date, columns: TeamColumns, *, only_with_required_roles: bool = False
) -> Iterator[tuple[dict[str, Any], dict[int, tuple[str, str | None]]]]:
    """Each managed case as ``{field key: value}`` with its 包保 cells, and who holds which role."""
    teams = _teams_on(session, day)
    query = _managed_cases(session, day, only_with_required_roles=only_with_required_roles)
    for row in session.execute(query).mappings():
        line = dict(row)
        held = teams.get(line["case_id"], {})
        line["age"] = age_on(line["birth_date"], day)
        line[TEAM] = _team_cells(columns, line["measure_id"], held)
        yield line, held


def _roster_rows(session: Session, day: date, columns: TeamColumns) -> Iterator[RosterLine]:
    tests = _tests_by_case(session, day)
    for line, _held in _managed_lines(session, day, columns):
        line[TESTS] = tests.get(line["case_id"])
        yield line


def _tests_by_case(session: Session, day: date) -> dict[int, str]:
    """核酸检测 of each case under management up to ``day``: "06-01 阴性；06-04 待出"."""
    rows = session.execute(
        select(NucleicAcidTest.case_id, NucleicAcidTest.sample_date, NucleicAcidTest.result)
        .join(Case, Case.id == NucleicAcidTest.case_id)
        .where(*under_management(day), NucleicAcidTest.sample_date <= day)
        .order_by(NucleicAcidTest.case_id, NucleicAcidTest.sample_date)
    )
    return {
        case_id: "；".join(f"{sampled:%m-%d} {result}" for _, sampled, result in group)
        for case_id, group in groupby(rows, key=lambda row: row[0])
    }


def export_roster(
    db: Database, day: date, target: Path, *, progress: Progress | None = None
) -> ExportResult:
    """在管人员台账: everyone under management on ``day`` with their 包保 team."""
    from app.excel.roster_ledger import RosterLedger, write_roster_ledger

    require(db, Permission.EXPORT)
    info = _unit(db)
    with db.reading() as session:
        columns = _team_columns(session)
        count = _count_managed(session, day)
        ledger = RosterLedger(
            signature=_signature(info),
            day=day,
            role_names=columns.role_names,
            rows=_roster_rows(session, day, columns),
            row_count=count,
        )
        write_roster_ledger(Path(target), ledger, progress=progress)
    return ExportResult(Path(target), count, f"已导出在管人员台账（{count} 人）")


def _assignment_rows(session: Session, day: date, columns: TeamColumns) -> Iterator[RosterLine]:
    names = dict(zip(columns.role_ids, columns.role_names, strict=True))
    lines = _managed_lines(session, day, columns, only_with_required_roles=True)
    for line, held in lines:
        required = columns.required.get(line["measure_id"], ())
        missing = [names[r] for r in columns.role_ids if r in required and r not in held]
        line[STATUS] = "缺" + "、".join(missing) if missing else "已落实"
        yield line


def export_assignments(
    db: Database, day: date, target: Path, *, progress: Progress | None = None
) -> ExportResult:
    """包保责任表: each case that needs a 包保 team, with who answers for it in each role."""
    from app.excel.assignment_ledger import AssignmentLedger, write_assignment_ledger

    require(db, Permission.EXPORT)
    info = _unit(db)
    with db.reading() as session:
        columns = _team_columns(session)
        count = _count_managed(session, day, only_with_required_roles=True)
        ledger = AssignmentLedger(
            signature=_signature(info),
            day=day,
            role_names=columns.role_names,
            rows=_assignment_rows(session, day, columns),
            row_count=count,
        )
        write_assignment_ledger(Path(target), ledger, progress=progress)
    return ExportResult(Path(target), count, f"已导出包保责任表（{count} 人）")


# --- 体温台账 --------------------------------------------------------

# Raw SQL on purpose: the ledger can be 280,000 rows. One statement enumerates the days (a
# VALUES table built in Python), ranks the observed cases once and pivots AM/PM by two index
# lookups, so Python's per-row work is a tuple and a date parse. Groups are ordered the way a
# clerk counts them (二组 before 十组) by a small VALUES table built in Python too: sorting with
# the "natural" collation would call back into Python for every comparison. The same SQL runs on
# SQLite and PostgreSQL; what differs (the join hint, how a date is bound) comes from
# app.storage_sql.
_GROUPS = "grp(name, ord) AS ({values})"

_OBSERVED = """
  c.deleted_at IS NULL
  AND c.start_date <= :last AND (c.ended_on IS NULL OR c.ended_on > :first)
  AND (m.needs_readings OR EXISTS (
        SELECT 1 FROM temperature_reading r
        WHERE r.case_id = c.id AND r.reading_date BETWEEN :first AND :last))"""

# The grid is for people still being watched when the range ends (the sheet at their door).
_STILL_OBSERVED = """
  c.deleted_at IS NULL AND m.needs_readings
  AND c.start_date <= :last AND (c.ended_on IS NULL OR c.ended_on > :last)"""

_RANKED = """
ranked(case_id, ord) AS (
  SELECT c.id, row_number() OVER (ORDER BY coalesce(grp.ord, -1), p.search_key, c.id)
  FROM case_record c
  JOIN person p ON p.id = c.person_id
  JOIN measure m ON m.id = c.measure_id
  LEFT JOIN grp ON grp.name = p.group_name
  WHERE {where}
)"""

_DAYS = "days(d) AS ({values})"

_LONG_FORM = """
WITH {groups}, {days}, {ranked}
SELECT p.name, p.id_number, p.group_name, days.d,
  am.celsius,
  CASE WHEN am.id IS NULL THEN NULL WHEN am.symptoms = '' THEN '无' ELSE am.symptoms END,
  pm.celsius,
  CASE WHEN pm.id IS NULL THEN NULL WHEN pm.symptoms = '' THEN '无' ELSE pm.symptoms END,
  CASE WHEN pm.measured_by IS NULL OR pm.measured_by = am.measured_by THEN am.measured_by
       WHEN am.measured_by IS NULL THEN pm.measured_by
       ELSE am.measured_by || '、' || pm.measured_by END,
  t.result
FROM ranked
{ordered_join} case_record c ON c.id = ranked.case_id
JOIN person p ON p.id = c.person_id
{ordered_join} days ON c.start_date <= days.d AND (c.ended_on IS NULL OR c.ended_on > days.d)
LEFT JOIN temperature_reading am
  ON am.case_id = c.id AND am.reading_date = days.d AND am.slot = 'AM'
LEFT JOIN temperature_reading pm
  ON pm.case_id = c.id AND pm.reading_date = days.d AND pm.slot = 'PM'
LEFT JOIN nucleic_acid_test t ON t.person_id = c.person_id AND t.sample_date = days.d
ORDER BY ranked.ord, days.d
"""

_LONG_FORM_COUNT = """
WITH {days}
SELECT count(*)
FROM case_record c
JOIN measure m ON m.id = c.measure_id
JOIN days ON c.start_date <= days.d AND (c.ended_on IS NULL OR c.ended_on > days.d)
WHERE {where}
"""

_GRID = """
WITH {groups}, {ranked}
SELECT ranked.ord, p.name, p.group_name, c.start_date, c.ended_on,
       r.reading_date, r.slot, r.celsius, r.symptoms
FROM ranked
{ordered_join} case_record c ON c.id = ranked.case_id
JOIN person p ON p.id = c.person_id
LEFT JOIN temperature_reading r
  ON r.case_id = c.id AND r.reading_date BETWEEN :first AND :last
ORDER BY ranked.ord, r.reading_date, r.slot
"""

_GRID_COUNT = """
SELECT count(*) FROM case_record c JOIN measure m ON m.id = c.measure_id WHERE {where}
"""


def _params(session: Session, first: date, last: date) -> dict[str, object]:
    return {"first": day_value(session, first), "last": day_value(session, last)}


def _cases(session: Session, condition: str, params: dict[str, object]) -> str:
    """``condition`` on the cases ``c``, kept to the session's village when it has one: the
    ORM's statements get that from app.models.units, raw SQL has to say it (adds its parameter).
    No village (a laptop, the township): the condition as it is, the statement unchanged."""
    return condition + unit_condition(session, "c.person_id", params)


def _count(session: Session, sql: str, condition: str, first: date, last: date) -> int:
    """The one number a count statement gives: ``{where}`` in it is ``condition`` on the cases,
    ``{days}`` (if there) the days table."""
    params = _params(session, first, last)
    where = _cases(session, condition, params)
    days = _days_cte(session, first, last, params)
    rows = driver_rows(session, sql.format(days=days, where=where), params)
    try:
        return int(next(rows)[0] or 0)
    finally:
        rows.close()


def _days_cte(session: Session, first: date, last: date, params: dict[str, object]) -> str:
    """The VALUES table of every day from ``first`` to ``last`` (adds its parameters)."""
    rows = []
    for i in range((last - first).days + 1):
        params[f"d{i}"] = day_value(session, first + timedelta(days=i))
        rows.append(f"(:d{i})")
    return _DAYS.format(values="VALUES " + ", ".join(rows))


def _groups_cte(session: Session, params: dict[str, object]) -> str:
    """The VALUES table giving each 村民小组 its place in natural order (adds its parameters)."""
    from app.db import natural_key

    names = [
        n
        for n in session.scalars(
            select(Person.group_name).where(Person.group_name.is_not(None)).distinct()
        )
        if n
    ]
    names.sort(key=natural_key)
    if not names:
        return _GROUPS.format(
            values="SELECT CAST(NULL AS VARCHAR(50)), CAST(NULL AS INTEGER) WHERE 1 = 0"
        )
    rows = []
    for i, name in enumerate(names):
        params[f"g{i}"] = name
        rows.append(f"(:g{i}, {i})")
    return _GROUPS.format(values="VALUES " + ", ".join(rows))


def _long_form_rows(session: Session, first: date, last: date) -> Iterator[TemperatureLine]:
    params = _params(session, first, last)
    sql = _LONG_FORM.format(
        groups=_groups_cte(session, params),
        days=_days_cte(session, first, last, params),
        ranked=_RANKED.format(where=_cases(session, _OBSERVED, params)),
        ordered_join=ordered_join(session),
    )
    # The DB-API cursor straight from the connection: plain tuples, fetched as the writer asks.
    keys = [f.key for f in LONG_FIELDS]
    for row in driver_rows(session, sql, params):
        line = dict(zip(keys, row, strict=True))
        line["reading_date"] = as_date(line["reading_date"])
        yield line


def _grid_first_day(start: date, day_one_is_start: bool) -> date:
    return start if day_one_is_start else start + timedelta(days=1)


def _grid_rows(
    session: Session, first: date, last: date, day_one_is_start: bool
) -> Iterator[TemperatureLine]:
    """One row per case still observed on ``last``: 第1天…第14天 × 上午/下午 from its first day.

    Days outside ``first``..``last`` stay blank (the sheet is clipped to the range and printed to
    be filled by hand); days from the end of the observation on show "—"; a reading with a
    symptom shows "36.8*".
    """
    params = _params(session, first, last)
    sql = _GRID.format(
        groups=_groups_cte(session, params),
        ranked=_RANKED.format(where=_cases(session, _STILL_OBSERVED, params)),
        ordered_join=ordered_join(session),
    )
    found = driver_rows(session, sql, params)
    for _ord, group_rows in groupby(found, key=lambda r: r[0]):
        rows = list(group_rows)
        _o, name, group, start_value, ended_value, *_ = rows[0]
        start = as_date(start_value)
        ended = as_date(ended_value) if ended_value else None
        day_one = _grid_first_day(start, day_one_is_start)
        taken: dict[tuple[date, str], object] = {}
        for *_, reading_date, slot, celsius, symptoms in rows:
            if reading_date is not None:
                # A symptom is marked "*" (the long form names it): the cells are narrow.
                taken[(as_date(reading_date), slot)] = f"{celsius:.1f}*" if symptoms else celsius
        cells: list[object] = []
        for k in range(GRID_DAYS):
            day = day_one + timedelta(days=k)
            if ended is not None and day >= ended:
                cells += ["—", "—"]
            elif first <= day <= last:
                cells += [taken.get((day, "AM")), taken.get((day, "PM"))]
            else:
                cells += [None, None]
        yield {"name": name, "group_name": group, "start_date": start, DAYS: cells}


def temperature_row_count(db: Database, first: date, last: date) -> int:
    """How many rows the long form of the 体温台账 will have (one per case per observed day)."""
    _check_range(first, last)
    with db.reading() as session:
        return _count(session, _LONG_FORM_COUNT, _OBSERVED, first, last)


def export_temperatures(
    db: Database,
    first: date,
    last: date,
    target: Path,
    *,
    progress: Progress | None = None,
) -> ExportResult:
    """体温台账 for ``first``..``last``: the long form and the printable 14-day grid."""
    from app.excel.temperature_ledger import TemperatureLedger, write_temperature_ledger

    require(db, Permission.EXPORT)
    _check_range(first, last)
    info = _unit(db)
    with db.reading() as session:
        count = _count(session, _LONG_FORM_COUNT, _OBSERVED, first, last)
        cases = _count(session, _GRID_COUNT, _STILL_OBSERVED, first, last)
        day_one_is_start = get_setting(session, Settings.DAY_ONE_IS_START)
        ledger = TemperatureLedger(
            signature=_signature(info),
            first=first,
            last=last,
            rows=_long_form_rows(session, first, last),
            row_count=count,
            grid_rows=_grid_rows(session, first, last, day_one_is_start),
            grid_count=cases,
        )
        try:
            write_temperature_ledger(Path(target), ledger, progress=progress)
        finally:  # an aborted write must not leave a cursor open on the session
            ledger.rows.close()
            ledger.grid_rows.close()
    return ExportResult(Path(target), count, f"已导出体温台账（{cases} 人，{count} 行）")


# --- township merge ----------------------------------------------


def preview_merge(paths: Sequence[Path]) -> MergePreview:
    """Read villages' daily reports and check they can be summed (same day, same layout)."""
    from app.excel.merge import merge_files

    return merge_files([Path(p) for p in paths])


def export_merged(
    db: Database,
    paths: Sequence[Path],
    target: Path,
    *,
    unit_name: str | None = None,
    filed_on: date | None = None,
    preview: MergePreview | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """One 日报表 with a row per village and a 合计 row; refuses mismatched files by name.

    ``preview`` is what :func:`preview_merge` returned for the same files, to save reading them
    twice (the page shows it before writing).
    """
    from app.excel.daily_report import write_daily_report

    require(db, Permission.EXPORT)
    if preview is None:
        preview = preview_merge(paths)
    info = unit_profile(db)
    name = (unit_name or info.unit_name).strip()
    if not name:
        raise ServiceError(
            "还没有填写填报单位（汇总表的标题要用）。请先在“设置 → 填报单位”中填写乡镇名称，"
            "或在命令行用 --unit 指定。"
        )
    signature = Signature(name, info.reporter, info.phone, info.reviewer, filed_on)
    report = DailyWorkbook(table=preview.table, signature=signature, with_total=True)
    write_daily_report(Path(target), report, progress=progress)
    units = len(preview.table.lines)
    return ExportResult(Path(target), units, f"已汇总 {units} 个单位的日报表：{report.title}")


__all__ = [
    "FORM_ASSIGNMENTS",
    "FORM_DAILY",
    "FORM_ROSTER",
    "FORM_TEMPERATURES",
    "FORM_ZERO",
    "ExportResult",
    "daily_form",
    "daily_table",
    "day_counts",
    "export_assignments",
    "export_daily",
    "export_merged",
    "export_roster",
    "export_temperatures",
    "form_of",
    "preview_merge",
    "suggested_name",
    "temperature_row_count",
]
