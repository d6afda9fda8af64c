"""Reading a PDF back the way a person's tools do: poppler's ``pdftotext`` and ``pdfinfo`` (real
programs; ``scripts/bootstrap.sh test`` installs poppler-utils)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

A4_POINTS = "595 x 842 pts (A4)"


def pdf_text(path: Path) -> str:
    """The PDF's text with the spaces and line breaks of its layout taken out (a phrase may wrap
    anywhere); pages still end in a form feed."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"[ \n]", "", text)


def pdf_info(path: Path) -> dict[str, str]:
    lines = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in lines if ":" in line)}
