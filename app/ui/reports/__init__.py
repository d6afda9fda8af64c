"""Widgets of the 报表导出 page: the export panel, the township merge panel, their table model."""
