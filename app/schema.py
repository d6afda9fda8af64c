"""Which schema revision a ledger is at, and bringing it to the newest (Alembic, both engines).

The revisions live in ``app/migrations/versions``; their ids are the numbers of the old SQL ladder
(``"0001"`` …), so a revision is also the schema *version* the rest of the app talks about. A
SQLite ledger from the ladder's days has no ``alembic_version`` table, only ``PRAGMA
user_version``: it is stamped at that revision and upgraded from there, in the same transaction.

The caller owns the connection and its transaction: this module never commits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

import app.migrations

if TYPE_CHECKING:
    from alembic.config import Config

VERSION_TABLE = "alembic_version"
#: Set by tests to a copy of the revisions folder with steps added on top.
_location_override: Path | None = None


def script_location() -> Path:
    """The revisions folder (in the frozen build: the copy PyInstaller puts beside the code)."""
    return _location_override or Path(app.migrations.__file__).resolve().parent


#: A revision's file: its id (the schema version, four digits), then words. Alembic itself (~1 s
#: to import and read the revisions on a clerk's laptop) is loaded only when there is work to do;
#: knowing the newest revision on every start takes a directory listing.
_REVISION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.py$")


def _revisions(location: Path) -> list[str]:
    """Revision ids from the first to the newest, from the file names (one line: "0001" …)."""
    found = sorted(
        match.group(1)
        for entry in (location / "versions").iterdir()
        if (match := _REVISION_FILE.match(entry.name))
    )
    if found != [revision_of(n) for n in range(1, len(found) + 1)]:
        raise RuntimeError(f"schema revisions are not numbered 0001..N: {found}")
    return found


def revisions() -> list[str]:
    return _revisions(script_location())


def version_of(revision: str) -> int:
    """The schema version a revision id stands for ("0003" → 3)."""
    return int(revision)


def revision_of(version: int) -> str:
    return f"{version:04d}"


def latest_version() -> int:
    return version_of(revisions()[-1])


def is_known(revision: str) -> bool:
    return revision in revisions()


def stored_revision(connection: Connection) -> str | None:
    """The revision in ``alembic_version`` (``None``: the table is not there or is empty)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(
    connection: Connection,
    *,
    from_version: int,
    to_version: int | None = None,
    on_step: Callable[[int], None] | None = None,
) -> None:
    """Run the revisions after ``from_version`` (0: an empty database) up to ``to_version`` (the
    newest when ``None``) inside the caller's open transaction.

    A database at ``from_version`` without a version table (a ladder-era SQLite ledger) is stamped
    first. ``on_step(version)`` is called as each revision starts, so a failure can be named.
    """
    from alembic import command

    target = revision_of(to_version) if to_version is not None else "heads"
    config = _config(connection)
    if from_version and stored_revision(connection) is None:
        command.stamp(config, revision_of(from_version))
    if on_step is not None:
        pending = [
            version_of(r)
            for r in revisions()
            if from_version < version_of(r) <= (to_version or latest_version())
        ]
        if pending:
            on_step(pending[0])

        def applied(*, step, **_: object) -> None:  # type: ignore[no-untyped-def]
            done = version_of(step.up_revision_id)
            later = [number for number in pending if number > done]
            if later:
                on_step(later[0])

        config.attributes["on_version_apply"] = applied
    command.upgrade(config, target)


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    # ConfigParser reads "%" as interpolation: a folder named "100%" must stay a path.
    config.set_main_option("script_location", str(script_location()).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config
