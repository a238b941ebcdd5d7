"""Finding the application folder and the commands it defines."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from parvel.foundation.exceptions import ApplicationError, NotAParvelAppError
from parvel.support.console import CommandSpec, spec_of

if TYPE_CHECKING:
    from parvel.foundation.application import Application

APP_MARKER = Path("bootstrap") / "app.py"


def find_app_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``bootstrap/app.py``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / APP_MARKER).is_file():
            return folder
    return None


def require_app_root(start: Path | None = None) -> Path:
    """Like :func:`find_app_root`, raising a clear error outside an app."""
    root = find_app_root(start)
    if root is None:
        raise NotAParvelAppError(
            "This command must run inside a Parvel app (no bootstrap/app.py here or above).",
            hint="cd into your app, or create one with `parvel new NAME`.",
        )
    return root


def load_application(root: Path) -> Application:
    """Import ``bootstrap/app.py`` from ``root`` and return its bootstrapped ``app``."""
    from parvel.foundation.application import Application

    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    module = _import_path(root / APP_MARKER, "bootstrap.app")
    app = getattr(module, "app", None)
    if not isinstance(app, Application):
        raise ApplicationError(
            "bootstrap/app.py must define `app = Application.configure(...).create()`.",
        )
    return app.bootstrap()


def _import_path(path: Path, name: str) -> ModuleType:
    existing = sys.modules.get(name)
    if existing is not None and Path(getattr(existing, "__file__", "") or "") == path:
        return existing
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:  # pragma: no cover
        raise ApplicationError(f"Cannot import {path.name}.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def commands_in(module: ModuleType) -> list[CommandSpec]:
    """Every command ``module`` defines: functions, classes, ``Artisan.command`` closures."""
    from parvel.console.artisan import Artisan

    specs = []
    for value in vars(module).values():
        spec = spec_of(value)
        if spec is not None and getattr(value, "__module__", None) == module.__name__:
            specs.append(spec)
    known = {id(s) for s in specs}
    specs.extend(s for s in Artisan.closures_in(module) if id(s) not in known)
    return specs


def app_commands(app: Application) -> list[CommandSpec]:
    """Commands registered by providers, in routes/console.py and in app/console/commands/."""
    specs = [s for s in (spec_of(fn) for fn in app.settings.get("commands_registered", [])) if s]
    routing = app.settings.get("routing") or {}
    files: list[Path] = []
    if routing.get("commands"):
        files.append(app.base_path(routing["commands"]))
    folder = app.app_path("console/commands")
    if folder.is_dir():
        files.extend(sorted(p for p in folder.glob("*.py") if not p.name.startswith("_")))
    for extra in app.settings.get("commands", []):
        path = app.base_path(extra)
        files.extend(sorted(path.glob("*.py")) if path.is_dir() else [path])
    for file in files:
        if file.is_file():
            specs.extend(commands_in(_import_path(file, _module_name(app.base_path(), file))))
    return specs


def _module_name(root: Path, file: Path) -> str:
    relative = file.relative_to(root).with_suffix("")
    return ".".join(relative.parts)


def specs_from_modules(modules: Iterable[str]) -> list[CommandSpec]:
    """Import each module by name and collect its commands."""
    import importlib

    found: list[CommandSpec] = []
    for name in modules:
        found.extend(commands_in(importlib.import_module(name)))
    return found


def first_command_name(argv: list[str]) -> str | None:
    """The command word in ``argv`` (skipping global options), or ``None``."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg == "--env":
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None
