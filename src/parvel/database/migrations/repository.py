"""The ``migrations`` table: which migrations ran, in which batch."""

from __future__ import annotations

from typing import Any

from parvel.database.connection import Connection
from parvel.database.schema import SchemaBuilder


class MigrationRepository:
    """Read and write the migrations table on one connection.

    Attributes:
        connection: Where the table lives.
        table: Its name (``migrations`` by default).
    """

    def __init__(self, connection: Connection, table: str = "migrations") -> None:
        self.connection = connection
        self.table = table

    async def exists(self) -> bool:
        """True when the migrations table exists."""
        return await SchemaBuilder(self.connection).has_table(self.table)

    async def create(self) -> None:
        """Create the migrations table."""
        async with SchemaBuilder(self.connection).create(self.table) as table:
            table.increments("id")
            table.string("migration")
            table.integer("batch")

    async def get_ran(self) -> list[str]:
        """Names of the migrations that ran, oldest batch first."""
        rows = await self.connection.table(self.table).order_by("batch").order_by("migration").get()
        return [str(row["migration"]) for row in rows]

    async def get_batches(self) -> dict[str, int]:
        """Each ran migration's batch number."""
        rows = await self.connection.table(self.table).get()
        return {str(row["migration"]): int(row["batch"]) for row in rows}

    async def get_migrations(self, steps: int) -> list[dict[str, Any]]:
        """The last ``steps`` migrations, newest first."""
        query = self.connection.table(self.table).where("batch", ">=", 1)
        rows = (
            await query.order_by("batch", "desc").order_by("migration", "desc").limit(steps).get()
        )
        return list(rows)

    async def get_migrations_by_batch(self, batch: int) -> list[dict[str, Any]]:
        """The migrations of one batch, newest first."""
        query = self.connection.table(self.table).where("batch", batch)
        return list(await query.order_by("migration", "desc").get())

    async def get_last(self) -> list[dict[str, Any]]:
        """The migrations of the last batch, newest first."""
        return await self.get_migrations_by_batch(await self.get_last_batch_number())

    async def get_all_newest_first(self) -> list[dict[str, Any]]:
        """Every ran migration, newest first."""
        query = self.connection.table(self.table)
        return list(await query.order_by("batch", "desc").order_by("migration", "desc").get())

    async def get_last_batch_number(self) -> int:
        """The highest batch number (0 when nothing ran)."""
        value = await self.connection.table(self.table).max("batch")
        return int(value or 0)

    async def get_next_batch_number(self) -> int:
        """The batch number the next ``migrate`` uses."""
        return await self.get_last_batch_number() + 1

    async def log(self, migration: str, batch: int) -> None:
        """Record that a migration ran."""
        await self.connection.table(self.table).insert({"migration": migration, "batch": batch})

    async def delete(self, migration: str) -> None:
        """Forget a migration (after rolling it back)."""
        await self.connection.table(self.table).where("migration", migration).delete()
