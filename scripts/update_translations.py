"""Keep the English translation of the interface up to date (convention 7).

Source strings in ``app/ui`` are Simplified Chinese. Every module under ``app/ui`` with translatable
strings (``tr(``, ``translate(``, ``QT_TR_NOOP``, ``QT_TRANSLATE_NOOP``) has its own
``resources/i18n/en/<name>.ts`` — ``app/ui/main_window.py`` → ``main_window.ts``,
``app/ui/pages/today.py`` → ``pages_today.ts``, ``app/ui/pages/__init__.py`` → ``pages.ts`` — so
engineers working in parallel never edit the same file.

    python scripts/update_translations.py          # lupdate every module (keeps translations),
                                                   # then lrelease every .ts into its .qm
    python scripts/update_translations.py app/ui/pages/roster.py app/ui/roster
                                                   # the same, only for these modules/folders
    python scripts/update_translations.py --check  # exit 1 if anything is untranslated, a
                                                   # placeholder is lost, or a .ts/.qm is stale

After an update, fill in the new ``<translation>`` elements (and delete ``type="unfinished"``) in
the .ts file — by hand or with ``pyside6-linguist`` — then run the update again to compile.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "app" / "ui"
TS_DIR = ROOT / "resources" / "i18n" / "en"
SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGE = "en"

_TRANSLATABLE = re.compile(r"\btr\(|\btranslate\(|\bQT_TR_NOOP\b|\bQT_TRANSLATE_NOOP\b")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def tool(name: str) -> str:
    """Qt's ``lupdate``/``lrelease`` shipped inside PySide6 (the ``pyside6-*`` wrappers only add a
    Python start-up per call), else the ``pyside6-<name>`` wrapper on PATH."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def ts_name(module: Path) -> str:
    parts = list(module.relative_to(UI_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1] or ["ui"]
    return "_".join(parts)


def translatable_modules() -> dict[str, Path]:
    """``{ts name: module}`` for every module under app/ui that has translatable strings."""
    modules: dict[str, Path] = {}
    for module in sorted(UI_DIR.rglob("*.py")):
        if not _TRANSLATABLE.search(module.read_text(encoding="utf-8")):
            continue
        name = ts_name(module)
        if name in modules:
            raise SystemExit(f"{module} and {modules[name]} would share {name}.ts: rename one")
        modules[name] = module
    return modules


#: The .ts of the labels the domain declares once for every front end — the field registry's
#: (app/models/fields) and the export forms' titles (app/services/export_forms.py). They are
#: Chinese in the domain and translated by the interface in their contexts, so a new field or form
#: needs only its English here.
REGISTRY_TS = "domain_labels"


def registry_source(folder: Path) -> Path:
    """A Python file of ``QT_TRANSLATE_NOOP`` lines, one per domain label, for ``lupdate`` to read
    (the domain itself is plain Python without Qt)."""
    sys.path.insert(0, str(ROOT))
    from app.models.fields import LABEL_CONTEXT, RECORD_TYPES, Place
    from app.services.export_forms import EXPORT_FORMS, TITLE_CONTEXT

    labels = sorted(
        {f.label_in(place) for record in RECORD_TYPES for f in record.fields for place in Place}
        | {record.label for record in RECORD_TYPES}
    )
    titles = sorted({t for form in EXPORT_FORMS for t in (form.title, form.page_title)})
    lines = [f"QT_TRANSLATE_NOOP({LABEL_CONTEXT!r}, {label!r})" for label in labels]
    lines += [f"QT_TRANSLATE_NOOP({TITLE_CONTEXT!r}, {title!r})" for title in titles]
    source = folder / f"{REGISTRY_TS}.py"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def with_registry(modules: dict[str, Path], folder: Path) -> dict[str, Path]:
    return {**modules, REGISTRY_TS: registry_source(folder)}


def lupdate(module: Path, ts_file: Path) -> None:
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            TARGET_LANGUAGE,
            "-locations",
            "none",
            "-no-obsolete",
            str(module),
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def _parallel(jobs: Iterable[tuple[object, ...]], fn: object) -> None:
    with ThreadPoolExecutor() as pool:
        for future in [pool.submit(fn, *job) for job in jobs]:  # type: ignore[arg-type]
            future.result()


def problems_in(ts_file: Path) -> list[str]:
    """Unfinished or empty translations, and placeholders the translation lost or invented."""
    found: list[str] = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            where = f"{ts_file.name} [{context_name}] {source!r}"
            if translation is None:
                found.append(f"{where}: no translation")
                continue
            kind = translation.get("type", "")
            if kind in {"vanished", "obsolete"}:
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            if kind == "unfinished" or not all(text.strip() for text in texts):
                found.append(f"{where}: untranslated")
                continue
            expected = sorted(_PLACEHOLDER.findall(source))
            for text in texts:
                if sorted(_PLACEHOLDER.findall(text)) != expected:
                    found.append(f"{where}: placeholders {expected} but translation has {text!r}")
    return found


def update(only: list[Path] | None = None) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    modules = translatable_modules()
    if only:
        chosen = [path.resolve() for path in only]
        modules = {
            name: module
            for name, module in modules.items()
            if any(module == path or path in module.parents for path in chosen)
        }
    else:
        for stale in _orphans(TS_DIR, {**modules, REGISTRY_TS: TS_DIR}):
            print(f"removing {stale.relative_to(ROOT)} (its module is gone)")
            stale.unlink()
    with tempfile.TemporaryDirectory() as temp:
        modules = with_registry(modules, Path(temp))
        _parallel(((module, TS_DIR / f"{name}.ts") for name, module in modules.items()), lupdate)
    _parallel(((TS_DIR / f"{name}.ts", TS_DIR / f"{name}.qm") for name in modules), lrelease)
    unfinished = [problem for name in modules for problem in problems_in(TS_DIR / f"{name}.ts")]
    for problem in unfinished:
        print(problem)
    print(f"{len(modules)} modules, {len(unfinished)} messages still to translate in {TS_DIR}")
    return 0


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        modules = with_registry(translatable_modules(), work)
        for name in modules:
            committed = TS_DIR / f"{name}.ts"
            if committed.is_file():
                shutil.copyfile(committed, work / committed.name)
            else:
                problems.append(f"{name}.ts is missing for {modules[name].name}")
        _parallel(((module, work / f"{name}.ts") for name, module in modules.items()), lupdate)
        _parallel(((work / f"{name}.ts", work / f"{name}.qm") for name in modules), lrelease)
        for name in modules:
            problems += problems_in(work / f"{name}.ts")
            committed_qm = TS_DIR / f"{name}.qm"
            if not committed_qm.is_file():
                problems.append(f"{name}.qm is missing")
            elif committed_qm.read_bytes() != (work / f"{name}.qm").read_bytes():
                problems.append(f"{name}.qm is stale (its .ts or module changed since)")
    problems += [f"{path.name} has no module any more" for path in _orphans(TS_DIR, modules)]
    if problems:
        print("\n".join(problems))
        print(
            f"\n{len(problems)} translation problem(s). Run"
            " `python scripts/update_translations.py [your modules]`, translate the new messages"
            " in resources/i18n/en/*.ts, and run it again."
        )
        return 1
    print(f"translations complete: {len(modules)} modules")
    return 0


def _orphans(folder: Path, modules: dict[str, Path]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in {".ts", ".qm"} and path.stem not in modules
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only, change nothing")
    parser.add_argument(
        "modules", nargs="*", type=Path, help="update only these modules or folders (default: all)"
    )
    args = parser.parse_args(argv)
    return check() if args.check else update(args.modules)


if __name__ == "__main__":
    sys.exit(main())
