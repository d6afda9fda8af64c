"""atomic_save: what a killed export left is cleaned away, and a new export is no more readable
than the user's own setting allows (0600 inside the app's private folders)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import xml as openpyxl_xml

from app.excel.errors import ExportError
from app.excel.workbook import atomic_save
from tests.helpers.ledgers import subprocess_env

KILLED_EXPORT = """
import os, sys
from pathlib import Path
from app.excel.errors import ExportError
from app.excel.workbook import atomic_save

def write(tmp: Path) -> None:
    tmp.write_bytes(b"half of a workbook")
    print("writing", flush=True)
    sys.stdin.read()  # killed here, in the middle of the export

atomic_save(Path(sys.argv[1]), write)
"""


def _killed_export(target: Path) -> None:
    """A real export process SIGKILLed while writing: nothing of ours gets to clean up."""
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    child.kill()
    child.communicate(timeout=30)


def test_a_killed_exports_temp_file_is_removed_by_the_next_export_there(tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    _killed_export(target)
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(".~fangyi-")  # what the issue saw
    (tmp_path / ".~fangyi-k2x9a1.xlsx").write_bytes(b"")  # an older version's leftover name
    still_writing = tmp_path / f".~fangyi-{os.getppid()}-0badc0de.xlsx"  # a live process's
    still_writing.write_bytes(b"")

    atomic_save(target, lambda tmp: tmp.write_bytes(b"the report"))

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, still_writing.name])
    assert target.read_bytes() == b"the report"


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
@pytest.mark.usefixtures("umask")
def test_a_new_export_gets_the_users_umask_and_0600_in_a_private_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    private = tmp_path / "private"
    private.mkdir(mode=0o700)

    atomic_save(shared / "umask-022.xlsx", lambda tmp: tmp.write_bytes(b"x"))
    os.umask(0o077)
    atomic_save(shared / "umask-077.xlsx", lambda tmp: tmp.write_bytes(b"x"))
    os.umask(0o022)
    atomic_save(private / "in-private.xlsx", lambda tmp: tmp.write_bytes(b"x"))

    assert _mode(shared / "umask-022.xlsx") == 0o644
    assert _mode(shared / "umask-077.xlsx") == 0o600  # was 0644 whatever the umask
    assert _mode(private / "in-private.xlsx") == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_a_replaced_export_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "日报.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_save(target, lambda tmp: tmp.write_bytes(b"new"))
    assert _mode(target) == 0o640


def test_a_full_disk_reported_by_lxml_is_a_clear_export_error(tmp_path: Path) -> None:
    """openpyxl writes through lxml (a dependency); lxml says "IO_ENOSPC", not ``OSError``."""
    assert openpyxl_xml.LXML  # exports go through lxml, so its error is the one clerks can get

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise etree.SerialisationError("IO_ENOSPC")

    with pytest.raises(ExportError, match="磁盘空间不足，无法保存 日报"):
        atomic_save(tmp_path / "日报.xlsx", write)
    assert list(tmp_path.iterdir()) == []
