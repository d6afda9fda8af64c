"""Adding a column is one registry entry: a field added to a test-only copy of the person/case
record type is read from a county list under its real header names, shown in a table, printed in
the ledger and the daily report's 当日新增 list, filled in on a person the ledger already has,
named in the audit trail, and typed in the person form — with no other code written for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.excel.daily_report import Signature, write_daily_report
from app.excel.roster_ledger import TEAM, RosterLedger, write_roster_ledger
from app.excel.roster_reader import read_roster
from app.models.daily_report import DailyTable, DailyWorkbook
from app.models.fields import PERSON_CASE, Field, Place
from app.services import roster
from app.services.audit_query import record_labels
from app.services.imports import fill_blanks, filled_fields
from app.services.values import ValidationError
from app.ui.context import UiContext
from app.ui.roster.person_dialog import PersonDialog
from app.ui.widgets.list_table import ListTableModel
from tests.helpers.workbooks import write_rows
from tests.ui.conftest import RecordedMessages

VACCINATION = Field(
    "vaccination",
    "疫苗接种情况",
    places=Place.TABLE | Place.FORM | Place.LEDGER | Place.NEW_CASES | Place.AUDIT,
    headers=("疫苗接种情况", "接种情况", "新冠疫苗接种情况"),
)
#: The registry as a newcomer would change it: one entry, after 联系电话.
WITH_VACCINATION = PERSON_CASE.with_field(VACCINATION, after="phone")


class PeopleModel(ListTableModel[Mapping[str, object]]):
    """A table of registry rows: its columns are the record type's table fields, nothing else."""

    FIELDS = WITH_VACCINATION.placed(Place.TABLE)

    def show(self, rows: list[Mapping[str, object]]) -> None:
        self._set_items(rows)


