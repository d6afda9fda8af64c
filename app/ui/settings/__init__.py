"""Sections of the 设置 page: 填报单位, 防控策略, 管控措施, 人员类别, 包保角色, 备份与恢复.

Each section is a widget with ``refresh()`` (reload from the ledger, keeping unsaved typing) and,
where it has a form, ``save()`` (Ctrl+S on the page). Changes go through the services, which refuse
what only an administrator may change (``Permission.SETTINGS``); the refusal is shown as a message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from app.ui.context import UiContext

PROBLEM_STYLE = "color: #b00020;"
SAVED_STYLE = "color: #1b7f3b;"


@dataclass(frozen=True)
class SaveBar:
    """The foot of a settings form: a red problem line, then 保存 / 放弃修改 and a saved note."""

    problem: QLabel
    status: QLabel
    save_button: QPushButton
    revert_button: QPushButton
    buttons: QHBoxLayout


def save_bar(save_text: str, revert_text: str) -> SaveBar:
    """Build it; the texts come translated by the form, keeping its own translation context."""
    problem = QLabel()
    problem.setObjectName("problem")
    problem.setStyleSheet(PROBLEM_STYLE)
    problem.setWordWrap(True)
    status = QLabel()
    status.setStyleSheet(SAVED_STYLE)
    save_button = QPushButton(save_text)
    revert_button = QPushButton(revert_text)
    buttons = QHBoxLayout()
    buttons.addWidget(save_button)
    buttons.addWidget(revert_button)
    buttons.addWidget(status, 1)
    return SaveBar(problem, status, save_button, revert_button, buttons)


class SettingsForm(QWidget):
    """A form of settings that keeps what is typed: an edit (``_edited``) marks it unsaved,
    ``refresh()`` reloads only a form with nothing unsaved, 保存 saves and 放弃修改 reloads.
    A subclass builds its fields, then ``_lay_out`` puts them above the save bar."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._dirty = False

    def _lay_out(self, bar: SaveBar, *parts: QWidget | QLayout, width: int) -> None:
        self.problem, self.status = bar.problem, bar.status
        self.save_button, self.revert_button = bar.save_button, bar.revert_button
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.problem)
        layout.addLayout(bar.buttons)
        layout.addStretch(1)
        self.setMaximumWidth(width)

    def refresh(self) -> None:
        if not self._dirty:
            self.load()

    def load(self) -> None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self.status.clear()
