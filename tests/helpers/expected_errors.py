"""One example of every kind of expected failure, and bugs that only look like one.

Shared by the GUI and the command-line tests so both promise the same thing: every member of the
``ExpectedError`` family is one clear message, everything else is a bug.
"""

from __future__ import annotations

from app.db import DatabaseDamaged, DiskFull, LedgerBusy, StorageError
from app.errors import ExpectedError
from app.excel.errors import ExportError, ImportFileError
from app.instance_lock import DataDirInUse
from app.models.problems import ImportRejected, RowProblem
from app.models.validation import ValidationError
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError

EXPECTED: list[ExpectedError] = [
    ServiceError("不行"),
    ValidationError("身份证号", "校验位不对"),
    NotFound("找不到这个人"),
    PermissionDenied("您的账号没有这个权限"),
    Conflict("这个身份证号已经登记过"),
    DataDirInUse("台账正被另一个防疫台账程序使用"),
    LedgerBusy("文件正被其他程序占用"),
    DatabaseDamaged("台账文件已损坏"),
    DiskFull("磁盘已满"),
    StorageError("无法打开台账"),
    ExportError("文件正被 Excel 打开"),
    ImportFileError("不是 Excel 文件"),
    ImportRejected([RowProblem(3, "身份证号", "校验位不对")]),
]


class ValidationErrorElsewhere(ValueError):
    """Same name as ours but from another package: a bug, not a message for the clerk."""


ValidationErrorElsewhere.__name__ = "ValidationError"
ValidationErrorElsewhere.__module__ = "pydantic"

BUGS: list[Exception] = [
    RuntimeError("按钮坏了"),
    ValueError("bad"),
    KeyError("x"),
    ValidationErrorElsewhere("x"),
]


def label(error: BaseException) -> str:
    return type(error).__name__
