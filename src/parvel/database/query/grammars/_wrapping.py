"""Identifier quoting shared by every dialect.

Identifiers are never spliced into SQL as given: each segment must match
``[A-Za-z_][A-Za-z0-9_]*`` and is then quoted by the dialect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from parvel.database.exceptions import InvalidIdentifier
from parvel.database.query.expression import Expression

SEGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
JSON_KEY = re.compile(r"[A-Za-z0-9_]+\Z")
ALIAS_SPLIT = re.compile(r"\s+as\s+", re.IGNORECASE)
PATTERN_TEXT = (
    "names of letters, digits and underscores starting with a letter or underscore "
    "([A-Za-z_][A-Za-z0-9_]*), optionally 'table.column', 'column as alias', '*', "
    "'table.*' or a JSON path 'column->key->sub'"
)
_CACHE_LIMIT = 4096


def invalid(value: str, why: str = "") -> InvalidIdentifier:
    """Build the error for an identifier that fails the safe pattern."""
    reason = f" ({why})" if why else ""
    return InvalidIdentifier(
        f"Invalid SQL identifier {value!r}{reason}: identifiers must be {PATTERN_TEXT}.",
        hint=(
            "Check the name against an allow-list when it comes from user input, "
            "or use DB.raw() for an SQL expression."
        ),
    )


def check_segment(segment: str, whole: str) -> str:
    """Return ``segment`` if it is a safe identifier, else raise InvalidIdentifier."""
    if SEGMENT.match(segment) is None:
        raise invalid(whole)
    return segment


class Wrapper:
    """Quotes identifiers for one dialect (mixed into every grammar)."""

    quote_open = '"'
    quote_close = '"'

    def __init__(self, table_prefix: str = "") -> None:
        self.table_prefix = table_prefix
        self._wrap_cache: dict[str, str] = {}
        self._table_cache: dict[str, str] = {}

    # -- public API ---------------------------------------------------------------------------
    def set_table_prefix(self, prefix: str) -> None:
        """Change the prefix added to every table name."""
        if prefix and SEGMENT.match(prefix) is None and not prefix.rstrip("_").isalnum():
            raise invalid(prefix, "table prefix")
        self.table_prefix = prefix
        self._wrap_cache.clear()
        self._table_cache.clear()

    def wrap(self, value: str | Expression) -> str:
        """Quote a column reference: ``id``, ``users.id``, ``name as n``, ``*``, ``meta->a->b``."""
        if isinstance(value, Expression):
            return str(value.value)
        cached = self._wrap_cache.get(value)
        if cached is not None:
            return cached
        if not isinstance(value, str):
            raise invalid(repr(value), "not a string")
        result = self._wrap_uncached(value)
        if len(self._wrap_cache) >= _CACHE_LIMIT:
            self._wrap_cache.clear()
        self._wrap_cache[value] = result
        return result

    def wrap_table(self, table: str | Expression) -> str:
        """Quote a table name (``users``, ``users as u``, ``schema.users``), adding the prefix."""
        if isinstance(table, Expression):
            return str(table.value)
        cached = self._table_cache.get(table)
        if cached is not None:
            return cached
        if not isinstance(table, str):
            raise invalid(repr(table), "not a string")
        parts = ALIAS_SPLIT.split(table.strip())
        if len(parts) == 2:
            result = f"{self._wrap_table_name(parts[0], table)} as {self.wrap_value(check_segment(self.table_prefix + parts[1], table))}"
        elif len(parts) == 1:
            result = self._wrap_table_name(parts[0], table)
        else:
            raise invalid(table)
        if len(self._table_cache) >= _CACHE_LIMIT:
            self._table_cache.clear()
        self._table_cache[table] = result
        return result

    def wrap_value(self, segment: str) -> str:
        """Quote one already-validated segment (``*`` stays bare)."""
        if segment == "*":
            return "*"
        return f"{self.quote_open}{segment}{self.quote_close}"

    def quote_identifier(self, name: str) -> str:
        """Quote any name read from the database itself (quote characters are doubled)."""
        doubled = name.replace(self.quote_close, self.quote_close * 2)
        return f"{self.quote_open}{doubled}{self.quote_close}"

    def columnize(self, columns: Iterable[str | Expression]) -> str:
        """Quote a list of columns and join them with commas."""
        return ", ".join([self.wrap(c) for c in columns])

    def parameter(self, value: Any) -> str:
        """The placeholder for a value (``?``), or a raw expression's SQL."""
        if isinstance(value, Expression):
            return str(value.value)
        return "?"

    def parameterize(self, values: Iterable[Any]) -> str:
        """Placeholders for several values, comma separated."""
        return ", ".join([self.parameter(v) for v in values])

    def quote_string(self, value: str) -> str:
        """Quote a string literal (used only for validated JSON paths and DDL comments)."""
        return "'" + value.replace("'", "''") + "'"

    def is_json_selector(self, value: str | Expression) -> bool:
        """True when ``value`` is a ``column->path`` JSON selector."""
        return isinstance(value, str) and "->" in value

    # -- internals ----------------------------------------------------------------------------
    def _wrap_table_name(self, name: str, whole: str) -> str:
        segments = name.split(".")
        if len(segments) > 2:
            raise invalid(whole)
        for s in segments:
            check_segment(s, whole)
        segments[-1] = self.table_prefix + segments[-1]
        return ".".join(self.wrap_value(s) for s in segments)

    def _wrap_uncached(self, value: str) -> str:
        stripped = value.strip()
        parts = ALIAS_SPLIT.split(stripped)
        if len(parts) == 2:
            alias = check_segment(parts[1], value)
            return f"{self._wrap_column(parts[0], value)} as {self.wrap_value(alias)}"
        if len(parts) != 1:
            raise invalid(value)
        return self._wrap_column(stripped, value)

    def _wrap_column(self, column: str, whole: str) -> str:
        if column == "*":
            return "*"
        if "->" in column:
            return self._wrap_json_selector(column, whole)
        return self._wrap_segments(column, whole)

    def _wrap_segments(self, column: str, whole: str) -> str:
        segments = column.split(".")
        if len(segments) > 3:
            raise invalid(whole)
        last = len(segments) - 1
        out = []
        for i, segment in enumerate(segments):
            if segment == "*" and i == last and i > 0:
                out.append("*")
                continue
            check_segment(segment, whole)
            if i == last - 1:
                segment = self.table_prefix + segment
            out.append(self.wrap_value(segment))
        return ".".join(out)

    def split_json_selector(self, column: str, whole: str | None = None) -> tuple[str, list[str]]:
        """Split ``meta->a->b`` into the quoted column and its validated path keys."""
        whole = whole if whole is not None else column
        field, _, rest = column.replace("->>", "->").partition("->")
        keys = rest.split("->")
        for key in keys:
            if JSON_KEY.match(key) is None:
                raise invalid(whole, f"JSON path key {key!r}")
        return self._wrap_segments(field, whole), keys

    def json_path(self, keys: list[str]) -> str:
        """A JSON path literal like ``'$."a"[0]'`` for validated keys."""
        path = "$"
        for key in keys:
            path += f"[{key}]" if key.isdigit() else f'."{key}"'
        return self.quote_string(path)

    def _wrap_json_selector(self, column: str, whole: str) -> str:
        field, keys = self.split_json_selector(column, whole)
        return self.compile_json_selector(field, keys)

    def compile_json_selector(self, field: str, keys: list[str]) -> str:
        """Dialect SQL extracting the JSON path ``keys`` from the quoted ``field``."""
        return f"json_extract({field}, {self.json_path(keys)})"
