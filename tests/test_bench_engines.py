"""``python -m bench --engine postgresql --smoke`` still runs: every measurement comes back on
both engines (nothing about the machine's speed is asserted)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import URL

from bench.engines import BENCH_PG_URL_ENV, ENGINE_KEYS
from tests.helpers.pinned_clock import child_clock

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.postgresql
def test_engine_benchmark_measures_postgresql_beside_sqlite(tmp_path: Path, pg_server: URL) -> None:
    out = tmp_path / "engines.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path)) | child_clock()
    env[BENCH_PG_URL_ENV] = pg_server.render_as_string(hide_password=False)
    env.pop("FANGYI_DATA_DIR", None)
    finished = subprocess.run(
        [sys.executable, "-m", "bench", "--engine", "postgresql", "--smoke", "--out", str(out)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]

    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["engine"], document["scale"]) == ("postgresql", "smoke")
    by_key = {m["key"]: m for m in document["measurements"]}
    assert list(by_key) == list(ENGINE_KEYS)
    for key, m in by_key.items():
        assert m["ours"] > 0 and m["floor"] > 0, key
        assert math.isfinite(m["ratio"]), key
        assert m["label"] in finished.stdout
