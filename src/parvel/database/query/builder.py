"""The fluent query builder (``DB.table("users")``).

Clause methods are sync and chainable; the methods that run SQL are async::

    rows = await DB.table("users").where("votes", ">", 100).order_by("name").get()

See docs/database.md for the guide.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Any, Self

from parvel.database.exceptions import (
    InvalidIdentifier,
    MultipleRecordsFound,
    QueryError,
    RecordsNotFound,
)
from parvel.database.query._where import MISSING, WhereClauses
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.connection import Connection
    from parvel.database.pagination import CursorPaginator, LengthAwarePaginator, Paginator
    from parvel.database.query.join import JoinClause

BINDING_KEYS = (
    "select",
    "from",
    "join",
    "where",
    "groupBy",
    "having",
    "order",
    "union",
    "unionOrder",
)


class Builder(WhereClauses):
    """Builds one SQL query fluently; terminal methods are async.

    Attributes:
        connection: The connection the query runs on.
        grammar: The connection's dialect grammar.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.grammar = connection.grammar
        self.columns: list[Any] | None = None
        self.distinct_value: bool | list[Any] = False
        self.from_table: Any = None
        self.joins: list[JoinClause] = []
        self.wheres: list[dict[str, Any]] = []
        self.groups: list[Any] = []
        self.havings: list[dict[str, Any]] = []
        self.orders: list[dict[str, Any]] = []
        self.limit_value: int | None = None
        self.offset_value: int | None = None
        self.unions: list[dict[str, Any]] = []
        self.union_limit: int | None = None
        self.union_offset: int | None = None
        self.union_orders: list[dict[str, Any]] = []
        self.lock_value: bool | str | None = None
        self.aggregate: dict[str, Any] | None = None
        self.use_write = False
        self.bindings: dict[str, list[Any]] = {key: [] for key in BINDING_KEYS}

    # -- helpers ------------------------------------------------------------------------------
    def new_query(self) -> Builder:
        """A fresh builder on the same connection (used for groups and sub-queries)."""
        return Builder(self.connection)

    def _sub_query(self, query: Any) -> Builder:
        if isinstance(query, Builder):
            return query
        if callable(query):
            sub = self.new_query()
            query(sub)
            return sub
        raise TypeError(
            f"A sub-query must be a query builder or a callable, got {type(query).__name__}."
        )

    def _sub_sql(self, query: Any) -> tuple[str, list[Any]]:
        if isinstance(query, Expression):
            return str(query.value), []
        if isinstance(query, str):
            raise TypeError("Pass raw SQL sub-queries as DB.raw(...) expressions.")
        sub = self._sub_query(query)
        return sub.to_sql(), sub.get_bindings()

    def table_alias_or_name(self) -> str:
        """The alias of the FROM table, or its name."""
        table = str(self.from_table)
        lowered = table.lower()
        if " as " in lowered:
            return table[lowered.rindex(" as ") + 4 :].strip()
        return table

    # -- select -------------------------------------------------------------------------------
    def select(self, *columns: Any) -> Self:
        """Choose the columns: ``select("id", "name as n")`` (default ``*``)."""
        self.columns = []
        self.bindings["select"] = []
        return self.add_select(*columns) if columns else self._star()

    def _star(self) -> Self:
        self.columns = ["*"]
        return self

    def add_select(self, *columns: Any) -> Self:
        """Add columns to the selection; ``{"alias": sub_query}`` adds sub-selects."""
        flat: list[Any] = []
        for column in columns:
            if isinstance(column, (list, tuple)):
                flat.extend(column)
            else:
                flat.append(column)
        if self.columns is None:
            self.columns = []
        for column in flat:
            if isinstance(column, dict):
                for alias, query in column.items():
                    self.select_sub(query, alias, add=True)
            elif isinstance(column, Builder) or (
                callable(column) and not isinstance(column, Expression)
            ):
                raise TypeError("Give sub-selects an alias: add_select({'alias': query}).")
            else:
                self.columns.append(column)
        return self

    def select_raw(self, expression: str, bindings: Sequence[Any] = ()) -> Self:
        """Add a raw select expression with optional bindings."""
        if self.columns is None:
            self.columns = []
        self.columns.append(Expression(expression))
        self.bindings["select"].extend(bindings)
        return self

    def select_sub(self, query: Any, alias: str, add: bool = False) -> Self:
        """Select a sub-query's value under ``alias``."""
        sql, bindings = self._sub_sql(query)
        if self.columns is None:
            self.columns = []
        self.columns.append(Expression(f"({sql}) as {self.grammar.wrap(alias)}"))
        self.bindings["select"].extend(bindings)
        return self

    def distinct(self, *columns: Any) -> Self:
        """``select distinct``."""
        self.distinct_value = list(columns) if columns else True
        return self

    def from_(self, table: Any, alias: str | None = None) -> Self:
        """Set the table (``from`` is a Python keyword); a builder or closure becomes a sub-query."""
        if isinstance(table, Builder) or (
            callable(table) and not isinstance(table, (str, Expression))
        ):
            return self.from_sub(table, alias or "sub")
        self.from_table = table if alias is None else f"{table} as {alias}"
        return self

    def from_sub(self, query: Any, alias: str) -> Self:
        """``from (select ...) as alias``."""
        sql, bindings = self._sub_sql(query)
        self.from_table = Expression(f"({sql}) as {self.grammar.wrap_table(alias)}")
        self.bindings["from"] = list(bindings)
        return self

    def from_raw(self, expression: str, bindings: Sequence[Any] = ()) -> Self:
        """A raw FROM expression."""
        self.from_table = Expression(expression)
        self.bindings["from"] = list(bindings)
        return self

    # -- joins --------------------------------------------------------------------------------
    def join(
        self,
        table: Any,
        first: Any = None,
        operator: Any = MISSING,
        second: Any = MISSING,
        type: str = "inner",
        where: bool = False,
    ) -> Self:
        """``join("contacts", "users.id", "=", "contacts.user_id")`` or ``join(t, lambda j: j.on(...))``."""
        from parvel.database.query.join import JoinClause

        if type not in {"inner", "left", "right", "cross"}:
            raise InvalidIdentifier(
                f"Invalid join type {type!r}.", hint="Use inner, left, right or cross."
            )
        clause = JoinClause(self, type, table)
        if callable(first):
            first(clause)
        elif first is not None:
            if where:
                clause.where(first, operator, second)
            else:
                clause.on(first, operator, second)
        self.joins.append(clause)
        self.bindings["join"].extend(clause.get_bindings())
        return self

    def join_where(
        self, table: Any, first: Any, operator: Any, second: Any, type: str = "inner"
    ) -> Self:
        """Join on a column compared with a bound value."""
        return self.join(table, first, operator, second, type, where=True)

    def left_join(
        self, table: Any, first: Any = None, operator: Any = MISSING, second: Any = MISSING
    ) -> Self:
        """``left join``."""
        return self.join(table, first, operator, second, "left")

    def left_join_where(self, table: Any, first: Any, operator: Any, second: Any) -> Self:
        """``left join`` with a value condition."""
        return self.join(table, first, operator, second, "left", where=True)

    def right_join(
        self, table: Any, first: Any = None, operator: Any = MISSING, second: Any = MISSING
    ) -> Self:
        """``right join``."""
        return self.join(table, first, operator, second, "right")

    def cross_join(
        self, table: Any, first: Any = None, operator: Any = MISSING, second: Any = MISSING
    ) -> Self:
        """``cross join``."""
        return self.join(table, first, operator, second, "cross")

    def join_sub(
        self, query: Any, alias: str, first: Any = None, operator: Any = MISSING, second: Any = MISSING,
        type: str = "inner",
    ) -> Self:  # fmt: skip
        """Join a sub-query under ``alias``."""
        sql, bindings = self._sub_sql(query)
        self.bindings["join"].extend(bindings)
        table = Expression(f"({sql}) as {self.grammar.wrap_table(alias)}")
        return self.join(table, first, operator, second, type)

    def left_join_sub(
        self,
        query: Any,
        alias: str,
        first: Any = None,
        operator: Any = MISSING,
        second: Any = MISSING,
    ) -> Self:
        """``left join (select ...) as alias``."""
        return self.join_sub(query, alias, first, operator, second, "left")

    def right_join_sub(
        self,
        query: Any,
        alias: str,
        first: Any = None,
        operator: Any = MISSING,
        second: Any = MISSING,
    ) -> Self:
        """``right join (select ...) as alias``."""
        return self.join_sub(query, alias, first, operator, second, "right")

    # -- grouping -----------------------------------------------------------------------------
    def group_by(self, *groups: Any) -> Self:
        """``group by a, b``."""
        for group in groups:
            self.groups.extend(group if isinstance(group, (list, tuple)) else [group])
        return self

    def group_by_raw(self, sql: str, bindings: Sequence[Any] = ()) -> Self:
        """A raw GROUP BY expression."""
        self.groups.append(Expression(sql))
        self.bindings["groupBy"].extend(bindings)
        return self

    def having(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> Self:
        """``having count(*) > ?`` style conditions (use ``DB.raw`` for expressions)."""
        if callable(column) and operator is MISSING:
            nested = self.new_query()
            column(nested)
            self.havings.append({"type": "nested", "query": nested, "boolean": boolean})
            self.bindings["having"].extend(nested.bindings["having"])
            return self
        if value is MISSING:
            value, operator = operator, "="
        operator = self._operator(operator)
        self.havings.append(
            {
                "type": "basic",
                "column": column,
                "operator": operator,
                "value": value,
                "boolean": boolean,
            }
        )
        if not isinstance(value, Expression):
            self.bindings["having"].append(value)
        return self

    def or_having(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Self:
        """``or`` HAVING condition."""
        return self.having(column, operator, value, "or")

    def having_raw(self, sql: str, bindings: Sequence[Any] = (), boolean: str = "and") -> Self:
        """A raw HAVING condition."""
        self.havings.append({"type": "raw", "sql": sql, "boolean": boolean})
        self.bindings["having"].extend(bindings)
        return self

    def or_having_raw(self, sql: str, bindings: Sequence[Any] = ()) -> Self:
        """``or`` raw HAVING condition."""
        return self.having_raw(sql, bindings, "or")

    def having_between(
        self, column: Any, values: Sequence[Any], boolean: str = "and", not_: bool = False
    ) -> Self:
        """``having col between ? and ?``."""
        values = list(values)
        self.havings.append(
            {"type": "between", "column": column, "values": values, "boolean": boolean, "not": not_}
        )
        self.bindings["having"].extend(values)
        return self

    def having_null(self, column: Any, boolean: str = "and", not_: bool = False) -> Self:
        """``having col is null``."""
        self.havings.append(
            {"type": "not_null" if not_ else "null", "column": column, "boolean": boolean}
        )
        return self

    def having_not_null(self, column: Any, boolean: str = "and") -> Self:
        """``having col is not null``."""
        return self.having_null(column, boolean, not_=True)

    # -- ordering and limits ------------------------------------------------------------------
    def order_by(self, column: Any, direction: str = "asc") -> Self:
        """``order by column asc|desc`` (column names are validated and quoted)."""
        lowered = str(direction).lower()
        if lowered not in {"asc", "desc"}:
            raise InvalidIdentifier(
                f"Order direction must be 'asc' or 'desc', got {direction!r}.",
                hint="Map user input to one of the two before calling order_by().",
            )
        target = self.union_orders if self.unions else self.orders
        if isinstance(column, Builder) or (callable(column) and not isinstance(column, Expression)):
            sub = self._sub_query(column)
            target.append({"query": sub, "direction": lowered})
            self.bindings["unionOrder" if self.unions else "order"].extend(sub.get_bindings())
            return self
        if isinstance(column, str):
            self.grammar.wrap(column)  # validate now, where the mistake is
        target.append({"column": column, "direction": lowered})
        return self

    def order_by_desc(self, column: Any) -> Self:
        """``order by column desc``."""
        return self.order_by(column, "desc")

    def latest(self, column: Any = "created_at") -> Self:
        """Newest first."""
        return self.order_by(column, "desc")

    def oldest(self, column: Any = "created_at") -> Self:
        """Oldest first."""
        return self.order_by(column, "asc")

    def in_random_order(self, seed: str | int = "") -> Self:
        """Shuffle the rows."""
        return self.order_by_raw(self.grammar.compile_random(seed))

    def order_by_raw(self, sql: str, bindings: Sequence[Any] = ()) -> Self:
        """A raw ORDER BY expression."""
        target = self.union_orders if self.unions else self.orders
        target.append({"sql": sql})
        self.bindings["unionOrder" if self.unions else "order"].extend(bindings)
        return self

    def reorder(self, column: Any = None, direction: str = "asc") -> Self:
        """Drop every ordering, optionally ordering by ``column`` instead."""
        self.orders = []
        self.union_orders = []
        self.bindings["order"] = []
        self.bindings["unionOrder"] = []
        return self.order_by(column, direction) if column is not None else self

    def limit(self, value: int) -> Self:
        """At most ``value`` rows."""
        value = int(value)
        if self.unions:
            self.union_limit = value if value >= 0 else None
        else:
            self.limit_value = value if value >= 0 else None
        return self

    def take(self, value: int) -> Self:
        """Alias of :meth:`limit`."""
        return self.limit(value)

    def offset(self, value: int) -> Self:
        """Skip ``value`` rows."""
        value = max(0, int(value))
        if self.unions:
            self.union_offset = value
        else:
            self.offset_value = value
        return self

    def skip(self, value: int) -> Self:
        """Alias of :meth:`offset`."""
        return self.offset(value)

    def for_page(self, page: int, per_page: int = 15) -> Self:
        """Limit and offset for page ``page`` (1-based)."""
        return self.offset((max(1, int(page)) - 1) * per_page).limit(per_page)

    def for_page_after_id(
        self, per_page: int = 15, last_id: Any = None, column: str = "id"
    ) -> Self:
        """Rows after ``last_id`` ordered by ``column``."""
        self.orders = [o for o in self.orders if o.get("column") != column]
        if last_id is not None:
            self.where(column, ">", last_id)
        return self.order_by(column, "asc").limit(per_page)

    # -- unions, locks, conditionals ---------------------------------------------------------
    def union(self, query: Any, all: bool = False) -> Self:
        """``union`` another query (``all=True`` keeps duplicates)."""
        sub = self._sub_query(query)
        self.unions.append({"query": sub, "all": all})
        self.bindings["union"].extend(sub.get_bindings())
        return self

    def union_all(self, query: Any) -> Self:
        """``union all``."""
        return self.union(query, all=True)

    def lock(self, value: bool | str = True) -> Self:
        """Row lock: True for update, False for shared, or a raw lock clause."""
        self.lock_value = value
        return self

    def lock_for_update(self) -> Self:
        """``for update``."""
        return self.lock(True)

    def shared_lock(self) -> Self:
        """``for share`` / ``lock in share mode``."""
        return self.lock(False)

    def when(
        self, value: Any, callback: Callable[..., Any], default: Callable[..., Any] | None = None
    ) -> Self:
        """Apply ``callback(query, value)`` only when ``value`` is truthy (else ``default``)."""
        if callable(value):
            value = value(self)
        if value:
            callback(self, value)
        elif default is not None:
            default(self, value)
        return self

    def unless(
        self, value: Any, callback: Callable[..., Any], default: Callable[..., Any] | None = None
    ) -> Self:
        """Apply ``callback`` only when ``value`` is falsy."""
        if callable(value):
            value = value(self)
        if not value:
            callback(self, value)
        elif default is not None:
            default(self, value)
        return self

    def tap(self, callback: Callable[[Self], Any]) -> Self:
        """Call ``callback(query)`` and return the query."""
        callback(self)
        return self

    def use_write_connection(self) -> Self:
        """Read from the write connection (skip replicas)."""
        self.use_write = True
        return self

    # -- compilation --------------------------------------------------------------------------
    def to_sql(self) -> str:
        """The SELECT statement with ``?`` placeholders."""
        return self.grammar.compile_select(self)

    def get_bindings(self) -> list[Any]:
        """Every bound value in placeholder order."""
        b = self.bindings
        return [*b["select"], *b["from"], *b["join"], *b["where"], *b["groupBy"], *b["having"],
                *b["order"], *b["union"], *b["unionOrder"]]  # fmt: skip

    def to_raw_sql(self) -> str:
        """The SQL with bindings inlined, for reading only (never run it)."""
        from parvel.database.query._debug import interpolate

        return interpolate(self.to_sql(), self.get_bindings(), self.grammar)

    def dump(self) -> Self:
        """Print the SQL and bindings, then return the query (like Laravel's ``dump()``)."""
        print(self.to_sql(), self.get_bindings())
        return self

    def clone(self) -> Self:
        """An independent copy of the query."""
        new = copy.copy(self)
        for attr in ("joins", "wheres", "groups", "havings", "orders", "unions", "union_orders"):
            setattr(new, attr, list(getattr(self, attr)))
        new.columns = None if self.columns is None else list(self.columns)
        new.bindings = {k: list(v) for k, v in self.bindings.items()}
        return new

    def clone_without(self, *properties: str) -> Self:
        """A copy with ``properties`` reset (e.g. ``"orders"``, ``"limit_value"``)."""
        new = self.clone()
        fresh = Builder(self.connection)
        for name in properties:
            setattr(new, name, copy.copy(getattr(fresh, name)))
        return new

    def clone_without_bindings(self, *kinds: str) -> Self:
        """A copy with the given binding groups emptied."""
        new = self.clone()
        for kind in kinds:
            new.bindings[kind] = []
        return new

    # -- running ------------------------------------------------------------------------------
    async def get(self, columns: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run the SELECT and return every row as a dict."""
        if columns is not None and self.columns is None:
            query = self.clone().select(*columns)
            return await query.get()
        return await self.connection.select(
            self.to_sql(), self.get_bindings(), use_read=not self.use_write
        )

    async def first(self, columns: Sequence[Any] | None = None) -> dict[str, Any] | None:
        """The first row, or None."""
        rows = await self.clone().limit(1).get(columns)
        return rows[0] if rows else None

    async def find(self, id: Any, columns: Sequence[Any] | None = None) -> dict[str, Any] | None:
        """The row whose ``id`` is ``id``, or None."""
        return await self.clone().where("id", "=", id).first(columns)

    async def value(self, column: str) -> Any:
        """One column of the first row, or None."""
        row = await self.first([column])
        return None if row is None else next(iter(row.values()), None)

    async def sole(self, columns: Sequence[Any] | None = None) -> dict[str, Any]:
        """The only matching row; raises if there are none or several."""
        rows = await self.clone().limit(2).get(columns)
        if not rows:
            raise RecordsNotFound(f"No record in {self.from_table!r} matches the query.")
        if len(rows) > 1:
            raise MultipleRecordsFound(len(rows))
        return rows[0]

    async def pluck(self, column: str, key: str | None = None) -> Any:
        """A list of one column's values, or a dict keyed by ``key``."""
        columns = [column] if key is None else [column, key]
        rows = await self.clone().get(columns) if self.columns is None else await self.get()
        name = _result_key(column)
        if key is None:
            return [row[name] for row in rows]
        key_name = _result_key(key)
        return {row[key_name]: row[name] for row in rows}

    async def implode(self, column: str, glue: str = "") -> str:
        """The values of ``column`` joined by ``glue``."""
        return glue.join(str(v) for v in await self.pluck(column))

    async def aggregate_value(self, function: str, columns: Sequence[Any] = ("*",)) -> Any:
        """Run an aggregate function (``count``, ``max`` ...) and return its value."""
        query = (
            self.clone_without("columns", "orders", "limit_value", "offset_value")
            if not self.unions
            else self.clone()
        )
        query.bindings["select"] = []
        if not self.unions:
            query.bindings["order"] = []
        if self.groups or self.havings:
            inner = self.clone_without(
                "orders", "limit_value", "offset_value"
            ).clone_without_bindings("order")
            if inner.columns is None:
                inner.columns = list(self.groups) if self.groups else ["*"]
            outer = self.new_query().from_sub(inner, "aggregate_table")
            outer.aggregate = {"function": function, "columns": list(columns)}
            row = await self.connection.select_one(
                outer.to_sql(), outer.get_bindings(), use_read=not self.use_write
            )
        else:
            query.aggregate = {"function": function, "columns": list(columns)}
            row = await self.connection.select_one(
                query.to_sql(), query.get_bindings(), use_read=not self.use_write
            )
        return None if row is None else row.get("aggregate")

    async def count(self, columns: Any = "*") -> int:
        """The number of matching rows."""
        cols = [columns] if isinstance(columns, (str, Expression)) else list(columns)
        return int(await self.aggregate_value("count", cols) or 0)

    async def min(self, column: str) -> Any:
        """The smallest value of ``column``."""
        return await self.aggregate_value("min", [column])

    async def max(self, column: str) -> Any:
        """The largest value of ``column``."""
        return await self.aggregate_value("max", [column])

    async def sum(self, column: str) -> Any:
        """The sum of ``column`` (0 when no rows match)."""
        result = await self.aggregate_value("sum", [column])
        return 0 if result is None else result

    async def avg(self, column: str) -> Any:
        """The average of ``column``."""
        return await self.aggregate_value("avg", [column])

    async def average(self, column: str) -> Any:
        """Alias of :meth:`avg`."""
        return await self.avg(column)

    async def exists(self) -> bool:
        """True when at least one row matches."""
        query = self.clone_without("orders", "limit_value", "offset_value").clone_without_bindings(
            "order"
        )
        row = await self.connection.select_one(
            self.grammar.compile_exists(query), query.get_bindings(), use_read=not self.use_write
        )
        return bool(row and next(iter(row.values())))

    async def doesnt_exist(self) -> bool:
        """True when no row matches."""
        return not await self.exists()

    # -- writes -------------------------------------------------------------------------------
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
            self.grammar.compile_insert(self, rows), self._row_bindings(rows)
        )

    async def insert_get_id(self, values: dict[str, Any], sequence: str | None = None) -> Any:
        """Insert one row and return its auto-increment id."""
        sql = self.grammar.compile_insert_get_id(self, values, sequence or "id")
        return await self.connection.insert_get_id(
            sql, self._row_bindings([values]), sequence or "id"
        )

    async def insert_or_ignore(self, values: dict[str, Any] | Sequence[dict[str, Any]]) -> int:
        """Insert rows, skipping those that break a unique index; returns rows inserted."""
        rows = self._rows(values)
        if not rows:
            return 0
        sql = self.grammar.compile_insert_or_ignore(self, rows)
        return await self.connection.affecting_statement(sql, self._row_bindings(rows))

    async def insert_using(self, columns: Sequence[str], query: Any) -> int:
        """``insert into t (cols) select ...``; returns rows inserted."""
        sql, bindings = self._sub_sql(query)
        return await self.connection.affecting_statement(
            self.grammar.compile_insert_using(self, columns, sql), bindings
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
        sql = self.grammar.compile_upsert(self, rows, unique, update)
        return await self.connection.affecting_statement(sql, bindings)

    def _write_bindings(self, values: dict[str, Any]) -> list[Any]:
        b = self.bindings
        return [*b["join"], *self.grammar.prepare_update_bindings(values), *b["where"], *b["order"]]

    async def update(self, values: dict[str, Any]) -> int:
        """Update matching rows; returns the number affected."""
        if not values:
            raise ValueError("update() needs at least one column to set.")
        sql = self.grammar.compile_update(self, values)
        if (self.joins and self.grammar.name != "mysql") or (
            (self.limit_value is not None or self.orders) and self.grammar.name != "mysql"
        ):
            bindings = [*self.grammar.prepare_update_bindings(values), *self.get_bindings()]
        else:
            bindings = self._write_bindings(values)
        return await self.connection.update(sql, bindings)

    async def update_or_insert(
        self, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> bool:
        """Update the row matching ``attributes``, or insert ``attributes | values``."""
        values = values or {}
        if not await self.clone().where(attributes).exists():
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

    async def delete(self, id: Any = None) -> int:
        """Delete matching rows (or the row with this ``id``); returns the number deleted."""
        query = (
            self.clone().where(f"{self.table_alias_or_name()}.id", "=", id)
            if id is not None
            else self
        )
        sql = self.grammar.compile_delete(query)
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
        for index, (sql, bindings) in enumerate(self.grammar.compile_truncate(self)):
            try:
                await self.connection.statement(sql, bindings)
            except QueryError:
                if index == 0:
                    raise

    # -- streaming ----------------------------------------------------------------------------
    def _require_order(self, method: str) -> None:
        if not self.orders and not self.union_orders:
            raise ValueError(f"You must specify an order_by clause when using {method}().")

    async def chunk(self, count: int, callback: Callable[[list[dict[str, Any]], int], Any]) -> bool:
        """Feed ``callback(rows, page)`` ``count`` rows at a time; return False from it to stop."""
        self._require_order("chunk")
        page = 1
        while True:
            rows = await self.clone().for_page(page, count).get()
            if not rows:
                return True
            result = callback(rows, page)
            if inspect.isawaitable(result):
                result = await result
            if result is False:
                return False
            if len(rows) < count:
                return True
            page += 1

    async def chunk_by_id(
        self,
        count: int,
        callback: Callable[[list[dict[str, Any]], int], Any],
        column: str = "id",
        alias: str | None = None,
    ) -> bool:
        """Like :meth:`chunk` but pages by ``column > last id`` (safe while updating rows)."""
        alias = alias or column.rsplit(".", 1)[-1]
        last_id: Any = None
        page = 1
        while True:
            rows = await self.clone().for_page_after_id(count, last_id, column).get()
            if not rows:
                return True
            result = callback(rows, page)
            if inspect.isawaitable(result):
                result = await result
            if result is False:
                return False
            last_id = rows[-1][alias]
            if len(rows) < count:
                return True
            page += 1

    async def each(self, callback: Callable[[dict[str, Any]], Any], count: int = 1000) -> bool:
        """Call ``callback(row)`` for every row, fetched ``count`` at a time."""

        async def run(rows: list[dict[str, Any]], page: int) -> bool:
            for row in rows:
                result = callback(row)
                if inspect.isawaitable(result):
                    result = await result
                if result is False:
                    return False
            return True

        return await self.chunk(count, run)

    async def lazy(self, chunk_size: int = 1000) -> AsyncIterator[dict[str, Any]]:
        """Iterate rows one by one, fetching ``chunk_size`` rows per query."""
        self._require_order("lazy")
        page = 1
        while True:
            rows = await self.clone().for_page(page, chunk_size).get()
            for row in rows:
                yield row
            if len(rows) < chunk_size:
                return
            page += 1

    async def lazy_by_id(
        self, chunk_size: int = 1000, column: str = "id", alias: str | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """Iterate rows one by one, paging by ``column > last id``."""
        alias = alias or column.rsplit(".", 1)[-1]
        last_id: Any = None
        while True:
            rows = await self.clone().for_page_after_id(chunk_size, last_id, column).get()
            for row in rows:
                yield row
            if len(rows) < chunk_size:
                return
            last_id = rows[-1][alias]

    def cursor(self) -> AsyncIterator[dict[str, Any]]:
        """Stream the rows of one query through a server-side cursor."""
        return self.connection.cursor(
            self.to_sql(), self.get_bindings(), use_read=not self.use_write
        )

    # -- pagination ---------------------------------------------------------------------------
    async def get_count_for_pagination(self) -> int:
        """The total row count ignoring limits and orders."""
        return (
            await self.clone_without("limit_value", "offset_value", "orders")
            .clone_without_bindings("order")
            .count()
        )

    async def paginate(
        self, per_page: int = 15, columns: Sequence[Any] | None = None, page_name: str = "page",
        page: int | None = None, total: int | None = None,
    ) -> LengthAwarePaginator:  # fmt: skip
        """One page of rows plus the total count (Laravel's length-aware paginator)."""
        from parvel.database.pagination import LengthAwarePaginator

        page = page or LengthAwarePaginator.resolve_current_page(page_name)
        total = await self.get_count_for_pagination() if total is None else total
        items = await self.clone().for_page(page, per_page).get(columns) if total else []
        return LengthAwarePaginator(
            items,
            total,
            per_page,
            page,
            path=LengthAwarePaginator.resolve_current_path(),
            page_name=page_name,
        )

    async def simple_paginate(
        self,
        per_page: int = 15,
        columns: Sequence[Any] | None = None,
        page_name: str = "page",
        page: int | None = None,
    ) -> Paginator:
        """One page of rows without a total count (next/previous only)."""
        from parvel.database.pagination import Paginator

        page = page or Paginator.resolve_current_page(page_name)
        items = await self.clone().offset((page - 1) * per_page).limit(per_page + 1).get(columns)
        return Paginator(
            items, per_page, page, path=Paginator.resolve_current_path(), page_name=page_name
        )

    async def cursor_paginate(
        self,
        per_page: int = 15,
        columns: Sequence[Any] | None = None,
        cursor_name: str = "cursor",
        cursor: Any = None,
    ) -> CursorPaginator:
        """Keyset pagination over the query's ``order_by`` columns (fast on big tables)."""
        from parvel.database.query._cursor_pagination import cursor_paginate

        return await cursor_paginate(self, per_page, columns, cursor_name, cursor)


def _result_key(column: str) -> str:
    lowered = column.lower()
    if " as " in lowered:
        return column[lowered.rindex(" as ") + 4 :].strip()
    return column.rsplit(".", 1)[-1]
