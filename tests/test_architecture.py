"""Dependency arrows point down, as the layer picture of DESIGN.md draws them:

    ui        → services                      (never storage, models or the Excel layer)
    cli       → services                      (cli.py, cli_support.py, commands/)
    services  → models, excel, storage
    excel     → models
    storage   → models                        (db.py, server.py, schema.py, storage_sql.py,
                                               migrations/: the schema it stores)
    models    → (nothing above)
    base      → (nothing above)               (clock, config, errors, log, scratch …: every layer
                                               may use them)

plus: nothing but ``app/ui`` imports Qt, the shared widgets (``app/ui/widgets``) import no page's
or feature's package, and start-up does not pay for openpyxl.

Checked statically (every import statement, including those inside functions, walked with
``ast``) and, for Qt and openpyxl, by importing modules in a fresh interpreter and looking at
``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.ledgers import subprocess_env

APP = Path(__file__).resolve().parent.parent / "app"
DOMAIN_PACKAGES = ("models", "services", "excel")
DOMAIN_MODULES = ("db", "config", "instance_lock")
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "app.ui")


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    return _imports_in(
        path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py"
    )


def _imports_in(source: str, module: str, is_package: bool) -> set[str]:
    """Every module an ``import``/``from … import`` anywhere in the source names (absolute)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


# --- the layer picture ------------------------------------------------------------------------

#: What each layer may import, besides itself and the base modules.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "entry": frozenset({"cli"}),  # app/__main__.py
    "ui": frozenset({"services"}),
    "cli": frozenset({"services"}),
    "services": frozenset({"models", "excel", "storage"}),
    "excel": frozenset({"models"}),
    "storage": frozenset({"models"}),
    "models": frozenset(),
    "base": frozenset(),
}

#: Single edges that break a rule on purpose, each with its reason. Keep this list short.
ALLOWANCES: dict[tuple[str, str], str] = {
    ("app.cli", "app.ui.app"): "the gui command (the default) starts the GUI",
    ("app.commands.notices", "app.ui.printing"): (
        "the notice command lays its PDF out with the same Qt printing layer as the GUI"
    ),
}


def layer_of(module: str) -> str | None:
    """The layer an ``app`` module belongs to (None: not ours — stdlib or a third party)."""
    if module != "app" and not module.startswith("app."):
        return None
    top = module.split(".")[1] if "." in module else ""
    if top == "ui":
        return "ui"
    if top in ("cli", "cli_support", "commands"):
        return "cli"
    if top in ("services", "excel", "models"):
        return top
    if top in ("db", "server", "schema", "storage_sql", "storage_errors", "migrations"):
        return "storage"
    if top == "__main__":
        return "entry"
    return "base"


def _allowed(module: str, name: str) -> bool:
    return any(
        module == source and (name == target or name.startswith(target + "."))
        for source, target in ALLOWANCES
    )


def layer_violations(module: str, imported: set[str]) -> list[str]:
    """Every import of ``module`` that points up or sideways in the layer picture."""
    source = layer_of(module)
    assert source is not None, module
    bad = []
    for name in sorted(imported):
        target = layer_of(name)
        if target is None or target in (source, "base") or target in MAY_IMPORT[source]:
            continue
        if not _allowed(module, name):
            bad.append(f"{module} ({source}) imports {name} ({target})")
    return bad


def _all_app_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", _all_app_files(), ids=lambda p: _module_name(p))
def test_module_imports_only_the_layers_below_it(path: Path) -> None:
    assert layer_violations(_module_name(path), _imports(path)) == []


@pytest.mark.parametrize(
    "path", [p for p in _all_app_files() if layer_of(_module_name(p)) != "ui"],
    ids=lambda p: _module_name(p),
)  # fmt: skip
def test_nothing_but_the_ui_imports_qt(path: Path) -> None:
    qt = sorted(n for n in _imports(path) if _forbidden(n) and not n.startswith("app."))
    assert qt == [], f"{_module_name(path)} imports {qt}: only app/ui may import Qt"


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("app.ui.pages.probe", "from app.db import Database\n", "app.db.Database"),
        ("app.ui.pages.probe", "from app.models import Person\n", "app.models.Person"),
        ("app.ui.pages.probe", "def f():\n    from app.excel import grid\n", "app.excel.grid"),
        ("app.commands.probe", "import app.db\n", "app.db"),
        ("app.commands.probe", "from app.ui import crash\n", "app.ui.crash"),
        ("app.db", "from app.services.access import Role\n", "app.services.access.Role"),
        ("app.models.probe", "from ..services import roster\n", "app.services.roster"),
        ("app.excel.probe", "from app.services import reports\n", "app.services.reports"),
        ("app.config", "from app.models import Setting\n", "app.models.Setting"),
        ("app.services.probe", "from app.cli_support import out\n", "app.cli_support.out"),
    ],
)
def test_the_layer_check_catches_an_import_against_the_arrows(
    module: str, source: str, broken: str
) -> None:
    found = layer_violations(module, _imports_in(source, module, is_package=False))
    assert any(f" imports {broken} " in v for v in found), found


