"""Keyset pagination for the query builder (``cursor_paginate``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from parvel.database.pagination.cursor import Cursor, CursorPaginator

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder


async def cursor_paginate(
    query: Builder, per_page: int, columns: Sequence[Any] | None, cursor_name: str, cursor: Any
) -> CursorPaginator:
    """Fetch one keyset page ordered by the query's ``order_by`` columns."""
    if isinstance(cursor, str) or cursor is None:
        cursor = (
            Cursor.decode(cursor) if cursor else CursorPaginator.resolve_current_cursor(cursor_name)
        )
    orders = [o for o in query.orders if "column" in o]
    if not orders or len(orders) != len(query.orders):
        raise ValueError(
            "cursor_paginate() needs order_by() on plain columns (add order_by('id'))."
        )
    names = [str(o["column"]).rsplit(".", 1)[-1] for o in orders]
    q = query.clone()
    previous = cursor is not None and cursor.points_to_previous_items()
    if cursor is not None:
        values = [cursor.parameter(name) for name in names]

        def add(builder: Builder, index: int) -> None:
            order = orders[index]
            ascending = (order["direction"] == "asc") != previous
            builder.where(order["column"], ">" if ascending else "<", values[index])
            if index + 1 < len(orders):
                builder.or_where(
                    lambda inner: inner.where(order["column"], "=", values[index]).where(
                        lambda deeper: add(deeper, index + 1)
                    )
                )

        q.where(lambda group: add(group, 0))
    if previous:
        q.orders = [
            {**o, "direction": "desc" if o["direction"] == "asc" else "asc"} for o in orders
        ]
    rows = await q.limit(per_page + 1).get(columns)
    has_more = len(rows) > per_page
    rows = rows[:per_page]
    if previous:
        rows.reverse()
    return CursorPaginator(
        rows,
        per_page,
        path=_current_path(),
        cursor=cursor,
        parameters=names,
        cursor_name=cursor_name,
        has_more=has_more,
    )


def _current_path() -> str:
    from parvel.database.pagination.paginator import AbstractPaginator

    return AbstractPaginator.resolve_current_path()
