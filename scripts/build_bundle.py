"""Build the packaged app: the PyInstaller one-folder bundle, then the Linux archive or the Windows
installer, and print what came out, how big and how long it took.

    .venv/bin/python scripts/build_bundle.py [--reuse] [--installer auto|require|skip]

Outputs (``<v>`` is ``app.__version__``):

- ``dist/fangyi-ledger/`` — the bundle: ``fangyi-ledger``, ``fangyi-ledger-cli``, ``_internal/``;
- Linux: ``dist/fangyi-ledger-<v>-linux-x86_64.tar.gz`` — the bundle in a ``fangyi-ledger-<v>/``
  folder with the .desktop file and the icon;
- Windows: ``dist/fangyi-ledger-<v>-setup.exe`` — the NSIS installer (needs ``makensis``);
- elsewhere, when ``makensis`` is installed, the installer script is compiled against this
  machine's bundle into ``build/installer-check/`` — not an installer anyone should run, but a
  broken ``fangyi.nsi`` fails here rather than on the Windows build;
- ``build/bundle-stamp.json`` — what was built from which sources; ``--reuse`` skips the whole
  build when the sources (app, resources, spec, hooks, this script, the installed PyInstaller and
  PySide6) have not changed since (tests/test_frozen.py uses it).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"
STAMP = WORK / "bundle-stamp.json"
NAME = "fangyi-ledger"
NSIS_SCRIPT = ROOT / "resources" / "installer" / "fangyi.nsi"
DESKTOP_FILE = ROOT / "resources" / "linux" / "fangyi-ledger.desktop"
ICON_PNG = ROOT / "resources" / "icons" / "app-256.png"
# Everything whose change can change the bundle.
SOURCES = (
    "app", "resources", "build.spec", "scripts/pyinstaller_hooks", "scripts/build_bundle.py",
    "pyproject.toml", "constraints.txt",
)  # fmt: skip
# The pinned dependency set (name==version a line) the bundle is meant to be built from.
CONSTRAINTS = ROOT / "constraints.txt"


@dataclass
class BuildResult:
    fingerprint: str
    version: str
    bundle: str
    bundle_bytes: int
    bundle_files: int
    archive: str | None = None
    archive_bytes: int | None = None
    installer: str | None = None
    installer_bytes: int | None = None
    installer_is_stand_in: bool = False
    pyinstaller_seconds: float = 0.0
    archive_seconds: float = 0.0
    installer_seconds: float = 0.0


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    import app

    return app.__version__


def source_fingerprint() -> str:
    """A hash of every source file that goes into the bundle, and of every installed package
    (the runtime libraries it freezes and the tools that build it), name and version."""
    digest = hashlib.sha256()
    for entry in SOURCES:
        path = ROOT / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    for name, version in sorted(installed_versions().items()):
        digest.update(f"{name}=={version}\0".encode())
    digest.update(f"{sys.version}\0{platform.platform()}".encode())
    return digest.hexdigest()


def normalized(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def installed_versions() -> dict[str, str]:
    """Every distribution in this Python environment, by normalised name."""
    return {
        normalized(d.metadata["Name"]): d.version
        for d in importlib.metadata.distributions()
        if d.metadata["Name"]
    }


def pinned_versions() -> dict[str, str]:
    """constraints.txt as {normalised name: version}."""
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[normalized(name)] = version.strip()
    return pins


def unpinned_packages() -> list[str]:
    """Installed packages whose version differs from constraints.txt (install with
    ``pip install -c constraints.txt``, as scripts/bootstrap.sh does, to build the pinned set)."""
    installed = installed_versions()
    return [
        f"{name} {installed[name]} (constraints.txt: {version})"
        for name, version in sorted(pinned_versions().items())
        if name in installed and installed[name] != version
    ]


def tree_size(root: Path) -> tuple[int, int]:
    """(bytes, files) of a folder as unpacked on disk; a symlink counts as itself."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            info = (Path(dirpath) / name).lstat()
            total += info.st_size
            count += 1
    return total, count


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def run_logged(command: list[str], log: Path) -> None:
    """Run a build tool with its chatter in ``log``; on failure show the end of it and stop."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as stream:
        completed = subprocess.run(command, cwd=ROOT, stdout=stream, stderr=subprocess.STDOUT)
    if completed.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        print("\n".join(tail), file=sys.stderr)
        raise SystemExit(f"{command[0]} failed (exit {completed.returncode}); full log: {log}")


def run_pyinstaller() -> float:
    started = time.monotonic()
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), str(ROOT / "build.spec"),
    ]  # fmt: skip
    run_logged(command, WORK / "pyinstaller.log")
    return time.monotonic() - started


def machine() -> str:
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64"}.get(arch, arch)


def make_archive(bundle: Path, version: str) -> Path:
    """dist/fangyi-ledger-<v>-linux-<arch>.tar.gz: one top folder, with .desktop file and icon."""
    top = f"{NAME}-{version}"
    target = DIST / f"{top}-linux-{machine()}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top)  # symlinks inside the bundle stay symlinks
        archive.add(DESKTOP_FILE, arcname=f"{top}/{DESKTOP_FILE.name}")
        archive.add(ICON_PNG, arcname=f"{top}/{NAME}.png")
    partial.replace(target)
    return target


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def version_quad(version: str) -> str:
    """``0.1.0`` → ``0.1.0.0``; ``1.2.0rc1`` → ``1.2.0.0`` (Windows wants four numbers)."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(c for c in part if c.isdigit()) if part[:1].isdigit() else ""
        numbers.append(digits or "0")
    return ".".join((numbers + ["0"] * 4)[:4])


