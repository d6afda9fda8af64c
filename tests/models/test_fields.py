"""The field registry: each field declared once, and what is derived from it."""

from __future__ import annotations

import pytest

from app.models.fields import PERSON_CASE, RECORD_TYPES, Field, Place, RecordType


def test_a_record_type_refuses_a_key_declared_twice() -> None:
    with pytest.raises(ValueError, match="twice"):
        RecordType("x", "x", ("x",), (Field("name", "姓名"), Field("name", "名字")))


def test_required_import_fields_must_be_declared() -> None:
    with pytest.raises(ValueError, match="undeclared"):
        RecordType("x", "x", ("x",), (Field("name", "姓名"),), required_for_import=("phone",))


def test_labels_where_they_differ_by_place() -> None:
    planned = PERSON_CASE["planned_end"]
    assert planned.label_in(Place.LEDGER) == "计划解除日期"
    assert planned.label_in(Place.TABLE) == "计划解除"
    assert PERSON_CASE["id_number"].label_in(Place.AUDIT) == "证件号码"


def test_audit_labels_name_database_columns() -> None:
    labels = PERSON_CASE.audit_labels()
    assert labels["category_id"] == "人员类别"  # stored under another name than its key
    assert "age" not in labels  # computed, never stored


def test_headers_answer_by_name_or_pattern() -> None:
    arrival = PERSON_CASE["arrival_date"]
    assert arrival.answers_to("返乡时间")
    assert arrival.answers_to("到村时间")  # re:^到.+时间$
    assert not arrival.answers_to("时间")


def test_personal_fields_of_every_record_type_are_masked_kinds() -> None:
    personal = {
        (record.key, column): kind
        for record in RECORD_TYPES
        for column, kind in record.personal_columns().items()
    }
    assert personal[("person_case", "id_number")] == "id"
    assert personal[("vehicle_pass", "driver_phone")] == "phone"
    assert set(personal.values()) <= {"id", "phone"}


def test_with_field_inserts_after_the_named_field() -> None:
    added = PERSON_CASE.with_field(Field("vaccination", "疫苗接种情况"), after="phone")
    keys = added.keys()
    assert keys[keys.index("phone") + 1] == "vaccination"
    assert "vaccination" not in PERSON_CASE  # the registry itself is untouched
