"""The MySQL / MariaDB dialect."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.database.query.grammars.grammar import Grammar, Where

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder


class MySqlGrammar(Grammar):
    """SQL for MySQL and MariaDB."""

    name = "mysql"
    quote_open = "`"
    quote_close = "`"
    qualified_update_columns = True

    def compile_json_selector(self, field: str, keys: list[str]) -> str:
        """``json_unquote(json_extract(`meta`, '$."a"."b"'))``."""
        return f"json_unquote(json_extract({field}, {self.json_path(keys)}))"

    def wrap_json_boolean_selector(self, column: str) -> str:
        """``json_extract(`meta`, '$."active"')``."""
        field, keys = self.split_json_selector(column)
        return f"json_extract({field}, {self.json_path(keys)})"

    def _json_args(self, column: str) -> tuple[str, str]:
        if "->" in column:
            field, keys = self.split_json_selector(column)
            return field, f", {self.json_path(keys)}"
        return self.wrap(column), ""

    def where_like(self, query: Builder, where: Where) -> str:
        """``like`` or ``like binary`` (case-sensitive)."""
        word = "like binary" if where["case_sensitive"] else "like"
        if where["not"]:
            word = "not " + word
        return f"{self.wrap(where['column'])} {word} {self.parameter(where['value'])}"

    def where_json_contains(self, query: Builder, where: Where) -> str:
        """``json_contains(`col`, ?[, path])``."""
        field, path = self._json_args(where["column"])
        sql = f"json_contains({field}, {self.parameter(where['value'])}{path})"
        return f"not {sql}" if where["not"] else sql

    def where_json_length(self, query: Builder, where: Where) -> str:
        """``json_length(`col`[, path]) op ?``."""
        field, path = self._json_args(where["column"])
        return f"json_length({field}{path}) {where['operator']} {self.parameter(where['value'])}"

    def where_json_contains_key(self, query: Builder, where: Where) -> str:
        """``ifnull(json_contains_path(`col`, 'one', '$."a"'), 0)``."""
        field, keys = self.split_json_selector(where["column"])
        sql = f"ifnull(json_contains_path({field}, 'one', {self.json_path(keys)}), 0)"
        return f"not {sql}" if where["not"] else sql

    def where_json_overlaps(self, query: Builder, where: Where) -> str:
        """``json_overlaps(json_extract(`col`, path), ?)``."""
        field, path = self._json_args(where["column"])
        target = f"json_extract({field}{path})" if path else field
        sql = f"json_overlaps({target}, {self.parameter(where['value'])})"
        return f"not {sql}" if where["not"] else sql

    def where_fulltext(self, query: Builder, where: Where) -> str:
        """``match (`a`, `b`) against (? in natural language mode)``."""
        options = where["options"]
        mode = "in boolean mode" if options.get("mode") == "boolean" else "in natural language mode"
        if options.get("expanded") and mode != "in boolean mode":
            mode += " with query expansion"
        return f"match ({self.columnize(where['columns'])}) against ({self.parameter(where['value'])} {mode})"

    def compile_random(self, seed: str | int = "") -> str:
        """``RAND()`` (optionally seeded)."""
        return f"RAND({int(seed)})" if str(seed).lstrip("-").isdigit() else "RAND()"

    def compile_offset(self, query: Builder, offset: int) -> str:
        """MySQL needs a LIMIT before OFFSET."""
        if query.limit_value is None:
            return f"limit 18446744073709551615 offset {int(offset)}"
        return f"offset {int(offset)}"

    def compile_lock(self, query: Builder, value: bool | str) -> str:
        """``for update`` / ``lock in share mode``."""
        if isinstance(value, str):
            return value
        return "for update" if value else "lock in share mode"

    def compile_insert(self, query: Builder, values: list[dict[str, Any]]) -> str:
        """``insert into t () values ()`` for an empty row."""
        if not values or not values[0]:
            return f"insert into {self.wrap_table(query.from_table)} () values ()"
        return super().compile_insert(query, values)

    def compile_insert_or_ignore(self, query: Builder, values: list[dict[str, Any]]) -> str:
        """``insert ignore into ...``."""
        return "insert ignore into" + self.compile_insert(query, values)[len("insert into") :]

    def compile_upsert(
        self,
        query: Builder,
        values: list[dict[str, Any]],
        unique_by: Any,
        update: Any,
    ) -> str:
        """``insert ... on duplicate key update `c` = values(`c`)``."""
        sql = self.compile_insert(query, values)
        sets = []
        if isinstance(update, dict):
            for column, value in update.items():
                sets.append(f"{self.wrap(column)} = {self.parameter(value)}")
        else:
            for column in update:
                sets.append(f"{self.wrap(column)} = values({self.wrap(column)})")
        return f"{sql} on duplicate key update {', '.join(sets)}"

    def json_update_value(self, value: Any) -> str:
        """Booleans inline; objects and lists parsed from JSON text."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dict, list, tuple)):
            return f"json_extract({self.parameter(value)}, '$')"
        return self.parameter(value)

    def compile_update_with_subselect(self, query: Builder, table: str, columns: str) -> str:
        """MySQL updates joins directly, and takes ORDER BY / LIMIT on single tables."""
        where = self.compile_wheres(query)
        if query.joins:
            joins = self.compile_joins(query, query.joins)
            return f"update {table} {joins} set {columns} {where}".rstrip()
        sql = f"update {table} set {columns} {where}".rstrip()
        if query.orders:
            sql += " " + self.compile_orders(query, query.orders)
        if query.limit_value is not None:
            sql += " " + self.compile_limit(query, query.limit_value)
        return sql

    def compile_delete_with_subselect(self, query: Builder, table: str) -> str:
        """``delete t from t join ...`` or ``delete from t ... order by ... limit n``."""
        where = self.compile_wheres(query)
        if query.joins:
            alias = self.wrap_value(self.table_prefix + query.table_alias_or_name())
            joins = self.compile_joins(query, query.joins)
            return f"delete {alias} from {table} {joins} {where}".rstrip()
        sql = f"delete from {table} {where}".rstrip()
        if query.orders:
            sql += " " + self.compile_orders(query, query.orders)
        if query.limit_value is not None:
            sql += " " + self.compile_limit(query, query.limit_value)
        return sql
