"""A run of table columns, one per 包保 role, after a model's fixed columns (三包一 has three, a
village running 五包一 five): which role a column shows, and where a role's column is."""

from __future__ import annotations

from typing import ClassVar

from app.services.reference import NamedItem


class RoleColumns:
    """Mixed into a table model keeping its roles in ``_roles``, shown after ``FIXED_COLUMNS``."""

    FIXED_COLUMNS: ClassVar[int]
    _roles: list[NamedItem]

    def role_of_column(self, column: int) -> NamedItem | None:
        offset = column - self.FIXED_COLUMNS
        return self._roles[offset] if 0 <= offset < len(self._roles) else None

    def column_of_role(self, role_id: int) -> int | None:
        for offset, role in enumerate(self._roles):
            if role.id == role_id:
                return self.FIXED_COLUMNS + offset
        return None
