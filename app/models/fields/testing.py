"""核酸检测 records — the fields of a test result, declared once (see :mod:`.core`).

The import header names are those real sampling-system result lists use (issue 22: 受检者姓名/姓名,
证件号码/身份证号, 采样时间, 检测时间, 检测结果/结果, 检测机构); the 核酸检测台账 prints the labels.
"""

from __future__ import annotations

from app.models.fields.core import Field, Place, RecordType, header_names

__all__ = ["NUCLEIC_ACID_TEST"]

_LEDGER_AUDIT = Place.LEDGER | Place.AUDIT
_SHOWN = Place.TABLE | Place.LEDGER | Place.AUDIT

NUCLEIC_ACID_TEST = RecordType(
    key="nucleic_acid_test",
    label="核酸检测",
    tables=("nucleic_acid_test",),
    required_for_import=("id_number", "sample_date", "result"),
    fields=(
        Field(
            "name",
            "姓名",
            places=Place.TABLE | Place.LEDGER,
            headers=header_names("受检者姓名 姓名 被检者姓名 受检人姓名"),
            stored="",
        ),
        Field(
            "id_number",
            "证件号码",
            places=Place.TABLE | Place.LEDGER,
            headers=header_names("证件号码 身份证号 身份证号码 证件号 受检者证件号码 公民身份号码"),
            personal="id",
            stored="",
            width=20,
        ),
        Field("group_name", "村民小组", places=Place.TABLE | Place.LEDGER, stored="", width=10),
        Field(
            "sample_date", "采样日期", "date", _SHOWN, header_names("采样时间 采样日期"), width=11.5
        ),
        Field(
            "tested_on",
            "检测日期",
            "date",
            _LEDGER_AUDIT,
            header_names("检测时间 检测日期 报告时间 报告日期"),
            width=11.5,
        ),
        Field(
            "result",
            "核酸结果",
            places=_SHOWN,
            headers=header_names("检测结果 结果 核酸检测结果 核酸结果"),
            table_label="结果",
            width=9,
        ),
        Field(
            "lab",
            "检测机构",
            places=_LEDGER_AUDIT,
            headers=header_names("检测机构 检测单位 检测实验室"),
            width=18,
        ),
        Field("source", "来源", places=_LEDGER_AUDIT, width=7),
        Field("note", "备注", places=Place.AUDIT),
        Field("person_id", "人员", "int", Place.AUDIT),
        Field("case_id", "登记", "int", Place.AUDIT),
    ),
)
