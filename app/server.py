"""The township server: the same ledger in a PostgreSQL database (``--database-url``).

Everything PostgreSQL-only lives here, beside ``app.db`` (the SQLite file): reading the URL, the
connection's failures in one Chinese line, and bringing the server's schema to this app's revision.
The password is never part of a URL the clerk types: libpq reads it from ``PGPASSWORD`` or the
``PGPASSFILE`` file (``~/.pgpass``; on Windows ``%APPDATA%\\postgresql\\pgpass.conf``), or the
command line asks.
"""

from __future__ import annotations

from sqlalchemy import URL, Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from app import schema
from app.storage_errors import DatabaseTooNew, NotALedger, StorageError

#: One number for the advisory lock every app takes while it checks and upgrades the schema, so
#: two clerks starting at once on a new server do not both create the tables.
_SCHEMA_LOCK = 0x66616E67  # "fang"
CONNECT_TIMEOUT_S = 10


#: What ``backup`` and ``restore`` say on a server instead of copying a file that is not there.
BACKUP_ADVICE = (
    "台账在数据库服务器 {where} 上，不是本机文件：请由服务器管理员用 PostgreSQL 的工具"
    "备份和恢复 —— 备份 pg_dump -Fc -f 台账.dump 库名，恢复 pg_restore --clean -d 库名 台账.dump"
    "（详见 README“乡镇服务器”）。未做任何改动。"
)


class ServerUnavailable(StorageError):
    """The server cannot be reached, or the connection to it broke."""


class ServerSignInFailed(StorageError):
    """The server refused the user name or password."""


class NeedsPassword(ServerSignInFailed):
    """The server asks for a password and none was given (a terminal may ask the clerk)."""


class NotOnServer(StorageError):
    """An operation of the SQLite file (backup, restore, integrity check) asked of a server."""


def server_url(text_url: str) -> URL:
    """The URL of a township server; ``postgresql://`` means the psycopg driver the app ships."""
    try:
        url = make_url(text_url)
    except ArgumentError as error:
        raise StorageError(
            f"数据库地址写得不对：{text_url}（应为 postgresql+psycopg://用户@主机:端口/库名）。"
        ) from error
    if url.get_backend_name() != "postgresql":
        raise StorageError(
            f"不支持的数据库：{url.get_backend_name()}。只支持 PostgreSQL "
            "（postgresql+psycopg://用户@主机:端口/库名）；不给地址时用本机的台账文件。"
        )
    return url.set(drivername="postgresql+psycopg")


def describe(url: URL) -> str:
    """Where the ledger is, for messages: user, host and database, never the password."""
    host = url.host or url.query.get("host") or "本机"
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{host}{port}/{url.database or ''}".lstrip("@")


def create_server_engine(url: URL, *, password: str | None = None) -> Engine:
    if password is not None:
        url = url.set(password=password)
    return create_engine(
        url,
        pool_pre_ping=True,  # a connection the server dropped overnight is replaced, not failed
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "fangyi-ledger"},
    )


def prepare(engine: Engine, url: URL) -> int:
    """Check the server holds a ledger this app can use and bring it to the newest revision;
    returns the version it was at (0: an empty database, now a new ledger).

    One transaction under an advisory lock: a refusal (not a ledger, a newer app's ledger) or a
    failed step leaves the database exactly as it was.
    """
    try:
        with engine.connect() as connection, connection.begin():
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
            current = _version(connection, url)
            if current < schema.latest_version():
                schema.upgrade(connection, from_version=current)
            return current
    except SQLAlchemyError as error:
        raise failure(error, url) or StorageError(
            f"服务器上的台账数据升级失败，数据未改动：{error}"
        ) from error


def _version(connection: Connection, url: URL) -> int:
    revision = schema.stored_revision(connection)
    if revision is None:
        tables = sorted(inspect(connection).get_table_names())
        if tables:
            raise NotALedger(
                f"数据库 {describe(url)} 不是防疫台账（有其他程序的表，如 {tables[0]}，"
                "没有台账的数据版本），未做任何改动。请换一个空数据库或检查地址。"
            )
        return 0
    if not schema.is_known(revision):
        raise DatabaseTooNew(
            f"服务器上的台账由更新版本的防疫台账升级过（数据版本 {revision}，本程序支持到 "
            f"{schema.latest_version()}）。请升级程序后再连接，服务器上的数据未做任何改动。"
        )
    return schema.version_of(revision)


def stored_version(engine: Engine, url: URL) -> int:
    """The server ledger's schema version, read only (``check``)."""
    try:
        with engine.connect() as connection:
            return _version(connection, url)
    except SQLAlchemyError as error:
        raise failure(error, url) or StorageError(f"无法读取服务器上的台账：{error}") from error


# libpq's own words for each refusal (its messages are English unless the server is localised:
# anything not matched still gets the connection's first line, in the general message).
_SIGN_IN = ("password authentication failed", "authentication failed")
# The server's pg_hba.conf turns this computer or user away before any password is asked:
# no password can help, so the clerk is not asked for one again.
_HOST_REFUSED = ("no pg_hba.conf entry", "pg_hba.conf rejects")
_NO_PASSWORD = ("no password supplied", "fe_sendauth")
_NO_DATABASE = ("does not exist",)


def failure(error: BaseException, url: URL) -> StorageError | None:
    """The clerk's one line for an unreachable server, a refused sign-in or a missing database
    (a ``StorageError`` passes through unchanged); ``None`` for anything else (a bug)."""
    if isinstance(error, StorageError):
        return error
    inner = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    # libpq's first line says what failed ("…: Connection refused"); the rest are hints.
    lines = [line.strip() for line in str(inner).splitlines() if line.strip()]
    detail = lines[0] if lines else type(inner).__name__
    lowered = str(inner).lower()
    where = describe(url)
    if any(words in lowered for words in _NO_PASSWORD):
        return NeedsPassword(
            f"数据库服务器 {where} 要求密码：请用环境变量 PGPASSWORD 或密码文件 PGPASSFILE 提供，"
            "或在终端中运行以便输入。"
        )
    if any(words in lowered for words in _HOST_REFUSED):
        return ServerUnavailable(
            f"数据库服务器 {where} 不允许本机或此用户连接（{detail}）。这不是密码的问题："
            "请服务器管理员在 pg_hba.conf 中允许本机的地址和此用户；未做任何改动。"
        )
    if any(words in lowered for words in _SIGN_IN):
        return ServerSignInFailed(
            f"无法登录数据库服务器 {where}：用户名或密码不对。"
            "请检查 PGPASSWORD 或 PGPASSFILE 中的密码，未做任何改动。"
        )
    if any(words in lowered for words in _NO_DATABASE) and "database" in lowered:
        return ServerUnavailable(
            f"数据库服务器上没有这个数据库：{where}。请检查库名，或请管理员先建库（createdb）。"
        )
    dropped = isinstance(error, DBAPIError) and error.connection_invalidated
    if dropped or isinstance(inner, _operational_errors()):
        return ServerUnavailable(
            f"无法连接数据库服务器 {where}（{detail}）。请检查服务器是否已启动、地址和端口"
            "是否正确、网络是否连通；未做任何改动。"
        )
    return None


def _operational_errors() -> tuple[type[BaseException], ...]:
    import psycopg  # only a server ledger loads the driver

    return (psycopg.OperationalError, psycopg.InterfaceError)
