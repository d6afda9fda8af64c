"""Every string of every module under app/ui is translated, and the compiled .qm files are current.

Fails for a new or changed module until its English is filled in: run
``python scripts/update_translations.py``, translate the new entries in ``resources/i18n/en/*.ts``
(delete ``type="unfinished"``), then run the script again to compile the .qm files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"


def test_every_ui_string_is_translated_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
