"""The fast entry form for one stopped vehicle: 一停 二看 三问 四测 五消 六记.

Peak hours bring a car a minute, so everything is on the keyboard: Tab moves on, Enter (in any
field) saves and the form clears for the next car with the cursor back on the plate, Esc clears,
↑ in an empty 来源地/目的地/事由 field brings back the last value, F3 repeats all three from the
last car, F2 opens the province picker. The form only builds a ``PassInput``; the page saves it.
A save that is refused leaves everything as typed, names every problem of the form at once (each
field marked red), puts the cursor on the first one, and clears each mark as soon as its field is
fixed. The driver's temperature is their own; each passenger's is in the passengers table.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services.checkpoints import PassInfo, PassInput, PlaceHints, feverish_aboard
from app.services.values import (
    DIRECTIONS,
    VEHICLE_TYPES,
    Disposition,
    ValidationError,
    is_fever,
    normalize_mobile_or_landline,
    parse_resident_id,
    parse_temperature,
)
from app.ui.checkpoints.labels import shown
from app.ui.checkpoints.occupants import OccupantsEditor, rows_from
from app.ui.checkpoints.plate_input import ERROR_STYLE, PlateInput

NOTE_STYLE = "color: #1565c0;"
INVALID_FIELD_STYLE = "border: 1px solid #a61b1b;"
WARN_STYLE = "color: #e65100;"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormProblem(Exception):
    """Why the form cannot be saved, and the field to put the cursor in."""

    def __init__(self, widget: QWidget, message: str) -> None:
        super().__init__(message)
        self.widget = widget
        self.message = message


class FormProblems(Exception):
    """Every problem of the form at once, in the order of the fields."""

    def __init__(self, problems: list[FormProblem]) -> None:
        super().__init__("；".join(p.message for p in problems))
        self.problems = problems


class _HistoryField(QLineEdit):
    """A text field that remembers the last value saved (↑ brings it back) and completes from
    recently used ones."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMaxLength(100)
        self.last_value = ""
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        # QCompleter's own filter (installed with its popup) swallows a click outside the list;
        # ours, installed after it, runs first and passes the click on to where it was aimed.
        completer.popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer().popup() if self.completer() else None
        if (
            watched is popup
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and not popup.rect().contains(event.position().toPoint())
        ):
            popup.hide()
            pass_click_on(event)
            return True
        return super().eventFilter(watched, event)

    def set_choices(self, values: tuple[str, ...]) -> None:
        self._choices.setStringList(list(values))

    def choices(self) -> list[str]:
        return self._choices.stringList()

    def recall(self) -> bool:
        if self.text() or not self.last_value:
            return False
        self.setText(self.last_value)
        return True


def pass_click_on(event: QMouseEvent) -> None:
    """Deliver a press that closed a popup to the widget under the pointer, as if the popup
    had not been there (its release follows by itself once the popup's mouse grab is gone)."""
    point = event.globalPosition().toPoint()
    target = QApplication.widgetAt(point)
    if target is None:
        return
    local = target.mapFromGlobal(point)
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        local.toPointF(),
        event.globalPosition(),
        event.button(),
        event.buttons(),
        event.modifiers(),
    )

    def deliver() -> None:
        if target.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            target.setFocus(Qt.FocusReason.MouseFocusReason)
        QApplication.sendEvent(target, press)

    QTimer.singleShot(0, target, deliver)


