"""操作员账号 — creating accounts, signing in, and the delay after wrong passwords.

A ledger without any account stays open to whoever starts the app (first run, tests, automation
set up before accounts existed); once the first 管理员 exists, the GUI and every command sign in.

Passwords: salted ``hashlib.scrypt`` (n=2**14, r=8, p=1, 16-byte salt), stored as
``scrypt$n$r$p$salt_b64$hash_b64`` so the cost can be raised later without breaking old hashes.
A password is never stored, logged or written to the audit trail in clear. Five wrong passwords
in a row delay the next try by 30 s, doubling with every further miss (at most an hour); the
counters are in the ledger, so restarting the app or switching to the command line does not
reset them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import AuditEntry, local_now
from app.models.operators import Operator
from app.models.reference import UnitProfile
from app.models.roster import Person
from app.services.access import Actor, Permission, Role, act_as, require
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
UNIT_MAX_LENGTH = 50  # Operator.unit, Person.unit: String(50)
MAX_TRIES = 5  # wrong passwords in a row before the first delay
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
# Bounds for parameters read back from a stored hash: a damaged or hostile value must not make
# one sign-in allocate gigabytes.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16

NOT_SIGNED_IN = "（未登录）"  # audit operator for events before anyone signed in

_ROLE_ALIASES = {
    "管理员": Role.ADMIN,
    "admin": Role.ADMIN,
    "录入员": Role.CLERK,
    "clerk": Role.CLERK,
}


class SignInFailed(ServiceError):
    """Wrong or missing account name or password, or a disabled account."""


class AccountLocked(SignInFailed):
    """Too many wrong passwords in a row: no tries before ``until``."""

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        seconds = max(1, ceil((until - now).total_seconds()))
        super().__init__(f"密码连续输错次数过多，请 {_duration(seconds)}后再试。")
        self.seconds_left = seconds


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    created_at: datetime | None
    unit: str | None = None  # 所属村/社区 on a township server; None: sees every village

    @property
    def label(self) -> str:
        """How this operator is named in the audit trail and the status bar."""
        return self.display_name or self.username


# --- password hashes --------------------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return "$".join(
        ["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)]
    )


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of ``password`` against a stored ``scrypt$…`` hash."""
    try:
        scheme, n_text, r_text, p_text, salt_text, hash_text = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, expected = base64.b64decode(salt_text), base64.b64decode(hash_text)
    except (ValueError, TypeError):
        log.error("an account's stored password hash is unreadable")
        return False
    if scheme != "scrypt" or not (1 < n <= _MAX_N and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        log.error("an account's stored password hash has unsupported parameters")
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, len(expected)), expected)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    memory = 128 * r * n * p + 1024 * 1024
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=memory
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# A real hash of a random password: an unknown account name costs as much time as a known one,
# so timing does not tell which account names exist.
_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASH


# --- checking what a clerk typed --------------------------------------------------------------


def normalize_username(username: str) -> str:
    """Account names are compared without case and surrounding spaces (LiMing = liming)."""
    return (username or "").strip().casefold()


def clean_username(username: str) -> str:
    name = normalize_username(username)
    if not name:
        raise ServiceError("请填写账号。")
    if len(name) > 50:
        raise ServiceError("账号不能超过 50 个字。")
    if any(ch.isspace() for ch in name):
        raise ServiceError("账号中不能有空格。")
    return name


