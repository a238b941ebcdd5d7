"""``DatabasePresenceVerifier``: the ``unique``/``exists`` rules on Parvel's query builder.

It speaks to a database manager offering ``manager.connection(name).table(t)`` and a query
builder with ``where(column, operator, value)``, ``where_null``, ``where_not_null``,
``where_in``, ``where_not_in`` and ``await count()``. Without an explicit manager it imports ``parvel.database``
lazily (at the first query), so the validation component works without the database layer.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

from parvel.validation.contracts import WhereClause
from parvel.validation.exceptions import ValidationConfigError


class DatabasePresenceVerifier:
    """Counts rows through the database manager's query builder.

    Example:
        >>> # Validator.set_presence_verifier(DatabasePresenceVerifier(db_manager))
    """

    def __init__(self, manager: Any = None) -> None:
        """Use ``manager`` (``parvel.database``'s default manager when ``None``).

        Args:
            manager: An object with ``connection(name)`` returning a connection with ``table(t)``.
        """
        self._manager = manager

    def _resolve_manager(self) -> Any:
        if self._manager is None:
            try:
                database = importlib.import_module("parvel.database")
            except ImportError:
                database = None
            manager = getattr(database, "DB", None) if database is not None else None
            if manager is None:
                raise ValidationConfigError(
                    "DatabasePresenceVerifier has no database manager.",
                    hint="Pass the manager: DatabasePresenceVerifier(manager).",
                )
            self._manager = manager
        return self._manager

    def _table(self, table: str, connection: str | None) -> Any:
        return self._resolve_manager().connection(connection).table(table)

    @staticmethod
    def _apply(query: Any, extra: Sequence[WhereClause]) -> Any:
        for column, operator, value in extra:
            if operator == "null":
                query = query.where_null(column)
            elif operator == "not_null":
                query = query.where_not_null(column)
            elif operator == "in":
                query = query.where_in(column, list(value))
            elif operator == "not_in":
                query = query.where_not_in(column, list(value))
            elif operator == "callback":
                result = value(query)
                query = query if result is None else result
            else:
                query = query.where(column, "<>" if operator == "!=" else operator, value)
        return query

    async def get_count(
        self,
        table: str,
        column: str,
        value: Any,
        excluded_id: Any = None,
        id_column: str | None = None,
        extra: Sequence[WhereClause] = (),
        connection: str | None = None,
    ) -> int:
        """Count rows where ``column = value`` (see ``PresenceVerifier.get_count``).

        Args:
            table: The table name.
            column: The compared column.
            value: The value.
            excluded_id: A primary key to leave out.
            id_column: The key column (default ``"id"``).
            extra: Additional conditions.
            connection: The connection name.

        Returns:
            The number of rows.
        """
        query = self._table(table, connection).where(column, "=", value)
        if excluded_id is not None:
            query = query.where(id_column or "id", "<>", excluded_id)
        return int(await self._apply(query, extra).count())

    async def get_multi_count(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        extra: Sequence[WhereClause] = (),
        connection: str | None = None,
    ) -> int:
        """Count distinct matching values of ``column`` (see ``PresenceVerifier``).

        Args:
            table: The table name.
            column: The compared column.
            values: The values.
            extra: Additional conditions.
            connection: The connection name.

        Returns:
            The number of rows.
        """
        query = self._table(table, connection).where_in(column, list(values))
        return int(await self._apply(query, extra).count())
