"""One person at a glance (人员详情): details, every period of management, the current 包保 team
with phones, temperatures over the period, the anomalies with what was done, and every 核酸 sample
with where the schedule of the chosen period stands (a 阳性 not yet handled is marked in red).

Shown inside the roster page (double-click a row, or ``navigate("roster", ("person", id))``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.services import assignments, checkpoints, nucleic_tests, reference, roster, rounds
from app.services.errors import NotFound
from app.services.nucleic_tests import ScheduledTest, TestInfo
from app.services.roster import CaseRow, PersonInfo
from app.services.rounds import AnomalyInfo
from app.services.values import TestResult
from app.ui.context import UiContext
from app.ui.pages.base import page_heading
from app.ui.printing.actions import CaseNoticeActions
from app.ui.roster.navigation import navigate
from app.ui.roster.table_model import status_text
from app.ui.widgets.anomaly_kinds import kind_text
from app.ui.widgets.nucleic_labels import RESULT_COLORS, result_text
from app.ui.widgets.record_table import RecordColumn, RecordTableModel
from app.ui.widgets.roles import ALERT, MUTED, ObjectRole
from app.ui.widgets.table_view import sorting_proxy
from app.ui.widgets.temperature_history import TemperatureHistoryWidget

# Columns of the cases table, the anomalies table and the tests table.
CASE_CATEGORY, CASE_MEASURE, CASE_START, CASE_PLANNED, CASE_STATUS = range(5)
ANOMALY_DAY, ANOMALY_KIND, ANOMALY_SEEN, ANOMALY_ACTION, ANOMALY_OUTCOME = range(5)
TEST_SAMPLED, TEST_RESULT, TEST_LAB, TEST_RESULT_DAY = range(4)

# How a scheduled test's state is coloured in the schedule line.
_STATE_COLORS = {
    nucleic_tests.MISSED: "#c62828",
    TestResult.POSITIVE.value: "#c62828",
    TestResult.NEGATIVE.value: "#2e7d32",
}


def _small_table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


class PersonView(QWidget):
    """``show_person(person_id)``; emits ``back`` when the clerk returns to the roster list."""

    back = Signal()
    edit_requested = Signal(int)  # case id
    end_requested = Signal(int)  # case id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: PersonInfo | None = None
        self.cases: list[CaseRow] = []
        self._case_id: int | None = None

        self.back_button = QPushButton(self.tr("← 返回台账 (Esc)"))
        self.back_button.clicked.connect(self.back)
        # QShortcut rather than a button shortcut: that one clicks only after a 100 ms animation.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back.emit)
        self.heading = page_heading("")
        self.edit_button = QPushButton(self.tr("编辑 (F2)"))
        self.edit_button.clicked.connect(self._edit)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self._edit)
        self.end_button = QPushButton(self.tr("解除/结束"))
        self.end_button.clicked.connect(self._end)
        self.notice_actions = CaseNoticeActions(self, ctx, lambda: self._case_id)
        print_menu = QMenu(self)
        self.notice_actions.add_to(print_menu)
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setMenu(print_menu)
        # The loudest line of the page while a 阳性 is not handled (closed as an anomaly).
        self.positive_mark = QLabel()
        self.positive_mark.setObjectName("positiveMark")
        self.positive_mark.setStyleSheet(
            "QLabel#positiveMark { color: white; background: #c62828; font-weight: bold;"
            " padding: 2px 8px; border-radius: 3px; }"
        )
        self.positive_mark.hide()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading)
        top.addWidget(self.positive_mark)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.end_button)
        top.addWidget(self.print_button)

        self.details = QGridLayout()
        self.details.setHorizontalSpacing(18)
        self.detail_values: dict[str, QLabel] = {}
        labels = (
            ("id", self.tr("证件")),
            ("birth", self.tr("出生日期")),
            ("phone", self.tr("联系电话")),
            ("group", self.tr("村民小组")),
            ("address", self.tr("现住址")),
            ("note", self.tr("备注")),
        )
        for index, (key, text) in enumerate(labels):
            caption = QLabel(text + self.tr("："))
            caption.setStyleSheet("color: #6b7280;")
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_values[key] = value
            row, column = divmod(index, 3)
            self.details.addWidget(caption, row, column * 2)
            self.details.addWidget(value, row, column * 2 + 1)
        for column in (1, 3, 5):
            self.details.setColumnStretch(column, 1)

        self.cases_model: RecordTableModel[CaseRow] = RecordTableModel(
            [
                RecordColumn(self.tr("人员类别"), lambda c: c.category),
                RecordColumn(self.tr("管控措施"), lambda c: c.measure),
                RecordColumn(self.tr("开始日期"), lambda c: c.start_date.isoformat()),
                RecordColumn(
                    self.tr("计划解除"),
                    lambda c: c.planned_end.isoformat() if c.planned_end else "",
                ),
                RecordColumn(
                    self.tr("状态"),
                    status_text,
                    color=lambda c: None if c.ended_on is None and not c.deleted else MUTED,
                ),
            ],
            key=lambda c: c.id,
            parent=self,
        )
        self.cases_table = _small_table("personCases")
        self.cases_proxy = sorting_proxy(self.cases_model, self)
        self.cases_table.setModel(self.cases_proxy)
        self.cases_table.sortByColumn(CASE_START, Qt.SortOrder.DescendingOrder)
        self.cases_table.selectionModel().selectionChanged.connect(self._case_selected)
        self.cases_table.setMaximumHeight(130)

        self.team = QLabel()
        self.team.setTextFormat(Qt.TextFormat.RichText)
        self.team.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("去分配包保"))
        self.assign_button.clicked.connect(
            lambda: navigate(self, "assignments", ("case", self._case_id))
        )

        def handled(a: AnomalyInfo) -> str:
            if not a.action:
                return self.tr("未处置")
            who = f"（{a.handled_by}）" if a.handled_by else ""
            return a.action + who

        self.anomalies_model: RecordTableModel[AnomalyInfo] = RecordTableModel(
            [
                RecordColumn(
                    self.tr("日期"), lambda a: self._when(a), sort=lambda a: a.detected_on
                ),
                RecordColumn(self.tr("类型"), lambda a: kind_text(a.kind)),
                RecordColumn(
                    self.tr("情况"), lambda a: a.observation, tooltip=lambda a: a.observation
                ),
                RecordColumn(
                    self.tr("处置"),
                    handled,
                    color=lambda a: ALERT if not a.action else None,
                    tooltip=handled,
                ),
                RecordColumn(
                    self.tr("结果"),
                    lambda a: a.outcome or (self.tr("处理中") if not a.closed else ""),
                    color=lambda a: None if a.closed else ALERT,
                ),
            ],
            key=lambda a: a.id,
            parent=self,
        )
        self.anomalies_table = _small_table("personAnomalies")
        self.anomalies_table.setModel(sorting_proxy(self.anomalies_model, self))
        self.anomalies_table.sortByColumn(ANOMALY_DAY, Qt.SortOrder.DescendingOrder)
        self.anomalies_table.activated.connect(
            lambda index: navigate(self, "rounds", ("anomaly", index.data(ObjectRole)))
        )

        self.tests_model: RecordTableModel[TestInfo] = RecordTableModel(
            [
                RecordColumn(self.tr("采样日期"), lambda t: t.sample_date.isoformat()),
                RecordColumn(
                    self.tr("检测结果"),
                    lambda t: result_text(t.result),
                    color=lambda t: RESULT_COLORS.get(t.result),
                ),
                RecordColumn(self.tr("检测机构"), lambda t: t.lab or "", tooltip=lambda t: t.lab),
                RecordColumn(
                    self.tr("结果日期"), lambda t: t.tested_on.isoformat() if t.tested_on else ""
                ),
            ],
            key=lambda t: t.id,
            parent=self,
        )
        self.tests_table = _small_table("personTests")
        self.tests_table.setModel(sorting_proxy(self.tests_model, self))
        self.tests_table.sortByColumn(TEST_SAMPLED, Qt.SortOrder.DescendingOrder)  # newest first
        self.test_schedule = QLabel()
        self.test_schedule.setObjectName("testSchedule")
        self.test_schedule.setTextFormat(Qt.TextFormat.RichText)
        self.test_schedule.setWordWrap(True)

        self.temperatures = TemperatureHistoryWidget(ctx, self)  # chart with the fever line

        cases_box = QGroupBox(self.tr("管控记录（选中一条查看该期的包保、体温和异常）"))
        QVBoxLayout(cases_box).addWidget(self.cases_table)
        team_box = QGroupBox(self.tr("包保责任人"))
        team_layout = QHBoxLayout(team_box)
        team_layout.addWidget(self.team, 1)
        team_layout.addWidget(self.assign_button, 0, Qt.AlignmentFlag.AlignTop)
        self.anomalies_box = anomalies_box = QGroupBox(self.tr("异常与处置"))
        QVBoxLayout(anomalies_box).addWidget(self.anomalies_table)
        temperatures_box = QGroupBox(self.tr("体温"))
        QVBoxLayout(temperatures_box).addWidget(self.temperatures)
        self.tests_box = tests_box = QGroupBox(self.tr("核酸检测"))
        tests_layout = QVBoxLayout(tests_box)
        tests_layout.addWidget(self.test_schedule)
        tests_layout.addWidget(self.tests_table, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(temperatures_box)
        right.addWidget(tests_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(cases_box)
        left_layout.addWidget(team_box)
        left_layout.addWidget(anomalies_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])  # the cases and anomalies tables need the room at 1366 px
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.details)
        layout.addWidget(splitter, 1)

    # --- showing ------------------------------------------------------------------------------

    def show_person(self, person_id: int, case_id: int | None = None) -> None:
        self.person = roster.person_info(self.ctx.db, person_id)
        self.cases = roster.cases_of_person(self.ctx.db, person_id)
        person = self.person
        age = roster.age_on(person.birth_date, clock.today())
        facts = [f for f in (person.sex, self.tr("{age} 岁").format(age=age) if age else "") if f]
        self.heading.setText(" · ".join([person.name, *facts]))
        id_text = f"{person.id_type} {person.id_number}" if person.id_number else self.tr("未填")
        values = {
            "id": id_text,
            "birth": person.birth_date.isoformat() if person.birth_date else "",
            "phone": person.phone or "",
            "group": person.group_name or "",
            "address": person.address or "",
            "note": person.note or "",
        }
        for key, value in values.items():
            self.detail_values[key].setText(value)
        self._show_tests(person_id)
        chosen = case_id if any(c.id == case_id for c in self.cases) else self._default_case()
        self.cases_model.set_records([c for c in self.cases if not c.deleted or c.id == chosen])
        self.cases_table.resizeColumnsToContents()
        self._select_case(chosen)

    def refresh(self) -> None:
        if self.person is None:
            return
        try:
            self.show_person(self.person.id, self._case_id)
        except NotFound:
            self.back.emit()

    def current_case(self) -> CaseRow | None:
        return next((c for c in self.cases if c.id == self._case_id), None)

    def _default_case(self) -> int | None:
        live = [c for c in self.cases if not c.deleted]
        open_cases = [c for c in live if c.ended_on is None]
        chosen = open_cases or live or self.cases
        return max(chosen, key=lambda c: (c.start_date, c.id)).id if chosen else None

    def _select_case(self, case_id: int | None) -> None:
        for row in range(self.cases_proxy.rowCount()):
            index = self.cases_proxy.index(row, 0)
            if index.data(ObjectRole) == case_id:
                self.cases_table.selectRow(row)
                break
        self._show_case(case_id)

    def _case_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            case_id = indexes[0].data(ObjectRole)
            if case_id != self._case_id:
                self._show_case(case_id)

    def _show_case(self, case_id: int | None) -> None:
        self._case_id = case_id
        case = self.current_case()
        open_case = case is not None and case.ended_on is None and not case.deleted
        self.edit_button.setEnabled(case is not None and not case.deleted)
        self.end_button.setEnabled(open_case)
        self.notice_actions.update(case)
        self._show_team(case, open_case)
        found = rounds.anomalies(self.ctx.db, open_only=False, case_id=case_id) if case_id else []
        self.anomalies_model.set_records(found)
        self.anomalies_table.resizeColumnsToContents()
        self.anomalies_box.setTitle(self.tr("异常与处置（{count}）").format(count=len(found)))
        self._show_schedule(case_id)
        if case_id is None:
            self.temperatures.clear()
        else:
            self.temperatures.show_case(case_id)

    def _show_tests(self, person_id: int) -> None:
        """Every sample of the person, newest first, and the 阳性 mark while not handled."""
        tests = sorted(
            nucleic_tests.tests_of_person(self.ctx.db, person_id),
            key=lambda t: t.sample_date,
            reverse=True,
        )
        self.tests_model.set_records(tests)
        self.tests_table.resizeColumnsToContents()
        self.tests_box.setTitle(self.tr("核酸检测（{count}）").format(count=len(tests)))
        latest = nucleic_tests.latest_tests(self.ctx.db, [person_id]).get(person_id)
        if latest is not None and latest.positive_on is not None:
            self.positive_mark.setText(
                self.tr("核酸阳性（采样 {month}月{day}日）· 未处置").format(
                    month=latest.positive_on.month, day=latest.positive_on.day
                )
            )
            self.positive_mark.show()
        else:
            self.positive_mark.hide()

    def _show_schedule(self, case_id: int | None) -> None:
        """The chosen period's scheduled tests: done, due today, missed (red) or still to come."""
        due = nucleic_tests.scheduled_tests(self.ctx.db, case_id) if case_id else []
        if not due:
            self.test_schedule.setText(escape(self.tr("本期管控措施不要求核酸检测。")))
            return
        parts = [self._scheduled_text(test) for test in due]
        self.test_schedule.setText(escape(self.tr("检测安排：")) + " · ".join(parts))

    def _scheduled_text(self, test: ScheduledTest) -> str:
        states = {
            nucleic_tests.MISSED: self.tr("漏检"),
            nucleic_tests.DUE_TODAY: self.tr("今日应检"),
            nucleic_tests.UPCOMING: self.tr("待检"),
            nucleic_tests.NOT_BACK: self.tr("结果未出"),
        }
        text = escape(
            self.tr("第{number}天 {date} {state}").format(
                number=test.number,
                date=f"{test.due_on:%m-%d}",
                state=states.get(test.state) or result_text(test.state),
            )
        )
        color = _STATE_COLORS.get(test.state)
        return f'<span style="color:{color}">{text}</span>' if color else text

    def _show_team(self, case: CaseRow | None, open_case: bool) -> None:
        if case is None:
            self.team.setText("")
            self.assign_button.setEnabled(False)
            return
        members = assignments.teams(self.ctx.db, [case.id]).get(case.id, [])
        measure = next(
            (
                m
                for m in reference.measures(self.ctx.db, include_inactive=True)
                if m.id == case.measure_id
            ),
            None,
        )
        held = {m.role_id for m in members}
        lines = [
            f"{escape(m.role)}：<b>{escape(m.name)}</b> {escape(m.phone or '')}" for m in members
        ]
        if open_case and measure is not None:
            lines += [
                f'<span style="color:#c62828">{escape(name)}：{escape(self.tr("未分配"))}</span>'
                for role_id, name in zip(
                    measure.required_role_ids, measure.required_role_names, strict=True
                )
                if role_id not in held
            ]
        if not lines:
            lines = [escape(self.tr("无包保人员（该措施不要求包保）"))]
        source = checkpoints.pass_of_case(self.ctx.db, case.id) if case.source_pass_id else None
        if source is not None:
            # The link back to the gate: where and when this person was let through.
            lines.append(
                escape(
                    self.tr("来自卡点：{checkpoint} {plate}，{time}").format(
                        checkpoint=source.checkpoint,
                        plate=source.plate,
                        time=source.passed_at.strftime("%Y-%m-%d %H:%M"),
                    )
                )
            )
        self.team.setText("<br>".join(lines))
        self.assign_button.setEnabled(open_case)

    def _when(self, anomaly: AnomalyInfo) -> str:
        slot = ""
        if anomaly.slot:
            slot = self.tr("上午") if anomaly.slot == rounds.Slot.AM.value else self.tr("下午")
        return f"{anomaly.detected_on:%m-%d} {slot}".strip()

    # --- actions ------------------------------------------------------------------------------

    def _edit(self) -> None:
        case = self.current_case()
        if case is not None and not case.deleted:
            self.edit_requested.emit(case.id)

    def _end(self) -> None:
        case = self.current_case()
        if case is not None and case.ended_on is None and not case.deleted:
            self.end_requested.emit(case.id)
