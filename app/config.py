"""Paths and typed settings: the one place that knows where files live and what can be set.

Paths come from platformdirs and can be moved with ``--data-dir`` or ``FANGYI_DATA_DIR`` (a
clerk's USB stick, a test's temp folder). Settings are declared once here with type and default;
their values live in the ledger database (so they travel with the data) and are read and written
through ``app.services.reference`` (``get_setting`` / ``read_setting`` / ``write_setting``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Generic, TypeVar

import platformdirs

from app import APP_NAME

DATA_DIR_ENV = "FANGYI_DATA_DIR"
DATABASE_URL_ENV = "FANGYI_DATABASE_URL"
#: The township server setting: one line in the data folder naming the server's database
#: (``postgresql+psycopg://用户@主机/库名``, never a password), read when no URL is given.
DATABASE_URL_FILE = "database-url.txt"
DATABASE_FILENAME = "ledger.sqlite3"
BACKUP_KEEP = 14  # rotating automatic backups kept: two weeks of daily backups


@dataclass(frozen=True)
class AppPaths:
    """Every file location the app uses, derived from one data directory — and, for a township
    server, the database's URL (``None``: the SQLite file in the data directory)."""

    data_dir: Path
    database_url: str | None = None

    @property
    def on_server(self) -> bool:
        return self.database_url is not None

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "ledger.lock"

    @property
    def exports(self) -> Path:
        return self.data_dir / "exports"

    def ensure(self) -> AppPaths:
        with owner_only():
            for folder in (self.data_dir, self.backups, self.logs):
                folder.mkdir(parents=True, exist_ok=True)
        # Backups and logs are ours and hold the whole village: tighten them even when an older
        # version created them. The data dir itself may be a folder the clerk chose: left alone.
        for folder in (self.backups, self.logs):
            restrict_to_owner(folder)
        return self


# --- files only the signed-in user can read (PIPL: a shared office laptop) ------------------------

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


