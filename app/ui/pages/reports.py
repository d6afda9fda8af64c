"""报表导出 — skeleton page: what the page is for. Replaced by the real page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext
from app.ui.pages.base import BasePage, page_explanation, page_heading, standard_layout


class ReportsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = standard_layout(self)
        layout.addWidget(page_heading(self.title))
        layout.addWidget(
            page_explanation(self.tr("生成日报告、零报告和各类台账，导出为 Excel 表格报送乡镇。"))
        )
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("报表导出")
