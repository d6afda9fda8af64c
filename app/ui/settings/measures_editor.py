"""管控措施 — each measure's default length, whether the village takes temperatures, and the 包保
roles it requires: this is where 三包一 (医护人员 + 村干部 + 乡镇干部) becomes 五包一 or back.

A role or 测温 checkbox in the table saves at once; 新增/编辑 opens a dialog with every field.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import nucleic_schedule, reference
from app.services.nucleic_schedule import TestSchedule
from app.services.reference import MeasureInfo, NamedItem
from app.ui.context import UiContext
from app.ui.messages import refusal_shown
from app.ui.settings import PROBLEM_STYLE, SAVED_STYLE
from app.ui.widgets.list_table import ListTableModel
from app.ui.widgets.role_columns import RoleColumns
from app.ui.widgets.roles import DIMMED, SortRole
from app.ui.widgets.table_base import Index
from app.ui.widgets.table_view import current_key, row_table, select_key, sorting_proxy

log = logging.getLogger(__name__)

MAX_DAYS = 60


class MeasureTableModel(RoleColumns, ListTableModel[MeasureInfo]):
    """名称, 默认天数, 每日测温, one checkbox column per 包保 role, 状态, 核酸检测日."""

    NAME, DAYS, READINGS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("MeasureTableModel", "管控措施"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "默认天数"),
        QT_TRANSLATE_NOOP("MeasureTableModel", "每日测温"),
    )
    TRANSLATION_CONTEXT = "MeasureTableModel"
    FIXED_COLUMNS = len(HEADERS)

    # measure id, what to change ("readings" or a role id), checked
    toggle_requested = Signal(int, object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles: list[NamedItem] = []
        self._schedule = TestSchedule()

    def set_measures(
        self,
        measures: list[MeasureInfo],
        roles: list[NamedItem],
        schedule: TestSchedule | None = None,
    ) -> None:
        """The same measures and role columns are updated in place; other columns reset."""
        self._schedule = schedule or TestSchedule()
        if roles == self._roles:
            self._refresh_items(measures)
            return
        self.beginResetModel()
        self._items = list(measures)
        self._roles = list(roles)
        self.endResetModel()

    def measure_at(self, row: int) -> MeasureInfo:
        return self._items[row]

    def status_column(self) -> int:
        return self.FIXED_COLUMNS + len(self._roles)

    def tests_column(self) -> int:
        return self.status_column() + 1

    def is_checkbox_column(self, column: int) -> bool:
        return column == self.READINGS or self.role_of_column(column) is not None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.is_checkbox_column(index.column()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # The model never changes itself: the editor saves through the service and reloads.
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not self.is_checkbox_column(index.column()):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        measure = self._items[index.row()]
        staff_role = self.role_of_column(index.column())
        what: object = "readings" if staff_role is None else staff_role.id
        self.toggle_requested.emit(measure.id, what, checked)
        return False

    # --- TableModelBase -----------------------------------------------------------------------

    def _column_count(self) -> int:
        return self.FIXED_COLUMNS + len(self._roles) + 2

    def _titles(self) -> list[str]:
        return [
            *super()._titles(),
            *(role.name for role in self._roles),
            self.tr("状态"),
            self.tr("核酸检测日"),
        ]

    def _header_tooltip(self, section: int) -> str | None:
        staff_role = self.role_of_column(section)
        if staff_role is None:
            return None
        return self.tr("勾选：这种措施的人员必须落实一名{role}").format(role=staff_role.name)

    def _key(self, measure: MeasureInfo) -> int:
        return measure.id

    def _cell(self, measure: MeasureInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if measure.active else DIMMED
        if self.is_checkbox_column(column):
            checked = self._checked(measure, column)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            if role == SortRole:
                return int(checked)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(measure, column)
        if role == SortRole:
            if column == self.DAYS:
                return measure.default_days
            if column == self.status_column():
                return int(not measure.active)
            return measure.name
        return None

    def _checked(self, measure: MeasureInfo, column: int) -> bool:
        if column == self.READINGS:
            return measure.needs_readings
        staff_role = self.role_of_column(column)
        return staff_role is not None and staff_role.id in measure.required_role_ids

    def _text(self, measure: MeasureInfo, column: int) -> str | None:
        if column == self.NAME:
            return measure.name
        if column == self.DAYS:
            return (
                self.tr("{days} 天").format(days=measure.default_days)
                if measure.default_days
                else self.tr("不设期限")
            )
        if column == self.status_column():
            return self.tr("在用") if measure.active else self.tr("停用")
        if column == self.tests_column():
            days = self._schedule.days_for(measure.name)
            return "、".join(str(d) for d in days) if days else self.tr("不检测")
        return None


class MeasureEditDialog(QDialog):
    """新增/编辑管控措施 with every field; ``saved`` holds the result."""

    def __init__(
        self,
        ctx: UiContext,
        roles: list[NamedItem],
        measure: MeasureInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.measure = measure
        self.saved: MeasureInfo | None = None
        self.setWindowTitle(self.tr("编辑管控措施") if measure else self.tr("新增管控措施"))
        self.setMinimumWidth(440)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText(self.tr("例如：居家健康监测"))
        self.days = QSpinBox()
        self.days.setRange(0, MAX_DAYS)
        self.days.setSuffix(self.tr(" 天"))
        self.days.setSpecialValueText(self.tr("不设期限"))
        self.days.setValue(7)
        self.readings = QCheckBox(self.tr("本村每天两次测体温"))
        self.readings.setChecked(True)
        self.test_days = QLineEdit()
        self.test_days.setObjectName("testDays")
        self.test_days.setPlaceholderText(self.tr("例如：1,4,7；不做核酸检测留空"))
        form = QFormLayout()
        form.addRow(self.tr("名称(&M)"), self.name_edit)
        form.addRow(self.tr("默认天数(&D)"), self.days)
        form.addRow("", self.readings)
        form.addRow(self.tr("核酸检测日(&T)"), self.test_days)

        group = QGroupBox(self.tr("必须落实的包保角色（三包一：医护人员、村干部、乡镇干部）"))
        grid = QGridLayout(group)
        self.role_boxes: dict[int, QCheckBox] = {}
        for position, role in enumerate(roles):
            box = QCheckBox(role.name)
            self.role_boxes[role.id] = box
            grid.addWidget(box, position // 3, position % 3)

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        if measure is not None:
            self.name_edit.setText(measure.name)
            self.days.setValue(measure.default_days)
            self.readings.setChecked(measure.needs_readings)
            days = nucleic_schedule.schedule(ctx.db).days_for(measure.name)
            self.test_days.setText(",".join(str(d) for d in days))
            for role_id in measure.required_role_ids:
                if role_id in self.role_boxes:
                    self.role_boxes[role_id].setChecked(True)
        else:  # a new measure starts as 三包一, the usual scheme
            for role in roles[:3]:
                self.role_boxes[role.id].setChecked(True)
        self.name_edit.setFocus()

    def chosen_roles(self) -> list[int]:
        return [role_id for role_id, box in self.role_boxes.items() if box.isChecked()]

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            self.problem.setText(self.tr("请填写管控措施名称。"))
            self.name_edit.setFocus()
            return
        with refusal_shown(self.problem.setText) as refused:
            # Checked first: a bad 核酸检测日 must not leave the measure saved half-way.
            nucleic_schedule.parse_days(self.test_days.text(), measure=self.name_edit.text())
            self.saved = reference.save_measure(
                self.ctx.db,
                self.name_edit.text(),
                default_days=self.days.value(),
                needs_readings=self.readings.isChecked(),
                required_role_ids=self.chosen_roles(),
                measure_id=self.measure.id if self.measure else None,
            )
            nucleic_schedule.set_measure_days(self.ctx.db, self.saved.name, self.test_days.text())
        if refused:
            return
        log.info("measure saved: %s", self.saved.name)
        super().accept()


class MeasuresEditor(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: MeasureEditDialog | None = None
        self._roles: list[NamedItem] = []

        intro = QLabel(
            self.tr(
                "勾选每种管控措施必须落实的包保角色：默认“三包一”为医护人员、村干部、乡镇干部；"
                "实行“五包一”的地方再勾选民警、网格员等（角色在“包保角色”中添加）。勾选即保存。"
            )
        )
        intro.setWordWrap(True)
        self.model = MeasureTableModel(self)
        self.model.toggle_requested.connect(self._toggle)
        self.proxy = sorting_proxy(self.model, self, locale_aware=False)
        self.table = row_table(  # at first in the configured order
            self.proxy, "measureTable", sort=(-1, Qt.SortOrder.AscendingOrder)
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._edit_if_text(index))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        edit_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_shortcut.activated.connect(self.edit_current)

        self.add_button = QPushButton(self.tr("新增措施(&N)"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.toggle_button = QPushButton(self.tr("停用(&D)"))
        self.toggle_button.clicked.connect(self.toggle_active)
        self.status = QLabel()
        self.status.setStyleSheet(SAVED_STYLE)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        current = self.current_measure()
        self._roles = reference.staff_roles(self.ctx.db)
        self.model.set_measures(
            reference.measures(self.ctx.db, include_inactive=True),
            self._roles,
            nucleic_schedule.schedule(self.ctx.db),
        )
        self.table.resizeColumnsToContents()
        if current is not None:
            self.select(current.id)
        self._update_buttons()

    def current_measure(self) -> MeasureInfo | None:
        return self.model.item_of(current_key(self.table))

    def select(self, measure_id: int) -> None:
        select_key(self.table, measure_id)

    def add(self) -> None:
        self._open(None)

    def edit_current(self) -> None:
        measure = self.current_measure()
        if measure is not None:
            self._open(measure)

    def _edit_if_text(self, index: QModelIndex) -> None:
        if not self.model.is_checkbox_column(self.proxy.mapToSource(index).column()):
            self.edit_current()

    def _open(self, measure: MeasureInfo | None) -> None:
        dialog = MeasureEditDialog(self.ctx, self._roles, measure, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        self.dialog = dialog
        dialog.open()

    def _saved(self, dialog: MeasureEditDialog) -> None:
        self._changed()
        if dialog.saved is not None:
            self.select(dialog.saved.id)
            self.status.setText(self._describe(dialog.saved))

    def _toggle(self, measure_id: int, what: object, checked: bool) -> None:
        row = self.model.row_of(measure_id)
        if row is None:
            return
        measure = self.model.measure_at(row)
        roles = list(measure.required_role_ids)
        needs_readings = measure.needs_readings
        if what == "readings":
            needs_readings = checked
        elif checked and what not in roles:
            roles.append(int(what))  # type: ignore[call-overload]
        elif not checked and what in roles:
            roles.remove(what)  # type: ignore[arg-type]
        with refusal_shown(self) as refused:
            saved = reference.save_measure(
                self.ctx.db,
                measure.name,
                default_days=measure.default_days,
                needs_readings=needs_readings,
                required_role_ids=roles,
                measure_id=measure.id,
            )
        if refused:
            return
        self._changed()
        self.status.setText(self._describe(saved))

    def toggle_active(self) -> None:
        measure = self.current_measure()
        if measure is None:
            return
        with refusal_shown(self) as refused:
            reference.set_measure_active(self.ctx.db, measure.id, not measure.active)
        if refused:
            return
        self._changed()
        self.status.setText(
            self.tr("已停用「{name}」：登记时不再出现，已有人员不受影响。").format(
                name=measure.name
            )
            if measure.active
            else self.tr("已恢复使用「{name}」。").format(name=measure.name)
        )

    def _changed(self) -> None:
        # Measures are part of the roster; their required roles decide 包保 coverage.
        self.refresh()
        self.ctx.events.roster_changed.emit()
        self.ctx.events.assignments_changed.emit()

    def _describe(self, measure: MeasureInfo) -> str:
        if not measure.required_role_names:
            return self.tr("已保存：「{name}」不要求包保人员。").format(name=measure.name)
        return self.tr("已保存：「{name}」需要落实 {roles}。").format(
            name=measure.name, roles="、".join(measure.required_role_names)
        )

    def _update_buttons(self, *_args: object) -> None:
        measure = self.current_measure()
        self.edit_button.setEnabled(measure is not None)
        self.toggle_button.setEnabled(measure is not None)
        self.toggle_button.setText(
            self.tr("恢复使用(&D)")
            if measure is not None and not measure.active
            else self.tr("停用(&D)")
        )