def compile_installer(makensis: str, bundle: Path, version: str, stand_in: bool) -> Path:
    if stand_in:
        target = WORK / "installer-check" / f"{NAME}-{version}-setup-CHECK-ONLY.exe"
    else:
        target = DIST / f"{NAME}-{version}-setup.exe"
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [
        makensis, "-V2", "-WX",  # warnings fail the build too
        f"-DVERSION={version}", f"-DVERSION_QUAD={version_quad(version)}",
        f"-DSOURCE_DIR={bundle}", f"-DOUTFILE={target}",
    ]  # fmt: skip
    if stand_in:
        command.append("-DFAST_COMPRESSION")
    command.append(str(NSIS_SCRIPT))
    run_logged(command, WORK / "makensis.log")
    return target


def reusable(fingerprint: str) -> BuildResult | None:
    """The previous build, if it was made from exactly these sources and its outputs still exist."""
    try:
        result = BuildResult(**json.loads(STAMP.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    outputs = [result.bundle, result.archive, result.installer]
    if result.fingerprint != fingerprint or not all(Path(p).exists() for p in outputs if p):
        return None
    return result


def report(result: BuildResult) -> None:
    print(
        f"bundle     {result.bundle}: {megabytes(result.bundle_bytes)} unpacked, "
        f"{result.bundle_files} files"
    )
    if result.archive and result.archive_bytes is not None:
        print(f"archive    {result.archive}: {megabytes(result.archive_bytes)}")
    if result.installer and result.installer_bytes is not None:
        note = " (script check against this machine's bundle, not for shipping)"
        stand_in = note if result.installer_is_stand_in else ""
        print(f"installer  {result.installer}: {megabytes(result.installer_bytes)}{stand_in}")
    print(
        f"times      PyInstaller {result.pyinstaller_seconds:.0f} s, archive "
        f"{result.archive_seconds:.0f} s, makensis {result.installer_seconds:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="do nothing if the sources are unchanged since the last build",
    )
    parser.add_argument(
        "--installer", choices=("auto", "require", "skip"), default="auto",
        help="compile the NSIS installer: when makensis is found (auto), always, or never",
    )  # fmt: skip
    args = parser.parse_args(argv)

    drift = unpinned_packages()
    if drift:  # the bundle freezes what is installed: say when that is not the pinned set
        print("warning: installed versions differ from constraints.txt:", *drift, sep="\n  ")
    version = app_version()
    fingerprint = source_fingerprint()
    previous = reusable(fingerprint) if args.reuse else None
    if previous and (args.installer != "require" or previous.installer):
        print("up to date: the sources have not changed since the last build")
        report(previous)
        return 0

    makensis = find_makensis() if args.installer != "skip" else None
    if args.installer == "require" and makensis is None:
        raise SystemExit(
            "makensis not found: install NSIS (scripts/bootstrap.sh test does on Debian)"
        )

    STAMP.unlink(missing_ok=True)
    seconds = run_pyinstaller()
    bundle = DIST / NAME
    size, files = tree_size(bundle)
    result = BuildResult(
        fingerprint, version, str(bundle), size, files, pyinstaller_seconds=seconds
    )

    if sys.platform.startswith("linux"):
        started = time.monotonic()
        archive = make_archive(bundle, version)
        result.archive, result.archive_bytes = str(archive), archive.stat().st_size
        result.archive_seconds = time.monotonic() - started

    if makensis:
        started = time.monotonic()
        stand_in = sys.platform != "win32"
        installer = compile_installer(makensis, bundle, version, stand_in)
        result.installer, result.installer_bytes = str(installer), installer.stat().st_size
        result.installer_is_stand_in = stand_in
        result.installer_seconds = time.monotonic() - started
    elif args.installer == "auto":
        print("makensis not found: no installer built (install NSIS to build it)")

    STAMP.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
