"""体温登记 — skeleton page: what the page is for. Replaced by the real page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext
from app.ui.pages.base import BasePage, page_explanation, page_heading, standard_layout


class RoundsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = standard_layout(self)
        layout.addWidget(page_heading(self.title))
        layout.addWidget(
            page_explanation(self.tr("居家观察人员每天上午、下午两次的体温和症状登记。"))
        )
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("体温登记")
