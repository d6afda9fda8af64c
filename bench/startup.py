"""Cold start: the app with the county ledger open vs a bare PySide6 window, as fresh processes.

Both children run offscreen with a private HOME (no remembered page or window layout) and print a
marker line once their window is shown; the app does so when ``FANGYI_STARTUP_MARKER`` is set
(``app/ui/app.py``) and then exits after its background start-up work. Time is measured from
spawning the process to reading the marker; peak memory is the child's ``ru_maxrss``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.harness import Measurement, measurement

MARKER = "FANGYI-BENCH-WINDOW-SHOWN"
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
        PYTHONDONTWRITEBYTECODE="1",
    )
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
shown = None
for line in child.stdout:
    if line.strip() == {MARKER!r}:
        shown = time.perf_counter() - start
        break
child.stdout.read()
errors = child.stderr.read()
_pid, status, usage = os.wait4(child.pid, 0)
print(json.dumps({{"shown": shown, "code": os.waitstatus_to_exitcode(status),
                  "maxrss_kb": usage.ru_maxrss, "errors": errors[-4000:]}}))
"""


def run_child(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Seconds until the child printed the marker, and its peak resident memory in MB."""
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
    return report["shown"], report["maxrss_kb"] / 1024  # Linux reports kilobytes


def bench_startup(data_dir: Path, project: Path, runs: int) -> list[Measurement]:
    ours_times: list[float] = []
    ours_memory: list[float] = []
    bare_times: list[float] = []
    bare_memory: list[float] = []
    app_args = [sys.executable, "-m", "app", "--data-dir", str(data_dir), "gui"]
    bare_args = [sys.executable, "-c", BARE_WINDOW]
    with tempfile.TemporaryDirectory(prefix="fangyi-bench-home-") as home:
        env = _environment(Path(home))
        run_child(bare_args, env, project)  # warm the page cache for Qt's own libraries
        for _ in range(runs):
            seconds, megabytes = run_child(app_args, env, project)
            ours_times.append(seconds)
            ours_memory.append(megabytes)
            seconds, megabytes = run_child(bare_args, env, project)
            bare_times.append(seconds)
            bare_memory.append(megabytes)
    return [
        measurement(
            "startup_time",
            "cold start to main window shown",
            "s",
            ours_times,
            bare_times,
            target=2.5,
            target_kind="ratio",
            note="fresh process, offscreen, the data set open; floor = bare QMainWindow",
        ),
        measurement(
            "startup_memory",
            "peak memory at start-up",
            "MB",
            ours_memory,
            bare_memory,
            target=300,
            target_kind="absolute",
            note="ru_maxrss of the child, including the first page's background loading",
        ),
    ]