def test_the_layer_check_lets_the_arrows_through() -> None:
    source = (
        "from app import clock\nfrom app.errors import ExpectedError\n"
        "from app.services import roster\nfrom PySide6.QtCore import Qt\n"
    )
    assert (
        layer_violations("app.ui.pages.probe", _imports_in(source, "app.ui.pages.probe", False))
        == []
    )
    storage = "from app.models.audit import install_audit_hook\nfrom app.config import AppPaths\n"
    assert layer_violations("app.db", _imports_in(storage, "app.db", False)) == []


def test_every_allowance_is_still_needed() -> None:
    used = {
        (module, target)
        for path in _all_app_files()
        for module in [_module_name(path)]
        for name in _imports(path)
        for source, target in ALLOWANCES
        if module == source and (name == target or name.startswith(target + "."))
    }
    assert set(ALLOWANCES) - used == set(), "an allowance no import needs any more: remove it"


# --- shared widgets -----------------------------------------------------------------------------

#: The interface's shared widgets and table-model layer: every page may use them, so they may use
#: no page's or feature's package (``roster``, ``rounds`` …) — only each other and the single
#: modules of ``app/ui`` every page shares (``context``, ``settings_store`` …).
WIDGETS = "app.ui.widgets"


def _ui_packages() -> set[str]:
    """``app.ui``'s sub-packages (pages and features), the widgets' own left out."""
    ui = APP / "ui"
    packages = {f"app.ui.{p.name}" for p in ui.iterdir() if (p / "__init__.py").is_file()}
    return packages - {WIDGETS}


def widget_violations(module: str, imported: set[str]) -> list[str]:
    packages = _ui_packages()
    return sorted(
        name for name in imported if any(name == p or name.startswith(p + ".") for p in packages)
    )


@pytest.mark.parametrize(
    "path", sorted((APP / "ui" / "widgets").rglob("*.py")), ids=lambda p: _module_name(p)
)
def test_shared_widgets_import_no_page_or_feature_package(path: Path) -> None:
    module = _module_name(path)
    assert widget_violations(module, _imports(path)) == [], f"{module} is shared by every page"


def test_the_widget_check_catches_a_feature_import() -> None:
    module = f"{WIDGETS}.probe"
    source = "from app.ui.roster.table_model import RosterTableModel\nfrom ..rounds import x\n"
    assert "app.ui.roster" in _ui_packages()
    found = widget_violations(module, _imports_in(source, module, is_package=False))
    assert found == ["app.ui.roster.table_model", "app.ui.roster.table_model.RosterTableModel",
                     "app.ui.rounds", "app.ui.rounds.x"]  # fmt: skip
    shared = "from app.ui.context import UiContext\nfrom app.ui.widgets.roles import SortRole\n"
    assert widget_violations(module, _imports_in(shared, module, is_package=False)) == []


# --- Qt and openpyxl, as loaded ------------------------------------------------------------------


def test_static_check_sees_imports_inside_functions() -> None:
    source = "def later():\n    from PySide6.QtCore import QObject\n    from ..ui import app\n"
    found = {n for n in _imports_in(source, "app.services.probe", False) if _forbidden(n)}
    assert "PySide6.QtCore" in found
    assert "app.ui" in found


def _run(code: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _all_domain_modules() -> list[str]:
    names = [f"app.{name}" for name in DOMAIN_MODULES]
    for package in DOMAIN_PACKAGES:
        names.append(f"app.{package}")
        names += [m.name for m in pkgutil.walk_packages([str(APP / package)], f"app.{package}.")]
    return names


def test_importing_the_whole_domain_loads_no_qt() -> None:
    modules = _all_domain_modules()
    loaded = _run(
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps({'qt': sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6') or m.startswith('app.ui'))}))"
    )
    assert loaded["qt"] == []


def test_services_and_cli_start_without_openpyxl() -> None:
    services = [f"app.services.{m.name}" for m in pkgutil.iter_modules([str(APP / "services")])]
    loaded = _run(
        "import importlib, json, sys\n"
        f"for name in {[*services, 'app.db', 'app.cli']!r}:\n"
        "    importlib.import_module(name)\n"
        "import app.cli\n"
        "app.cli.build_parser()\n"
        "print(json.dumps({'openpyxl': 'openpyxl' in sys.modules, "
        "'qt': 'PySide6' in sys.modules}))"
    )
    assert loaded == {"openpyxl": False, "qt": False}
