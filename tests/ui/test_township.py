"""The GUI on a township server (a real PostgreSQL, tests/helpers/postgres.py): the server's
password asked at start when neither PGPASSWORD nor PGPASSFILE gives one, and an account's
所属单位 set in 设置 → 账号与隐私 (on a village's SQLite laptop: disabled, saying why)."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.config import AppPaths, resolve_paths
from app.services import operators, roster
from app.services.access import Role
from app.services.ledger import Database, open_ledger
from app.services.roster import RosterFilter
from app.ui import app as gui
from app.ui import main_window
from app.ui.app import run_gui
from app.ui.auth import startup
from app.ui.auth.accounts import UNIT, AccountsWidget
from app.ui.auth.first_admin import FirstAdminDialog
from app.ui.auth.server_password import ServerPasswordDialog
from app.ui.context import UiContext
from app.ui.main_window import MainWindow
from tests.helpers.postgres import database_copy
from tests.services.test_roster import register
from tests.ui.auth.test_auth import answer_sign_in
from tests.ui.conftest import RecordedMessages, stand_in_pages

ADMIN = ("wangshuji", "村委会2022!")
CLERK = ("liming", "luru-12345")
PASSWORD_ENV = ("PGPASSFILE", "PGPASSWORD")


# --- the server's password at start ---------------------------------------------------------------


def _password_in(passfile: str) -> str:
    """The test cluster's password, from the password file scripts/pg-cluster.sh wrote."""
    line = Path(passfile).read_text(encoding="utf-8").splitlines()[0]
    return line.rsplit(":", 1)[1]


@contextmanager
def password_environment(passfile: Path, password: str | None = None) -> Iterator[str]:
    """The app's PGPASSFILE is ``passfile`` and its PGPASSWORD ``password`` (None: unset);
    yields the test cluster's right password.

    Not ``monkeypatch``: this must be undone before the test's database is dropped (which needs
    the password file), so the fixtures using it depend on the server and are torn down first.
    """
    right = _password_in(os.environ["PGPASSFILE"])
    saved = {name: os.environ.get(name) for name in PASSWORD_ENV}
    os.environ["PGPASSFILE"] = str(passfile)
    os.environ.pop("PGPASSWORD", None)
    if password is not None:
        os.environ["PGPASSWORD"] = password
    try:
        yield right
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def no_password_available(pg_server: URL, tmp_path: Path) -> Iterator[str]:
    """Neither PGPASSWORD nor a PGPASSFILE entry for the app; yields the right password."""
    with password_environment(tmp_path / "no-such-pgpass") as right:
        yield right


@pytest.fixture(params=PASSWORD_ENV)
def wrong_password_saved(
    request: pytest.FixtureRequest, pg_server: URL, tmp_path: Path
) -> Iterator[str]:
    """An old password saved on this computer, in PGPASSWORD or in the PGPASSFILE file (the
    server's was changed since); yields the right one."""
    passfile = tmp_path / "old-pgpass"
    if request.param == "PGPASSFILE":
        passfile.write_text("*:*:*:*:old-password\n", encoding="utf-8")
        passfile.chmod(0o600)  # libpq ignores a password file others can read
    with password_environment(
        passfile, "old-password" if request.param == "PGPASSWORD" else None
    ) as right:
        yield right


@dataclass
class Asked:
    """What the clerk saw on each password dialog, and what the field held after each try."""

    dialogs: list[ServerPasswordDialog] = field(default_factory=list)
    servers: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # the line saying why the password is asked
    problems: list[str] = field(default_factory=list)
    left_in_field: list[str] = field(default_factory=list)


def answer_server_password(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tries: list[str | None]
) -> Asked:
    """Replace the dialog's modal wait by a clerk typing each of ``tries`` and clicking 连接
    (None: clicking 退出), until the dialog closes."""
    asked = Asked()

    def exec_(dialog: ServerPasswordDialog) -> int:
        asked.dialogs.append(dialog)
        asked.servers.append(dialog.server.text())
        asked.why.append(dialog.hint.text())
        dialog.show()
        for typed in tries:
            if typed is None:
                qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
            else:
                qtbot.keyClicks(dialog.password, typed)
                qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
            asked.problems.append(dialog.problem.text())
            asked.left_in_field.append(dialog.password.text())
            if not dialog.isVisible():
                break
        return dialog.result()

    monkeypatch.setattr(ServerPasswordDialog, "exec", exec_)
    return asked


