"""填报单位 — the unit profile printed on every export, asked for on first run.

Cancelling is allowed: the profile stays empty and is asked for again at the next start.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import reference
from app.services.reference import UnitInfo
from app.ui.context import UiContext
from app.ui.messages import refusal_shown

log = logging.getLogger(__name__)

# (column, max length) in the order the form shows them
_FIELDS = (("unit_name", 100), ("township", 100), ("reporter", 50), ("phone", 30), ("reviewer", 50))


def unit_profile_is_empty(ctx: UiContext) -> bool:
    return not reference.unit_profile(ctx.db).unit_name.strip()


class UnitProfileDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("填报单位信息"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "请填写填报单位信息，它会印在每一份导出的报表上。"
                "以后可以在“设置”页修改；现在不填，下次启动时会再次询问。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        labels = {
            "unit_name": self.tr("填报单位（必填）"),
            "township": self.tr("上级乡镇"),
            "reporter": self.tr("填报人"),
            "phone": self.tr("联系电话"),
            "reviewer": self.tr("审核人"),
        }
        form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        for column, max_length in _FIELDS:
            editor = QLineEdit()
            editor.setMaxLength(max_length)
            form.addRow(labels[column], editor)
            self.editors[column] = editor
        self.editors["unit_name"].setPlaceholderText(self.tr("例如：某某镇某某村村民委员会"))
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("以后再填"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        profile = reference.unit_profile(self.ctx.db)
        for column, editor in self.editors.items():
            editor.setText(getattr(profile, column))

    def values(self) -> dict[str, str]:
        return {column: editor.text().strip() for column, editor in self.editors.items()}

    def accept(self) -> None:
        values = self.values()
        if not values["unit_name"]:
            self.problem.setText(self.tr("请填写填报单位。"))
            self.problem.show()
            self.editors["unit_name"].setFocus()
            return
        # The service checks the operator may change settings (a clerk may not).
        with refusal_shown(self) as refused:
            reference.save_unit_profile(self.ctx.db, UnitInfo(**values))
        if refused:
            return
        log.info("unit profile saved: %s", values["unit_name"])
        self.ctx.events.settings_changed.emit()
        super().accept()
