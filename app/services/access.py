"""Who is acting on an open ledger, and what they may do. Checked in the services, so a hidden
button is never the only guard.

The identity is a service-layer fact: storage only stamps a name on the changes it writes
(``Database.operator``, the audit trail's "who"). Signing in (``operators.sign_in``) or a test
says who acts with ``act_as``; until then — first run, tests, automation before accounts exist —
whoever opened the ledger acts as an administrator.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from app.services.errors import PermissionDenied

if TYPE_CHECKING:
    from app.db import Database


class Role(StrEnum):
    ADMIN = "管理员"  # accounts, settings, restore, deletion
    CLERK = "录入员"  # records and exports


class Permission(StrEnum):
    RECORD = "录入"
    EXPORT = "导出"
    DELETE = "删除"
    SETTINGS = "修改设置"
    RESTORE = "恢复备份"
    ACCOUNTS = "管理账号"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.RECORD, Permission.EXPORT}),
}


@dataclass(frozen=True)
class Actor:
    """操作员: the name changes are recorded under, the role checks apply, the signed-in account."""

    name: str
    role: Role = Role.ADMIN
    username: str | None = None  # None: nobody signed in (a ledger without accounts)


# Keyed weakly by the open ledger: a closed and dropped ``Database`` takes its actor with it.
_acting: WeakKeyDictionary[Database, Actor] = WeakKeyDictionary()


def actor(db: Database) -> Actor:
    """Who acts on ``db`` now (an administrator under the opener's name until someone signs in)."""
    return _acting.get(db) or Actor(db.operator)


def act_as(db: Database, who: Actor) -> None:
    """From now on ``db``'s changes are recorded under ``who.name`` and checked against its role."""
    _acting[db] = who
    db.operator = who.name


def require(db: Database, permission: Permission) -> None:
    role = actor(db).role
    if permission not in _GRANTS[role]:
        raise PermissionDenied(f"当前账号（{role}）无权{permission}，请让管理员操作。")


def may(db: Database, permission: Permission) -> bool:
    """Whether the acting operator's role allows this (to explain a refusal, never to guard)."""
    return permission in _GRANTS[actor(db).role]
