"""The base class of migration files.

A migration file in ``database/migrations`` defines exactly one subclass::

    class CreatePostsTable(Migration):
        async def up(self) -> None:
            async with self.schema.create("posts") as table:
                table.id()

        async def down(self) -> None:
            await self.schema.drop_if_exists("posts")
"""

from __future__ import annotations

from typing import ClassVar

from parvel.database.connection import Connection
from parvel.database.schema import SchemaBuilder


class Migration:
    """One schema change with ``up()`` and an optional ``down()``.

    Attributes:
        connection: The name of the connection to run on (``None``: the migrator's).
        within_transaction: Run inside a transaction where the dialect allows DDL in one.
        db: The connection the migration runs on (set by the migrator).
        schema: A schema builder on that connection.
    """

    connection: ClassVar[str | None] = None
    within_transaction: ClassVar[bool] = True

    def __init__(self, db: Connection) -> None:
        self.db = db
        self.schema = SchemaBuilder(db)

    async def should_run(self) -> bool:
        """Whether to run this migration now; skipped ones are not recorded (and retried)."""
        return True

    async def up(self) -> None:
        """Apply the change."""

    async def down(self) -> None:
        """Undo the change (does nothing unless overridden)."""
