"""``export KIND …``: one command for every exported form; the kinds come from the registry."""

from __future__ import annotations

import argparse

from app.commands.export_registry import load_export_kinds


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
        kind_parser.set_defaults(handler=kind.run)
