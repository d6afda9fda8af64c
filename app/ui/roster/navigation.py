"""Asking the main window to show another page, without a page knowing the window's class."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def navigate(widget: QWidget, key: str, ref: object | None = None) -> bool:
    """``MainWindow.navigate(key, ref)`` of the window holding ``widget``; False outside one."""
    target = getattr(widget.window(), "navigate", None)
    if not callable(target):
        log.warning("no main window to navigate to %s %r", key, ref)
        return False
    target(key, ref)
    return True
