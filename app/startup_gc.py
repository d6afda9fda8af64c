"""The cyclic garbage collector held off while the desktop app starts.

A cold start builds a few hundred thousand objects that live as long as the app (SQLAlchemy, the
models, the Qt wrappers) and makes little garbage, yet the collector walked them over and over:
~0.14 s of a county-scale start, with a full pass of ~60 ms landing just as Today drew its numbers
(bench/startup.py). So collection waits until the start-up is over; then one full pass clears what
the start-up did leave, the survivors are frozen out of every later pass (``gc.freeze``: a full
pass in the middle of a clerk's typing then walks only what came after) and collection goes on.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

_held = False
_frozen = False


def hold() -> None:
    """No cyclic collection until :func:`resume` (reference counting still frees most objects)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """Collect once, freeze what survives (the first time in a process: what outlives the first
    start-up lives as long as the app), collect as normal again. Safe to call twice, and a no-op
    when :func:`hold` did not disable the collector (someone else did, or nobody)."""
    global _held, _frozen
    if not _held:
        return
    _held = False
    gc.collect()
    if not _frozen:
        _frozen = True
        gc.freeze()
    gc.enable()
    log.info("start-up over: garbage collection resumed, %d objects frozen", gc.get_freeze_count())


def held() -> bool:
    """Whether :func:`hold` has the collector off now."""
    return _held
