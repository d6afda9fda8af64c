"""导出选项 — the two personal-information choices every export offers.

* 隐藏身份证号和电话 — ticked by default for the report kinds listed in Settings (账号与隐私);
* 设置打开密码 — Office encryption: the file asks for the password in Excel/WPS.

``ExportOptionsWidget`` sits next to an export button (or inside an export dialog);
``ask_export_protection`` is the same choice as a small dialog for pages whose export button
goes straight to the save dialog. Either way the page wraps its export function with
``widget.wrap(fn)`` (``app.services.privacy.protecting``), so the services stay unaware.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import privacy
from app.services.errors import ServiceError
from app.services.export_forms import TITLE_CONTEXT, export_form
from app.services.privacy import ExportProtection
from app.ui.context import UiContext

T = TypeVar("T")

CONTEXT = "ExportKinds"
_AUDIT_TITLE = QT_TRANSLATE_NOOP("ExportKinds", "操作留痕")  # privacy.AUDIT_TITLE


def kind_title(kind: str) -> str:
    """An export kind's title in the interface's language (the forms' titles are declared in
    ``app.services.export_forms``; the audit trail's export is the one kind that is no form)."""
    if kind == privacy.AUDIT_KIND:
        return QCoreApplication.translate(CONTEXT, _AUDIT_TITLE)
    return QCoreApplication.translate(TITLE_CONTEXT, export_form(kind).title)


class ExportOptionsWidget(QWidget):
    """Mask and password for one export; ``set_kind`` loads that kind's masking default."""

    def __init__(self, ctx: UiContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.setObjectName("exportOptions")
        self.mask = QCheckBox(self.tr("隐藏身份证号和电话(&M)"))
        self.mask.setObjectName("exportMask")
        self.mask.setToolTip(self.tr("身份证号只显示前 6 位和后 4 位，电话只显示前 3 位和后 4 位"))
        self.encrypt = QCheckBox(self.tr("设置打开密码(&W)"))
        self.encrypt.setObjectName("exportEncrypt")
        self.encrypt.setToolTip(
            self.tr("文件加密，在 Excel/WPS 中打开时要输入密码；请用电话等方式另行告知对方密码")
        )
        self.password = QLineEdit()
        self.password.setObjectName("exportPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("文件密码"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("exportRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setPlaceholderText(self.tr("再输一次"))
        for edit in (self.password, self.repeat):
            edit.setMaxLength(64)
            edit.setMaximumWidth(130)
        # What the kind's default is and where it comes from, so the clerk sees it is a choice.
        self.default_note = QLabel()
        self.default_note.setObjectName("exportMaskDefault")
        self.default_note.setStyleSheet("color: #666666;")
        self.problem = QLabel()
        self.problem.setObjectName("exportProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mask)
        row.addSpacing(12)
        row.addWidget(self.encrypt)
        row.addWidget(self.password)
        row.addWidget(self.repeat)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.default_note)
        layout.addWidget(self.problem)

        self.encrypt.toggled.connect(self._encrypt_toggled)
        self._encrypt_toggled(False)
        self.set_kind(kind)

    def set_kind(self, kind: str) -> None:
        """Switch to another report kind: its masking default (Settings → 账号与隐私)."""
        self.kind = kind
        masked = privacy.masked_by_default(self.ctx.db, kind)
        self.mask.setChecked(masked)
        if masked:
            note = self.tr("外发的文件默认隐藏身份证号和电话；需要完整号码时取消勾选。")
        else:
            note = self.tr("按“设置 → 账号与隐私”，这张表默认不隐藏身份证号和电话。")
        self.default_note.setText(note)

    def _encrypt_toggled(self, on: bool) -> None:
        self.password.setVisible(on)
        self.repeat.setVisible(on)
        self.problem.hide()
        if on:
            self.password.setFocus()

    def validate(self) -> bool:
        """Check the password (shown under the options when wrong); True when fine."""
        text = self.problem_text()
        self.problem.setText(text or "")
        self.problem.setVisible(text is not None)
        if text is not None:
            self.password.setFocus()
        return text is None

    def problem_text(self) -> str | None:
        if not self.encrypt.isChecked():
            return None
        if self.password.text() != self.repeat.text():
            return self.tr("两次输入的文件密码不一致。")
        try:
            privacy.check_export_password(self.password.text())
        except ServiceError as error:
            return str(error)
        return None

    def protection(self) -> ExportProtection:
        password = self.password.text() if self.encrypt.isChecked() else None
        return ExportProtection(mask_personal=self.mask.isChecked(), password=password or None)

    def wrap(self, export: Callable[..., T]) -> Callable[..., T]:
        """``export`` with this choice applied to the files it writes (call ``validate`` first)."""
        return privacy.protecting(export, self.protection())

    def done_note(self) -> str:
        return protection_note(self.protection())


def protection_note(protection: ExportProtection) -> str:
    """What to add to "已导出…" so the clerk knows what the recipient gets ("" for neither)."""
    notes = []
    if protection.mask_personal:
        notes.append(
            QCoreApplication.translate("ExportOptionsWidget", "身份证号和电话已隐藏中间几位。")
        )
    if protection.password:
        notes.append(
            QCoreApplication.translate(
                "ExportOptionsWidget",
                "文件已加密，打开时需要输入密码：请用电话等其他方式告诉对方密码，不要写在同一封邮件里。",
            )
        )
    return "\n".join(notes)


class ExportOptionsDialog(QDialog):
    """The options on their own, before the save dialog (for pages without room beside the
    export button). Enter continues."""

    def __init__(
        self, ctx: UiContext, kind: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptionsDialog")
        self.setWindowTitle(title)
        self.options = ExportOptionsWidget(ctx, kind, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("选择保存位置…"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("导出的{form}中含有个人信息：").format(form=kind_title(kind)))
        )
        layout.addWidget(self.options)
        layout.addWidget(buttons)
        ok.setFocus()

    def accept(self) -> None:
        if self.options.validate():
            super().accept()


def ask_export_protection(
    parent: QWidget, ctx: UiContext, kind: str, title: str
) -> ExportProtection | None:
    """The clerk's choice for one export, or None when cancelled. Tests replace this function."""
    dialog = ExportOptionsDialog(ctx, kind, title, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options.protection()
    finally:
        dialog.deleteLater()
