"""The base query grammar: compiles a query builder to SQL with ``?`` placeholders.

Each dialect (SQLite, PostgreSQL, MySQL/MariaDB) subclasses :class:`Grammar` and overrides
what differs. Values never appear in the SQL: they travel as bindings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from parvel.database.exceptions import UnsupportedFeature
from parvel.database.query.expression import Expression
from parvel.database.query.grammars._wrapping import Wrapper

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder
    from parvel.database.query.join import JoinClause

Where = dict[str, Any]


class Grammar(Wrapper):
    """SQL shared by every dialect; subclasses override what differs."""

    name = "base"
    qualified_update_columns = False
    operators: frozenset[str] = frozenset(
        {
            "=", "<", ">", "<=", ">=", "<>", "!=", "<=>", "like", "like binary", "not like",
            "ilike", "not ilike", "&", "|", "^", "<<", ">>", "rlike", "not rlike", "regexp",
            "not regexp", "~", "~*", "!~", "!~*", "similar to", "not similar to", "is", "is not",
            "is distinct from", "is not distinct from", "@>", "<@", "&&", "@?", "@@",
        }
    )  # fmt: skip

    # -- select -------------------------------------------------------------------------------
    def compile_select(self, query: Builder) -> str:
        """The SELECT statement for ``query``."""
        if query.unions and query.aggregate:
            return self.compile_union_aggregate(query)
        original = query.columns
        if original is None:
            query.columns = ["*"]
        try:
            parts = []
            if query.aggregate is not None:
                parts.append(self.compile_aggregate(query, query.aggregate))
            else:
                parts.append(self.compile_columns(query, query.columns or ["*"]))
            if query.from_table is not None:
                parts.append(self.compile_from(query, query.from_table))
            if query.joins:
                parts.append(self.compile_joins(query, query.joins))
            if query.wheres:
                parts.append(self.compile_wheres(query))
            if query.groups:
                parts.append("group by " + self.columnize(query.groups))
            if query.havings:
                parts.append(self.compile_havings(query))
            if query.orders:
                parts.append(self.compile_orders(query, query.orders))
            if query.limit_value is not None:
                parts.append(self.compile_limit(query, query.limit_value))
            if query.offset_value is not None:
                parts.append(self.compile_offset(query, query.offset_value))
            if query.lock_value is not None:
                lock = self.compile_lock(query, query.lock_value)
                if lock:
                    parts.append(lock)
            sql = " ".join(parts)
            if query.unions:
                sql = self.wrap_union(sql) + " " + self.compile_unions(query)
            return sql
        finally:
            query.columns = original

    def compile_aggregate(self, query: Builder, aggregate: dict[str, Any]) -> str:
        """``select count(*) as aggregate``."""
        column = self.columnize(aggregate["columns"])
        if query.distinct_value and column != "*":
            if isinstance(query.distinct_value, list):
                column = self.columnize(query.distinct_value)
            column = f"distinct {column}"
        return f"select {aggregate['function']}({column}) as aggregate"

    def compile_columns(self, query: Builder, columns: Sequence[Any]) -> str:
        """``select [distinct] a, b``."""
        select = "select distinct " if query.distinct_value else "select "
        return select + self.columnize(columns)

    def compile_from(self, query: Builder, table: str | Expression) -> str:
        """``from "table"``."""
        return "from " + self.wrap_table(table)

    def compile_joins(self, query: Builder, joins: list[JoinClause]) -> str:
        """Every JOIN clause."""
        out = []
        for join in joins:
            table = self.wrap_table(join.table)
            nested = f" {self.compile_joins(join, join.joins)}" if join.joins else ""
            if join.join_type == "cross" and not join.wheres:
                out.append(f"cross join {table}{nested}")
                continue
            on = self.compile_where_list(join, join.wheres)
            out.append(f"{join.join_type} join {table}{nested} on {on}")
        return " ".join(out)

    def compile_lateral(self, sql: str, alias: str) -> str:
        """``lateral (select ...) as "alias"`` for ``join_lateral``."""
        return f"lateral ({sql}) as {self.wrap_table(alias)}"

    def compile_wheres(self, query: Builder) -> str:
        """``where ...`` (empty string when there are no conditions)."""
        if not query.wheres:
            return ""
        return "where " + self.compile_where_list(query, query.wheres)

    def compile_where_list(self, query: Builder, wheres: list[Where]) -> str:
        """Conditions joined by their booleans, without the leading keyword."""
        parts = []
        for where in wheres:
            parts.append(where["boolean"])
            parts.append(getattr(self, "where_" + where["type"])(query, where))
        first = parts[0]
        if first in ("and", "or"):
            return " ".join(parts[1:])
        parts[0] = first.split(" ", 1)[1]
        return " ".join(parts)

    # -- where clauses ------------------------------------------------------------------------
    def where_basic(self, query: Builder, where: Where) -> str:
        """``"col" op ?``."""
        operator = where["operator"]
        if operator == "!=":
            operator = "<>"
        return f"{self.wrap(where['column'])} {operator} {self.parameter(where['value'])}"

    def where_json_boolean(self, query: Builder, where: Where) -> str:
        """A JSON path compared with true/false."""
        column = self.wrap_json_boolean_selector(where["column"])
        return f"{column} {where['operator']} {self.json_boolean_value(where['value'])}"

    def wrap_json_boolean_selector(self, column: str) -> str:
        """The JSON selector used for boolean comparisons."""
        return self.wrap(column)

    def json_boolean_value(self, value: bool) -> str:
        """The SQL literal for a JSON boolean."""
        return "true" if value else "false"

    def where_nested(self, query: Builder, where: Where) -> str:
        """``(...)`` around a group of conditions."""
        return "(" + self.compile_where_list(where["query"], where["query"].wheres) + ")"

    def where_raw(self, query: Builder, where: Where) -> str:
        """Raw SQL as given."""
        return str(where["sql"])

    def where_in(self, query: Builder, where: Where) -> str:
        """``"col" in (?, ?)`` (``0 = 1`` for an empty list)."""
        if not where["values"]:
            return "0 = 1"
        return f"{self.wrap(where['column'])} in ({self.parameterize(where['values'])})"

    def where_not_in(self, query: Builder, where: Where) -> str:
        """``"col" not in (?, ?)`` (``1 = 1`` for an empty list)."""
        if not where["values"]:
            return "1 = 1"
        return f"{self.wrap(where['column'])} not in ({self.parameterize(where['values'])})"

    def where_in_sub(self, query: Builder, where: Where) -> str:
        """``"col" in (select ...)``."""
        return f"{self.wrap(where['column'])} in ({self.compile_select(where['query'])})"

    def where_not_in_sub(self, query: Builder, where: Where) -> str:
        """``"col" not in (select ...)``."""
        return f"{self.wrap(where['column'])} not in ({self.compile_select(where['query'])})"

    def where_sub(self, query: Builder, where: Where) -> str:
        """``"col" op (select ...)``."""
        return f"{self.wrap(where['column'])} {where['operator']} ({self.compile_select(where['query'])})"

    def where_sub_left(self, query: Builder, where: Where) -> str:
        """``(select ...) op ?``."""
        return f"({self.compile_select(where['query'])}) {where['operator']} {self.parameter(where['value'])}"

    def where_between_columns(self, query: Builder, where: Where) -> str:
        """``"col" [not] between "a" and "b"``."""
        word = "not between" if where["not"] else "between"
        low, high = where["values"]
        return f"{self.wrap(where['column'])} {word} {self.wrap(low)} and {self.wrap(high)}"

    def where_null(self, query: Builder, where: Where) -> str:
        """``"col" is null``."""
        return f"{self.wrap(where['column'])} is null"

    def where_not_null(self, query: Builder, where: Where) -> str:
        """``"col" is not null``."""
        return f"{self.wrap(where['column'])} is not null"

    def where_between(self, query: Builder, where: Where) -> str:
        """``"col" [not] between ? and ?``."""
        word = "not between" if where["not"] else "between"
        low, high = where["values"]
        return (
            f"{self.wrap(where['column'])} {word} {self.parameter(low)} and {self.parameter(high)}"
        )

    def where_column(self, query: Builder, where: Where) -> str:
        """``"a" op "b"``."""
        return f"{self.wrap(where['first'])} {where['operator']} {self.wrap(where['second'])}"

    def where_exists(self, query: Builder, where: Where) -> str:
        """``[not] exists (select ...)``."""
        word = "not exists" if where["not"] else "exists"
        return f"{word} ({self.compile_select(where['query'])})"

    def where_date(self, query: Builder, where: Where) -> str:
        """Compare the date part."""
        return self.date_based_where("date", query, where)

    def where_time(self, query: Builder, where: Where) -> str:
        """Compare the time part."""
        return self.date_based_where("time", query, where)

    def where_day(self, query: Builder, where: Where) -> str:
        """Compare the day of month."""
        return self.date_based_where("day", query, where)

    def where_month(self, query: Builder, where: Where) -> str:
        """Compare the month."""
        return self.date_based_where("month", query, where)

    def where_year(self, query: Builder, where: Where) -> str:
        """Compare the year."""
        return self.date_based_where("year", query, where)

    def date_based_where(self, kind: str, query: Builder, where: Where) -> str:
        """``kind("col") op ?`` (MySQL spelling; other dialects override)."""
        return f"{kind}({self.wrap(where['column'])}) {where['operator']} {self.parameter(where['value'])}"

    def where_like(self, query: Builder, where: Where) -> str:
        """Case-insensitive by default; ``case_sensitive=True`` per dialect."""
        word = "not like" if where["not"] else "like"
        return f"{self.wrap(where['column'])} {word} {self.parameter(where['value'])}"

    def prepare_like_value(self, value: Any, case_sensitive: bool) -> Any:
        """Adjust a LIKE pattern for the dialect (SQLite's GLOB)."""
        return value

    def where_json_contains(self, query: Builder, where: Where) -> str:
        """JSON containment (per dialect)."""
        raise UnsupportedFeature(
            f"where_json_contains is not supported by the {self.name} grammar."
        )

    def prepare_json_contains_value(self, value: Any) -> list[Any]:
        """The bindings for a JSON containment test (the value as JSON text)."""
        import orjson

        return [orjson.dumps(value).decode()]

    def where_json_length(self, query: Builder, where: Where) -> str:
        """``json length op ?`` (per dialect)."""
        raise UnsupportedFeature(f"where_json_length is not supported by the {self.name} grammar.")

    def where_json_contains_key(self, query: Builder, where: Where) -> str:
        """``json_type("col", '$."a"') is not null`` (SQLite's form)."""
        field, keys = self.split_json_selector(where["column"])
        sql = f"json_type({field}, {self.json_path(keys)}) is not null"
        return f"not {sql}" if where["not"] else sql

    def where_json_overlaps(self, query: Builder, where: Where) -> str:
        """Some element of the JSON array is in the bound JSON list (through ``json_each``)."""
        field, keys = (
            self.split_json_selector(where["column"])
            if "->" in where["column"]
            else (self.wrap(where["column"]), [])
        )
        source = f"{field}, {self.json_path(keys)}" if keys else field
        each = self.wrap_value("json_each")
        sql = (
            f"exists (select 1 from json_each({source}) as {each} where {each}.value in "
            f"(select value from json_each({self.parameter(where['value'])})))"
        )
        return f"not {sql}" if where["not"] else sql

    def where_fulltext(self, query: Builder, where: Where) -> str:
        """Full-text search (MySQL/MariaDB and PostgreSQL)."""
        raise UnsupportedFeature(
            f"Full-text search (where_fulltext) is not supported on {self.name}.",
            hint="Use where_like, or PostgreSQL / MySQL for full-text indexes.",
        )

    # -- group, having, order, limit ----------------------------------------------------------
    def compile_havings(self, query: Builder) -> str:
        """``having ...``."""
        parts = []
        for having in query.havings:
            parts.append(having["boolean"])
            parts.append(self.compile_having(having))
        return "having " + " ".join(parts[1:])

    def compile_having(self, having: Where) -> str:
        """One HAVING condition."""
        kind = having["type"]
        if kind == "raw":
            return str(having["sql"])
        if kind == "between":
            word = "not between" if having["not"] else "between"
            low, high = having["values"]
            return f"{self.wrap(having['column'])} {word} {self.parameter(low)} and {self.parameter(high)}"
        if kind == "null":
            return f"{self.wrap(having['column'])} is null"
        if kind == "not_null":
            return f"{self.wrap(having['column'])} is not null"
        if kind == "nested":
            return "(" + self.compile_havings(having["query"])[len("having ") :] + ")"
        return (
            f"{self.wrap(having['column'])} {having['operator']} {self.parameter(having['value'])}"
        )

    def compile_orders(self, query: Builder, orders: list[dict[str, Any]]) -> str:
        """``order by ...``."""
        parts = []
        for order in orders:
            if "sql" in order:
                parts.append(str(order["sql"]))
            elif "query" in order:
                parts.append(f"({self.compile_select(order['query'])}) {order['direction']}")
            else:
                parts.append(f"{self.wrap(order['column'])} {order['direction']}")
        return "order by " + ", ".join(parts)

    def compile_random(self, seed: str | int = "") -> str:
        """The random-order expression."""
        return "random()"

    def compile_limit(self, query: Builder, limit: int) -> str:
        """``limit N``."""
        return f"limit {int(limit)}"

    def compile_offset(self, query: Builder, offset: int) -> str:
        """``offset N``."""
        return f"offset {int(offset)}"

    def compile_lock(self, query: Builder, value: bool | str) -> str:
        """Row locks (``for update``)."""
        if isinstance(value, str):
            return value
        return "for update" if value else "for share"

    # -- unions -------------------------------------------------------------------------------
    def wrap_union(self, sql: str) -> str:
        """Parenthesise one member of a UNION."""
        return f"({sql})"

    def compile_unions(self, query: Builder) -> str:
        """The ``union ...`` tail with its own order/limit/offset."""
        parts = []
        for union in query.unions:
            word = "union all" if union["all"] else "union"
            parts.append(f"{word} {self.wrap_union(self.compile_select(union['query']))}")
        if query.union_orders:
            parts.append(self.compile_orders(query, query.union_orders))
        if query.union_limit is not None:
            parts.append(self.compile_limit(query, query.union_limit))
        if query.union_offset is not None:
            parts.append(self.compile_offset(query, query.union_offset))
        return " ".join(parts)

    def compile_union_aggregate(self, query: Builder) -> str:
        """An aggregate over a UNION: ``select count(*) as aggregate from (...) as temp_table``."""
        assert query.aggregate is not None
        aggregate = query.aggregate
        query.aggregate = None
        try:
            inner = self.compile_select(query)
        finally:
            query.aggregate = aggregate
        column = self.columnize(aggregate["columns"])
        return f"select {aggregate['function']}({column}) as aggregate from ({inner}) as {self.wrap_value('temp_table')}"

    def compile_exists(self, query: Builder) -> str:
        """``select exists(select ...) as "exists"``."""
        return f"select exists({self.compile_select(query)}) as {self.wrap_value('exists')}"

    # -- writes -------------------------------------------------------------------------------
    def compile_insert(self, query: Builder, values: list[dict[str, Any]]) -> str:
        """``insert into t (a, b) values (?, ?), (?, ?)``."""
        table = self.wrap_table(query.from_table)
        if not values or not values[0]:
            return f"insert into {table} default values"
        columns = self.columnize(values[0].keys())
        rows = ", ".join(f"({self.parameterize(row.values())})" for row in values)
        return f"insert into {table} ({columns}) values {rows}"

    def compile_insert_or_ignore(self, query: Builder, values: list[dict[str, Any]]) -> str:
        """An INSERT that skips rows breaking unique constraints."""
        return self.compile_insert(query, values) + " on conflict do nothing"

    def compile_insert_get_id(self, query: Builder, values: dict[str, Any], sequence: str) -> str:
        """The INSERT used by ``insert_get_id``."""
        return self.compile_insert(query, [values])

    def compile_insert_using(self, query: Builder, columns: Sequence[str], sql: str) -> str:
        """``insert into t (cols) select ...``."""
        return f"insert into {self.wrap_table(query.from_table)} ({self.columnize(columns)}) {sql}"

    def compile_upsert(
        self,
        query: Builder,
        values: list[dict[str, Any]],
        unique_by: Sequence[str],
        update: Sequence[str] | dict[str, Any],
    ) -> str:
        """``insert ... on conflict (u) do update set ...`` (PostgreSQL and SQLite)."""
        sql = self.compile_insert(query, values)
        sets = []
        if isinstance(update, dict):
            for column, value in update.items():
                sets.append(f"{self.wrap(column)} = {self.parameter(value)}")
        else:
            for column in update:
                sets.append(
                    f"{self.wrap(column)} = {self.wrap_value('excluded')}.{self.wrap(column)}"
                )
        return f"{sql} on conflict ({self.columnize(unique_by)}) do update set {', '.join(sets)}"

    def update_plan(self, values: dict[str, Any]) -> list[tuple[str, Any, Any]]:
        """SET items in order: ``("column", name, value)`` or ``("json", field, [(keys, value)])``.

        Several JSON paths of one column are grouped into a single assignment.
        """
        plan: list[tuple[str, Any, Any]] = []
        json_items: dict[str, list[tuple[list[str], Any]]] = {}
        for column, value in values.items():
            if isinstance(column, str) and "->" in column:
                field, keys = self.split_json_selector(column)
                if field not in json_items:
                    json_items[field] = []
                    plan.append(("json", field, json_items[field]))
                json_items[field].append((keys, value))
            else:
                if not self.qualified_update_columns and isinstance(column, str):
                    column = column.rsplit(".", 1)[-1]
                plan.append(("column", column, value))
        return plan

    def compile_update_columns(self, query: Builder, values: dict[str, Any]) -> str:
        """``"a" = ?, "b" = ?`` (JSON paths become json_set calls)."""
        parts = []
        for kind, name, value in self.update_plan(values):
            if kind == "json":
                parts.append(f"{name} = {self.compile_json_update(name, value)}")
            else:
                parts.append(f"{self.wrap(name)} = {self.parameter(value)}")
        return ", ".join(parts)

    def prepare_update_bindings(self, values: dict[str, Any]) -> list[Any]:
        """The bindings of an UPDATE's SET list, in the order of :meth:`update_plan`."""
        out: list[Any] = []
        for kind, _name, value in self.update_plan(values):
            if kind == "json":
                out.extend(
                    self.json_update_binding(v)
                    for _keys, v in value
                    if self.json_update_is_bound(v)
                )
            elif not isinstance(value, Expression):
                out.append(value)
        return out

    def json_update_is_bound(self, value: Any) -> bool:
        """False for JSON values written inline (booleans, raw expressions)."""
        return not isinstance(value, (bool, Expression))

    def json_update_binding(self, value: Any) -> Any:
        """The bound form of a JSON path value."""
        return value

    def json_update_value(self, value: Any) -> str:
        """The SQL for one JSON path value."""
        if isinstance(value, bool):
            return "json('true')" if value else "json('false')"
        if isinstance(value, (dict, list, tuple)):
            return f"json({self.parameter(value)})"
        return self.parameter(value)

    def compile_json_update(self, field: str, items: list[tuple[list[str], Any]]) -> str:
        """``json_set("meta", '$."a"', ?, '$."b"', ?)``."""
        pairs = ", ".join(
            f"{self.json_path(keys)}, {self.json_update_value(v)}" for keys, v in items
        )
        return f"json_set({field}, {pairs})"

    def compile_update(self, query: Builder, values: dict[str, Any]) -> str:
        """``update t set ... where ...``."""
        table = self.wrap_table(query.from_table)
        columns = self.compile_update_columns(query, values)
        if query.joins or query.limit_value is not None or query.orders:
            return self.compile_update_with_subselect(query, table, columns)
        where = self.compile_wheres(query)
        return f"update {table} set {columns} {where}".rstrip()

    def compile_update_with_subselect(self, query: Builder, table: str, columns: str) -> str:
        """UPDATE with joins/limits through a key sub-select (dialects override)."""
        raise UnsupportedFeature(
            f"update with joins, order or limit is not supported on {self.name}."
        )

    def compile_delete(self, query: Builder) -> str:
        """``delete from t where ...``."""
        table = self.wrap_table(query.from_table)
        if query.joins or query.limit_value is not None or query.orders:
            return self.compile_delete_with_subselect(query, table)
        where = self.compile_wheres(query)
        return f"delete from {table} {where}".rstrip()

    def compile_delete_with_subselect(self, query: Builder, table: str) -> str:
        """DELETE with joins/limits through a key sub-select (dialects override)."""
        raise UnsupportedFeature(
            f"delete with joins, order or limit is not supported on {self.name}."
        )

    def compile_truncate(self, query: Builder) -> list[tuple[str, list[Any]]]:
        """Statements emptying the table and resetting its counter."""
        return [(f"truncate table {self.wrap_table(query.from_table)}", [])]

    # -- transactions -------------------------------------------------------------------------
    def compile_savepoint(self, name: str) -> str:
        """SQL creating a savepoint."""
        return f"SAVEPOINT {name}"

    def compile_savepoint_rollback(self, name: str) -> str:
        """SQL rolling back to a savepoint."""
        return f"ROLLBACK TO SAVEPOINT {name}"
