"""转入居家观察: from a vehicle pass straight onto the roster, with the 三包一 team, in one step.

The person (driver or an occupant) is chosen from the pass; name, ID, phone, 来源地, the arrival
date and the destination (as the address) are carried over; the clerk picks the measure and, for
each role the measure requires, who answers for the person. Saving is one transaction
(``checkpoints.admit_from_pass``): the case, its team and the occupant's link, or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.config import Settings
from app.services import assignments, reference, roster
from app.services import checkpoints as checkpoint_service
from app.services.assignments import StaffInfo
from app.services.checkpoints import PassInfo
from app.services.reference import MeasureInfo
from app.services.roster import CaseInput, CaseRow, PersonInput
from app.services.values import ValidationError, parse_resident_id
from app.ui import messages
from app.ui.checkpoints.plate_input import ERROR_STYLE
from app.ui.context import UiContext
from app.ui.messages import refusal_shown

DRIVER = -1  # the person combo's data for the driver (occupants carry their occupant id)
PREFERRED_CATEGORY = "中高风险地区返乡人员"


class AdmitDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        info: PassInfo,
        *,
        occupant_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.result_row: CaseRow | None = None
        self.setWindowTitle(self.tr("转入居家观察 — {plate}").format(plate=info.plate))
        db = ctx.db
        self._measures: list[MeasureInfo] = reference.measures(db)
        self._staff: list[StaffInfo] = sorted(
            assignments.staff_list(db), key=lambda s: (s.load, s.name)
        )
        self._roles = {r.id: r.name for r in reference.staff_roles(db)}

        self.person = QComboBox()
        self.person.setObjectName("admitWho")
        self.name = QLineEdit()
        self.name.setObjectName("admitName")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("admitIdNumber")
        self.phone = QLineEdit()
        self.phone.setObjectName("admitPhone")
        self.address = QLineEdit(info.destination or "")
        self.address.setObjectName("admitAddress")
        self.origin = QLineEdit(info.origin or "")
        self.origin.setObjectName("admitOrigin")
        pass_day = QDate(info.passed_at.year, info.passed_at.month, info.passed_at.day)
        self.arrival = QDateEdit(pass_day)
        self.arrival.setObjectName("admitArrival")
        self.arrival.setCalendarPopup(True)
        self.arrival.setDisplayFormat("yyyy-MM-dd")
        self.arrival.setMaximumDate(QDate(clock.today()))
        self.start = QDateEdit(pass_day)
        self.start.setObjectName("admitStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMaximumDate(QDate(clock.today()))
        self.category = QComboBox()
        self.category.setObjectName("admitCategory")
        for item in reference.categories(db):
            self.category.addItem(item.name, item.id)
        self.category.setCurrentIndex(max(0, self.category.findText(PREFERRED_CATEGORY)))
        self.measure = QComboBox()
        self.measure.setObjectName("admitMeasure")
        for measure in self._measures:
            self.measure.addItem(measure.name, measure.id)
        default_measure = reference.read_setting(db, Settings.DEFAULT_MEASURE)
        self.measure.setCurrentIndex(max(0, self.measure.findText(default_measure)))

        self.team_box = QGroupBox(self.tr("包保责任人（三包一）"))
        self.team_form = QFormLayout(self.team_box)
        self.team: dict[int, QComboBox] = {}
        self.error = QLabel()
        self.error.setObjectName("admitError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("人员"), self.person)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("身份证号"), self.id_number)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("居住地址"), self.address)
        form.addRow(self.tr("来源地"), self.origin)
        form.addRow(self.tr("抵达日期"), self.arrival)
        form.addRow(self.tr("人员类别"), self.category)
        form.addRow(self.tr("管控措施"), self.measure)
        form.addRow(self.tr("开始日期"), self.start)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("转入台账"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.team_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        self._fill_people(occupant_id)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.measure.currentIndexChanged.connect(self._build_team)
        self.arrival.dateChanged.connect(self.start.setDate)
        self._person_chosen()
        self._build_team()

    # --- choices ------------------------------------------------------------------------------

    def _fill_people(self, occupant_id: int | None) -> None:
        info = self.info
        entries: list[tuple[str, int, bool]] = [
            (
                self.tr("驾驶员 {name}").format(name=info.driver_name or self.tr("（未填姓名）")),
                DRIVER,
                info.driver_case_id is not None,
            )
        ]
        entries += [
            (self.tr("乘车人 {name}").format(name=o.name), o.id, o.case_id is not None)
            for o in info.occupants
        ]
        model = self.person.model()
        first_free = None
        for position, (label, data, admitted) in enumerate(entries):
            self.person.addItem(label + (self.tr("（已转入台账）") if admitted else ""), data)
            if admitted and isinstance(model, QStandardItemModel):
                item = model.item(position)
                if item is not None:
                    item.setEnabled(False)
            elif first_free is None:
                first_free = position
        wanted = self.person.findData(DRIVER if occupant_id is None else occupant_id)
        if wanted >= 0 and not entries[wanted][2]:
            self.person.setCurrentIndex(wanted)
        elif first_free is not None:
            self.person.setCurrentIndex(first_free)
        else:
            self.error.setText(self.tr("这辆车登记的人员都已转入台账。"))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def chosen_occupant_id(self) -> int | None:
        data = self.person.currentData()
        return None if data in (None, DRIVER) else int(data)

    def _person_chosen(self, *_args: object) -> None:
        occupant_id = self.chosen_occupant_id()
        if occupant_id is None:
            name, id_number, phone = (
                self.info.driver_name,
                self.info.driver_id_number,
                self.info.driver_phone,
            )
        else:
            occupant = next(o for o in self.info.occupants if o.id == occupant_id)
            name, id_number, phone = occupant.name, occupant.id_number, occupant.phone
        self.name.setText(name or "")
        self.id_number.setText(id_number or "")
        self.phone.setText(phone or "")

    def _build_team(self, *_args: object) -> None:
        while self.team_form.rowCount():
            self.team_form.removeRow(0)
        self.team.clear()
        measure = next((m for m in self._measures if m.id == self.measure.currentData()), None)
        roles = measure.required_role_ids if measure else ()
        for role_id in roles:
            combo = QComboBox()
            combo.setObjectName(f"admitRole{role_id}")
            candidates = [s for s in self._staff if s.role_id == role_id]
            for staff in candidates:
                combo.addItem(
                    self.tr("{name}（在管 {load} 人）").format(name=staff.name, load=staff.load),
                    staff.id,
                )
            combo.addItem(
                self.tr("（暂不指定）") if candidates else self.tr("（暂无该角色的包保人员）"),
                None,
            )
            self.team[role_id] = combo
            self.team_form.addRow(self._roles.get(role_id, str(role_id)), combo)
        self.team_box.setVisible(bool(roles))

    def chosen_team(self) -> dict[int, int]:
        return {
            role_id: combo.currentData()
            for role_id, combo in self.team.items()
            if combo.currentData() is not None
        }

    # --- saving ---------------------------------------------------------------------------------

    def accept(self) -> None:
        existing_person_id = None
        typed_id = self.id_number.text().strip()
        if typed_id:
            try:
                number = parse_resident_id(typed_id).number
            except ValidationError:
                number = None  # the service gives the reason
            known = roster.find_person_by_id_number(self.ctx.db, number) if number else None
            if known is not None:
                question = self.tr(
                    "身份证号 {id} 已登记为「{name}」。转入时使用这位已有人员吗？"
                ).format(id=number, name=known.name)
                if not messages.ask_confirm(self, question):
                    return
                existing_person_id = known.id
        person = PersonInput(
            name=self.name.text(),
            id_number=typed_id or None,
            phone=self.phone.text() or None,
            address=self.address.text() or None,
        )
        case = CaseInput(
            category_id=self.category.currentData(),
            measure_id=self.measure.currentData(),
            start_date=self.start.date().toPython(),
            origin=self.origin.text() or None,
            arrival_date=self.arrival.date().toPython(),
        )
        with refusal_shown(self.error.setText) as refused:
            self.result_row = checkpoint_service.admit_from_pass(
                self.ctx.db,
                self.info.id,
                self.chosen_occupant_id(),
                person,
                case,
                self.chosen_team(),
                existing_person_id=existing_person_id,
            )
        if refused:
            return
        super().accept()
