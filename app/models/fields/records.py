"""体温, 卡点 and 包保 records — their fields, declared once (see :mod:`.core`).

The reading's import header names are those of the 体温填报表 (our own sheet, and the variants a
township template or a clerk's retyped copy uses — FORMS.md "Temperature logs"); the sheet names
the person by the person/case fields (姓名, 身份证号, 村民小组).
"""

from __future__ import annotations

from app.models.fields.core import Field, Place, RecordType

__all__ = ["OCCUPANT", "READING", "STAFF", "VEHICLE_PASS"]

_LEDGER_AUDIT = Place.LEDGER | Place.AUDIT
_SHEET = Place.LEDGER  # a column of the 体温填报表, not stored as such (one reading per slot)


def _slot_fields(prefix: str, slot: str, short: str) -> tuple[Field, Field]:
    """A time slot's temperature and symptoms columns (上午体温, 早体温, 体温(上午) …)."""
    return (
        Field(
            f"{prefix}_celsius",
            f"{slot}体温",
            "decimal1",
            _SHEET,
            (f"{slot}体温", f"{short}体温", f"体温({slot})", f"{slot}体温(℃)"),
            stored="",
            width=10,
        ),
        Field(
            f"{prefix}_symptoms",
            f"{slot}症状",
            places=_SHEET,
            headers=(f"{slot}症状", f"{short}症状", f"症状({slot})"),
            stored="",
            width=14,
        ),
    )


READING = RecordType(
    key="reading",
    label="体温",
    tables=("temperature_reading",),
    fields=(
        Field("case_id", "登记", "int", Place.AUDIT),
        Field("reading_date", "日期", "date", _LEDGER_AUDIT, audit_label="测量日期", width=11.5),
        Field("slot", "时段", places=Place.AUDIT),
        Field("celsius", "体温", "decimal1", Place.AUDIT),
        Field("symptoms", "症状", places=Place.AUDIT),
        # The 体温填报表 and the 体温台账 give a day's two readings a column each.
        *_slot_fields("am", "上午", "早"),
        *_slot_fields("pm", "下午", "晚"),
        Field(
            "measured_by",
            "测量人",
            places=_LEDGER_AUDIT,
            headers=("测量人", "测温人", "测量人员"),
            width=10,
        ),
        Field("note", "备注", places=_LEDGER_AUDIT, headers=("备注",), width=18),
        Field("recorded_at", "录入时间", "datetime", Place.AUDIT),
    ),
)

VEHICLE_PASS = RecordType(
    key="vehicle_pass",
    label="车辆登记",
    tables=("vehicle_pass",),
    fields=(
        Field("checkpoint_id", "卡点", "int", Place.AUDIT),
        Field("passed_at", "通过时间", "datetime", Place.AUDIT),
        Field("direction", "方向", places=_LEDGER_AUDIT, width=6),
        Field("plate", "车牌号", places=_LEDGER_AUDIT, width=12),
        Field("plate_kind", "号牌种类", places=Place.AUDIT),
        Field("vehicle_type", "车辆类型", places=_LEDGER_AUDIT),
        Field("driver_name", "驾驶员", places=_LEDGER_AUDIT),
        Field("driver_id_number", "驾驶员身份证号", places=_LEDGER_AUDIT, personal="id", width=20),
        Field(
            "driver_phone",
            "联系电话",
            places=_LEDGER_AUDIT,
            personal="phone",
            audit_label="驾驶员电话",
            width=14,
        ),
        Field("driver_temperature", "驾驶员体温", "decimal1", Place.AUDIT),
        Field("people_aboard", "车上人数", "int", _LEDGER_AUDIT, width=9),
        Field("origin", "来源地", places=_LEDGER_AUDIT),
        Field("destination", "目的地", places=_LEDGER_AUDIT),
        Field("purpose", "事由", places=_LEDGER_AUDIT),
        Field("max_temperature", "最高体温", "decimal1", _LEDGER_AUDIT, width=9),
        Field("disinfected", "是否消毒", "bool", _LEDGER_AUDIT, audit_label="已消毒", width=9),
        Field("disposition", "处置", places=_LEDGER_AUDIT, width=11),
        Field("abnormal", "体温异常", "bool", Place.AUDIT),
        Field("action_taken", "采取措施", places=Place.AUDIT),
        Field("duty_staff", "值守人员", places=_LEDGER_AUDIT),
        Field("deleted_at", "删除时间", "datetime", Place.AUDIT),
    ),
)

OCCUPANT = RecordType(
    key="occupant",
    label="车上人员",
    tables=("occupant",),
    fields=(
        Field("pass_id", "车辆登记", "int", Place.AUDIT),
        Field("name", "姓名", places=_LEDGER_AUDIT),
        Field("id_number", "证件号码", places=_LEDGER_AUDIT, personal="id", width=20),
        Field("phone", "联系电话", places=_LEDGER_AUDIT, personal="phone", width=14),
        Field("temperature", "体温", "decimal1", _LEDGER_AUDIT, width=7),
        Field("case_id", "登记", "int", Place.AUDIT),
    ),
)

STAFF = RecordType(
    key="staff",
    label="包保人员",
    tables=("staff",),
    fields=(
        Field("name", "姓名", places=Place.TABLE | Place.FORM | Place.AUDIT),
        Field("role_id", "包保角色", "int", Place.AUDIT),
        Field("phone", "联系电话", places=Place.TABLE | Place.FORM | Place.AUDIT, personal="phone"),
        Field("organisation", "单位", places=Place.TABLE | Place.FORM | Place.AUDIT),
        Field("active", "启用", "bool", Place.AUDIT),
        Field("deleted_at", "删除时间", "datetime", Place.AUDIT),
    ),
)
