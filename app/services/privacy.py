"""个人信息保护 for exports: masked ID numbers and phones, and password-protected workbooks.

A ledger export carries ID numbers, phones and health data of a whole village and travels by
e-mail and USB stick. Two protections, chosen per export (each kind's default is decided once, in
:data:`EXPORT_POLICIES`; a 管理员 may change it in Settings → 账号与隐私):

* **脱敏** — ``110105********002X``, ``138****5678`` in the columns the writers mark
  (``Column(mask="id"|"phone")``), for recipients who need the numbers but not the identities;
* **加密** — real Office encryption (ECMA-376 agile, AES; msoffcrypto-tool), so a mailed
  attachment or a lost stick is useless without the password, while Excel and WPS open it
  after asking for the password.

``protected_export`` applies both around any export function without that function knowing.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.config import Settings
from app.db import Database
from app.excel.errors import ExportError
from app.models.masking import ExportPrivacy, export_privacy, mask_id_number, mask_phone
from app.models.reference import Setting
from app.services.errors import ServiceError
from app.services.export_forms import export_form
from app.services.reference import write_setting

__all__ = [
    "AUDIT_KIND",
    "AUDIT_TITLE",
    "EXPORT_KINDS",
    "EXPORT_POLICIES",
    "MIN_EXPORT_PASSWORD_LENGTH",
    "ExportPolicy",
    "ExportProtection",
    "check_export_password",
    "is_encrypted",
    "mask_id_number",
    "mask_phone",
    "masked_by_default",
    "masked_kinds",
    "protect_workbook",
    "protected_export",
    "protecting",
    "save_masked_kinds",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

MIN_EXPORT_PASSWORD_LENGTH = 6


#: The audit trail's export (操作留痕), made on the 操作留痕 page rather than the 报表导出 page.
AUDIT_KIND = "audit"
AUDIT_TITLE = "操作留痕"


@dataclass(frozen=True)
class ExportPolicy:
    """What one kind of export carries, and whether it goes out masked unless the clerk unticks."""

    kind: str  # the ``export KIND`` name (an ``app.services.export_forms`` key, or "audit")
    carries: str  # the personal numbers in it, as the export dialog names them
    masked: bool  # the default for a file that leaves the office
    why: str  # the reason for that default (for the engineer; the clerk sees ``carries``)

    @property
    def title(self) -> str:
        """What a clerk calls it: the form's title (the audit trail is no form of its own)."""
        return AUDIT_TITLE if self.kind == AUDIT_KIND else export_form(self.kind).title


#: The one place deciding what an exported file carries by default. Every kind is e-mailed,
#: sent by WeChat or printed and left on a desk, and none of its readers needs a whole ID number
#: or phone to do the job: the township checks counts and names, a medical worker finds a person
#: by name and group, and a masked fill-in sheet still imports (rows match by name and the
#: visible digits). So every kind goes out masked unless the clerk unticks it for one export —
#: the risk of the default is a clerk re-exporting once, never a village's IDs in a mailbox.
EXPORT_POLICIES: tuple[ExportPolicy, ...] = (
    ExportPolicy(
        "daily", "在管人员明细中的身份证号和电话", True,
        "sent up to the township and county every day; they sum counts",
    ),
    ExportPolicy(
        "roster", "身份证号、本人和包保人员的电话", True,
        "the whole village's list, the export most likely to be forwarded",
    ),
    ExportPolicy(
        "temperatures", "身份证号", True,
        "health data next to the ID: the most sensitive combination",
    ),
    ExportPolicy(
        "assignments", "身份证号、本人和包保人员的电话", True,
        "handed to every cadre and doctor of the teams; they know their people by name",
    ),
    ExportPolicy(
        "vehicles", "驾驶员和乘车人的证件号码、电话", True,
        "travellers from elsewhere, reported to the county by e-mail",
    ),
    ExportPolicy(
        "rounds-sheet", "身份证号（隐藏时导入按姓名核对）", True,
        "printed and carried door to door; the import matches masked rows by name",
    ),
    ExportPolicy(
        "tests", "身份证号", True,
        "test results next to the ID: health data, like the temperatures",
    ),
    ExportPolicy(
        AUDIT_KIND, "修改记录中的身份证号和电话", True,
        "for an inspection of who changed what, not of whose number it was",
    ),
)  # fmt: skip

#: ``export KIND`` names → what a clerk calls the export, in the order the settings list them.
EXPORT_KINDS: dict[str, str] = {policy.kind: policy.title for policy in EXPORT_POLICIES}


