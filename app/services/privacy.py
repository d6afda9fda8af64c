"""个人信息保护 for exports: masked ID numbers and phones, and password-protected workbooks.

A ledger export carries ID numbers, phones and health data of a whole village and travels by
e-mail and USB stick. Two protections, chosen per export (defaults per report kind in Settings):

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
from app.excel.masking import ExportPrivacy, export_privacy, mask_id_number, mask_phone
from app.services.errors import ServiceError
from app.services.reference import read_setting, write_setting

__all__ = [
    "EXPORT_KINDS",
    "MIN_EXPORT_PASSWORD_LENGTH",
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

#: Every export that can carry ID numbers or phones (``export KIND`` names → what a clerk calls
#: it). The masking default of each is in ``Settings.MASK_EXPORTS_DEFAULT``.
EXPORT_KINDS: dict[str, str] = {
    "daily": "日报表",
    "roster": "在管人员台账",
    "temperatures": "体温台账",
    "assignments": "包保责任表",
    "vehicles": "卡点车辆登记表",
    "rounds-sheet": "体温填报表",
    "audit": "操作留痕",
}


@dataclass(frozen=True)
class ExportProtection:
    """What the clerk chose for one export."""

    mask_personal: bool = False
    password: str | None = None  # None or "": not encrypted


# --- defaults per kind ----------------------------------------------------------------------------


def masked_kinds(db: Database) -> set[str]:
    """The export kinds masked unless the clerk unticks it (unknown names are ignored)."""
    text = read_setting(db, Settings.MASK_EXPORTS_DEFAULT)
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
