"""The PostgreSQL dialect."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from parvel.database.query.expression import Expression
from parvel.database.query.grammars._wrapping import check_segment
from parvel.database.query.grammars.grammar import Grammar, Where

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder

_TSQUERY = {
    "plain": "plainto_tsquery",
    "phrase": "phraseto_tsquery",
    "websearch": "websearch_to_tsquery",
}


class PostgresGrammar(Grammar):
    """SQL for PostgreSQL."""

    name = "pgsql"

    def compile_json_selector(self, field: str, keys: list[str]) -> str:
        """``"meta"->'a'->>'b'`` (text of the last key)."""
        parts = [k if k.isdigit() else self.quote_string(k) for k in keys]
        path = "->".join([field, *parts[:-1]])
        return f"{path}->>{parts[-1]}"

    def _json_value(self, column: str) -> str:
        """``"meta"->'a'->'b'`` (JSON, not text)."""
        if "->" not in column:
            return self.wrap(column)
        field, keys = self.split_json_selector(column)
        parts = [k if k.isdigit() else self.quote_string(k) for k in keys]
        return "->".join([field, *parts])

    def wrap_json_boolean_selector(self, column: str) -> str:
        """``("meta"->'active')::jsonb``."""
        return f"({self._json_value(column)})::jsonb"

    def json_boolean_value(self, value: bool) -> str:
        """``'true'::jsonb``."""
        return "'true'::jsonb" if value else "'false'::jsonb"

    def date_based_where(self, kind: str, query: Builder, where: Where) -> str:
        """``"col"::date = ?`` or ``extract(year from "col") = ?``."""
        column = self.wrap(where["column"])
        value = self.parameter(where["value"])
        if kind in {"date", "time"}:
            return f"{column}::{kind} {where['operator']} {value}"
        return f"extract({kind} from {column}) {where['operator']} {value}"

    def where_like(self, query: Builder, where: Where) -> str:
        """``ilike`` unless case-sensitive."""
        word = "like" if where["case_sensitive"] else "ilike"
        if where["not"]:
            word = "not " + word
        return f"{self.wrap(where['column'])}::text {word} {self.parameter(where['value'])}"

    def where_json_contains(self, query: Builder, where: Where) -> str:
        """``("col")::jsonb @> ?``."""
        sql = f"({self._json_value(where['column'])})::jsonb @> {self.parameter(where['value'])}::jsonb"
        return f"not {sql}" if where["not"] else sql

    def where_json_length(self, query: Builder, where: Where) -> str:
        """``jsonb_array_length(("col")::jsonb) op ?``."""
        column = self._json_value(where["column"])
        return f"jsonb_array_length(({column})::jsonb) {where['operator']} {self.parameter(where['value'])}"

    def where_json_contains_key(self, query: Builder, where: Where) -> str:
        """``("col")::jsonb->'a' is not null`` (a key holding JSON null is present)."""
        sql = f"(({self._json_value_of_jsonb(where['column'])}) is not null)"
        return f"not {sql}" if where["not"] else sql

    def _json_value_of_jsonb(self, column: str) -> str:
        field, keys = self.split_json_selector(column)
        parts = [k if k.isdigit() else self.quote_string(k) for k in keys]
        return "->".join([f"({field})::jsonb", *parts])

    def where_json_overlaps(self, query: Builder, where: Where) -> str:
        """Some element of the JSON array equals an element of the bound JSON list."""
        column = self._json_value(where["column"])
        sql = (
            f"exists (select 1 from jsonb_array_elements(({column})::jsonb) as e(v) "
            f"where e.v in (select jsonb_array_elements({self.parameter(where['value'])}::jsonb)))"
        )
        return f"not {sql}" if where["not"] else sql

    def where_fulltext(self, query: Builder, where: Where) -> str:
        """``(to_tsvector('english', "a") || ...) @@ plainto_tsquery('english', ?)``."""
        options = where["options"]
        language = check_segment(str(options.get("language", "english")), "language")
        mode = _TSQUERY.get(str(options.get("mode", "plain")), "plainto_tsquery")
        vectors = " || ".join(
            f"to_tsvector('{language}', {self.wrap(c)})" for c in where["columns"]
        )
        return f"({vectors}) @@ {mode}('{language}', {self.parameter(where['value'])})"

    def compile_lock(self, query: Builder, value: bool | str) -> str:
        """``for update`` / ``for share``."""
        if isinstance(value, str):
            return value
        return "for update" if value else "for share"

    def compile_insert_get_id(self, query: Builder, values: dict[str, Any], sequence: str) -> str:
        """``insert ... returning "id"``."""
        return f"{self.compile_insert(query, [values])} returning {self.wrap(sequence)}"

    def compile_json_update(self, field: str, items: list[tuple[list[str], Any]]) -> str:
        """Nested ``jsonb_set("meta"::jsonb, '{"a"}', ?::jsonb)`` calls, one per path."""
        sql = f"{field}::jsonb"
        for keys, value in items:
            path = self.quote_string("{" + ",".join(f'"{k}"' for k in keys) + "}")
            sql = f"jsonb_set({sql}, {path}, {self.parameter(value)}::jsonb)"
        return sql

    def json_update_is_bound(self, value: Any) -> bool:
        """Every JSON value is bound as JSON text."""
        return not isinstance(value, Expression)

    def json_update_binding(self, value: Any) -> Any:
        """JSON text for the ``::jsonb`` cast."""
        return orjson.dumps(value).decode()

    def compile_update_with_subselect(self, query: Builder, table: str, columns: str) -> str:
        """``update t set ... where ctid in (select ctid ...)``."""
        return f"update {table} set {columns} where {self.wrap_value('ctid')} in ({self._key_select(query)})"

    def compile_delete_with_subselect(self, query: Builder, table: str) -> str:
        """``delete from t where ctid in (select ctid ...)``."""
        return f"delete from {table} where {self.wrap_value('ctid')} in ({self._key_select(query)})"

    def _key_select(self, query: Builder) -> str:
        sub = query.clone()
        sub.columns = [f"{query.table_alias_or_name()}.ctid"]
        return self.compile_select(sub)

    def compile_truncate(self, query: Builder) -> list[tuple[str, list[Any]]]:
        """``truncate "t" restart identity cascade``."""
        return [(f"truncate {self.wrap_table(query.from_table)} restart identity cascade", [])]
