"""Signing in for every command once the ledger has accounts: ``--operator NAME`` (or
``FANGYI_OPERATOR``) and the password typed at the prompt, or ``FANGYI_PASSWORD`` for automation.

Kept apart from the ``accounts`` command so that opening the ledger (``cli_support``) and the
command that manages accounts do not import each other.
"""

from __future__ import annotations

import getpass
import os
import sys

from app.services import operators
from app.services.ledger import Database
from app.services.operators import SignInFailed

PASSWORD_ENV = "FANGYI_PASSWORD"


def sign_in_for_command(db: Database, username: str | None) -> None:
    """Sign ``db`` in as ``username``; a ledger without accounts stays open (first run).

    Raises ``SignInFailed`` (exit code 5) for a missing name, a missing password where none can
    be asked for, or a wrong one.
    """
    if not operators.accounts_exist(db):
        return
    if not username:
        raise SignInFailed(
            "这个台账已设置操作员账号，请用 --operator 账号 登录"
            f"（自动运行时设置环境变量 FANGYI_OPERATOR 和 {PASSWORD_ENV}）。"
        )
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask_password(
            f"{username} 的密码：", f"需要密码：请在终端中运行，或设置环境变量 {PASSWORD_ENV}。"
        )
    operators.sign_in(db, username, password)


def ask_password(prompt: str, refusal: str) -> str:
    """Read a password from the terminal (never echoed); refuse when there is no terminal."""
    if not sys.stdin or not sys.stdin.isatty():
        raise SignInFailed(refusal)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise SignInFailed(refusal) from None
