"""Where the ledger lives (--data-dir beats FANGYI_DATA_DIR beats the platform folder) and how
policy settings are written and read back."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import platformdirs
import pytest

from app.config import (
    DATA_DIR_ENV,
    DATABASE_URL_ENV,
    DATABASE_URL_FILE,
    AppPaths,
    Settings,
    SettingSpec,
    resolve_paths,
)


@pytest.fixture
def platform_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "platform"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: str(folder))
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return folder


def test_data_dir_option_beats_environment_beats_platform_folder(
    tmp_path: Path, platform_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_paths().data_dir == platform_dir

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_paths().data_dir == tmp_path / "from-env"

    assert resolve_paths(tmp_path / "from-option").data_dir == tmp_path / "from-option"


def test_relative_and_home_data_dirs_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_dir: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_paths("U盘/台账").data_dir == tmp_path / "U盘" / "台账"
    assert resolve_paths("~/台账").data_dir == tmp_path / "home" / "台账"


def test_every_file_lives_under_the_data_dir(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "d").ensure()
    assert paths.database == tmp_path / "d" / "ledger.sqlite3"
    for folder in (paths.backups, paths.logs):
        assert folder.is_dir() and folder.parent == paths.data_dir
    assert paths.lock_file.parent == paths.data_dir
    assert paths.exports.parent == paths.data_dir


@pytest.mark.parametrize(
    ("spec", "text", "value"),
    [
        (Settings.STAT_CUTOFF, "24:00", time(0, 0)),
        (Settings.STAT_CUTOFF, "15:00", time(15, 0)),
        (Settings.FEVER_THRESHOLD, "37.3", 37.3),
        (Settings.DAY_ONE_IS_START, "0", False),
        (Settings.DAY_ONE_IS_START, "是", True),
        (Settings.IDLE_LOCK_MINUTES, "10", 10),
        (Settings.DEFAULT_MEASURE, "居家健康监测", "居家健康监测"),
    ],
)
def test_setting_text_round_trips(spec: SettingSpec, text: str, value: object) -> None:  # type: ignore[type-arg]
    assert spec.parse(text) == value
    assert spec.parse(spec.format(value)) == value


def test_midnight_cut_off_is_written_as_24_00() -> None:
    assert Settings.STAT_CUTOFF.format(time(0, 0)) == "24:00"
    assert Settings.STAT_CUTOFF.format(time(15, 0)) == "15:00"


def test_every_setting_is_declared_once_with_a_chinese_label() -> None:
    specs = Settings.all()
    assert len({s.key for s in specs}) == len(specs) >= 8
    assert all(any("\u4e00" <= c <= "\u9fff" for c in s.label) for s in specs)


# --- which database: the SQLite file, or a township server ----------------------------------------


def test_without_a_url_the_ledger_is_the_sqlite_file(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    assert paths.database_url is None and not paths.on_server
    assert paths.database == tmp_path.resolve() / "ledger.sqlite3"


def test_the_url_comes_from_the_option_then_the_environment_then_the_data_dir_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setting = "postgresql+psycopg://clerk@township/ledger"
    (tmp_path / DATABASE_URL_FILE).write_text(f"\n  {setting}  \n", encoding="utf-8")
    assert resolve_paths(tmp_path).database_url == setting

    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql+psycopg://clerk@env/ledger")
    assert resolve_paths(tmp_path).database_url == "postgresql+psycopg://clerk@env/ledger"

    chosen = resolve_paths(tmp_path, "postgresql+psycopg://clerk@option/ledger")
    assert chosen.database_url == "postgresql+psycopg://clerk@option/ledger"
    assert chosen.on_server
