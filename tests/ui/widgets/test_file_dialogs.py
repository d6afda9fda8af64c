"""Every file dialog is the Chinese one from app/ui/widgets/file_dialogs.py."""

from __future__ import annotations

from pathlib import Path

UI = Path(__file__).resolve().parents[3] / "app" / "ui"


def test_no_module_builds_its_own_file_dialog() -> None:
    # A static QFileDialog.getOpenFileName/getSaveFileName leaves "Look in:" and "Files of
    # type:" in English on Linux; the helper sets them.
    own = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path.name != "file_dialogs.py" and "QFileDialog" in path.read_text(encoding="utf-8")
    ]
    assert own == []
