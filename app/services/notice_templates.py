"""The wording of the printed papers: templates the clerk edits, their placeholders, their checks.

A template is plain text: the first line is the title (the door sign's large type), every further
line one paragraph. ``{姓名}``, ``{开始日期}`` … are filled per case; ``{{`` and ``}}`` print a
brace. An edited template is checked before it is saved, so a misspelt placeholder is refused in
Settings with its line named rather than failing later at the printer.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from enum import StrEnum

from app.config import Settings, SettingSpec
from app.db import Database
from app.services.errors import ServiceError
from app.services.reference import read_setting, write_setting


class NoticeKind(StrEnum):
    """The three papers handed to a household; the values are the ``notice`` command's words."""

    ADMISSION = "admission"  # 居家隔离医学观察告知书
    DOOR = "door"  # 门贴
    RELEASE = "release"  # 解除隔离通知书

    @property
    def spec(self) -> SettingSpec[str]:
        return _SPECS[self]

    @property
    def label(self) -> str:
        return self.spec.label


_SPECS: dict[NoticeKind, SettingSpec[str]] = {
    NoticeKind.ADMISSION: Settings.NOTICE_ADMISSION,
    NoticeKind.DOOR: Settings.NOTICE_DOOR,
    NoticeKind.RELEASE: Settings.NOTICE_RELEASE,
}

#: Every placeholder a template may use, with what it is filled with (shown in Settings).
PLACEHOLDERS: dict[str, str] = {
    "姓名": "人员姓名",
    "性别": "性别",
    "证件号码": "证件号码（全号）",
    "联系电话": "本人电话",
    "住址": "现住址",
    "村民小组": "村民小组/小区楼栋",
    "人员类别": "人员类别",
    "措施": "管控措施，如 居家隔离医学观察",
    "开始日期": "观察期开始日期",
    "结束日期": "观察期最后一天",
    "天数": "观察期天数",
    "解除日期": "实际解除日期（未解除时留空待填）",
    "单位": "填报单位",
    "乡镇": "上级乡镇",
    "单位电话": "填报单位联系电话",
    "日期": "落款日期",
}


class TemplateError(ServiceError):
    """An edited template that cannot be filled: an unknown placeholder, a lone brace, no title."""


def template_problem(text: str) -> str | None:
    """Why ``text`` cannot be used as a template (one Chinese sentence naming the line), or None."""
    # Lines are counted as the clerk typed them: the title line, then the text's own lines
    # (blank ones included), which is how Settings shows them.
    title, *body = _lines(text)
    if not title.strip():
        return "标题不能为空（第一行是标题）。"
    known = "、".join(f"{{{name}}}" for name in PLACEHOLDERS)
    for number, line in enumerate([title, *body]):
        where = "标题" if number == 0 else f"正文第 {number} 行"
        try:
            fields = [
                (name, spec, conversion)
                for _, name, spec, conversion in string.Formatter().parse(line)
                if name is not None
            ]
        except ValueError:
            return (
                f"{where}：大括号不成对。占位符写成 {{姓名}} 这样；"
                f"要印出大括号本身，请写两个：{{{{ 或 }}}}。"
            )
        for name, spec, conversion in fields:
            if name not in PLACEHOLDERS or spec or conversion:
                shown = (
                    name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                )
                return f"{where}：不认识的占位符 {{{shown}}}。可用的占位符：{known}。"
    return None


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with Windows line ends and trailing blanks taken away."""
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def normalized(text: str) -> str:
    """Windows line ends and trailing blanks away; blank lines dropped (a paragraph per line)."""
    lines = _lines(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    title, body = (lines[0], lines[1:]) if lines else ("", [])
    return "\n".join([title, *(line for line in body if line.strip())])


def fill(text: str, values: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of a checked template with the case's values put in."""
    problem = template_problem(text)
    if problem is not None:
        raise TemplateError(problem)
    title, *paragraphs = normalized(text).format_map(values).split("\n")
    return title, tuple(paragraphs)


def template(db: Database, kind: NoticeKind) -> str:
    """The clerk's wording for ``kind`` (the default until one is saved)."""
    return read_setting(db, kind.spec)


def save_template(db: Database, kind: NoticeKind, text: str) -> str:
    """Check and store the wording for ``kind``; refuses (``TemplateError``) and stores nothing
    when it cannot be filled. Returns what was stored."""
    problem = template_problem(text)
    if problem is not None:
        raise TemplateError(f"{kind.label}：{problem}")
    cleaned = normalized(text)
    write_setting(db, kind.spec, cleaned)
    return cleaned
