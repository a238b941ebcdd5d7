"""Seeding fixtures: an app-like ``database/seeders`` folder and a table to fill."""

from __future__ import annotations

import io
import textwrap
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from rich.console import Console

from parvel.database import Connection, DatabaseManager
from parvel.database.schema import SchemaBuilder


@pytest.fixture
def console() -> Console:
    """A console writing plain text into ``console.file``."""
    return Console(file=io.StringIO(), width=80, color_system=None, force_terminal=False)


@pytest.fixture
def seeders_dir(tmp_path: Path) -> Path:
    """``<tmp>/database/seeders``."""
    folder = tmp_path / "database" / "seeders"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def write_seeder(seeders_dir: Path) -> Callable[[str, str], Path]:
    """Write ``<seeders_dir>/<file>.py`` from dedented source."""

    def write(file: str, source: str) -> Path:
        path = seeders_dir / f"{file}.py"
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
        return path

    return write


@pytest.fixture
async def seed_table(isolated_manager: DatabaseManager) -> AsyncIterator[Connection]:
    """A connection with an empty ``sd_people`` table."""
    conn = isolated_manager.connection()
    schema = SchemaBuilder(conn)
    await schema.drop_if_exists("sd_people")
    async with schema.create("sd_people") as table:
        table.id()
        table.string("name")
        table.string("source")
    yield conn
    await schema.drop_if_exists("sd_people")
