"""The forms the 报表导出 page offers, each with how it is named and how it is written.

Plain functions over the services (run in the background worker). Which forms there are, their
titles and the days they cover are declared once in ``app.services.export_forms`` (the command
line's ``export`` kinds are the same forms); the page adds how each is named and written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services import reports
from app.services.export_forms import EXPORT_FORMS, TITLE_CONTEXT, ExportForm
from app.services.ledger import Database
from app.services.reference import unit_profile

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportKind:
    form: ExportForm
    file_name: Callable[[Database, date, date], str]
    # (db, first, last, target, progress=None) → a sentence for the clerk; run by the worker,
    # which hands over ``progress`` by keyword
    export: Callable[..., str]

    @property
    def key(self) -> str:
        return self.form.key

    @property
    def title(self) -> str:  # Chinese source text; show ``translated_title()``
        return self.form.page_title

    @property
    def ranged(self) -> bool:  # asks for 从 … 到 …; otherwise one day
        return self.form.ranged

    @property
    def default_days(self) -> int:  # how many days a range covers when the page opens
        return self.form.default_days

    def translated_title(self) -> str:
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)


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


def _tests_name(db: Database, _first: date, last: date) -> str:
    from app.services.nucleic_reports import FORM_TESTS

    return reports.suggested_name(_unit(db), FORM_TESTS, last)


def _tests(db: Database, first: date, last: date, target: Path, progress: Progress | None) -> str:
    from app.services.nucleic_reports import export_tests

    del progress  # a few hundred rows: written at once
    return export_tests(db, first, last, target).summary


#: How the page names and writes each form, by its key.
_WRITERS: dict[str, tuple[Callable[[Database, date, date], str], Callable[..., str]]] = {
    "daily": (_daily_name, _daily),
    "roster": (_named(reports.FORM_ROSTER), _roster),
    "temperatures": (_named(reports.FORM_TEMPERATURES), _temperatures),
    "assignments": (_named(reports.FORM_ASSIGNMENTS), _assignments),
    "vehicles": (_vehicles_name, _vehicles),
    "rounds-sheet": (_rounds_name, _rounds),
    "tests": (_tests_name, _tests),
}
KINDS: list[ReportKind] = [ReportKind(form, *_WRITERS[form.key]) for form in EXPORT_FORMS]


def kind(key: str) -> ReportKind:
    for item in KINDS:
        if item.key == key:
            return item
    raise KeyError(key)