def record_first_admin_offers(monkeypatch: pytest.MonkeyPatch) -> list[UiContext]:
    """Every time the first-administrator offer would have been put up."""
    offers: list[UiContext] = []
    monkeypatch.setattr(startup, "offer_first_admin", lambda ctx, *_args: offers.append(ctx))
    return offers


def app_connections(server: URL, database_url: str) -> int:
    """The app's connections the server still holds to that database, once the ones it was
    told to close have gone (a connection never closed stays)."""
    database = make_url(database_url).database
    admin = create_engine(server, isolation_level="AUTOCOMMIT")

    def count() -> int:
        with admin.connect() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = :db AND application_name = 'fangyi-ledger'"
                    ),
                    {"db": database},
                ).scalar_one()
            )

    try:
        for _ in range(50):  # a closed connection's server process ends a moment later
            if count() == 0:
                return 0
            time.sleep(0.1)
        return count()
    finally:
        admin.dispose()


def nothing_ran_after_quitting(server: URL, database_url: str, offers: list[UiContext]) -> None:
    """No first-administrator offer, and no connection of the app left open on ``server``
    (whose URL carries the password when the app's environment has none)."""
    QApplication.processEvents()  # anything queued for "after start-up" would run now
    gc.collect()  # a connection dropped unclosed warns (ResourceWarning: an error here)
    assert offers == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstAdminDialog)]
    assert app_connections(server, database_url) == 0


def record_main_windows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where the ledger was when the main window (the first data on screen) was built and
    shown; the clerk's session (``_work``: its event loop) ends at once."""
    built: list[str] = []

    def work(_app: QApplication, ctx: UiContext, window: MainWindow, _first_page: object) -> int:
        assert window.isVisible()
        built.append(ctx.db.location)
        return gui.EXIT_OK

    monkeypatch.setattr(gui, "_work", work)
    return built


