"""排查登记 — add a person to the roster, or change a registration.

Checked as the clerk types, with the same rules the services apply (``app.models.validation``):
the ID number on every keystroke (a valid resident ID fills in and locks birth date and sex), the
phone when the clerk leaves the field, dates as they are typed. The reason appears in red under
the field and 保存 stays disabled until everything required is right. A known ID offers the person
already registered. A save the services refuse shows why and keeps everything typed.

Keyboard: Enter moves to the next field (and saves on the last), Ctrl+S saves, Esc asks before
throwing typed input away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.config import Settings
from app.services import reference, roster
from app.services.concurrency import EditedElsewhere
from app.services.errors import Conflict, ServiceError
from app.services.fields import PERSON_CASE, Field, Place, RecordType
from app.services.reference import MeasureInfo, NamedItem
from app.services.roster import RESIDENT_ID, CaseInput, CaseRow, PersonInfo, PersonInput
from app.services.values import ValidationError, normalize_mobile_or_landline, parse_resident_id
from app.ui import messages
from app.ui.context import UiContext
from app.ui.roster.date_field import DateField
from app.ui.roster.field_editors import Editor, message_line, plain_editor, stack
from app.ui.widgets.table_base import field_title

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #6b7280;"
OK_STYLE = "color: #2e7d32;"
WARN_STYLE = "color: #b45309;"


@dataclass(frozen=True)
class _Choices:
    categories: list[NamedItem]
    measures: list[MeasureInfo]
    groups: list[str]
    day_one_is_start: bool
    default_measure: str


#: Marked * and refused blank (the name and the category and measure lists check themselves).
_REQUIRED = frozenset({"name", "category", "measure", "start_date"})
#: Dates that may lie ahead (the rest have happened: the services refuse a future one).
_AHEAD = frozenset({"planned_end"})


def _show(label: QLabel, text: str | None, style: str = ERROR_STYLE) -> None:
    label.setText(text or "")
    label.setStyleSheet(style)
    label.setVisible(bool(text))


class PersonDialog(QDialog):
    """New registration (``case_id=None``) or a change to one (``case_id``).

    After ``accept`` the saved row is in ``saved``; the caller emits ``roster_changed``. Its
    inputs are the fields ``record`` places on the form, in its order (a test tries a new field on
    a copy of the registry's person/case record type).
    """

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        case_id: int | None = None,
        record: RecordType = PERSON_CASE,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._record = record
        self._fields = record.form_fields()
        self._person_table, self._case_table = record.tables
        self._inputs = roster.form_inputs(record)
        self.saved: CaseRow | None = None
        self.case_id = case_id  # None: a new registration
        self._case: CaseRow | None = roster.case_row(ctx.db, case_id) if case_id else None
        self._person: PersonInfo | None = (
            roster.person_info(ctx.db, self._case.person_id) if self._case else None
        )
        self._existing_person_id: int | None = None  # chosen: register again a known person
        self._duplicate: PersonInfo | None = None  # someone else already holds the typed ID
        self._id_blocks_save = False  # the ID is wrong, unfinished or belongs to someone else
        self._phone_checked = False  # phone errors show once the clerk has left the field
        self._name_touched = False
        self._planned_by_hand = False
        self._choices = self._load_choices()

        self.setWindowTitle(self.tr("修改登记信息") if self._case else self.tr("新增人员登记"))
        self._build()
        self._fill()
        self._initial = self._snapshot()
        self._update_state()

    # --- building -----------------------------------------------------------------------------

    def _load_choices(self) -> _Choices:
        db = self.ctx.db
        categories = reference.categories(db)
        measures = reference.measures(db)
        if self._case is not None:  # a registration may use an entry since retired from the lists
            if all(c.id != self._case.category_id for c in categories):
                categories += [
                    c
                    for c in reference.categories(db, include_inactive=True)
                    if c.id == self._case.category_id
                ]
            if all(m.id != self._case.measure_id for m in measures):
                measures += [
                    m
                    for m in reference.measures(db, include_inactive=True)
                    if m.id == self._case.measure_id
                ]
        return _Choices(
            categories=categories,
            measures=measures,
            groups=roster.group_names(db),
            day_one_is_start=reference.read_setting(db, Settings.DAY_ONE_IS_START),
            default_measure=reference.read_setting(db, Settings.DEFAULT_MEASURE),
        )

    def _build(self) -> None:
        # One input per field the registry places on the form; a field with a factory here needs
        # a special editor, every other one gets the plain editor of its kind.
        special = {
            "id_type": self._id_type_editor,
            "id_number": self._id_number_editor,
            "sex": self._sex_editor,
            "group_name": self._group_editor,
            "category": self._category_editor,
            "measure": self._measure_editor,
            "planned_end": self._planned_end_editor,
        }
        self.editors: dict[str, Editor] = {}
        boxes = {
            self._person_table: QGroupBox(self.tr("人员信息")),
            self._case_table: QGroupBox(self.tr("管控信息")),
        }
        forms = {table: QFormLayout(box) for table, box in boxes.items()}
        for f in self._fields:
            title = field_title(f, Place.FORM)
            editor = special[f.key](f) if f.key in special else self._plain_editor(f)
            self.editors[f.key] = editor
            label = f"{title} *" if f.key in _REQUIRED else title
            forms[self._record.table_of(f)].addRow(label, editor.row)
        for form in forms.values():
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        # The inputs the checks below work with, by the names they read best under.
        widgets: dict[str, Any] = {key: editor.widget for key, editor in self.editors.items()}
        self.name: QLineEdit = widgets["name"]
        self.name_error = self._message("name")
        self.phone: QLineEdit = widgets["phone"]
        self.phone.setPlaceholderText(self.tr("手机 11 位，座机如 0577-88001234"))
        self.phone_error = self._message("phone")
        self.address: QLineEdit = widgets["address"]
        self.note: QLineEdit = widgets["person_note"]
        self.origin: QLineEdit = widgets["origin"]
        self.origin.setPlaceholderText(self.tr("如 上海市浦东新区"))
        self.birth: DateField = widgets["birth_date"]
        self.birth_error = self._message("birth_date")
        self.arrival: DateField = widgets["arrival_date"]
        self.arrival_error = self._message("arrival_date")
        self.start: DateField = widgets["start_date"]
        self.start_error = self._message("start_date")
        self.planned_end: DateField = widgets["planned_end"]
        self.planned_error = self._message("planned_end")
        #: The date inputs, in the form's order, with the names a clerk reads them by.
        self.dates: list[tuple[DateField, str]] = [
            (widgets[f.key], field_title(f, Place.FORM)) for f in self._fields if f.kind == "date"
        ]

        self.missing = QLabel()
        self.missing.setStyleSheet(HINT_STYLE)
        self.missing.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)  # Enter moves between fields instead
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)

        columns = QHBoxLayout()
        for box in boxes.values():
            columns.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(900)

        # Tab and Enter follow the order a paper registration form is read in (the form's).
        self._order: list[QWidget] = [editor.widget for editor in self.editors.values()]
        for first, second in zip(self._order, self._order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self._order[-1], self.save_button)
        for widget in self._order:
            widget.installEventFilter(self)
        self.group.lineEdit().installEventFilter(self)

        self.name.textChanged.connect(self._name_edited)
        self.id_type.currentIndexChanged.connect(lambda _i: self._check_id())
        self.id_number.textChanged.connect(lambda _t: self._check_id())
        self.id_number.editingFinished.connect(self._check_id)  # unfinished → a red reason
        self.phone.textChanged.connect(self._phone_edited)
        self.phone.editingFinished.connect(self._phone_left)
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        self.start.validity_changed.connect(self._start_edited)
        self.planned_end.textEdited.connect(self._planned_edited)
        for field, _title in self.dates:
            field.validity_changed.connect(self._update_state)
        self.category.currentIndexChanged.connect(lambda _i: self._update_state())
        self.sex.currentIndexChanged.connect(lambda _i: self._update_state())

    def _message(self, key: str) -> QLabel:
        message = self.editors[key].message
        assert message is not None
        return message

    def _plain_editor(self, f: Field) -> Editor:
        title = field_title(f, Place.FORM)
        return plain_editor(f, title, required=f.key in _REQUIRED, allow_future=f.key in _AHEAD)

    def _planned_end_editor(self, f: Field) -> Editor:
        """计划解除日期, with how the chosen measure counts it under the date."""
        plain = self._plain_editor(f)
        self.planned_hint = message_line()
        return replace(plain, row=stack(plain.row, self.planned_hint))

    def _id_type_editor(self, _f: Field) -> Editor:
        self.id_type = QComboBox()
        self.id_type.addItems(roster.ID_TYPES)
        return Editor(
            self.id_type, self.id_type, self.id_type.currentText, self.id_type.setCurrentText
        )

    def _id_number_editor(self, _f: Field) -> Editor:
        """The ID number, checked as typed, with 使用该人员 when someone already holds it."""
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(self._record["id_number"].max_length or 30)
        self.id_number.setPlaceholderText(self.tr("18 位，最后一位可以是 X"))
        self.id_hint = message_line()
        self.use_existing = QPushButton(self.tr("使用该人员"))
        self.use_existing.setAutoDefault(False)
        self.use_existing.hide()
        self.use_existing.clicked.connect(self._use_duplicate)
        id_row = QHBoxLayout()
        id_row.setContentsMargins(0, 0, 0, 0)
        id_row.addWidget(self.id_number, 1)
        id_row.addWidget(self.use_existing)
        id_widget = QWidget()
        id_widget.setLayout(id_row)
        return Editor(
            self.id_number,
            stack(id_widget, self.id_hint),
            lambda: self.id_number.text() or None,
            lambda value: self.id_number.setText(value or ""),
            self.id_hint,
        )

    def _sex_editor(self, _f: Field) -> Editor:
        self.sex = QComboBox()
        self.sex.addItems(["", self.tr("男"), self.tr("女")])
        self.sex.setItemData(1, "男")
        self.sex.setItemData(2, "女")
        return Editor(self.sex, self.sex, lambda: self.sex.currentData() or None, self._set_sex)

    def _group_editor(self, _f: Field) -> Editor:
        """村民小组: one of the groups the ledger knows, or a new one typed in."""
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(self._choices.groups)
        self.group.setCurrentIndex(-1)
        self.group.lineEdit().setPlaceholderText(self.tr("如 一组、3号楼"))
        return Editor(
            self.group,
            self.group,
            lambda: self.group.currentText() or None,
            lambda value: self.group.setEditText(value or ""),
        )

    def _category_editor(self, _f: Field) -> Editor:
        self.category = self._reference_combo(
            [(item.name, item.id) for item in self._choices.categories]
        )
        return self._reference_editor(self.category)

    def _measure_editor(self, _f: Field) -> Editor:
        self.measure = self._reference_combo([(m.name, m.id) for m in self._choices.measures])
        editor = self._reference_editor(self.measure)

        def put(measure_id: int | None) -> None:
            # A registration's own 计划解除日期 stays: choosing a measure would recompute it.
            self.measure.blockSignals(True)
            editor.set(measure_id)
            self.measure.blockSignals(False)

        return Editor(editor.widget, editor.row, editor.get, put)

    def _reference_combo(self, items: list[tuple[str, int]]) -> QComboBox:
        combo = QComboBox()
        combo.setPlaceholderText(self.tr("请选择"))
        for name, item_id in items:
            combo.addItem(name, item_id)
        combo.setCurrentIndex(-1)
        return combo

    @staticmethod
    def _reference_editor(combo: QComboBox) -> Editor:
        """A list of the ledger's 人员类别 or 管控措施: its value is the entry's id."""

        def choose(item_id: int | None) -> None:
            combo.setCurrentIndex(combo.findData(item_id))

        return Editor(combo, combo, combo.currentData, choose)

    def _fill(self) -> None:
        case, person = self._case, self._person
        if case is None or person is None:
            self.start.set_value(clock.today())
            default = self.measure.findText(self._choices.default_measure)
            self.measure.setCurrentIndex(default)  # fills 计划解除 from its length
            self.name.setFocus()
            return
        for f in self._fields:  # in the form's order: a valid ID locks birth date and sex first
            record = person if self._record.table_of(f) == self._person_table else case
            self.editors[f.key].set(getattr(record, f.column or f.key))
        self._planned_by_hand = True  # keep what was registered unless a new measure is picked
        self._phone_checked = True
        self._name_touched = True
        self._check_id()
        self._show_planned_hint()
        self.name.setFocus()

    # --- live checks --------------------------------------------------------------------------

    def _name_edited(self, _text: str) -> None:
        self._name_touched = True
        self._update_state()

    def _check_id(self) -> None:
        """On every keystroke: a valid resident ID fills in birth date and sex and locks them."""
        self._duplicate = None
        self._id_blocks_save = False
        self.use_existing.hide()
        text = self.id_number.text().strip()
        resident = self.id_type.currentText() == RESIDENT_ID
        self._lock_birth_and_sex(False)
        if not text:
            self._existing_person_id = None
            _show(self.id_hint, None)
        elif not resident:
            _show(self.id_hint, None)
            self._look_for_duplicate(text.upper())
        else:
            try:
                parsed = parse_resident_id(text)
            except ValidationError as problem:
                self._existing_person_id = None
                self._id_blocks_save = True
                typing = self.id_number.hasFocus() and len(text) < 18
                if typing and text.isascii() and text.isdigit():
                    _show(
                        self.id_hint,
                        self.tr("已输入 {count} 位，共 18 位").format(count=len(text)),
                        HINT_STYLE,
                    )
                else:
                    _show(self.id_hint, str(problem))
            else:
                self.birth.set_value(parsed.birth_date)
                self._set_sex(parsed.sex)
                self._lock_birth_and_sex(True)
                age = roster.age_on(parsed.birth_date, clock.today())
                summary = self.tr("✓ {born} 出生，{sex}，{age} 岁").format(
                    born=parsed.birth_date.isoformat(), sex=self.sex.currentText(), age=age
                )
                if parsed.upgraded_from_15:
                    summary += self.tr("（15 位老号码，已升级为 {number}）").format(
                        number=parsed.number
                    )
                _show(self.id_hint, summary, OK_STYLE)
                self._look_for_duplicate(parsed.number)
        self._update_state()

    def _look_for_duplicate(self, number: str) -> None:
        found = roster.find_person_by_id_number(self.ctx.db, number)
        own = self._person.id if self._person else None
        if found is None or found.id == own:
            self._existing_person_id = None
            return
        if found.id == self._existing_person_id:
            _show(
                self.id_hint,
                self.tr("将为已登记的「{name}」新增一次管控登记").format(name=found.name),
                OK_STYLE,
            )
            return
        self._existing_person_id = None
        self._duplicate = found
        group = found.group_name or self.tr("未填组别")
        if self._case is None:
            _show(
                self.id_hint,
                self.tr("此身份证号已登记为 {name}（{group}），可直接使用该人员").format(
                    name=found.name, group=group
                ),
                WARN_STYLE,
            )
            self.use_existing.show()
        else:
            self._id_blocks_save = True
            _show(
                self.id_hint,
                self.tr("此证件号码已属于另一人 {name}（{group}），请核对").format(
                    name=found.name, group=group
                ),
            )

    def _use_duplicate(self) -> None:
        """Take the known person's details and register a new period for them."""
        found = self._duplicate
        if found is None:
            return
        self._existing_person_id = found.id
        self.name.setText(found.name)
        for f in self._inputs.person_fields:  # what is not who they are: 联系电话, 现住址 …
            self.editors[f.key].set(getattr(found, f.column or f.key))
        if found.id_type != RESIDENT_ID:
            self._set_sex(found.sex)
            self.birth.set_value(found.birth_date)
        self._check_id()
        self.category.setFocus()

    def _lock_birth_and_sex(self, locked: bool) -> None:
        tip = self.tr("已按身份证号自动填写") if locked else ""
        for widget in (self.birth, self.sex):
            widget.setEnabled(not locked)
            widget.setToolTip(tip)

    def _set_sex(self, sex: str | None) -> None:
        self.sex.setCurrentIndex(max(self.sex.findData(sex), 0) if sex else 0)

    def _phone_edited(self, _text: str) -> None:
        if self._phone_checked and self.phone_error.isVisible():
            self._phone_left()  # re-check so fixing the number clears the message at once
        else:
            self._update_state()

    def _phone_left(self) -> None:
        self._phone_checked = True
        _show(self.phone_error, self._phone_problem())
        self._update_state()

    def _phone_problem(self) -> str | None:
        if not self.phone.text().strip():
            return None
        try:
            normalize_mobile_or_landline(self.phone.text())
        except ValidationError as problem:
            return str(problem)
        return None

    def _measure(self) -> MeasureInfo | None:
        measure_id = self.measure.currentData()
        return next((m for m in self._choices.measures if m.id == measure_id), None)

    def _measure_chosen(self, _index: int) -> None:
        self._planned_by_hand = False
        self._fill_planned_end()

    def _start_edited(self) -> None:
        if not self._planned_by_hand:
            self._fill_planned_end()
        self._update_state()

    def _planned_edited(self, _text: str) -> None:
        self._planned_by_hand = True
        self._show_planned_hint()

    def _fill_planned_end(self) -> None:
        measure, start = self._measure(), self.start.value()
        if measure is not None and start is not None:
            self.planned_end.set_value(
                roster.planned_end_for(
                    start, measure.default_days, day_one_is_start=self._choices.day_one_is_start
                )
            )
        self._show_planned_hint()
        self._update_state()

    def _show_planned_hint(self) -> None:
        measure = self._measure()
        if measure is None:
            _show(self.planned_hint, None)
        elif measure.default_days <= 0:
            _show(
                self.planned_hint,
                self.tr("{measure}不设观察期").format(measure=measure.name),
                HINT_STYLE,
            )
        else:
            _show(
                self.planned_hint,
                self.tr("{measure}按 {days} 天计（可修改）").format(
                    measure=measure.name, days=measure.default_days
                ),
                HINT_STYLE,
            )

    # --- state --------------------------------------------------------------------------------

    def _problems(self) -> list[str]:
        """What keeps 保存 disabled, as the field names a clerk sees."""
        problems: list[str] = []
        if not self.name.text().strip():
            problems.append(self.tr("姓名"))
        if self._id_blocks_save:
            problems.append(self.tr("证件号码"))
        if self._phone_checked and self._phone_problem():
            problems.append(self.tr("联系电话"))
        if self.category.currentIndex() < 0:
            problems.append(self.tr("人员类别"))
        if self.measure.currentIndex() < 0:
            problems.append(self.tr("管控措施"))
        for field, label in self.dates:
            if field.error():
                problems.append(label)
        if self._period_problem():
            problems.append(self.tr("计划解除日期"))
        return list(dict.fromkeys(problems))

    def _period_problem(self) -> str | None:
        start, end = self.start.value(), self.planned_end.value()
        if start is not None and end is not None and end < start:
            return self.tr("计划解除日期：{end} 早于开始日期（{start}），请核对").format(
                end=end.isoformat(), start=start.isoformat()
            )
        return None

    def _update_state(self) -> None:
        _show(
            self.name_error,
            self.tr("姓名：不能为空")
            if self._name_touched and not self.name.text().strip()
            else None,
        )
        for f in self._fields:
            if f.kind == "date":
                field: DateField = self.editors[f.key].widget  # type: ignore[assignment]
                error = field.error() if field.isEnabled() else None  # locked: from the ID
                _show(self._message(f.key), error)
        _show(self.planned_error, self.planned_end.error() or self._period_problem())
        problems = self._problems()
        self.save_button.setEnabled(not problems)
        self.missing.setText(
            self.tr("保存前请填写或改正：{fields}").format(fields=self.tr("、").join(problems))
            if problems
            else ""
        )
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow when a message appears under a field: wrapped lines would otherwise be cut off
        (a dialog's minimum size ignores the height wrapped labels need for its width)."""
        layout = self.layout()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    def _snapshot(self) -> tuple[str, ...]:
        return tuple(
            w.currentText() if isinstance(w, QComboBox) else w.text()
            for w in self._order
            if isinstance(w, QComboBox | QLineEdit)
        )

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # --- saving -------------------------------------------------------------------------------

    def _typed(self, table: str) -> dict[str, Any]:
        """What the form holds of ``table``'s fields, by column (the input's keywords)."""
        return {
            f.column or f.key: self.editors[f.key].get()
            for f in self._fields
            if self._record.table_of(f) == table
        }

    def _person_input(self) -> PersonInput:
        typed = self._typed(self._person_table) | {"name": self.name.text()}
        return self._inputs.person(**typed)  # type: ignore[no-any-return]

    def _case_input(self) -> CaseInput:
        assert self.start.value() is not None  # 保存 is disabled without a valid start date
        case = self._case
        return self._inputs.case(  # type: ignore[no-any-return]
            **self._typed(self._case_table), source_pass_id=case.source_pass_id if case else None
        )

    def save(self) -> None:
        self._phone_left()
        if not self.save_button.isEnabled():
            self._focus_first_problem()
            return
        try:
            self.saved = self._store()
        except EditedElsewhere as clash:
            self._edited_elsewhere(clash)
            return
        except Conflict as conflict:
            if not self._offer_known_person(conflict):
                self._refused(conflict)
            return
        except (ServiceError, ValidationError) as error:
            self._refused(error)
            return
        if self.saved is not None:
            self.accept()

    def _store(self) -> CaseRow | None:
        db = self.ctx.db
        if self._case is not None and self._person is not None:
            return roster.update_registration(
                db, self._person, self._person_input(), self._case, self._case_input()
            )
        if self._duplicate is not None and self._existing_person_id is None:
            found = self._duplicate
            question = self.tr("此身份证号已登记为 {name}（{group}），使用该人员？").format(
                name=found.name, group=found.group_name or self.tr("未填组别")
            )
            if not messages.ask_confirm(self, question):
                self.id_number.setFocus()
                return None
            self._existing_person_id = found.id
        return roster.register_case(
            db,
            self._person_input(),
            self._case_input(),
            existing_person_id=self._existing_person_id,
        )

    def _edited_elsewhere(self, clash: EditedElsewhere) -> None:
        """Another clerk saved this record since the form opened: show both values, keep what
        was typed, and take the record as it is now, so saving again keeps this clerk's values
        knowingly instead of being refused a second time."""
        messages.show_error(self, str(clash))
        if self._case is not None:
            self._case = roster.case_row(self.ctx.db, self._case.id)
            self._person = roster.person_info(self.ctx.db, self._case.person_id)

    def _offer_known_person(self, conflict: Conflict) -> bool:
        """Someone registered this ID meanwhile (another window, an import): offer that person."""
        if self._case is not None or self._existing_person_id is not None:
            return False
        self._check_id()
        if self._duplicate is None:
            return False
        try:
            self.saved = self._store()
        except (ServiceError, ValidationError) as error:
            self._refused(error)
            return True
        if self.saved is not None:
            self.accept()
        return True

    def _refused(self, error: Exception) -> None:
        """Say why, next to the field when there is one, and leave every typed value in place."""
        messages.show_error(self, str(error))
        if isinstance(error, ValidationError):
            target = {
                f.label: (editor.widget, editor.message)
                for f in self._fields
                if (editor := self.editors[f.key]).message is not None
            }.get(error.field)
            if target is not None:
                widget, label = target
                _show(label, str(error))
                widget.setFocus()

    def _focus_first_problem(self) -> None:
        checks: list[tuple[QWidget, bool]] = [
            (self.name, not self.name.text().strip()),
            (self.id_number, self._id_blocks_save),
            (self.phone, bool(self._phone_problem())),
            (self.category, self.category.currentIndex() < 0),
            (self.measure, self.measure.currentIndex() < 0),
            *((field, bool(field.error())) for field, _title in self.dates),
            (self.planned_end, bool(self._period_problem())),
        ]
        self._name_touched = True
        self._update_state()
        for widget, bad in checks:
            if bad and widget.isEnabled():
                widget.setFocus()
                return

    def reject(self) -> None:
        if self.is_dirty() and not messages.ask_confirm(
            self, self.tr("放弃已填写的内容？填写的信息不会保存。")
        ):
            return
        super().reject()

    # --- keyboard -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _is_plain_enter(event):
            self._enter_pressed(watched)
            return True
        return super().eventFilter(watched, event)

    def _enter_pressed(self, watched: QObject) -> None:
        widget = self.group if watched is self.group.lineEdit() else watched
        if widget is self._order[-1]:
            self.save()
            return
        self.focusNextChild()  # disabled fields (birth date and sex locked by the ID) are skipped


def _is_plain_enter(event: QEvent) -> bool:
    """Enter or Return without Ctrl/Shift/Alt (the keypad's Enter counts)."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
    )
