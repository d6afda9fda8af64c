"""设置 — skeleton page: what the page is for. Replaced by the real page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext
from app.ui.pages.base import BasePage, page_explanation, page_heading, standard_layout


class SettingsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = standard_layout(self)
        layout.addWidget(page_heading(self.title))
        layout.addWidget(
            page_explanation(
                self.tr(
                    "填报单位信息、人员类别、管控措施与观察天数、包保角色、发热判定标准和自动备份。"
                )
            )
        )
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("设置")
