"""Command line: ``python -m app [--data-dir DIR] [COMMAND]`` (no command opens the GUI).

Exit code 0 on success; otherwise non-zero with one clear line on stderr — never a traceback for
anything a user can cause.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import APP_NAME_ZH, __version__
from app.cli_support import (
    CommandContext,
    fail,
    make_console_output_safe,
    refused_database_url,
)
from app.config import AppPaths
from app.shutdown import ShutdownRequested, StopSignals

EXIT_USER_ERROR = 1
EXIT_STORAGE = 3
EXIT_SIGN_IN = 5  # wrong or missing account/password: scripts can tell "fix the credentials"
EXIT_NOT_ON_SERVER = 6  # backup/restore of a server ledger: the server's tools do that (pg_dump)
OPERATOR_ENV = "FANGYI_OPERATOR"


GUI_COMMAND = "gui"
#: Top-level options that take a value, so the word after them is not the command.
VALUE_OPTIONS = ("--data-dir", "--operator", "--database-url")


def command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, read without building the parser (None: none, the GUI).

    Any other option (``--help``, ``--version``, an abbreviation) is returned as it is, so only a
    plain GUI start skips the command modules.
    """
    words = iter(argv)
    for word in words:
        if word in VALUE_OPTIONS:
            next(words, None)
        elif word.split("=", 1)[0] not in VALUE_OPTIONS:
            return word
    return None


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The command-line parser; ``with_commands=False`` leaves out every command but ``gui``:
    importing the command modules (and the services they use) cost ~0.2 s of a cold start."""

    parser = argparse.ArgumentParser(
        prog="fangyi-ledger",
        description=f"{APP_NAME_ZH}：村（社区）居家隔离、三包一、体温、卡点登记与报表。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, help="数据目录（默认在用户数据目录；也可用 FANGYI_DATA_DIR）"
    )
    parser.add_argument(
        "--database-url",
        help="乡镇服务器上的台账（postgresql+psycopg://用户@主机:端口/库名；也可用 "
        "FANGYI_DATABASE_URL 或数据目录中的 database-url.txt）。密码不写在这里：用 PGPASSWORD、"
        "PGPASSFILE，或在提示时输入。不给时用本机的台账文件",
    )
    parser.add_argument(
        "--operator",
        help="操作员账号（设置管理员后必填，或用 FANGYI_OPERATOR）；密码在提示时输入，"
        "自动运行时用环境变量 FANGYI_PASSWORD",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="打开图形界面（默认）")
    gui.add_argument(
        "--self-test", action="store_true", help="依次打开每个页面后退出（安装包自检）"
    )
    gui.add_argument("--language", choices=["zh_CN", "en"], help="界面语言")
    gui.set_defaults(handler=None)
    if with_commands:
        from app.commands import COMMAND_MODULES

        for name in COMMAND_MODULES:
            importlib.import_module(name).register(sub)
    return parser


def expected_errors() -> tuple[type[BaseException], ...]:
    """Failures a user can cause: reported in one line, never as a traceback."""
    from app.errors import ExpectedError

    return (ExpectedError, OSError)


_OS_REASONS = {
    errno.ENOENT: "找不到文件或文件夹",
    errno.EEXIST: "已有同名的文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "磁盘是只读的",
}


def describe_os_error(error: OSError) -> str:
    """A missing file, a folder that is a file, no permission, a full disk: one plain sentence."""
    reason = _OS_REASONS.get(error.errno or 0, error.strerror or str(error))
    if error.filename:
        return f"无法访问文件：{error.filename}（{reason}）"
    return f"文件操作失败：{reason}"


def _storage_failure(error: Exception, paths: AppPaths) -> Exception | None:
    """A database error a user can cause (full disk, read-only file, lock, disk error) that
    escaped the ledger's own translation: still one line, never a traceback."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from app.services.ledger import storage_failure

    if not isinstance(error, sqlite3.Error | DBAPIError):
        return None
    if paths.database_url is not None:
        from app.services.ledger import server_failure

        return server_failure(error, paths.database_url)
    return storage_failure(error, paths.database, "访问台账")


def main(argv: Sequence[str] | None = None) -> int:
    make_console_output_safe()  # before argparse, whose --help and errors are Chinese too
    words = sys.argv[1:] if argv is None else argv
    args = build_parser(command_word(words) not in (None, GUI_COMMAND)).parse_args(words)
    from app.config import resolve_paths

    refusal = refused_database_url(args.database_url)
    if refusal:
        return fail(refusal, EXIT_USER_ERROR)
    paths = resolve_paths(args.data_dir, args.database_url)
    if args.command in (None, GUI_COMMAND):
        from app import startup_gc

        startup_gc.hold()  # resumed once the window is up (app/ui/app.py)
        from app.ui.app import run_gui

        return run_gui(
            paths,
            self_test=getattr(args, "self_test", False),
            language=getattr(args, "language", None),
        )
    username = args.operator or os.environ.get(OPERATOR_ENV) or None
    ctx = CommandContext(paths=paths, operator=username or "命令行", username=username)
    with StopSignals() as stop_signals:
        return _run_command(args, ctx, stop_signals)


def _run_command(args: argparse.Namespace, ctx: CommandContext, stop_signals: StopSignals) -> int:
    try:
        return int(args.handler(args, ctx) or 0)
    except ShutdownRequested as stop:
        # The open transaction was rolled back and scratch files removed on the way out; the
        # ``finally`` below folds the -wal in and releases the data folder.
        return fail(
            "已停止：收到结束信号，未完成的操作已撤销，已保存的数据不受影响。", 128 + stop.signum
        )
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except expected_errors() as error:
        from app.services.imports import ImportRejected
        from app.services.ledger import NotOnServer, ServerSignInFailed, StorageError
        from app.services.operators import SignInFailed

        if isinstance(error, ImportRejected):
            lines = [error.headline, *(f"  {p}" for p in error.problems[:50])]
            return fail("\n".join(lines))

        if isinstance(error, OSError):
            return fail(describe_os_error(error), EXIT_STORAGE)
        code = EXIT_STORAGE if isinstance(error, StorageError) else EXIT_USER_ERROR
        if isinstance(error, SignInFailed | ServerSignInFailed):
            code = EXIT_SIGN_IN
        if isinstance(error, NotOnServer):
            code = EXIT_NOT_ON_SERVER
        return fail(str(error), code)
    except KeyboardInterrupt:
        return fail("已取消。", 130)
    except Exception as error:
        failure = _storage_failure(error, ctx.paths)
        if failure is None:
            raise  # a bug: the traceback is what support needs
        return fail(str(failure), EXIT_STORAGE)
    finally:
        stop_signals.disarm()  # the -wal folded in and the lock released, whatever comes now
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
