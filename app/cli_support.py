"""What every command handler gets, and how it prints."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from app.config import AppPaths
from app.db import Database


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
