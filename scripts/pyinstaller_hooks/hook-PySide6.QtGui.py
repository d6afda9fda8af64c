"""Replaces PyInstaller's own hook for ``PySide6.QtGui`` (hooks from ``hookspath`` win): the same
collection, but only the Qt plugins that ``build.spec`` lists (``hooksconfig["fangyi-qt"]``).

The stock hook bundles every plugin QtGui owns — Wayland, EGL, evdev, the GTK theme, the PDF image
format, the virtual keyboard — and PyInstaller then follows their links and bundles GTK, cairo,
Qt Pdf, Qt Quick … as well. Dropping plugins here, before that dependency analysis runs, keeps
those libraries out; dropping them from the finished Analysis would leave the libraries behind.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks import get_hook_config
from PyInstaller.utils.hooks.qt import add_qt6_dependencies


def plugin_name(source: str) -> str:
    """``…/platforms/libqxcb.so`` → ``qxcb``; ``…\\platforms\\qwindows.dll`` → ``qwindows``."""
    stem = PurePath(source).name.split(".")[0]
    return stem.removeprefix("lib")


def is_wanted(source: str, dest_dir: str, wanted: dict[str, list[str] | None]) -> bool:
    """Non-plugin files pass; a plugin passes if its type is listed with None (all) or its name."""
    parts = PurePath(dest_dir).parts
    if "plugins" not in parts or parts[-1] == "plugins":
        return True
    plugin_type = parts[-1]
    if plugin_type not in wanted:
        return False
    names = wanted[plugin_type]
    return names is None or plugin_name(source) in names


def hook(hook_api) -> None:  # type: ignore[no-untyped-def]
    wanted = get_hook_config(hook_api, "fangyi-qt", "plugins")
    if wanted is None:
        raise SystemExit("build.spec must pass hooksconfig={'fangyi-qt': {'plugins': …}}")
    hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
    kept = [(src, dest) for src, dest in binaries if is_wanted(src, dest, wanted)]
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(kept)
    hook_api.add_datas(datas)
