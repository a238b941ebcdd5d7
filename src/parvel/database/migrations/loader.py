"""Find migration files and load the Migration class each one defines."""

from __future__ import annotations

import importlib.util
import inspect
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from parvel.database.migrations.exceptions import MigrationLoadError
from parvel.database.migrations.migration import Migration


@dataclass(frozen=True)
class MigrationFile:
    """A migration file found on disk.

    Attributes:
        name: The migration's name: the file name without ``.py``; recorded in the
            migrations table.
        path: The file.
    """

    name: str
    path: Path


def find_migrations(paths: list[str | Path]) -> list[MigrationFile]:
    """Every migration file in ``paths`` (folders or files), sorted by name.

    Like Laravel, every ``.py`` file of a folder is a migration (files starting with ``_``
    are skipped, so helpers and ``__init__.py`` can live next to them); the timestamp
    prefix that ``make:migration`` writes keeps them in order.
    """
    found: dict[str, MigrationFile] = {}
    for entry in paths:
        path = Path(entry)
        files = sorted(path.glob("*.py")) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            if not file.name.startswith("_"):
                found[file.stem] = MigrationFile(file.stem, file.resolve())
    return [found[name] for name in sorted(found)]


def load_migration_class(file: MigrationFile) -> type[Migration]:
    """Import a migration file and return the one Migration subclass it defines."""
    module_name = f"_parvel_migrations.m_{file.name}"
    spec = importlib.util.spec_from_file_location(module_name, file.path)
    if spec is None or spec.loader is None:  # pragma: no cover - only for non-.py paths
        raise MigrationLoadError(f"Cannot import migration file {file.path}.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        sys.modules.pop(module_name, None)
        raise MigrationLoadError(
            f"Migration {file.path}:{exc.lineno} has a syntax error: {exc.msg}.",
            hint="Fix the file and run the command again.",
        ) from exc
    except Exception as exc:
        sys.modules.pop(module_name, None)
        line = error_line(exc, file.path)
        where = f"{file.path}:{line}" if line else str(file.path)
        raise MigrationLoadError(
            f"Migration {where} failed to import: {type(exc).__name__}: {exc}",
            hint="Fix the file and run the command again.",
        ) from exc
    classes = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Migration)
        and obj is not Migration
        and obj.__module__ == module_name
    ]
    if len(classes) != 1:
        found = "no Migration subclass" if not classes else f"{len(classes)} Migration subclasses"
        raise MigrationLoadError(
            f"Migration {file.path} defines {found}; it must define exactly one.",
            hint="Write `class CreatePostsTable(Migration):` with async up() and down() "
            "(from parvel.database.migrations import Migration).",
        )
    return classes[0]


def error_line(exc: BaseException, path: Path) -> int | None:
    """The line of ``path`` that was running when ``exc`` was raised, if it ran there."""
    line: int | None = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path:
            line = frame.lineno
    return line
