"""What every command handler gets, and how it prints."""

from __future__ import annotations

import codecs
import io
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.config import AppPaths

if TYPE_CHECKING:  # the GUI start goes through here: SQLAlchemy loads after its first window
    from app.services.ledger import Database

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
        """The ledger, opened on first use (and, once accounts exist, signed in)."""
        if self._db is None:
            # Here, not at the top: a plain GUI start imports this module but no command module.
            from app.commands.sign_in import sign_in_for_command

            db = _open_asking_for_password(self.paths, self.operator)
            try:
                sign_in_for_command(db, self.username)
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open_asking_for_password(paths: AppPaths, operator: str) -> Database:
    """Open the ledger; a server that wants a password none of PGPASSWORD/PGPASSFILE gave gets
    it asked at a terminal (never echoed, never on the command line)."""
    from app.services.ledger import NeedsPassword, open_ledger

    try:
        return open_ledger(paths, operator=operator)
    except NeedsPassword:
        if not sys.stdin or not sys.stdin.isatty():
            raise
        import getpass

        password = getpass.getpass("数据库服务器密码：")
        return open_ledger(paths, operator=operator, password=password)


def refused_database_url(url: str | None) -> str | None:
    """A password typed into ``--database-url`` is visible to every user of the machine (the
    process list, the shell's history): refused, with where it goes instead."""
    if url is None:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        has_password = make_url(url).password is not None
    except ArgumentError:
        return None  # the ledger's own check names a malformed URL
    if has_password:
        return (
            "不要把数据库密码写在数据库地址里（本机其他用户能从进程列表和设置文件看到）。"
            "请用环境变量 PGPASSWORD 或密码文件 PGPASSFILE，或去掉密码后在提示时输入。"
        )
    return None


def fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code
