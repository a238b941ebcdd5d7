"""Insert, update, upsert and delete for the query builder (mixed into :class:`Builder`)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from parvel.database.exceptions import QueryError
from parvel.database.query._state import BuilderState
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder


class WriteMethods(BuilderState):
    """The statements that change rows."""

    @staticmethod
    def _rows(values: Any) -> list[dict[str, Any]]:
        if isinstance(values, dict):
            return [values]
        rows = list(values)
        if rows and any(set(r) != set(rows[0]) for r in rows):
            raise ValueError("Every row of a multi-row insert must have the same columns.")
        return [{k: r[k] for k in rows[0]} for r in rows] if rows else []

    @staticmethod
    def _row_bindings(rows: list[dict[str, Any]]) -> list[Any]:
        return [v for row in rows for v in row.values() if not isinstance(v, Expression)]

    async def insert(self, values: dict[str, Any] | Sequence[dict[str, Any]]) -> bool:
        """Insert one row (a dict) or many (a list of dicts)."""
        rows = self._rows(values)
        if not rows and not isinstance(values, dict):
            return True
        return await self.connection.insert(
            self.grammar.compile_insert(self._as_builder(), rows), self._row_bindings(rows)
        )

    async def insert_get_id(self, values: dict[str, Any], sequence: str | None = None) -> Any:
        """Insert one row and return its auto-increment id."""
        sql = self.grammar.compile_insert_get_id(self._as_builder(), values, sequence or "id")
        return await self.connection.insert_get_id(
            sql, self._row_bindings([values]), sequence or "id"
        )

    async def insert_or_ignore(self, values: dict[str, Any] | Sequence[dict[str, Any]]) -> int:
        """Insert rows, skipping those that break a unique index; returns rows inserted."""
        rows = self._rows(values)
        if not rows:
            return 0
        sql = self.grammar.compile_insert_or_ignore(self._as_builder(), rows)
        return await self.connection.affecting_statement(sql, self._row_bindings(rows))

    async def insert_using(self, columns: Sequence[str], query: Any) -> int:
        """``insert into t (cols) select ...``; returns rows inserted."""
        sql, bindings = self._sub_sql(query)
        return await self.connection.affecting_statement(
            self.grammar.compile_insert_using(self._as_builder(), columns, sql), bindings
        )

    async def upsert(
        self,
        values: dict[str, Any] | Sequence[dict[str, Any]],
        unique_by: str | Sequence[str],
        update: Sequence[str] | dict[str, Any] | None = None,
    ) -> int:
        """Insert rows, updating ``update`` columns of rows that clash on ``unique_by``."""
        rows = self._rows(values)
        if not rows:
            return 0
        unique = [unique_by] if isinstance(unique_by, str) else list(unique_by)
        if update is None:
            update = list(rows[0].keys())
        if not update:
            return await self.insert_or_ignore(rows)
        bindings = self._row_bindings(rows)
        if isinstance(update, dict):
            bindings += [v for v in update.values() if not isinstance(v, Expression)]
        sql = self.grammar.compile_upsert(self._as_builder(), rows, unique, update)
        return await self.connection.affecting_statement(sql, bindings)

    def _write_bindings(self, values: dict[str, Any]) -> list[Any]:
        b = self.bindings
        return [*b["join"], *self.grammar.prepare_update_bindings(values), *b["where"], *b["order"]]

    async def update(self, values: dict[str, Any]) -> int:
        """Update matching rows; returns the number affected."""
        if not values:
            raise ValueError("update() needs at least one column to set.")
        sql = self.grammar.compile_update(self._as_builder(), values)
        if (self.joins and self.grammar.name != "mysql") or (
            (self.limit_value is not None or self.orders) and self.grammar.name != "mysql"
        ):
            bindings = [*self.grammar.prepare_update_bindings(values), *self.get_bindings()]
        else:
            bindings = self._write_bindings(values)
        return await self.connection.update(sql, bindings)

    async def update_or_insert(
        self,
        attributes: dict[str, Any],
        values: dict[str, Any] | Callable[[bool], Any] | None = None,
    ) -> bool:
        """Update the row matching ``attributes``, or insert ``attributes | values``.

        ``values`` may be a function of ``exists`` (True when a row matches) returning the
        values to write, or an awaitable of them.
        """
        exists = await self.clone().where(attributes).exists()
        if callable(values):
            values = values(exists)
            if inspect.isawaitable(values):
                values = await values
        values = dict(cast("dict[str, Any]", values or {}))
        if not exists:
            return await self.insert({**attributes, **values})
        if not values:
            return True
        await self.clone().where(attributes).update(values)
        return True

    async def increment(
        self, column: str, amount: float = 1, extra: dict[str, Any] | None = None
    ) -> int:
        """Add ``amount`` to ``column`` (and set ``extra`` columns); returns rows affected."""
        if not isinstance(amount, (int, float)) or isinstance(amount, bool):
            raise TypeError(f"increment() needs a number, got {amount!r}.")
        wrapped = self.grammar.wrap(column)
        sign = "+" if amount >= 0 else "-"
        return await self.update(
            {column: Expression(f"{wrapped} {sign} {abs(amount)!r}"), **(extra or {})}
        )

    async def decrement(
        self, column: str, amount: float = 1, extra: dict[str, Any] | None = None
    ) -> int:
        """Subtract ``amount`` from ``column``."""
        if not isinstance(amount, (int, float)) or isinstance(amount, bool):
            raise TypeError(f"decrement() needs a number, got {amount!r}.")
        return await self.increment(column, -amount, extra)

    async def increment_each(
        self, columns: dict[str, float], extra: dict[str, Any] | None = None
    ) -> int:
        """Add an amount to several columns at once: ``increment_each({"votes": 5, "balance": 100})``."""
        values: dict[str, Any] = {}
        for column, amount in columns.items():
            if not isinstance(amount, (int, float)) or isinstance(amount, bool):
                raise TypeError(f"increment_each() needs numbers, got {amount!r} for {column!r}.")
            sign = "+" if amount >= 0 else "-"
            values[column] = Expression(f"{self.grammar.wrap(column)} {sign} {abs(amount)!r}")
        return await self.update({**values, **(extra or {})})

    async def decrement_each(
        self, columns: dict[str, float], extra: dict[str, Any] | None = None
    ) -> int:
        """Subtract an amount from several columns at once."""
        return await self.increment_each({c: -a for c, a in columns.items()}, extra)

    async def delete(self, id: Any = None) -> int:
        """Delete matching rows (or the row with this ``id``); returns the number deleted."""
        query = (
            self.clone().where(f"{self.table_alias_or_name()}.id", "=", id)
            if id is not None
            else self
        )
        sql = self.grammar.compile_delete(cast("Builder", query))
        if (
            query.joins or query.limit_value is not None or query.orders
        ) and self.grammar.name != "mysql":
            bindings = query.get_bindings()
        else:
            b = query.bindings
            bindings = [*b["join"], *b["where"], *b["order"]]
        return await self.connection.delete(sql, bindings)

    async def truncate(self) -> None:
        """Empty the table and reset its auto-increment counter."""
        for index, (sql, bindings) in enumerate(self.grammar.compile_truncate(self._as_builder())):
            try:
                await self.connection.statement(sql, bindings)
            except QueryError:
                if index == 0:
                    raise
