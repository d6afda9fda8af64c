"""The Chinese UI font, also where Qt's font list comes up empty.

Qt's ``offscreen`` platform on Windows (``gui --self-test`` in CI) lists fonts from the Fonts
folder but skips ``.ttc`` collections — and the Chinese fonts Windows 10 ships, 微软雅黑 and 宋体,
are exactly those. ``QFontDatabase.addApplicationFont`` does read a collection, so when no
Chinese family is found on Windows they are added from ``%WINDIR%\\Fonts`` by hand.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

#: Chinese-capable UI fonts, best first: Windows, macOS, Linux, and 宋体 as Windows' last resort.
FONT_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)

#: The collections holding 微软雅黑 and 宋体 in every Windows 10 and later.
WINDOWS_FONT_FILES = ("msyh.ttc", "simsun.ttc")


def windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def add_font_files(folder: Path, names: Iterable[str] = WINDOWS_FONT_FILES) -> list[str]:
    """Add the font files ``names`` found in ``folder`` to the application; the families they
    bring. A missing file is skipped (Wine's Fonts folder has neither)."""
    families: list[str] = []
    for name in names:
        path = folder / name
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            log.info("font file %s could not be loaded", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def chinese_families(wanted: Sequence[str] = FONT_FAMILIES) -> list[str]:
    """The families of ``wanted`` Qt can use, best first; on Windows the system's collections
    are added first when Qt lists none of them."""
    available = _installed(wanted)
    if not available and sys.platform == "win32":
        add_font_files(windows_fonts_dir())
        available = _installed(wanted)
    return available


def choose_font(app: QApplication) -> None:
    """Make the best Chinese family the application's font (a warning when there is none)."""
    available = chinese_families()
    if not available:
        log.warning("no Chinese UI font found among %s", ", ".join(FONT_FAMILIES))
        return
    font = app.font()
    font.setFamilies(available)
    app.setFont(font)
    log.info("UI font %s", available[0])


def _installed(wanted: Sequence[str]) -> list[str]:
    installed = set(QFontDatabase.families())
    return [family for family in wanted if family in installed]
