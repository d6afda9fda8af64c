"""Typed errors of the Excel layer: a workbook that cannot be written or read as a whole.

What is wrong with single rows of an import (``RowProblem``, ``ImportRejected``) is a fact of
the domain, not of Excel: it lives in ``app.models.problems``.

Every message is a Chinese sentence a village clerk can act on: the UI and the command line show
``str(error)`` as it is, so nothing here may need a developer to decode it.
"""

from __future__ import annotations

from app.errors import ExpectedError, InvalidInput

__all__ = ["ExportError", "ImportFileError"]


class ExportError(ExpectedError):
    """Expected failure writing a workbook; ``str()`` is a Chinese sentence for the clerk."""


class ImportFileError(InvalidInput):
    """The file as a whole cannot be read (not an xlsx, encrypted, no sheet with a 姓名 header…)."""