@dataclass(frozen=True)
class ExportProtection:
    """What the clerk chose for one export."""

    mask_personal: bool = False
    password: str | None = None  # None or "": not encrypted


# --- defaults per kind ----------------------------------------------------------------------------


def masked_kinds(db: Database) -> set[str]:
    """The export kinds masked unless the clerk unticks it (unknown names are ignored).

    Until a 管理员 saves a choice, :data:`EXPORT_POLICIES` decides.
    """
    with db.reading() as session:
        stored = session.get(Setting, Settings.MASK_EXPORTS_DEFAULT.key)
        text = None if stored is None else stored.value
    if text is None:
        return {policy.kind for policy in EXPORT_POLICIES if policy.masked}
    return {part.strip() for part in text.split(",") if part.strip() in EXPORT_KINDS}


def masked_by_default(db: Database, kind: str) -> bool:
    return kind in masked_kinds(db)


def save_masked_kinds(db: Database, kinds: set[str]) -> None:
    """Change the defaults (a 管理员's setting); kept in ``EXPORT_KINDS`` order."""
    unknown = sorted(set(kinds) - set(EXPORT_KINDS))
    if unknown:
        raise ServiceError(f"没有这种导出表：{'、'.join(unknown)}")
    ordered = [kind for kind in EXPORT_KINDS if kind in kinds]
    write_setting(db, Settings.MASK_EXPORTS_DEFAULT, ",".join(ordered))


# --- encryption -----------------------------------------------------------------------------------


def check_export_password(password: str) -> None:
    if len(password) < MIN_EXPORT_PASSWORD_LENGTH:
        raise ServiceError(f"文件密码至少要 {MIN_EXPORT_PASSWORD_LENGTH} 位。")
    if not password.strip():
        raise ServiceError("文件密码不能全是空格。")


def protect_workbook(path: Path, password: str) -> None:
    """Encrypt the finished workbook at ``path`` in place (atomically: the plain file stays
    until the encrypted one replaces it, and no temp file is left behind on failure)."""
    from app.excel.workbook import atomic_save

    check_export_password(password)
    path = Path(path)

    def write(tmp: Path) -> None:
        encrypted = io.BytesIO()
        with path.open("rb") as plain:
            _encrypt(plain, password, encrypted)
        tmp.write_bytes(encrypted.getvalue())

    atomic_save(path, write)
    log.info("export encrypted: %s", path.name)


def _encrypt(plain: io.BufferedReader, password: str, out: io.BytesIO) -> None:
    from msoffcrypto.exceptions import EncryptionError
    from msoffcrypto.format.ooxml import OOXMLFile

    try:
        OOXMLFile(plain).encrypt(password, out)
    except (EncryptionError, ValueError) as error:
        raise ExportError(f"无法给 {Path(plain.name).name} 加密：{error}") from error


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an Office file that needs a password to open."""
    import msoffcrypto

    with Path(path).open("rb") as stream:
        try:
            return bool(msoffcrypto.OfficeFile(stream).is_encrypted())
        except Exception:  # not an Office file at all (msoffcrypto raises a bare Exception)
            return False


# --- applying a choice around an export -----------------------------------------------------------


@contextmanager
def protected_export(protection: ExportProtection) -> Iterator[ExportPrivacy]:
    """Run the export inside the block with ``protection`` applied to every file it writes.

    Masking happens while the rows are written. Encryption follows once the export finished; if
    the export or the encryption fails, every file it wrote is removed — a clerk who asked for
    an encrypted file must never be left with an unencrypted one.
    """
    password = protection.password or None
    if password is not None:
        check_export_password(password)
    with export_privacy(mask_personal=protection.mask_personal) as state:
        try:
            yield state
        except BaseException:
            if password is not None:
                _remove(state.saved)
            raise
    if password is None:
        return
    try:
        for path in state.saved:
            protect_workbook(path, password)
    except BaseException:
        _remove(state.saved)
        raise


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink(missing_ok=True)
            log.info("removed the unencrypted export %s", path.name)


def protecting(export: Callable[..., T], protection: ExportProtection) -> Callable[..., T]:
    """``export`` wrapped in ``protected_export``, keeping its signature (so the GUI worker still
    sees its ``progress`` parameter). Run it where the export runs: context is per thread."""

    @functools.wraps(export)
    def run(*args: Any, **kwargs: Any) -> T:
        with protected_export(protection):
            return export(*args, **kwargs)

    return run
