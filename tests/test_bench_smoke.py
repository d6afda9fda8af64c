"""The benchmark suite still runs: ``python -m bench --smoke`` on small data, nothing timed here.

The suite measures the app at county scale (see "Benchmarks" in the README); a refactor that
renames a service or changes a page model would otherwise only be noticed by whoever runs the
full benchmark next. The numbers are not asserted — a test must not depend on the machine's
speed — only that every measurement came back with a ratio against its floor.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

from bench import MEASUREMENT_KEYS
from tests.helpers.pinned_clock import child_clock

PROJECT = Path(__file__).resolve().parent.parent


def test_smoke_benchmark_reports_every_measurement_with_a_ratio(tmp_path: Path) -> None:
    out = tmp_path / "tmp.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path)) | child_clock()
    env.pop("FANGYI_DATA_DIR", None)
    finished = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]

    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["scale"] == "smoke"
    by_key = {m["key"]: m for m in document["measurements"]}
    assert list(by_key) == list(MEASUREMENT_KEYS)
    for key, m in by_key.items():
        assert m["ours"] > 0 and m["floor"] > 0, key
        assert math.isfinite(m["ratio"]) and m["ratio"] > 0, key
        assert math.isclose(m["ratio"], m["ours"] / m["floor"], rel_tol=0.01), key
        if m["target"] is not None:
            assert isinstance(m["met"], bool), key
    # The table printed for a person holds the same rows.
    for key in MEASUREMENT_KEYS:
        assert by_key[key]["label"] in finished.stdout


def test_smoke_scale_curve_measures_every_point(tmp_path: Path) -> None:
    """``--scale`` (the README's scale curve) on two small data sets: every point carries every
    measurement of the curve with its floor, and the printed table has a row for each."""
    from bench.series import CURVE_KEYS

    out = tmp_path / "series.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    env.pop("FANGYI_DATA_DIR", None)
    finished = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--scale", "--out", str(out)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]

    document = json.loads(out.read_text(encoding="utf-8"))
    assert [p["persons"] for p in document["points"]] == [100, 400]
    for point in document["points"]:
        by_key = {m["key"]: m for m in point["measurements"]}
        assert set(CURVE_KEYS) <= set(by_key)
        for key in CURVE_KEYS:
            assert by_key[key]["ours"] > 0 and by_key[key]["floor"] > 0, key
            assert by_key[key]["label"] in finished.stdout
    assert "400 cases, day 20" in finished.stdout
