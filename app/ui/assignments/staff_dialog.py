"""新增/编辑包保人员: name, role, phone, organisation. A refused save keeps everything as typed."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import assignments
from app.services.assignments import StaffInfo, StaffInput
from app.services.reference import NamedItem
from app.services.values import ValidationError, normalize_mobile_or_landline, require_text
from app.ui.context import UiContext
from app.ui.messages import refusal_shown

log = logging.getLogger(__name__)

PROBLEM_STYLE = "color: #b00020;"


class StaffEditDialog(QDialog):
    """Adds a staff member, or changes one when ``staff`` is given. ``saved`` holds the result."""

    def __init__(
        self,
        ctx: UiContext,
        roles: list[NamedItem],
        staff: StaffInfo | None = None,
        *,
        role_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff = staff
        self.saved: StaffInfo | None = None
        self.setWindowTitle(self.tr("编辑包保人员") if staff else self.tr("新增包保人员"))
        self.setMinimumWidth(420)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.role_combo = QComboBox()
        for role in roles:
            self.role_combo.addItem(role.name, role.id)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(30)
        self.phone_edit.setPlaceholderText(self.tr("手机 11 位，或座机 区号-号码"))
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setMaxLength(100)
        self.organisation_edit.setPlaceholderText(self.tr("例如：某某镇卫生院、某某村委会"))

        form = QFormLayout()
        form.addRow(self.tr("姓名(&M)"), self.name_edit)
        form.addRow(self.tr("包保角色(&R)"), self.role_combo)
        form.addRow(self.tr("电话(&P)"), self.phone_edit)
        form.addRow(self.tr("单位(&O)"), self.organisation_edit)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        if staff is not None:
            self.name_edit.setText(staff.name)
            self.phone_edit.setText(staff.phone or "")
            self.organisation_edit.setText(staff.organisation or "")
            role_id = staff.role_id
        if role_id is not None:
            position = self.role_combo.findData(role_id)
            if position >= 0:
                self.role_combo.setCurrentIndex(position)
        self.name_edit.setFocus()

    def staff_input(self) -> StaffInput:
        return StaffInput(
            name=self.name_edit.text(),
            role_id=self.role_combo.currentData(),
            phone=self.phone_edit.text(),
            organisation=self.organisation_edit.text(),
        )

    def show_problem(self, text: str, field: QWidget | None = None) -> None:
        self.problem.setText(text)
        self.problem.show()
        if field is not None:
            field.setFocus()

    def accept(self) -> None:
        data = self.staff_input()
        # Checked here first so the message can point at the field; the service checks again.
        try:
            require_text(data.name, self.tr("姓名"), max_length=50)
        except ValidationError as error:
            self.show_problem(str(error), self.name_edit)
            return
        if data.role_id is None:
            self.show_problem(self.tr("请选择包保角色。"), self.role_combo)
            return
        if data.phone and data.phone.strip():
            try:
                normalize_mobile_or_landline(data.phone)
            except ValidationError as error:
                self.show_problem(str(error), self.phone_edit)
                self.phone_edit.selectAll()
                return
        with refusal_shown(self.show_problem) as refused:
            if self.staff is None:
                self.saved = assignments.add_staff(self.ctx.db, data)
            else:
                self.saved = assignments.update_staff(self.ctx.db, self.staff.id, data)
        if refused:
            return
        log.info("staff saved: %s (%s)", self.saved.name, self.saved.role)
        super().accept()
