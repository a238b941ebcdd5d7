"""Find seeder classes by name in an app's ``database/seeders`` folder."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from parvel.database.migrations.creator import snake
from parvel.database.seeding.exceptions import SeederError, SeederNotFound
from parvel.database.seeding.seeder import Seeder


class SeederLoader:
    """Load seeder classes from a folder.

    When the folder is ``<root>/database/seeders``, ``<root>`` goes on ``sys.path`` and the
    files import as ``database.seeders.<file>``, so seeders can import each other
    (``from database.seeders.user_seeder import UserSeeder``).
    """

    _active_root: str | None = None

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()

    def load(self, name: str) -> type[Seeder]:
        """The seeder class called ``name`` (or a dotted ``module:Class`` / ``module.Class``)."""
        if ":" in name or "." in name:
            return self._load_dotted(name)
        preferred = self.path / f"{snake(name)}.py"
        files = [preferred] if preferred.is_file() else []
        files += [f for f in sorted(self.path.glob("*.py")) if f != preferred]
        for file in files:
            if file.name.startswith("_"):
                continue
            found = getattr(self._import(file), name, None)
            if inspect.isclass(found) and issubclass(found, Seeder):
                return found
        raise SeederNotFound(
            f"Seeder class {name!r} was not found in {self.path}.",
            hint=f"Create it with `parvel make:seeder {name}` or check the class name.",
        )

    def _load_dotted(self, name: str) -> type[Seeder]:
        module_name, _, attr = name.rpartition(":") if ":" in name else name.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise SeederNotFound(f"Cannot import seeder module {module_name!r}: {exc}.") from exc
        found = getattr(module, attr, None)
        if not (inspect.isclass(found) and issubclass(found, Seeder)):
            raise SeederNotFound(f"{name!r} is not a Seeder class.")
        return found

    def _import(self, file: Path) -> ModuleType:
        if self.path.parts[-2:] == ("database", "seeders"):
            return self._import_package(file)
        module_name = f"_parvel_seeders.{file.stem}"
        spec = importlib.util.spec_from_file_location(module_name, file)
        if spec is None or spec.loader is None:  # pragma: no cover - only for non-.py paths
            raise SeederError(f"Cannot import seeder file {file}.")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        loader = spec.loader
        self._exec(lambda: loader.exec_module(module), file)
        return module

    def _import_package(self, file: Path) -> ModuleType:
        root = str(self.path.parent.parent)
        if SeederLoader._active_root != root:
            # another app's ``database`` package may be cached: forget it
            for key in [k for k in sys.modules if k == "database" or k.startswith("database.")]:
                del sys.modules[key]
            if SeederLoader._active_root in sys.path:
                sys.path.remove(SeederLoader._active_root)
            SeederLoader._active_root = root
        if root not in sys.path:
            sys.path.insert(0, root)
        importlib.invalidate_caches()
        result: list[ModuleType] = []
        self._exec(
            lambda: result.append(importlib.import_module(f"database.seeders.{file.stem}")), file
        )
        return result[0]

    @staticmethod
    def _exec(action: Callable[[], object], file: Path) -> None:
        try:
            action()
        except SyntaxError as exc:
            raise SeederError(f"Seeder {file}:{exc.lineno} has a syntax error: {exc.msg}.") from exc
        except SeederError:
            raise
        except Exception as exc:
            raise SeederError(
                f"Seeder file {file} failed to import: {type(exc).__name__}: {exc}"
            ) from exc
