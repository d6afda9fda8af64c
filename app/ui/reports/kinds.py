"""The forms the 报表导出 page offers, each with how it is named and how it is written.

Plain functions over the services (run in the background worker); the titles are marked for
translation here and translated by the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services import reports
from app.services.ledger import Database
from app.services.reference import unit_profile

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str  # Chinese source text; show ``translated_title()``
    ranged: bool  # asks for 从 … 到 …; otherwise one day
    default_days: int  # how many days a range covers when the page opens (ranged kinds)
    file_name: Callable[[Database, date, date], str]
    # (db, first, last, target, progress=None) → a sentence for the clerk; run by the worker,
    # which hands over ``progress`` by keyword
    export: Callable[..., str]

    def translated_title(self) -> str:
        return QCoreApplication.translate("ReportKind", self.title)


def _unit(db: Database) -> str:
    return unit_profile(db).unit_name


def _daily_name(db: Database, _first: date, day: date) -> str:
    return reports.suggested_name(_unit(db), reports.daily_form(db, day), day)


def _daily(
    db: Database, _first: date, day: date, target: Path, progress: Progress | None = None
) -> str:
    return reports.export_daily(db, day, target, progress=progress).summary


def _named(form: str) -> Callable[[Database, date, date], str]:
    def name(db: Database, _first: date, last: date) -> str:
        return reports.suggested_name(_unit(db), form, last)

    return name


def _roster(
    db: Database, _first: date, day: date, target: Path, progress: Progress | None = None
) -> str:
    return reports.export_roster(db, day, target, progress=progress).summary


def _assignments(
    db: Database, _first: date, day: date, target: Path, progress: Progress | None
) -> str:
    return reports.export_assignments(db, day, target, progress=progress).summary


def _temperatures(
    db: Database, first: date, last: date, target: Path, progress: Progress | None
) -> str:
    return reports.export_temperatures(db, first, last, target, progress=progress).summary


def _vehicles_name(db: Database, _first: date, last: date) -> str:
    from app.services.checkpoints import vehicles_file_name

    return vehicles_file_name(db, last)


def _vehicles(
    db: Database, first: date, last: date, target: Path, progress: Progress | None
) -> str:
    from app.services.checkpoints import export_vehicles

    summary = export_vehicles(db, first, last, target, progress=progress)
    totals = summary.totals
    return QCoreApplication.translate(
        "ReportKind", "已导出卡点车辆登记表：检查车辆 {vehicles} 辆，劝返车辆 {back} 辆"
    ).format(vehicles=totals.vehicles, back=totals.turned_back_vehicles)


def _rounds_name(db: Database, _first: date, day: date) -> str:
    from app.services.readings_import import suggested_sheet_name

    return suggested_sheet_name(db, day)


def _rounds(
    db: Database, _first: date, day: date, target: Path, progress: Progress | None = None
) -> str:
    from app.services.readings_import import export_rounds_sheet

    del progress  # one day's sheet is written at once
    export_rounds_sheet(db, day, target)
    return QCoreApplication.translate("ReportKind", "已导出体温填报表")


DAILY = ReportKind(
    "daily", QT_TRANSLATE_NOOP("ReportKind", "日报表（零报告）"), False, 1, _daily_name, _daily
)
KINDS: list[ReportKind] = [
    DAILY,
    ReportKind(
        "roster",
        QT_TRANSLATE_NOOP("ReportKind", "在管人员台账"),
        False,
        1,
        _named(reports.FORM_ROSTER),
        _roster,
    ),
    ReportKind(
        "temperatures",
        QT_TRANSLATE_NOOP("ReportKind", "体温台账"),
        True,
        14,
        _named(reports.FORM_TEMPERATURES),
        _temperatures,
    ),
    ReportKind(
        "assignments",
        QT_TRANSLATE_NOOP("ReportKind", "包保责任表"),
        False,
        1,
        _named(reports.FORM_ASSIGNMENTS),
        _assignments,
    ),
    ReportKind(
        "vehicles",
        QT_TRANSLATE_NOOP("ReportKind", "卡点车辆登记表"),
        True,
        1,
        _vehicles_name,
        _vehicles,
    ),
    ReportKind(
        "rounds-sheet",
        QT_TRANSLATE_NOOP("ReportKind", "体温填报表"),
        False,
        1,
        _rounds_name,
        _rounds,
    ),
]


def kind(key: str) -> ReportKind:
    for item in KINDS:
        if item.key == key:
            return item
    raise KeyError(key)
