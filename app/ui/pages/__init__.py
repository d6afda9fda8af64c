"""The page registry: which pages the main window offers, in navigation order (Ctrl+1 … Ctrl+8).

Each page lives in ``app/ui/pages/<key>.py`` and defines the class named in its ``PageSpec``; it is
imported only when first shown, so start-up stays fast on old laptops. The contract a page fulfils
is in ``app/ui/pages/base.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui.context import UiContext
from app.ui.pages.base import BasePage

TITLE_CONTEXT = "pages"
TODAY = "today"  # the first page: start-up gathers its data early (app/ui/app.py)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Chinese source text; show ``translated_title()``
    icon: str  # file stem under resources/icons/ (``<icon>.svg``)
    factory: Callable[[UiContext], BasePage]

    def translated_title(self) -> str:
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)


def _lazy(key: str, class_name: str) -> Callable[[UiContext], BasePage]:
    def create(ctx: UiContext) -> BasePage:
        page_class: type[BasePage] = getattr(import_module(f"app.ui.pages.{key}"), class_name)
        return page_class(ctx)

    create.__qualname__ = f"create_{key}_page"
    return create


PAGES: list[PageSpec] = [
    PageSpec(TODAY, QT_TRANSLATE_NOOP("pages", "今日"), "today", _lazy(TODAY, "TodayPage")),
    PageSpec(
        "roster", QT_TRANSLATE_NOOP("pages", "人员台账"), "roster", _lazy("roster", "RosterPage")
    ),
    PageSpec(
        "rounds", QT_TRANSLATE_NOOP("pages", "体温登记"), "rounds", _lazy("rounds", "RoundsPage")
    ),
    PageSpec(
        "nucleic",
        QT_TRANSLATE_NOOP("pages", "核酸检测"),
        "nucleic",
        _lazy("nucleic", "NucleicTestsPage"),
    ),
    PageSpec(
        "assignments",
        QT_TRANSLATE_NOOP("pages", "包保分配"),
        "assignments",
        _lazy("assignments", "AssignmentsPage"),
    ),
    PageSpec(
        "checkpoints",
        QT_TRANSLATE_NOOP("pages", "卡点登记"),
        "checkpoints",
        _lazy("checkpoints", "CheckpointsPage"),
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("pages", "报表导出"),
        "reports",
        _lazy("reports", "ReportsPage"),
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("pages", "设置"),
        "settings",
        _lazy("settings", "SettingsPage"),
    ),
    PageSpec("audit", QT_TRANSLATE_NOOP("pages", "操作留痕"), "audit", _lazy("audit", "AuditPage")),
]
