"""The shell: navigation on the left, the current page on the right, status at the bottom.

Pages are created the first time they are shown and refreshed every time they are shown. Window
geometry, the last page and every table's column layout are remembered per user (QSettings).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QWidget,
)

from app import __version__
from app.resources import resource_path
from app.services import reference
from app.services.ledger import automatic_backup
from app.ui import messages, settings_store, window_place
from app.ui.auth.common import whole_ledger_label
from app.ui.context import UiContext
from app.ui.pages import PAGES, PageSpec
from app.ui.pages.base import BasePage
from app.ui.widgets.roles import ObjectRole
from app.ui.worker import run_in_background

if TYPE_CHECKING:
    from app.services.ledger import Database

log = logging.getLogger(__name__)

NAV_WIDTH = 156


_NAV_STYLE = """
QListWidget#navigation {
    border: none; border-right: 1px solid palette(mid); background: palette(window); outline: 0;
}
QListWidget#navigation::item { padding: 8px 6px; border-radius: 4px; margin: 1px 4px; }
QListWidget#navigation::item:selected { background: #d6e6f5; color: #12324f; }
QListWidget#navigation::item:hover:!selected { background: #e9f1f9; }
"""


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, pages: Sequence[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._specs = list(pages if pages is not None else PAGES)
        self._pages: dict[str, BasePage] = {}
        self._current_key: str | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAV_WIDTH)
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setStyleSheet(_NAV_STYLE)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_navigation()
        self._build_menus()
        self._build_status_bar()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)  # many events from one operation → one refresh
        self._refresh_timer.timeout.connect(self._refresh_current)
        for signal in ctx.events.all_signals():
            signal.connect(self._refresh_timer.start)
        ctx.events.settings_changed.connect(self.refresh_status)

        window_place.place(self)
        self.navigation.currentItemChanged.connect(self._on_nav_changed)
        first = window_place.last_page([spec.key for spec in self._specs])
        if first is not None:
            self.navigate(first)

    # --- public API -------------------------------------------------------------------------

    def navigate(self, key: str, ref: object | None = None) -> BasePage:
        """Show page ``key`` (creating it on first use); with ``ref``, ask it to open that item."""
        spec = self._spec(key)
        page = self._pages.get(key)
        if page is None:
            page = spec.factory(self.ctx)
            self._pages[key] = page
            self.stack.addWidget(page)
            page.refresh()
            self._restore_tables(key, page)
        else:
            page.refresh()
        self._current_key = key
        self.stack.setCurrentWidget(page)
        row = self._specs.index(spec)
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(False)
        # "page — app", the platforms' order: Qt then adds no second "— 防疫台账" (display name).
        self.setWindowTitle(self.tr("{page} — 防疫台账").format(page=page.title))
        if ref is not None:
            open_item = getattr(page, "open_item", None)
            if callable(open_item):
                open_item(ref)
            else:
                log.warning("page %s cannot open item %r", key, ref)
        return page

    def current_key(self) -> str | None:
        return self._current_key

    def current_page(self) -> BasePage | None:
        return self._pages.get(self._current_key) if self._current_key else None

    def page(self, key: str) -> BasePage | None:
        """The page if it was already created (pages are created lazily)."""
        return self._pages.get(key)

    def backup_now(self, *, automatic: bool = False, after: Future[Any] | None = None) -> None:
        """Back the ledger up in the background; the automatic start-up backup is silent. With
        ``after`` (the first page's data, gathered at start-up) the copy waits until that is in."""
        run_in_background(
            self,
            _backup_after,
            after,
            self.ctx.db,
            on_done=lambda path: self._backup_done(path, automatic),
            progress_label=None if automatic else self.tr("正在备份台账…"),
        )

    def refresh_status(self) -> None:
        unit = self._unit_name()
        self.unit_label.setText(
            self.tr("填报单位：{unit}").format(unit=unit) if unit else self.tr("填报单位：未填写")
        )
        self.operator_label.setText(self.tr("操作员：{name}").format(name=self.ctx.db.operator))
        self._show_where()

    def _show_where(self) -> None:
        """Where the ledger is: the data folder on a laptop; on a township server the server
        (user@host/database — the password is never part of it) and the village the signed-in
        account sees, since the local folder then holds no data."""
        db = self.ctx.db
        self.account_unit_label.setVisible(db.on_server)
        if db.on_server:
            server = db.location
            self.location_label.setText(
                self.tr("服务器：{server}").format(server=self._fit(server))
            )
            self.location_label.setToolTip(
                self.tr("台账在乡镇服务器上：{server}").format(server=server)
            )
            unit = db.unit or whole_ledger_label()
            self.account_unit_label.setText(self.tr("所属单位：{unit}").format(unit=unit))
            return
        data_dir = str(self.ctx.paths.data_dir)
        self.location_label.setText(self.tr("数据目录：{path}").format(path=self._fit(data_dir)))
        self.location_label.setToolTip(data_dir)

    def _fit(self, text: str) -> str:
        """``text`` shortened in the middle to fit the status bar (the tooltip holds it whole)."""
        metrics = self.location_label.fontMetrics()
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, 320)

    # --- building ---------------------------------------------------------------------------

    def _build_navigation(self) -> None:
        for number, spec in enumerate(self._specs, start=1):
            item = QListWidgetItem(
                QIcon(str(resource_path("icons", f"{spec.icon}.svg"))), spec.translated_title()
            )
            item.setData(ObjectRole, spec.key)
            if number <= 9:
                item.setToolTip(f"Ctrl+{number}")
            self.navigation.addItem(item)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.backup_action = QAction(self.tr("立即备份(&B)"), self)
        self.backup_action.triggered.connect(lambda: self.backup_now())
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        self.page_actions: dict[str, QAction] = {}
        for number, spec in enumerate(self._specs, start=1):
            action = QAction(spec.translated_title(), self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.navigate(key))
            go_menu.addAction(action)
            self.page_actions[spec.key] = action

        # Bilingual title so someone who cannot read the current language still finds it.
        language_menu = self.menuBar().addMenu(self.tr("语言 Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        current = settings_store.stored_language()
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("zh_CN", self.tr("中文")), ("en", self.tr("English"))):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self._choose_language(code))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.about_action = QAction(self.tr("关于防疫台账(&A)"), self)
        self.about_action.triggered.connect(self._show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.unit_label = QLabel()
        self.operator_label = QLabel()
        self.account_unit_label = QLabel()  # on a township server only
        self.location_label = QLabel()
        for label in (
            self.unit_label,
            self.operator_label,
            self.account_unit_label,
            self.location_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(label)
        self.refresh_status()

    # --- behaviour --------------------------------------------------------------------------

    def _spec(self, key: str) -> PageSpec:
        for spec in self._specs:
            if spec.key == key:
                return spec
        raise KeyError(f"no page {key!r}")

    def _on_nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.navigate(item.data(ObjectRole))

    def _refresh_current(self) -> None:
        page = self.current_page()
        if page is not None and page.isVisible():
            page.refresh()

    def _unit_name(self) -> str:
        return reference.unit_profile(self.ctx.db).unit_name

    def _backup_done(self, path: Path, automatic: bool) -> None:
        log.info("backup written to %s", path)
        if automatic:
            self.statusBar().showMessage(self.tr("已自动备份：{name}").format(name=path.name), 8000)
        else:
            messages.show_info(self, self.tr("台账已备份到：\n{path}").format(path=path))

    def _choose_language(self, code: str) -> None:
        settings_store.store_language(code)
        language = self.language_actions[code].text()
        messages.show_info(
            self,
            self.tr("界面语言将在下次启动本程序时切换为{language}。").format(language=language),
        )

    def _show_about(self) -> None:
        db = self.ctx.db
        # On a server the local folder holds no data: name where the ledger really is.
        where = (
            self.tr("台账在乡镇服务器上：{server}").format(server=db.location)
            if db.on_server
            else self.tr("数据目录：{path}").format(path=self.ctx.paths.data_dir)
        )
        text = self.tr(
            "防疫台账 {version}\n\n"
            "供村（社区）防疫工作人员离线使用的工作台账：人员排查登记、体温监测、"
            "包保责任、卡点登记和报表报送。\n\n{where}"
        ).format(version=__version__, where=where)
        messages.show_info(self, text, title=self.tr("关于防疫台账"))

    # --- remembering the layout -------------------------------------------------------------

    def _tables(self, page: BasePage) -> dict[str, QTableView]:
        tables = page.findChildren(QTableView)
        return {table.objectName() or f"table{index}": table for index, table in enumerate(tables)}

    def _restore_tables(self, key: str, page: BasePage) -> None:
        settings = settings_store.open_settings()
        for name, table in self._tables(page).items():
            state = settings.value(f"tables/{key}/{name}")
            if state is not None:
                table.horizontalHeader().restoreState(state)

    def save_layout(self) -> None:
        settings = settings_store.open_settings()
        settings.setValue(window_place.GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(window_place.STATE_KEY, self.saveState())
        if self._current_key:
            settings.setValue(window_place.PAGE_KEY, self._current_key)
        for key, page in self._pages.items():
            for name, table in self._tables(page).items():
                settings.setValue(f"tables/{key}/{name}", table.horizontalHeader().saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)


def _backup_after(first: Future[Any] | None, db: Database) -> Path:
    """The automatic backup once ``first`` is done, however it ended (its page reports a failure):
    copying a county ledger while Today's numbers are read competes for the same disk and CPU
    (five alternating county starts at load ~3: 2.75 → 3.15 s until the numbers were shown)."""
    if first is not None:
        wait([first])
    return automatic_backup(db)
