"""报表导出 — the reports sent upward: this unit's forms, and the township's merge of villages.

Two tabs: 导出报表 (pick a form and dates, see the day's numbers, export) and 乡镇汇总 (add the
villages' daily reports, see a row per village and 合计, write one report). Opening the page
selects today's 日报表, so "今日零报告/日报" is 导出 and 保存.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.context import UiContext
from app.ui.pages.base import BasePage, headed_layout
from app.ui.reports.export_panel import ExportPanel
from app.ui.reports.merge_panel import MergePanel


class ReportsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = headed_layout(
            self,
            self.tr(
                "生成日报表（无新情况时自动为零报告）和各类台账，导出为 Excel 报送乡镇；"
                "乡镇可在“乡镇汇总”中合并各村的日报表。"
            ),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.export_panel = ExportPanel(ctx)
        self.merge_panel = MergePanel(ctx)
        self.tabs.addTab(self.export_panel, self.tr("导出报表"))
        self.tabs.addTab(self.merge_panel, self.tr("乡镇汇总"))
        layout.addWidget(self.tabs, 1)

    @property
    def title(self) -> str:
        return self.tr("报表导出")

    def refresh(self) -> None:
        self.export_panel.refresh()

    def open_item(self, ref: object) -> None:
        """``navigate("reports", "daily")`` opens with that form selected (Today's 日报 link)."""
        if isinstance(ref, str):
            self.tabs.setCurrentWidget(self.export_panel)
            self.export_panel.select_kind(ref)
            self.export_panel.export_button.setFocus()
