"""Cold start of the real program: a window first, the heavy libraries only when used.

``python -m app gui`` is run as a clerk's shortcut would run it (offscreen, with the benchmark's
start-up marker so that it exits once Today has its numbers on screen). Nothing here is timed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.config import AppPaths
from app.ui.app import STARTUP_MARKER_ENV
from app.ui.startup_probe import TODAY_SUFFIX
from tests.helpers.ledgers import make_demo_ledger

PROJECT = Path(__file__).resolve().parents[2]
#: Loaded when a workbook is read or written, a name is typed, an encrypted file is opened.
ON_DEMAND = ("openpyxl", "pypinyin", "msoffcrypto", "lxml")


def _clerk_environment(home: Path, marker: str | None = None) -> dict[str, str]:
    """The app as a clerk's shortcut starts it, offscreen, in a home of its own; with ``marker``
    it prints it once its window and once Today's numbers are shown, then exits."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env.pop("FANGYI_DATA_DIR", None)
    env.pop(STARTUP_MARKER_ENV, None)
    if marker:
        env[STARTUP_MARKER_ENV] = marker
    return env


def test_start_shows_todays_numbers_without_the_excel_and_pinyin_libraries(
    paths: AppPaths, tmp_path: Path
) -> None:
    make_demo_ledger(paths, persons=30, days=5)
    env = _clerk_environment(tmp_path, marker="STARTED")
    # One stream, in the order written: the import log (stderr, unbuffered) and the markers.
    finished = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(paths.data_dir), "gui"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    lines = finished.stdout.splitlines()
    assert finished.returncode == 0, finished.stdout[-3000:]
    assert [line for line in lines if line.startswith("STARTED")] == [
        "STARTED",
        f"STARTED {TODAY_SUFFIX}",
    ]
    modules = [line.split("|")[-1].strip() for line in lines if line.startswith("import time:")]
    imported = {module.split(".")[0] for module in modules}
    assert "sqlalchemy" in imported  # the import log is complete
    assert imported.isdisjoint(ON_DEMAND)
    # The command-line commands (and the services only they use) are not loaded for the GUI.
    assert not {m for m in modules if m.startswith("app.commands")}
    # The first window was on screen before SQLAlchemy, the models or any page was loaded.
    before_window = lines[: lines.index("STARTED")]
    loaded_first = {line.split("|")[-1].strip() for line in before_window}
    assert not {m for m in loaded_first if m.split(".")[0] == "sqlalchemy"}
    assert not {m for m in loaded_first if m.startswith(("app.models", "app.db", "app.ui.pages"))}


def test_garbage_collection_resumes_once_the_start_up_is_over(
    paths: AppPaths, tmp_path: Path
) -> None:
    """The collector is held off while the app starts (app/startup_gc.py); a clerk's session that
    goes on must get it back, or memory held in reference cycles would never be freed."""
    make_demo_ledger(paths, persons=10, days=2)
    env = _clerk_environment(tmp_path)
    gui = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(paths.data_dir), "gui"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log = paths.logs / "fangyi-ledger.log"
    resumed = "start-up over: garbage collection resumed"
    give_up = time.monotonic() + 60
    try:
        while not (log.exists() and resumed in log.read_text(encoding="utf-8")):
            assert gui.poll() is None, gui.communicate()[0][-3000:]
            assert time.monotonic() < give_up, "the collector was never resumed"
            time.sleep(0.1)
    finally:
        gui.send_signal(signal.SIGTERM)
        output = gui.communicate(timeout=60)[0]
    assert gui.returncode == 0, output[-3000:]
    assert "Traceback" not in output
