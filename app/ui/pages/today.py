"""今日 — what the clerk must do now.

Today's report first: its deadline (a setting, 每日 15:00 前报送), whether it went out (when, by
whom — from the audit trail) and 导出今日日报, one click to the save dialog. Then readings still
due this half-day (and a round whose deadline passed with people missing, in red), open anomalies
(fevers at the gate named by the person whose reading it is) with what was done, periods
ending today or overdue with a one-click 解除, cases missing a required 包保 role, and today's
checkpoint totals. Each line opens the page where it is handled. An empty ledger shows a start
panel instead (add a person, import a list, load the demo village).

The lists are gathered off the main thread (``app.services.today.overview``): at county scale
(50,000 cases) that takes most of a second. The page refreshes on every data event and once a
minute, so the round flips from 上午 to 下午 at the deadline by itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.assignments import CoverageGap
from app.services.roster import CaseRow
from app.services.rounds import AnomalyInfo, DueItem
from app.services.today import LISTED, TodayOverview, overview
from app.services.values import Slot, local_now
from app.ui import messages
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.pages import TODAY
from app.ui.pages.base import BasePage, page_heading
from app.ui.roster.navigation import navigate
from app.ui.widgets.record_table import RecordColumn, RecordTableModel
from app.ui.widgets.roles import ALERT, ObjectRole
from app.ui.widgets.table_view import sorting_proxy
from app.ui.worker import run_in_background

log = logging.getLogger(__name__)

# Today is the page a start opens on, built while the clerk waits for the day's numbers: what
# only a button needs (the daily export and its file dialogs, the roster page's dialogs, the
# demo village) is imported when the button is pressed — 0.4 s of imports off the start.

REFRESH_MS = 60_000
# Rows a Today list shows; the rest are one click away on their own page. At county scale
# 期满待解除 alone held 4,277 cases, and laying out (and sizing) every row took over a second
# on the main thread — a to-do list the clerk reads from the top needs no more than this.
LIST_SHOWN = LISTED
ACTION_COLUMN_MAX = 150  # px: Today's 已采取措施 column, elided beyond
STUCK_AFTER_S = 120
SIZED_ROWS = 40  # rows (besides those on screen) a list measures for its column widths

# Column constants of the four lists.
DUE_NAME, DUE_GROUP, DUE_SLOT, DUE_PHONE, DUE_TEAM = range(5)
ANOMALY_NAME, ANOMALY_GROUP, ANOMALY_WHEN, ANOMALY_SEEN, ANOMALY_ACTION = range(5)
RELEASE_NAME, RELEASE_GROUP, RELEASE_MEASURE, RELEASE_PLANNED, RELEASE_WAITING, RELEASE_ACTION = (
    range(6)
)
GAP_NAME, GAP_GROUP, GAP_MEASURE, GAP_MISSING = range(4)

TILE_STYLE = """
QPushButton#todayTile { text-align: left; padding: 6px 10px; border: 1px solid #d0d7de;
    border-radius: 6px; background: palette(base); }
QPushButton#todayTile:hover { background: #eef4fa; }
QPushButton#todayTile[alert="true"] { border-color: #e6a5a5; color: #c62828; background: #fdf2f2; }
"""


class _DueLine:
    """One person on today's list of readings, with the round they owe."""

    def __init__(self, item: DueItem, slot: Slot, late: bool) -> None:
        self.item = item
        self.slot = slot
        self.late = late


def _list_table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    # Columns are sized to the header and the first rows, not every row: sizing 1,000 rows cost
    # more than half a second of the county-scale start-up, for widths the first rows give too.
    table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
    # Keep the order the service gives (组别, then name; late readings first) until a header click.
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


