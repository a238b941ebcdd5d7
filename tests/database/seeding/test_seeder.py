"""Seeders calling seeders, db:seed and make:seeder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from parvel.database import Connection, DatabaseManager
from parvel.database.seeding import (
    Seeder,
    SeederError,
    SeederLoader,
    SeederNotFound,
    WithoutModelEvents,
    create_seeder,
)
from parvel.database.seeding.commands import db_seed, make_seeder

USER_SEEDER = """
from parvel.database.seeding import Seeder


class UserSeeder(Seeder):
    async def run(self) -> None:
        await self.db.table("sd_people").insert({"name": "Ada", "source": "users"})
"""

DATABASE_SEEDER = """
from parvel.database.seeding import Seeder
from database.seeders.user_seeder import UserSeeder


class DatabaseSeeder(Seeder):
    async def run(self) -> None:
        await self.call([UserSeeder, "PostSeeder"])
"""

POST_SEEDER = """
from parvel.database.seeding import Seeder


class PostSeeder(Seeder):
    async def run(self, count: int = 2) -> None:
        for i in range(count):
            await self.db.table("sd_people").insert({"name": f"p{i}", "source": "posts"})
"""


def output(console: Console) -> str:
    return console.file.getvalue()  # type: ignore[attr-defined]


async def test_db_seed_runs_database_seeder_calling_others(
    seed_table: Connection,
    isolated_manager: DatabaseManager,
    console: Console,
    seeders_dir: Path,
    write_seeder: Callable[[str, str], Path],
) -> None:
    write_seeder("user_seeder", USER_SEEDER)
    write_seeder("post_seeder", POST_SEEDER)
    write_seeder("database_seeder", DATABASE_SEEDER)
    assert await db_seed(isolated_manager, console, path=seeders_dir) == 0
    rows = await seed_table.table("sd_people").order_by("id").get()
    assert [r["source"] for r in rows] == ["users", "posts", "posts"]
    text = output(console)
    assert "INFO  Seeding database." in text
    lines = [line.strip() for line in text.splitlines() if "Seeder" in line]
    assert lines[0].startswith("DatabaseSeeder .")
    assert lines[0].endswith("RUNNING")
    assert lines[1].startswith("UserSeeder .")
    assert lines[1].endswith("RUNNING")
    assert lines[2].startswith("UserSeeder .")
    assert lines[2].endswith("ms DONE")
    assert lines[-1].startswith("DatabaseSeeder .")
    assert lines[-1].endswith("ms DONE")


async def test_db_seed_class_option(
    seed_table: Connection,
    isolated_manager: DatabaseManager,
    console: Console,
    seeders_dir: Path,
    write_seeder: Callable[[str, str], Path],
) -> None:
    write_seeder("user_seeder", USER_SEEDER)
    write_seeder("post_seeder", POST_SEEDER)
    assert await db_seed(isolated_manager, console, class_name="PostSeeder", path=seeders_dir) == 0
    assert await seed_table.table("sd_people").count() == 2


async def test_db_seed_errors(
    isolated_manager: DatabaseManager,
    console: Console,
    seeders_dir: Path,
    write_seeder: Callable[[str, str], Path],
) -> None:
    assert await db_seed(isolated_manager, console, class_name="Nope", path=seeders_dir) == 1
    assert "Seeder class 'Nope' was not found" in output(console)
    assert await db_seed(isolated_manager, console, path=seeders_dir, environment="production") == 1
    assert "--force" in output(console)
    write_seeder("broken_seeder", "class BrokenSeeder(:\n")
    with pytest.raises(SeederError, match=r"broken_seeder.py:1 has a syntax error"):
        SeederLoader(seeders_dir).load("BrokenSeeder")


async def test_seeders_with_a_connection_and_parameters(seed_table: Connection) -> None:
    class Inner(Seeder):
        async def run(self, name: str = "x") -> None:
            await self.db.table("sd_people").insert({"name": name, "source": "inner"})

    class Outer(Seeder):
        async def run(self) -> None:
            await self.call(Inner, name="given")
            await self.call_silent([Inner])
            await self.call_with(Inner, {"name": "with"})

    await Outer(seed_table).invoke()
    names = [r["name"] for r in await seed_table.table("sd_people").order_by("id").get()]
    assert names == ["given", "x", "with"]
    with pytest.raises(SeederError, match="not a Seeder class"):
        await Outer(seed_table).call([int])  # type: ignore[list-item]
    with pytest.raises(SeederError, match="no seeders folder"):
        await Outer(seed_table).call("Inner")
    with pytest.raises(SeederError, match="does not define run"):
        await Seeder(seed_table).invoke()


def test_loader_accepts_dotted_names_and_reports_missing(tmp_path: Path) -> None:
    assert SeederLoader(tmp_path).load("parvel.database.seeding:Seeder") is Seeder
    with pytest.raises(SeederNotFound, match="Cannot import seeder module"):
        SeederLoader(tmp_path).load("no_such_module:Thing")
    with pytest.raises(SeederNotFound):
        SeederLoader(tmp_path).load("Missing")


async def test_make_seeder(console: Console, tmp_path: Path) -> None:
    folder = tmp_path / "seeders"
    assert await make_seeder(console, "UserSeeder", path=folder) == 0
    file = folder / "user_seeder.py"
    assert "class UserSeeder(Seeder):" in file.read_text()
    assert SeederLoader(folder).load("UserSeeder").__name__ == "UserSeeder"
    assert await make_seeder(console, "UserSeeder", path=folder) == 1
    assert "already exists" in output(console)
    with pytest.raises(SeederError, match="Invalid seeder name"):
        create_seeder("123", folder)


async def test_without_model_events_mutes_the_orm(seed_table: Connection) -> None:
    from parvel.orm import events

    seen: list[bool] = []

    class Quiet(WithoutModelEvents, Seeder):
        async def run(self) -> None:
            seen.append(events._muted.get())
            await self.call(Loud)

    class Loud(Seeder):
        async def run(self) -> None:
            seen.append(events._muted.get())

    await Quiet(seed_table).invoke()
    await Loud(seed_table).invoke()
    assert seen == [True, True, False]
