"""Interface language (convention 7). Source strings are Simplified Chinese, the default; English
is a translation compiled from ``resources/i18n/en/*.ts`` (one file per UI module, so engineers
working in parallel never edit the same file). Regenerate with ``scripts/update_translations.py``.

For Chinese, Qt's own ``qtbase_zh_CN.qm`` is installed so standard buttons (OK, Cancel, Yes, No)
are Chinese too; Qt's built-in strings are already English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
ENGLISH = "en"

_installed: list[QTranslator] = []
_previous_locale: QLocale | None = None


def normalize_language(text: str | None) -> str:
    """``en``, ``en_US``, ``en-GB`` … → ``en``; anything else (``zh``, ``zh-CN``) → ``zh_CN``."""
    value = (text or "").strip().lower().replace("-", "_")
    return ENGLISH if value.startswith("en") else CHINESE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace any translators installed before with those for ``language``; returns them."""
    global _previous_locale
    remove_translators(app)
    language = normalize_language(language)
    if _previous_locale is None:
        _previous_locale = QLocale()
    files: list[Path] = []
    if language == ENGLISH:
        files = sorted(resource_path("i18n", "en").glob("*.qm"))
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        files = [_qt_base_chinese()]
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for file in files:
        translator = QTranslator(app)
        if translator.load(str(file)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation file not loaded: %s", file)
    log.info("interface language %s (%d translation files)", language, len(_installed))
    return list(_installed)


def remove_translators(app: QCoreApplication) -> None:
    """Undo ``install_translators`` (tests; switching language in-process)."""
    global _previous_locale
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    if _previous_locale is not None:
        QLocale.setDefault(_previous_locale)
        _previous_locale = None


def _qt_base_chinese() -> Path:
    """Qt's own Chinese strings: from Qt's translations dir, or a copy shipped in resources."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    shipped = resource_path("i18n", "qt", "qtbase_zh_CN.qm")
    return shipped if shipped.is_file() else qt_dir / "qtbase_zh_CN.qm"
