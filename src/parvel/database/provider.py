"""Binds the database manager (``"db"``) and the schema builder from config/database.py."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider

if TYPE_CHECKING:
    from parvel.database.manager import DatabaseManager
    from parvel.foundation.application import Application


class DatabaseServiceProvider(ServiceProvider):
    """Registers :class:`DatabaseManager` (``DB``), the schema builder (``Schema``) and commands.

    Relative SQLite paths in the config are resolved against the app's base path; every pool
    closes when the app terminates.
    """

    def register(self) -> None:
        """Bind ``"db"`` and ``"db.schema"`` lazily: nothing connects until a query runs."""
        from parvel.database import commands
        from parvel.database._scope import RequestConnections

        self.app.singleton("db", self._make)
        self.app.request_scopes.append(RequestConnections())
        self.app.class_alias("db", "parvel.database.manager:DatabaseManager")
        self.app.bind("db.schema", _schema)
        self.app.class_alias("db.schema", "parvel.database.schema.builder:SchemaBuilder")
        self.commands(commands.ALL)

    def _make(self, container: Container) -> DatabaseManager:
        from parvel.database.manager import DatabaseManager

        app: Application = self.app
        config = database_config(app.config.get("database", {}) or {}, app.base_path())
        manager = DatabaseManager(config)
        app.terminating(manager.disconnect_all)
        return manager


def _schema(container: Container) -> Any:
    from parvel.database.schema import SchemaBuilder

    return SchemaBuilder(container.make("db").connection())


def database_config(config: dict[str, Any], base: Path) -> dict[str, Any]:
    """A copy of ``config`` with relative SQLite database paths made absolute."""
    resolved = copy.deepcopy(config)
    for settings in (resolved.get("connections") or {}).values():
        if not isinstance(settings, dict) or settings.get("driver") != "sqlite":
            continue
        database = settings.get("database")
        if (
            isinstance(database, str)
            and database
            and database != ":memory:"
            and not settings.get("url")
        ):
            path = Path(database)
            settings["database"] = str(path if path.is_absolute() else base / path)
    return resolved