def test_a_new_field_flows_from_import_to_table_ledger_and_audit(
    tmp_path: Path,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    county_list = write_rows(
        tmp_path / "名单.xlsx",
        ["姓名", "身份证号", "接种情况"],
        [["张三", "11010519491231002X", "已接种3针"]],
    )

    # import: the list's 接种情况 column is found under one of the field's header names
    table = read_roster(county_list, record=WITH_VACCINATION)
    assert table.labels["vaccination"] == "接种情况"
    assert table.ignored_columns == []
    person = table.rows[0].values
    assert person["vaccination"] == "已接种3针"

    # table model: a column titled by the field's label, right after 联系电话, showing the value
    model = PeopleModel()
    model.show([person])
    qtmodeltester.check(model)
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index("疫苗接种情况")
    assert titles[column - 1] == "联系电话"
    assert model.index(0, column).data() == "已接种3针"

    # ledger export: a column of its own with the value under it
    fields = WITH_VACCINATION.placed(Place.LEDGER)
    line = {f.key: person.get(f.key) for f in fields} | {TEAM: []}
    target = tmp_path / "台账.xlsx"
    ledger = RosterLedger(
        Signature("东村", filed_on=date(2022, 2, 10)),
        date(2022, 2, 10),
        role_names=[],
        rows=iter([line]),
        row_count=1,
        fields=fields,
    )
    write_roster_ledger(target, ledger)
    sheet = load_workbook(target).active
    header_row = next(row for row in sheet.iter_rows(values_only=True) if "序号" in row)
    data_row = next(row for row in sheet.iter_rows(values_only=True) if row[0] == 1)
    assert data_row[header_row.index("疫苗接种情况")] == "已接种3针"
    assert data_row[header_row.index("姓名")] == "张三"

    # daily report: the 当日新增 list has the column too, where the registry places it
    new_case_fields = WITH_VACCINATION.placed(Place.NEW_CASES)
    report = tmp_path / "日报表.xlsx"
    write_daily_report(
        report,
        DailyWorkbook(
            DailyTable(date(2022, 2, 10), "2022年2月9日24:00至2月10日24:00", measures=()),
            Signature("东村", filed_on=date(2022, 2, 10)),
            new_cases=[{f.key: person.get(f.key) for f in new_case_fields}],
            new_case_fields=new_case_fields,
        ),
    )
    listed = load_workbook(report)["当日新增"]
    header_row = next(row for row in listed.iter_rows(values_only=True) if "序号" in row)
    data_row = next(row for row in listed.iter_rows(values_only=True) if row[0] == 1)
    column = header_row.index("疫苗接种情况")
    assert header_row[column - 1] == "联系电话"
    assert data_row[column] == "已接种3针"
    assert data_row[header_row.index("姓名")] == "张三"

    # known person: the list fills the field in where the ledger has it blank, never over it
    filled = filled_fields(WITH_VACCINATION)
    assert "vaccination" in [f.key for f in filled]
    blank = {"phone": "13800000000", "address": None, "group_name": "一组", "vaccination": None}
    assert fill_blanks(filled, blank, person)["vaccination"] == "已接种3针"
    recorded = blank | {"vaccination": "未接种"}
    assert fill_blanks(filled, recorded, person) == {}

    # audit trail: a change to the stored column is named by the field's label
    assert record_labels([WITH_VACCINATION])["person"]["vaccination"] == "疫苗接种情况"


def form_rows(dialog: QWidget) -> list[tuple[str, QWidget]]:
    """The form's rows as a clerk reads them: each label's text and the input next to it."""
    rows = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            rows.append((label.text(), field))
    return rows


def vaccination_input(dialog: PersonDialog) -> QLineEdit:
    """The input labelled 疫苗接种情况, checking it sits right after 联系电话."""
    labels = [label for label, _field in form_rows(dialog)]
    row = labels.index("疫苗接种情况")
    assert labels[row - 1] == "联系电话"
    line = form_rows(dialog)[row][1].findChild(QLineEdit)
    assert line is not None
    return line


def test_a_new_field_is_typed_in_the_person_form_and_shown_back(
    qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, messages: RecordedMessages
) -> None:
    """The person form built from the copy has an input for the field under its label; what the
    clerk types there is what the form hands the services, stays typed when they refuse it, and
    comes back in the form of the saved registration. (Storing the value is the migration's and
    the model attribute's part, not the registry's: the services' person record stands in.)"""
    handed: list[Any] = []
    register = roster.register_case

    def register_case(*args: Any, **kwargs: Any) -> roster.CaseRow:
        handed.append(args[1])
        if len(handed) == 1:
            raise ValidationError("疫苗接种情况", "请写明接种了几针")
        return register(*args, **kwargs)

    monkeypatch.setattr(roster, "register_case", register_case)
    dialog = PersonDialog(ctx, record=WITH_VACCINATION)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = vaccination_input(dialog)
    dialog.name.setText("王小明")
    dialog.category.setCurrentIndex(0)
    typed.setText("已接种")

    dialog.save()  # refused: the reason under the field, everything typed still there
    assert messages.of_kind("error") == ["疫苗接种情况：请写明接种了几针"]
    assert dialog.saved is None and dialog.isVisible()
    assert typed.text() == "已接种" and dialog.name.text() == "王小明"
    assert "请写明接种了几针" in dialog.editors["vaccination"].message.text()  # type: ignore[union-attr]

    typed.setText("已接种3针")
    dialog.save()
    assert dialog.saved is not None
    assert handed[-1].vaccination == "已接种3针" and handed[-1].name == "王小明"

    # The registration opened again shows what was saved in the same input.
    stored = roster.person_info
    inputs = roster.form_inputs(WITH_VACCINATION)

    def person_info(db: object, person_id: int) -> object:
        return inputs.info(**asdict(stored(db, person_id)), vaccination=handed[-1].vaccination)

    monkeypatch.setattr(roster, "person_info", person_info)
    again = PersonDialog(ctx, case_id=dialog.saved.id, record=WITH_VACCINATION)
    qtbot.addWidget(again)
    assert vaccination_input(again).text() == "已接种3针"
    assert again.name.text() == "王小明"
