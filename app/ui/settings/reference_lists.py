"""Editable reference lists: 人员类别 (add, rename, 停用/启用) and 包保角色 (add).

Nothing here is ever deleted: a category still filed on old cases is switched off instead, so old
records and reports keep their wording.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import reference
from app.services.ledger import Database
from app.services.reference import NamedItem
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.settings import SAVED_STYLE
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import DIMMED, SortRole
from app.ui.widgets.table_view import current_key, row_table, select_key, sorting_proxy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListRow:
    id: int
    cells: tuple[str, ...]
    dimmed: bool = False  # 停用


class ReferenceListModel(ListTableModel[ListRow]):
    """Rows of text cells with an id; the editor decides the columns and their (translated) titles.

    Sorting by ``SortRole`` on the first column keeps the configured order (the row position).
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)  # already translated by the editor
        self._position: dict[int, int] = {}

    def set_rows(self, rows: list[ListRow]) -> None:
        self._position = {row.id: position for position, row in enumerate(rows)}
        self._refresh_items(rows)

    def row_at(self, row: int) -> ListRow:
        return self._items[row]

    # --- TableModelBase -----------------------------------------------------------------------

    def _column_count(self) -> int:
        return len(self._headers)

    def _titles(self) -> list[str]:
        return list(self._headers)

    def _key(self, item: ListRow) -> int:
        return item.id

    def _cell(self, item: ListRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return item.cells[column] if column < len(item.cells) else ""
        if role == SortRole:
            return self._position.get(item.id, 0) if column == 0 else item.cells[column]
        if role == Qt.ItemDataRole.ForegroundRole and item.dimmed:
            return DIMMED
        return None


class _ListEditor(QWidget):
    """Intro, a table, a line to add a name, buttons and a status line."""

    def __init__(
        self,
        ctx: UiContext,
        intro: str,
        headers: Sequence[str],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        label = QLabel(intro)
        label.setWordWrap(True)
        self.model = ReferenceListModel(headers, self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(self.proxy, sort=(0, Qt.SortOrder.AscendingOrder))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setMaximumWidth(720)

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(placeholder)
        self.new_name.setMaxLength(30)
        self.new_name.setMaximumWidth(420)
        self.new_name.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("添加(&A)"))
        self.add_button.clicked.connect(self.add)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.new_name, 1)
        self.buttons.addWidget(self.add_button)
        self.status = QLabel()
        self.status.setStyleSheet(SAVED_STYLE)
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)

    def current_id(self) -> int | None:
        return current_key(self.table)

    def select(self, item_id: int) -> None:
        select_key(self.table, item_id, scroll=True)

    def add(self) -> None:
        """Add the typed name through the service; an empty line or a refusal adds nothing."""
        name = self.new_name.text().strip()
        if not name:
            self.new_name.setFocus()
            return
        ok, item = self._attempt(self._create, name)
        if ok:
            self.new_name.clear()
            self._added(item)

    def _create(self, db: Database, name: str) -> NamedItem:
        raise NotImplementedError

    def _added(self, item: NamedItem) -> None:
        raise NotImplementedError

    def _attempt(self, action: Any, *args: Any) -> tuple[bool, Any]:
        """Run a service call: ``(True, result)``, or ``(False, None)`` after showing a refusal."""
        with refusal_shown(self) as refused:
            return True, action(self.ctx.db, *args)
        if refused:
            return False, None


class CategoriesEditor(_ListEditor):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "人员类别是登记时选择的“密切接触者、中高风险地区返乡人员……”。"
                "不再使用的类别请停用：已登记的人员保留原类别，新登记时不再出现。"
            ),
            [self.tr("人员类别"), self.tr("状态")],
            self.tr("新类别名称，如：入境人员"),
            parent,
        )
        self.table.setObjectName("categoryTable")
        self.rename_dialog: QInputDialog | None = None
        self.rename_button = QPushButton(self.tr("重命名(&R)…"))
        self.rename_button.clicked.connect(self.rename_current)
        self.toggle_button = QPushButton(self.tr("停用(&D)"))
        self.toggle_button.clicked.connect(self.toggle_current)
        self.buttons.addWidget(self.rename_button)
        self.buttons.addWidget(self.toggle_button)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._items: dict[int, NamedItem] = {}

    def refresh(self) -> None:
        items = reference.categories(self.ctx.db, include_inactive=True)
        self._items = {item.id: item for item in items}
        self.model.set_rows(
            [
                ListRow(
                    i.id, (i.name, self.tr("在用") if i.active else self.tr("停用")), not i.active
                )
                for i in items
            ]
        )
        self._update_buttons()

    def _create(self, db: Database, name: str) -> NamedItem:
        return reference.add_category(db, name)

    def _added(self, item: NamedItem) -> None:
        self._changed(self.tr("已添加人员类别「{name}」。").format(name=item.name))
        self.select(item.id)

    def rename_current(self) -> None:
        item = self._items.get(self.current_id() or -1)
        if item is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("重命名人员类别"))
        dialog.setLabelText(self.tr("「{name}」改为：").format(name=item.name))
        dialog.setTextValue(item.name)
        dialog.textValueSelected.connect(lambda text: self._rename(item, text))
        self.rename_dialog = dialog
        dialog.open()

    def _rename(self, item: NamedItem, text: str) -> None:
        if text.strip() == item.name:
            return
        ok, renamed = self._attempt(reference.rename_category, item.id, text)
        if ok:
            self._changed(
                self.tr("已将「{old}」改为「{new}」。").format(old=item.name, new=renamed.name)
            )

    def toggle_current(self) -> None:
        item = self._items.get(self.current_id() or -1)
        if item is None:
            return
        ok, _none = self._attempt(reference.set_category_active, item.id, not item.active)
        if not ok:
            return
        text = (
            self.tr("已停用「{name}」。").format(name=item.name)
            if item.active
            else self.tr("已恢复使用「{name}」。").format(name=item.name)
        )
        self._changed(text)

    def _changed(self, text: str) -> None:
        self.refresh()
        self.status.setText(text)
        self.ctx.events.roster_changed.emit()

    def _update_buttons(self, *_args: object) -> None:
        item = self._items.get(self.current_id() or -1)
        self.rename_button.setEnabled(item is not None)
        self.toggle_button.setEnabled(item is not None)
        self.toggle_button.setText(
            self.tr("恢复使用(&D)") if item is not None and not item.active else self.tr("停用(&D)")
        )


class StaffRolesEditor(_ListEditor):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr(
                "包保角色是包保人员的分工，如医护人员、村干部、乡镇干部、民警、网格员。"
                "哪些角色必须落实，在“管控措施”中为每种措施勾选。"
            ),
            [self.tr("包保角色"), self.tr("要求此角色的管控措施")],
            self.tr("新角色名称，如：民兵"),
            parent,
        )
        self.table.setObjectName("staffRoleTable")

    def refresh(self) -> None:
        roles = reference.staff_roles(self.ctx.db)
        measures = reference.measures(self.ctx.db)
        rows = []
        for role in roles:
            using = [m.name for m in measures if role.id in m.required_role_ids]
            rows.append(ListRow(role.id, (role.name, "、".join(using) or self.tr("（无）"))))
        self.model.set_rows(rows)

    def _create(self, db: Database, name: str) -> NamedItem:
        return reference.add_staff_role(db, name)

    def _added(self, item: NamedItem) -> None:
        self.refresh()
        self.select(item.id)
        self.status.setText(
            self.tr("已添加包保角色「{name}」。如需必须落实，请到“管控措施”中勾选。").format(
                name=item.name
            )
        )
        self.ctx.events.assignments_changed.emit()
