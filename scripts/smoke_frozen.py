"""Start a packaged build the way a clerk's machine would and check what it does.

    .venv/bin/python scripts/smoke_frozen.py dist/fangyi-ledger
    .venv/bin/python scripts/smoke_frozen.py /tmp/x/fangyi-ledger-0.1.0      (an unpacked archive)

Runs the frozen executables — never this checkout's Python code — on a fresh temporary data dir:

1. the folder holds the two executables, our data files, and only the Qt plugins we ship;
2. ``fangyi-ledger-cli --version`` prints this checkout's version;
3. ``demo`` fills the ledger: the migrations ran (schema version = number of revisions) and
   pinyin search keys were made (pypinyin's dictionaries are in the bundle);
4. ``check`` reads it back; ``export daily`` writes a workbook that opens, with the unit's name;
   ``notice door`` writes a PDF door sign with no screen (its text read back when ``pdftotext``
   is installed);
5. a bad command gets one Chinese line on stderr and a non-zero exit, never a traceback;
6. ``gui --self-test`` opens every page offscreen, in English (all our translations load) and in
   Chinese (Qt's own Chinese strings load), from both executables, without a warning;
   on Linux with ``xvfb-run`` also on a real X11 display (the xcb plugin works).

Exits 0 when all pass, 1 on the first failure, printing the command and its output.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IS_WINDOWS = sys.platform == "win32"
EXE = ".exe" if IS_WINDOWS else ""
GUI = f"fangyi-ledger{EXE}"
CLI = f"fangyi-ledger-cli{EXE}"
TIMEOUT = 180  # seconds for one command; a hang is a failure, not a stuck CI
LOG_NAME = "fangyi-ledger.log"


def _revision_files(migrations: Path) -> list[str]:
    """env.py and every revision: what Alembic needs as files in the bundle."""
    return sorted(
        [p.name for p in migrations.glob("env.py")]
        + [f"versions/{p.name}" for p in (migrations / "versions").glob("*.py")]
    )


class SmokeFailure(Exception):
    pass


@dataclass
class Run:
    command: list[str]
    returncode: int
    stdout: str
    stderr: str
    log: str  # what the app wrote to its log file during this run

    def describe(self) -> str:
        return (
            f"$ {' '.join(self.command)}\nexit code {self.returncode}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}--- log\n{self.log}"
        )


class Smoke:
    def __init__(self, bundle: Path, workdir: Path) -> None:
        self.bundle = bundle
        self.workdir = workdir
        self.data_dir = workdir / "ledger"
        self.checks = 0
        self.env = self._environment(workdir)

    @staticmethod
    def _environment(workdir: Path) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("FANGYI_DATA_DIR", "FANGYI_OPERATOR", "FANGYI_PASSWORD", "PYTHONPATH"):
            env.pop(name, None)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["XDG_CONFIG_HOME"] = str(workdir / "config")  # Linux: window preferences stay here
        return env

    # --- running -------------------------------------------------------------------------------

    def run(
        self, exe: str, *args: str, env: dict[str, str] | None = None, wrapper: Sequence[str] = ()
    ) -> Run:
        command = [*wrapper, str(self.bundle / exe), *args]
        log_file = self.data_dir / "logs" / LOG_NAME
        log_before = log_file.stat().st_size if log_file.exists() else 0
        try:
            completed = subprocess.run(
                command, env=env or self.env, cwd=self.workdir, capture_output=True,
                timeout=TIMEOUT, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired as error:
            raise SmokeFailure(f"no answer after {TIMEOUT} s: {' '.join(command)}") from error
        log = ""
        if log_file.exists():
            with log_file.open("rb") as stream:
                stream.seek(log_before)
                log = stream.read().decode("utf-8", "replace")
        return Run(
            command,
            completed.returncode,
            completed.stdout.decode("utf-8", "replace"),  # the bundle runs in UTF-8 mode
            completed.stderr.decode("utf-8", "replace"),
            log,
        )

    def expect(self, condition: bool, what: str, run: Run | None = None) -> None:
        if not condition:
            raise SmokeFailure(what + ("\n" + run.describe() if run else ""))

    def step(self, name: str, action) -> None:  # type: ignore[no-untyped-def]
        started = time.monotonic()
        action()
        self.checks += 1
        print(f"ok  {name} ({time.monotonic() - started:.1f} s)", flush=True)

    def command_ok(self, exe: str, *args: str, **kwargs) -> Run:  # type: ignore[no-untyped-def]
        run = self.run(exe, *args, **kwargs)
        self.expect(run.returncode == 0, f"{exe} {' '.join(args)} failed", run)
        self.expect("Traceback" not in run.stderr, "a traceback on stderr", run)
        return run

    # --- the checks ----------------------------------------------------------------------------

    def layout(self) -> None:
        internal = self.bundle / "_internal"
        top = sorted(p.name for p in self.bundle.iterdir())
        # The uninstaller (fangyi.nsi) removes exactly these by name: a new top-level file needs
        # a line there too.
        extra = {"fangyi-ledger.desktop", "fangyi-ledger.png"}  # the Linux archive adds these
        self.expect(
            set(top) - extra == {GUI, CLI, "_internal"},
            f"top level of the bundle is {top}; expected {GUI}, {CLI}, _internal",
        )
        resources = internal / "resources"
        source_qm = sorted(p.name for p in (ROOT / "resources" / "i18n" / "en").glob("*.qm"))
        bundled_qm = sorted(p.name for p in (resources / "i18n" / "en").glob("*.qm"))
        self.expect(bundled_qm == source_qm, f"translations differ: {bundled_qm} vs {source_qm}")
        for needed in ("i18n/qt/qtbase_zh_CN.qm", "icons/app.svg"):
            self.expect((resources / needed).is_file(), f"missing resources/{needed}")
        # Alembic reads env.py and the revisions as files (app/schema.py).
        source_revisions = _revision_files(ROOT / "app" / "migrations")
        bundled_revisions = _revision_files(internal / "app" / "migrations")
        self.expect(
            bundled_revisions == source_revisions,
            f"migrations differ: {bundled_revisions} vs {source_revisions}",
        )

        plugins = self._plugins(internal)
        platform_plugin = "qwindows" if IS_WINDOWS else "qxcb"
        printers = "windowsprintersupport" if IS_WINDOWS else "cupsprintersupport"
        for needed in (
            f"platforms/{platform_plugin}", "platforms/qoffscreen",
            "imageformats/qsvg", "iconengines/qsvgicon",
            f"printsupport/{printers}",  # the notices' print preview reaches the printers
        ):  # fmt: skip
            self.expect(needed in plugins, f"Qt plugin {needed} missing; have {sorted(plugins)}")
        unwanted = [
            p for p in plugins
            if p.split("/")[0] in {"platformthemes", "egldeviceintegrations", "generic", "tls",
                                   "networkinformation", "sqldrivers", "qmltooling"}
            or p.startswith("wayland") or p == "imageformats/qpdf"
        ]  # fmt: skip
        self.expect(not unwanted, f"Qt plugins that should have been left out: {unwanted}")
        names = [p.name.lower() for p in internal.rglob("*")]
        for library in ("qt6quick", "qt6qml", "qt6pdf", "qt6webengine", "gtk-3"):
            found = [n for n in names if library in n.replace("lib", "", 1)]
            self.expect(not found, f"bundled a library the app does not use: {found}")
        qt_translations = [n for n in names if re.fullmatch(r"qt\w*_[a-z]{2}(_\w+)?\.qm", n)]
        self.expect(
            qt_translations == ["qtbase_zh_cn.qm"],
            f"only Qt's Chinese base translation should ship, found {qt_translations}",
        )

    @staticmethod
    def _plugins(internal: Path) -> set[str]:
        found = set()
        for plugin_dir in internal.rglob("plugins"):
            for file in plugin_dir.glob("*/*"):
                if file.suffix in {".so", ".dll", ".dylib"}:
                    stem = file.name.split(".")[0].removeprefix("lib")
                    found.add(f"{file.parent.name}/{stem}")
        return found

    def version(self) -> None:
        sys.path.insert(0, str(ROOT))
        import app

        run = self.command_ok(CLI, "--version")
        expected = f"fangyi-ledger {app.__version__}"
        self.expect(run.stdout.strip() == expected, f"expected {expected!r}", run)

    def demo(self) -> None:
        run = self.command_ok(CLI, "--data-dir", str(self.data_dir), "demo")
        self.expect("已生成演示数据" in run.stdout, "demo did not report what it made", run)
        database = self.data_dir / "ledger.sqlite3"
        self.expect(database.is_file(), f"no ledger at {database}")
        with sqlite3.connect(database) as connection:
            key = connection.execute("SELECT search_key FROM person WHERE name = '张三'").fetchone()
        # Pinyin keys come from pypinyin's JSON dictionaries: missing data would fail or go blank.
        self.expect(key == ("zs zhangsan",), f"张三's search key is {key}, expected 'zs zhangsan'")

    def check(self) -> None:
        migrations = len(_revision_files(ROOT / "app" / "migrations")) - 1  # less env.py
        run = self.command_ok(CLI, "--data-dir", str(self.data_dir), "check")
        expected = f"完整性检查：正常（数据版本 {migrations}）"
        self.expect(expected in run.stdout, f"expected {expected!r}", run)

    def export(self) -> None:
        kinds = self.command_ok(CLI, "--data-dir", str(self.data_dir), "export", "--help").stdout
        # `export daily` is the report the township asks for; until it exists, the rounds sheet.
        kind = "daily" if re.search(r"^\s+daily\s", kinds, re.MULTILINE) else "rounds-sheet"
        target = self.workdir / "exports" / f"{kind}.xlsx"
        target.parent.mkdir(exist_ok=True)
        today = date.today().isoformat()
        run = self.command_ok(
            CLI, "--data-dir", str(self.data_dir), "export", kind, "--date", today,
            "--out", str(target),
        )  # fmt: skip
        self.expect(target.is_file(), f"export {kind} wrote no {target}", run)
        from openpyxl import load_workbook

        workbook = load_workbook(target, read_only=True)
        texts = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        workbook.close()
        self.expect(
            any("演示村" in t for t in texts), f"export {kind}: no 演示村 in the workbook", run
        )

    def notice(self) -> None:
        """A door sign as PDF from the command line: Qt's offscreen platform, a Chinese font
        and the PDF writer all in the bundle; its text names the person when poppler is here."""
        with sqlite3.connect(self.data_dir / "ledger.sqlite3") as connection:
            (id_number,) = connection.execute(
                "SELECT id_number FROM person WHERE name = '张三'"
            ).fetchone()
        target = self.workdir / "exports" / "门贴.pdf"
        target.parent.mkdir(exist_ok=True)
        run = self.command_ok(
            CLI, "--data-dir", str(self.data_dir), "notice", "door", id_number, "--out", str(target)
        )
        self.expect(target.read_bytes()[:5] == b"%PDF-", f"notice wrote no PDF at {target}", run)
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, text=True, check=False
            ).stdout
            self.expect("张三" in text and "请勿打扰" in text, f"the PDF's text is {text!r}", run)

    def bad_input(self) -> None:
        missing = self.workdir / "没有这个文件.xlsx"
        run = self.run(CLI, "--data-dir", str(self.data_dir), "import-roster", str(missing))
        self.expect(run.returncode != 0, "importing a missing file succeeded", run)
        self.expect("Traceback" not in run.stderr, "a traceback instead of a message", run)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        self.expect(
            len(lines) == 1 and re.search(r"[\u4e00-\u9fff]", lines[0]) is not None,
            "expected one Chinese line on stderr",
            run,
        )

    def server_driver(self) -> None:
        """The PostgreSQL driver is in the bundle: a closed port is "cannot connect", in one line,
        not a missing module (a township clerk on Windows connects with this build)."""
        url = "postgresql+psycopg://clerk@127.0.0.1:1/ledger"
        run = self.run(CLI, "--data-dir", str(self.data_dir), "--database-url", url, "check")
        self.expect(run.returncode == 3, "a closed server port did not exit 3", run)
        self.expect("Traceback" not in run.stderr, "a traceback instead of a message", run)
        self.expect("无法连接数据库服务器" in run.stderr, "not the cannot-connect line", run)

    def gui(self, exe: str, language: str | None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        args = ["--data-dir", str(self.data_dir), "gui", "--self-test"]
        if language:
            args += ["--language", language]
        run = self.command_ok(exe, *args, **kwargs)
        # The windowed Windows executable has no stdout: there the log file is the witness.
        if exe == CLI or not IS_WINDOWS:
            self.expect("self-test passed" in run.stdout, "no 'self-test passed'", run)
        self.expect("WARNING" not in run.stderr, "warnings during the self-test", run)
        self.expect(" WARNING " not in run.log, "warnings in the log during the self-test", run)
        if language == "en":
            qm_files = len(list((ROOT / "resources" / "i18n" / "en").glob("*.qm")))
            expected = f"interface language en ({qm_files} translation files)"
            self.expect(expected in run.log, f"log lacks {expected!r}", run)
            self.expect(
                "self-test: page today (Today) shown" in run.log, "pages not in English", run
            )
        else:
            expected = "interface language zh_CN (1 translation files)"
            self.expect(expected in run.log, f"Qt's Chinese strings not loaded ({expected!r})", run)
            self.expect(
                "self-test: page today (今日) shown" in run.log, "pages not in Chinese", run
            )

    def gui_on_x11(self) -> None:
        env = dict(self.env)
        env["QT_QPA_PLATFORM"] = "xcb"
        wrapper = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24"]
        self.gui(GUI, None, env=env, wrapper=wrapper)

    def all(self) -> None:
        self.step("layout: executables, data files, Qt plugins", self.layout)
        self.step("--version", self.version)
        self.step("demo (migrations, pinyin)", self.demo)
        self.step("check", self.check)
        self.step("export", self.export)
        self.step("notice door (PDF without a screen)", self.notice)
        self.step("bad input: one line, no traceback", self.bad_input)
        self.step("township server driver (psycopg)", self.server_driver)
        self.step("gui --self-test --language en (cli)", lambda: self.gui(CLI, "en"))
        self.step("gui --self-test, Chinese (gui)", lambda: self.gui(GUI, None))
        if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
            self.step("gui --self-test on X11 (xvfb)", self.gui_on_x11)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a packaged Fangyi Ledger build.")
    parser.add_argument("bundle", type=Path, help="the folder holding fangyi-ledger and _internal")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    if not (bundle / CLI).is_file():
        print(f"no {CLI} in {bundle}", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fangyi-smoke-") as temp:
        smoke = Smoke(bundle, Path(temp))
        try:
            smoke.all()
        except SmokeFailure as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            return 1
    print(f"smoke passed: {smoke.checks} checks in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
