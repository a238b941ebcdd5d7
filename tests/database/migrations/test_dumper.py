"""schema:dump and loading the dump before migrating an empty database."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from parvel.database.migrations import Migrator
from parvel.database.migrations.commands import migrate, schema_dump
from parvel.database.schema import SchemaBuilder

A = "2024_01_01_000000_create_mg_a_table"
B = "2024_01_02_000000_create_mg_b_table"
C = "2024_01_03_000000_create_mg_c_table"


def console() -> Console:
    return Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)


async def test_dump_prune_then_load_and_continue(
    migrator: Migrator, write_migration: Callable[..., Path], tmp_path: Path
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
                    table.string("code").unique()
        """,
    )
    await migrator.run()
    dump = tmp_path / "schema" / "test-schema.sql"
    out = console()
    assert await schema_dump(migrator, out, path=dump, prune=True) == 0
    assert "dumped" in out.file.getvalue()  # type: ignore[attr-defined]
    assert dump.is_file()
    assert migrator.files() == []
    text = dump.read_text()
    assert "mg_b" in text
    assert A in text

    schema = SchemaBuilder(migrator.connection())
    await schema.drop("mg_b")
    await schema.drop("mg_a")
    await schema.drop("mg_migrations")

    write_migration(C)
    loaded = Migrator(migrator.source, migrator.paths, table="mg_migrations", schema_path=dump)
    out = console()
    assert await migrate(loaded, out) == 0
    printed = out.file.getvalue()  # type: ignore[attr-defined]
    assert "Loading stored database schemas." in printed
    assert C in printed
    assert await loaded.repository.get_batches() == {A: 1, B: 1, C: 2}
    assert await schema.has_index("mg_b", "mg_b_code_unique")
    fks = await schema.get_foreign_keys("mg_b")
    assert fks[0]["foreign_table"] == "mg_a"
    conn = migrator.connection()
    await conn.table("mg_a").insert({"name": "x"})
    await conn.table("mg_b").insert({"a_id": 1, "code": "k"})
    await conn.table("mg_a").delete()
    assert await conn.table("mg_b").count() == 0
    assert await loaded.load_schema_dump() is False  # only into an empty database
