"""人员台账 — the fields of a person and their case (period of management), declared once.

The order is the order of the roster table and the 在管人员台账; the header names are those of the
county, township and health-centre lists of FORMS.md.
"""

from __future__ import annotations

from app.models.fields.core import Field, Place, RecordType, header_names
from app.models.validation import normalize_mobile_or_landline, optional_text

__all__ = ["PERSON_CASE"]

_EVERYWHERE = Place.TABLE | Place.FORM | Place.LEDGER | Place.AUDIT
_RECORDED = Place.FORM | Place.LEDGER | Place.AUDIT
# The daily report's lists of the people behind its numbers (当日新增, 当日解除).
_NEW = Place.NEW_CASES
_LISTED = Place.NEW_CASES | Place.ENDED_CASES
_CASE = "case_record"  # the case's fields; the rest are the person's
# The import preview: what a list's row was understood as, before anything is written.
_PREVIEW = Place.PREVIEW


def _phone(raw: object) -> str | None:
    """A mobile (11 digits) or a landline with its area code, or nothing."""
    return normalize_mobile_or_landline(raw) if optional_text(raw) else None


PERSON_CASE = RecordType(
    key="person_case",
    label="人员",
    tables=("person", "case_record"),
    # The ID column is required: a list read without it (a header the reader did not recognise)
    # would put everyone in the ledger unidentifiable, and matching them again on the next import
    # would be guesswork. Rows may leave it blank.
    required_for_import=("name", "id_number"),
    # The person form reads as a paper registration form: who (证件 before 性别), where, then the
    # case. Its two boxes are the person's fields and the case's (``Field.table``).
    form_order=(
        *("name", "id_type", "id_number", "sex", "birth_date", "phone", "address", "group_name"),
        *("person_note", "category", "measure", "origin", "arrival_date", "start_date"),
        "planned_end",
    ),
    fields=(
        Field(
            "name",
            "姓名",
            places=_EVERYWHERE | _LISTED | _PREVIEW,
            headers=header_names("姓名 人员姓名 被检查人姓名"),
            max_length=50,
        ),
        Field("sex", "性别", places=_EVERYWHERE | _NEW | _PREVIEW, headers=("性别",), width=5.5),
        Field("age", "年龄", "int", Place.TABLE | Place.LEDGER, ("年龄",), stored="", width=5.5),
        Field(
            "id_type", "证件类型", places=Place.FORM | Place.AUDIT, headers=("证件类型", "证件类别")
        ),
        Field(
            "id_number",
            "身份证号",
            places=_EVERYWHERE | _LISTED | _PREVIEW,
            headers=header_names(
                "身份证号 身份证号码 证件号码 公民身份号码 身份证 证件号",
                "身份证件号码 被检查人身份证号",
            ),
            personal="id",
            form_label="证件号码",
            audit_label="证件号码",
            max_length=30,
        ),
        Field("birth_date", "出生日期", "date", Place.FORM | Place.AUDIT),
        Field(
            "phone",
            "联系电话",
            places=_EVERYWHERE | _LISTED | _PREVIEW,
            headers=header_names(
                "联系电话 手机号码 联系方式 联系手机 电话 手机号 手机",
                "本人电话 本人联系电话 被检查人联系方式",
            ),
            personal="phone",
            max_length=30,
            validate=_phone,
        ),
        Field(
            "group_name",
            "村民小组",
            places=_EVERYWHERE | _LISTED | _PREVIEW,
            headers=header_names("村民小组 小区 组别 所在小组 所属小组 村组 小组 楼栋"),
            preview_label="组别",
            max_length=50,
        ),
        Field(
            "address",
            "现住址",
            places=_RECORDED | _NEW,
            headers=header_names(
                "现住址 家庭住址 居住地址 隔离地址 现住址_工作单位",
                "现居住地址 现住地址 住址 详细地址 目的地详细地址",
            ),
            max_length=200,
        ),
        # 身份类型 in the Wenzhou close-contact export holds 密切接触者 / 次密切接触者: a category.
        Field(
            "category",
            "人员类别",
            places=_EVERYWHERE | _NEW | _PREVIEW,
            headers=header_names("人员类别 人员类型 类型 身份类型 人员分类 类别"),
            stored="category_id",
            table=_CASE,
        ),
        Field(
            "measure",
            "管控措施",
            places=_EVERYWHERE | _LISTED | _PREVIEW,
            headers=header_names("管控措施 隔离方式 管控方式 管控类型 措施"),
            stored="measure_id",
            table=_CASE,
        ),
        # 是/否 (集中隔离) or a place (隔离地点): read only when no column names the measure.
        Field("centralized", "集中隔离", "bool", headers=("集中隔离", "是否集中隔离"), stored=""),
        Field("place", "隔离地点", headers=("隔离地点", "隔离场所"), stored=""),
        Field(
            "origin",
            "来源地",
            places=_RECORDED | _NEW | _PREVIEW,
            headers=header_names("来源地 来自何地 来源地区 从何地返回 从何地来 来源"),
            joined_headers=header_names("来源省份 来源地市 来源县市区 来源街道乡镇 来源社区村"),
            table=_CASE,
            form_label="来源地/旅居史",
            max_length=200,
        ),
        Field(
            "arrival_date",
            "抵达日期",
            "date",
            _RECORDED | _NEW,
            header_names(
                "抵达日期 返乡时间 到达时间 抵达时间 返乡日期 到达日期 返回时间 抵达本地时间",
                "re:^到.+时间$ re:^到.+日期$",  # 到温时间, 到村时间, 到达本地日期 …
            ),
            table=_CASE,
        ),
        Field(
            "registered_on",
            "登记日期",
            "date",
            Place.AUDIT,
            header_names("登记日期 登记时间 申报时间 排查日期 排查时间 申报日期"),
            table=_CASE,
        ),
        Field(
            "start_date",
            "开始日期",
            "date",
            _EVERYWHERE | _LISTED | _PREVIEW,
            header_names(
                "开始日期 开始隔离时间 开始观察日期 开始隔离日期 隔离开始时间 隔离开始日期",
                "观察开始日期 开始时间",
            ),
            table=_CASE,
        ),
        Field(
            "planned_end",
            "计划解除日期",
            "date",
            _EVERYWHERE | _NEW | _PREVIEW,
            header_names(
                "结束隔离时间 计划解除日期 预计解除日期 结束日期 隔离结束时间 隔离结束日期",
                "拟解除日期 结束观察日期 计划解除时间",
            ),
            table_label="计划解除",
            table=_CASE,
        ),
        Field(
            "released",
            "是否解除隔离",
            "bool",
            headers=("是否解除隔离", "是否解除", "是否已解除"),
            stored="",
        ),
        Field(
            "ended_on",
            "结束日期",
            "date",
            Place.AUDIT | Place.ENDED_CASES | _PREVIEW,
            header_names("解除隔离时间 解除日期 解除隔离日期 实际解除日期 解除时间"),
            table=_CASE,
            preview_label="已解除",
        ),
        Field("confirmed", "是否转为确诊", "bool", headers=("是否转为确诊", "是否确诊"), stored=""),
        Field(
            "end_reason",
            "结束原因",
            places=Place.AUDIT | Place.ENDED_CASES,
            stored="end_reason_id",
            table=_CASE,
        ),
        Field("status", "状态", places=Place.TABLE, stored=""),
        # The latest 核酸 result (app.services.nucleic_tests.latest_tests), 阳性 in red.
        Field("latest_test", "最近核酸", places=Place.TABLE, stored="", table_label="核酸"),
        # A list's 备注 is about the case (why, where from); the person keeps a 备注 of their own,
        # the one the person form edits. The case's is written by imports and by 结束管控 (its
        # reason appended), and shows as the roster's 状态 tooltip; it may say a good deal.
        Field("note", "备注", places=Place.AUDIT, headers=("备注",), table=_CASE, max_length=500),
        Field(
            "person_note", "备注", places=Place.FORM | Place.AUDIT, stored="note", max_length=500
        ),
        Field("source_pass_id", "来自车辆登记", "int", Place.AUDIT, table=_CASE),
        Field("person_id", "人员", "int", Place.AUDIT, table=_CASE),
        Field("deleted_at", "删除时间", "datetime", Place.AUDIT),
        Field(
            "case_deleted_at", "删除时间", "datetime", Place.AUDIT, stored="deleted_at", table=_CASE
        ),
    ),
)
