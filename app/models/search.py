"""The search key stored with every name, so roster search matches pinyin without converting at
search time (typing ``zs`` finds 张三; ``zhangsan`` too)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _pinyin():  # type: ignore[no-untyped-def]
    # pypinyin loads large dictionaries: import it only when a name is first saved.
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def person_search_key(name: str) -> str:
    """``"张三"`` → ``"zs zhangsan"``; non-Chinese characters pass through lower-cased."""
    lazy_pinyin, style = _pinyin()
    syllables = [s.lower() for s in lazy_pinyin(name.strip(), style=style.NORMAL, errors="default")]
    initials = "".join(s[0] for s in syllables if s)
    return f"{initials} {''.join(syllables)}"
