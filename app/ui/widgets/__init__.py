"""Widgets shared by several pages (each module owned by one engineer)."""
