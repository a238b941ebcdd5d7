"""The SQLite dialect."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.database.exceptions import UnsupportedFeature
from parvel.database.query.grammars.grammar import Grammar, Where

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder

_DATE_FORMATS = {"date": "%Y-%m-%d", "time": "%H:%M:%S", "day": "%d", "month": "%m", "year": "%Y"}


class SQLiteGrammar(Grammar):
    """SQL for SQLite."""

    name = "sqlite"

    def wrap_union(self, sql: str) -> str:
        """SQLite forbids parentheses around UNION members."""
        return f"select * from ({sql})"

    def compile_lateral(self, sql: str, alias: str) -> str:
        """SQLite has no lateral joins."""
        raise UnsupportedFeature("Lateral joins (join_lateral) are not supported on SQLite.")

    def date_based_where(self, kind: str, query: Builder, where: Where) -> str:
        """``strftime('%Y', "col") op cast(? as text)``."""
        value = self.parameter(where["value"])
        return (
            f"strftime('{_DATE_FORMATS[kind]}', {self.wrap(where['column'])}) "
            f"{where['operator']} cast({value} as text)"
        )

    def where_like(self, query: Builder, where: Where) -> str:
        """LIKE is case-insensitive; case-sensitive matches use GLOB."""
        if not where["case_sensitive"]:
            return super().where_like(query, where)
        word = "not glob" if where["not"] else "glob"
        return f"{self.wrap(where['column'])} {word} {self.parameter(where['value'])}"

    def prepare_like_value(self, value: Any, case_sensitive: bool) -> Any:
        """Turn a LIKE pattern into a GLOB pattern for case-sensitive matches."""
        if case_sensitive and isinstance(value, str):
            escaped = value.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")
            return escaped.replace("%", "*").replace("_", "?")
        return value

    def _json_source(self, column: str) -> str:
        if "->" in column:
            field, keys = self.split_json_selector(column)
            return f"{field}, {self.json_path(keys)}"
        return self.wrap(column)

    def where_json_contains(self, query: Builder, where: Where) -> str:
        """Every value is an element of the JSON array (through ``json_each``)."""
        source = self._json_source(where["column"])
        tests = [
            f"exists (select 1 from json_each({source}) where {self.wrap_value('json_each')}.{self.wrap_value('value')} is ?)"
            for _ in where["bindings"]
        ]
        sql = " and ".join(tests) if tests else "1 = 1"
        if where["not"]:
            return f"not ({sql})"
        return f"({sql})" if len(tests) > 1 else sql

    def prepare_json_contains_value(self, value: Any) -> list[Any]:
        """SQLite compares elements one by one."""
        if isinstance(value, dict):
            raise UnsupportedFeature(
                "where_json_contains with an object is not supported on SQLite.",
                hint="Compare a JSON path instead: where('meta->key', value).",
            )
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def where_json_length(self, query: Builder, where: Where) -> str:
        """``json_array_length(...) op ?``."""
        source = self._json_source(where["column"])
        return f"json_array_length({source}) {where['operator']} {self.parameter(where['value'])}"

    def compile_offset(self, query: Builder, offset: int) -> str:
        """SQLite needs a LIMIT before OFFSET."""
        if query.limit_value is None:
            return f"limit -1 offset {int(offset)}"
        return f"offset {int(offset)}"

    def compile_lock(self, query: Builder, value: bool | str) -> str:
        """SQLite has no row locks."""
        return ""

    def compile_insert_or_ignore(self, query: Builder, values: list[dict[str, Any]]) -> str:
        """``insert or ignore into ...``."""
        return "insert or ignore into" + self.compile_insert(query, values)[len("insert into") :]

    def compile_update_with_subselect(self, query: Builder, table: str, columns: str) -> str:
        """``update t set ... where rowid in (select rowid ...)``."""
        return f"update {table} set {columns} where {self.wrap_value('rowid')} in ({self._key_select(query)})"

    def compile_delete_with_subselect(self, query: Builder, table: str) -> str:
        """``delete from t where rowid in (select rowid ...)``."""
        return (
            f"delete from {table} where {self.wrap_value('rowid')} in ({self._key_select(query)})"
        )

    def _key_select(self, query: Builder) -> str:
        sub = query.clone()
        sub.columns = [f"{query.table_alias_or_name()}.rowid"]
        return self.compile_select(sub)

    def compile_truncate(self, query: Builder) -> list[tuple[str, list[Any]]]:
        """Delete every row and reset the AUTOINCREMENT counter."""
        table = self.wrap_table(query.from_table)
        name = self.table_prefix + str(query.from_table)
        return [
            (f"delete from {table}", []),
            ("delete from sqlite_sequence where name = ?", [name]),
        ]
