"""打印文书 — the wording of the three printed papers, as each county writes them.

One paper at a time: its title and its text (a paragraph per line) with placeholders such as
{姓名}. A template with an unknown placeholder is refused with the line named, nothing is saved
and what was typed stays. 预览 shows the paper (an invented person) before anything is saved.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import notice_templates, notices, reference
from app.services.errors import ServiceError
from app.services.notice_templates import PLACEHOLDERS, NoticeKind, template_problem
from app.ui.context import UiContext
from app.ui.settings import save_bar

log = logging.getLogger(__name__)


class NoticeTemplatesForm(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # What the clerk typed per paper and has not saved: kept when switching papers.
        self._drafts: dict[NoticeKind, str] = {}
        self._shown: NoticeKind | None = None
        self.preview_dialog: QWidget | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("noticeKind")
        for kind in NoticeKind:
            self.kind.addItem(kind.label, kind)
        self.kind.currentIndexChanged.connect(lambda _index: self._show_kind())
        self.title = QLineEdit()
        self.title.setObjectName("noticeTitle")
        self.title.setMaxLength(60)
        self.body = QPlainTextEdit()
        self.body.setObjectName("noticeBody")
        self.body.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("文书(&K)"), self.kind)
        form.addRow(self.tr("标题(&T)"), self.title)
        form.addRow(self.tr("正文(&B)"), self.body)

        names = "　".join(f"{{{name}}} {meaning}" for name, meaning in PLACEHOLDERS.items())
        help_text = QLabel(
            self.tr(
                "正文每行为一段。可用的占位符（打印时换成每个人的内容）：{names}。"
                "包保人员表、填报单位（盖章）和日期自动印在正文之后。"
            ).format(names=names)
        )
        help_text.setWordWrap(True)
        help_text.setObjectName("placeholderHelp")

        bar = save_bar(self.tr("保存(&S)"), self.tr("放弃修改"))
        self.problem, self.status = bar.problem, bar.status
        self.save_button, self.revert_button = bar.save_button, bar.revert_button
        self.save_button.clicked.connect(self.save)
        self.title.textEdited.connect(lambda _text: self.status.clear())
        self.body.textChanged.connect(self.status.clear)
        self.revert_button.clicked.connect(self.revert)
        self.default_button = QPushButton(self.tr("恢复默认文字"))
        self.default_button.clicked.connect(self.use_default)
        self.preview_button = QPushButton(self.tr("预览(&P)"))
        self.preview_button.clicked.connect(self.preview)
        bar.buttons.insertWidget(2, self.default_button)
        bar.buttons.insertWidget(3, self.preview_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(help_text)
        layout.addWidget(self.problem)
        layout.addLayout(bar.buttons)
        self.setMaximumWidth(900)

    # --- loading ------------------------------------------------------------------------------

    @property
    def current_kind(self) -> NoticeKind:
        return NoticeKind(self.kind.currentData())

    def refresh(self) -> None:
        if self._shown is None:
            self._show_kind()

    def _show_kind(self) -> None:
        if self._shown is not None and self._is_dirty():
            self._drafts[self._shown] = self.text()
        kind = self.current_kind
        self._shown = None  # no draft is recorded while the editors are filled
        self._fill(self._drafts.get(kind) or notice_templates.template(self.ctx.db, kind))
        self._shown = kind
        self.problem.clear()
        self.status.clear()

    def _fill(self, text: str) -> None:
        title, _, body = text.partition("\n")
        self.title.setText(title)
        self.body.setPlainText(body)

    def text(self) -> str:
        """The template as typed: the title line, then the paragraphs."""
        return f"{self.title.text()}\n{self.body.toPlainText()}"

    def _is_dirty(self) -> bool:
        kind = self._shown
        return kind is not None and self.text() != notice_templates.template(self.ctx.db, kind)

    # --- actions ------------------------------------------------------------------------------

    def save(self) -> bool:
        kind = self.current_kind
        try:
            saved = notice_templates.save_template(self.ctx.db, kind, self.text())
        except ServiceError as error:  # an unknown placeholder, or no right to change settings
            self.problem.setText(str(error))
            self.body.setFocus()
            return False
        log.info("notice template saved: %s", kind.value)
        self._drafts.pop(kind, None)
        self._shown = None
        self._fill(saved)
        self._shown = kind
        self.problem.clear()
        self.status.setText(self.tr("已保存。"))
        self.ctx.events.settings_changed.emit()
        return True

    def revert(self) -> None:
        self._drafts.pop(self.current_kind, None)
        self._shown = None
        self._show_kind()

    def use_default(self) -> None:
        """Put the default wording in the editors (saved only with 保存)."""
        self._fill(self.current_kind.spec.default)
        self.problem.clear()
        self.status.clear()

    def preview(self) -> None:
        """The paper as typed, for an invented person, in print preview."""
        problem = template_problem(self.text())
        if problem is not None:
            self.problem.setText(problem)
            return
        self.problem.clear()
        from app.ui.printing.preview import open_preview  # print support at first use

        kind = self.current_kind
        sample = notices.sample_notice(kind, self.text(), reference.unit_profile(self.ctx.db))
        title = self.tr("{paper}（示例）").format(paper=kind.label)
        self.preview_dialog = open_preview(self, [sample], title, kind.label)
