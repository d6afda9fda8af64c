"""导入填报表 — what a filled-in sheet would change, before anything is saved.

Conflicts (a different value already recorded) are listed one per line; importing them needs the
覆盖 box ticked, so nothing recorded is replaced without the clerk seeing it first.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.readings_import import ReadingsImportPlan


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ReadingsImportPlan, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("导入体温填报表"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        day = plan.day
        summary = QLabel(
            self.tr(
                "{file}\n测量日期：{day}\n将新登记 {new} 条体温，与已登记相同而跳过 {same} 条，"
                "与已登记不同 {conflicts} 条。"
            ).format(
                file=file_name,
                day=f"{day:%Y-%m-%d}",
                new=plan.new_count,
                same=plan.unchanged,
                conflicts=len(plan.conflicts),
            )
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if plan.abnormal_count:
            fever = QLabel(
                self.tr("其中发热或有症状 {count} 条，导入后会列入“未关闭的异常”。").format(
                    count=plan.abnormal_count
                )
            )
            fever.setStyleSheet("color: #a61b1b;")
            layout.addWidget(fever)
        if plan.unusual:
            layout.addWidget(QLabel(self.tr("数值少见，请核对：")))
            unusual = QListWidget()
            unusual.setObjectName("unusualList")
            unusual.addItems(plan.unusual)
            unusual.setMaximumHeight(90)
            layout.addWidget(unusual)

        self.overwrite = QCheckBox()
        self.overwrite.setObjectName("overwrite")
        conflicts = plan.conflicts
        if conflicts:
            layout.addWidget(QLabel(self.tr("与已登记不同的体温（默认不导入）：")))
            listing = QListWidget()
            listing.setObjectName("conflictList")
            listing.addItems([str(c) for c in conflicts])
            layout.addWidget(listing, 1)
            self.overwrite.setText(
                self.tr("以表中为准，覆盖这 {count} 条已登记的体温(&O)").format(
                    count=len(conflicts)
                )
            )
            layout.addWidget(self.overwrite)
        else:
            self.overwrite.hide()

        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.overwrite.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        blocked = bool(self.plan.conflicts) and not self.overwrite.isChecked()
        nothing = not self.plan.readings
        self.import_button.setEnabled(not blocked and not nothing)
        if nothing:
            self.note.setText(self.tr("表中没有需要导入的新体温。"))
        elif blocked:
            self.note.setText(
                self.tr("有体温与已登记的不同：请核对，确认以表中为准时勾选“覆盖”；否则取消。")
            )
        else:
            self.note.setText("")
        self.import_button.setDefault(not blocked and not nothing)

    def overwrite_chosen(self) -> bool:
        return self.overwrite.isChecked()
