"""The migration commands' console output and exit codes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.console import Console

from parvel.database.migrations import Migrator
from parvel.database.migrations.commands import (
    make_migration,
    migrate,
    migrate_fresh,
    migrate_install,
    migrate_refresh,
    migrate_reset,
    migrate_rollback,
    migrate_status,
)
from parvel.database.schema import SchemaBuilder

A = "2024_01_01_000000_create_mg_a_table"
B = "2024_01_02_000000_create_mg_b_table"


def console() -> Console:
    return Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)


def text(out: Console) -> str:
    return out.file.getvalue()  # type: ignore[attr-defined]


async def test_migrate_rollback_status_output(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    out = console()
    assert await migrate_status(migrator, out) == 1
    assert "Migration table not found." in text(out)
    out = console()
    assert await migrate(migrator, out) == 0
    assert "INFO  Preparing database." in text(out)
    assert "INFO  Running migrations." in text(out)
    line = next(x for x in text(out).splitlines() if A in x)
    assert line.strip().startswith(f"{A} .")
    assert line.strip().endswith("ms DONE")
    out = console()
    assert await migrate(migrator, out) == 0
    assert "Nothing to migrate." in text(out)
    write_migration(B)
    out = console()
    assert await migrate_status(migrator, out) == 0
    status = text(out)
    assert "Migration name" in status
    assert "Batch / Status" in status
    assert any(A in x and "[1] Ran" in x for x in status.splitlines())
    assert any(B in x and "Pending" in x for x in status.splitlines())
    out = console()
    assert await migrate_status(migrator, out, pending=True) == 0
    assert A not in text(out)
    out = console()
    assert await migrate_rollback(migrator, out) == 0
    assert "Rolling back migrations." in text(out)
    assert A in text(out)
    out = console()
    assert await migrate_rollback(migrator, out) == 0
    assert "Nothing to rollback." in text(out)


async def test_pretend_output(migrator: Migrator, write_migration: Callable[..., Path]) -> None:
    write_migration(A)
    out = console()
    assert await migrate(migrator, out, pretend=True) == 0
    assert "⇂ create table" in text(out)
    assert not await migrator.repository.exists()


async def test_failure_and_production_exit_codes(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    path = write_migration(
        A,
        """
        from parvel.database.migrations import Migration


        class Broken(Migration):
            async def up(self) -> None:
                await self.db.statement("select * from mg_missing_table")
        """,
    )
    out = console()
    assert await migrate(migrator, out) == 1
    assert "ERROR" in text(out)
    assert f"{path}:6" in text(out)
    assert "FAIL" in text(out)
    graceful = console()
    assert await migrate(migrator, graceful, graceful=True) == 0
    assert "ERROR" in text(graceful)
    migrator.environment = "production"
    for command in (migrate, migrate_reset, migrate_refresh, migrate_fresh, migrate_rollback):
        out = console()
        assert await command(migrator, out) == 1
        assert "Pass --force" in text(out)


async def test_install_reset_refresh_fresh(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    out = console()
    assert await migrate_install(migrator, out) == 0
    assert await migrator.repository.exists()
    write_migration(A)
    write_migration(B)
    assert await migrate(migrator, console(), step=True) == 0
    assert await migrator.repository.get_batches() == {A: 1, B: 2}
    assert await migrate_refresh(migrator, console(), step=1) == 0
    assert await migrator.repository.get_batches() == {A: 1, B: 2}
    assert await migrate_reset(migrator, console()) == 0
    assert await migrator.repository.get_batches() == {}
    out = console()
    assert await migrate_fresh(migrator, out) == 0
    assert "Dropping all tables" in text(out)
    assert await migrator.repository.get_batches() == {A: 1, B: 1}


async def test_migrate_fresh_seed(
    migrator: Migrator, write_migration: Callable[..., Path], tmp_path: Path
) -> None:
    write_migration(A)
    seeders = tmp_path / "app" / "database" / "seeders"
    seeders.mkdir(parents=True)
    (seeders / "database_seeder.py").write_text(
        "from parvel.database.seeding import Seeder\n\n\n"
        "class DatabaseSeeder(Seeder):\n"
        "    async def run(self) -> None:\n"
        '        await self.db.table("mg_a").insert({"name": "seeded"})\n'
    )
    out = console()
    assert await migrate_fresh(migrator, out, seed=True, seeders_path=seeders) == 0
    assert "Seeding database." in text(out)
    assert await migrator.connection().table("mg_a").value("name") == "seeded"


async def test_make_migration_command(tmp_path: Path) -> None:
    out = console()
    code = await make_migration(
        out, "create_flights_table", path=tmp_path, now=datetime(2024, 1, 1)
    )
    assert code == 0
    assert (tmp_path / "2024_01_01_000000_create_flights_table.py").is_file()
    assert "created successfully" in text(out)
    assert await make_migration(out, "create_flights_table", path=tmp_path) == 1


async def test_isolated_skips_while_another_migrate_holds_the_lock(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    async with migrator.lock() as held:
        assert held
        out = console()
        assert await migrate(migrator, out, isolated=True) == 0
        assert "Another migration command is running" in text(out)
        assert not await migrator.repository.exists()
        async with migrator.lock() as second:
            assert second is False
    out = console()
    assert await migrate(migrator, out, isolated=True) == 0
    assert A in text(out)
    conn = migrator.connection()
    await conn.table("mg_migrations_lock").insert(
        {"key": "migrate", "owner": "crashed", "expiration": 1}
    )
    async with migrator.lock() as taken_over:  # an abandoned lock is taken over
        assert taken_over
    assert await conn.table("mg_migrations_lock").count() == 0


async def test_migrate_fresh_drop_views_and_step(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    write_migration(B)
    assert await migrate(migrator, console()) == 0
    conn = migrator.connection()
    await conn.statement("create view mg_a_names as select name from mg_a")
    schema = SchemaBuilder(conn)
    assert await schema.has_view("mg_a_names")
    assert await migrate_fresh(migrator, console(), drop_views=True, step=True) == 0
    assert not await schema.has_view("mg_a_names")
    assert await migrator.repository.get_batches() == {A: 1, B: 2}


async def test_migrate_fresh_drop_types(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    conn = migrator.connection()
    schema = SchemaBuilder(conn)
    if conn.driver != "pgsql":
        out = console()
        assert await migrate_fresh(migrator, out, drop_types=True) == 1
        assert "no user-defined types" in text(out)
        return
    await conn.statement("create type mg_mood as enum ('sad', 'happy')")
    await conn.statement("create domain mg_positive as integer check (value > 0)")
    assert {t["name"] for t in await schema.get_types()} >= {"mg_mood", "mg_positive"}
    assert await migrate_fresh(migrator, console(), drop_types=True) == 0
    assert await schema.get_types() == []
    assert await migrator.repository.get_batches() == {A: 1}
