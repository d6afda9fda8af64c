"""Dependency arrows point down: the domain (models, services, excel, db, config) never imports Qt
or app.ui, and start-up does not pay for openpyxl.

Checked twice: statically (every import statement, including those inside functions) and by
importing each module in a fresh interpreter and looking at ``sys.modules``.
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


def _domain_files() -> list[Path]:
    files = [APP / f"{name}.py" for name in DOMAIN_MODULES]
    for package in DOMAIN_PACKAGES:
        files += sorted((APP / package).rglob("*.py"))
    return files


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


def test_domain_files_are_found() -> None:
    names = {_module_name(p) for p in _domain_files()}
    assert {"app.db", "app.config", "app.services.roster", "app.models.audit"} <= names


@pytest.mark.parametrize("path", _domain_files(), ids=lambda p: _module_name(p))
def test_domain_module_has_no_qt_import_anywhere(path: Path) -> None:
    bad = sorted(name for name in _imports(path) if _forbidden(name))
    assert bad == [], f"{_module_name(path)} imports {bad}: the domain must stay Qt-free"


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
