"""Cold start: the app with the county ledger open vs a bare PySide6 window, as fresh processes.

Both children run offscreen with a private HOME (no remembered page or window layout) and print a
marker line once their window is shown; the app does so when ``FANGYI_STARTUP_MARKER`` is set
(``app/ui/app.py``) for its first window (the start-up shell, up before the ledger and SQLAlchemy
are loaded), again once Today has its numbers, and then exits. Time is measured from
spawning the process to reading the marker; peak memory is the child's ``ru_maxrss``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.clean_close import forget_clean_close
from app.config import resolve_paths
from app.ui.startup_probe import TODAY_SUFFIX
from bench.harness import Measurement, measurement

MARKER = "FANGYI-BENCH-WINDOW-SHOWN"
TODAY_MARKER = f"{MARKER} {TODAY_SUFFIX}"  # Today's numbers on screen (app/ui/startup_probe.py)
MARKER_ENV = "FANGYI_STARTUP_MARKER"

BARE_WINDOW = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.processEvents()
print({MARKER!r}, flush=True)
"""


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
    )
    # Compiled modules are kept in the private home, as an installed or frozen app has them:
    # with PYTHONDONTWRITEBYTECODE set (as on the development machine) the checkout's ``app`` has
    # no ``__pycache__``, and compiling its ~80 modules afresh cost every start ~0.09 s of CPU
    # that a clerk never pays. The untimed first start in ``bench_startup`` writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env[MARKER_ENV] = MARKER
    env.pop("FANGYI_DATA_DIR", None)
    return env


# Spawned by a small launcher process: a child forked straight from the bench (hundreds of MB by
# then) would count the bench's memory in its own ru_maxrss, which Linux carries across exec.
LAUNCHER = f"""
import json, os, subprocess, sys, time
args = json.loads(sys.argv[1])
start = time.perf_counter()
child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
shown = today = None
for line in child.stdout:
    if line.strip() == {MARKER!r}:
        shown = time.perf_counter() - start
    elif line.strip() == {TODAY_MARKER!r}:
        today = time.perf_counter() - start
        break
child.stdout.read()
errors = child.stderr.read()
_pid, status, usage = os.wait4(child.pid, 0)
print(json.dumps({{"shown": shown, "today": today, "code": os.waitstatus_to_exitcode(status),
                  "maxrss_kb": usage.ru_maxrss, "errors": errors[-4000:]}}))
"""


@dataclass(frozen=True)
class Started:
    shown: float  # seconds until the window was shown
    today: float | None  # … until the first page's data was on screen (None: a bare window)
    megabytes: float  # peak resident memory


def run_child(args: list[str], env: dict[str, str], cwd: Path) -> Started:
    """When the child printed its markers, and its peak resident memory."""
    launched = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, json.dumps(args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(launched.stdout)
    if report["shown"] is None or report["code"] != 0:
        raise RuntimeError(
            f"{args[1:3]} exited {report['code']} without showing a window:\n{report['errors']}"
        )
    return Started(report["shown"], report["today"], report["maxrss_kb"] / 1024)  # Linux: kB


def bench_startup(data_dir: Path, project: Path, runs: int) -> list[Measurement]:
    ours: list[Started] = []
    bare: list[Started] = []
    app_args = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "gui"]
    bare_args = [sys.executable, "-c", BARE_WINDOW]
    with tempfile.TemporaryDirectory(prefix="fangyi-bench-home-") as home:
        env = _environment(Path(home))
        run_child(bare_args, env, project)  # warm the page cache for Qt's own libraries
        run_child(app_args, env, project)  # untimed: writes the compiled modules (see above)
        # First as after a crash: no clean close recorded (app/clean_close.py), so the open runs
        # quick_check. Timed apart; the runs after it start as on a normal morning, after the
        # app was closed properly.
        forget_clean_close(resolve_paths(data_dir).database)
        after_crash = run_child(app_args, env, project)
        for _ in range(runs):
            ours.append(run_child(app_args, env, project))
            bare.append(run_child(bare_args, env, project))
    missing = [n for n, started in enumerate(ours) if started.today is None]
    if missing:
        raise RuntimeError(f"the app never showed Today's numbers (runs {missing})")
    bare_shown = [b.shown for b in bare]
    return [
        measurement(
            "startup_time",
            "cold start to first window shown",
            "s",
            [o.shown for o in ours],
            bare_shown,
            target=4.0,
            target_kind="ratio",
            note=(
                "fresh process, offscreen, closed cleanly the time before; the first window is "
                "the start-up shell (app/ui/startup_shell.py), shown before the ledger opens; "
                f"after an unclean close (quick_check) {after_crash.shown:.2f} s; "
                "floor = bare QMainWindow"
            ),
        ),
        measurement(
            "startup_today",
            "cold start to Today's numbers on screen",
            "s",
            [o.today or 0.0 for o in ours],
            bare_shown,
            target=1.0,
            target_kind="absolute",
            note=(
                "the day's numbers and lists gathered on the worker, shown; after an unclean "
                f"close {after_crash.today or 0:.2f} s; floor = bare window"
            ),
        ),
        measurement(
            "startup_memory",
            "peak memory at start-up",
            "MB",
            [o.megabytes for o in ours],
            [b.megabytes for b in bare],
            target=300,
            target_kind="absolute",
            note="ru_maxrss of the child, including the first page's background loading",
        ),
    ]
