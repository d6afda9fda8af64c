"""Make the text of a Qt-written PDF copy and search as the characters that were drawn.

A PDF says which character each glyph stands for in its ``/ToUnicode`` map. Qt builds that map
by asking the font, for every code point from U+0000 up, which glyph it has, and keeps the
*lowest* code point found for a glyph (``QFontSubset::getReverseMap``). CJK fonts — Noto Sans CJK
here, and others — give a Kangxi radical (U+2F00…) or a CJK radical supplement form (U+2E80…) the
same glyph as the ideograph it looks like, and those code points are lower: the PDF then says
「⽇」 for 日 and 「⼈员」 for 人员, so ``pdftotext``, search and copy-paste find neither the dates
nor a name such as 王二. The fix: learn from the font which radicals share a glyph with a
character the notices use, and put the character back in the map. Hex code points of both are
four digits, so the file keeps its length and every offset in it stays right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

#: CJK Radicals Supplement and Kangxi Radicals: the look-alikes that sort below the ideographs.
RADICALS = "".join(chr(code) for code in range(0x2E80, 0x2FE0))
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-F]{4})>")
# A bfchar line "<glyph> <target>" or a bfrange line "<first> <last> <target>|[<target> …]".
_MAPPING_LINE = re.compile(rb"(?m)^((?:<[0-9A-F]{4}> ){1,2})(.*)$")


def radical_aliases(text: str, fonts: Iterable[QFont]) -> dict[str, str]:
    """{radical: the character of ``text`` drawn with the same glyph} in any of ``fonts``."""
    drawn = sorted({c for c in text if c > "\u2fff"})
    aliases: dict[str, str] = {}
    for font in fonts:
        raw = QRawFont.fromFont(font)
        if not raw.isValid() or not drawn:
            continue
        by_glyph = dict(zip(raw.glyphIndexesForString("".join(drawn)), drawn, strict=True))
        by_glyph.pop(0, None)  # glyph 0: not in this font
        for radical, glyph in zip(RADICALS, raw.glyphIndexesForString(RADICALS), strict=True):
            if glyph and glyph in by_glyph:
                aliases[radical] = by_glyph[glyph]
    return aliases


def restore_characters(pdf: Path, aliases: dict[str, str]) -> int:
    """Rewrite the radicals of ``pdf``'s ``/ToUnicode`` maps as their characters, in place;
    returns how many entries changed."""
    if not aliases:
        return 0
    data = bytearray(pdf.read_bytes())
    swaps = {f"{ord(r):04X}".encode(): f"{ord(c):04X}".encode() for r, c in aliases.items()}
    changed = 0
    for number in {m.group(1) for m in _TO_UNICODE.finditer(data)}:
        start = data.find(b"\n" + number + b" 0 obj")
        begin = data.find(b"stream\n", start) + len(b"stream\n")
        end = data.find(b"endstream", begin)
        if start < 0 or begin < len(b"stream\n") or end < 0:
            continue
        cmap = bytes(data[begin:end])

        def swap(match: re.Match[bytes]) -> bytes:
            nonlocal changed
            replacement = swaps.get(match.group(1))
            if replacement is None:
                return match.group(0)
            changed += 1
            return b"<" + replacement + b">"

        def swap_targets(line: re.Match[bytes]) -> bytes:
            # Only what glyphs map *to*: the glyph numbers before it are left alone.
            return line.group(1) + _HEX.sub(swap, line.group(2))

        fixed = _MAPPING_LINE.sub(swap_targets, cmap)
        assert len(fixed) == len(cmap)  # equal-length swaps: offsets stay valid
        data[begin:end] = fixed
    pdf.write_bytes(data)
    return changed
