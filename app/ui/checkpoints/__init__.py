"""Widgets of the 卡点登记 page: plate input, entry form, occupants editor, today's log,
the checkpoint manager (also embedded in Settings), the 转入居家观察 dialog, the export dialog."""