@contextmanager
def owner_only() -> Iterator[None]:
    """Files and folders created inside the block are readable by this user only (POSIX).

    On Windows the user profile's ACLs already keep other accounts out, and ``umask`` does not
    apply there, so nothing changes.
    """
    if os.name == "nt":
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def restrict_to_owner(path: Path) -> None:
    """``chmod`` 600 (file) / 700 (folder) where the OS and the file system allow it.

    FAT/exFAT USB sticks and Windows refuse or ignore the call: the ledger must still open there.
    """
    if os.name == "nt":
        return
    with suppress(OSError):
        os.chmod(path, PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None, database_url: str | None = None
) -> AppPaths:
    """``--data-dir`` wins, then ``FANGYI_DATA_DIR``, then the platform's user data dir.

    The database: ``--database-url``, then ``FANGYI_DATABASE_URL``, then the data folder's
    ``database-url.txt``; none of them — the SQLite ledger in the data folder (the default).
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        folder = Path(chosen).expanduser().resolve()
    else:
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    url = database_url or os.environ.get(DATABASE_URL_ENV) or _url_setting(folder)
    return AppPaths(folder, (url or "").strip() or None)


def save_database_url(folder: Path, url: str) -> None:
    """Make ``url`` this data folder's database (``python -m app server URL``): written whole
    beside, then renamed, so the setting is the old one or the new one, never half."""
    target = folder / DATABASE_URL_FILE
    partial = folder / f".{DATABASE_URL_FILE}.{os.getpid()}"
    partial.write_text(url.strip() + "\n", encoding="utf-8")
    os.replace(partial, target)


def clear_database_url(folder: Path) -> None:
    """Back to the SQLite file in the data folder."""
    (folder / DATABASE_URL_FILE).unlink(missing_ok=True)


def _url_setting(folder: Path) -> str | None:
    try:
        lines = (folder / DATABASE_URL_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((line.strip() for line in lines if line.strip()), None)


T = TypeVar("T", int, float, str, bool, time)


@dataclass(frozen=True)
class SettingSpec(Generic[T]):
    """One configurable policy value, stored as text in the ``setting`` table."""

    key: str
    label: str  # what the Settings page shows (Chinese)
    default: T

    def parse(self, text: str) -> T:
        kind = type(self.default)
        if kind is bool:
            return text.strip().lower() in {"1", "true", "yes", "是"}  # type: ignore[return-value]
        if kind is time:
            hours, minutes = text.strip().split(":")
            if int(hours) == 24:  # "24:00" is the customary midnight cut-off
                return time(0, 0)  # type: ignore[return-value]
            return time(int(hours), int(minutes))  # type: ignore[return-value]
        return kind(text)  # type: ignore[call-arg,return-value]

    def format(self, value: T) -> str:
        if isinstance(value, time):
            return "24:00" if value == time(0, 0) else value.strftime("%H:%M")
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(value)


# Default wording of the printed papers, after 2022 county notices (居家隔离医学观察告知书,
# 门贴, 解除隔离通知书): the rules of home isolation — 不外出、不串门、每日早晚测体温、配合核酸检测.
DEFAULT_NOTICE_ADMISSION = "\n".join(
    (
        "居家隔离医学观察告知书",
        "{姓名}（证件号码：{证件号码}）：",
        "根据新冠肺炎疫情防控工作要求，您自{开始日期}起至{结束日期}止实行{措施}，共{天数}天。"
        "观察期间请遵守以下规定：",
        "一、不外出、不串门，不接待来访，家庭成员非必要不外出；",
        "二、每日早、晚各测量一次体温，如实报告包保人员；",
        "三、按通知时间配合核酸检测，不得拒绝或拖延；",
        "四、出现发热、干咳、乏力、咽痛、嗅（味）觉减退、腹泻等症状，立即告知包保人员，"
        "不得自行就医；",
        "五、生活垃圾装袋密封，交由工作人员统一处理。",
        "观察期满、体温正常且核酸检测结果为阴性的，经评估后解除隔离。感谢您的理解与配合！"
        "如有需要，请联系下列包保人员。",
    )
)
DEFAULT_NOTICE_DOOR = "\n".join(
    (
        "居家隔离 请勿打扰",
        "居家隔离人员：{姓名}",
        "隔离期限：{开始日期} 至 {结束日期}",
        "隔离期间谢绝探访，有事请联系包保人员。",
    )
)
DEFAULT_NOTICE_RELEASE = "\n".join(
    (
        "解除隔离通知书",
        "{姓名}（证件号码：{证件号码}）：",
        "您自{开始日期}起实行{措施}。经观察期满，体温正常，核酸检测结果为阴性，符合解除条件，"
        "自{解除日期}起解除{措施}。",
        "解除后请继续做好个人防护：戴口罩、勤洗手、常通风、少聚集，出现发热等症状及时就医。",
        "特此通知。",
    )
)


class Settings:
    """Every policy setting. Policies changed often during outbreaks, so none is hard-coded."""

    FEVER_THRESHOLD = SettingSpec("fever_threshold", "发热判定体温（℃）", 37.3)
    STAT_CUTOFF = SettingSpec("stat_cutoff", "统计截止时间（24:00 为自然日）", time(0, 0))
    DAY_ONE_IS_START = SettingSpec(
        "day_one_is_start", "观察期第1天为开始当天（否则从次日算起）", True
    )
    DEFAULT_MEASURE = SettingSpec(
        "default_measure", "未写明管控措施时的默认措施", "居家隔离医学观察"
    )
    AM_SLOT_ENDS = SettingSpec("am_slot_ends", "上午体温截止时间", time(12, 0))
    PM_SLOT_ENDS = SettingSpec("pm_slot_ends", "下午体温截止时间", time(20, 0))
    # The township's deadline for the day's report (崇明: 每日 15:00 前报送); Today shows it.
    REPORT_DEADLINE = SettingSpec("report_deadline", "日报报送截止时间（每日）", time(15, 0))
    IDLE_LOCK_MINUTES = SettingSpec("idle_lock_minutes", "无操作自动锁定（分钟，0 为不锁定）", 10)
    BACKUP_ON_START = SettingSpec("backup_on_start", "每次启动时自动备份", True)
    # Export kinds (``export KIND`` names) whose ID numbers and phones are masked unless the clerk
    # unticks it for one export; edited on the Settings page's 账号与隐私 tab. Until saved there,
    # each kind's default is the policy in ``app.services.privacy.EXPORT_POLICIES`` (all masked).
    MASK_EXPORTS_DEFAULT = SettingSpec(
        "mask_exports_default",
        "默认隐藏身份证号和电话的导出表",
        "daily,roster,temperatures,assignments,vehicles,rounds-sheet,audit",
    )

    # The three printed papers (``app.services.notices``): the first line is the title (the door
    # sign's large type), every further line a paragraph; {姓名}, {开始日期} … are filled per case.
    # Wording differs by county, so the clerk edits them on the Settings page's 打印文书 tab.
    NOTICE_ADMISSION = SettingSpec(
        "notice_admission", "居家隔离医学观察告知书", DEFAULT_NOTICE_ADMISSION
    )
    NOTICE_DOOR = SettingSpec("notice_door", "门贴", DEFAULT_NOTICE_DOOR)
    NOTICE_RELEASE = SettingSpec("notice_release", "解除隔离通知书", DEFAULT_NOTICE_RELEASE)

    @classmethod
    def all(cls) -> list[SettingSpec]:  # type: ignore[type-arg]
        return [v for v in vars(cls).values() if isinstance(v, SettingSpec)]
