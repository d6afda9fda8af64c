"""Personal information in exports and on disk: masks, masking in every export writer, Office
encryption that a mailed attachment cannot be opened without, and owner-only ledger files."""

from __future__ import annotations

import io
import os
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select

from app.config import AppPaths, Settings
from app.db import Database
from app.excel.errors import ExportError
from app.excel.workbook import Column, SheetSpec, write_workbook
from app.models import Occupant, Person, Slot, VehiclePass
from app.models.assignments import Staff
from app.models.masking import export_privacy
from app.services import (
    audit_query,
    checkpoints,
    nucleic_reports,
    privacy,
    readings_import,
    reference,
    reports,
    roster,
    rounds,
)
from app.services.access import Role, act_as, actor
from app.services.errors import PermissionDenied, ServiceError
from app.services.privacy import ExportProtection, mask_id_number, mask_phone
from tests.helpers.ledgers import TODAY, make_demo_ledger

# --- the masks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("110105491231002", "110105*****1002"),  # 15-digit old ID
        ("E12345678", "E1*****78"),  # passport
        ("—", "—"),  # a placeholder stays
        ("", ""),
        (None, None),
    ],
)
def test_mask_id_number(raw: str | None, masked: str | None) -> None:
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("0571-87654321", "0571-****4321"),
        ("13812345678 / 13987654321", "138****5678 / 139****4321"),
        ("110", "110"),
        (None, None),
    ],
)
def test_mask_phone(raw: str | None, masked: str | None) -> None:
    assert mask_phone(raw) == masked


def _cells(path: Path) -> list[object]:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row]


def _one_sheet(rows: list[list[object]]) -> list[SheetSpec]:
    columns = [Column("姓名"), Column("身份证号", mask="id"), Column("联系电话", mask="phone")]
    return [SheetSpec("名单", columns, rows)]


@pytest.mark.parametrize("streaming", [False, True])
def test_marked_columns_are_masked_only_when_asked(tmp_path: Path, streaming: bool) -> None:
    rows = [["张三", "11010519491231002X", "13812345678"]]
    plain, masked = tmp_path / "plain.xlsx", tmp_path / "masked.xlsx"
    write_workbook(plain, _one_sheet(rows), streaming=streaming)
    write_workbook(masked, _one_sheet(rows), streaming=streaming, mask_personal=True)
    assert {"11010519491231002X", "13812345678"} <= set(_cells(plain))
    assert _cells(masked)[-3:] == ["张三", "110105********002X", "138****5678"]


def test_the_privacy_block_masks_writers_that_know_nothing_about_it(tmp_path: Path) -> None:
    target = tmp_path / "名单.xlsx"
    with export_privacy(mask_personal=True) as state:
        write_workbook(target, _one_sheet([["张三", "11010519491231002X", "13812345678"]]))
    assert state.saved == [target]
    assert "110105********002X" in _cells(target)


# --- every export of a demo village --------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    from app.config import resolve_paths

    paths = resolve_paths(tmp_path_factory.mktemp("privacy") / "data")
    make_demo_ledger(paths)
    return paths


