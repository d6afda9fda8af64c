"""What every command handler gets, and how it prints."""

from __future__ import annotations

import codecs
import io
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.config import AppPaths

if TYPE_CHECKING:  # the GUI start goes through here: SQLAlchemy loads after its first window
    from app.db import Database

# Encodings that write every character: nothing to do.
_UNICODE_CODECS = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"}
# Chinese Windows' ANSI code page (936) lacks rarer characters, e.g. some in people's names;
# GB 18030 is its superset covering all of Unicode, so cp936 readers see the same bytes as before.
_GBK_CODECS = {"gbk", "gb2312"}


def make_output_safe(stream: TextIO | None) -> None:
    """Let ``stream`` print any Chinese text instead of dying with UnicodeEncodeError.

    On Windows, output redirected to a file or a pipe is written in the ANSI code page unless
    Python runs in UTF-8 mode (the frozen build asks for it; ``python -m app`` from a venv does
    not): cp1252 on an English Windows cannot write Chinese at all, cp936 on a Chinese one not
    every character. Chinese code pages stay what the reader expects (GBK → its superset
    GB 18030); any other code page becomes UTF-8; a character still unwritable becomes "?".
    A real console needs nothing (Python writes to it in UTF-16), nor does the windowed GUI's
    missing stream (None).
    """
    if not isinstance(stream, io.TextIOWrapper):
        return
    try:
        codec = codecs.lookup(stream.encoding).name
    except LookupError:
        codec = "unknown"
    if codec in _UNICODE_CODECS:
        return
    if codec in _GBK_CODECS:
        stream.reconfigure(encoding="gb18030", errors="replace")
    else:
        stream.reconfigure(encoding="utf-8", errors="replace")


def make_console_output_safe() -> None:
    make_output_safe(sys.stdout)
    make_output_safe(sys.stderr)


def out(text: str = "") -> None:
    print(text)


@dataclass
class CommandContext:
    paths: AppPaths
    operator: str = "命令行"
    username: str | None = None  # --operator / FANGYI_OPERATOR: the account to sign in as
    _db: Database | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        if self._db is None:
            from app.cli import open_database

            self._db = open_database(self)
        return self._db

    @property
    def actor(self) -> Database:
        """Whoever's role permission checks apply to (the open database carries it)."""
        return self.db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code
