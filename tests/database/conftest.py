"""Database fixtures: the same tests run on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from parvel.database import Connection, DatabaseManager


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
    """A manager whose default connection is the dialect under test."""
    db = DatabaseManager(
        {"default": driver, "connections": {driver: config_for(driver, request, tmp_path)}}
    )
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
