"""A 阳性 is marked in the roster (核酸 column, name red bold with the sample day) until handled,
and the person page lists every sample newest first with the period's schedule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.db import Database
from app.services import nucleic_tests, roster, rounds
from app.services.roster import RosterFilter
from app.ui.context import UiContext
from app.ui.roster.person_page import (
    TEST_LAB,
    TEST_RESULT,
    TEST_RESULT_DAY,
    TEST_SAMPLED,
    PersonView,
)
from app.ui.roster.table_model import NAME, TEST, RosterTableModel
from app.ui.widgets.roles import ALERT
from tests.services.nucleic_village import IDS, days_ago, register
from tests.ui.roster_helpers import column_texts


def _model(db: Database) -> RosterTableModel:
    model = RosterTableModel(db)
    model.set_filter(RosterFilter(status="all"))
    return model


def test_a_positive_is_marked_and_a_negative_is_not(
    qtmodeltester: ModelTester, db: Database
) -> None:
    negative = register(db, "甲", started_days_ago=3, id_number=IDS[0])
    positive = register(db, "乙", started_days_ago=3, id_number=IDS[1])
    register(db, "丙", started_days_ago=3, id_number=IDS[2])
    nucleic_tests.record_test(db, negative, days_ago(3), "阴性")
    nucleic_tests.record_test(db, positive, days_ago(3), "阴性")
    alarm = nucleic_tests.record_test(db, positive, days_ago(1), "阳性").anomaly_id
    model = _model(db)
    qtmodeltester.check(model)
    names = column_texts(model, NAME)
    row = {name: names.index(name) for name in ("甲", "乙", "丙")}

    assert model.headerData(TEST, Qt.Orientation.Horizontal) == "核酸"
    assert [model.index(row[n], TEST).data() for n in ("甲", "乙", "丙")] == ["阴性", "阳性", ""]
    red = Qt.ItemDataRole.ForegroundRole
    tip = Qt.ItemDataRole.ToolTipRole
    font = Qt.ItemDataRole.FontRole
    marked = model.index(row["乙"], NAME)
    assert marked.data(red) == ALERT
    assert marked.data(font).bold()
    day = days_ago(1)
    assert marked.data(tip).startswith(f"核酸阳性（采样 {day.month}月{day.day}日）")
    assert model.index(row["乙"], TEST).data(red) == ALERT
    assert model.index(row["乙"], TEST).data(font).bold()
    for name in ("甲", "丙"):
        assert model.index(row[name], NAME).data(red) is None
        assert model.index(row[name], NAME).data(font) is None
        assert "核酸阳性" not in (model.index(row[name], NAME).data(tip) or "")

    # Handled (转运): the name is no longer marked; the 核酸 column still says what came back.
    assert alarm is not None
    rounds.close_anomaly(db, alarm, "已转运至定点医院")
    model.reload()
    assert model.index(row["乙"], NAME).data(red) is None
    assert model.index(row["乙"], TEST).data() == "阳性"


def test_the_person_page_lists_the_samples_newest_first(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    case = register(db, "乙", started_days_ago=3, id_number=IDS[1])
    nucleic_tests.record_test(db, case, days_ago(3), "阴性", lab="县疾控", tested_on=days_ago(2))
    nucleic_tests.record_test(db, case, days_ago(0), "阳性", lab="县疾控")
    view = PersonView(ctx)
    qtbot.addWidget(view)
    view.show_person(roster.case_row(db, case).person_id)

    proxy = view.tests_table.model()
    shown = [
        [proxy.index(r, c).data() for c in (TEST_SAMPLED, TEST_RESULT, TEST_LAB, TEST_RESULT_DAY)]
        for r in range(proxy.rowCount())
    ]
    assert shown == [
        [days_ago(0).isoformat(), "阳性", "县疾控", ""],
        [days_ago(3).isoformat(), "阴性", "县疾控", days_ago(2).isoformat()],
    ]
    assert proxy.index(0, TEST_RESULT).data(Qt.ItemDataRole.ForegroundRole) == ALERT
    assert not view.positive_mark.isHidden()
    assert "核酸阳性" in view.positive_mark.text()
    # 第1天 negative, 第4天 (today) sampled 阳性, 第7天 still to come
    schedule = view.test_schedule.text()
    assert "第1天" in schedule and "第4天" in schedule and "第7天" in schedule
    assert "待检" in schedule
