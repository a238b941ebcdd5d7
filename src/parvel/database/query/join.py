"""JOIN clauses: ``join("contacts", "users.id", "=", "contacts.user_id")`` or a closure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from parvel.database.query._where import MISSING
from parvel.database.query.builder import Builder
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.connection import Connection


class JoinClause(Builder):
    """One JOIN: its type, table and ``on``/``where`` conditions."""

    def __init__(self, parent: Builder, join_type: str, table: str | Expression) -> None:
        super().__init__(parent.connection)
        self.join_type = join_type
        self.table = table
        self._parent_connection: Connection = parent.connection

    def on(
        self, first: Any, operator: Any = MISSING, second: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """Compare two columns: ``on("users.id", "=", "contacts.user_id")``."""
        if callable(first) and operator is MISSING:
            return self.where_nested(first, boolean)
        return self.where_column(first, operator, second, boolean)

    def or_on(self, first: Any, operator: Any = MISSING, second: Any = MISSING) -> Self:
        """``or`` column comparison."""
        return self.on(first, operator, second, "or")

    def new_query(self) -> JoinClause:
        """Nested groups inside a join are join clauses too."""
        return JoinClause(self, self.join_type, self.table)
