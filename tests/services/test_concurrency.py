"""Several clerks on one ledger: the second save of the same record is refused with both values,
nothing is lost, and saves of different records all land. Each clerk is a ``Database`` of its own
on the same ledger file: two engines, two real connections."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from app.config import AppPaths
from app.db import ChangedMeanwhile, Database
from app.models import AuditEntry, Case, Person
from app.models.health import Slot
from app.services import roster, rounds
from app.services.concurrency import EditedElsewhere, refusing_stale
from app.services.roster import CaseInput, PersonInput
from tests.services.test_roster import CLOSE_CONTACT, HOME, RETURNEE, register

DAY = date(2022, 2, 8)


@pytest.fixture
def clerks(paths: AppPaths) -> Iterator[tuple[Database, Database]]:
    """王会计 and 李文书, each with an engine of their own on the same ledger."""
    first = Database.open(paths, operator="王会计")
    second = Database.open(paths, operator="李文书", lock=False)
    yield first, second
    second.close()
    first.close()


def _details(info: roster.PersonInfo, **changes: str) -> PersonInput:
    fields = {"name": info.name, "id_number": info.id_number, "phone": info.phone}
    return PersonInput(**{**fields, "group_name": info.group_name, **changes})


def test_second_save_of_the_same_person_is_refused_with_both_values(
    clerks: tuple[Database, Database],
) -> None:
    wang, li = clerks
    row = register(wang, "张三", phone="13800000001")
    wang_form = roster.person_info(wang, row.person_id)  # both open the same person
    li_form = roster.person_info(li, row.person_id)

    roster.update_person(li, row.person_id, _details(li_form, phone="13900000002"),
                         seen_version=li_form.version)  # fmt: skip
    with pytest.raises(EditedElsewhere) as refused:
        roster.update_person(wang, row.person_id, _details(wang_form, phone="13700000003"),
                             seen_version=wang_form.version)  # fmt: skip

    message = str(refused.value)
    assert "已被他人修改（李文书）" in message
    assert "联系电话：他人保存的是「13900000002」，您填写的是「13700000003」" in message
    assert roster.person_info(wang, row.person_id).phone == "13900000002"  # 李文书's save stands


def test_saving_again_after_the_refusal_keeps_the_second_clerks_values(
    clerks: tuple[Database, Database],
) -> None:
    wang, li = clerks
    row = register(wang, "张三", phone="13800000001")
    form = roster.person_info(wang, row.person_id)
    roster.update_person(li, row.person_id, _details(form, phone="13900000002"))
    with pytest.raises(EditedElsewhere):
        roster.update_person(wang, row.person_id, _details(form, phone="13700000003"),
                             seen_version=form.version)  # fmt: skip

    now = roster.person_info(wang, row.person_id)  # the form takes the record as it is now
    roster.update_person(wang, row.person_id, _details(form, phone="13700000003"),
                         seen_version=now.version)  # fmt: skip

    assert roster.person_info(li, row.person_id).phone == "13700000003"


def test_typing_what_the_other_clerk_already_saved_is_no_clash(
    clerks: tuple[Database, Database],
) -> None:
    """A clash is a field whose stored value differs from what is typed: both clerks typing the
    same new phone number is not one, and the save goes ahead."""
    wang, li = clerks
    row = register(wang, "张三", phone="13800000001")
    form = roster.person_info(wang, row.person_id)
    roster.update_person(li, row.person_id, _details(form, phone="13900000002"))

    saved = roster.update_person(wang, row.person_id, _details(form, phone="13900000002"),
                                 seen_version=form.version)  # fmt: skip

    assert saved.phone == "13900000002"


def test_the_person_form_saves_person_and_case_together_or_neither(
    clerks: tuple[Database, Database],
) -> None:
    wang, li = clerks
    row = register(wang, "张三", phone="13800000001", start=DAY)
    person = roster.person_info(wang, row.person_id)
    case_data = CaseInput(category_id=CLOSE_CONTACT, measure_id=HOME, start_date=DAY)
    roster.update_case(li, row.id, CaseInput(category_id=RETURNEE, measure_id=HOME, start_date=DAY))

    with pytest.raises(EditedElsewhere) as refused:
        roster.update_registration(
            wang, person, _details(person, phone="13700000003"), row, case_data
        )

    assert "人员类别：他人保存的是「中高风险地区返乡人员」，您填写的是「密切接触者」" in str(
        refused.value
    )
    assert roster.person_info(wang, row.person_id).phone == "13800000001"  # neither was saved


def test_the_race_between_reading_and_writing_is_refused_too(
    clerks: tuple[Database, Database],
) -> None:
    """李文书's save lands after 王会计's session read the row but before it wrote: SQLAlchemy's
    version check (UPDATE … WHERE version = as read) matches no row."""
    wang, li = clerks
    row = register(wang, "张三", phone="13800000001")
    with pytest.raises(EditedElsewhere), wang.session() as session:
        person = session.get(Person, row.person_id)
        assert person is not None
        roster.update_person(li, row.person_id, PersonInput(name="张三", phone="13900000002"))
        person.phone = "13700000003"
        with refusing_stale(person.name):
            session.flush()

    assert roster.person_info(li, row.person_id).phone == "13900000002"


def test_a_reading_keyed_on_a_slot_another_clerk_just_filled_is_refused(
    clerks: tuple[Database, Database],
) -> None:
    wang, li = clerks
    row = register(wang, "张三", start=DAY)
    rounds.record_reading(li, row.id, DAY, Slot.AM, "36.5", today=DAY)

    with pytest.raises(EditedElsewhere) as refused:  # 王会计 saw the slot empty (version 0)
        rounds.record_reading(wang, row.id, DAY, Slot.AM, "38.0", today=DAY, seen_version=0)

    assert "体温：他人保存的是「36.5」，您填写的是「38.0」" in str(refused.value)
    assert [r.celsius for r in rounds.readings_of_case(wang, row.id)] == [36.5]


def test_readings_for_different_people_keyed_at_once_all_land_and_name_their_clerk(
    clerks: tuple[Database, Database],
) -> None:
    wang, li = clerks
    people = [register(wang, f"村民{n}", start=DAY) for n in range(8)]
    start = threading.Barrier(2)

    def key_in(db: Database, rows: list[roster.CaseRow]) -> None:
        start.wait()
        for row in rows:
            rounds.record_reading(db, row.id, DAY, Slot.AM, "36.6", today=DAY, seen_version=0)

    threads = [
        threading.Thread(target=key_in, args=(wang, people[0::2])),
        threading.Thread(target=key_in, args=(li, people[1::2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for row in people:
        assert [r.celsius for r in rounds.readings_of_case(wang, row.id)] == [36.6]
    with wang.reading() as session:
        who = dict(
            session.execute(
                select(AuditEntry.person_id, AuditEntry.operator).where(
                    AuditEntry.entity == "temperature_reading"
                )
            ).all()
        )
    assert who == {
        row.person_id: ("王会计" if index % 2 == 0 else "李文书")
        for index, row in enumerate(people)
    }


def test_any_other_save_caught_in_the_race_says_so_in_one_line(
    clerks: tuple[Database, Database],
) -> None:
    """Saves without a form's version (ending a case, an anomaly's 处置 …) still never overwrite:
    the version check in the UPDATE refuses, and the clerk reads one sentence, not a traceback."""
    wang, li = clerks
    row = register(wang, "张三", start=DAY)
    with pytest.raises(ChangedMeanwhile) as refused, wang.session() as session:
        case = session.get(Case, row.id)
        assert case is not None
        roster.update_case(li, row.id, CaseInput(category_id=RETURNEE, measure_id=HOME,
                                                 start_date=DAY, origin="李文书写的"))  # fmt: skip
        case.origin = "王会计写的"

    assert str(refused.value) == "这条记录刚被他人修改，您的修改没有保存；请重新打开，核对后再改。"
    assert roster.case_row(wang, row.id).origin == "李文书写的"
