"""Database fixtures: the same tests run on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from parvel.database import Connection, DatabaseManager

ISOLATED = f"parvel_db_tests_{os.getpid()}"
"""PostgreSQL schema / MariaDB database of this test run, so runs sharing ``test`` never collide."""
_prepared: dict[str, dict[str, Any]] = {}


async def _prepare_namespace(driver: str, base: dict[str, Any]) -> None:
    if driver in _prepared:
        return
    admin = DatabaseManager({"default": "a", "connections": {"a": base}})
    if driver == "pgsql":
        await admin.statement(f"create schema if not exists {ISOLATED}")
    else:
        await admin.statement(f"create database if not exists {ISOLATED}")
    await admin.disconnect_all()
    _prepared[driver] = dict(base)


async def _drop_namespaces() -> None:
    for driver, base in _prepared.items():
        admin = DatabaseManager({"default": "a", "connections": {"a": base}})
        kind = "schema" if driver == "pgsql" else "database"
        cascade = " cascade" if driver == "pgsql" else ""
        await admin.statement(f"drop {kind} if exists {ISOLATED}{cascade}")
        await admin.disconnect_all()
    _prepared.clear()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Drop this run's schema/database."""
    if _prepared:
        asyncio.run(_drop_namespaces())


def config_for(driver: str, request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """A connection config for ``driver`` against the machine's test services."""
    if driver == "sqlite":
        return {"driver": "sqlite", "database": str(tmp_path / "test.sqlite")}
    service = request.getfixturevalue(f"{driver}_service")
    return {
        "driver": driver,
        "host": service.host,
        "port": service.port,
        "database": service.database,
        "username": service.user,
        "password": service.password,
        "pool": {"min_size": 1, "max_size": 4},
    }


@pytest.fixture(params=["sqlite", "pgsql", "mysql"])
def driver(request: pytest.FixtureRequest) -> str:
    """The dialect under test."""
    return str(request.param)


@pytest.fixture
async def manager(
    driver: str, request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[DatabaseManager]:
    """A manager whose default connection is the dialect under test (isolated namespace)."""
    config = config_for(driver, request, tmp_path)
    if driver != "sqlite":
        await _prepare_namespace(driver, config)
        if driver == "pgsql":
            config["search_path"] = ISOLATED
        else:
            config["database"] = ISOLATED
    db = DatabaseManager({"default": driver, "connections": {driver: config}})
    yield db
    await db.disconnect_all()


ID = {
    "sqlite": "integer primary key autoincrement",
    "pgsql": "serial primary key",
    "mysql": "integer primary key auto_increment",
}
JSON = {"sqlite": "text", "pgsql": "jsonb", "mysql": "json"}


async def create_users(conn: Connection) -> None:
    """(Re)create the ``users`` and ``posts`` test tables."""
    await conn.statement("drop table if exists posts")
    await conn.statement("drop table if exists users")
    await conn.statement(
        f"create table users (id {ID[conn.grammar.name]}, name varchar(100) not null, "
        f"email varchar(190) unique, votes integer default 0 not null, "
        f"meta {JSON[conn.grammar.name]} null, created_at timestamp null)"
    )
    await conn.statement(
        f"create table posts (id {ID[conn.grammar.name]}, user_id integer not null, "
        f"title varchar(200) not null, body text null)"
    )


@pytest.fixture
async def connection(manager: DatabaseManager) -> AsyncIterator[Connection]:
    """A connection to the dialect under test, with fresh ``users`` and ``posts`` tables."""
    conn = manager.connection()
    await create_users(conn)
    yield conn
    await conn.statement("drop table if exists posts")
    await conn.statement("drop table if exists users")


@pytest.fixture
async def isolated_manager(
    manager: DatabaseManager, request: pytest.FixtureRequest
) -> AsyncIterator[DatabaseManager]:
    """Like ``manager``, but on PostgreSQL/MariaDB in a schema/database of this process.

    Test runs on the shared servers cannot touch each other's tables (``migrate:fresh``
    drops every table of its database).
    """
    isolated_name = f"parvel_{request.path.parent.name[:2]}_{os.getpid()}"
    name = manager.get_default_connection()
    config = dict(manager.configuration(name))
    if config["driver"] == "sqlite":
        yield manager
        return
    conn = manager.connection()
    if config["driver"] == "pgsql":
        await conn.statement(f"create schema if not exists {isolated_name}")
        config["search_path"] = isolated_name
    else:
        await conn.statement(f"create database if not exists {isolated_name}")
        config["database"] = isolated_name
    isolated = DatabaseManager({"default": name, "connections": {name: config}})
    yield isolated
    await isolated.disconnect_all()
    kind = "schema" if config["driver"] == "pgsql" else "database"
    cascade = " cascade" if kind == "schema" else ""
    await conn.statement(f"drop {kind} if exists {isolated_name}{cascade}")
