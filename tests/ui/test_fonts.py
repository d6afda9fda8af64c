"""The Chinese UI font where Qt lists none: Windows' own .ttc collections are added by hand."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.fonts import FONT_FAMILIES, add_font_files, windows_fonts_dir

# A real font collection: 微软雅黑 on Windows, Noto Sans CJK (fonts-noto-cjk) on Linux.
COLLECTION = (
    windows_fonts_dir() / "msyh.ttc"
    if sys.platform == "win32"
    else Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
)


def test_a_ttc_collection_in_the_fonts_folder_gives_a_chinese_ui_family(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shutil.copy(COLLECTION, tmp_path / "msyh.ttc")  # the Fonts folder holds no simsun.ttc

    families = add_font_files(tmp_path)

    assert set(families) & set(FONT_FAMILIES), families


def test_the_fonts_folder_is_the_one_windows_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", r"C:\windows")  # Wine's spelling
    assert windows_fonts_dir() == Path(r"C:\windows") / "Fonts"
