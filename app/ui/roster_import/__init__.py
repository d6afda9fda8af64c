"""导入人员名单 — the roster import dialog (preview, problems, all-or-nothing import)."""
