"""``push-to-server`` — load a village's own ledger into the township's database.

    python -m app [--database-url …] push-to-server 东村.sqlite3 --unit 东村

Re-runnable (only what is new is added), all-or-nothing; prints what was added (and, for
核酸检测 results, what was updated).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli_support import CommandContext, out


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "push-to-server",
        help="把村里的台账文件（.sqlite3）上传到乡镇服务器台账（可重复上传：新增的添加，改过的更新）",
        description=(
            "把一个村（社区）自己的台账文件载入当前打开的台账（乡镇服务器），记在 --unit 名下。"
            "按身份证号对应人员，重复上传只添加新的记录，村里上次上传后改过的记录（解除、异常处置、"
            "改电话等）随之更新，服务器上改得更晚的保留服务器的；有任何问题则什么都不写入。"
            "核酸检测结果按人和采样日对应：待出的可由村台账更新，"
            "服务器上已出的阴性/阳性不被改写（不一致时整份不上传，并写明是谁）；"
            "同一人同一采样日的核酸阳性异常只有一条（乡镇已录入的不再重复添加）。"
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE", help="村台账文件（ledger.sqlite3 或其备份）")
    p.add_argument("--unit", required=True, metavar="村名", help="这份台账所属的村（社区）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services.server_push import push_ledger

    report = push_ledger(ctx.db, args.file, args.unit)
    for line in report.lines():
        out(line)
    return 0