@pytest.mark.postgresql
def test_a_server_without_a_password_asks_says_a_wrong_one_and_opens_with_the_right_one(
    qapp: QApplication,
    qtbot: QtBot,
    pg_database: str,
    tmp_path: Path,
    no_password_available: str,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    paths = resolve_paths(tmp_path / "data", pg_database)
    asked = answer_server_password(qtbot, monkeypatch, ["wrong-password", no_password_available])
    built = record_main_windows(monkeypatch)

    assert run_gui(paths) == 0
    assert len(asked.dialogs) == 1
    assert asked.servers[0].startswith("fangyi@")  # user@host/database, no password in it
    assert asked.problems == ["密码不对，服务器拒绝登录，请重新输入。", ""]
    assert asked.left_in_field == ["", ""]  # nothing typed stays in the field
    assert "都没有" in asked.why[0]  # none saved: not "refused"
    assert len(built) == 1 and built[0] == asked.servers[0]
    assert messages == []


@pytest.mark.postgresql
def test_a_refused_saved_password_asks_for_the_current_one_saying_why(
    qapp: QApplication,
    qtbot: QtBot,
    pg_database: str,
    tmp_path: Path,
    wrong_password_saved: str,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    paths = resolve_paths(tmp_path / "data", pg_database)
    asked = answer_server_password(qtbot, monkeypatch, ["old-password", wrong_password_saved])
    built = record_main_windows(monkeypatch)

    assert run_gui(paths) == 0
    assert len(asked.dialogs) == 1
    assert "本机保存的服务器密码" in asked.why[0] and "被服务器拒绝" in asked.why[0]
    assert asked.problems == ["密码不对，服务器拒绝登录，请重新输入。", ""]
    assert len(built) == 1 and built[0] == asked.servers[0]
    assert messages == []  # the dialog said it: no message box before it


@pytest.mark.postgresql
def test_quitting_at_the_server_password_opens_nothing(
    qapp: QApplication,
    qtbot: QtBot,
    pg_server: URL,
    pg_database: str,
    tmp_path: Path,
    no_password_available: str,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    paths = resolve_paths(tmp_path / "data", pg_database)  # no accounts yet
    asked = answer_server_password(qtbot, monkeypatch, ["wrong-password", None])
    built = record_main_windows(monkeypatch)
    offers = record_first_admin_offers(monkeypatch)

    assert run_gui(paths) == 0
    assert len(asked.dialogs) == 1
    assert built == []  # no main window, no message box: the clerk chose to leave
    assert messages == []
    nothing_ran_after_quitting(pg_server.set(password=no_password_available), pg_database, offers)


@pytest.mark.postgresql
def test_quitting_at_the_sign_in_on_a_server_shows_nothing_and_closes_the_connection(
    qapp: QApplication,
    pg_server: URL,
    pg_database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    paths = resolve_paths(tmp_path / "data", pg_database)
    with open_ledger(paths) as db:
        operators.create_first_admin(db, ADMIN[0], "王书记", ADMIN[1])
    shown = answer_sign_in(monkeypatch, None)
    built = record_main_windows(monkeypatch)
    offers = record_first_admin_offers(monkeypatch)

    assert run_gui(paths) == 0
    assert len(shown) == 1
    assert built == []
    assert messages == []
    nothing_ran_after_quitting(pg_server, pg_database, offers)


# --- the status bar on a server ------------------------------------------------------------------


def status_bar(qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The status bar's shown labels, left to right, the server label's tooltip, and the last
    line of 帮助 → 关于 last."""
    window = MainWindow(ctx, pages=stand_in_pages())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    about: list[str] = []
    shown = lambda _window, text, **_kw: about.append(text)  # noqa: E731
    monkeypatch.setattr(main_window.messages, "show_info", shown)
    window.about_action.trigger()
    labels = [
        label.text()
        for label in (
            window.unit_label,
            window.operator_label,
            window.account_unit_label,
            window.location_label,
        )
        if label.isVisible()
    ]
    return [*labels, window.location_label.toolTip(), about[0].splitlines()[-1]]


@pytest.mark.postgresql
def test_on_a_server_the_status_bar_shows_the_server_and_the_accounts_unit(
    qtbot: QtBot,
    pg_database: str,
    tmp_path: Path,
    no_password_available: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = resolve_paths(tmp_path / "data", pg_database)
    db = open_ledger(paths, password=no_password_available)  # typed: it must not show anywhere
    try:
        operators.create_first_admin(db, ADMIN[0], "王书记", ADMIN[1])
        operators.create_account(db, CLERK[0], "李明", CLERK[1], Role.CLERK)
        operators.set_account_unit(db, CLERK[0], "东村")
        server = db.location
        assert server.startswith("fangyi@") and server.endswith(make_url(pg_database).database)

        operators.sign_in(db, *ADMIN)
        township = status_bar(qtbot, UiContext.for_database(db), monkeypatch)
        operators.sign_in(db, *CLERK)
        village = status_bar(qtbot, UiContext.for_database(db), monkeypatch)
    finally:
        db.close()

    unit, shown, tooltip, about = township[2:]
    assert unit == "所属单位：全部（乡镇）"
    # A long address is shortened in the middle on screen; the tooltip holds it whole.
    assert shown.startswith("服务器：fangyi@") and shown.endswith(server.rsplit("/", 1)[1])
    assert tooltip == f"台账在乡镇服务器上：{server}"
    assert about == tooltip  # 帮助 → 关于 names the server, not the empty local folder
    assert village[1:3] == ["操作员：李明", "所属单位：东村"]
    assert not any(str(paths.data_dir) in text for text in township + village)
    assert not any(no_password_available in text for text in township + village)


@pytest.fixture
def foreign_database(pg_server: URL) -> Iterator[str]:
    """A database of another program (one table, one row): not a ledger."""
    with database_copy(pg_server, "template0") as url:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer)"))
            connection.execute(text("INSERT INTO invoices VALUES (1)"))
        engine.dispose()
        yield url


@pytest.mark.postgresql
def test_a_database_that_is_not_a_ledger_is_one_message_after_the_password(
    qapp: QApplication,
    qtbot: QtBot,
    foreign_database: str,
    tmp_path: Path,
    no_password_available: str,
    monkeypatch: pytest.MonkeyPatch,
    messages: RecordedMessages,
) -> None:
    paths = resolve_paths(tmp_path / "data", foreign_database)
    asked = answer_server_password(qtbot, monkeypatch, [no_password_available])
    built = record_main_windows(monkeypatch)

    assert run_gui(paths) == 2
    assert not asked.dialogs[0].isVisible()
    assert built == []
    assert len(messages) == 1
    kind, line = messages[0]
    assert kind == "error" and "\n" not in line
    assert "不是防疫台账" in line and "未做任何改动" in line
    os.environ["PGPASSWORD"] = no_password_available  # to look at it (undone by the fixture)
    engine = create_engine(foreign_database)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["invoices"]  # nothing written
    engine.dispose()


# --- 所属单位 of an account ----------------------------------------------------------------------


def accounts_widget(qtbot: QtBot, ctx: UiContext) -> AccountsWidget:
    """设置 → 账号与隐私 as the administrator sees it, 李明 selected."""
    operators.create_first_admin(ctx.db, ADMIN[0], "王书记", ADMIN[1])
    clerk = operators.create_account(ctx.db, CLERK[0], "李明", CLERK[1], Role.CLERK)
    operators.sign_in(ctx.db, *ADMIN)
    widget = AccountsWidget(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.select(clerk.id)
    return widget


def people_seen_by(paths: AppPaths, account: tuple[str, str]) -> int:
    """How many people ``account`` sees when it signs in (on its own connection)."""
    db = open_ledger(paths)
    try:
        operators.sign_in(db, *account)
        return len(roster.roster_ids(db, RosterFilter("all")))
    finally:
        db.close()


def villages(db: Database) -> None:
    """Two people of 东村 and one of 西村 in the township's ledger."""
    for unit, names in (("东村", ("张三", "李四")), ("西村", ("王五",))):
        db.unit = unit
        for name in names:
            register(db, name)
    db.unit = None


@pytest.mark.parametrize(
    "engine", [pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_an_administrator_sets_an_accounts_unit_and_it_sees_that_village(
    qtbot: QtBot, ctx: UiContext, paths: AppPaths, engine: str
) -> None:
    villages(ctx.db)
    widget = accounts_widget(qtbot, ctx)
    combo = widget.unit_combo
    assert not widget.table.isColumnHidden(UNIT)
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部（乡镇）", "东村", "西村"]
    assert combo.currentText() == "全部（乡镇）"
    assert people_seen_by(paths, CLERK) == 3

    combo.setCurrentIndex(combo.findText("东村"))
    qtbot.mouseClick(widget.unit_button, Qt.MouseButton.LeftButton)
    assert widget.unit_status.text() == "已设置：liming 属于 东村。"
    row = widget.table.currentIndex().row()
    assert widget.proxy.index(row, UNIT).data() == "东村"
    assert people_seen_by(paths, CLERK) == 2

    # A village not in the ledger yet is typed (an input method's text: QTest types ASCII only),
    # Enter sets it; 全部（乡镇） makes it a township account again.
    combo.lineEdit().setText("南村")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert operators.account(ctx.db, CLERK[0]).unit == "南村"
    assert people_seen_by(paths, CLERK) == 0
    combo.setCurrentIndex(combo.findText("全部（乡镇）"))
    qtbot.mouseClick(widget.unit_button, Qt.MouseButton.LeftButton)
    assert operators.account(ctx.db, CLERK[0]).unit is None
    assert people_seen_by(paths, CLERK) == 3


def test_on_a_village_laptop_the_unit_is_disabled_and_says_why(
    qtbot: QtBot, ctx: UiContext
) -> None:
    before = AccountsWidget(ctx)  # opened before the first account existed, refreshed after
    qtbot.addWidget(before)
    widget = accounts_widget(qtbot, ctx)
    before.refresh()
    assert before.table.isColumnHidden(UNIT)
    assert widget.table.isColumnHidden(UNIT)
    # The column layout the main window remembers may come from a server session (the same
    # computer, another data folder): restored while the tab is hidden, the column stays out.
    header = widget.table.horizontalHeader()
    header.showSection(UNIT)
    from_server = header.saveState()
    widget.hide()
    header.restoreState(from_server)
    widget.show()
    assert widget.table.isColumnHidden(UNIT)
    assert not widget.unit_combo.isEnabled()
    assert not widget.unit_button.isEnabled()
    assert "乡镇服务器" in widget.unit_combo.toolTip()
    assert widget.reset_button.isEnabled()  # the rest of the tab works as before
