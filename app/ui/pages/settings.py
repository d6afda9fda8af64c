"""设置 — 填报单位, 防控策略, 管控措施 (三包一/五包一), 人员类别, 包保角色, 卡点, 备份与恢复.

Each tab is a section widget from ``app.ui.settings`` (the 卡点 tab embeds the checkpoint
engineer's ``CheckpointManager``, imported when the tab is first opened). ``refresh()`` reloads the
sections but never throws away a form the clerk is still typing in. Ctrl+S saves the open form.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.access import Permission, actor, may
from app.ui.auth.accounts import AccountsWidget
from app.ui.context import UiContext
from app.ui.pages.base import BasePage, headed_layout
from app.ui.settings.backup_section import BackupSection
from app.ui.settings.measures_editor import MeasuresEditor
from app.ui.settings.notice_templates_form import NoticeTemplatesForm
from app.ui.settings.policy_form import PolicySettingsForm
from app.ui.settings.reference_lists import CategoriesEditor, StaffRolesEditor
from app.ui.settings.unit_profile_form import UnitProfileForm

log = logging.getLogger(__name__)

CHECKPOINT_MODULE = "app.ui.checkpoints.manage"

# open_item keys, in tab order
TAB_KEYS = (
    "unit", "policy", "measures", "categories", "roles", "checkpoints", "notices", "backups",
    "accounts",
)  # fmt: skip


class SettingsPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = headed_layout(
            self,
            self.tr(
                "填报单位信息、防控策略（发热标准、统计截止时间）、管控措施与包保角色、"
                "人员类别、卡点、打印文书的文字，以及备份与恢复。"
            ),
        )
        self.read_only_note = QLabel()
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(
            "background: #fff4e5; color: #7a4b00; padding: 6px; border-radius: 4px;"
        )
        layout.addWidget(self.read_only_note)

        self.unit_form = UnitProfileForm(ctx)
        self.policy_form = PolicySettingsForm(ctx)
        self.measures = MeasuresEditor(ctx)
        self.categories = CategoriesEditor(ctx)
        self.roles = StaffRolesEditor(ctx)
        self.checkpoints_holder = QWidget()
        QVBoxLayout(self.checkpoints_holder)  # the same margins as the other tabs
        self.checkpoint_manager: QWidget | None = None
        self.notice_templates = NoticeTemplatesForm(ctx)
        self.backups = BackupSection(ctx)
        self.accounts = AccountsWidget(ctx)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setDocumentMode(True)
        for widget, label in (
            (self.unit_form, self.tr("填报单位")),
            (self.policy_form, self.tr("防控策略")),
            (self.measures, self.tr("管控措施")),
            (self.categories, self.tr("人员类别")),
            (self.roles, self.tr("包保角色")),
            (self.checkpoints_holder, self.tr("卡点")),
            (self.notice_templates, self.tr("打印文书")),
            (self.backups, self.tr("备份与恢复")),
            (self.accounts, self.tr("账号与隐私")),
        ):
            self.tabs.addTab(widget, label)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        layout.addWidget(self.tabs, 1)

        save = QAction(self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save_current)
        self.addAction(save)

    @property
    def title(self) -> str:
        return self.tr("设置")

    def refresh(self) -> None:
        allowed = may(self.ctx.db, Permission.SETTINGS)
        self.read_only_note.setVisible(not allowed)
        self.read_only_note.setText(
            self.tr("当前账号（{role}）只能查看设置；修改设置需要管理员账号。").format(
                role=actor(self.ctx.db).role
            )
        )
        self._refresh_current()

    def _refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.checkpoints_holder:
            self._ensure_checkpoint_manager()
            widget = self.checkpoint_manager
        for method in ("refresh", "reload"):  # sections refresh(); CheckpointManager reload()s
            action = getattr(widget, method, None)
            if callable(action):
                action()
                return

    def _ensure_checkpoint_manager(self) -> None:
        if self.checkpoint_manager is not None:
            return
        try:
            from app.ui.checkpoints.manage import CheckpointManager
        except ModuleNotFoundError as error:
            if error.name is None or not CHECKPOINT_MODULE.startswith(error.name):
                raise
            log.warning("checkpoint manager not available: %s", error)
            manager: QWidget = QLabel(self.tr("卡点管理尚未安装，请在“卡点登记”页管理卡点。"))
        else:
            manager = CheckpointManager(self.ctx, self.checkpoints_holder)
        holder_layout = self.checkpoints_holder.layout()
        assert holder_layout is not None
        holder_layout.addWidget(manager)
        manager.show()  # added to a visible tab: Qt would only show it on the next event loop pass
        self.checkpoint_manager = manager

    def save_current(self) -> None:
        save = getattr(self.tabs.currentWidget(), "save", None)
        if callable(save):
            save()

    def open_item(self, ref: object) -> None:
        """``"backups"``, ``"unit"`` … (see ``TAB_KEYS``) opens that tab."""
        key = ref[0] if isinstance(ref, tuple | list) and ref else ref
        if key in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(str(key)))
        else:
            log.warning("settings page cannot open %r", ref)
