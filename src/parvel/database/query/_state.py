"""The state and helper signatures the query builder's mixins share (for type checkers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Self, cast

if TYPE_CHECKING:
    from parvel.database.connection import Connection
    from parvel.database.query.builder import Builder
    from parvel.database.query.grammars.grammar import Grammar


class BuilderState:
    """What every builder mixin may read: the builder's attributes and its core methods."""

    connection: Connection
    grammar: Grammar
    bindings: dict[str, list[Any]]
    joins: list[Any]
    orders: list[dict[str, Any]]
    union_orders: list[dict[str, Any]]
    limit_value: int | None
    from_table: Any
    use_write: bool

    def _as_builder(self) -> Builder:
        return cast("Builder", self)

    if TYPE_CHECKING:

        def clone(self) -> Self: ...

        def clone_without(self, *properties: str) -> Self: ...

        def clone_without_bindings(self, *kinds: str) -> Self: ...

        def where(
            self, column: Any, operator: Any = ..., value: Any = ..., boolean: str = ...
        ) -> Self: ...

        def get_bindings(self) -> list[Any]: ...

        def to_sql(self) -> str: ...

        def table_alias_or_name(self) -> str: ...

        def _sub_sql(self, query: Any) -> tuple[str, list[Any]]: ...

        async def exists(self) -> bool: ...

        async def get(self, columns: Sequence[Any] | None = None) -> list[dict[str, Any]]: ...

        async def count(self, columns: Any = "*") -> int: ...

        def for_page(self, page: int, per_page: int = 15) -> Self: ...

        def for_page_after_id(
            self, per_page: int = 15, last_id: Any = None, column: str = "id"
        ) -> Self: ...

        def for_page_before_id(
            self, per_page: int = 15, last_id: Any = None, column: str = "id"
        ) -> Self: ...

        def offset(self, value: int) -> Self: ...

        def limit(self, value: int) -> Self: ...
