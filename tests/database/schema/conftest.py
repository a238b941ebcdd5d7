"""Schema builder fixtures: a SchemaBuilder per dialect that drops every ``sb_`` table after."""

from __future__ import annotations

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


@pytest.fixture
async def schema(isolated_manager: DatabaseManager) -> AsyncIterator[SchemaBuilder]:
    """A schema builder on the dialect under test; ``sb_*`` tables are dropped before and after."""
    builder = SchemaBuilder(isolated_manager.connection())
    await drop_test_tables(builder)
    yield builder
    await drop_test_tables(builder)
