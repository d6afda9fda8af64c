"""Who may do what. Checked in the services, so a hidden button is never the only guard."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from app.services.errors import PermissionDenied


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


class HasRole(Protocol):
    role: Role


def require(actor: HasRole, permission: Permission) -> None:
    if permission not in _GRANTS[actor.role]:
        raise PermissionDenied(f"当前账号（{actor.role}）无权{permission}，请让管理员操作。")
