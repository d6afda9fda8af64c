"""Packaged builds: the frozen app a clerk installs from a USB stick, and the installer script.

``test_frozen_archive_passes_smoke`` (marked ``frozen``) builds the bundle with
scripts/build_bundle.py — or reuses the last build when no source changed — unpacks the Linux
archive into a temp dir like a user would, and runs scripts/smoke_frozen.py against that copy.
It takes about a minute on a 2-core machine (55–75 s measured); ``pytest -m "not frozen"``
leaves it out.
The installer script is compiled with makensis as part of the build, so a broken fangyi.nsi fails
here too. The other tests read fangyi.nsi: what its uninstaller may delete is a promise to clerks.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from app import APP_NAME, APP_NAME_ZH

ROOT = Path(__file__).resolve().parent.parent
NSIS_SCRIPT = ROOT / "resources" / "installer" / "fangyi.nsi"
BUILD_TIMEOUT = 1500  # seconds; a clean build takes about one minute here


@pytest.mark.frozen
@pytest.mark.timeout(BUILD_TIMEOUT + 300)
def test_frozen_archive_passes_smoke(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "scripts/build_bundle.py", "--reuse", "--installer", "require"],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout + build.stderr
    stamp = json.loads((ROOT / "build" / "bundle-stamp.json").read_text(encoding="utf-8"))
    assert stamp["installer"] and Path(stamp["installer"]).is_file()  # fangyi.nsi compiled

    if stamp["archive"]:  # Linux: test what users unpack, not the build folder
        with tarfile.open(stamp["archive"]) as archive:
            archive.extractall(tmp_path / "unpacked", filter="data")
        (bundle,) = (tmp_path / "unpacked").iterdir()
        assert bundle.name == f"fangyi-ledger-{stamp['version']}"
        assert (bundle / "fangyi-ledger.desktop").is_file()
        assert (bundle / "fangyi-ledger.png").is_file()
    else:
        bundle = Path(stamp["bundle"])

    smoke = subprocess.run(
        [sys.executable, "scripts/smoke_frozen.py", str(bundle)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke passed" in smoke.stdout


def nsis_lines(section: str) -> list[str]:
    """The instructions of one Section/Function/macro of fangyi.nsi (comments dropped)."""
    text = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    pattern = rf"^{re.escape(section)}(?=\s).*?^(SectionEnd|FunctionEnd|!macroend)"
    match = re.search(pattern, text, re.MULTILINE | re.DOTALL)
    assert match, f"{section} not found in {NSIS_SCRIPT.name}"
    return [line.split(";")[0].strip() for line in match.group(0).splitlines() if line.strip()]


def test_uninstaller_removes_only_the_program_files() -> None:
    removals = [
        line
        for name in ('Section "-un.Program"', "!macro REMOVE_PROGRAM_FILES")
        for line in nsis_lines(name)
        if line.startswith(("RMDir", "Delete"))
    ]
    recursive = [line for line in removals if line.startswith("RMDir /r")]
    assert recursive == ['RMDir /r "$INSTDIR\\${RUNTIME_DIR}"']
    assert 'RMDir "$INSTDIR"' in removals  # not /r: only an empty folder goes
    assert not [line for line in removals if "LOCALAPPDATA" in line or "APPDATA" in line]


def test_installer_needs_no_admin_and_names_the_real_data_dir() -> None:
    text = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\FangyiLedger"' in text
    # The messages tell clerks where their data stays: platformdirs' user_data_dir(APP_NAME).
    assert f'!define PRODUCT_EN "{APP_NAME}"' in text
    assert f'!define PRODUCT "{APP_NAME_ZH}"' in text
    assert "$LOCALAPPDATA\\${PRODUCT_EN}" in text
    assert "HKLM" not in text  # per user: nothing machine-wide


def test_uninstaller_deletes_the_ledger_only_when_the_user_ticks_it() -> None:
    text = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    sections = re.findall(r"^Section\s.*$", text, re.MULTILINE)
    deleting = [s for s in sections if "DeleteDataSection" in s]
    assert deleting == ['Section /o "un.$(DeleteDataSection)" DeleteDataSection']  # /o: unticked
    lines = nsis_lines('Section /o "un.$(DeleteDataSection)"')
    # Asked once more, "No" by default and in a silent uninstall (/SD IDNO).
    assert any(line.startswith("MessageBox") and "/SD IDNO" in line for line in lines)
    assert 'RMDir /r "$LOCALAPPDATA\\${PRODUCT_EN}"' in lines


def test_ci_installs_the_pinned_versions() -> None:
    """CI proves the versions clerks get: every pip install there is bound by constraints.txt."""
    installs = [
        line.strip()
        for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
        for line in workflow.read_text(encoding="utf-8").splitlines()
        if re.search(r"\bpip install\b", line)
    ]
    assert installs  # the Windows workflow installs with pip
    assert [line for line in installs if "-c constraints.txt" not in line] == []
