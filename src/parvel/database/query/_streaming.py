"""Chunking, streaming and pagination for the query builder (mixed into :class:`Builder`)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Any

from parvel.database.query._state import BuilderState
from parvel.support.callbacks import arity, call

if TYPE_CHECKING:
    from parvel.database.pagination import CursorPaginator, LengthAwarePaginator, Paginator


class StreamingMethods(BuilderState):
    """Reading big results piece by piece, and paginating."""

    def _require_order(self, method: str) -> None:
        if not self.orders and not self.union_orders:
            raise ValueError(f"You must specify an order_by clause when using {method}().")

    async def chunk(self, count: int, callback: Callable[..., Any]) -> bool:
        """Feed ``callback(rows)`` (or ``(rows, page)``) ``count`` rows at a time.

        Returning False from it stops.
        """
        self._require_order("chunk")
        page = 1
        while True:
            rows = await self.clone().for_page(page, count).get()
            if not rows:
                return True
            result = call(callback, arity(callback), rows, page)
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
        callback: Callable[..., Any],
        column: str = "id",
        alias: str | None = None,
        descending: bool = False,
    ) -> bool:
        """Like :meth:`chunk` but pages by ``column > last id`` (safe while updating rows)."""
        alias = alias or column.rsplit(".", 1)[-1]
        last_id: Any = None
        page = 1
        while True:
            query = self.clone()
            if descending:
                query.for_page_before_id(count, last_id, column)
            else:
                query.for_page_after_id(count, last_id, column)
            rows = await query.get()
            if not rows:
                return True
            result = call(callback, arity(callback), rows, page)
            if inspect.isawaitable(result):
                result = await result
            if result is False:
                return False
            last_id = rows[-1][alias]
            if len(rows) < count:
                return True
            page += 1

    async def chunk_by_id_desc(
        self,
        count: int,
        callback: Callable[..., Any],
        column: str = "id",
        alias: str | None = None,
    ) -> bool:
        """:meth:`chunk_by_id` from the highest id down."""
        return await self.chunk_by_id(count, callback, column, alias, descending=True)

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
        self,
        chunk_size: int = 1000,
        column: str = "id",
        alias: str | None = None,
        descending: bool = False,
    ) -> AsyncIterator[dict[str, Any]]:
        """Iterate rows one by one, paging by ``column > last id``."""
        alias = alias or column.rsplit(".", 1)[-1]
        last_id: Any = None
        while True:
            query = self.clone()
            if descending:
                query.for_page_before_id(chunk_size, last_id, column)
            else:
                query.for_page_after_id(chunk_size, last_id, column)
            rows = await query.get()
            for row in rows:
                yield row
            if len(rows) < chunk_size:
                return
            last_id = rows[-1][alias]

    def lazy_by_id_desc(
        self, chunk_size: int = 1000, column: str = "id", alias: str | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        """:meth:`lazy_by_id` from the highest id down."""
        return self.lazy_by_id(chunk_size, column, alias, descending=True)

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

        per_page = max(1, int(per_page))
        page = max(1, int(page or LengthAwarePaginator.resolve_current_page(page_name)))
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

        per_page = max(1, int(per_page))
        page = max(1, int(page or Paginator.resolve_current_page(page_name)))
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

        return await cursor_paginate(self._as_builder(), per_page, columns, cursor_name, cursor)
