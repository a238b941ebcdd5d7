"""The fluent query builder (``DB.table("users")``).

Clause methods are sync and chainable; the methods that run SQL are async::

    rows = await DB.table("users").where("votes", ">", 100).order_by("name").get()

See docs/database.md for the guide.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Self

from parvel.database.exceptions import (
    InvalidIdentifier,
    MultipleRecordsFound,
    RecordsNotFound,
)
from parvel.database.query._streaming import StreamingMethods
from parvel.database.query._where import MISSING, WhereClauses
from parvel.database.query._where_more import MoreWhereClauses
from parvel.database.query._writes import WriteMethods
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.connection import Connection
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


class Builder(WriteMethods, StreamingMethods, MoreWhereClauses, WhereClauses):
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

    def join_lateral(self, query: Any, alias: str, type: str = "inner") -> Self:
        """``join lateral (select ...) as alias on true`` (PostgreSQL, MySQL 8; not SQLite).

        The sub-query may refer to columns of the outer tables.
        """
        sql, bindings = self._sub_sql(query)
        self.bindings["join"].extend(bindings)
        table = Expression(self.grammar.compile_lateral(sql, alias))
        return self.join(table, lambda join: join.where_raw("true"), type=type)

    def left_join_lateral(self, query: Any, alias: str) -> Self:
        """``left join lateral (select ...) as alias on true``."""
        return self.join_lateral(query, alias, "left")

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

    def or_having_between(self, column: Any, values: Sequence[Any]) -> Self:
        """``or col between ? and ?`` in HAVING."""
        return self.having_between(column, values, "or")

    def having_not_between(self, column: Any, values: Sequence[Any], boolean: str = "and") -> Self:
        """``having col not between ? and ?``."""
        return self.having_between(column, values, boolean, not_=True)

    def or_having_not_between(self, column: Any, values: Sequence[Any]) -> Self:
        """``or col not between ? and ?`` in HAVING."""
        return self.having_between(column, values, "or", not_=True)

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

    def for_page_before_id(
        self, per_page: int = 15, last_id: Any = None, column: str = "id"
    ) -> Self:
        """Rows before ``last_id`` ordered by ``column`` descending."""
        self.orders = [o for o in self.orders if o.get("column") != column]
        if last_id is not None:
            self.where(column, "<", last_id)
        return self.order_by(column, "desc").limit(per_page)

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

    def pipe(self, callback: Callable[[Self], Any]) -> Any:
        """Return ``callback(query)`` (the query itself if the callback returns None)."""
        result = callback(self)
        return self if result is None else result

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

    def dump_raw_sql(self) -> Self:
        """Print :meth:`to_raw_sql` and return the query."""
        print(self.to_raw_sql())
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

    async def first_or_fail(self, columns: Sequence[Any] | None = None) -> Any:
        """The first row (a dict); raises :class:`RecordsNotFound` when nothing matches.

        Typed ``Any`` so the ORM builder can return a model instead.
        """
        row = await self.first(columns)
        if row is None:
            raise RecordsNotFound(f"No record in {self.from_table!r} matches the query.")
        return row

    async def find_or(
        self, id: Any, columns: Sequence[Any] | Callable[[], Any] | None = None,
        callback: Callable[[], Any] | None = None,
    ) -> Any:  # fmt: skip
        """The row whose ``id`` is ``id``, or what ``callback()`` returns (``columns`` optional)."""
        if callable(columns):
            columns, callback = None, columns
        row = await self.find(id, columns)
        if row is not None or callback is None:
            return row
        result = callback()
        return await result if inspect.isawaitable(result) else result

    async def find(self, id: Any, columns: Sequence[Any] | None = None) -> dict[str, Any] | None:
        """The row whose ``id`` is ``id``, or None."""
        return await self.clone().where("id", "=", id).first(columns)

    async def value(self, column: str) -> Any:
        """One column of the first row, or None."""
        row = await self.first([column])
        return None if row is None else next(iter(row.values()), None)

    async def raw_value(self, expression: str, bindings: Sequence[Any] = ()) -> Any:
        """The value of a raw SQL expression on the first row: ``raw_value("upper(name)")``."""
        row = await self.clone().select_raw(expression, bindings).first()
        return None if row is None else next(iter(row.values()), None)

    async def sole_value(self, column: str) -> Any:
        """One column of the only matching row (raises like :meth:`sole`)."""
        row = await self.sole([column])
        return next(iter(row.values()), None)

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
        if self.columns is None:
            # We choose the columns, so values come back in this order whatever their names.
            if key is None:
                return [next(iter(row.values())) for row in await self.clone().get([column])]
            rows = await self.clone().get([column, key])
            return {values[-1]: values[0] for values in (list(row.values()) for row in rows)}
        rows = await self.get()
        name = _result_key(column)
        if key is None:
            return [row.get(name) for row in rows]
        key_name = _result_key(key)
        return {row.get(key_name): row.get(name) for row in rows}

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

    async def exists_or(self, callback: Callable[[], Any]) -> Any:
        """True when a row matches, else what ``callback()`` returns."""
        if await self.exists():
            return True
        result = callback()
        return await result if inspect.isawaitable(result) else result

    async def doesnt_exist_or(self, callback: Callable[[], Any]) -> Any:
        """True when no row matches, else what ``callback()`` returns."""
        if await self.doesnt_exist():
            return True
        result = callback()
        return await result if inspect.isawaitable(result) else result


def _result_key(column: str) -> str:
    lowered = column.lower()
    if " as " in lowered:
        return column[lowered.rindex(" as ") + 4 :].strip()
    return column.rsplit(".", 1)[-1]
