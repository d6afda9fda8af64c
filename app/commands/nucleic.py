"""核酸检测 on the command line (the same services as the tests page):

python -m app tests due [--date D]                 who the sampling team must swab, by 组
python -m app tests schedule [--set 措施=1,4,7]    the due days per measure
python -m app tests round D [--remove]             全员核酸 on a date
python -m app import-tests 结果.xlsx [--dry-run]   the sampling system's result list
python -m app export tests --from D --to D --out 核酸检测台账.xlsx
"""

from __future__ import annotations

import argparse
from datetime import date
from itertools import groupby

from app import clock
from app.cli_support import CommandContext, fail, out
from app.commands.export_registry import (
    ExportKind,
    add_date_argument,
    add_range_arguments,
    chosen_range,
    output_path,
    parse_day,
    register_export_kind,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tests = sub.add_parser("tests", help="核酸检测：今日应检名单、检测日安排、全员核酸")
    actions = tests.add_subparsers(dest="tests_action", metavar="ACTION", required=True)
    due = actions.add_parser("due", help="应检名单（按村民小组，供采样组带走）")
    add_date_argument(due, help="日期（默认今天）")
    due.set_defaults(handler=run_due)
    schedule = actions.add_parser("schedule", help="查看或修改各管控措施的核酸检测日")
    schedule.add_argument(
        "--set",
        metavar="措施=第几天",
        action="append",
        default=[],
        help="例：--set 居家隔离医学观察=1,4,7；不检测写“无”（可写多次）",
    )
    schedule.set_defaults(handler=run_schedule)
    round_ = actions.add_parser("round", help="全员核酸：该日所有在管人员都应检")
    round_.add_argument("day", type=parse_day, metavar="日期")
    round_.add_argument("--remove", action="store_true", help="取消这一天的全员核酸")
    round_.set_defaults(handler=run_round)

    p = sub.add_parser(
        "import-tests",
        help="导入采样系统导出的核酸检测结果（按证件号码对应；全部正确才导入）",
        description=(
            "读取核酸检测结果清单（受检者姓名/姓名、证件号码/身份证号、采样时间、检测时间、"
            "检测结果/结果、检测机构）。按证件号码对应到台账中的人；台账中没有的人列出但不导入；"
            "有任何错误则不导入任何数据；重复导入同一清单不会重复登记。"
        ),
    )
    p.add_argument("file", metavar="FILE", help="检测结果清单（.xlsx/.xls/.csv）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不保存")
    p.set_defaults(handler=run_import)


def run_due(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import nucleic_tests

    day: date = args.date or clock.today()
    due = nucleic_tests.due_tests(ctx.db, day)
    counts = nucleic_tests.counts(ctx.db, day)
    out(
        f"{day:%Y-%m-%d} 核酸检测：应检 {counts.due} 人，已采样 {counts.sampled} 人，"
        f"结果未出 {counts.pending} 人，阳性 {counts.positive} 人"
    )
    for group, items in groupby(due, key=lambda d: d.group_name or "（未填组别）"):
        people = list(items)
        out(f"\n{group}（{len(people)} 人）")
        for item in people:
            status = item.result or "未登记"
            out(
                f"  {item.name}  {item.id_number or ''}  {item.phone or ''}  "
                f"{item.address or ''}  {item.reason}  {status}".rstrip()
            )
    return 0


def run_schedule(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import nucleic_schedule, reference

    for assignment in args.set:
        measure, equals, days = assignment.partition("=")
        if not equals or not measure.strip():
            return fail(f"“{assignment}”应写成 措施=第几天，例：居家健康监测=3")
        nucleic_schedule.set_measure_days(ctx.db, measure.strip(), days)
    schedule = nucleic_schedule.schedule(ctx.db)
    for measure in reference.measures(ctx.db):
        out(f"{measure.name}（{measure.default_days} 天）：{schedule.describe(measure.name)}")
    rounds = nucleic_schedule.rounds(ctx.db)
    if rounds:
        out("全员核酸：" + "、".join(f"{d:%Y-%m-%d}" for d in rounds))
    return 0


def run_round(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import nucleic_schedule

    if args.remove:
        nucleic_schedule.remove_round(ctx.db, args.day)
        out(f"已取消 {args.day:%Y-%m-%d} 的全员核酸。")
    else:
        nucleic_schedule.add_round(ctx.db, args.day)
        out(f"已安排 {args.day:%Y-%m-%d} 全员核酸：当天所有在管人员都列入应检名单。")
    return 0


def run_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    from pathlib import Path

    from app.services import nucleic_import

    path = Path(args.file)
    if not path.is_file():
        return fail(f"找不到文件：{path}")
    result = nucleic_import.import_tests(ctx.db, path, dry_run=args.dry_run)
    for stranger in result.unmatched[:50]:
        out(f"未导入：{stranger}")
    if len(result.unmatched) > 50:
        out(f"……还有 {len(result.unmatched) - 50} 条台账中没有的人。")
    prefix = "试运行（未保存）：将" if args.dry_run else "已导入核酸检测结果："
    out(prefix + result.summary + "。")
    if result.positive:
        word = "将有" if args.dry_run else "其中"
        out(f"{word}阳性 {result.positive} 人，已列入异常，请立即处置（转运/送医）。")
    return 0


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import nucleic_reports, reference, reports

    first, last = chosen_range(args)
    unit = reference.unit_profile(ctx.db).unit_name
    name = reports.suggested_name(unit, nucleic_reports.FORM_TESTS, last)
    result = nucleic_reports.export_tests(ctx.db, first, last, output_path(ctx, args.out, name))
    out(f"{result.summary}：{result.path}")
    return 0


register_export_kind(ExportKind.of("tests", add_range_arguments, run_export))
