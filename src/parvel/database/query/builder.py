"""The fluent query builder (``DB.table("users")``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.connection import Connection


class Builder:
    """Builds one SQL query fluently; terminal methods are async."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.grammar = connection.grammar
        self.from_table: Any = None

    def from_(self, table: str | Expression | Builder, alias: str | None = None) -> Builder:
        """Set the table to query."""
        self.from_table = table if alias is None else f"{table} as {alias}"
        return self