class EntryForm(QGroupBox):
    """``saveRequested`` when the clerk presses Enter or 保存; ``plateFinished(plate)`` when a valid
    plate is left, so the page can offer that car's last details; ``cancelEditRequested`` when
    the clerk abandons changing a saved pass."""

    saveRequested = Signal()
    plateFinished = Signal(str)
    cancelEditRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryForm")
        self.setTitle(self.tr("登记车辆：一停 二看 三问 四测 五消 六记"))
        self.threshold = 37.3
        self.editing: PassInfo | None = None
        self.duty_field: QLineEdit | None = None  # 值守人员, in the page's shift bar
        self._offered_plate = ""
        self._marked: dict[QWidget, str] = {}  # field → what is wrong with it, in form order

        self.plate = PlateInput()
        self.vehicle_type = QComboBox()
        self.vehicle_type.setObjectName("vehicleType")
        for value in VEHICLE_TYPES:
            self.vehicle_type.addItem(shown(value), value)
        self.direction = QComboBox()
        self.direction.setObjectName("direction")
        for value in DIRECTIONS:
            self.direction.addItem(shown(value), value)
        self.driver_name = QLineEdit()
        self.driver_name.setObjectName("driverName")
        self.driver_name.setMaxLength(50)
        self.driver_id = QLineEdit()
        self.driver_id.setObjectName("driverId")
        self.driver_id.setPlaceholderText(self.tr("选填"))
        self.driver_phone = QLineEdit()
        self.driver_phone.setObjectName("driverPhone")
        self.driver_phone.setPlaceholderText(self.tr("选填"))
        self.people = QSpinBox()
        self.people.setObjectName("peopleAboard")
        self.people.setRange(1, 99)
        self.people.setSuffix(self.tr(" 人"))
        self.people.setToolTip(self.tr("车上总人数，含驾驶员"))
        self.origin = _HistoryField("origin")
        self.origin.setPlaceholderText(self.tr("从哪里来（↑ 上次的）"))
        self.destination = _HistoryField("destination")
        self.destination.setPlaceholderText(self.tr("到谁家去（↑ 上次的）"))
        self.purpose = _HistoryField("purpose")
        self.purpose.setPlaceholderText(self.tr("来干什么（↑ 上次的）"))
        self.temperature = QLineEdit()  # the driver's own; passengers' are in their table
        self.temperature.setObjectName("temperature")
        self.temperature.setPlaceholderText(self.tr("℃"))
        self.temperature.setMaxLength(8)
        self.disinfected = QCheckBox(self.tr("已消毒"))
        self.disinfected.setObjectName("disinfected")
        self.disinfected.setChecked(True)
        self.disposition = QComboBox()
        self.disposition.setObjectName("disposition")
        for item in Disposition:
            self.disposition.addItem(shown(item.value), item.value)
        self.action = QLineEdit()
        self.action.setObjectName("actionTaken")
        self.action.setMaxLength(200)
        self.action.setPlaceholderText(
            self.tr("体温异常时必填：采取了什么措施（复测、送发热门诊、报告卫生院…）")
        )
        self.action_label = QLabel(self.tr("处置情况"))
        self.fever_label = QLabel()
        self.fever_label.setObjectName("feverLabel")
        self.fever_label.setStyleSheet(ERROR_STYLE)

        self.occupants = OccupantsEditor()
        self.occupants.setVisible(False)
        self.occupants.setMaximumHeight(130)
        self.occupants_toggle = QPushButton()
        self.occupants_toggle.setObjectName("occupantsToggle")
        self.occupants_toggle.setCheckable(True)
        self.occupants_toggle.setToolTip(self.tr("需要逐一登记车上人员时展开（Alt+R 添加一行）"))

        self.note = QLabel()
        self.note.setObjectName("formNote")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.edit_banner = QLabel()
        self.edit_banner.setObjectName("editBanner")
        self.edit_banner.setStyleSheet(WARN_STYLE)
        self.cancel_edit_button = QPushButton(self.tr("取消修改"))
        self.cancel_edit_button.setObjectName("cancelEdit")
        self.clear_button = QPushButton(self.tr("清空 (Esc)"))
        self.clear_button.setObjectName("clearForm")
        self.save_button = QPushButton(self.tr("保存 (Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self._build_layout()
        self._wire()
        self._update_occupants_toggle(0)
        self._show_edit_state()

    # --- layout -------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        def pair(row: int, column: int, label: str, widget: QWidget, span: int = 1) -> None:
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, column * 2 + 1, 1, span * 2 - 1)

        pair(0, 0, self.tr("车牌号"), self.plate, span=2)
        pair(0, 2, self.tr("车辆类型"), self.vehicle_type)
        pair(0, 3, self.tr("方向"), self.direction)
        # Under the plate: what the plate is (or why not), and what its last visit filled in.
        grid.addWidget(self.plate.status, 1, 1, 1, 3)
        grid.addWidget(self.note, 1, 4, 1, 4)
        pair(2, 0, self.tr("驾驶员"), self.driver_name)
        pair(2, 1, self.tr("身份证号"), self.driver_id)
        pair(2, 2, self.tr("联系电话"), self.driver_phone)
        pair(2, 3, self.tr("车上人数"), self.people)
        pair(3, 0, self.tr("来源地"), self.origin)
        pair(3, 1, self.tr("目的地"), self.destination)
        pair(3, 2, self.tr("事由"), self.purpose)
        pair(3, 3, self.tr("驾驶员体温"), self.temperature)
        grid.addWidget(self.disinfected, 4, 1)
        pair(4, 1, self.tr("处置"), self.disposition)
        grid.addWidget(self.action_label, 4, 4, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.action, 4, 5, 1, 3)
        self.action_label.setBuddy(self.action)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.occupants_toggle)
        bottom.addWidget(self.fever_label)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.edit_banner)
        bottom.addWidget(self.cancel_edit_button)
        bottom.addWidget(self.clear_button)
        bottom.addWidget(self.save_button)

        outer = QGridLayout(self)
        outer.setContentsMargins(8, 4, 8, 6)
        outer.addLayout(grid, 0, 0)
        outer.addWidget(self.occupants, 1, 0)
        outer.addLayout(bottom, 2, 0)

        chain = [
            self.plate.edit, self.vehicle_type, self.direction,
            self.driver_name, self.driver_id, self.driver_phone, self.people,
            self.origin, self.destination, self.purpose, self.temperature,
            self.disinfected, self.disposition, self.action, self.occupants_toggle,
            self.save_button,
        ]  # fmt: skip
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire(self) -> None:
        self._entry_widgets: list[QWidget] = [
            self.plate.edit, self.plate.other, self.vehicle_type, self.direction,
            self.driver_name, self.driver_id, self.driver_phone, self.people,
            self.origin, self.destination, self.purpose, self.temperature,
            self.disinfected, self.disposition, self.action,
            # The passengers table too: a cell being typed in has its own editor, which keeps
            # Enter for itself (it finishes the cell); Enter on the table then saves the car.
            self.occupants.view,
        ]  # fmt: skip
        for widget in self._entry_widgets:
            widget.installEventFilter(self)
        self.save_button.clicked.connect(self.saveRequested)
        self.clear_button.clicked.connect(self.escape)
        self.cancel_edit_button.clicked.connect(self.cancelEditRequested)
        self.plate.plateFinished.connect(self._plate_finished)
        self.temperature.textChanged.connect(self._update_fever)
        for field in (self.driver_id, self.driver_phone, self.temperature):
            field.editingFinished.connect(lambda field=field: self._check_now(field))
        for field in (self.plate.edit, self.driver_id, self.driver_phone, self.temperature,
                      self.action):  # fmt: skip
            field.textChanged.connect(lambda _text, field=field: self._recheck(field))
        self.plate.other.toggled.connect(lambda _on: self._recheck(self.plate.edit))
        self.occupants.temperaturesChanged.connect(self._update_fever)
        self.occupants.temperaturesChanged.connect(lambda: self._recheck(self.action))
        self.occupants.model.dataChanged.connect(lambda *_: self._recheck(self.occupants.view))
        self.occupants.countChanged.connect(self._occupants_counted)
        self.occupants_toggle.toggled.connect(self._toggle_occupants)

    # --- keyboard -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if self._editing_a_passenger_cell(watched):
                # Enter in a cell editor is passed on to the table after the editor has queued
                # the commit of the cell: it finishes the cell and must not save a half-typed row.
                return False
            key = event.key()
            if key in _ENTER_KEYS and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                self.saveRequested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.escape()
                return True
            if key == Qt.Key.Key_F3:
                self.repeat_last_places()
                return True
            if key == Qt.Key.Key_F2:
                self.plate.show_picker()
                return True
            if key == Qt.Key.Key_Up and isinstance(watched, _HistoryField) and watched.recall():
                return True
        return super().eventFilter(watched, event)

    def _editing_a_passenger_cell(self, watched: QObject) -> bool:
        view = self.occupants.view
        return watched is view and view.state() == QAbstractItemView.State.EditingState

    def escape(self) -> None:
        """Esc: abandon a change to a saved pass, or clear what was typed for a new one."""
        if self.editing is not None:
            self.cancelEditRequested.emit()
        else:
            self.clear_for_next()

    def repeat_last_places(self) -> None:
        """F3 同上: the last car's 来源地, 目的地 and 事由."""
        for field in (self.origin, self.destination, self.purpose):
            if field.last_value:
                field.setText(field.last_value)

    # --- values in and out ----------------------------------------------------------------------

    def set_threshold(self, threshold: float) -> None:
        self.threshold = threshold
        self._update_fever()

    def set_hints(self, hints: PlaceHints) -> None:
        self.origin.set_choices(hints.origins)
        self.destination.set_choices(hints.destinations)
        self.purpose.set_choices(hints.purposes)
        for field, values in (
            (self.origin, hints.origins),
            (self.destination, hints.destinations),
            (self.purpose, hints.purposes),
        ):
            if not field.last_value and values:
                field.last_value = values[0]

    def remember_saved(self, saved: PassInfo) -> None:
        """What ↑ and F3 bring back next time."""
        for field, value in (
            (self.origin, saved.origin),
            (self.destination, saved.destination),
            (self.purpose, saved.purpose),
        ):
            if value:
                field.last_value = value
                if value not in field.choices():
                    field.set_choices((value, *field.choices()))

    def set_duty_field(self, field: QLineEdit) -> None:
        """值守人员 lives in the shift bar; the form checks it with its own fields."""
        self.duty_field = field
        field.textChanged.connect(lambda _text: self._recheck(field))

    def build_input(self, checkpoint_id: int | None, duty_staff: str) -> PassInput:
        """The typed pass; raises ``FormProblems`` naming every field that is wrong."""
        problems = [
            FormProblem(widget, message)
            for widget, message in ((w, self._problem_of(w)) for w in self._checked_fields())
            if message
        ]
        editing = self.editing
        if editing is None and checkpoint_id is None:
            problems.insert(0, FormProblem(self.plate.edit, self.tr("请先在上方选择卡点。")))
        if problems:
            raise FormProblems(problems)
        occupants, _none = self.occupants.model.checked_inputs()
        # A pass saved before drivers had their own reading keeps its vehicle-wide highest.
        legacy_highest = (
            editing.max_temperature if editing and editing.driver_temperature is None else None
        )
        return PassInput(
            checkpoint_id=editing.checkpoint_id if editing else checkpoint_id or 0,
            plate=self.plate.plate_text(),
            passed_at=editing.passed_at if editing else None,
            plate_is_other=self.plate.is_other(),
            direction=self.direction.currentData(),
            vehicle_type=self.vehicle_type.currentData(),
            driver_name=self.driver_name.text(),
            driver_id_number=self.driver_id.text(),
            driver_phone=self.driver_phone.text(),
            people_aboard=self.people.value(),
            origin=self.origin.text(),
            destination=self.destination.text(),
            purpose=self.purpose.text(),
            driver_temperature=self.temperature.text() or None,
            max_temperature=None if legacy_highest is None else f"{legacy_highest:.1f}",
            disinfected=self.disinfected.isChecked(),
            disposition=self.disposition.currentData(),
            action_taken=self.action.text(),
            duty_staff=editing.duty_staff if editing else duty_staff,
            occupants=tuple(occupants),
        )

    def _checked_fields(self) -> list[QWidget]:
        """The fields with a rule, in the order the clerk meets them."""
        fields: list[QWidget] = [
            self.plate.edit, self.driver_id, self.driver_phone, self.temperature,
            self.occupants.view, self.action,
        ]  # fmt: skip
        if self.duty_field is not None:
            fields.append(self.duty_field)
        return fields

    def _problem_of(self, widget: QWidget) -> str:
        """What is wrong with one field now ("" when nothing)."""
        if widget is self.plate.edit:
            reason = self.plate.problem()
            return self.tr("车牌号：{reason}").format(reason=reason) if reason else ""
        checks: dict[QWidget, Callable[[str], object]] = {
            self.driver_id: parse_resident_id,
            self.driver_phone: normalize_mobile_or_landline,
            self.temperature: parse_temperature,
        }
        if widget in checks and isinstance(widget, QLineEdit):
            try:
                if widget.text().strip():
                    checks[widget](widget.text())
            except ValidationError as error:
                return str(error)
            return ""
        if widget is self.occupants.view:
            _rows, row = self.occupants.model.checked_inputs()
            if row is None:
                return ""
            return self.tr("第 {number} 位乘车人：{reason}").format(
                number=row.row + 1, reason=row.message
            )
        if widget is self.action:
            highest = self.highest_temperature()
            if highest is None or not is_fever(highest, self.threshold):
                return ""
            if self.action.text().strip():
                return ""
            return self.tr(
                "体温 {value} ℃ 达到发热标准（≥{threshold} ℃），请填写采取的处置措施。"
            ).format(value=f"{highest:.1f}", threshold=f"{self.threshold:.1f}")
        duty = self.duty_field
        if widget is duty and duty is not None and self.editing is None and not duty.text().strip():
            return self.tr("请在上方填写本班值守人员。")
        return ""

    def feverish_people(self) -> list[str]:
        """ "乘车人 李四 37.8 ℃" for everyone aboard whose own reading is a fever."""
        passengers = [(r.name.strip() or self.tr("乘车人"), _reading(r.temperature))
                      for r in self.occupants.model.rows()]  # fmt: skip
        found = feverish_aboard(
            self.driver_name.text().strip() or None,
            self._typed_temperature(),
            passengers,
            self.threshold,
        )
        return [f"{role} {name} {value:.1f} ℃" for role, name, value in found]

    def highest_temperature(self) -> float | None:
        values = [v for v in (self._typed_temperature(), self.occupants.model.highest_temperature())
                  if v is not None]  # fmt: skip
        return max(values) if values else None

    def show_problems(self, problems: list[FormProblem]) -> None:
        """Mark every field at fault, list every reason, put the cursor on the first."""
        self._unmark_all()
        for problem in problems:
            self._mark(problem.widget, problem.message)
        self._show_marked()
        first = problems[0].widget
        if first is self.occupants.view:
            _rows, row = self.occupants.model.checked_inputs()
            self.occupants_toggle.setChecked(True)
            if row is not None:
                self.occupants.focus_cell(row.row, row.column)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(first, QLineEdit):
            first.selectAll()

    def show_problem(self, problem: FormProblem) -> None:
        self.show_problems([problem])

    def show_error(self, message: str) -> None:
        self._unmark_all()
        self.error.setText(message)

    def _mark(self, widget: QWidget, message: str) -> None:
        self._marked[widget] = message
        widget.setStyleSheet(INVALID_FIELD_STYLE)

    def _unmark(self, widget: QWidget) -> None:
        if self._marked.pop(widget, None) is not None:
            widget.setStyleSheet("")

    def _unmark_all(self) -> None:
        for widget in list(self._marked):
            self._unmark(widget)

    def _show_marked(self) -> None:
        order = self._checked_fields()
        marked = sorted(self._marked.items(), key=lambda kv: _position(order, kv[0]))
        # One sentence per problem, each without its own full stop: "…措施；请…人员。"
        reasons = [message.rstrip("。") for _widget, message in marked]
        self.error.setText("；".join(reasons) + "。" if reasons else "")

    def _check_now(self, widget: QLineEdit) -> None:
        """Say at once what is wrong with a value just typed (the save refuses it anyway)."""
        message = self._problem_of(widget)
        if message:
            self._mark(widget, message)
        else:
            self._unmark(widget)
        self._show_marked()

    def _recheck(self, widget: QWidget) -> None:
        """A field marked wrong is unmarked the moment it is right (its message goes too)."""
        if widget in self._marked and not self._problem_of(widget):
            self._unmark(widget)
            self._show_marked()

    def clear_for_next(self) -> None:
        """Saved: empty the form for the next car (direction, province, 已消毒 stay)."""
        self.editing = None
        self._offered_plate = ""
        self.plate.clear()
        for field in (
            self.driver_name, self.driver_id, self.driver_phone, self.origin,
            self.destination, self.purpose, self.temperature, self.action,
        ):  # fmt: skip
            field.clear()
        self.vehicle_type.setCurrentIndex(0)
        self.people.setValue(1)
        self.disposition.setCurrentIndex(0)
        self.occupants.model.set_rows([])
        self.occupants_toggle.setChecked(False)
        self.note.clear()
        self._unmark_all()
        self.error.clear()
        self._update_fever()
        self._show_edit_state()
        self.plate.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_pass(self, info: PassInfo) -> None:
        """修改: put a saved pass in the form; saving then updates it."""
        self.clear_for_next()
        self.editing = info
        self._offered_plate = info.plate
        self.plate.set_plate(info.plate, other=info.plate_kind == "其他号牌")
        self._select(self.vehicle_type, info.vehicle_type)
        self._select(self.direction, info.direction)
        self.driver_name.setText(info.driver_name or "")
        self.driver_id.setText(info.driver_id_number or "")
        self.driver_phone.setText(info.driver_phone or "")
        self.people.setValue(info.people_aboard)
        self.origin.setText(info.origin or "")
        self.destination.setText(info.destination or "")
        self.purpose.setText(info.purpose or "")
        temperature = info.driver_temperature
        self.temperature.setText("" if temperature is None else f"{temperature:.1f}")
        self.disinfected.setChecked(info.disinfected)
        self._select(self.disposition, info.disposition)
        self.action.setText(info.action_taken or "")
        rows = rows_from(info.occupants)
        self.occupants.model.set_rows(rows)
        self.occupants_toggle.setChecked(bool(rows))
        self._show_edit_state()
        self.plate.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def offer_last(self, last: PassInfo) -> None:
        """A plate seen before: fill the fields still empty with that car's last details."""
        filled: list[str] = []
        for field, value, name in (
            (self.driver_name, last.driver_name, self.tr("驾驶员")),
            (self.driver_id, last.driver_id_number, self.tr("身份证号")),
            (self.driver_phone, last.driver_phone, self.tr("联系电话")),
            (self.origin, last.origin, self.tr("来源地")),
            (self.destination, last.destination, self.tr("目的地")),
            (self.purpose, last.purpose, self.tr("事由")),
        ):
            if value and not field.text().strip():
                field.setText(value)
                filled.append(name)
        if last.vehicle_type and self.vehicle_type.currentIndex() == 0:
            self._select(self.vehicle_type, last.vehicle_type)
        when = f"{last.passed_at:%m-%d %H:%M}"
        parts: list[str] = []
        if filled:
            parts.append(
                self.tr("已带出上次登记信息（{when}）：{fields}").format(
                    when=when, fields="、".join(filled)
                )
            )
        if last.disposition == Disposition.TURNED_BACK.value:
            parts.append(self.tr("注意：该车 {when} 曾被劝返。").format(when=when))
        if parts:
            self.note.setText(" ".join(parts))

    # --- behaviour ------------------------------------------------------------------------------

    def _plate_finished(self, plate: str) -> None:
        if (
            self.editing is None
            and plate
            and plate != self._offered_plate
            and not self.plate.problem()
        ):
            self._offered_plate = plate
            self.plateFinished.emit(plate)

    def _typed_temperature(self) -> float | None:
        return _reading(self.temperature.text())

    def _update_fever(self, *_args: object) -> None:
        highest = self.highest_temperature()
        fever = highest is not None and is_fever(highest, self.threshold)
        if fever:
            self.fever_label.setText(self.tr("体温异常 {value} ℃").format(value=f"{highest:.1f}"))
            self.action_label.setText(self.tr("处置情况 *"))
            self.action_label.setStyleSheet(ERROR_STYLE)
        else:
            self.fever_label.clear()
            self.action_label.setText(self.tr("处置情况"))
            self.action_label.setStyleSheet("")

    def _occupants_counted(self, count: int) -> None:
        self._update_occupants_toggle(count)
        # 车上人数 includes the driver, so it is at least one more than the named passengers.
        if self.people.value() < count + 1:
            self.people.setValue(count + 1)

    def _update_occupants_toggle(self, count: int) -> None:
        arrow = "▾" if self.occupants_toggle.isChecked() else "▸"
        self.occupants_toggle.setText(
            self.tr("乘车人明细 {arrow} ({count})").format(arrow=arrow, count=count)
        )

    def _toggle_occupants(self, shown_now: bool) -> None:
        self.occupants.setVisible(shown_now)
        self._update_occupants_toggle(self.occupants.model.filled_count())
        if shown_now and self.occupants.model.rowCount() == 0:
            self.occupants.add_row()

    def _show_edit_state(self) -> None:
        editing = self.editing
        self.edit_banner.setVisible(editing is not None)
        self.cancel_edit_button.setVisible(editing is not None)
        if editing is not None:
            self.edit_banner.setText(
                self.tr("正在修改 {plate}（{time}）的登记").format(
                    plate=editing.plate, time=f"{editing.passed_at:%H:%M}"
                )
            )
            self.save_button.setText(self.tr("保存修改 (Enter)"))
        else:
            self.save_button.setText(self.tr("保存 (Enter)"))

    @staticmethod
    def _select(combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)


def _reading(text: str) -> float | None:
    try:
        return parse_temperature(text) if text.strip() else None
    except ValidationError:
        return None


def _position(order: list[QWidget], widget: QWidget) -> int:
    return order.index(widget) if widget in order else len(order)
