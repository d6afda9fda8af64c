"""Subcommands of ``python -m app``. Each module defines ``register(subparsers)`` and binds a
handler ``run(args, ctx) -> int`` via ``parser.set_defaults(handler=run)``.

Add a new command module to ``COMMAND_MODULES``; ``app.cli`` imports them lazily by name.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "app.commands.core",
    "app.commands.imports",
    "app.commands.export",
    "app.commands.rounds",
    "app.commands.reports",
    "app.commands.accounts",
    "app.commands.server",
    "app.commands.notices",
)
