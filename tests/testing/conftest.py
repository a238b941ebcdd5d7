"""Fixtures: a real Parvel app in tmp_path with routes and views registered by the test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parvel.foundation import Application
from parvel.routing import GroupAttributes, Router

APP_KEY = "base64:" + "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU="


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Application]:
    """Build and boot an app: ``routes(router)`` runs in the ``web`` group; ``views`` are files."""

    def factory(
        routes: Callable[[Router], Any], *, views: dict[str, str] | None = None
    ) -> Application:
        for name, source in (views or {}).items():
            path = tmp_path / "resources/views" / (name.replace(".", "/") + ".blade.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
        app = Application(base_path=tmp_path)
        app.config.set(
            {
                "app.debug": False,
                "app.env": "testing",
                "app.key": APP_KEY,
                "app.url": "http://localhost",
            }
        )

        def then(application: Any) -> None:
            router: Router = application.make("router")
            router.group(GroupAttributes(middleware=["web"]), lambda: routes(router))

        app.settings["routing"] = {"health": "/up", "then": then}
        return app.bootstrap()

    return factory


async def _private_database(service: Any, driver: str) -> tuple[dict[str, str], Any]:
    """Create a database of its own on a shared server; returns the env and a dropper."""
    import os

    from parvel.database import DatabaseManager
    from parvel.database.schema.builder import SchemaBuilder

    name = f"parvel_toolkit_{os.getpid()}"
    manager = DatabaseManager(
        {
            "default": "server",
            "connections": {
                "server": {
                    "driver": driver,
                    "host": service.host,
                    "port": service.port,
                    "database": service.database,
                    "username": service.user,
                    "password": service.password or "",
                }
            },
        }
    )
    schema = SchemaBuilder(manager.connection())
    await schema.drop_database_if_exists(name)
    await schema.create_database(name)
    await manager.disconnect_all()

    async def drop() -> None:
        for database in (name, f"{name}_test_gw0", f"{name}_test_gw1"):  # + xdist workers'
            await schema.drop_database_if_exists(database)
        await manager.disconnect_all()

    env = {
        "DB_CONNECTION": driver,
        "DB_HOST": service.host,
        "DB_PORT": str(service.port),
        "DB_DATABASE": name,
        "DB_USERNAME": service.user,
        "DB_PASSWORD": service.password or "",
    }
    return env, drop


@pytest.fixture
async def pgsql_env(pgsql_service: Any) -> Any:
    """DB_* variables for a PostgreSQL database private to this test."""
    env, drop = await _private_database(pgsql_service, "pgsql")
    yield env
    await drop()


@pytest.fixture
async def mariadb_env(mysql_service: Any) -> Any:
    """DB_* variables for a MariaDB database private to this test."""
    env, drop = await _private_database(mysql_service, "mariadb")
    yield env
    await drop()
