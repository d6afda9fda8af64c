"""The contract between the main window and a page. Keep it tiny.

A page module ``app/ui/pages/<key>.py`` defines one ``BasePage`` subclass and is registered in
``app/ui/pages/__init__.py``. The main window:

* creates the page lazily, the first time it is shown: ``Page(ctx)``;
* calls ``refresh()`` every time the page is shown, and again while it is visible whenever a
  ``ctx.events`` signal fires — so ``refresh`` reloads from the database, is cheap enough to run
  often, and keeps the current selection where it can;
* reads ``title`` (translated) for the window title;
* calls ``open_item(ref)`` after showing the page when another page (Today) navigates to one item —
  define it only if the page can do that; what ``ref`` is (usually a row id) is the page's business;
* remembers the header state of every ``QTableView`` in the page (give each an ``objectName``).

Data comes from the services as plain dataclasses (convention 3); long operations go through
``app.ui.worker.run_in_background``; a page that changes data emits the matching
``ctx.events.<part>_changed`` signal.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.context import UiContext


class BasePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @property
    def title(self) -> str:
        """The page's name as the navigation shows it (translated). Subclasses override."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the database."""


def page_heading(text: str) -> QLabel:
    """The large title at the top of a page."""
    label = QLabel(text)
    label.setObjectName("pageHeading")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def page_explanation(text: str) -> QLabel:
    """One or two sentences under the heading saying what the page is for."""
    label = QLabel(text)
    label.setObjectName("pageExplanation")
    label.setWordWrap(True)
    return label


def standard_layout(page: QWidget) -> QVBoxLayout:
    """The page's vertical layout with the shell's margins."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    return layout


def headed_layout(page: BasePage, explanation: str) -> QVBoxLayout:
    """The page's layout, begun with its title and the sentences saying what it is for."""
    layout = standard_layout(page)
    layout.addWidget(page_heading(page.title))
    layout.addWidget(page_explanation(explanation))
    return layout
