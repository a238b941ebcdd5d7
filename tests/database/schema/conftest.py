"""Schema builder fixtures: a SchemaBuilder per dialect that drops every ``sb_`` table after."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from parvel.database import DatabaseManager
from parvel.database.schema import SchemaBuilder


async def drop_test_tables(schema: SchemaBuilder, prefix: str = "sb_") -> None:
    """Drop every table whose name starts with ``prefix``, ignoring foreign keys."""
    tables = [t for t in await schema.get_tables() if t.startswith(prefix)]
    if not tables:
        return
    if schema.connection.driver == "sqlite":
        async with schema.without_foreign_key_constraints():
            for sql in schema.grammar.compile_drop_all_tables(tables):
                await schema.connection.statement(sql)
        return
    for sql in schema.grammar.compile_drop_all_tables(tables):
        await schema.connection.statement(sql)


ISOLATED = f"parvel_sb_{os.getpid()}"


@pytest.fixture
async def isolated_manager(manager: DatabaseManager) -> AsyncIterator[DatabaseManager]:
    """Like ``manager``, but on PostgreSQL/MariaDB in a schema/database of this process.

    Test runs on the shared servers cannot touch each other's tables (``migrate:fresh``
    drops every table of its database).
    """
    name = manager.get_default_connection()
    config = dict(manager.configuration(name))
    if config["driver"] == "sqlite":
        yield manager
        return
    conn = manager.connection()
    if config["driver"] == "pgsql":
        await conn.statement(f"create schema if not exists {ISOLATED}")
        config["search_path"] = ISOLATED
    else:
        await conn.statement(f"create database if not exists {ISOLATED}")
        config["database"] = ISOLATED
    isolated = DatabaseManager({"default": name, "connections": {name: config}})
    yield isolated
    await isolated.disconnect_all()
    kind = "schema" if config["driver"] == "pgsql" else "database"
    cascade = " cascade" if kind == "schema" else ""
    await conn.statement(f"drop {kind} if exists {ISOLATED}{cascade}")


@pytest.fixture
async def schema(isolated_manager: DatabaseManager) -> AsyncIterator[SchemaBuilder]:
    """A schema builder on the dialect under test; ``sb_*`` tables are dropped before and after."""
    builder = SchemaBuilder(isolated_manager.connection())
    await drop_test_tables(builder)
    yield builder
    await drop_test_tables(builder)
