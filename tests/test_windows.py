"""The Windows installer, installed and run under Wine: what a clerk's Windows 10 laptop does.

``scripts/build-windows.sh`` builds ``dist/fangyi-ledger-<v>-setup.exe`` with the Windows CPython
under Wine and writes ``build/windows/build.env``; these tests (marker ``windows``, deselected by
the main suite, run by the Windows stage of scripts/test.sh) install it silently into a fresh copy
of that Wine prefix and run the INSTALLED programs — never this checkout's code:

- the files, shortcuts, Apps & features entry and version resources the installer promises;
- the command line: ``--version``, ``demo`` and ``check`` on the default ``%LOCALAPPDATA%`` data
  dir, ``export daily`` (numbers equal to the Linux app's on the same ledger), ``import-roster``
  of the shared sample workbook, output redirected to a file on an English and a Chinese Windows,
  ``demo`` and ``check`` on a township PostgreSQL server over 127.0.0.1, a wrong server password,
  ``notice door`` as an A4 PDF whose text names the person;
- the windowed program's ``gui --self-test`` on an X display (Xvfb), which opens every page;
- an upgrade over an older version that keeps the ledger and drops stale program files;
- the silent uninstaller, which removes the program and leaves the ledger where it was.

The Wine prefix has two stand-in system DLLs that Wine 8 lacks (scripts/windows/*.c); the README's
Windows section says what Wine cannot prove.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import msoffcrypto
import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import APP_NAME, APP_NAME_ZH, __version__, clock
from tests.helpers.ledgers import subprocess_env
from tests.helpers.pdf import A4_POINTS, pdf_info, pdf_text
from tests.helpers.pinned_clock import child_clock

pytestmark = [pytest.mark.windows, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parent.parent
BUILD_ENV = ROOT / "build" / "windows" / "build.env"
WINE_ENV_SCRIPT = ROOT / "scripts" / "windows" / "wine-env.sh"
ROSTER_SAMPLE = ROOT / "tests" / "fixtures" / "鹿城区密接人员名单.xlsx"
INSTALL_DIR = PureWindowsPath(r"AppData\Local\Programs\FangyiLedger")
DATA_DIR = PureWindowsPath(rf"AppData\Local\{APP_NAME}")
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\FangyiLedger"
SHORTCUT = f"{APP_NAME_ZH}.lnk"
CLI = "fangyi-ledger-cli.exe"
GUI = "fangyi-ledger.exe"
# The Windows the programs run on: Chinese (ANSI code page 936) like a clerk's, or English (1252).
ENGLISH, CHINESE = "C.UTF-8", "zh_CN.UTF-8"
# Wine 8 does not implement this Windows 10 call; Qt logs it once per window. Nothing else may warn.
WINE_ONLY_QT_WARNING = "EnableNonClientDpiScaling() failed"
COMMAND_TIMEOUT = 300  # seconds for one Windows program; a hang fails the test


def read_build_env() -> dict[str, str]:
    if not BUILD_ENV.is_file():
        pytest.fail(f"no Windows build: run scripts/build-windows.sh first ({BUILD_ENV} missing)")
    pairs = (line.split("=", 1) for line in BUILD_ENV.read_text(encoding="utf-8").splitlines())
    return {key: value for key, value in pairs}


def wine_environment() -> dict[str, str]:
    """The environment scripts/windows/wine-env.sh sets (one source for the build and the tests)."""
    printed = subprocess.run(
        ["bash", "-c", f'source "{WINE_ENV_SCRIPT}" && env -0'],
        capture_output=True, check=True, timeout=30,
    ).stdout  # fmt: skip
    env = dict(entry.split("=", 1) for entry in printed.decode().split("\0") if "=" in entry)
    for name in (
        "FANGYI_DATA_DIR",
        "FANGYI_OPERATOR",
        "FANGYI_PASSWORD",
        "PYTHONPATH",
        "PGPASSFILE",
        "PGPASSWORD",
        "FANGYI_DATABASE_URL",
    ):
        env.pop(name, None)
    return env


@dataclass
class Run:
    command: list[str]
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"$ {' '.join(self.command)}\nexit {self.returncode}\n{self.stdout}\n{self.stderr}"


class WindowsMachine:
    """A fresh copy of the build's Wine prefix: one clerk's Windows user account."""

    def __init__(self, build: dict[str, str], prefix: Path) -> None:
        shutil.copytree(build["WINEPREFIX_TEMPLATE"], prefix, symlinks=True)
        self.prefix = prefix
        # LOCPATH: the zh_CN.UTF-8 glibc locale the build compiled, so Wine can name files in
        # Chinese on the Linux side (without it, a Chinese Windows under Wine cannot).
        self.env = wine_environment() | {"WINEPREFIX": str(prefix), "LOCPATH": build["LOCPATH"]}
        (self.user_dir,) = (
            d for d in (prefix / "drive_c" / "users").iterdir() if d.name != "Public"
        )
        self.user = self.user_dir.name

    def linux_path(self, windows: PureWindowsPath | str) -> Path:
        """C:\\users\\… → the file in the prefix."""
        parts = PureWindowsPath(windows).parts
        assert parts[0].upper() == "C:\\", windows
        return self.prefix.joinpath("drive_c", *parts[1:])

    def user_path(self, relative: PureWindowsPath) -> PureWindowsPath:
        return PureWindowsPath("C:\\users", self.user, relative)

    @property
    def install_dir(self) -> PureWindowsPath:
        return self.user_path(INSTALL_DIR)

    @property
    def data_dir(self) -> Path:
        return self.linux_path(self.user_path(DATA_DIR))

    def wine(
        self,
        *args: str,
        locale: str = CHINESE,
        display: bool = False,
        check: bool = True,
        encoding: str = "utf-8",
        extra_env: dict[str, str] | None = None,
    ) -> Run:
        """Run a Windows program. Its output goes through pipes: a Linux file as a Windows
        program's stdout makes Python die in init_sys_streams ("Invalid handle"). Our programs
        write UTF-8 (UTF-8 mode); Wine's own tools write the console code page."""
        # The test's moment on the Windows program's clock too (as subprocess_env does on Linux):
        # a report's 报送时间 must be the same minute on both sides.
        env = self.env | child_clock() | {"LC_ALL": locale} | (extra_env or {})
        command = ["timeout", "--kill-after=10", str(COMMAND_TIMEOUT), "wine", *args]
        if display:
            command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *command]
        done = subprocess.run(command, env=env, capture_output=True, timeout=COMMAND_TIMEOUT + 60)
        run = Run(
            list(args),
            done.returncode,
            done.stdout.decode(encoding, "replace"),
            done.stderr.decode(encoding, "replace"),
        )
        if check:
            assert run.returncode == 0, str(run)
        return run

    def cli(self, *args: str, **kwargs) -> Run:  # type: ignore[no-untyped-def]
        return self.wine(str(self.install_dir / CLI), *args, **kwargs)

    def wait(self) -> None:
        """Until every Windows process of this prefix has ended (installers start children)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=COMMAND_TIMEOUT, check=True)

    def install(self, setup: str) -> None:
        self.wine(setup, "/S")
        self.wait()

    def registry(self, key: str, value: str) -> str | None:
        # reg.exe writes the console code page: Chinese (936) can show the Chinese name.
        run = self.wine(
            "reg", "query", key, "/v", value, check=False, locale=CHINESE, encoding="gbk"
        )
        if run.returncode != 0:
            return None
        for line in run.stdout.splitlines():
            fields = line.split(None, 2)
            if len(fields) == 3 and fields[0] == value:
                return fields[2].strip()
        return None

    def persons_in_ledger(self, data_dir: Path) -> int:
        with sqlite3.connect(data_dir / "ledger.sqlite3") as connection:
            return connection.execute("SELECT count(*) FROM person").fetchone()[0]


@pytest.fixture(scope="module")
def build() -> dict[str, str]:
    return read_build_env()


@pytest.fixture(scope="module")
def machine(build: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> WindowsMachine:
    """The current installer, installed silently, with the demo village on the default data dir."""
    windows = WindowsMachine(build, tmp_path_factory.mktemp("win") / "prefix")
    windows.install(build["SETUP"])
    return windows


# --- the installer -------------------------------------------------------------------------------


def test_silent_install_puts_the_program_shortcuts_and_apps_entry_in_place(
    machine: WindowsMachine,
) -> None:
    installed = machine.linux_path(machine.install_dir)
    # A 32-bit NSIS stub under 64-bit-only Wine exits 0 and installs nothing: look at the files.
    for name in (GUI, CLI, "uninstall.exe"):
        assert (installed / name).is_file(), f"{name} not installed in {installed}"
    assert (installed / "_internal" / "python311.dll").is_file()
    # The test prefix's stand-in system DLLs (scripts/windows/*.c) never ship.
    shipped = {path.name.lower() for path in installed.rglob("*.dll")}
    assert not shipped & {"icuuc.dll", "bcryptprimitives.dll"}
    roaming_programs = PureWindowsPath(r"AppData\Roaming\Microsoft\Windows\Start Menu\Programs")
    for folder in (roaming_programs, PureWindowsPath("Desktop")):
        shortcut = machine.linux_path(machine.user_path(folder / SHORTCUT))
        assert shortcut.is_file(), f"no shortcut {shortcut}"
        assert GUI.encode("utf-16-le") in shortcut.read_bytes()  # it points at the program

    assert machine.registry(UNINSTALL_KEY, "DisplayName") == f"{APP_NAME_ZH} {APP_NAME}"
    assert machine.registry(UNINSTALL_KEY, "DisplayVersion") == __version__
    assert machine.registry(UNINSTALL_KEY, "Publisher") == APP_NAME
    assert machine.registry(UNINSTALL_KEY, "DisplayIcon") == f"{machine.install_dir / GUI},0"
    assert machine.registry(UNINSTALL_KEY, "QuietUninstallString") == (
        f'"{machine.install_dir / "uninstall.exe"}" /S'
    )


@pytest.mark.parametrize("exe", [GUI, CLI])
def test_both_programs_carry_version_resources(machine: WindowsMachine, exe: str) -> None:
    """Explorer → Properties → Details: product name, version (UTF-16 in VS_VERSIONINFO)."""
    data = machine.linux_path(machine.install_dir / exe).read_bytes()
    for key, value in [
        ("ProductName", f"{APP_NAME_ZH} {APP_NAME}"),
        ("ProductVersion", __version__),
        ("FileVersion", __version__),
    ]:
        entry = f"{key}\0".encode("utf-16-le")
        at = data.find(entry)
        assert at > 0, f"{exe} has no {key} resource"
        assert value.encode("utf-16-le") in data[at : at + 200], f"{exe}: {key} is not {value}"


# --- the installed command line ------------------------------------------------------------------


def test_version(machine: WindowsMachine) -> None:
    assert machine.cli("--version").stdout.strip() == f"fangyi-ledger {__version__}"


@pytest.fixture(scope="module")
def demo_ledger(machine: WindowsMachine) -> Path:
    """``demo`` on the default data dir, which on Windows is %LOCALAPPDATA%\\Fangyi Ledger."""
    run = machine.cli("demo")
    assert "已生成演示数据" in run.stdout, str(run)
    assert (machine.data_dir / "ledger.sqlite3").is_file(), "the ledger is not in %LOCALAPPDATA%"
    assert machine.persons_in_ledger(machine.data_dir) > 0
    return machine.data_dir


def test_check_reads_the_demo_ledger(machine: WindowsMachine, demo_ledger: Path) -> None:
    migrations = len(list((ROOT / "app" / "migrations" / "versions").glob("0*.py")))
    run = machine.cli("check")
    assert f"完整性检查：正常（数据版本 {migrations}）" in run.stdout, str(run)


def test_backup_gets_its_chinese_file_name(machine: WindowsMachine, demo_ledger: Path) -> None:
    """Automatic backups are named 自动备份-<time>.sqlite3: a Chinese file name through SQLite."""
    run = machine.cli("backup")
    assert "已备份到" in run.stdout, str(run)
    (backup,) = (demo_ledger / "backups").glob("自动备份-*.sqlite3")
    with sqlite3.connect(backup) as connection:
        persons = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    assert persons == machine.persons_in_ledger(demo_ledger)


def sheet_values(path: Path) -> list[list[tuple]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def test_export_daily_has_the_same_numbers_as_the_linux_app(
    machine: WindowsMachine, demo_ledger: Path, tmp_path: Path
) -> None:
    day = clock.today().isoformat()
    target = PureWindowsPath(r"C:\exports\日报表.xlsx")
    machine.linux_path(target).parent.mkdir(exist_ok=True)  # the clerk's USB stick
    run = machine.cli("export", "daily", "--date", day, "--out", str(target))
    assert "已导出" in run.stdout, str(run)
    windows_values = sheet_values(machine.linux_path(target))

    # The same ledger file, exported by this checkout's code on Linux.
    copy = tmp_path / "ledger"
    copy.mkdir()
    shutil.copy2(demo_ledger / "ledger.sqlite3", copy / "ledger.sqlite3")
    linux_target = tmp_path / "linux.xlsx"
    linux = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(copy), "export", "daily", "--date", day,
         "--out", str(linux_target)],
        capture_output=True, text=True, env=subprocess_env(), timeout=300,
    )  # fmt: skip
    assert linux.returncode == 0, linux.stderr
    assert windows_values == sheet_values(linux_target)
    numbers = [v for row in windows_values[0] for v in row if isinstance(v, int) and v > 0]
    assert numbers, "the daily report has no numbers"
    assert any("演示村" in str(v) for row in windows_values[0] for v in row)


def test_notice_door_sign_is_an_a4_pdf_with_chinese_text(
    machine: WindowsMachine, demo_ledger: Path
) -> None:
    """The installed command line draws a door sign with no window: Qt's Windows platform finds
    a Chinese font, the PDF is A4 and its text names the person (read back with pdftotext)."""
    with sqlite3.connect(demo_ledger / "ledger.sqlite3") as connection:
        (id_number,) = connection.execute(
            "SELECT id_number FROM person WHERE name = '张三'"
        ).fetchone()
    target = PureWindowsPath(r"C:\exports\门贴.pdf")
    machine.linux_path(target).parent.mkdir(exist_ok=True)
    run = machine.cli("notice", "door", id_number, "--out", str(target))
    assert "已生成门贴" in run.stdout, str(run)
    pdf = machine.linux_path(target)
    assert pdf_info(pdf)["Page size"] == A4_POINTS
    text = pdf_text(pdf)
    assert "张三" in text and "请勿打扰" in text and "包保人员" in text, text


def test_password_protected_export_opens_with_the_password(
    machine: WindowsMachine, demo_ledger: Path, tmp_path: Path
) -> None:
    """Encryption goes through cryptography's Rust extension (its random numbers come from
    bcryptprimitives.dll, a stand-in under Wine): the file must open with the password."""
    target = PureWindowsPath(r"C:\exports\人员台账-加密.xlsx")
    machine.linux_path(target).parent.mkdir(exist_ok=True)
    machine.cli("export", "roster", "--out", str(target), "--password", "村委会2022")
    encrypted = machine.linux_path(target)
    with encrypted.open("rb") as stream:
        office_file = msoffcrypto.OfficeFile(stream)
        assert office_file.is_encrypted()
        office_file.load_key(password="村委会2022")
        decrypted = tmp_path / "decrypted.xlsx"
        with decrypted.open("wb") as out:
            office_file.decrypt(out)
    names = [str(v) for sheet in sheet_values(decrypted) for row in sheet for v in row if v]
    assert "张三" in names


def test_import_roster_of_the_sample_workbook(machine: WindowsMachine, tmp_path: Path) -> None:
    sample = PureWindowsPath(r"C:\samples") / ROSTER_SAMPLE.name
    machine.linux_path(sample).parent.mkdir(exist_ok=True)
    shutil.copy2(ROSTER_SAMPLE, machine.linux_path(sample))
    data_dir = PureWindowsPath(r"C:\roster-import")
    run = machine.cli("--data-dir", str(data_dir), "import-roster", str(sample))
    assert "30" in run.stdout, str(run)
    assert machine.persons_in_ledger(machine.linux_path(data_dir)) == 30


@pytest.mark.parametrize("locale", [ENGLISH, CHINESE])
def test_output_redirected_to_a_file_is_utf8(
    machine: WindowsMachine, demo_ledger: Path, locale: str
) -> None:
    """``fangyi-ledger-cli check > out.txt`` in cmd.exe, on an English (cp1252) and a Chinese
    (cp936) Windows: the frozen app runs in UTF-8 mode, so the file is UTF-8 either way."""
    out = PureWindowsPath(rf"C:\out-{locale}.txt")
    # No quotes: the install path has no spaces, and Wine would pass quotes to cmd escaped.
    assert " " not in str(machine.install_dir)
    command = f"{machine.install_dir / CLI} check > {out} 2>&1"
    machine.wine("cmd", "/c", command, locale=locale)
    text = machine.linux_path(out).read_bytes().decode("utf-8")
    assert "完整性检查：正常" in text


# --- the installed desktop program ---------------------------------------------------------------


def test_gui_self_test_on_an_x_display(machine: WindowsMachine, demo_ledger: Path) -> None:
    """The windowed program (no console, no stdout) opens every page; its log is the witness."""
    log = demo_ledger / "logs" / "fangyi-ledger.log"
    before = log.stat().st_size if log.exists() else 0
    machine.wine(str(machine.install_dir / GUI), "gui", "--self-test", display=True)
    written = log.read_bytes()[before:].decode("utf-8", "replace")
    assert "interface language zh_CN" in written, written
    assert "self-test: page today (今日) shown" in written, written
    problems = [
        line
        for line in written.splitlines()
        if (" WARNING " in line or " ERROR " in line) and WINE_ONLY_QT_WARNING not in line
    ]
    assert not problems, written


def test_a_second_copy_is_refused_while_the_window_is_open(
    machine: WindowsMachine, demo_ledger: Path
) -> None:
    """The instance lock on Windows (filelock's LockFileEx): while the desktop program has the
    ledger open, the command line gets one clear line instead of writing to it."""
    lock = demo_ledger / "ledger.lock"
    lock.unlink(missing_ok=True)  # nobody holds it now: wait for the window's
    window = subprocess.Popen(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "timeout", str(COMMAND_TIMEOUT),
         "wine", str(machine.install_dir / GUI)],
        env=machine.env | {"LC_ALL": CHINESE}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(120):  # the window's start takes seconds under Wine: wait for its lock
            if lock.is_file():  # on Windows the lock file exists only while it is held
                break
            time.sleep(1)
        else:
            pytest.fail("the desktop program never took the ledger's lock")
        run = machine.cli("check", check=False)
    finally:
        subprocess.run(["wineserver", "-k"], env=machine.env, timeout=60, check=False)
        window.communicate(timeout=60)
    assert run.returncode != 0, str(run)
    assert "台账正被另一个防疫台账程序使用" in run.stderr, str(run)
    assert "Traceback" not in run.stderr


# --- a township clerk's Windows laptop on the township server ------------------------------------


@dataclass
class TownshipServer:
    """A real PostgreSQL server on the loopback address (Wine's programs have no unix socket)."""

    url: str  # no password in it, as the clerk types it
    host: str
    port: int
    user: str
    database: str
    password: str


@pytest.fixture(scope="module")
def township_server() -> Iterator[TownshipServer]:
    # mkdtemp, not tmp_path: the server runs as "postgres" and must reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="fangyi-township-"))
    script = ROOT / "scripts" / "pg-cluster.sh"
    with socket.socket() as probe:  # a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = subprocess.run(
        ["bash", "-c", f'source "{script}" && PG_CLUSTER_TCP_PORT="$2" pg_cluster_start "$1" && '
         'echo "$FANGYI_PG_URL" && cat "$PGPASSFILE"', "-", str(folder), str(port)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert started.returncode == 0, f"PostgreSQL did not start:\n{started.stderr}"
    url, passfile_line = started.stdout.split()
    parsed = make_url(url)
    try:
        yield TownshipServer(
            url=url, host="127.0.0.1", port=port, user=str(parsed.username),
            database=str(parsed.database), password=passfile_line.rsplit(":", 1)[1],
        )  # fmt: skip
    finally:
        subprocess.run(
            ["bash", "-c", f'source "{script}" && pg_cluster_stop "$1"', "-", str(folder)],
            check=False, timeout=120,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def server_password(password: str) -> dict[str, str]:
    """The password as the Windows program gets it: ``PGPASSWORD`` in its environment.

    Not ``%APPDATA%\\postgresql\\pgpass.conf``, which a Windows 10 clerk may use: the bundled
    libpq checks that file with a ``stat`` built on ntdll's ``NtFlushBuffersFileEx``, which
    Wine 8 lacks ("unrecognized win32 error code: 127"), so under Wine the file is never read.
    Nor the prompt: under Wine even ``/dev/null`` is a console, and ``getpass`` would wait."""
    return {"PGPASSWORD": password}


def server_people(server: TownshipServer) -> int:
    engine = create_engine(make_url(server.url).set(password=server.password))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM person")).scalar_one())
    finally:
        engine.dispose()


def test_a_wrong_server_password_is_one_chinese_line_and_nothing_written(
    machine: WindowsMachine, township_server: TownshipServer
) -> None:
    """The bundled driver (psycopg with its own libpq) reaches the server and reports the refusal
    the way the Linux app does — before any ledger exists there."""
    data_dir = r"C:\township-wrong"
    run = machine.cli(
        "--data-dir", data_dir, "--database-url", township_server.url, "demo",
        check=False, extra_env=server_password("not-the-password"),
    )  # fmt: skip
    assert run.returncode == 5, str(run)  # EXIT_SIGN_IN
    assert "用户名或密码不对" in run.stderr, str(run)
    assert "Traceback" not in run.stderr and "not-the-password" not in run.stderr, str(run)
    engine = create_engine(make_url(township_server.url).set(password=township_server.password))
    try:
        with engine.connect() as connection:
            tables = connection.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
    finally:
        engine.dispose()
    assert tables == 0, "a refused sign-in created tables on the server"


def test_the_installed_app_keeps_its_ledger_on_the_township_server(
    machine: WindowsMachine, township_server: TownshipServer
) -> None:
    """A township clerk on Windows: the installed command line builds the ledger on the server
    (schema, demo village), reads it back with ``check``, and writes no SQLite file of its own."""
    password = server_password(township_server.password)
    data_dir = PureWindowsPath(r"C:\township")
    server = ("--data-dir", str(data_dir), "--database-url", township_server.url)

    demo = machine.cli(*server, "demo", "--persons", "12", "--days", "3", extra_env=password)
    assert "已生成演示数据" in demo.stdout, str(demo)
    check = machine.cli(*server, "check", extra_env=password)

    first = check.stdout.splitlines()[0]
    assert first == (
        f"台账：数据库服务器 {township_server.user}@{township_server.host}:"
        f"{township_server.port}/{township_server.database}"
    ), str(check)
    assert "连接：正常" in check.stdout, str(check)
    assert server_people(township_server) == 12
    assert not machine.linux_path(data_dir / "ledger.sqlite3").exists()


# --- upgrade and uninstall -----------------------------------------------------------------------


def test_upgrade_over_the_previous_version_keeps_the_ledger(
    build: dict[str, str], tmp_path: Path
) -> None:
    windows = WindowsMachine(build, tmp_path / "prefix")
    windows.install(build["PREVIOUS_SETUP"])
    assert windows.registry(UNINSTALL_KEY, "DisplayVersion") == "0.0.1"
    windows.cli("demo")
    persons = windows.persons_in_ledger(windows.data_dir)
    stale = windows.linux_path(windows.install_dir / "_internal" / "left-by-old-version.txt")
    stale.write_text("old")

    windows.install(build["SETUP"])

    assert windows.registry(UNINSTALL_KEY, "DisplayVersion") == __version__
    assert not stale.exists(), "the upgrade kept a file of the old version"
    assert "完整性检查：正常" in windows.cli("check").stdout
    assert windows.persons_in_ledger(windows.data_dir) == persons


def test_uninstall_removes_the_program_and_keeps_the_ledger(
    machine: WindowsMachine, demo_ledger: Path
) -> None:
    ledger_files = {p: p.read_bytes() for p in demo_ledger.rglob("*") if p.is_file()}
    machine.wine(str(machine.install_dir / "uninstall.exe"), "/S")
    machine.wait()
    # The uninstaller copies itself to %TEMP% and runs from there: wait for the folder to go.
    installed = machine.linux_path(machine.install_dir)
    for _ in range(60):
        if not installed.exists():
            break
        time.sleep(1)
    assert not installed.exists()
    assert machine.registry(UNINSTALL_KEY, "DisplayName") is None
    desktop = machine.linux_path(machine.user_path(PureWindowsPath("Desktop") / SHORTCUT))
    assert not desktop.exists()
    after = {p: p.read_bytes() for p in demo_ledger.rglob("*") if p.is_file()}
    assert after == ledger_files, "uninstalling changed the ledger folder"
