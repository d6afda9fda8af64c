"""Operator accounts: hashes, first administrator, sign-in, the delay after wrong passwords, and
role permissions enforced by the services themselves (not only by hidden buttons)."""

from __future__ import annotations

import base64
import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.config import AppPaths, Settings
from app.db import Database
from app.models import AuditEntry, Slot
from app.services import checkpoints, operators, reference, reports, roster, rounds
from app.services.access import Actor, Permission, Role, act_as, actor, require
from app.services.errors import Conflict, PermissionDenied, ServiceError
from app.services.operators import AccountLocked, SignInFailed
from app.services.reference import UnitInfo
from app.services.roster import CaseInput, PersonInput

ADMIN_PASSWORD = "村委会2022!"
CLERK_PASSWORD = "luru-12345"


class Clock:
    """An injectable clock: the delay after wrong passwords is tested without waiting."""

    def __init__(self) -> None:
        self.now = datetime(2022, 2, 10, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(db: Database) -> Database:
    """The test ledger with an administrator (王书记) and a clerk (李明)."""
    reference.save_unit_profile(db, UnitInfo(unit_name="东村"))
    operators.create_first_admin(db, "WangShuji", "王书记", ADMIN_PASSWORD)
    operators.create_account(db, "liming", "李明", CLERK_PASSWORD, Role.CLERK)
    return db


# --- hashes -------------------------------------------------------------------------------------


def test_hash_is_salted_scrypt_in_the_documented_format() -> None:
    first = operators.hash_password("secret123")
    scheme, n, r, p, salt, digest = first.split("$")
    assert len(base64.b64decode(digest)) == 32
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert first != operators.hash_password("secret123")  # a new salt every time
    assert operators.verify_password("secret123", first)
    assert not operators.verify_password("secret124", first)
    assert not operators.verify_password("secret123", "scrypt$broken")


@pytest.mark.sqlite_only  # the file's bytes
def test_password_is_never_stored_or_audited_in_clear(accounts: Database, paths: AppPaths) -> None:
    operators.sign_in(accounts, "wangshuji", ADMIN_PASSWORD)
    operators.reset_password(accounts, operators.account(accounts, "liming").id, "new-pass-99")
    accounts.close()
    raw = b"".join(
        path.read_bytes()
        for path in paths.data_dir.rglob("*")
        if path.is_file() and path.name.startswith("ledger.sqlite3")
    )
    for password in (ADMIN_PASSWORD, CLERK_PASSWORD, "new-pass-99"):
        assert password.encode("utf-8") not in raw
    connection = sqlite3.connect(paths.database)
    try:
        changes = [c for (c,) in connection.execute("SELECT changes FROM audit_entry")]
        actions = [a for (a,) in connection.execute("SELECT action FROM audit_entry")]
    finally:
        connection.close()
    assert not any("password_hash" in c or "scrypt$" in c for c in changes)
    assert "重设密码" in actions


# --- the first administrator --------------------------------------------------------------------


def test_first_admin_opens_sign_in_and_only_once(db: Database) -> None:
    assert not operators.accounts_exist(db)
    info = operators.create_first_admin(db, " WangShuji ", "王书记", ADMIN_PASSWORD)
    assert (info.username, info.display_name, info.role) == ("wangshuji", "王书记", Role.ADMIN)
    assert operators.accounts_exist(db)
    with pytest.raises(Conflict, match="已经有账号"):
        operators.create_first_admin(db, "other", "别人", ADMIN_PASSWORD)


def test_the_first_account_must_be_an_administrator(db: Database) -> None:
    with pytest.raises(ServiceError, match="第一个账号必须是管理员"):
        operators.create_account(db, "liming", "李明", CLERK_PASSWORD, Role.CLERK)
    assert not operators.accounts_exist(db)


@pytest.mark.parametrize(
    ("username", "password", "reason"),
    [
        ("", ADMIN_PASSWORD, "请填写账号"),
        ("wang shuji", ADMIN_PASSWORD, "不能有空格"),
        ("wangshuji", "short7!", "至少要 8 位"),
        ("wangshuji", "WangShuji", "不能与账号相同"),
        ("wangshuji", " " * 10, "不能全是空格"),
    ],
)
def test_bad_account_names_and_passwords_are_refused(
    db: Database, username: str, password: str, reason: str
) -> None:
    with pytest.raises(ServiceError, match=reason):
        operators.create_first_admin(db, username, "王书记", password)
    assert not operators.accounts_exist(db)


def test_account_names_are_unique_without_case(accounts: Database) -> None:
    with pytest.raises(Conflict, match="已经存在"):
        operators.create_account(accounts, "LiMing", "另一个李明", CLERK_PASSWORD, Role.CLERK)


# --- signing in ---------------------------------------------------------------------------------


def test_sign_in_sets_who_is_working_and_their_role(accounts: Database) -> None:
    info = operators.sign_in(accounts, "LIMING", CLERK_PASSWORD)
    assert actor(accounts) == Actor("李明", Role.CLERK, "liming")
    assert info.label == "李明"
    person = roster.register_case(
        accounts,
        PersonInput(name="张三", id_number="11010519491231002X"),
        CaseInput(category_id=1, measure_id=1, start_date=date(2022, 2, 10)),
    )
    with accounts.reading() as session:
        entry = session.query(AuditEntry).filter_by(entity="person").one()
    assert entry.operator == "李明"
    assert person.name == "张三"


def test_unknown_account_and_wrong_password_say_the_same(accounts: Database) -> None:
    with pytest.raises(SignInFailed, match="账号或密码不正确"):
        operators.sign_in(accounts, "nobody", CLERK_PASSWORD)
    with pytest.raises(SignInFailed, match="账号或密码不正确"):
        operators.sign_in(accounts, "liming", "wrong-password")
    assert actor(accounts) == Actor(accounts.operator)  # nothing changed: nobody signed in


def test_five_wrong_passwords_delay_even_the_right_one(accounts: Database, clock: Clock) -> None:
    for remaining in (4, 3, 2, 1):
        with pytest.raises(SignInFailed, match=f"再错 {remaining} 次将暂停登录"):
            operators.authenticate(accounts, "liming", "wrong-password", clock=clock)
    with pytest.raises(AccountLocked, match="请 30 秒后再试") as locked:
        operators.authenticate(accounts, "liming", "wrong-password", clock=clock)
    assert locked.value.until == clock.now + timedelta(seconds=30)

    clock.advance(29)
    with pytest.raises(AccountLocked, match="请 1 秒后再试"):
        operators.authenticate(accounts, "liming", CLERK_PASSWORD, clock=clock)

    clock.advance(1)
    info = operators.authenticate(accounts, "liming", CLERK_PASSWORD, clock=clock)
    assert info.username == "liming"
    # The counter starts again: four more misses are only warnings.
    for _ in range(4):
        with pytest.raises(SignInFailed) as error:
            operators.authenticate(accounts, "liming", "wrong-password", clock=clock)
        assert not isinstance(error.value, AccountLocked)


def test_the_delay_doubles_and_survives_a_restart(
    accounts: Database, paths: AppPaths, clock: Clock
) -> None:
    for _ in range(5):
        with pytest.raises(SignInFailed):
            operators.authenticate(accounts, "liming", "wrong-password", clock=clock)
    clock.advance(30)
    with pytest.raises(AccountLocked, match="请 1 分钟后再试"):  # the 6th miss: 60 s
        operators.authenticate(accounts, "liming", "wrong-password", clock=clock)
    accounts.close()

    with Database.open(paths) as reopened:  # a restart (or the command line) is still delayed
        with pytest.raises(AccountLocked):
            operators.authenticate(reopened, "liming", CLERK_PASSWORD, clock=clock)
        clock.advance(60)
        assert operators.authenticate(reopened, "liming", CLERK_PASSWORD, clock=clock)
        with reopened.reading() as session:
            paused = session.query(AuditEntry).filter_by(action="暂停登录").all()
        assert [e.summary for e in paused] == [
            "李明（liming）密码连续输错 5 次，暂停登录 30 秒",
            "李明（liming）密码连续输错 6 次，暂停登录 1 分钟",
        ]


def test_a_disabled_account_cannot_sign_in(accounts: Database) -> None:
    liming = operators.account(accounts, "liming")
    operators.set_active(accounts, liming.id, False)
    with pytest.raises(SignInFailed, match="已停用"):
        operators.sign_in(accounts, "liming", CLERK_PASSWORD)
    operators.set_active(accounts, liming.id, True)
    assert operators.sign_in(accounts, "liming", CLERK_PASSWORD).active


def test_the_last_administrator_cannot_be_disabled_or_demoted(accounts: Database) -> None:
    admin = operators.account(accounts, "wangshuji")
    with pytest.raises(Conflict, match="最后一个可用的管理员"):
        operators.set_active(accounts, admin.id, False)
    with pytest.raises(Conflict, match="最后一个可用的管理员"):
        operators.set_role(accounts, admin.id, Role.CLERK)
    liming = operators.account(accounts, "liming")
    operators.set_role(accounts, liming.id, Role.ADMIN)
    assert operators.set_active(accounts, admin.id, False).active is False


def test_changing_ones_own_password_needs_the_current_one(accounts: Database) -> None:
    operators.sign_in(accounts, "liming", CLERK_PASSWORD)
    with pytest.raises(SignInFailed):
        operators.change_password(accounts, "liming", "wrong-password", "another-pass-1")
    with pytest.raises(ServiceError, match="不能与原密码相同"):
        operators.change_password(accounts, "liming", CLERK_PASSWORD, CLERK_PASSWORD)
    operators.change_password(accounts, "liming", CLERK_PASSWORD, "another-pass-1")
    with pytest.raises(SignInFailed):
        operators.authenticate(accounts, "liming", CLERK_PASSWORD)
    assert operators.authenticate(accounts, "liming", "another-pass-1")


# --- role permissions, enforced in the services -------------------------------------------------


@pytest.fixture
def clerk(accounts: Database) -> Database:
    """The ledger signed in as the 录入员 李明."""
    operators.sign_in(accounts, "liming", CLERK_PASSWORD)
    assert actor(accounts).role is Role.CLERK
    return accounts


@pytest.fixture
def case_id(accounts: Database) -> int:
    row = roster.register_case(
        accounts,
        PersonInput(name="张三", id_number="11010519491231002X", phone="13812345678"),
        CaseInput(category_id=1, measure_id=1, start_date=date(2022, 2, 8)),
    )
    return row.id


def test_a_clerk_records_readings_and_exports(
    clerk: Database, case_id: int, tmp_path: Path
) -> None:
    saved = rounds.record_reading(clerk, case_id, date(2022, 2, 10), Slot.AM, 36.6)
    assert saved.reading.celsius == pytest.approx(36.6)
    result = reports.export_roster(clerk, date(2022, 2, 10), tmp_path / "台账.xlsx")
    assert result.path.exists()


def test_a_clerk_cannot_delete_change_settings_restore_or_manage_accounts(
    clerk: Database, case_id: int
) -> None:
    measure = reference.measures(clerk)[0]
    # an administrator set up the gate; the clerk logged a car
    act_as(clerk, replace(actor(clerk), role=Role.ADMIN))
    gate = checkpoints.save_checkpoint(clerk, "村口卡点")
    act_as(clerk, replace(actor(clerk), role=Role.CLERK))
    car = checkpoints.record_pass(
        clerk, checkpoints.PassInput(checkpoint_id=gate.id, plate="浙C12345")
    )
    refused = {
        "delete_case": lambda: roster.delete_case(clerk, case_id),
        "delete_pass": lambda: checkpoints.delete_pass(clerk, car.id),
        "write_setting": lambda: reference.write_setting(clerk, Settings.FEVER_THRESHOLD, 37.5),
        "save_measure": lambda: reference.save_measure(
            clerk,
            measure.name,
            default_days=14,
            needs_readings=measure.needs_readings,
            required_role_ids=[],
            measure_id=measure.id,
        ),
        "restore": lambda: require(clerk, Permission.RESTORE),  # what run_restore asks first
        "create_account": lambda: operators.create_account(
            clerk, "zhaosi", "赵四", CLERK_PASSWORD, Role.CLERK
        ),
        "set_active": lambda: operators.set_active(clerk, 1, False),
        "set_role": lambda: operators.set_role(clerk, 2, Role.ADMIN),
        "reset_password": lambda: operators.reset_password(clerk, 1, "take-over-1"),
        "set_account_unit": lambda: operators.set_account_unit(clerk, "liming", None),
    }
    for name, action in refused.items():
        with pytest.raises(PermissionDenied, match="请让管理员操作"):
            action()
            pytest.fail(f"a clerk could {name}")
    assert reference.read_setting(clerk, Settings.FEVER_THRESHOLD) == pytest.approx(37.3)
    assert roster.case_row(clerk, case_id).deleted is False
    assert [a.username for a in operators.accounts(clerk)] == ["wangshuji", "liming"]
    assert operators.account(clerk, "liming").role is Role.CLERK


def test_an_accounts_unit_is_audited_and_a_village_administrator_keeps_to_its_village(
    accounts: Database,
) -> None:
    operators.sign_in(accounts, "WangShuji", ADMIN_PASSWORD)
    assert operators.set_account_unit(accounts, "liming", " 东村 ").unit == "东村"
    with accounts.reading() as session:
        entry = session.query(AuditEntry).filter_by(entity="operator", action="修改").one()
    assert json.loads(entry.changes) == {"unit": [None, "东村"]}
    assert entry.operator == "王书记"
    with pytest.raises(ServiceError, match="不能超过 50 个字"):
        operators.set_account_unit(accounts, "liming", "村" * 51)

    # 王书记 now belongs to 东村 too: he may not make 李明 a township or another village's account.
    operators.set_account_unit(accounts, "WangShuji", "东村")
    operators.sign_in(accounts, "WangShuji", ADMIN_PASSWORD)
    for unit in (None, "西村"):
        with pytest.raises(PermissionDenied, match="只能把账号设为「东村」"):
            operators.set_account_unit(accounts, "liming", unit)
    assert operators.account(accounts, "liming").unit == "东村"
    assert operators.known_units(accounts) == ["东村"]


def test_access_grants_match_the_roles() -> None:
    from app.services.access import _GRANTS

    assert _GRANTS[Role.ADMIN] == frozenset(Permission)
    assert _GRANTS[Role.CLERK] == {Permission.RECORD, Permission.EXPORT}