class _Section(QGroupBox):
    """A titled list that says so when there is nothing to do, and links to the rest when it
    shows only the first ``LIST_SHOWN`` rows (``more_text`` with {shown}, {more} and a link)."""

    def __init__(
        self,
        table: QTableView,
        empty_text: str,
        more_text: str = "",
        on_more: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.table = table
        self.more_text = more_text
        self.more = QLabel()
        self.more.setObjectName(f"{table.objectName()}More")
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        if on_more is not None:
            self.more.linkActivated.connect(lambda _link: on_more())
        self.more.hide()
        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #2e7d32;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.more)

    def show_more(self, shown: int, more: int) -> None:
        """ "只列出前 200 人，还有 M 人 → link" under a capped list; hidden when all are shown."""
        self.more.setText(self.more_text.format(shown=shown, more=more) if more > 0 else "")
        self.more.setVisible(more > 0)

    def show_rows(self, count: int) -> None:
        self.stack.setCurrentWidget(self.table if count else self.empty)

    def set_note(self, text: str, alert: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet("color: #c62828; font-weight: bold;" if alert else "")
        self.note.setVisible(bool(text))


class TodayPage(BasePage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.clock: Callable[[], datetime] = local_now  # tests set the time of day
        self.current: TodayOverview | None = None
        self._loading_since: float | None = None  # monotonic start of the running refresh
        self._again = False

        self.when = QLabel()
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.refresh)
        heading = QHBoxLayout()
        heading.addWidget(page_heading(self.title))
        heading.addSpacing(12)
        heading.addWidget(self.when, 1)
        heading.addWidget(self.refresh_button)

        self.report_status = QLabel()
        self.report_status.setObjectName("todayReportStatus")
        self.report_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_report_button = QPushButton(self.tr("导出今日日报(&R)…"))
        self.export_report_button.setObjectName("exportTodayReport")
        self.export_report_button.clicked.connect(self.export_todays_report)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_status, 1)
        report_row.addWidget(self.export_report_button)

        self.tiles = {
            key: self._tile(target, ref)
            for key, target, ref in (
                ("due", "rounds", None),
                ("anomalies", "rounds", None),
                ("release", "roster", None),
                ("tests", "nucleic", None),
                ("gaps", "assignments", ("gaps",)),
                ("checkpoints", "checkpoints", None),
            )
        }
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self._build_lists()
        self.start_panel = self._build_start_panel()
        self.body = QStackedWidget()
        self.body.addWidget(self.lists)
        self.body.addWidget(self.start_panel)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addLayout(report_row)
        layout.addWidget(self.error)
        self.tiles_row = QWidget()
        self.tiles_row.setLayout(tiles)
        self.tiles_row.setStyleSheet(TILE_STYLE)
        tiles.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tiles_row)
        layout.addWidget(self.body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    @property
    def title(self) -> str:
        return self.tr("今日")

    # --- building -----------------------------------------------------------------------------

    def _tile(self, target: str, ref: object | None) -> QPushButton:
        tile = QPushButton()
        tile.setObjectName("todayTile")
        tile.setCursor(Qt.CursorShape.PointingHandCursor)
        tile.setMinimumHeight(52)
        tile.clicked.connect(lambda: navigate(self, target, ref))
        return tile

    def _build_lists(self) -> None:
        def late_red(line: _DueLine) -> QColor | None:
            return ALERT if line.late else None

        def address(line: _DueLine) -> str | None:
            return line.item.address

        self.due_model: RecordTableModel[_DueLine] = RecordTableModel(
            [
                RecordColumn(
                    self.tr("姓名"), lambda d: d.item.name, color=late_red, tooltip=address
                ),
                RecordColumn(self.tr("组别"), lambda d: d.item.group_name or "", tooltip=address),
                RecordColumn(self.tr("时段"), self._slot_text, color=late_red),
                RecordColumn(self.tr("电话"), lambda d: d.item.phone or ""),
                RecordColumn(
                    self.tr("包保人员"),
                    lambda d: d.item.team or self.tr("未分配"),
                    tooltip=lambda d: d.item.team.replace("；", "\n") or None,
                ),
            ],
            key=lambda d: d.item.case_id,
            parent=self,
        )
        self.due_table = _list_table("todayDue")
        self.due_table.setModel(sorting_proxy(self.due_model, self))
        self.due_table.activated.connect(self._open_due)
        self.due_section = _Section(self.due_table, self.tr("本时段体温已全部登记 ✓"))

        self.anomaly_model: RecordTableModel[AnomalyInfo] = RecordTableModel(
            [
                RecordColumn(self.tr("姓名"), lambda a: a.person_name),
                RecordColumn(self.tr("组别"), lambda a: a.group_name or ""),
                RecordColumn(self.tr("发现"), self._anomaly_when, sort=lambda a: a.detected_on),
                RecordColumn(
                    self.tr("情况"), lambda a: a.observation, tooltip=lambda a: a.observation
                ),
                RecordColumn(
                    self.tr("已采取措施"),
                    self._anomaly_action,
                    color=lambda a: None if a.action else ALERT,
                    tooltip=self._anomaly_action,
                ),
            ],
            key=lambda a: a.id,
            parent=self,
        )
        self.anomaly_table = _list_table("todayAnomalies")
        self.anomaly_proxy = sorting_proxy(self.anomaly_model, self)
        self.anomaly_table.setModel(self.anomaly_proxy)
        self.anomaly_table.activated.connect(self._open_anomaly)
        self.anomaly_section = _Section(
            self.anomaly_table,
            self.tr("没有待处置的异常 ✓"),
            self.tr('只列出前 {shown} 条，还有 {more} 条 → <a href="rounds">在体温登记页查看</a>'),
            lambda: navigate(self, "rounds"),
        )

        self.release_model: RecordTableModel[CaseRow] = RecordTableModel(
            [
                RecordColumn(self.tr("姓名"), lambda c: c.name),
                RecordColumn(self.tr("组别"), lambda c: c.group_name or ""),
                RecordColumn(self.tr("管控措施"), lambda c: c.measure),
                RecordColumn(
                    self.tr("计划解除"),
                    self._release_text,
                    sort=lambda c: c.planned_end,
                    color=lambda c: ALERT if self._overdue_days(c) > 0 else None,
                ),
                RecordColumn(
                    self.tr("解除条件"),
                    self._release_waiting,
                    color=lambda c: ALERT if self._blocker(c) else None,
                    tooltip=lambda c: self._blocker(c).replace("；", "\n") or None,
                ),
                RecordColumn(self.tr("操作"), lambda _c: ""),
            ],
            key=lambda c: c.id,
            parent=self,
        )
        self.release_table = _list_table("todayRelease")
        self.release_proxy = sorting_proxy(self.release_model, self)
        self.release_table.setModel(self.release_proxy)
        self.release_table.activated.connect(self._open_release)
        self.release_proxy.layoutChanged.connect(self._place_release_buttons)
        self.release_section = _Section(
            self.release_table,
            self.tr("今天没有期满待解除的人员 ✓"),
            self.tr('只列出前 {shown} 人，还有 {more} 人 → <a href="roster">在人员台账中查看</a>'),
            lambda: navigate(self, "roster", ("ending",)),
        )

        self.gap_model: RecordTableModel[CoverageGap] = RecordTableModel(
            [
                RecordColumn(self.tr("姓名"), lambda g: g.name),
                RecordColumn(self.tr("组别"), lambda g: g.group_name or ""),
                RecordColumn(self.tr("管控措施"), lambda g: g.measure),
                RecordColumn(
                    self.tr("缺少"),
                    lambda g: self.tr("缺 {roles}").format(roles="、".join(g.missing_roles)),
                    color=lambda _g: ALERT,
                ),
            ],
            key=lambda g: g.case_id,
            parent=self,
        )
        self.gap_table = _list_table("todayGaps")
        self.gap_table.setModel(sorting_proxy(self.gap_model, self))
        self.gap_table.activated.connect(self._open_gap)
        self.gap_section = _Section(
            self.gap_table,
            self.tr("包保责任人都已落实 ✓"),
            self.tr('只列出前 {shown} 人，还有 {more} 人 → <a href="gaps">在包保责任页查看</a>'),
            lambda: navigate(self, "assignments", ("gaps",)),
        )

        self.lists = QWidget()
        grid = QGridLayout(self.lists)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.due_section, 0, 0)
        grid.addWidget(self.anomaly_section, 0, 1)
        grid.addWidget(self.release_section, 1, 0)
        grid.addWidget(self.gap_section, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        hint = QLabel(self.tr("双击或回车打开处理的地方"))
        hint.setStyleSheet("color: #6b7280;")
        grid.addWidget(hint, 2, 0, 1, 2)

    def _build_start_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        welcome = page_heading(self.tr("欢迎使用防疫台账"))
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(welcome)
        intro = QLabel(self.tr("台账里还没有人员和包保人员。可以从这里开始："))
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(intro)
        layout.addSpacing(12)
        self.add_first_button = QPushButton(self.tr("添加第一个人员"))
        self.import_button = QPushButton(self.tr("导入名单"))
        self.demo_button = QPushButton(self.tr("载入演示村"))
        choices = (
            (self.add_first_button, self.tr("逐个登记排查到的人员"), self._add_first),
            (self.import_button, self.tr("从乡镇下发的 Excel 名单一次导入"), self._import),
            (
                self.demo_button,
                self.tr("生成一个虚构的演示村，先熟悉各项功能（正式使用请换新的数据目录）"),
                self.load_demo,
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        for row, (button, text, slot) in enumerate(choices):
            button.setMinimumSize(180, 40)
            button.clicked.connect(slot)
            explanation = QLabel(text)
            explanation.setStyleSheet("color: #6b7280;")
            grid.addWidget(button, row, 0)
            grid.addWidget(explanation, row, 1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(grid)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)
        return panel

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Gather the lists in the background; a refresh asked for meanwhile runs once after."""
        started = self._loading_since
        # A refresh that died of a bug never reports back; after a while, try again anyway.
        if started is not None and time.monotonic() - started < STUCK_AFTER_S:
            self._again = True
            return
        self._loading_since = time.monotonic()
        early = self.ctx.preloaded.pop(TODAY, None)  # start-up: already being gathered
        if early is not None:
            run_in_background(self, early.result, on_done=self._show, on_error=self._failed)
            return
        run_in_background(
            self, overview, self.ctx.db, self.clock(), on_done=self._show, on_error=self._failed
        )

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def _finished(self) -> None:
        self._loading_since = None
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        log.warning("today overview failed: %s", error)
        self.error.setText(self.tr("今日事项读取失败：{error}").format(error=error))
        self.error.show()
        self._finished()

    def _show(self, result: TodayOverview) -> None:
        self.current = result
        self.error.hide()
        now = result.now
        current = result.current
        self.when.setText(
            self.tr("{month}月{day}日 {weekday} {time} · {slot}体温 {deadline} 截止").format(
                month=now.month,
                day=now.day,
                weekday=QLocale().dayName(now.isoweekday()),  # 星期一 / Monday
                time=now.strftime("%H:%M"),
                slot=self._slot_label(current.slot),
                deadline=current.deadline.strftime("%H:%M"),
            )
        )
        self._show_report(result)
        empty = result.empty_ledger
        self.body.setCurrentWidget(self.start_panel if empty else self.lists)
        self.tiles_row.setVisible(not empty)
        if not empty:
            self._show_tiles(result)
            self._show_due(result)
            self._show_list(
                self.anomaly_section,
                self.anomaly_model,
                result.anomalies,
                self.tr("待处置异常（{count}）"),
            )
            self._show_positives(result)
            self._fit_anomaly_columns()
            self._show_list(
                self.release_section,
                self.release_model,
                result.due_for_release,
                self.tr("期满待解除（{count}）"),
                result.due_for_release_count,
            )
            self._place_release_buttons()
            self._show_list(
                self.gap_section,
                self.gap_model,
                result.coverage_gaps,
                self.tr("包保未落实（{count}）"),
                result.coverage_gap_count,
            )
        self._finished()

    def _show_report(self, result: TodayOverview) -> None:
        deadline = result.report_deadline.strftime("%H:%M")
        done = result.report_export
        if done is not None:
            text = self.tr("今日日报：每日 {deadline} 前报送 · 已于 {time} 由 {who} 导出").format(
                deadline=deadline, time=f"{done.at:%H:%M}", who=done.operator
            )
            style = "color: #1b5e20;"
        elif result.report_late:
            text = self.tr("今日日报：每日 {deadline} 前报送 · 已过截止时间，尚未导出！").format(
                deadline=deadline
            )
            style = "color: #c62828; font-weight: bold;"
        else:
            text = self.tr("今日日报：每日 {deadline} 前报送 · 尚未导出").format(deadline=deadline)
            style = ""
        self.report_status.setText(text)
        self.report_status.setStyleSheet(style)

    def export_todays_report(self) -> None:
        """导出今日日报: the save dialog at once, with the township's usual file name."""
        from app.ui.reports.daily_export import export_daily_report

        day = self.current.day if self.current is not None else self.clock().date()
        with refusal_shown(None) as refused:
            export_daily_report(
                self, self.ctx, day, on_done=self._report_exported, on_error=self._report_failed
            )
        if refused:
            self._report_failed(refused.error)

    def _report_exported(self, target: Path, summary: str) -> None:
        self.refresh()  # the line above now says when and by whom
        messages.show_info(
            self, self.tr("{summary}\n已保存到：{path}").format(summary=summary, path=target)
        )

    def _report_failed(self, error: BaseException) -> None:
        messages.show_error(self, str(error))

    def _show_tiles(self, result: TodayOverview) -> None:
        current = result.current
        late = sum(s.missing_count for s in result.late)
        due_text = self.tr("{slot}体温\n已测 {taken} / {due}").format(
            slot=self._slot_label(current.slot), taken=current.taken, due=current.due
        )
        if late:
            due_text = self.tr("{slot}体温 · 漏测 {late} 人\n已测 {taken} / {due}").format(
                slot=self._slot_label(current.slot), late=late, taken=current.taken, due=current.due
            )
        unhandled = sum(1 for a in result.anomalies if not a.action)
        totals = result.checkpoints
        texts = {
            "due": (due_text, bool(late)),
            "anomalies": (
                self.tr("待处置异常\n{count} 条（未处置 {unhandled}）").format(
                    count=len(result.anomalies), unhandled=unhandled
                ),
                bool(unhandled),
            ),
            "release": (
                self.tr("期满待解除\n{count} 人").format(count=result.due_for_release_count),
                False,
            ),
            "tests": self._tests_tile(result),
            "gaps": (
                self.tr("包保未落实\n{count} 人").format(count=result.coverage_gap_count),
                bool(result.coverage_gap_count),
            ),
            "checkpoints": (
                self.tr("今日卡点\n{vehicles} 辆 / {people} 人次，劝返 {back} 辆").format(
                    vehicles=totals.vehicles, people=totals.people, back=totals.turned_back_vehicles
                ),
                totals.abnormal > 0,
            ),
        }
        for key, (text, alert) in texts.items():
            tile = self.tiles[key]
            tile.setText(text)
            tile.setProperty("alert", alert)
            tile.style().unpolish(tile)
            tile.style().polish(tile)
        self.tiles["checkpoints"].setVisible(result.has_checkpoints)

    def _show_due(self, result: TodayOverview) -> None:
        lines: list[_DueLine] = []
        notes: list[str] = []
        for status in result.slots:
            late = status.passed and status.missing_count > 0
            if late:
                notes.append(
                    self.tr("{slot}体温 {deadline} 已截止，还有 {count} 人未测！").format(
                        slot=self._slot_label(status.slot),
                        deadline=status.deadline.strftime("%H:%M"),
                        count=status.missing_count,
                    )
                )
            lines += [_DueLine(item, status.slot, late) for item in status.missing]
        # The late round first: those readings are overdue.
        lines.sort(key=lambda line: not line.late)
        shown_all = all(len(s.missing) == s.missing_count for s in result.slots)
        if not shown_all:
            notes.append(self.tr("人数较多，这里只列出一部分，全部名单请到“体温登记”页。"))
        self.due_model.set_records(lines)
        self.due_table.resizeColumnsToContents()
        self.due_section.set_note("\n".join(notes), alert=any(s.passed for s in result.late))
        self.due_section.show_rows(len(lines))
        missing = sum(s.missing_count for s in result.slots)
        self.due_section.setTitle(self.tr("待测体温（{count}）").format(count=missing))

    def _show_list(
        self,
        section: _Section,
        model: RecordTableModel[Any],
        rows: Sequence[Any],
        title: str,
        total: int | None = None,
    ) -> None:
        """The first ``LIST_SHOWN`` of ``rows``, titled with ``total`` (the service may have
        counted more than it listed), and a link to the rest."""
        total = len(rows) if total is None else total
        shown = rows[:LIST_SHOWN]
        model.set_records(shown)
        section.show_rows(total)
        section.show_more(len(shown), total - len(shown))
        section.setTitle(title.format(count=total))
        section.table.resizeColumnsToContents()

    def _fit_anomaly_columns(self) -> None:
        """The anomaly list fits its half of a 1366-wide screen without sideways scrolling:
        情况 takes the room left, a long 措施 is cut short (the tooltip has it whole)."""
        table = self.anomaly_table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ANOMALY_SEEN, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        widest = max(
            table.sizeHintForColumn(ANOMALY_ACTION), header.sectionSizeHint(ANOMALY_ACTION)
        )
        table.setColumnWidth(ANOMALY_ACTION, min(widest, ACTION_COLUMN_MAX))

    def _tests_tile(self, result: TodayOverview) -> tuple[str, bool]:
        tests = result.tests
        if tests is None:
            return "", False
        text = self.tr("核酸检测 · 应检 {due}\n已采样 {sampled}，未出 {pending}，阳性 {positive}")
        return (
            text.format(
                due=tests.due, sampled=tests.sampled, pending=tests.pending, positive=tests.positive
            ),
            tests.positive > 0,
        )

    def _show_positives(self, result: TodayOverview) -> None:
        """核酸阳性 above everything else in the anomalies, until it is handled and closed."""
        names = "、".join(a.person_name for a in result.positives)
        text = ""
        if names:
            text = self.tr("核酸阳性：{names} —— 请立即报告并转运/送医！").format(names=names)
        self.anomaly_section.set_note(text, alert=True)

    def _blocker(self, case: CaseRow) -> str:
        return self.current.release_blockers.get(case.id, "") if self.current else ""

    def _release_waiting(self, case: CaseRow) -> str:
        return self._blocker(case) or self.tr("可以解除")

    def _place_release_buttons(self) -> None:
        """A 解除 button in each row of 期满待解除 (at most LIST_SHOWN, so widgets are fine),
        enabled only when the release rules are met (the 解除条件 column says what is missing)."""
        for row in range(self.release_proxy.rowCount()):
            index = self.release_proxy.index(row, RELEASE_ACTION)
            case_id = index.data(ObjectRole)
            button = QPushButton(self.tr("解除"))
            blocked = self.current.release_blockers.get(case_id) if self.current else None
            button.setEnabled(not blocked)
            button.setToolTip(blocked or "")
            button.setObjectName(f"release-{case_id}")
            button.clicked.connect(lambda _checked=False, case_id=case_id: self.release(case_id))
            self.release_table.setIndexWidget(index, button)

    # --- texts --------------------------------------------------------------------------------

    def _slot_label(self, slot: Slot) -> str:
        return self.tr("上午") if slot is Slot.AM else self.tr("下午")

    def _slot_text(self, line: _DueLine) -> str:
        label = self._slot_label(line.slot)
        return self.tr("{slot} 漏测").format(slot=label) if line.late else label

    def _anomaly_when(self, anomaly: AnomalyInfo) -> str:
        slot = ""
        if anomaly.slot:
            slot = self._slot_label(Slot(anomaly.slot))
        return f"{anomaly.detected_on:%m-%d} {slot}".strip()

    def _anomaly_action(self, anomaly: AnomalyInfo) -> str:
        if not anomaly.action:
            return self.tr("未处置")
        who = f"（{anomaly.handled_by}）" if anomaly.handled_by else ""
        return anomaly.action + who

    def _overdue_days(self, case: CaseRow) -> int:
        if self.current is None or case.planned_end is None:
            return 0
        return (self.current.day - case.planned_end).days

    def _release_text(self, case: CaseRow) -> str:
        if case.planned_end is None:
            return ""
        days = self._overdue_days(case)
        text = f"{case.planned_end:%m-%d}"
        if days > 0:
            return self.tr("{date} 逾期 {days} 天").format(date=text, days=days)
        if days == 0:
            return self.tr("{date} 今天").format(date=text)
        return text

    # --- going where the work is --------------------------------------------------------------

    def _open_due(self, index: QModelIndex) -> None:
        navigate(self, "rounds", ("case", index.data(ObjectRole)))

    def _open_anomaly(self, index: QModelIndex) -> None:
        source = self.anomaly_proxy.mapToSource(index)
        anomaly = self.anomaly_model.record(source.row())
        if anomaly.case_id is None and anomaly.pass_id is not None:  # a fever at the checkpoint
            navigate(self, "checkpoints", anomaly.pass_id)
        else:
            navigate(self, "rounds", ("anomaly", anomaly.id))

    def _open_release(self, index: QModelIndex) -> None:
        navigate(self, "roster", ("case", index.data(ObjectRole)))

    def _open_gap(self, index: QModelIndex) -> None:
        navigate(self, "assignments", ("case", index.data(ObjectRole)))

    def release(self, case_id: int) -> None:
        """解除 from the list: the end-of-case dialog with 期满解除 chosen."""
        from app.ui.pages.roster import open_end_case_dialog

        if open_end_case_dialog(self, self.ctx, case_id, reason="期满解除") is not None:
            self.ctx.events.roster_changed.emit()
            self.refresh()

    # --- start panel --------------------------------------------------------------------------

    def _add_first(self) -> None:
        navigate(self, "roster", ("new",))

    def _import(self) -> None:
        from app.ui.pages.roster import import_dialog_class

        navigate(self, "roster", ("import",) if import_dialog_class() is not None else None)

    def load_demo(self) -> None:
        question = self.tr(
            "将在当前台账里生成一个虚构的演示村（60 人、14 天的体温和卡点记录），"
            "用来熟悉各项功能。\n正式登记时请使用新的数据目录。继续吗？"
        )
        if not messages.ask_confirm(self, question):
            return
        from app.services import demo

        self.demo_button.setEnabled(False)
        run_in_background(
            self,
            demo.generate,
            self.ctx.db,
            on_done=self._demo_loaded,
            on_error=self._demo_failed,
            progress_label=self.tr("正在生成演示村…"),
        )

    def _demo_loaded(self, _summary: object) -> None:
        self.demo_button.setEnabled(True)
        for signal in self.ctx.events.all_signals():
            signal.emit()
        self.refresh()

    def _demo_failed(self, error: BaseException) -> None:
        self.demo_button.setEnabled(True)
        messages.show_error(self, str(error))
