"""Notices into a PDF file: real text (``pdftotext`` finds the name), A4, one notice a page."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPdfWriter

from app import APP_NAME
from app.services import notices
from app.services.notices import Notice
from app.ui.printing.layout import a4_layout, notice_font, paint_notices, printed_text
from app.ui.printing.pdf_text import radical_aliases, restore_characters

#: Dots per inch the PDF is laid out at: text stays vector, this only rounds positions.
PDF_RESOLUTION = 300

_headless_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt draws text only inside a ``QGuiApplication``. The command line has none: make one,
    once, only when a command prints. On Linux and macOS on the offscreen platform (there may be
    no screen; fontconfig still lists the fonts). On Windows on its own platform, which needs no
    visible window and lists the system's fonts — offscreen there reads only Qt's font folder
    (``app.ui.fonts`` adds 微软雅黑/宋体 then, but a Windows without them would print boxes)."""
    global _headless_app
    if QGuiApplication.instance() is None:
        program = sys.argv[0] if sys.argv and sys.argv[0] else APP_NAME
        platform = [] if sys.platform == "win32" else ["-platform", "offscreen"]
        _headless_app = QGuiApplication([program, *platform])


def write_pdf(items: list[Notice], target: Path, *, title: str) -> None:
    """Write ``items`` to ``target`` atomically (a scratch file, then one rename)."""
    ensure_gui_application()

    def write(scratch: Path) -> None:
        writer = QPdfWriter(str(scratch))
        writer.setPageLayout(a4_layout())
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        paint_notices(writer, items)
        del writer  # the file is let go of now: Windows cannot rename a file still open
        text = "".join(printed_text(item) for item in items)
        restore_characters(scratch, radical_aliases(text, (notice_font(), notice_font(True))))

    notices.save_document(target, write)
