"""Reports upward on the command line.

    python -m app export daily --date 2022-02-03 --out 日报表.xlsx      (零报告 by itself)
    python -m app export roster [--date D] --out 在管人员台账.xlsx
    python -m app export temperatures --from D1 --to D2 --out 体温台账.xlsx
    python -m app export assignments [--date D] --out 包保责任表.xlsx
    python -m app merge 东村.xlsx 西村.xls … --out 汇总.xlsx [--unit 红星镇]

The export kinds are registered with ``app.commands.export_registry`` when this module is
imported; ``merge`` is a command of its own.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app import clock
from app.cli_support import CommandContext, out
from app.commands.export_registry import (
    ExportKind,
    add_date_argument,
    add_out_argument,
    output_path,
    parse_day,
    register_export_kind,
)
from app.services.imports import READABLE_FORMATS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "merge",
        help="汇总各村（社区）的日报表：每个单位一行，另加合计行",
        description=(
            "读取本软件导出的日报表（也可以是已汇总的日报表），写成一张日报表：每个单位一行，"
            "最后一行为合计。日期、统计时间或表头不一致、同一单位出现两次时拒绝汇总并指出文件。"
        ),
    )
    p.add_argument(
        "files", type=Path, nargs="+", metavar="FILE", help=f"各单位的日报表（{READABLE_FORMATS}）"
    )
    add_out_argument(p)
    p.add_argument("--unit", metavar="单位名称", help="汇总表的填报单位（默认取本台账的填报单位）")
    p.set_defaults(handler=run_merge)


def run_merge(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import reports

    preview = reports.preview_merge(args.files)
    table = preview.table
    unit_name = (args.unit or _unit_name(ctx)).strip()
    form = reports.FORM_ZERO if table.is_zero_report() else reports.FORM_DAILY
    target = output_path(ctx, args.out, reports.suggested_name(unit_name, form, table.day))
    result = reports.export_merged(ctx.db, args.files, target, unit_name=args.unit, preview=preview)
    out(result.summary)
    out(f"已保存：{result.path}")
    totals = zip(table.number_labels, table.total(), strict=True)
    out("合计：" + "，".join(f"{label} {value}" for label, value in totals))
    return 0


# --- export kinds -----------------------------------------------------------------------------


def _day(args: argparse.Namespace) -> date:
    return args.date or clock.today()


def _unit_name(ctx: CommandContext) -> str:
    from app.services.reference import unit_profile

    return unit_profile(ctx.db).unit_name


def _add_daily(parser: argparse.ArgumentParser) -> None:
    add_date_argument(parser, help="报告日期（默认今天）")
    add_out_argument(parser)


def run_daily(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import reports

    day = _day(args)
    table = reports.daily_table(ctx.db, day)  # counted once: for the name and the workbook
    form = reports.form_of(table)
    target = output_path(ctx, args.out, reports.suggested_name(_unit_name(ctx), form, day))
    result = reports.export_daily(ctx.db, day, target, table=table)
    out(result.summary)
    out(f"已保存：{result.path}")
    return 0


def _add_dated(parser: argparse.ArgumentParser) -> None:
    add_date_argument(parser, help="在管日期（默认今天）")
    add_out_argument(parser)


def run_roster(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import reports

    day = _day(args)
    name = reports.suggested_name(_unit_name(ctx), reports.FORM_ROSTER, day)
    result = reports.export_roster(ctx.db, day, output_path(ctx, args.out, name))
    out(f"{result.summary}：{result.path}")
    return 0


def run_assignments(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import reports

    day = _day(args)
    name = reports.suggested_name(_unit_name(ctx), reports.FORM_ASSIGNMENTS, day)
    result = reports.export_assignments(ctx.db, day, output_path(ctx, args.out, name))
    out(f"{result.summary}：{result.path}")
    return 0


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first_day", type=parse_day, default=None, metavar="日期",
        help="开始日期（默认：结束日期前 13 天，共 14 天）",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="last_day", type=parse_day, default=None, metavar="日期",
        help="结束日期（默认今天）",
    )  # fmt: skip
    add_out_argument(parser)


def run_temperatures(args: argparse.Namespace, ctx: CommandContext) -> int:
    from datetime import timedelta

    from app.services import reports

    last: date = args.last_day or clock.today()
    first: date = args.first_day or last - timedelta(days=13)
    name = reports.suggested_name(_unit_name(ctx), reports.FORM_TEMPERATURES, last)
    result = reports.export_temperatures(ctx.db, first, last, output_path(ctx, args.out, name))
    out(f"{result.summary}：{result.path}")
    return 0


for _kind in (
    ExportKind.of("daily", _add_daily, run_daily),
    ExportKind.of("roster", _add_dated, run_roster),
    ExportKind.of("temperatures", _add_range, run_temperatures),
    ExportKind.of("assignments", _add_dated, run_assignments),
):
    register_export_kind(_kind)