@pytest.fixture
def demo(demo_paths: AppPaths, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo village for one test."""
    from app.config import resolve_paths

    copy = resolve_paths(tmp_path / "demo")
    shutil.copytree(demo_paths.data_dir, copy.data_dir)
    database = Database.open(copy, operator="测试员")
    yield database
    database.close()


def _personal_values(db: Database) -> set[str]:
    """Every resident's, driver's, passenger's and team member's ID number and phone."""
    with db.reading() as session:
        values = set(session.scalars(select(Person.id_number)))
        values |= set(session.scalars(select(Staff.phone)))
        values |= set(session.scalars(select(Person.phone)))
        values |= set(session.scalars(select(VehiclePass.driver_id_number)))
        values |= set(session.scalars(select(VehiclePass.driver_phone)))
        values |= set(session.scalars(select(Occupant.id_number)))
        values |= set(session.scalars(select(Occupant.phone)))
    return {v for v in values if v}


EXPORTS: dict[str, Callable[[Database, Path], object]] = {
    "daily": lambda db, t: reports.export_daily(db, TODAY, t),
    "roster": lambda db, t: reports.export_roster(db, TODAY, t),
    "temperatures": lambda db, t: reports.export_temperatures(
        db, TODAY - timedelta(days=13), TODAY, t
    ),
    "assignments": lambda db, t: reports.export_assignments(db, TODAY, t),
    "vehicles": lambda db, t: checkpoints.export_vehicles(db, TODAY - timedelta(days=13), TODAY, t),
    "rounds-sheet": lambda db, t: readings_import.export_rounds_sheet(db, TODAY, t),
    "tests": lambda db, t: nucleic_reports.export_tests(db, TODAY - timedelta(days=13), TODAY, t),
    "audit": lambda db, t: audit_query.export_audit(db, audit_query.AuditFilter(), t),
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_hides_every_id_number_and_phone_when_masked(
    demo: Database, tmp_path: Path, kind: str
) -> None:
    if kind == "audit":  # give the trail a change with an ID number and a phone in it
        with demo.session() as session:
            person = session.scalars(select(Person).limit(1)).one()
            person.phone = "13700001111"
            person.id_number = "11010519491231002X"
    personal = _personal_values(demo)
    plain, masked = tmp_path / "plain.xlsx", tmp_path / "masked.xlsx"
    EXPORTS[kind](demo, plain)
    with privacy.protected_export(ExportProtection(mask_personal=True)):
        EXPORTS[kind](demo, masked)

    def texts(path: Path) -> str:
        return "\n".join(str(c) for c in _cells(path) if c is not None)

    shown_plain, shown_masked = texts(plain), texts(masked)
    assert any(value in shown_plain for value in personal), "the export shows no personal data"
    leaked = sorted(value for value in personal if value in shown_masked)
    assert leaked == [], f"{kind}: not masked: {leaked[:5]}"
    assert "****" in shown_masked
    assert privacy.EXPORT_KINDS[kind]  # every kind the settings offer is covered here


def _texts(path: Path) -> str:
    return "\n".join(str(c) for c in _cells(path) if c is not None)


@pytest.mark.parametrize("kind", EXPORTS)
def test_each_kind_goes_out_as_its_default_says_under_both_settings(
    demo: Database, tmp_path: Path, kind: str
) -> None:
    """The default the CLI and the export dialog apply (``masked_by_default``): masked as the
    policy decides for a file that is e-mailed, full numbers once a 管理员 changes it."""
    if kind == "audit":
        with demo.session() as session:
            person = session.scalars(select(Person).limit(1)).one()
            person.phone = "13700001111"
    personal = _personal_values(demo)

    def export_as_default(target: Path) -> str:
        default = ExportProtection(mask_personal=privacy.masked_by_default(demo, kind))
        with privacy.protected_export(default):
            EXPORTS[kind](demo, target)
        return _texts(target)

    by_policy = export_as_default(tmp_path / "policy.xlsx")
    assert {p.kind: p.masked for p in privacy.EXPORT_POLICIES}[kind]
    assert [v for v in personal if v in by_policy] == [], f"{kind} leaks with default settings"
    assert "****" in by_policy

    privacy.save_masked_kinds(demo, set(privacy.EXPORT_KINDS) - {kind})
    full = export_as_default(tmp_path / "full.xlsx")
    assert any(v in full for v in personal), f"{kind}: the setting did not unmask"
    assert "****" not in full


def test_the_staff_phones_of_a_masked_roster_are_masked(demo: Database, tmp_path: Path) -> None:
    with demo.reading() as session:
        staff_phones = {p for p in session.scalars(select(Staff.phone)) if p}
    target = tmp_path / "台账.xlsx"
    with privacy.protected_export(ExportProtection(mask_personal=True)):
        reports.export_roster(demo, TODAY, target)
    shown = _texts(target)
    assert staff_phones and not [p for p in staff_phones if p in shown]


def test_the_policy_and_the_setting_default_agree(db: Database) -> None:
    policy = {p.kind for p in privacy.EXPORT_POLICIES if p.masked}
    assert set(Settings.MASK_EXPORTS_DEFAULT.default.split(",")) == policy
    assert privacy.masked_kinds(db) == policy


def test_masking_defaults_per_kind_are_a_setting(db: Database) -> None:
    assert privacy.masked_by_default(db, "roster")
    assert privacy.masked_by_default(db, "daily")
    privacy.save_masked_kinds(db, {"roster"})
    assert not privacy.masked_by_default(db, "daily")
    privacy.save_masked_kinds(db, {"daily", "audit"})
    assert reference.read_setting(db, Settings.MASK_EXPORTS_DEFAULT) == "daily,audit"
    assert privacy.masked_kinds(db) == {"daily", "audit"}
    with pytest.raises(ServiceError, match="没有这种导出表"):
        privacy.save_masked_kinds(db, {"payroll"})
    act_as(db, replace(actor(db), role=Role.CLERK))
    with pytest.raises(PermissionDenied):
        privacy.save_masked_kinds(db, set())


def test_a_masked_fill_in_sheet_still_imports(demo: Database, tmp_path: Path) -> None:
    """The 体温填报表 goes out with masked ID numbers and comes back filled in."""
    target = tmp_path / "填报表.xlsx"
    with privacy.protected_export(ExportProtection(mask_personal=True)):
        readings_import.export_rounds_sheet(demo, TODAY, target)
    book = openpyxl.load_workbook(target)
    sheet = book.active
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "序号")
    id_column, am_column = header.index("身份证号") + 1, header.index("上午体温") + 1
    first_data = next(
        cell.row for cell in sheet["A"] if isinstance(cell.value, int) and cell.row > 1
    )
    assert "********" in sheet.cell(first_data, id_column).value
    sheet.cell(first_data, am_column).value = 36.7
    book.save(target)
    plan = readings_import.plan_readings_import(demo, target, day=TODAY)
    case_id = rounds.due_list(demo, TODAY, Slot.AM)[0].case_id  # the sheet's first line
    result = readings_import.apply_readings_import(demo, plan, overwrite=True)
    assert result.written + result.overwritten + result.unchanged >= 1
    [reading] = [
        r
        for r in rounds.readings_of_case(demo, case_id)
        if r.reading_date == TODAY and r.slot is Slot.AM
    ]
    assert reading.celsius == pytest.approx(36.7)


# --- encryption ---------------------------------------------------------------------------------


def _roster_file(folder: Path) -> Path:
    target = folder / "名单.xlsx"
    write_workbook(target, _one_sheet([["张三", "11010519491231002X", "13812345678"]]))
    return target


def test_encrypted_export_needs_its_password(tmp_path: Path) -> None:
    target = _roster_file(tmp_path)
    expected = _cells(target)
    privacy.protect_workbook(target, "township-2022")

    assert privacy.is_encrypted(target)
    with target.open("rb") as stream:
        assert msoffcrypto.OfficeFile(stream).is_encrypted()
    with pytest.raises((InvalidFileException, zipfile.BadZipFile)):
        openpyxl.load_workbook(target)  # a mailed attachment is useless without the password
    assert b"11010519491231002X" not in target.read_bytes()

    with target.open("rb") as stream:
        office = msoffcrypto.OfficeFile(stream)
        office.load_key(password="wrong-one")
        with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
            office.decrypt(io.BytesIO())
    decrypted = io.BytesIO()
    with target.open("rb") as stream:
        office = msoffcrypto.OfficeFile(stream)
        office.load_key(password="township-2022")
        office.decrypt(decrypted)
    decrypted.seek(0)
    book = openpyxl.load_workbook(decrypted)
    assert [c for s in book for r in s.iter_rows(values_only=True) for c in r] == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["名单.xlsx"]  # no temp file left


def test_protected_export_masks_and_encrypts_what_it_wrote(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "台账.xlsx"
    protection = ExportProtection(mask_personal=True, password="township-2022")
    with privacy.protected_export(protection) as written:
        reports.export_roster(demo, TODAY, target)
    assert written.saved == [target]
    assert privacy.is_encrypted(target)
    assert sorted(p.name for p in out.iterdir()) == ["台账.xlsx"]


def test_encryption_failing_midway_leaves_no_file_at_all(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_plain: object, _password: str, out: io.BytesIO) -> None:
        out.write(b"\xd0\xcf\x11\xe0 half an encrypted file")
        raise ExportError("加密中途失败")

    monkeypatch.setattr(privacy, "_encrypt", broken)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "台账.xlsx"
    with (
        pytest.raises(ExportError, match="加密中途失败"),
        privacy.protected_export(ExportProtection(password="township-2022")),
    ):
        reports.export_roster(demo, TODAY, target)
    # Neither the unencrypted export nor a temp file of the encryption is left behind.
    assert list(out.iterdir()) == []


def test_an_export_failing_with_a_password_leaves_no_unencrypted_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    with (
        pytest.raises(RuntimeError, match="second sheet failed"),
        privacy.protected_export(ExportProtection(password="township-2022")),
    ):
        write_workbook(first, _one_sheet([["张三", "11010519491231002X", "13812345678"]]))
        assert first.exists()
        raise RuntimeError("second sheet failed")
    assert not first.exists() and not second.exists()


def test_short_export_passwords_are_refused_before_writing(tmp_path: Path) -> None:
    with (
        pytest.raises(ServiceError, match="至少要 6 位"),
        privacy.protected_export(ExportProtection(password="12345")),
    ):
        pytest.fail("the export must not start")


# --- files on disk ------------------------------------------------------------------------------


def _private(path: Path, mode: int) -> bool:
    """Owner-only on POSIX; on Windows the user profile's ACLs do this job (modes mean little)."""
    return os.name == "nt" or stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.sqlite_only  # file modes of the ledger file
def test_ledger_backups_and_logs_are_readable_by_the_user_only(paths: AppPaths) -> None:
    with Database.open(paths) as db:
        roster_ids = roster.roster_ids(db, roster.RosterFilter())  # a connection: -wal/-shm exist
        assert roster_ids == []
        for name in ("ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm"):
            assert _private(paths.data_dir / name, 0o600), name
        backup = db.backup()
    assert _private(backup, 0o600)
    for folder in (paths.data_dir, paths.backups, paths.logs):
        assert _private(folder, 0o700), folder


@pytest.mark.sqlite_only  # file modes of the ledger file
def test_an_older_world_readable_ledger_is_tightened_on_open(paths: AppPaths) -> None:
    Database.open(paths).close()
    os.chmod(paths.database, 0o644)
    os.chmod(paths.backups, 0o755)
    Database.open(paths).close()
    assert _private(paths.database, 0o600)
    assert _private(paths.backups, 0o700)


def test_export_kinds_cover_every_cli_kind() -> None:
    from app.commands.export_registry import load_export_kinds

    assert set(load_export_kinds()) <= set(privacy.EXPORT_KINDS)
    assert date(2022, 2, 10) == TODAY


# --- formula injection ----------------------------------------------------------------------------

#: Text that Excel, WPS or a CSV re-save would run as a formula if written as it is.
INJECTED = {
    "unit": '=HYPERLINK("http://example.com/x","点此查看")',
    "reporter": "+cmd|' /C calc'!A0",
    "name": "@SUM(1+1)",
    "full_width": "＝1+1",
    "minus": "-2+3",
    "tab": "\t=1+1",
}


@pytest.mark.parametrize("kind", EXPORTS)
def test_no_text_cell_of_any_export_can_start_a_formula(
    demo: Database, tmp_path: Path, kind: str
) -> None:
    """The unit's name goes into the title of every sheet; names and remarks into the rows."""
    reference.save_unit_profile(
        demo,
        reference.UnitInfo(INJECTED["unit"], "城关镇", INJECTED["reporter"], "13800138000"),
    )
    with demo.session() as session:
        people = list(session.scalars(select(Person).order_by(Person.id).limit(3)))
        people[0].name = INJECTED["name"]
        people[1].name = INJECTED["full_width"]
        people[2].note = INJECTED["minus"]
        people[2].address = INJECTED["tab"]
        passes = list(session.scalars(select(VehiclePass).order_by(VehiclePass.passed_at.desc())))
        passes[0].driver_name = INJECTED["name"]
        passes[0].purpose = INJECTED["minus"]
    target = tmp_path / "out.xlsx"
    EXPORTS[kind](demo, target)

    book = openpyxl.load_workbook(target)
    texts = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    shown = "\n".join(c.value for c in texts)
    assert INJECTED["unit"] in shown or INJECTED["name"] in shown, f"{kind}: nothing injected shows"
    live = [
        f"{c.parent.title}!{c.coordinate}={c.value!r}"
        for c in texts
        if c.data_type == "f" or c.value[:1] in "=+-@＝＋－＠\t\r"
    ]
    assert live == [], f"{kind}: text that can start a formula: {live[:5]}"
