"""import-roster: a county or township list (.xlsx, .xls, .et, CSV) onto the roster, all or none."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_support import CommandContext, out
from app.services.imports import READABLE_FORMATS, ImportRejected

#: exit code when rows have problems (nothing imported); 1 stays "the file or command is wrong"
EXIT_REJECTED = 2


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import-roster",
        help=f"导入人员名单（{READABLE_FORMATS}，全部成功才写入；有问题的行逐条列出）",
        description=(
            "从县、乡镇下发的名单导入人员。自动识别表头（姓名、身份证号、联系电话、人员类别、"
            "管控措施、开始隔离时间……），不认识的列列出后忽略。只要有一行有问题就一行也不导入。"
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE", help=f"名单文件（{READABLE_FORMATS}）")
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将导入的内容，不写入台账")
    p.add_argument(
        "--sheet",
        metavar="工作表",
        help="文件中有几个工作表都是名单时，读取这一个（默认：打开文件时显示的那个）",
    )
    p.set_defaults(handler=run_import_roster)


def run_import_roster(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services.imports import import_roster

    try:
        report = import_roster(
            ctx.db, args.file.expanduser(), dry_run=args.dry_run, sheet=args.sheet
        )
    except ImportRejected as rejected:
        # One summary line, then every problem on its own line, so a clerk (or a script) can
        # work down the list; cli.main's generic handler would cut it short.
        count = len(rejected.problems)
        print(
            f"{args.file.name}：发现 {count} 处问题，未导入任何数据。请在 Excel 中改正后重新导入：",
            file=sys.stderr,
        )
        for problem in rejected.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_REJECTED
    out(report.summary_line())
    for line in report.detail_lines():
        out(line)
    if report.dry_run:
        out("（仅检查，未写入台账。）")
    return 0
