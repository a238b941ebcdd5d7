"""Rule objects behind ``Rule.in_``, ``Rule.unique``, ``Rule.exists``, ``Rule.enum``, ...

Each object turns into parsed rules when the rules are defined.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

from parvel.validation._parser import ParsedRule, RuleObject
from parvel.validation._rules_files import dimension_constraints
from parvel.validation._values import php_str
from parvel.validation.contracts import WhereClause
from parvel.validation.exceptions import InvalidRuleError


def flatten(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """Accept ``f(a, b)`` or ``f([a, b])`` (or an Enum class); Enum members become values.

    Args:
        values: The positional arguments.

    Returns:
        A flat tuple of plain values.
    """
    if len(values) == 1 and isinstance(values[0], Iterable) and not isinstance(values[0], str):
        values = tuple(values[0])
    return tuple(v.value if isinstance(v, enum.Enum) else v for v in values)


class In(RuleObject):
    """``in``: the value must be one of the given values."""

    def __init__(self, values: tuple[Any, ...], negate: bool = False) -> None:
        self.values = values
        self.negate = negate

    def to_rules(self) -> list[ParsedRule]:
        """Return ``in``/``not_in`` with the values.

        Returns:
            One parsed rule.
        """
        return [
            ParsedRule("not_in" if self.negate else "in", tuple(php_str(v) for v in self.values))
        ]

    def __str__(self) -> str:
        """The rule string, ``in:"a","b"``, for joining with ``|`` as in Laravel."""
        quoted = ",".join('"' + php_str(v).replace('"', '""') + '"' for v in self.values)
        return f"{'not_in' if self.negate else 'in'}:{quoted}"


class _DatabaseRule(RuleObject):
    def __init__(self, table: Any, column: str | None) -> None:
        self.table = _table_name(table)
        self.column = column
        self.wheres: list[WhereClause] = []

    def where(self, column: str | Callable[[Any], Any], value: Any = None) -> Any:
        """Add ``column = value`` to the query, or a callback receiving the query builder.

        A list or tuple value means ``IN``; ``None`` means ``IS NULL``. A callback
        (``lambda query: query.where("active", "=", 1)``) is only understood by the database
        verifier.

        Args:
            column: The column name, or a callback.
            value: The value.

        Returns:
            The rule, for chaining.
        """
        if callable(column):
            self.wheres.append(("", "callback", column))
        elif value is None:
            self.wheres.append((column, "null", None))
        elif isinstance(value, list | tuple):
            self.wheres.append((column, "in", list(value)))
        else:
            self.wheres.append((column, "=", value))
        return self

    def where_in(self, column: str, values: Iterable[Any]) -> Any:
        """Add ``column IN (values)`` to the query.

        Args:
            column: The column name.
            values: The accepted values.

        Returns:
            The rule, for chaining.
        """
        self.wheres.append((column, "in", list(values)))
        return self

    def where_not_in(self, column: str, values: Iterable[Any]) -> Any:
        """Add ``column NOT IN (values)`` to the query.

        Args:
            column: The column name.
            values: The rejected values.

        Returns:
            The rule, for chaining.
        """
        self.wheres.append((column, "not_in", list(values)))
        return self

    def where_not(self, column: str, value: Any) -> Any:
        """Add ``column != value`` to the query.

        Args:
            column: The column name.
            value: The excluded value.

        Returns:
            The rule, for chaining.
        """
        self.wheres.append((column, "!=", value))
        return self

    def where_null(self, column: str) -> Any:
        """Add ``column IS NULL`` to the query.

        Args:
            column: The column name.

        Returns:
            The rule, for chaining.
        """
        self.wheres.append((column, "null", None))
        return self

    def where_not_null(self, column: str) -> Any:
        """Add ``column IS NOT NULL`` to the query.

        Args:
            column: The column name.

        Returns:
            The rule, for chaining.
        """
        self.wheres.append((column, "not_null", None))
        return self

    def without_trashed(self, column: str = "deleted_at") -> Any:
        """Ignore soft-deleted rows (``deleted_at IS NULL``).

        Args:
            column: The soft-delete column.

        Returns:
            The rule, for chaining.
        """
        return self.where_null(column)

    def with_only_trashed(self, column: str = "deleted_at") -> Any:
        """Only consider soft-deleted rows.

        Args:
            column: The soft-delete column.

        Returns:
            The rule, for chaining.
        """
        return self.where_not_null(column)


def _table_name(table: Any) -> str:
    if isinstance(table, str):
        return table
    for attribute in ("table", "__tablename__"):
        name = getattr(table, attribute, None)
        if isinstance(name, str):
            return name
    for method in ("get_table", "table_name"):
        getter = getattr(table, method, None)
        if callable(getter):
            try:
                name = getter()
            except TypeError:
                continue
            if isinstance(name, str):
                return name
    raise InvalidRuleError(
        f"Cannot find a table name in {table!r}.",
        hint="Pass a table name or a model class with a `table` attribute.",
    )


class Unique(_DatabaseRule):
    """``unique``: no row of ``table`` has this value in ``column``."""

    def __init__(self, table: Any, column: str | None = None) -> None:
        super().__init__(table, column)
        self.ignore_id: Any = None
        self.id_column: str | None = None

    def ignore(self, id: Any, id_column: str | None = None) -> Unique:
        """Ignore the row with this primary key (e.g. the user being updated).

        Args:
            id: The primary key value, or a model instance (its ``id_column`` attribute).
            id_column: The key column (default ``"id"``).

        Returns:
            The rule, for chaining.
        """
        if not isinstance(id, str | int | float) and id is not None:
            key_name = getattr(id, "get_key_name", None)
            if id_column is None and callable(key_name):
                id_column = str(key_name())
            get_key = getattr(id, "get_key", None)
            column = id_column or "id"
            if callable(get_key):
                id = get_key()
            elif hasattr(id, column):
                id = getattr(id, column)
        self.ignore_id = id
        self.id_column = id_column
        return self

    def to_rules(self) -> list[ParsedRule]:
        """Return the ``unique`` rule with its query parameters.

        Returns:
            One parsed rule.
        """
        params = (
            self.table,
            self.column or "NULL",
            self.ignore_id if self.ignore_id is not None else "NULL",
            self.id_column or "NULL",
            *self.wheres,
        )
        return [ParsedRule("unique", params)]

    def __str__(self) -> str:
        """The rule string (``unique:users,email,5,id``); conditions need the object form."""
        _no_wheres(self, "unique")
        ignore = "NULL" if self.ignore_id is None else php_str(self.ignore_id)
        parts = [self.table, self.column or "NULL", ignore, self.id_column or "id"]
        if self.ignore_id is None and self.id_column is None:
            parts = parts[:2]
        return "unique:" + ",".join(parts)


class Exists(_DatabaseRule):
    """``exists``: a row of ``table`` has this value (each value, for a list) in ``column``."""

    def to_rules(self) -> list[ParsedRule]:
        """Return the ``exists`` rule with its query parameters.

        Returns:
            One parsed rule.
        """
        return [ParsedRule("exists", (self.table, self.column or "NULL", *self.wheres))]

    def __str__(self) -> str:
        """The rule string (``exists:users,id``); conditions need the object form."""
        _no_wheres(self, "exists")
        return f"exists:{self.table},{self.column or 'NULL'}"


def _no_wheres(rule: _DatabaseRule, name: str) -> None:
    if rule.wheres:
        raise InvalidRuleError(
            f"A {name} rule with where() conditions has no string form; "
            "put the rule object itself in the list of rules."
        )


class EnumRule(RuleObject):
    """``enum``: the value is a value of the given ``Enum`` class."""

    def __init__(self, enum_class: type[enum.Enum]) -> None:
        self.enum_class = enum_class
        self._only: tuple[enum.Enum, ...] | None = None
        self._except: tuple[enum.Enum, ...] | None = None

    def only(self, *members: Any) -> EnumRule:
        """Accept only these members.

        Args:
            *members: Enum members (or a list of them).

        Returns:
            The rule, for chaining.
        """
        self._only = tuple(_members(members))
        return self

    def except_(self, *members: Any) -> EnumRule:
        """Reject these members.

        Args:
            *members: Enum members (or a list of them).

        Returns:
            The rule, for chaining.
        """
        self._except = tuple(_members(members))
        return self

    def to_rules(self) -> list[ParsedRule]:
        """Return the ``enum`` rule.

        Returns:
            One parsed rule.
        """
        return [ParsedRule("enum", (self.enum_class, self._only, self._except))]


def _members(members: tuple[Any, ...]) -> list[Any]:
    if len(members) == 1 and isinstance(members[0], Iterable):
        return list(members[0])
    return list(members)


class Dimensions(RuleObject):
    """``dimensions``: image width/height/ratio constraints."""

    def __init__(self, constraints: dict[str, Any] | None = None) -> None:
        self.constraints: dict[str, Any] = dict(constraints or {})

    def _set(self, key: str, value: Any) -> Dimensions:
        self.constraints[key] = value
        return self

    def width(self, value: int) -> Dimensions:
        """Require an exact width in pixels.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("width", value)

    def height(self, value: int) -> Dimensions:
        """Require an exact height in pixels.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("height", value)

    def min_width(self, value: int) -> Dimensions:
        """Require at least this width.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("min_width", value)

    def min_height(self, value: int) -> Dimensions:
        """Require at least this height.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("min_height", value)

    def max_width(self, value: int) -> Dimensions:
        """Allow at most this width.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("max_width", value)

    def max_height(self, value: int) -> Dimensions:
        """Allow at most this height.

        Args:
            value: Pixels.

        Returns:
            The rule, for chaining.
        """
        return self._set("max_height", value)

    def ratio(self, value: float | str) -> Dimensions:
        """Require a width/height ratio (``1.5`` or ``"3/2"``).

        Args:
            value: The ratio.

        Returns:
            The rule, for chaining.
        """
        return self._set("ratio", value)

    def to_rules(self) -> list[ParsedRule]:
        """Return the ``dimensions`` rule.

        Returns:
            One parsed rule.
        """
        params = tuple(f"{k}={v}" for k, v in self.constraints.items())
        try:
            dimension_constraints(params)
        except ValueError as exc:
            raise InvalidRuleError(f"Bad dimensions rule: {exc}.") from None
        return [ParsedRule("dimensions", params)]
