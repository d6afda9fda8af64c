"""``notice admission|door|release ID_NUMBER --out F.pdf`` and ``notice door --new-on D --out
F.pdf``: the printed papers as a PDF, with no screen.

The PDF is drawn by the printing layer (Qt, offscreen): the one command that loads Qt, and only
when it runs.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli_support import CommandContext, out
from app.services.errors import ServiceError
from app.services.notice_templates import NoticeKind


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "notice",
        help="打印文书为 PDF：告知书、门贴、解除隔离通知书",
        description="把居家隔离医学观察告知书、门贴或解除隔离通知书存为 A4 PDF（文字可搜索）。",
    )
    parser.add_argument(
        "kind", choices=[k.value for k in NoticeKind], help="admission 告知书 / door 门贴 / "
        "release 解除隔离通知书",
    )  # fmt: skip
    parser.add_argument("id_number", nargs="?", metavar="ID_NUMBER", help="人员的证件号码")
    parser.add_argument(
        "--new-on",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="（仅门贴）这一天开始居家隔离的每一户各一页",
    )
    parser.add_argument("--out", type=Path, required=True, help="PDF 文件路径")
    parser.set_defaults(handler=run_notice)


def run_notice(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.services import notices

    kind = NoticeKind(args.kind)
    if args.out.suffix.lower() != ".pdf":
        raise ServiceError(f"输出文件应以 .pdf 结尾：{args.out}")
    if (args.id_number is None) == (args.new_on is None):
        raise ServiceError("请给出证件号码，或（仅门贴）用 --new-on 日期 批量打印，二者选一。")
    if args.new_on is not None:
        if kind is not NoticeKind.DOOR:
            raise ServiceError("--new-on 只用于批量打印门贴：notice door --new-on 日期 --out 文件")
        items = notices.door_signs_started_on(ctx.db, args.new_on)
        if not items:
            raise ServiceError(
                f"{args.new_on:%Y-%m-%d} 没有开始居家隔离的人员，没有门贴可打印，未生成文件。"
            )
    else:
        items = [notices.notice_for_id_number(ctx.db, kind, args.id_number)]

    from app.ui.printing.pdf import write_pdf  # Qt only now, and only for this command

    target = args.out.resolve()
    write_pdf(items, target, title=kind.label)
    names = "、".join(item.person_name for item in items[:5])
    more = f" 等 {len(items)} 人" if len(items) > 5 else ""
    out(f"已生成{kind.label}（{len(items)} 页：{names}{more}）：{target}")
    return 0
