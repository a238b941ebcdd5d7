"""One driver module per database: SQLite (aiosqlite), PostgreSQL (asyncpg), MySQL/MariaDB (asyncmy)."""

from __future__ import annotations

import importlib
from types import ModuleType

from parvel.database.exceptions import DriverNotInstalled


def import_driver(module: str, extra: str, connection: str) -> ModuleType:
    """Import a driver lazily, telling the user which extra to install when it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise DriverNotInstalled(
            f"The [{connection}] database connection needs the '{module}' package, which is not installed.",
            hint=f"Run: pip install parvel[{extra}]" if extra else f"Run: pip install {module}",
        ) from exc
