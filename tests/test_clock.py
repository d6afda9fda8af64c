"""The one clock: nothing in app/ or bench/ reads the time except app/clock.py, no "now" is taken at
import time, the tests' moment is pinned, and a child process runs on the moment it is handed."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app import clock
from tests.helpers.ledgers import ROOT, subprocess_env
from tests.helpers.pinned_clock import PINNED, pinned_at, pinned_environment, real_clock

# Calls that read the machine's clock directly (module.attribute, as written in the source).
FORBIDDEN = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QTime", "currentTime"),
}
SOURCES = sorted(
    p for folder in ("app", "bench") for p in (ROOT / folder).rglob("*.py") if p.name != "clock.py"
)


def _called(node: ast.Call) -> tuple[str, str] | None:
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        return (name, function.attr)
    return None


def _clock_reads(source: str, label: str) -> list[str]:
    return [
        f"{label}:{node.lineno}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _called(node) in FORBIDDEN
    ]


def _import_time_clock_calls(path: Path) -> list[str]:
    """clock.now()/clock.today() in module-level code or in a default argument value."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    evaluated_at_import: list[ast.AST] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            functions = [node] if not isinstance(node, ast.ClassDef) else node.body
            for function in functions:
                if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    arguments = function.args
                    evaluated_at_import += arguments.defaults + [
                        d for d in arguments.kw_defaults if d is not None
                    ]
        else:
            evaluated_at_import.append(node)
    return [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for root in evaluated_at_import
        for call in ast.walk(root)
        if isinstance(call, ast.Call) and _called(call) in {("clock", "now"), ("clock", "today")}
    ]


def test_only_app_clock_reads_the_machine_clock() -> None:
    hits = [
        hit
        for path in SOURCES
        for hit in _clock_reads(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert hits == []


def test_the_static_check_sees_each_way_of_reading_the_clock() -> None:
    source = "import datetime\nx = datetime.date.today()\ny = QDate.currentDate()\nz = now()\n"
    assert _clock_reads(source, "probe") == ["probe:2", "probe:3"]


def test_no_now_is_taken_at_import_time() -> None:
    assert [hit for path in SOURCES for hit in _import_time_clock_calls(path)] == []


@pytest.mark.skipif(real_clock(), reason="the suite runs on the machine's (faked) clock")
def test_every_test_starts_at_the_pinned_moment() -> None:
    moment = clock.now()
    assert PINNED <= moment < PINNED + timedelta(minutes=1)
    assert clock.today() == date.today() == PINNED.date()


def test_a_block_can_pin_another_moment() -> None:
    with pinned_at(datetime(2026, 12, 31, 23, 59, 30)):
        assert clock.today() == date(2026, 12, 31)
        assert clock.now().strftime("%H:%M") == "23:59"


def test_a_child_process_runs_on_the_moment_it_is_handed() -> None:
    env = subprocess_env() | pinned_environment(datetime(2022, 2, 10, 12, 0))
    code = "from app import clock; print(clock.now().isoformat(), clock.today())"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 0, run.stderr
    moment, day = run.stdout.split()
    assert moment.startswith("2022-02-10T12:00:")  # and running on from there
    assert day == "2022-02-10"


@pytest.mark.skipif(
    not os.environ.get("FAKETIME", "").startswith("@"),
    reason="only on scripts/test.sh's faked clock (libfaketime)",
)
def test_on_the_faked_clock_each_test_starts_at_the_runs_moment() -> None:
    moment = datetime.fromisoformat(os.environ["FAKETIME"][1:].removesuffix(" x1"))
    assert moment - timedelta(seconds=1) <= clock.now() < moment + timedelta(minutes=1)
    assert clock.today() == date.today() == moment.date()
