"""``export KIND …``: one command for every exported form; the kinds come from the registry.

Every kind also gets the personal-information options here, in one place (PIPL: an export of
the roster is a list of ID numbers and phones of a whole village):

    --mask / --no-mask         hide the middle of ID numbers and phones (default: per report kind,
                               Settings → 账号与隐私)
    --password-env VAR         encrypt the workbook with the password in environment variable VAR
    --password PW              the same, typed on the command line (visible to other users of
                               the machine in the process list: prefer --password-env)
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from app.cli_support import CommandContext, out
from app.commands.export_registry import ExportKind, load_export_kinds
from app.services.errors import ServiceError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    kinds_found = load_export_kinds()
    parser = sub.add_parser(
        "export",
        help="导出报表或填报表（export KIND --help 查看各表的选项）",
        description="导出报表或填报表到 Excel（.xlsx）。",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", title="可导出的表")
    kinds.required = True
    for kind in kinds_found.values():
        kind_parser = kinds.add_parser(kind.name, help=kind.help, description=kind.help)
        kind.add_arguments(kind_parser)
        add_privacy_arguments(kind_parser)
        kind_parser.set_defaults(handler=protected(kind))


def add_privacy_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("个人信息保护")
    group.add_argument(
        "--mask",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="身份证号、电话只显示前后几位（如 110105********002X、138****5678）；"
        "默认按“设置 → 账号与隐私”中该表的设置",
    )
    secret = group.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-env",
        metavar="变量名",
        help="用这个环境变量中的密码加密文件（打开时需输入密码）",
    )
    secret.add_argument(
        "--password",
        metavar="密码",
        help="用这个密码加密文件（会留在命令历史中，建议改用 --password-env）",
    )


def protected(kind: ExportKind) -> Callable[[argparse.Namespace, CommandContext], int]:
    """``kind.run`` with the clerk's masking and encryption choice applied to what it writes."""

    def run(args: argparse.Namespace, ctx: CommandContext) -> int:
        from app.services import privacy

        password = _password(args)
        mask = args.mask
        if mask is None:
            mask = privacy.masked_by_default(ctx.db, kind.name)
        protection = privacy.ExportProtection(mask_personal=mask, password=password)
        with privacy.protected_export(protection) as written:
            code = kind.run(args, ctx)
        if written.saved:
            if mask:
                out("身份证号和电话已隐藏中间几位。")
            if password:
                out("文件已加密：打开时需要输入密码。请用电话等其他方式告诉对方密码。")
        return code

    return run


def _password(args: argparse.Namespace) -> str | None:
    if args.password_env:
        value = os.environ.get(args.password_env)
        if not value:
            raise ServiceError(f"环境变量 {args.password_env} 没有设置或为空，未导出。")
        return value
    return args.password or None
