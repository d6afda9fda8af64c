"""Reading: the day's numbers, and the roster opened and searched, each against lean raw SQL."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import replace
from datetime import date

from app.config import Settings
from app.db import Database, natural_key
from app.models.checkpoints import Disposition
from app.services import stats
from app.services.reference import day_window, read_setting
from bench.harness import Measurement, alternate, measurement

# --- the day's numbers ------------------------------------------------------------------------

# One pass over the cases gives every per-case count, grouped by measure for 在管 by measure.
# "+c.start_date" keeps SQLite off ix_case_record_period: on the day being counted nearly every
# case has started, and walking that index costs twice a plain scan of the table.
_CASE_COUNTS = """
SELECT c.measure_id,
       sum(c.registered_on <= :d), sum(c.registered_on = :d),
       sum(c.start_date <= :d AND (c.ended_on IS NULL OR c.ended_on > :d)),
       sum(c.ended_on = :d AND c.end_reason_id IN {release}),
       sum(c.ended_on <= :d AND c.end_reason_id IN {release}),
       sum(c.ended_on = :d AND c.end_reason_id IN {medical})
FROM case_record c
WHERE c.deleted_at IS NULL
GROUP BY c.measure_id
""".format(
    release="(SELECT id FROM end_reason WHERE kind = 'release')",
    medical="(SELECT id FROM end_reason WHERE kind = 'medical')",
)
_FEVER = """
SELECT count(DISTINCT r.case_id)
FROM temperature_reading r JOIN case_record c ON c.id = r.case_id
WHERE r.reading_date = :d AND c.deleted_at IS NULL
  AND (round(r.celsius * 10) >= :tenths OR r.symptoms != '')
"""
# Two readings are due per case; the unique (case, day, slot) index answers each probe.
_MISSED = """
SELECT coalesce(sum(2 - (SELECT count(*) FROM temperature_reading r
                         WHERE r.case_id = c.id AND r.reading_date = :d)), 0)
FROM case_record c JOIN measure m ON m.id = c.measure_id
WHERE c.deleted_at IS NULL AND m.needs_readings
  AND +c.start_date <= :d AND (c.ended_on IS NULL OR c.ended_on > :d)
"""
_GAPS = """
SELECT count(DISTINCT c.id)
FROM case_record c JOIN measure_required_role q ON q.measure_id = c.measure_id
WHERE c.deleted_at IS NULL AND +c.start_date <= :d AND (c.ended_on IS NULL OR c.ended_on > :d)
  AND NOT EXISTS (SELECT 1 FROM assignment a
                  WHERE a.case_id = c.id AND a.role_id = q.role_id
                    AND a.since <= :d AND (a.until IS NULL OR a.until > :d))
"""
_VEHICLES = """
SELECT count(*), coalesce(sum(people_aboard), 0),
       count(*) FILTER (WHERE disposition = :back),
       coalesce(sum(people_aboard) FILTER (WHERE disposition = :back), 0),
       count(*) FILTER (WHERE abnormal)
