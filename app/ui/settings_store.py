"""Per-user window preferences (QSettings): geometry, table headers, the interface language.

These are preferences of the person at this computer, not ledger policy — policy settings live in
the ledger database (``app.config.Settings``). Tests point the store at a temp ini file with
``use_settings_file`` so they never touch the real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "FangyiLedger"
APPLICATION = "FangyiLedger"

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_override: Path | None = None


def use_settings_file(path: Path | None) -> None:
    """Store preferences in this ini file instead of the user's (``None`` restores the default)."""
    global _override
    _override = path


def open_settings() -> QSettings:
    """A QSettings on the current store; short-lived, like a database session."""
    if _override is not None:
        return QSettings(str(_override), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def stored_language() -> str:
    value = open_settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def store_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    settings = open_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()