def check_new_password(password: str, username: str = "") -> None:
    """Refuse a password too short to resist a stolen laptop (at least 8 characters)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(f"密码至少要 {MIN_PASSWORD_LENGTH} 位。")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ServiceError(f"密码不能超过 {MAX_PASSWORD_LENGTH} 位。")
    if not password.strip():
        raise ServiceError("密码不能全是空格。")
    if username and normalize_username(password) == normalize_username(username):
        raise ServiceError("密码不能与账号相同。")


def parse_role(text: str | Role) -> Role:
    role = _ROLE_ALIASES.get(str(text).strip().casefold())
    if role is None:
        raise ServiceError(f"角色只能是“{Role.ADMIN}”或“{Role.CLERK}”。")
    return role


# --- reading ------------------------------------------------------------------------------------


def _info(row: Operator) -> OperatorInfo:
    return OperatorInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        active=row.active,
        locked_until=row.locked_until,
        created_at=row.created_at,
        unit=row.unit,
    )


def accounts_exist(db: Database) -> bool:
    """True once any account was created: from then on everyone signs in."""
    with db.reading() as session:
        return session.scalar(select(Operator.id).limit(1)) is not None


def accounts(db: Database) -> list[OperatorInfo]:
    with db.reading() as session:
        rows = session.scalars(select(Operator).order_by(Operator.id))
        return [_info(row) for row in rows]


def account(db: Database, username: str) -> OperatorInfo:
    with db.reading() as session:
        return _info(_by_name(session, username))


def _by_name(session: Session, username: str) -> Operator:
    row = session.scalar(select(Operator).where(Operator.username == normalize_username(username)))
    if row is None:
        raise NotFound(f"没有账号“{username.strip()}”。")
    return row


def _by_id(session: Session, operator_id: int) -> Operator:
    row = session.get(Operator, operator_id)
    if row is None:
        raise NotFound("找不到这个账号。")
    return row


# --- creating and changing accounts -------------------------------------------------------------


def create_first_admin(
    db: Database, username: str, display_name: str, password: str
) -> OperatorInfo:
    """The first account of a ledger: always a 管理员, allowed only while there is none.

    No permission is checked: until now the ledger was open to whoever started the app.
    """
    with db.session() as session:
        if session.scalar(select(Operator.id).limit(1)) is not None:
            raise Conflict("已经有账号了：新账号请由管理员在“设置 → 账号与隐私”中添加。")
        row = _new_account(session, username, display_name, password, Role.ADMIN)
        info = _info(row)
    log.info("first administrator account created: %s", info.username)
    return info


def create_account(
    db: Database, username: str, display_name: str, password: str, role: Role
) -> OperatorInfo:
    require(db, Permission.ACCOUNTS)
    if not accounts_exist(db):
        if role is not Role.ADMIN:
            raise ServiceError("第一个账号必须是管理员（否则没有人能管理账号和设置）。")
        return create_first_admin(db, username, display_name, password)
    with db.session() as session:
        info = _info(_new_account(session, username, display_name, password, role))
    log.info("account created: %s (%s)", info.username, info.role)
    return info


def set_account_unit(db: Database, username: str, unit: str | None) -> OperatorInfo:
    """所属单位: the village/社区 whose records the account sees and edits; None or "" — the
    whole ledger (a township account). Recorded in the audit trail by the session hook.

    An administrator who belongs to a village gives accounts only that village: making an account
    a township one (or another village's) would let it see people the administrator cannot.
    """
    require(db, Permission.ACCOUNTS)
    chosen = (unit or "").strip() or None
    if chosen is not None and len(chosen) > UNIT_MAX_LENGTH:
        raise ServiceError(f"单位名称不能超过 {UNIT_MAX_LENGTH} 个字。")
    if db.unit is not None and chosen != db.unit:
        raise PermissionDenied(
            f"当前账号属于「{db.unit}」，只能把账号设为「{db.unit}」，请让乡镇的管理员操作。"
        )
    with db.session() as session:
        row = _by_name(session, username)
        row.unit = chosen
        return _info(row)


def known_units(db: Database) -> list[str]:
    """The villages/社区 the ledger knows — those its accounts, people and 填报单位 profiles
    belong to — in order, for choosing an account's unit. A village account knows its own."""
    with db.reading() as session:
        found: set[str] = set()
        for column in (Operator.unit, Person.unit, UnitProfile.unit):
            found.update(session.scalars(select(column).where(column.is_not(None)).distinct()))
    if db.unit is not None:
        found = {db.unit}
    return sorted(name for name in found if name.strip())


def _new_account(
    session: Session, username: str, display_name: str, password: str, role: Role
) -> Operator:
    name = clean_username(username)
    shown = (display_name or "").strip() or (username or "").strip()
    if len(shown) > 50:
        raise ServiceError("姓名不能超过 50 个字。")
    check_new_password(password, name)
    taken = session.scalar(select(Operator.id).where(Operator.username == name))
    if taken is not None:
        raise Conflict(f"账号“{name}”已经存在。")
    row = Operator(
        username=name,
        display_name=shown,
        role=role.value,
        password_hash=hash_password(password),
        failed_attempts=0,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


def set_active(db: Database, operator_id: int, active: bool) -> OperatorInfo:
    """停用 / 启用 an account (accounts are never deleted: the audit trail names them)."""
    require(db, Permission.ACCOUNTS)
    with db.session() as session:
        row = _by_id(session, operator_id)
        if not active:
            _keep_one_admin(session, row)
        row.active = active
        if active:
            row.failed_attempts, row.locked_until = 0, None
        return _info(row)


def set_role(db: Database, operator_id: int, role: Role) -> OperatorInfo:
    require(db, Permission.ACCOUNTS)
    with db.session() as session:
        row = _by_id(session, operator_id)
        if role is not Role.ADMIN:
            _keep_one_admin(session, row)
        row.role = role.value
        return _info(row)


def _keep_one_admin(session: Session, row: Operator) -> None:
    if row.role != Role.ADMIN.value or not row.active:
        return
    others = session.scalar(
        select(func.count(Operator.id)).where(
            Operator.role == Role.ADMIN.value, Operator.active.is_(True), Operator.id != row.id
        )
    )
    if not others:
        raise Conflict("这是最后一个可用的管理员账号，不能停用或改为录入员：请先另设一个管理员。")


def reset_password(db: Database, operator_id: int, new_password: str) -> None:
    """A 管理员 sets a new password for someone who forgot theirs (and lifts any delay)."""
    require(db, Permission.ACCOUNTS)
    with db.session() as session:
        row = _by_id(session, operator_id)
        check_new_password(new_password, row.username)
        _store_password(session, row, new_password, db.operator, "重设密码")


def change_password(
    db: Database,
    username: str,
    old_password: str,
    new_password: str,
    *,
    clock: Clock = local_now,
) -> None:
    """Anyone changes their own password, proving it with the current one."""
    authenticate(db, username, old_password, clock=clock)
    check_new_password(new_password, username)
    if new_password == old_password:
        raise ServiceError("新密码不能与原密码相同。")
    with db.session() as session:
        row = _by_name(session, username)
        _store_password(session, row, new_password, db.operator, "修改密码")


def _store_password(
    session: Session, row: Operator, password: str, operator: str, action: str
) -> None:
    row.password_hash = hash_password(password)
    row.failed_attempts, row.locked_until = 0, None
    # The hash is kept out of the automatic trail; this entry says that it changed, and by whom.
    _audit(
        session, row, action, f"{row.display_name}（{row.username}）的密码已{action[:2]}", operator
    )
    log.info("%s for account %s", action, row.username)


def _audit(session: Session, row: Operator, action: str, summary: str, operator: str) -> None:
    session.add(
        AuditEntry(
            at=local_now(),
            operator=operator,
            action=action,
            entity=Operator.__tablename__,
            entity_id=row.id,
            person_id=None,
            changes=json.dumps({}, ensure_ascii=False),
            summary=summary[:200],
        )
    )


# --- signing in ---------------------------------------------------------------------------------


def authenticate(
    db: Database, username: str, password: str, *, clock: Clock = local_now
) -> OperatorInfo:
    """Check an account's password, counting wrong ones. Raises ``SignInFailed``/``AccountLocked``.

    While an account is delayed its password is not even checked (so guessing gains nothing),
    and the try does not count. ``clock`` is for tests.
    """
    now = clock()
    with db.session(operator=NOT_SIGNED_IN) as session:
        row = session.scalar(
            select(Operator).where(Operator.username == normalize_username(username))
        )
        if row is None:
            verify_password(password, _dummy_hash())
            raise SignInFailed("账号或密码不正确。")
        if row.locked_until is not None and now < row.locked_until:
            raise AccountLocked(row.locked_until, now)
        failure: SignInFailed | None = None
        if not verify_password(password, row.password_hash):
            failure = _count_failure(session, row, now)
        elif not row.active:
            failure = SignInFailed("这个账号已停用，请找管理员。")
        elif row.failed_attempts or row.locked_until is not None:
            row.failed_attempts, row.locked_until = 0, None
        info = _info(row)
    # Raised outside the block: the wrong-password counter must be committed, not rolled back.
    if failure is not None:
        raise failure
    return info


def _count_failure(session: Session, row: Operator, now: datetime) -> SignInFailed:
    row.failed_attempts += 1
    misses = row.failed_attempts
    log.info("wrong password for account %s (%d in a row)", row.username, misses)
    if misses < MAX_TRIES:
        return SignInFailed(f"账号或密码不正确（再错 {MAX_TRIES - misses} 次将暂停登录）。")
    delay = min(FIRST_DELAY * 2 ** (misses - MAX_TRIES), MAX_DELAY)
    row.locked_until = now + delay
    _audit(
        session,
        row,
        "暂停登录",
        f"{row.display_name}（{row.username}）密码连续输错 {misses} 次，"
        f"暂停登录 {_duration(int(delay.total_seconds()))}",
        NOT_SIGNED_IN,
    )
    return AccountLocked(row.locked_until, now)


def sign_in(
    db: Database, username: str, password: str, *, clock: Clock = local_now
) -> OperatorInfo:
    """Authenticate, then work as this operator: changes are recorded under their name and the
    services allow what their role allows."""
    info = authenticate(db, username, password, clock=clock)
    act_as(db, Actor(info.label, info.role, info.username))
    db.unit = info.unit  # a village's account sees and edits its own people (app.models.units)
    log.info("signed in: %s (%s)", info.username, info.role)
    return info


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} 秒"
    minutes = ceil(seconds / 60)
    return f"{minutes} 分钟"
