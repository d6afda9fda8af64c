"""The forms the ledger exports, declared once for the 报表导出 page, the settings and ``export``.

Each form has one key (the command line's ``export KIND``, the page's choice, the settings' masking
default), its titles, its command-line help and the days it covers. The page and the command line
add only how they ask and what they print; a new form is one entry here plus its writer.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EXPORT_FORMS", "TITLE_CONTEXT", "ExportForm", "export_form"]

#: Qt translation context of the titles (the interface translates, the domain declares).
TITLE_CONTEXT = "ExportForm"


@dataclass(frozen=True)
class ExportForm:
    key: str  # e.g. "rounds-sheet"
    title: str  # what a clerk calls it (settings, messages)
    page_title: str  # how the 报表导出 page lists it
    help: str  # one line of ``export --help``
    ranged: bool  # asks for 从 … 到 …; otherwise one day
    default_days: int  # how many days a range covers unless told (ranged forms)


EXPORT_FORMS: tuple[ExportForm, ...] = (
    ExportForm(
        "daily",
        "日报表",
        "日报表（零报告）",
        "日报表（当天无新增、发热、转运、劝返时自动为零报告）",
        ranged=False,
        default_days=1,
    ),
    ExportForm(
        "roster",
        "在管人员台账",
        "在管人员台账",
        "在管人员台账（含每人的包保人员姓名和电话）",
        ranged=False,
        default_days=1,
    ),
    ExportForm(
        "temperatures",
        "体温台账",
        "体温台账",
        "体温台账（每人每天一行，另附14天体温登记表）",
        ranged=True,
        default_days=14,
    ),
    ExportForm(
        "assignments",
        "包保责任表",
        "包保责任表",
        "包保责任表（缺少的角色标为“未落实”）",
        ranged=False,
        default_days=1,
    ),
    ExportForm(
        "vehicles",
        "卡点车辆登记表",
        "卡点车辆登记表",
        "卡点车辆登记表（每辆车一行，另附车上人员表和检查/劝返合计）",
        ranged=True,
        default_days=1,
    ),
    ExportForm(
        "rounds-sheet",
        "体温填报表",
        "体温填报表",
        "当天的体温填报表（供上门测温填写，填好后用 import-readings 导入）",
        ranged=False,
        default_days=1,
    ),
)
_BY_KEY = {form.key: form for form in EXPORT_FORMS}


def export_form(key: str) -> ExportForm:
    return _BY_KEY[key]
