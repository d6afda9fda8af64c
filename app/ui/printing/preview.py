"""打印预览: the papers on screen as they will come out of the printer, with 打印 and 另存为 PDF.

``preview_case_notice`` is what a page calls with a case id (the roster's print menu, the release
action offering the 解除隔离通知书); ``preview_door_signs`` is the batch of a day's door signs.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QToolBar, QWidget

from app.services import notices
from app.services.errors import ServiceError
from app.services.notice_templates import NoticeKind
from app.services.notices import Notice
from app.ui import messages
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.printing.layout import a4_layout, paint_notices
from app.ui.printing.pdf import write_pdf
from app.ui.widgets.file_dialogs import remember_folder, remembered_folder, save_file_path

log = logging.getLogger(__name__)

FOLDER_KEY = "notices/last_folder"


class NoticePreview(QPrintPreviewDialog):
    """Print preview of ``items``, one A4 page each; the toolbar gains 另存为 PDF."""

    def __init__(
        self, items: list[Notice], title: str, file_stem: str, parent: QWidget | None = None
    ) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setDocName(title)
        super().__init__(printer, parent)
        self.printer = printer  # the dialog does not own it: keep it alive as long as the dialog
        self.items = items
        self.title = title
        self.file_stem = file_stem
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self._fit_to_screen(900, 1000)
        self.paintRequested.connect(lambda device: paint_notices(device, self.items))
        self.save_pdf_action = QAction(self.tr("另存为 PDF…"), self)
        self.save_pdf_action.triggered.connect(lambda _checked=False: self.save_pdf())
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_pdf_action)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """A4 upright wants height; a village laptop has 768 pixels of it (the toolbar and the
        buttons must stay on screen, the page scrolls)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 40)
        self.resize(width, height)

    def save_pdf(self, target: Path | None = None) -> Path | None:
        """Write the PDF (asking where when ``target`` is None); the path, or None."""
        if target is None:
            folder = remembered_folder(FOLDER_KEY, Path.home())
            target = save_file_path(
                self, self.tr("另存为 PDF"), folder / f"{self.file_stem}.pdf", "PDF (*.pdf)"
            )
            if target is None:
                return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(f"{target.name}.pdf")
        try:
            with refusal_shown(self) as refused:
                write_pdf(self.items, target, title=self.title)
        except OSError as error:  # the folder went away, no permission, a full disk
            messages.show_error(self, str(error))
            return None
        if refused:
            return None
        remember_folder(FOLDER_KEY, target.parent)
        log.info("notices saved as PDF: %s (%d pages)", target, len(self.items))
        return target


def open_preview(
    parent: QWidget | None, items: list[Notice], title: str, file_stem: str
) -> NoticePreview:
    dialog = NoticePreview(items, title, file_stem, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def preview_case_notice(
    parent: QWidget | None, ctx: UiContext, kind: NoticeKind, case_id: int
) -> NoticePreview | None:
    """The paper ``kind`` of one case in print preview; a refusal (not released yet …) is shown
    as a message and gives None."""
    try:
        item = notices.notice_for_case(ctx.db, kind, case_id)
    except ServiceError as error:
        messages.show_error(parent, str(error))
        return None
    title = f"{kind.label} {item.person_name}"
    return open_preview(parent, [item], title, f"{kind.label}-{item.person_name}")


def preview_door_signs(parent: QWidget | None, ctx: UiContext, day: date) -> NoticePreview | None:
    """Every door sign of the cases under home isolation that started on ``day``."""
    try:
        items = notices.door_signs_started_on(ctx.db, day)
    except ServiceError as error:
        messages.show_error(parent, str(error))
        return None
    if not items:
        text = QCoreApplication.translate(
            "preview", "{day} 没有开始居家隔离的人员，没有门贴可打印。"
        )
        messages.show_info(parent, text.format(day=f"{day:%Y-%m-%d}"))
        return None
    label = NoticeKind.DOOR.label
    return open_preview(parent, items, f"{label} {day:%Y-%m-%d}", f"{label}-{day:%Y-%m-%d}")