FROM vehicle_pass
WHERE passed_at >= :start AND passed_at < :end AND deleted_at IS NULL
"""


def lean_day_numbers(
    connection: sqlite3.Connection, day: date, params: dict[str, object]
) -> dict[str, object]:
    """The same numbers as ``stats.count_day``, in five hand-written statements."""
    values = {"d": day.isoformat(), **params}
    by_measure: dict[int, int] = {}
    totals = [0] * 6
    for measure_id, *counts in connection.execute(_CASE_COUNTS, values):
        by_measure[measure_id] = counts[2] or 0
        totals = [t + (c or 0) for t, c in zip(totals, counts, strict=True)]
    registered_total, registered_today, managed, released_today, released_total, medical = totals
    return {
        "registered_total": registered_total,
        "registered_today": registered_today,
        "under_management": managed,
        "released_today": released_today,
        "released_total": released_total,
        "medical_today": medical,
        "fever_today": connection.execute(_FEVER, values).fetchone()[0],
        "missed_readings": connection.execute(_MISSED, values).fetchone()[0],
        "coverage_gaps": connection.execute(_GAPS, values).fetchone()[0],
        "checkpoint": tuple(connection.execute(_VEHICLES, values).fetchone()),
        "by_measure": by_measure,
    }


def _ours_as_dict(numbers: stats.DayNumbers, measure_ids: dict[str, int]) -> dict[str, object]:
    cp = numbers.checkpoint
    return {
        "registered_total": numbers.registered_total,
        "registered_today": numbers.registered_today,
        "under_management": numbers.under_management,
        "released_today": numbers.released_today,
        "released_total": numbers.released_total,
        "medical_today": numbers.medical_today,
        "fever_today": numbers.fever_today,
        "missed_readings": numbers.missed_readings,
        "coverage_gaps": numbers.coverage_gaps,
        "checkpoint": (
            cp.vehicles,
            cp.people,
            cp.turned_back_vehicles,
            cp.turned_back_people,
            cp.abnormal,
        ),
        "by_measure": {measure_ids[k]: v for k, v in numbers.by_measure.items() if v},
    }


def bench_day_numbers(db: Database, day: date, runs: int) -> Measurement:
    cutoff = read_setting(db, Settings.STAT_CUTOFF)
    threshold = read_setting(db, Settings.FEVER_THRESHOLD)
    start, end = day_window(day, cutoff)
    params: dict[str, object] = {
        "tenths": round(threshold * 10),
        "back": Disposition.TURNED_BACK.value,
        "start": str(start),
        "end": str(end),
    }
    connection = sqlite3.connect(db.paths.database)
    measure_ids = dict(connection.execute("SELECT name, id FROM measure"))
    # The comparison only means something if both sides count the same things.
    ours_numbers = _ours_as_dict(stats.day_numbers(db, day), measure_ids)
    lean = lean_day_numbers(connection, day, params)
    lean["by_measure"] = {k: v for k, v in lean["by_measure"].items() if v}  # type: ignore[union-attr]
    if ours_numbers != lean:
        raise AssertionError(
            f"the lean SQL disagrees with stats.day_numbers:\n{ours_numbers}\n{lean}"
        )

    def ours() -> float:
        start_at = time.perf_counter()
        stats.day_numbers(db, day)
        return (time.perf_counter() - start_at) * 1000

    def floor() -> float:
        start_at = time.perf_counter()
        lean_day_numbers(connection, day, params)
        return (time.perf_counter() - start_at) * 1000

    try:
        ours_runs, floor_runs = alternate(ours, floor, runs)
    finally:
        connection.close()
    return measurement(
        "day_numbers",
        "day's numbers, yesterday (stats.day_numbers)",
        "ms",
        ours_runs,
        floor_runs,
        target=1.2,
        target_kind="ratio",
        note=f"{lean['under_management']:,} under management; counts checked equal",
    )


# --- the roster -------------------------------------------------------------------------------

SCREEN_ROWS = 30  # what a 1366×768 window shows of the roster table

_IDS = """
SELECT c.id FROM case_record c JOIN person p ON p.id = c.person_id
WHERE c.deleted_at IS NULL AND c.start_date <= ? AND (c.ended_on IS NULL OR c.ended_on > ?)
{search}
ORDER BY {group_rank}, p.search_key, c.id
"""
_SEARCH = """AND (p.name LIKE ? ESCAPE '\\' OR p.search_key LIKE ? ESCAPE '\\'
     OR p.id_number LIKE ? ESCAPE '\\' OR p.phone LIKE ? ESCAPE '\\')"""
_PAGE = """
SELECT c.id, c.person_id, p.name, p.sex, p.birth_date, p.id_number, p.phone, p.address,
       p.group_name, cat.name, m.name, c.measure_id, c.origin, c.arrival_date, c.registered_on,
       c.start_date, c.planned_end, c.ended_on, e.name, c.note, c.deleted_at, c.category_id,
       c.source_pass_id
