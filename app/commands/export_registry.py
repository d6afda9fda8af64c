"""The kinds of ``python -m app export KIND …``, registered by the modules that own them.

``export`` is one command whose KIND is a sub-command of its own (``export rounds-sheet --date D
--out F``, ``export daily --date D --out F`` …), so each form keeps its own options while the
command line stays one verb. A module that adds kinds is listed in :data:`EXPORT_KIND_MODULES` and
either calls :func:`register_export_kind` at import time (several kinds, or kinds living next to
other commands), or defines one kind at module level as ``NAME``, ``add_arguments(parser)`` and
``run(args, ctx)``. A kind's name and help are those of its form in ``app.services.export_forms``,
the one list of what the ledger exports. :func:`load_export_kinds` imports the modules when
``app.commands.export`` builds the parser, and only then.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.cli_support import CommandContext
from app.services.export_forms import export_form

#: Modules that hold export kinds (one line each; order = order in ``export --help``).
EXPORT_KIND_MODULES: tuple[str, ...] = (
    "app.commands.rounds",
    "app.commands.export_vehicles",
    "app.commands.reports",
)


@dataclass(frozen=True)
class ExportKind:
    """One ``export`` KIND: its name on the command line, its help, its options and its handler."""

    name: str  # e.g. "rounds-sheet"
    help: str  # Chinese, shown by ``export --help``
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, CommandContext], int]

    @classmethod
    def of(
        cls,
        key: str,
        add_arguments: Callable[[argparse.ArgumentParser], None],
        run: Callable[[argparse.Namespace, CommandContext], int],
    ) -> ExportKind:
        """The kind of one of the ledger's export forms (``app.services.export_forms``): its
        name and help are the form's, its options and handler the command line's own."""
        return cls(key, export_form(key).help, add_arguments, run)


EXPORT_KINDS: dict[str, ExportKind] = {}


def register_export_kind(kind: ExportKind) -> ExportKind:
    """Add a kind; registering the same name twice is a programming error."""
    existing = EXPORT_KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise ValueError(f"export kind {kind.name!r} is registered twice")
    EXPORT_KINDS[kind.name] = kind
    return kind


def load_export_kinds() -> dict[str, ExportKind]:
    """Import every module of :data:`EXPORT_KIND_MODULES`; returns the registry."""
    for name in EXPORT_KIND_MODULES:
        module = importlib.import_module(name)
        if all(hasattr(module, a) for a in ("NAME", "add_arguments", "run")):
            register_export_kind(ExportKind.of(module.NAME, module.add_arguments, module.run))
    return EXPORT_KINDS


# --- option helpers shared by the kinds -----------------------------------------------------------


def parse_day(text: str) -> date:
    """argparse ``type=`` for dates: 2022-02-03, 2022/2/3, 2022年2月3日, 20220203."""
    from app.services.values import ValidationError, parse_date

    try:
        return parse_date(text, allow_future=True)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def add_date_argument(parser: argparse.ArgumentParser, *, help: str = "日期（默认今天）") -> None:
    parser.add_argument("--date", type=parse_day, default=None, metavar="日期", help=help)


def add_out_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="文件.xlsx",
        help="保存到（默认：数据目录下 exports 文件夹中的标准文件名）",
    )


def output_path(ctx: CommandContext, out: Path | None, default_name: str) -> Path:
    """``--out`` as given (resolved), else ``exports/<default_name>`` under the data dir."""
    if out is not None:
        return out.expanduser().resolve()
    ctx.paths.exports.mkdir(parents=True, exist_ok=True)
    return ctx.paths.exports / default_name
