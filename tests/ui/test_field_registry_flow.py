"""Adding a column is one registry entry: a field added to a test-only copy of the person/case
record type is read from a county list under its real header names, shown in a table, printed in
the ledger and named in the audit trail — with no other code written for it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.excel.daily_report import Signature
from app.excel.roster_ledger import TEAM, RosterLedger, write_roster_ledger
from app.excel.roster_reader import read_roster
from app.models.fields import PERSON_CASE, Field, Place
from app.services.audit_query import record_labels
from app.ui.widgets.list_table import ListTableModel
from tests.helpers.workbooks import write_rows

VACCINATION = Field(
    "vaccination",
    "疫苗接种情况",
    places=Place.TABLE | Place.FORM | Place.LEDGER | Place.AUDIT,
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

    # audit trail: a change to the stored column is named by the field's label
    assert record_labels([WITH_VACCINATION])["person"]["vaccination"] == "疫苗接种情况"
