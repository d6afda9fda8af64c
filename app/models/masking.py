"""脱敏 — hiding most of an ID number or phone in an export, and the export's privacy context.

The policy is the domain's: the Excel writer applies it cell by cell (``Column(mask="id")`` +
``write_workbook(mask_personal=True)``), the services and the audit trail mask with the same
functions. Pure string functions: no openpyxl, cheap to import.

A clerk's choice ("mask this export", "encrypt it") is made once, at the top (a command-line
option, a checkbox next to the export button), while the file is written deep inside a service.
Rather than threading two more parameters through every service and writer, the choice travels
in a :class:`contextvars.ContextVar` (:func:`export_privacy`): ``write_workbook`` reads it, and
``atomic_save`` notes every file it wrote so the caller can encrypt exactly those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "ExportPrivacy",
    "MaskKind",
    "current_privacy",
    "export_privacy",
    "mask_id_number",
    "mask_phone",
    "mask_value",
]

MaskKind = Literal["id", "phone"]

_DIGIT_RUN = re.compile(r"\d{7,}")


def mask_id_number(value: str | None) -> str | None:
    """``110105199001010023`` → ``110105********0023``: region code and last four stay.

    The first six digits (where) and the last four (the clerk's usual "尾号" check) are enough to
    tell people apart on a township's list; the birth date in between is what identifies. Shorter
    documents (passports, 港澳通行证) keep two characters at each end. Placeholders such as ``—``
    and empty cells are left as they are.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not any(ch.isalnum() for ch in text):
        return value
    n = len(text)
    if n >= 15:
        return text[:6] + "*" * (n - 10) + text[-4:]
    if n >= 7:
        return text[:2] + "*" * (n - 4) + text[-2:]
    if n >= 3:
        return text[0] + "*" * (n - 2) + text[-1]
    return "*" * n


def mask_phone(value: str | None) -> str | None:
    """``13812345678`` → ``138****5678``; ``0571-87654321`` → ``0571-****4321``.

    Every run of seven or more digits is masked (a cell may hold two numbers); an area code
    before a dash is short and stays, so a landline still shows which town it rings in.
    """
    if value is None:
        return None
    return _DIGIT_RUN.sub(_mask_digits, str(value))


def _mask_digits(match: re.Match[str]) -> str:
    digits = match.group(0)
    keep_front = 3 if len(digits) >= 11 else 0
    return digits[:keep_front] + "*" * (len(digits) - keep_front - 4) + digits[-4:]


def mask_value(kind: MaskKind, value: object) -> object:
    """Apply the mask of ``kind`` to a cell value (non-text values pass unchanged)."""
    if not isinstance(value, str):
        return value
    return mask_id_number(value) if kind == "id" else mask_phone(value)


@dataclass
class ExportPrivacy:
    """What applies to the exports written inside one :func:`export_privacy` block."""

    mask_personal: bool = False
    saved: list[Path] = field(default_factory=list)  # every file atomic_save completed

    def note_saved(self, path: Path) -> None:
        path = Path(path)
        if path not in self.saved:
            self.saved.append(path)


_CURRENT: ContextVar[ExportPrivacy | None] = ContextVar("export_privacy", default=None)


def current_privacy() -> ExportPrivacy | None:
    """The privacy block the calling code runs in (None: a plain export)."""
    return _CURRENT.get()


@contextmanager
def export_privacy(*, mask_personal: bool) -> Iterator[ExportPrivacy]:
    """Run an export with ``mask_personal`` applied to every marked column, noting what it saved.

    Context variables are per thread: the GUI enters this block inside the background job.
    """
    state = ExportPrivacy(mask_personal=mask_personal)
    token = _CURRENT.set(state)
    try:
        yield state
    finally:
        _CURRENT.reset(token)
