"""In the English interface the 核酸 results, days and the 核酸阳性 anomaly read in English on the
roster, the person page and the 核酸 page (the ledger still stores 阴性/阳性)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models.health import AnomalyKind
from app.services import nucleic_tests, roster
from app.services.roster import RosterFilter
from app.ui.context import UiContext
from app.ui.pages.nucleic import RESULT_COLUMN, NucleicTestsPage
from app.ui.roster.person_page import ANOMALY_KIND, TEST_RESULT, PersonView
from app.ui.roster.table_model import NAME, TEST, RosterTableModel
from app.ui.widgets.anomaly_kinds import kind_text
from tests.services.nucleic_village import IDS, days_ago, register
from tests.ui.roster_helpers import column_texts

DUE_COLUMN = RESULT_COLUMN - 1


@pytest.fixture
def village(db: Database) -> dict[str, int]:
    """甲 negative on day 1, 乙 positive today (day 4), 丙 pending today."""
    cases = {
        name: register(db, name, started_days_ago=3, id_number=IDS[i])
        for i, name in enumerate(("甲", "乙", "丙"))
    }
    nucleic_tests.record_test(db, cases["甲"], days_ago(3), "阴性")
    nucleic_tests.record_test(db, cases["乙"], days_ago(3), "阴性")
    nucleic_tests.record_test(db, cases["乙"], days_ago(0), "阳性")
    nucleic_tests.record_test(db, cases["丙"], days_ago(0), "待出")
    return cases


@pytest.mark.usefixtures("english")
def test_the_roster_test_column_is_in_english(db: Database, village: dict[str, int]) -> None:
    model = RosterTableModel(db)
    model.set_filter(RosterFilter(status="all"))
    row = {name: column_texts(model, NAME).index(name) for name in village}
    assert model.headerData(TEST, Qt.Orientation.Horizontal) == "Test"
    assert [model.index(row[n], TEST).data() for n in ("甲", "乙", "丙")] == [
        "Negative",
        "Positive",
        "Pending",
    ]
    assert "Positive" in model.index(row["乙"], TEST).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.usefixtures("english")
def test_the_person_page_names_results_in_english(
    qtbot: QtBot, ctx: UiContext, db: Database, village: dict[str, int]
) -> None:
    view = PersonView(ctx)
    qtbot.addWidget(view)
    view.show_person(roster.case_row(db, village["乙"]).person_id)
    assert column_texts(view.tests_table.model(), TEST_RESULT) == ["Positive", "Negative"]
    schedule = view.test_schedule.text()
    assert "Positive" in schedule and "Negative" in schedule
    assert "阳性" not in schedule and "阴性" not in schedule
    assert column_texts(view.anomalies_table.model(), ANOMALY_KIND) == ["Positive test"]


@pytest.mark.usefixtures("english")
def test_every_anomaly_kind_has_its_english_name() -> None:
    assert all(kind_text(kind) != kind.value for kind in AnomalyKind)


@pytest.mark.usefixtures("english")
def test_the_tests_page_names_results_and_days_in_english(
    qtbot: QtBot, ctx: UiContext, village: dict[str, int]
) -> None:
    page = NucleicTestsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    model = page.view.model()
    assert sorted(column_texts(model, RESULT_COLUMN)) == ["Not recorded", "Pending", "Positive"]
    assert set(column_texts(model, DUE_COLUMN)) == {"Day 4"}
    assert "Days 1, 4, 7" in page.schedule_line.text()
    assert "Day 3" in page.schedule_line.text()  # 居家健康监测
