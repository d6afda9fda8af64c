"""What every benchmark shares: the scale, timing, and one result row per measurement.

Every measurement is reported as a ratio against a *floor* measured in the same run on the same
machine (the same rows through raw ``sqlite3``, the same values through bare openpyxl, a bare Qt
window …), so the numbers mean the same on a fast desktop and on a clerk's old laptop.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Literal

TargetKind = Literal["ratio", "absolute"]


@dataclass(frozen=True)
class Scale:
    """How big the data sets are. ``COUNTY`` is the plan; ``SMOKE`` keeps the suite from rotting."""

    name: str
    persons: int  # cases (one per person)
    days: int  # registrations spread over this many days before today
    measure_days: int  # every measure's default length (observation period)
    vehicles_per_day: int
    saves: int  # durable saves timed per run
    export_rows: int  # 体温台账 long-form rows the export range is chosen to reach
    import_rows: int  # rows of the county roster workbook
    runs: int  # default number of runs per measurement
    heavy_runs: int  # default for the minute-long ones (generation, the 体温台账 export)


# 50,000 cases registered over 50 days with the 14+7-day protocol give 1.5 M readings (with
# 15-day measures and days=15 most cases would be mid-period: only 0.63 M readings).
COUNTY = Scale(
    name="county",
    persons=50_000,
    days=50,
    measure_days=21,
    vehicles_per_day=6_100,  # ~300,000 passes (today's afternoon traffic has not happened yet)
    saves=200,
    export_rows=280_000,
    import_rows=20_000,
    runs=3,
    heavy_runs=2,
)
# The scale curve (``--scale``): one office registering ~1,000 cases a day, seen on day 5, day 50
# (the county set above) and day 200. Each day's work stays the same size; the file's history
# grows 40-fold, and ~21,000 cases are under management from day 21 on.


def _series_scale(name: str, persons: int, days: int) -> Scale:
    """A point of the scale curve: the county's daily load, fewer runs (the 200k set is slow)."""
    return Scale(
        name=name,
        persons=persons,
        days=days,
        measure_days=21,
        vehicles_per_day=6_100,
        saves=100,
        export_rows=0,
        import_rows=0,
        runs=2,
        heavy_runs=1,
    )


SERIES = (
    _series_scale("series-5k", persons=5_000, days=5),
    COUNTY,
    _series_scale("series-200k", persons=200_000, days=200),
)
SMOKE = Scale(
    name="smoke",
    persons=400,
    days=20,
    measure_days=21,
    vehicles_per_day=40,
    saves=20,
    export_rows=2_000,
    import_rows=150,
    runs=2,
    heavy_runs=2,
)


@dataclass
class Measurement:
    """One row of the results table (and of the JSON file)."""

    key: str
    label: str
    unit: str  # "s", "ms" or "MB"
    ours: float  # median of ``ours_runs``
    floor: float  # median of ``floor_runs``
    target: float | None = None  # a ratio (ours / floor) or an absolute bound in ``unit``
    target_kind: TargetKind | None = None
    ours_runs: list[float] = field(default_factory=list)
    floor_runs: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor > 0 else float("inf")

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        value = self.ratio if self.target_kind == "ratio" else self.ours
        return value <= self.target

    def target_text(self) -> str:
        if self.target is None:
            return "—"
        if self.target_kind == "ratio":
            return f"≤ {self.target:g}×"
        return f"≤ {self.target:g} {self.unit}"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 3)
        data["met"] = self.met
        for name in ("ours", "floor"):
            data[name] = round(float(data[name]), 4)  # type: ignore[arg-type]
        for name in ("ours_runs", "floor_runs"):
            data[name] = [round(v, 4) for v in data[name]]  # type: ignore[attr-defined]
        return data


def measurement(
    key: str,
    label: str,
    unit: str,
    ours_runs: list[float],
    floor_runs: list[float],
    *,
    target: float | None = None,
    target_kind: TargetKind | None = None,
    note: str = "",
) -> Measurement:
    return Measurement(
        key=key,
        label=label,
        unit=unit,
        ours=statistics.median(ours_runs),
        floor=statistics.median(floor_runs),
        target=target,
        target_kind=target_kind,
        ours_runs=list(ours_runs),
        floor_runs=list(floor_runs),
        note=note,
    )


def timed(work: Callable[[], object]) -> float:
    """Wall time of one call, in seconds, with the garbage of earlier runs collected first."""
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def alternate(
    ours: Callable[[], float], floor: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Run ours and the floor in turn, ``runs`` times each: a machine that warms up or slows down
    during the run (page cache, CPU frequency) affects both sides alike."""
    ours_runs: list[float] = []
    floor_runs: list[float] = []
    for _ in range(runs):
        ours_runs.append(ours())
        floor_runs.append(floor())
    return ours_runs, floor_runs


def table(results: list[Measurement]) -> str:
    header = ["measurement", "ours (median)", "floor (median)", "ratio", "target", "met?"]
    rows = [header]
    for m in results:
        met = {True: "yes", False: "NO", None: "—"}[m.met]
        rows.append(
            [
                m.label,
                quantity(m.ours, m.unit),
                quantity(m.floor, m.unit),
                f"{m.ratio:.2f}×",
                m.target_text(),
                met,
            ]
        )
    return grid(rows, right={1, 2, 3})


def quantity(value: float, unit: str) -> str:
    """A measured value with about three significant digits: 4.20 ms, 93.5 ms, 1398 ms."""
    return f"{value:.{_digits(value)}f} {unit}"


def grid(rows: list[list[str]], *, right: set[int]) -> str:
    """A Markdown table (the first row is the header), columns in ``right`` aligned right."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [_pad(cell, widths[i], right=i in right) for i, cell in enumerate(row)]
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _digits(value: float) -> int:
    return 0 if value >= 100 else 1 if value >= 10 else 2 if value >= 1 else 3


def _width(text: str) -> int:
    """Display width: a CJK character takes two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def small_series(persons: int, days: int) -> Scale:
    """A point of the ``--smoke`` scale curve: a few seconds, only to keep the code running."""
    return Scale(
        name=f"smoke-series-{persons}",
        persons=persons,
        days=days,
        measure_days=21,
        vehicles_per_day=20,
        saves=10,
        export_rows=0,
        import_rows=0,
        runs=1,
        heavy_runs=1,
    )


SMOKE_SERIES = (small_series(100, 5), small_series(400, 20))
