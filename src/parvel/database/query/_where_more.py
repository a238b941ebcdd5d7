"""More where clauses: JSON keys and overlaps, integer ``in`` lists, Laravel's aliases.

Mixed into :class:`~parvel.database.query.builder.Builder` next to
:class:`~parvel.database.query._where.WhereClauses`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Self

import orjson

from parvel.database.exceptions import UnsupportedFeature
from parvel.database.query._where import MISSING

if TYPE_CHECKING:
    from parvel.database.query._where import WhereClauses

    _Base = WhereClauses
else:
    _Base = object


class MoreWhereClauses(_Base):
    """``where_json_contains_key``, ``where_json_overlaps``, ``where_integer_in_raw``..."""

    def where_json_contains_key(
        self, column: str, boolean: str = "and", not_: bool = False
    ) -> Self:
        """The JSON column has the path: ``where_json_contains_key("meta->address->city")``.

        A key holding JSON ``null`` counts as present, as in Laravel.
        """
        self.wheres.append(
            {"type": "json_contains_key", "column": column, "boolean": boolean, "not": not_}
        )
        return self

    def or_where_json_contains_key(self, column: str) -> Self:
        """``or`` JSON key presence."""
        return self.where_json_contains_key(column, "or")

    def where_json_doesnt_contain_key(self, column: str, boolean: str = "and") -> Self:
        """The JSON column lacks the path."""
        return self.where_json_contains_key(column, boolean, not_=True)

    def or_where_json_doesnt_contain_key(self, column: str) -> Self:
        """``or`` JSON key absence."""
        return self.where_json_contains_key(column, "or", not_=True)

    def or_where_json_length(self, column: str, operator: Any, value: Any = MISSING) -> Self:
        """``or`` JSON array length comparison."""
        return self.where_json_length(column, operator, value, "or")

    def where_json_overlaps(
        self, column: str, value: Any, boolean: str = "and", not_: bool = False
    ) -> Self:
        """The JSON array shares at least one element with ``value`` (a list or a scalar)."""
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        binding = orjson.dumps(values).decode()
        self.wheres.append(
            {"type": "json_overlaps", "column": column, "value": binding, "boolean": boolean,
             "not": not_}
        )  # fmt: skip
        self._add_binding(binding)
        return self

    def or_where_json_overlaps(self, column: str, value: Any) -> Self:
        """``or`` JSON overlap."""
        return self.where_json_overlaps(column, value, "or")

    def where_json_doesnt_overlap(self, column: str, value: Any, boolean: str = "and") -> Self:
        """The JSON array shares no element with ``value``."""
        return self.where_json_overlaps(column, value, boolean, not_=True)

    def or_where_json_doesnt_overlap(self, column: str, value: Any) -> Self:
        """``or`` negated JSON overlap."""
        return self.where_json_overlaps(column, value, "or", not_=True)

    def where_integer_in_raw(
        self, column: Any, values: Sequence[Any], boolean: str = "and", not_: bool = False
    ) -> Self:
        """``column in (1, 2, 3)`` with the integers written into the SQL (no bindings).

        Every value goes through ``int()``, so nothing but integers reaches the SQL.
        """
        ints = [int(v) for v in values]
        if not ints:
            return self.where_in(column, [], boolean, not_)
        listed = ", ".join(str(i) for i in ints)
        word = "not in" if not_ else "in"
        self.wheres.append(
            {"type": "raw", "sql": f"{self.grammar.wrap(column)} {word} ({listed})",
             "boolean": boolean}
        )  # fmt: skip
        return self

    def or_where_integer_in_raw(self, column: Any, values: Sequence[Any]) -> Self:
        """``or column in (...)`` with integers inlined."""
        return self.where_integer_in_raw(column, values, "or")

    def where_integer_not_in_raw(
        self, column: Any, values: Sequence[Any], boolean: str = "and"
    ) -> Self:
        """``column not in (...)`` with integers inlined."""
        return self.where_integer_in_raw(column, values, boolean, not_=True)

    def or_where_integer_not_in_raw(self, column: Any, values: Sequence[Any]) -> Self:
        """``or column not in (...)`` with integers inlined."""
        return self.where_integer_in_raw(column, values, "or", not_=True)

    def or_where_not_between_columns(self, column: Any, columns: Sequence[Any]) -> Self:
        """``or column not between other_a and other_b``."""
        return self.where_between_columns(column, columns, "or", not_=True)

    # -- vector similarity (PostgreSQL with pgvector) ---------------------------------------
    def _vector_distance_sql(self, column: str, vector: Sequence[float]) -> tuple[str, str]:
        if self.grammar.name != "pgsql":
            raise UnsupportedFeature(
                "Vector similarity queries need PostgreSQL with the pgvector extension."
            )
        literal = "[" + ",".join(repr(float(v)) for v in vector) + "]"
        return f"({self.grammar.wrap(column)} <=> cast(? as text)::vector)", literal

    def where_vector_distance_less_than(
        self, column: str, vector: Sequence[float], max_distance: float, boolean: str = "and"
    ) -> Self:
        """Cosine distance from ``vector`` at most ``max_distance`` (pgvector's ``<=>``)."""
        sql, literal = self._vector_distance_sql(column, vector)
        return self.where_raw(f"{sql} <= ?", [literal, float(max_distance)], boolean)

    def or_where_vector_distance_less_than(
        self, column: str, vector: Sequence[float], max_distance: float
    ) -> Self:
        """``or`` cosine distance at most ``max_distance``."""
        return self.where_vector_distance_less_than(column, vector, max_distance, "or")

    def where_vector_similar_to(
        self,
        column: str,
        vector: Sequence[float],
        min_similarity: float = 0.6,
        order: bool = True,
        boolean: str = "and",
    ) -> Self:
        """Rows whose cosine similarity to ``vector`` is at least ``min_similarity`` (0..1).

        Closest first unless ``order=False``. PostgreSQL with pgvector only.
        """
        self.where_vector_distance_less_than(column, vector, 1 - min_similarity, boolean)
        if order:
            self.order_by_vector_distance(column, vector)
        return self

    def order_by_vector_distance(self, column: str, vector: Sequence[float]) -> Self:
        """Closest to ``vector`` (cosine distance) first."""
        sql, literal = self._vector_distance_sql(column, vector)
        builder: Any = self
        builder.order_by_raw(sql, [literal])
        return self

    def select_vector_distance(
        self, column: str, vector: Sequence[float], as_: str | None = None
    ) -> Self:
        """Add the cosine distance to ``vector`` to the selected columns (``as_`` names it)."""
        sql, literal = self._vector_distance_sql(column, vector)
        alias = f" as {self.grammar.wrap(as_)}" if as_ else ""
        builder: Any = self
        builder.select_raw(sql + alias, [literal])
        return self

    def or_where_vector_similar_to(
        self, column: str, vector: Sequence[float], min_similarity: float = 0.6,
        order: bool = True,
    ) -> Self:  # fmt: skip
        """``or`` vector similarity."""
        return self.where_vector_similar_to(column, vector, min_similarity, order, "or")

    def where_full_text(
        self,
        columns: str | Sequence[str],
        value: str,
        options: dict[str, Any] | None = None,
        boolean: str = "and",
    ) -> Self:
        """Laravel's ``whereFullText``: the same as :meth:`where_fulltext`."""
        return self.where_fulltext(columns, value, options, boolean)

    def or_where_full_text(
        self, columns: str | Sequence[str], value: str, options: dict[str, Any] | None = None
    ) -> Self:
        """Laravel's ``orWhereFullText``: the same as :meth:`or_where_fulltext`."""
        return self.where_fulltext(columns, value, options, "or")
