"""Text that must never become a formula when an export is opened (formula injection).

A resident's name, a remark or the unit's own name (填报单位) comes from people and other
systems. Written as it is, "=HYPERLINK(…)" or "@SUM(…)" would run in the township's Excel, and a
CSV re-save of the report would turn any of them into a live formula. The writer
(``app.excel.workbook``) passes every text cell through :func:`neutralised`; the readers drop the
mark again (:func:`unmarked`) so a sheet exported and filled in reads back as it was written.
Pure string functions: cheap to import.
"""

from __future__ import annotations

__all__ = ["FORMULA_TRIGGERS", "TEXT_MARK", "neutralised", "unmarked"]

#: First characters that make Excel, WPS or a CSV re-save read a cell as a formula: = + - @,
#: their full-width forms (a Chinese input method types those, and Excel accepts them), and a
#: leading tab or carriage return that hides one.
FORMULA_TRIGGERS = "=+-@＝＋－＠\t\r"
#: Put before such text: Excel's own way of saying "this is text". At worst the clerk sees a
#: leading apostrophe, never a live formula.
TEXT_MARK = "'"


def neutralised(text: str) -> str:
    """``text`` as it may be written to a cell: never able to start a formula."""
    if text and text[0] in FORMULA_TRIGGERS:
        return TEXT_MARK + text
    return text


def unmarked(text: str) -> str:
    """The text :func:`neutralised` was given, for a cell read back from one of our exports."""
    if len(text) > 1 and text[0] == TEXT_MARK and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text
