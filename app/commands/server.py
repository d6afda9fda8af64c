"""server: which database this data folder uses — its own SQLite file, or a township server."""

from __future__ import annotations

import argparse

from app.cli_support import CommandContext, out
from app.config import AppPaths, clear_database_url, save_database_url


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "server",
        help="查看或设置本数据目录使用的乡镇服务器（PostgreSQL）；不设置时用本机的台账文件",
    )
    p.add_argument(
        "url",
        nargs="?",
        help="postgresql+psycopg://用户@主机:端口/库名（不含密码）；先连接检查，成功后才保存",
    )
    p.add_argument("--clear", action="store_true", help="不再使用服务器，改回本机的台账文件")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    folder = ctx.paths.ensure().data_dir
    if args.clear:
        clear_database_url(folder)
        out(f"已改回本机的台账文件：{AppPaths(folder).database}")
        return 0
    if args.url:
        from app.cli_support import refused_database_url

        refusal = refused_database_url(args.url)
        if refusal:
            from app.services.errors import ServiceError

            raise ServiceError(refusal)
        # Connected, signed in and a ledger (or an empty database, now one) before it is saved.
        trial = CommandContext(
            paths=AppPaths(folder, args.url), operator=ctx.operator, username=ctx.username
        )
        try:
            where = trial.db.location
        finally:
            trial.close()
        save_database_url(folder, args.url)
        out(f"已保存：本数据目录今后使用数据库服务器 {where}。")
        return 0
    paths = ctx.paths
    if paths.on_server:
        from app.services.ledger import describe_server

        out(f"数据库服务器：{describe_server(paths.database_url or '')}")
    else:
        out(f"本机台账文件：{paths.database}")
    return 0
