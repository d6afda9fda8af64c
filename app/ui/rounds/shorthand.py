"""The keys a clerk types for a temperature, turned into the number they mean.

A round is typed heads-down, so a reading should cost four keys, not five: three digits are
read with the decimal point before the last one (``365`` → 36.5), two digits are whole degrees
(``37`` → 37.0). Anything else (``36.5``, ``36,5``) is passed on as typed; the range rule in
``parse_temperature`` then refuses what is still out of 34–43 ℃ with its usual message.
"""

from __future__ import annotations


def expand_temperature_shorthand(typed: str) -> str:
    text = typed.strip().replace(",", ".")
    if text.isdigit() and len(text) == 3:
        return f"{text[:2]}.{text[2]}"
    return text