FROM case_record c JOIN person p ON p.id = c.person_id JOIN category cat ON cat.id = c.category_id
JOIN measure m ON m.id = c.measure_id LEFT JOIN end_reason e ON e.id = c.end_reason_id
WHERE c.id IN ({marks})
"""
_TEAMS = """
SELECT a.case_id, r.id, r.name, s.id, s.name, s.phone
FROM assignment a JOIN staff s ON s.id = a.staff_id JOIN staff_role r ON r.id = a.role_id
WHERE a.case_id IN ({marks}) AND a.since <= ? AND (a.until IS NULL OR a.until > ?)
ORDER BY r.sort_order, a.since
"""


def lean_roster(connection: sqlite3.Connection, day: date, text: str, page: int) -> int:
    """The roster's ordered ids for a filter plus its first page with 包保 teams, in raw SQL."""
    groups = [g for (g,) in connection.execute("SELECT DISTINCT group_name FROM person") if g]
    groups.sort(key=natural_key)
    rank = " ".join(f"WHEN ? THEN {n}" for n in range(len(groups)))
    group_rank = f"CASE p.group_name {rank} ELSE {len(groups)} END" if groups else "0"
    sql = _IDS.format(search=_SEARCH if text else "", group_rank=group_rank)
    params: list[object] = [day.isoformat(), day.isoformat()]
    if text:
        pattern = f"%{text}%"
        params += [pattern, pattern, f"%{text.upper()}%", pattern]
    ids = [i for (i,) in connection.execute(sql, [*params, *groups])]
    first = ids[:page]
    marks = ", ".join("?" * len(first))
    rows = connection.execute(_PAGE.format(marks=marks), first).fetchall() if first else []
    if first:
        connection.execute(_TEAMS.format(marks=marks), [*first, day.isoformat(), day.isoformat()])
    return len(ids) + len(rows)


def bench_roster(db: Database, day: date, runs: int) -> list[Measurement]:
    """The roster page's table model: open it (在管, first screen shown), then search it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.roster import RosterFilter
    from app.ui.roster.table_model import PAGE_SIZE, RosterTableModel

    _app = QApplication.instance() or QApplication([])

    def first_screen(model: RosterTableModel) -> None:
        for row in range(min(SCREEN_ROWS, model.rowCount())):
            for column in range(model.columnCount()):
                model.data(model.index(row, column))

    def open_roster() -> RosterTableModel:
        model = RosterTableModel(db)
        model.set_filter(RosterFilter())  # the page opens on 在管 today
        first_screen(model)
        return model

    connection = sqlite3.connect(db.paths.database)
    results = []
    try:
        searches = (
            ("roster_open", "open roster (在管, first screen)", ""),
            ("roster_search_name", "search roster by name 「王」", "王"),
            ("roster_search_pinyin", "search roster by pinyin initials 「wf」", "wf"),
        )
        model = open_roster()
        for key, label, text in searches:
            shown: list[int] = []

            def ours(text: str = text, shown: list[int] = shown) -> float:
                start = time.perf_counter()
                if not text:
                    opened = open_roster()
                    shown.append(opened.rowCount())
                else:
                    model.set_filter(replace(RosterFilter(), text=text))
                    first_screen(model)
                    shown.append(model.rowCount())
                return (time.perf_counter() - start) * 1000

            def floor(text: str = text) -> float:
                start = time.perf_counter()
                lean_roster(connection, day, text, PAGE_SIZE)
                return (time.perf_counter() - start) * 1000

            ours_runs, floor_runs = alternate(ours, floor, runs)
            results.append(
                measurement(
                    key,
                    label,
                    "ms",
                    ours_runs,
                    floor_runs,
                    # Opening: 80 ms, a margin under the 100 ms promise on a slower laptop.
                    target=80 if key == "roster_open" else 100,
                    target_kind="absolute",
                    note=f"{shown[-1]:,} rows match; RosterTableModel, pages of {PAGE_SIZE}",
                )
            )
    finally:
        connection.close()
    return results
