"""体温填报表 on the command line: ``export rounds-sheet`` and ``import-readings``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app import clock
from app.cli_support import CommandContext, fail, out
from app.commands.export_registry import (
    ExportKind,
    add_date_argument,
    add_out_argument,
    output_path,
    parse_day,
    register_export_kind,
)
from app.services import readings_import
from app.services.imports import READABLE_FORMATS
from app.services.readings_import import ReadingConflicts

EXIT_CONFLICTS = 4  # distinct from bad input (1) so scripts can tell "review and --overwrite"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import-readings",
        help="导入填好的体温填报表（全部正确才导入；与已登记不同的体温需 --overwrite）",
        description=(
            "导入本软件导出的体温填报表。按身份证号（或当天名单中唯一的姓名）对应到人，空白格跳过；"
            "有任何错误则不导入任何数据。与已登记体温不同的格子列为冲突，加 --overwrite 才覆盖。"
        ),
    )
    p.add_argument(
        "file", type=Path, metavar="FILE", help=f"填好的体温填报表（{READABLE_FORMATS}）"
    )
    p.add_argument("--overwrite", action="store_true", help="以表中体温覆盖已登记的不同体温")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将要导入的内容，不保存")
    p.add_argument(
        "--date",
        type=parse_day,
        default=None,
        metavar="日期",
        help="要导入的日期（默认取表头上方的测量日期；两者不同则拒绝导入）",
    )
    p.set_defaults(handler=run_import)


def _add_sheet_arguments(parser: argparse.ArgumentParser) -> None:
    add_date_argument(parser, help="测量日期（默认今天）")
    add_out_argument(parser)


def run_export_sheet(args: argparse.Namespace, ctx: CommandContext) -> int:
    day: date = args.date or clock.today()
    target = output_path(ctx, args.out, readings_import.suggested_sheet_name(ctx.db, day))
    readings_import.export_rounds_sheet(ctx.db, day, target)
    count = len(readings_import.sheet_lines(ctx.db, day))
    out(f"已导出 {day:%Y-%m-%d} 体温填报表（{count} 人）：{target}")
    return 0


register_export_kind(ExportKind.of("rounds-sheet", _add_sheet_arguments, run_export_sheet))


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    db = ctx.db
    try:
        plan = readings_import.plan_readings_import(db, args.file, day=args.date)
    except FileNotFoundError:
        return fail(f"找不到文件：{args.file}")
    conflicts = plan.conflicts
    for line in plan.unusual:
        out(f"请核对：{line}")
    if conflicts and not args.overwrite:
        lines = [
            f"有 {len(conflicts)} 条体温与已登记的不同，未导入任何数据。"
            "核对无误、确认以表中为准时，加 --overwrite 重新导入："
        ]
        lines += [f"  {c}" for c in conflicts[:50]]
        if len(conflicts) > 50:
            lines.append(f"  ……还有 {len(conflicts) - 50} 条。")
        return fail("\n".join(lines), EXIT_CONFLICTS)
    for conflict in conflicts:
        out(f"覆盖：{conflict}")
    if args.dry_run:
        out(
            f"试运行（未保存）：{plan.day:%Y-%m-%d} 将新登记 {plan.new_count} 条，"
            f"覆盖 {len(conflicts)} 条，相同跳过 {plan.unchanged} 条，"
            f"其中发热或有症状 {plan.abnormal_count} 条。"
        )
        return 0
    try:
        result = readings_import.apply_readings_import(db, plan, overwrite=args.overwrite)
    except ReadingConflicts as error:  # typed on the rounds page since the file was checked
        return fail(str(error), EXIT_CONFLICTS)
    out(
        f"已导入 {result.day:%Y-%m-%d} 体温：新登记 {result.written} 条，"
        f"覆盖 {result.overwritten} 条，相同跳过 {result.unchanged} 条。"
    )
    if result.anomalies:
        out(f"其中发热或有症状 {result.anomalies} 条，已列入异常待处置。")
    return 0
