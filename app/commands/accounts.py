"""操作员账号 on the command line, and signing in for every command.

    python -m app accounts add liming --name 李明 --role 录入员
    python -m app accounts list
    python -m app accounts disable liming          (enable liming)
    python -m app accounts passwd [liming]         (without a name: your own password)

Once a ledger has an account, every command signs in: ``--operator NAME`` (or ``FANGYI_OPERATOR``)
and the password typed at the prompt, or ``FANGYI_PASSWORD`` for automation. New passwords are
typed twice at the prompt, or come from ``FANGYI_NEW_PASSWORD`` — never from the command line,
where other users of the machine could read them in the process list.
"""

from __future__ import annotations

import argparse
import os

from app.cli_support import CommandContext, out
from app.commands.sign_in import PASSWORD_ENV, ask_password
from app.services import operators
from app.services.access import Role, actor
from app.services.errors import ServiceError

NEW_PASSWORD_ENV = "FANGYI_NEW_PASSWORD"


def _new_password() -> str:
    from_env = os.environ.get(NEW_PASSWORD_ENV)
    if from_env is not None:
        return from_env
    refusal = f"需要新密码：请在终端中运行，或设置环境变量 {NEW_PASSWORD_ENV}。"
    first = ask_password(f"新密码（至少 {operators.MIN_PASSWORD_LENGTH} 位）：", refusal)
    operators.check_new_password(first)
    if ask_password("再输入一次新密码：", refusal) != first:
        raise ServiceError("两次输入的新密码不一致，未做改动。")
    return first


# --- the accounts command -----------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "accounts",
        help="管理操作员账号（添加、列出、停用、改密码）",
        description=(
            "管理操作员账号。第一个账号必须是管理员；有了账号以后，每个命令都要用 --operator 登录。"
            f"新密码在提示时输入两次，或用环境变量 {NEW_PASSWORD_ENV} 提供。"
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", title="操作")
    actions.required = True

    p = actions.add_parser("add", help="添加账号（第一个账号自动为管理员）")
    p.add_argument("username", metavar="账号")
    p.add_argument("--name", metavar="姓名", default="", help="姓名（记入操作留痕；默认同账号）")
    p.add_argument(
        "--role",
        metavar="角色",
        default=None,
        help="管理员（admin）或 录入员（clerk）；默认录入员，第一个账号为管理员",
    )
    p.set_defaults(handler=run_add)

    p = actions.add_parser("list", help="列出全部账号")
    p.set_defaults(handler=run_list)

    p = actions.add_parser("disable", help="停用账号（不删除：操作留痕中仍保留其名字）")
    p.add_argument("username", metavar="账号")
    p.set_defaults(handler=run_disable)

    p = actions.add_parser("enable", help="重新启用账号（同时解除输错密码后的暂停）")
    p.add_argument("username", metavar="账号")
    p.set_defaults(handler=run_enable)

    p = actions.add_parser("passwd", help="修改自己的密码，或由管理员重设别人的密码")
    p.add_argument("username", metavar="账号", nargs="?", help="要重设密码的账号（默认自己）")
    p.set_defaults(handler=run_passwd)


def run_add(args: argparse.Namespace, ctx: CommandContext) -> int:
    db = ctx.db
    first = not operators.accounts_exist(db)
    if first:
        role = operators.parse_role(args.role) if args.role else Role.ADMIN
        if role is not Role.ADMIN:
            raise ServiceError("第一个账号必须是管理员（否则没有人能管理账号和设置）。")
    else:
        role = operators.parse_role(args.role) if args.role else Role.CLERK
    operators.clean_username(args.username)  # refuse a bad name before asking for a password
    password = _new_password()
    info = operators.create_account(db, args.username, args.name, password, role)
    out(f"已添加账号：{info.username}（{info.display_name}，{info.role}）")
    if first:
        out("这是第一个账号：从现在起，打开台账都需要登录（命令行用 --operator 账号）。")
    return 0


def run_list(_args: argparse.Namespace, ctx: CommandContext) -> int:
    db = ctx.db
    if not operators.accounts_exist(db):
        out("还没有账号：任何人都能打开这个台账。用 accounts add 添加第一个管理员。")
        return 0
    from app.services.access import Permission, require

    require(db, Permission.ACCOUNTS)
    out("账号\t姓名\t角色\t状态")
    for info in operators.accounts(db):
        state = "可用" if info.active else "已停用"
        out(f"{info.username}\t{info.display_name}\t{info.role}\t{state}")
    return 0


def run_disable(args: argparse.Namespace, ctx: CommandContext) -> int:
    info = operators.set_active(ctx.db, operators.account(ctx.db, args.username).id, False)
    out(f"已停用账号：{info.username}（{info.display_name}）")
    return 0


def run_enable(args: argparse.Namespace, ctx: CommandContext) -> int:
    info = operators.set_active(ctx.db, operators.account(ctx.db, args.username).id, True)
    out(f"已启用账号：{info.username}（{info.display_name}）")
    return 0


def run_passwd(args: argparse.Namespace, ctx: CommandContext) -> int:
    db = ctx.db
    if not operators.accounts_exist(db):
        raise ServiceError("还没有账号：先用 accounts add 添加第一个管理员。")
    own = actor(db).username
    target = operators.normalize_username(args.username) if args.username else own
    if target == own:
        current = os.environ.get(PASSWORD_ENV)
        if current is None:
            current = ask_password(
                "原密码：", f"需要原密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}。"
            )
        new = _new_password()
        operators.change_password(db, own or "", current, new)
        out("密码已修改。")
        return 0
    info = operators.account(db, target or "")
    new = _new_password()
    operators.reset_password(db, info.id, new)
    out(f"已重设 {info.username}（{info.display_name}）的密码。")
    return 0
