"""Migration fixtures: a temporary migrations folder and a migrator on each dialect."""

from __future__ import annotations

import textwrap
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from parvel.database import DatabaseManager
from parvel.database.migrations import MigrationEvent, Migrator
from parvel.database.schema import SchemaBuilder

CREATE = """
from parvel.database.migrations import Migration


class Create{cls}(Migration):
    async def up(self) -> None:
        async with self.schema.create("{table}") as table:
            table.id()
            table.string("name").nullable()

    async def down(self) -> None:
        await self.schema.drop_if_exists("{table}")
"""


async def drop_mg_tables(schema: SchemaBuilder) -> None:
    """Drop every ``mg_`` table, ignoring foreign keys."""
    tables = [t for t in await schema.get_tables() if t.startswith("mg_")]
    if tables and schema.connection.driver == "sqlite":
        await schema.connection.statement("pragma foreign_keys = off")
    for sql in schema.grammar.compile_drop_all_tables(tables):
        await schema.connection.statement(sql)
    if tables and schema.connection.driver == "sqlite":
        await schema.connection.statement("pragma foreign_keys = on")


@pytest.fixture
def migrations_dir(tmp_path: Path) -> Path:
    """An empty folder for migration files."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    return folder


@pytest.fixture
def write_migration(migrations_dir: Path) -> Callable[..., Path]:
    """``write_migration("2024_01_01_000000_create_mg_a_table", source=None, table=...)``."""

    def write(name: str, source: str | None = None, *, table: str | None = None) -> Path:
        if source is None:
            table = table or name.split("create_", 1)[1].removesuffix("_table")
            cls = "".join(p.title() for p in table.split("_"))
            source = CREATE.format(cls=cls, table=table)
        path = migrations_dir / f"{name}.py"
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
        return path

    return write


@pytest.fixture
def events() -> list[MigrationEvent]:
    """Events the migrator reported."""
    return []


@pytest.fixture
async def migrator(
    isolated_manager: DatabaseManager, migrations_dir: Path, events: list[MigrationEvent]
) -> AsyncIterator[Migrator]:
    """A migrator over ``migrations_dir`` recording into ``mg_migrations``."""
    schema = SchemaBuilder(isolated_manager.connection())
    await drop_mg_tables(schema)
    yield Migrator(isolated_manager, [migrations_dir], table="mg_migrations", output=events.append)
    await drop_mg_tables(schema)
