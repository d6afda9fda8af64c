"""填报单位 — the unit profile printed on every export: 填报单位, 上级乡镇, 填报人, 联系电话,
审核人."""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services import reference
from app.services.reference import UnitInfo
from app.services.values import ValidationError, normalize_mobile_or_landline
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.settings import SettingsForm, save_bar

log = logging.getLogger(__name__)

# (UnitInfo field, max length) in the order the form shows them
_FIELDS = (("unit_name", 100), ("township", 100), ("reporter", 50), ("phone", 30), ("reviewer", 50))


class UnitProfileForm(SettingsForm):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        labels = {
            "unit_name": self.tr("填报单位(&U)"),
            "township": self.tr("上级乡镇(&T)"),
            "reporter": self.tr("填报人(&R)"),
            "phone": self.tr("联系电话(&P)"),
            "reviewer": self.tr("审核人(&V)"),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, QLineEdit] = {}
        for name, max_length in _FIELDS:
            editor = QLineEdit()
            editor.setObjectName(name)
            editor.setMaxLength(max_length)
            editor.textEdited.connect(self._edited)
            form.addRow(labels[name], editor)
            self.editors[name] = editor
        self.editors["unit_name"].setPlaceholderText(
            self.tr("例如：某某镇某某村村民委员会（必填）")
        )
        self.editors["phone"].setPlaceholderText(self.tr("手机 11 位，或座机 区号-号码"))
        editors = list(self.editors.values())
        for editor, following in itertools.pairwise(editors):
            editor.returnPressed.connect(following.setFocus)  # Enter moves on …
        editors[-1].returnPressed.connect(self.save)  # … and saves on the last field

        note = QLabel(
            self.tr("这些信息印在每一份导出的报表上（填报单位、填报人、联系电话、审核人）。")
        )
        note.setWordWrap(True)
        self._lay_out(save_bar(self.tr("保存(&S)"), self.tr("放弃修改")), note, form, width=640)

    def load(self) -> None:
        info = reference.unit_profile(self.ctx.db)
        for name, editor in self.editors.items():
            editor.setText(getattr(info, name))
        self._dirty = False
        self.problem.clear()

    def values(self) -> UnitInfo:
        return UnitInfo(**{name: editor.text().strip() for name, editor in self.editors.items()})

    def save(self) -> bool:
        info = self.values()
        self.status.clear()
        if not info.unit_name:
            return self._refuse(self.tr("请填写填报单位。"), "unit_name")
        if info.phone:
            try:
                normalize_mobile_or_landline(info.phone)
            except ValidationError as error:
                return self._refuse(str(error), "phone")
        with refusal_shown(self) as refused:
            saved = reference.save_unit_profile(
                self.ctx.db, replace(info, phone=_normal_phone(info.phone))
            )
        if refused:
            return False
        log.info("unit profile saved: %s", saved.unit_name)
        for name, editor in self.editors.items():
            editor.setText(getattr(saved, name))
        self._dirty = False
        self.problem.clear()
        self.status.setText(self.tr("已保存。"))
        self.ctx.events.settings_changed.emit()
        return True

    def _refuse(self, text: str, field: str) -> bool:
        self.problem.setText(text)
        self.editors[field].setFocus()
        return False


def _normal_phone(phone: str) -> str:
    return normalize_mobile_or_landline(phone) if phone else ""
