"""The migrator on SQLite, PostgreSQL and MariaDB with temporary migration folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parvel.database.migrations import (
    MigrationError,
    MigrationEvent,
    MigrationFailed,
    MigrationLoadError,
    Migrator,
    ProductionGuard,
)
from parvel.database.schema import SchemaBuilder

A = "2024_01_01_000000_create_mg_a_table"
B = "2024_01_02_000000_create_mg_b_table"
C = "2024_01_03_000000_create_mg_c_table"


def schema_of(migrator: Migrator) -> SchemaBuilder:
    return SchemaBuilder(migrator.connection())


async def batches(migrator: Migrator) -> dict[str, int]:
    return await migrator.repository.get_batches()


async def test_run_records_one_batch_then_nothing(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    write_migration(B)
    assert await migrator.run() == [A, B]
    assert await batches(migrator) == {A: 1, B: 1}
    assert await schema_of(migrator).has_table("mg_a")
    assert await migrator.run() == []
    write_migration(C)
    assert await migrator.run() == [C]
    assert (await batches(migrator))[C] == 2


async def test_step_gives_each_migration_its_batch(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    for name in (A, B, C):
        write_migration(name)
    await migrator.run(step=True)
    assert await batches(migrator) == {A: 1, B: 2, C: 3}
    assert await migrator.rollback() == [C]
    assert await migrator.rollback(step=2) == [B, A]
    assert not await schema_of(migrator).has_table("mg_a")


async def test_rollback_last_batch_and_by_batch(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    await migrator.run()
    write_migration(B)
    write_migration(C)
    await migrator.run()
    assert await migrator.rollback(batch=1) == [A]
    assert await batches(migrator) == {B: 2, C: 2}
    assert await migrator.rollback() == [C, B]
    assert await batches(migrator) == {}
    assert await migrator.rollback() == []


async def test_reset_refresh_fresh_and_status(
    migrator: Migrator, write_migration: Callable[..., Path], events: list[MigrationEvent]
) -> None:
    write_migration(A)
    await migrator.run()
    write_migration(B)
    status = await migrator.status()
    assert [(s.migration, s.ran, s.batch) for s in status] == [(A, True, 1), (B, False, None)]
    await migrator.run()
    assert await migrator.refresh() == [A, B]
    assert await batches(migrator) == {A: 1, B: 1}
    assert await migrator.refresh(step=1) == [B]
    assert await batches(migrator) == {A: 1, B: 2}
    assert await migrator.reset() == [B, A]
    assert not await schema_of(migrator).has_table("mg_a")
    assert not await schema_of(migrator).has_table("mg_b")
    assert await batches(migrator) == {}
    await schema_of(migrator).connection.statement("create table mg_stray (id integer)")
    assert await migrator.fresh() == [A, B]
    assert not await schema_of(migrator).has_table("mg_stray")
    done = [e.migration for e in events if e.kind == "done" and e.direction == "up"]
    assert done[-2:] == [A, B]


async def test_failing_migration_is_not_recorded_and_retried(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    bad = write_migration(
        B,
        """
        from parvel.database.migrations import Migration


        class CreateMgB(Migration):
            async def up(self) -> None:
                async with self.schema.create("mg_b") as table:
                    table.id()
                await self.db.statement("insert into mg_nowhere (x) values (1)")

            async def down(self) -> None:
                await self.schema.drop_if_exists("mg_b")
        """,
    )
    with pytest.raises(MigrationFailed) as caught:
        await migrator.run()
    message = str(caught.value)
    assert f"{bad}:8" in message
    assert "mg_nowhere" in message
    assert caught.value.line == 8
    assert await batches(migrator) == {A: 1}
    if migrator.connection().supports_transactional_ddl:
        assert not await schema_of(migrator).has_table("mg_b")
    else:  # MySQL commits DDL at once: the table stays, the migration is not recorded
        await schema_of(migrator).drop("mg_b")
    write_migration(B)
    assert await migrator.run() == [B]
    assert await batches(migrator) == {A: 1, B: 2}


async def test_bad_files_give_one_clear_error(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    broken = write_migration(A, "class Oops(:\n    pass\n")
    with pytest.raises(MigrationLoadError, match=rf"{broken}:1 has a syntax error"):
        await migrator.run()
    write_migration(A, "x = 1\n")
    with pytest.raises(MigrationLoadError, match="defines no Migration subclass"):
        await migrator.run()
    write_migration(A, "import nowhere_at_all\n")
    with pytest.raises(MigrationLoadError, match=r":1 failed to import: ModuleNotFoundError"):
        await migrator.run()
    assert not await schema_of(migrator).has_table("mg_a")


async def test_pretend_shows_sql_and_changes_nothing(
    migrator: Migrator, write_migration: Callable[..., Path], events: list[MigrationEvent]
) -> None:
    write_migration(A)
    assert await migrator.run(pretend=True) == [A]
    pretend = [e for e in events if e.kind == "pretend"]
    assert len(pretend) == 1
    assert pretend[0].queries[0].startswith("create table")
    assert "mg_a" in pretend[0].queries[0]
    assert not await schema_of(migrator).has_table("mg_a")
    await migrator.run()
    events.clear()
    assert await migrator.rollback(pretend=True) == [A]
    assert "drop table if exists" in events[0].queries[0]
    assert await schema_of(migrator).has_table("mg_a")


async def test_production_needs_force(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    migrator.environment = "production"
    with pytest.raises(ProductionGuard, match="production"):
        await migrator.run()
    assert not await schema_of(migrator).has_table("mg_a")
    assert await migrator.run(force=True) == [A]
    with pytest.raises(ProductionGuard):
        await migrator.fresh()


async def test_missing_file_on_rollback_is_reported(
    migrator: Migrator, write_migration: Callable[..., Path], events: list[MigrationEvent]
) -> None:
    path = write_migration(A)
    await migrator.run()
    path.unlink()
    assert await migrator.rollback() == []
    assert events[-1].kind == "missing"
    await schema_of(migrator).drop("mg_a")


async def test_alter_migration_with_foreign_keys(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    write_migration(A)
    write_migration(
        B,
        """
        from parvel.database.migrations import Migration


        class CreateMgB(Migration):
            async def up(self) -> None:
                async with self.schema.create("mg_b") as table:
                    table.id()
                    table.foreign_id("a_id").constrained("mg_a").cascade_on_delete()
                await self.db.table("mg_a").insert({"name": "x"})
                await self.db.table("mg_b").insert({"a_id": 1})

            async def down(self) -> None:
                await self.schema.drop_if_exists("mg_b")
        """,
    )
    write_migration(
        C,
        """
        from parvel.database.migrations import Migration


        class DropNameFromMgA(Migration):
            async def up(self) -> None:
                async with self.schema.table("mg_a") as table:
                    table.drop_column("name")

            async def down(self) -> None:
                async with self.schema.table("mg_a") as table:
                    table.string("name").nullable()
        """,
    )
    await migrator.run()
    conn = migrator.connection()
    assert await conn.table("mg_b").count() == 1
    assert await schema_of(migrator).get_column_listing("mg_a") == ["id"]
    await migrator.rollback(step=1)
    assert await schema_of(migrator).get_column_listing("mg_a") == ["id", "name"]
    assert await conn.table("mg_b").count() == 1


async def test_migration_options_connection_and_transaction(
    migrator: Migrator, write_migration: Callable[..., Path]
) -> None:
    name = migrator.connection().name
    write_migration(
        A,
        f"""
        from parvel.database.migrations import Migration


        class CreateMgA(Migration):
            connection = "{name}"
            within_transaction = False

            async def up(self) -> None:
                assert self.db.transaction_level() == 0
                async with self.schema.create("mg_a") as table:
                    table.id()

            async def down(self) -> None:
                await self.schema.drop("mg_a")
        """,
    )
    assert await migrator.run() == [A]
    single = Migrator(migrator.connection(), migrator.paths, table="mg_migrations")
    assert await single.rollback() == [A]
    write_migration(
        B,
        """
        from parvel.database.migrations import Migration


        class CreateMgB(Migration):
            connection = "elsewhere"
        """,
    )
    with pytest.raises(MigrationError, match=r"asks for the \[elsewhere\] connection"):
        await single.run()


async def test_every_py_file_is_a_migration_except_private_ones(
    migrator: Migrator, write_migration: Callable[..., Path], migrations_dir: Path
) -> None:
    (migrations_dir / "__init__.py").write_text("")
    (migrations_dir / "_helpers.py").write_text("raise RuntimeError('never imported')\n")
    (migrations_dir / "notes.txt").write_text("not python")
    write_migration(A)
    assert await migrator.run() == [A]
    (migrations_dir / "zz_notes.py").write_text("NOTE = 1\n")
    with pytest.raises(MigrationLoadError, match=r"zz_notes.py defines no Migration subclass"):
        await migrator.run()


async def test_should_run_false_skips_without_recording(
    migrator: Migrator, write_migration: Callable[..., Path], events: list[MigrationEvent]
) -> None:
    write_migration(
        A,
        """
        import os

        from parvel.database.migrations import Migration


        class CreateMgA(Migration):
            async def should_run(self) -> bool:
                return os.environ.get("PARVEL_TEST_FLAG") == "on"

            async def up(self) -> None:
                async with self.schema.create("mg_a") as table:
                    table.id()
        """,
    )
    write_migration(B)
    assert await migrator.run() == [B]
    assert [e.kind for e in events if e.migration == A] == ["skipped"]
    assert await batches(migrator) == {B: 1}
    assert not await schema_of(migrator).has_table("mg_a")
