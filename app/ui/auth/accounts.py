"""账号与隐私 — the Settings tab: operator accounts, one's own password, and which exports hide
ID numbers and phones by default.

Everyone sees the list and can change their own password; only a 管理员 adds, disables and
resets accounts, sets an account's 所属单位 and changes the export defaults (the services refuse
anyone else, the buttons only say so early).

所属单位 (the village/社区 whose people an account sees) means something only on a township
server, where several villages share one ledger: on a village's own laptop the column is hidden
and the field disabled, its tooltip saying why.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import operators, privacy
from app.services.access import Permission, Role, actor, may
from app.services.errors import ServiceError
from app.services.operators import OperatorInfo
from app.services.values import local_now
from app.ui import messages
from app.ui.auth.account_dialogs import NewAccountDialog, PasswordDialog
from app.ui.auth.common import hint_label, whole_ledger_label
from app.ui.auth.first_admin import FirstAdminDialog
from app.ui.context import UiContext
from app.ui.settings import SAVED_STYLE
from app.ui.widgets.export_options import kind_title
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.roles import ObjectRole, SortRole
from app.ui.widgets.table_view import row_table, sorting_proxy

log = logging.getLogger(__name__)


USERNAME, DISPLAY_NAME, ROLE, STATE, UNIT = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("AccountsModel", "账号"),
    QT_TRANSLATE_NOOP("AccountsModel", "姓名"),
    QT_TRANSLATE_NOOP("AccountsModel", "角色"),
    QT_TRANSLATE_NOOP("AccountsModel", "状态"),
    QT_TRANSLATE_NOOP("AccountsModel", "所属单位"),
)


class AccountsModel(ListTableModel[OperatorInfo]):
    """Every account (a village has a handful: loaded whole)."""

    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "AccountsModel"

    def set_accounts(self, rows: list[OperatorInfo]) -> None:
        self._set_items(rows)

    def account(self, row: int) -> OperatorInfo:
        return self._items[row]

    def _key(self, info: OperatorInfo) -> int:
        return info.id

    def _cell(self, info: OperatorInfo, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == USERNAME:
                return info.username
            if column == DISPLAY_NAME:
                return info.display_name
            if column == ROLE:
                return str(info.role)
            if column == UNIT:
                return info.unit or whole_ledger_label()
            if column == STATE:
                return self._state(info)
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return Qt.GlobalColor.gray
        return None

    @staticmethod
    def _state(info: OperatorInfo) -> str:
        if not info.active:
            return QCoreApplication.translate("AccountsModel", "已停用")
        if info.locked_until is not None and info.locked_until > local_now():
            return QCoreApplication.translate(
                "AccountsModel", "密码输错，暂停登录至 {time}"
            ).format(time=f"{info.locked_until:%H:%M:%S}")
        return QCoreApplication.translate("AccountsModel", "可用")


class AccountsWidget(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: NewAccountDialog | PasswordDialog | FirstAdminDialog | None = None

        self.who = QLabel()
        self.who.setObjectName("signedInAs")
        self.who.setWordWrap(True)
        self.own_password_button = QPushButton(self.tr("修改我的密码(&P)…"))
        self.own_password_button.setObjectName("ownPassword")
        self.first_admin_button = QPushButton(self.tr("设置管理员账号(&M)…"))
        self.first_admin_button.setObjectName("firstAdmin")
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.own_password_button)
        top.addWidget(self.first_admin_button)

        self.model = AccountsModel(self)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(  # in creation order until a title is clicked
            self.proxy, "accountsTable", sort=(-1, Qt.SortOrder.AscendingOrder)
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(220)

        self.add_button = QPushButton(self.tr("添加账号(&A)…"))
        self.add_button.setObjectName("addAccount")
        self.toggle_button = QPushButton(self.tr("停用(&D)"))
        self.toggle_button.setObjectName("toggleAccount")
        self.role_button = QPushButton(self.tr("改为管理员"))
        self.role_button.setObjectName("toggleRole")
        self.reset_button = QPushButton(self.tr("重设密码(&R)…"))
        self.reset_button.setObjectName("resetPassword")
        actions = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.role_button, self.reset_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.admin_note = hint_label(
            self.tr("只有管理员可以添加、停用账号、设置所属单位和重设别人的密码。")
        )

        # Editable: a village not in the ledger yet (its people pushed in later) can be typed.
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("accountUnit")
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.lineEdit().setMaxLength(operators.UNIT_MAX_LENGTH)
        self.unit_combo.setMinimumContentsLength(12)
        self.unit_button = QPushButton(self.tr("设置所属单位(&U)"))
        self.unit_button.setObjectName("setAccountUnit")
        self.unit_status = QLabel()
        self.unit_status.setObjectName("accountUnitStatus")
        self.unit_status.setStyleSheet(SAVED_STYLE)
        unit_label = QLabel(self.tr("所属单位："))
        unit_label.setBuddy(self.unit_combo)
        unit_row = QHBoxLayout()
        unit_row.addWidget(unit_label)
        unit_row.addWidget(self.unit_combo)
        unit_row.addWidget(self.unit_button)
        unit_row.addWidget(self.unit_status, 1)
        self.on_server = ctx.db.on_server
        if not self.on_server:
            why = self.tr(
                "所属单位只用于乡镇服务器上多个村共用的台账；本机台账只有一个村，"
                "每个账号都看本村全部人员。"
            )
            for widget in (unit_label, self.unit_combo, self.unit_button):
                widget.setToolTip(why)

        accounts_box = QGroupBox(self.tr("操作员账号"))
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.addLayout(top)
        accounts_layout.addWidget(self.table)
        accounts_layout.addLayout(actions)
        accounts_layout.addLayout(unit_row)
        accounts_layout.addWidget(self.admin_note)

        self.mask_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for number, kind in enumerate(privacy.EXPORT_KINDS):
            box = QCheckBox(kind_title(kind))
            box.setObjectName(f"mask_{kind}")
            self.mask_boxes[kind] = box
            grid.addWidget(box, number // 4, number % 4)
        self.save_masks_button = QPushButton(self.tr("保存(&S)"))
        self.save_masks_button.setObjectName("saveMasks")
        self.masks_status = QLabel()
        self.masks_status.setStyleSheet(SAVED_STYLE)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_masks_button)
        save_row.addWidget(self.masks_status, 1)
        masks_box = QGroupBox(self.tr("导出时默认隐藏身份证号和电话"))
        masks_layout = QVBoxLayout(masks_box)
        masks_layout.addWidget(
            hint_label(
                self.tr(
                    "勾选的表导出时，身份证号只显示前 6 位和后 4 位（110105********002X），"
                    "电话只显示前 3 位和后 4 位（138****5678）。每次导出时仍可改选；"
                    "也可以给导出的文件设置打开密码。"
                )
            )
        )
        masks_layout.addLayout(grid)
        masks_layout.addLayout(save_row)

        layout = QVBoxLayout(self)
        layout.addWidget(accounts_box)
        layout.addWidget(masks_box)
        layout.addStretch(1)
        self.setMaximumWidth(900)

        self.own_password_button.clicked.connect(self.change_own_password)
        self.first_admin_button.clicked.connect(self.create_first_admin)
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.toggle_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.unit_button.clicked.connect(self.set_unit)
        self.unit_combo.lineEdit().returnPressed.connect(self.set_unit)
        self.unit_combo.currentTextChanged.connect(lambda _text: self.unit_status.clear())
        self.save_masks_button.clicked.connect(self.save_masks)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_moved())
        for box in self.mask_boxes.values():
            box.toggled.connect(lambda _on: self.masks_status.clear())
        self.refresh()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_accounts(operators.accounts(self.ctx.db))
        if selected is not None:
            self.select(selected.id)
        self._show_who()
        self._load_units()
        self._place_unit_column()
        masked = privacy.masked_kinds(self.ctx.db)
        for kind, box in self.mask_boxes.items():
            box.blockSignals(True)
            box.setChecked(kind in masked)
            box.blockSignals(False)
        self.masks_status.clear()
        self._update_buttons()

    def _show_who(self) -> None:
        db = self.ctx.db
        exist = self.model.rowCount() > 0
        who = actor(db)
        if who.username:
            self.who.setText(
                self.tr("当前登录：{name}（{account}，{role}）").format(
                    name=who.name, account=who.username, role=who.role
                )
            )
        elif exist:
            self.who.setText(self.tr("当前未登录。"))
        else:
            self.who.setText(
                self.tr("还没有账号：任何人打开本程序都能看到全部数据。请先设置管理员账号。")
            )
        self.own_password_button.setVisible(bool(who.username))
        self.first_admin_button.setVisible(not exist)

    def selected(self) -> OperatorInfo | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.account(self.proxy.mapToSource(index).row())

    def select(self, operator_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ObjectRole) == operator_id:
                self.table.setCurrentIndex(index)
                return

    def showEvent(self, event: QShowEvent) -> None:
        # The main window restores each table's remembered column layout when the page is made;
        # one saved on a server ledger would bring the column back on a laptop (and vice versa).
        self._place_unit_column()
        super().showEvent(event)

    def _place_unit_column(self) -> None:
        self.table.setColumnHidden(UNIT, not self.on_server)

    def _load_units(self) -> None:
        """The known units to choose from, the selected account's shown."""
        units = operators.known_units(self.ctx.db) if self.on_server else []
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(whole_ledger_label())
        self.unit_combo.addItems(units)
        self.unit_combo.blockSignals(False)
        self._show_unit()

    def _selection_moved(self) -> None:
        self._show_unit()
        self._update_buttons()

    def _show_unit(self) -> None:
        current = self.selected()
        unit = current.unit if current is not None else None
        self.unit_combo.setCurrentText(unit or whole_ledger_label())
        self.unit_status.clear()

    def _update_buttons(self) -> None:
        admin = may(self.ctx.db, Permission.ACCOUNTS)
        exist = self.model.rowCount() > 0
        current = self.selected()
        self.add_button.setEnabled(admin and exist)
        for button in (self.toggle_button, self.role_button, self.reset_button):
            button.setEnabled(admin and current is not None)
        for widget in (self.unit_combo, self.unit_button):
            widget.setEnabled(self.on_server and admin and current is not None)
        self.admin_note.setVisible(not admin)
        if current is not None:
            self.toggle_button.setText(
                self.tr("启用(&E)") if not current.active else self.tr("停用(&D)")
            )
            self.role_button.setText(
                self.tr("改为录入员") if current.role is Role.ADMIN else self.tr("改为管理员")
            )
        settings_allowed = may(self.ctx.db, Permission.SETTINGS)
        for box in self.mask_boxes.values():
            box.setEnabled(settings_allowed)
        self.save_masks_button.setEnabled(settings_allowed)

    # --- actions ------------------------------------------------------------------------------

    def _open(self, dialog: NewAccountDialog | PasswordDialog | FirstAdminDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def create_first_admin(self) -> None:
        dialog = FirstAdminDialog(self.ctx, self)
        dialog.created.connect(lambda _info: self.refresh())
        self._open(dialog)

    def add_account(self) -> None:
        dialog = NewAccountDialog(self.ctx, self)
        dialog.created.connect(self._created)
        self._open(dialog)

    def _created(self, info: OperatorInfo) -> None:
        self.refresh()
        self.select(info.id)
        messages.show_info(
            self,
            self.tr("已添加账号：{account}（{name}，{role}）。").format(
                account=info.username, name=info.display_name, role=info.role
            ),
        )

    def change_own_password(self) -> None:
        username = actor(self.ctx.db).username
        if not username:
            return
        dialog = PasswordDialog(
            self.ctx, operators.account(self.ctx.db, username), own=True, parent=self
        )
        dialog.changed.connect(lambda: messages.show_info(self, self.tr("密码已修改。")))
        self._open(dialog)

    def reset_password(self) -> None:
        current = self.selected()
        if current is None:
            return
        own = current.username == actor(self.ctx.db).username
        dialog = PasswordDialog(self.ctx, current, own=own, parent=self)
        dialog.changed.connect(self.refresh)
        self._open(dialog)

    def toggle_active(self) -> None:
        current = self.selected()
        if current is None:
            return
        if current.active and not messages.ask_confirm(
            self,
            self.tr(
                "停用账号“{account}”（{name}）？停用后不能再登录，操作留痕中仍保留其名字。"
            ).format(account=current.username, name=current.display_name),
        ):
            return
        self._run(lambda: operators.set_active(self.ctx.db, current.id, not current.active))

    def toggle_role(self) -> None:
        current = self.selected()
        if current is None:
            return
        role = Role.CLERK if current.role is Role.ADMIN else Role.ADMIN
        self._run(lambda: operators.set_role(self.ctx.db, current.id, role))

    def set_unit(self) -> None:
        """所属单位 of the selected account, as chosen or typed (全部（乡镇）: every village)."""
        current = self.selected()
        if current is None or not self.unit_button.isEnabled():
            return
        typed = self.unit_combo.currentText().strip()
        unit = None if typed in ("", whole_ledger_label()) else typed
        try:
            info = operators.set_account_unit(self.ctx.db, current.username, unit)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self.refresh()
        self.unit_status.setText(
            self.tr("已设置：{account} 属于 {unit}。").format(
                account=info.username, unit=info.unit or whole_ledger_label()
            )
        )

    def _run(self, change: Any) -> None:
        try:
            change()
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self.refresh()

    def save_masks(self) -> None:
        kinds = {kind for kind, box in self.mask_boxes.items() if box.isChecked()}
        try:
            privacy.save_masked_kinds(self.ctx.db, kinds)
        except ServiceError as error:
            messages.show_error(self, str(error))
            return
        self.masks_status.setText(self.tr("已保存。"))
        self.ctx.events.settings_changed.emit()
