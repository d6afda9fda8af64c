"""The day's report in one click: the save dialog (titled 保存零报告 only on a zero-report day,
prefilled with the township's usual file name), then the export in the background.

Used by Today's 导出今日日报; the reports page names its dialog with ``save_title`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services import privacy, reports
from app.services.privacy import ExportProtection
from app.ui.context import UiContext
from app.ui.reports import files
from app.ui.reports.kinds import kind
from app.ui.worker import run_in_background


def save_title(db_form: str) -> str:
    """保存零报告 / 保存日报表 — what the file really is, never both."""
    if db_form == reports.FORM_ZERO:
        return QCoreApplication.translate("daily_export", "保存零报告")
    return QCoreApplication.translate("daily_export", "保存日报表")


def export_daily_report(
    parent: QWidget,
    ctx: UiContext,
    day: date,
    *,
    on_done: Callable[[Path, str], None],
    on_error: Callable[[BaseException], None],
) -> bool:
    """Ask where to save ``day``'s report and export it; False when the clerk cancelled."""
    daily = kind("daily")
    form = reports.daily_form(ctx.db, day)
    folder = files.export_folder(ctx.paths.exports)
    suggested = folder / daily.file_name(ctx.db, day, day)  # the township's usual name
    target = files.ask_save_path(parent, save_title(form), suggested)
    if target is None:
        return False
    protection = ExportProtection(mask_personal=privacy.masked_by_default(ctx.db, "daily"))

    def done(summary: str) -> None:
        files.remember_export_folder(target.parent)
        on_done(target, summary)

    run_in_background(
        parent,
        privacy.protecting(daily.export, protection),
        ctx.db,
        day,
        day,
        target,
        on_done=done,
        on_error=on_error,
        progress_label=QCoreApplication.translate("daily_export", "正在导出日报表…"),
    )
    return True
