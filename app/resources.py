"""Where shipped files (icons, translations, styles) live, in a source run and in a frozen build.

In a source checkout they are in ``resources/`` at the project root; PyInstaller unpacks the
bundle's data files under ``sys._MEIPASS`` and ``build.spec`` puts them in ``resources/`` there.
"""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_root() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return _SOURCE_ROOT / "resources"


def resource_path(*parts: str) -> Path:
    """``resource_path("icons", "today.svg")`` → the file, frozen or not (existence not checked)."""
    return resource_root().joinpath(*parts)
