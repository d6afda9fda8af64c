"""打印告知书 / 打印门贴 / 打印解除通知书 for the case a page shows — one set of actions for the
roster list and the person page alike.

The print preview (and Qt's print support with it) is imported at the first print, not while the
window starts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.services.notice_templates import NoticeKind
from app.services.roster import CaseRow
from app.ui.context import UiContext


def _texts() -> dict[NoticeKind, str]:
    return {
        NoticeKind.ADMISSION: QCoreApplication.translate("notice_actions", "打印告知书"),
        NoticeKind.DOOR: QCoreApplication.translate("notice_actions", "打印门贴"),
        NoticeKind.RELEASE: QCoreApplication.translate("notice_actions", "打印解除通知书"),
    }


class CaseNoticeActions:
    """The three print actions for whichever case ``selected_case()`` names."""

    def __init__(
        self, parent: QWidget, ctx: UiContext, selected_case: Callable[[], int | None]
    ) -> None:
        self._parent = parent
        self._ctx = ctx
        self._selected_case = selected_case
        self.actions: dict[NoticeKind, QAction] = {}
        for kind, text in _texts().items():
            action = QAction(text, parent)
            action.triggered.connect(lambda _checked=False, kind=kind: self.preview(kind))
            self.actions[kind] = action

    def __getitem__(self, kind: NoticeKind) -> QAction:
        return self.actions[kind]

    def add_to(self, menu: QMenu) -> None:
        for action in self.actions.values():
            menu.addAction(action)

    def update(self, row: CaseRow | None) -> None:
        """Enabled for a live case; the release notice once the case has ended (the service
        tells a transfer apart and says why it gets none)."""
        live = row is not None and not row.deleted
        self.actions[NoticeKind.ADMISSION].setEnabled(live)
        self.actions[NoticeKind.DOOR].setEnabled(live)
        ended = live and row is not None and row.ended_on is not None
        self.actions[NoticeKind.RELEASE].setEnabled(ended)

    def preview(self, kind: NoticeKind) -> None:
        from app.ui.printing.preview import preview_case_notice

        case_id = self._selected_case()
        if case_id is not None:
            preview_case_notice(self._parent, self._ctx, kind, case_id)
