"""``export vehicles`` — the 卡点车辆登记表 for a range of statistical days.

    python -m app export vehicles --from 2022-02-01 --to 2022-02-03 [--checkpoint 东村卡点] \
        [--out 卡点车辆登记表.xlsx]

One kind of the ``export`` command, found by ``app.commands.export_registry`` through the
module-level ``NAME``, ``add_arguments`` and ``run``.
"""

from __future__ import annotations

import argparse
from datetime import date

from app import clock
from app.cli_support import CommandContext, out
from app.commands.export_registry import add_out_argument, output_path, parse_day

NAME = "vehicles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first_day", type=parse_day, default=None, metavar="日期",
        help="开始日期（默认今天）",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="last_day", type=parse_day, default=None, metavar="日期",
        help="结束日期（默认同开始日期）",
    )  # fmt: skip
    parser.add_argument("--checkpoint", metavar="卡点名称", help="只导出这个卡点（默认全部卡点）")
    add_out_argument(parser)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services.checkpoints import export_vehicles, vehicles_file_name

    first: date = args.first_day or clock.today()
    last: date = args.last_day or first
    target = output_path(ctx, args.out, vehicles_file_name(ctx.db, last, args.checkpoint))
    summary = export_vehicles(ctx.db, first, last, target, checkpoint_name=args.checkpoint)
    totals = summary.totals
    out(f"已导出卡点车辆登记表：{summary.path}")
    out(
        f"检查车辆 {totals.vehicles} 辆，检查人数 {totals.people} 人次，"
        f"劝返车辆 {totals.turned_back_vehicles} 辆，劝返人数 {totals.turned_back_people} 人次，"
        f"体温异常 {totals.abnormal} 辆；车上人员 {summary.occupants} 人。"
    )
    return 0
