"""Cursor (keyset) pagination: opaque cursors instead of page numbers."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Self
from urllib.parse import urlencode

import orjson

from parvel.database.exceptions import InvalidCursor


class Cursor:
    """The position of a page: the ordered columns' values and the direction."""

    def __init__(self, parameters: dict[str, Any], points_to_next_items: bool = True) -> None:
        self.parameters = parameters
        self.points_to_next_items = points_to_next_items

    def parameter(self, name: str) -> Any:
        """The value of ordered column ``name``."""
        if name not in self.parameters:
            raise InvalidCursor(f"The pagination cursor has no value for column {name!r}.")
        return self.parameters[name]

    def points_to_previous_items(self) -> bool:
        """True for a "previous page" cursor."""
        return not self.points_to_next_items

    def encode(self) -> str:
        """The URL-safe string form."""
        payload = {**self.parameters, "_pointsToNextItems": self.points_to_next_items}
        return base64.urlsafe_b64encode(orjson.dumps(payload, default=str)).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str | None) -> Cursor | None:
        """Parse an encoded cursor (None for empty input; InvalidCursor when malformed)."""
        if not value:
            return None
        try:
            padded = value + "=" * (-len(value) % 4)
            data = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
        except (binascii.Error, ValueError, orjson.JSONDecodeError) as exc:
            raise InvalidCursor(
                "The pagination cursor is malformed.", hint="Start again from the first page."
            ) from exc
        if not isinstance(data, dict) or "_pointsToNextItems" not in data:
            raise InvalidCursor(
                "The pagination cursor is malformed.", hint="Start again from the first page."
            )
        points = bool(data.pop("_pointsToNextItems"))
        return cls(data, points)


class CursorPaginator:
    """A page of rows with next/previous cursors (``cursor_paginate()``)."""

    _cursor_resolver: ClassVar[Callable[[str], str | None] | None] = None

    def __init__(
        self,
        items: list[Any],
        per_page: int,
        path: str = "/",
        cursor: Cursor | None = None,
        parameters: list[str] | None = None,
        cursor_name: str = "cursor",
        has_more: bool = False,
    ) -> None:
        self._items = list(items)
        self._per_page = per_page
        self._path = path
        self.cursor = cursor
        self.parameters = parameters or []
        self.cursor_name = cursor_name
        self._has_more = has_more
        self._query: dict[str, Any] = {}
        self._fragment: str | None = None

    @classmethod
    def current_cursor_resolver(cls, resolver: Callable[[str], str | None]) -> None:
        """Install ``resolver(cursor_name) -> encoded cursor`` (the HTTP layer reads the query)."""
        CursorPaginator._cursor_resolver = resolver

    @classmethod
    def resolve_current_cursor(cls, cursor_name: str = "cursor") -> Cursor | None:
        """The current cursor from the installed resolver."""
        resolver = CursorPaginator._cursor_resolver
        return Cursor.decode(resolver(cursor_name)) if resolver else None

    def items(self) -> list[Any]:
        """The rows of this page."""
        return self._items

    def per_page(self) -> int:
        """Rows per page."""
        return self._per_page

    def path(self) -> str:
        """The base path of page URLs."""
        return self._path

    def _cursor_for(self, item: Any, next_items: bool) -> Cursor:
        return Cursor({p: item[p] for p in self.parameters}, next_items)

    def next_cursor(self) -> Cursor | None:
        """The cursor of the next page, or None."""
        previous = self.cursor is not None and self.cursor.points_to_previous_items()
        if not self._items or (not previous and not self._has_more):
            return None
        return self._cursor_for(self._items[-1], True)

    def previous_cursor(self) -> Cursor | None:
        """The cursor of the previous page, or None."""
        if self.cursor is None or not self._items:
            return None
        if self.cursor.points_to_previous_items() and not self._has_more:
            return None
        return self._cursor_for(self._items[0], False)

    def url(self, cursor: Cursor | None) -> str | None:
        """The URL for ``cursor`` (with :meth:`appends` values and the :meth:`fragment`)."""
        if cursor is None:
            return None
        separator = "&" if "?" in self._path else "?"
        query = urlencode({**self._query, self.cursor_name: cursor.encode()})
        fragment = f"#{self._fragment}" if self._fragment else ""
        return f"{self._path}{separator}{query}{fragment}"

    def appends(self, key: str | dict[str, Any], value: Any = None) -> Self:
        """Add query-string values to every page URL."""
        if isinstance(key, dict):
            self._query.update(key)
        else:
            self._query[key] = value
        return self

    def with_query_string(self) -> Self:
        """Keep the current request's query string in every page URL."""
        from parvel.database.pagination.paginator import AbstractPaginator

        resolver = AbstractPaginator._query_resolver
        current = resolver() if resolver else {}
        return self.appends({k: v for k, v in current.items() if k != self.cursor_name})

    def fragment(self, fragment: str) -> Self:
        """Add ``#fragment`` to every page URL."""
        self._fragment = fragment
        return self

    def with_path(self, path: str) -> Self:
        """Use ``path`` as the base of page URLs."""
        self._path = path
        return self

    def through(self, callback: Callable[[Any], Any]) -> Self:
        """Transform every item with ``callback``.

        Call it after reading the cursors if ``callback`` drops the ordered columns.
        """
        self._items = [callback(item) for item in self._items]
        return self

    def get_cursor_name(self) -> str:
        """The query-string key of the cursor (``cursor``)."""
        return self.cursor_name

    def set_cursor_name(self, name: str) -> Self:
        """Use another query-string key (several paginators on one page)."""
        self.cursor_name = name
        return self

    def has_pages(self) -> bool:
        """True when there is a previous or next page."""
        return self.previous_cursor() is not None or self.next_cursor() is not None

    def on_first_page(self) -> bool:
        """True when there is no previous page."""
        return self.previous_cursor() is None

    def on_last_page(self) -> bool:
        """True when there is no next page."""
        return self.next_cursor() is None

    def count(self) -> int:
        """How many rows this page holds."""
        return len(self._items)

    def is_empty(self) -> bool:
        """True when the page has no rows."""
        return not self._items

    def is_not_empty(self) -> bool:
        """True when the page has rows."""
        return bool(self._items)

    def next_page_url(self) -> str | None:
        """The next page's URL, or None."""
        return self.url(self.next_cursor())

    def previous_page_url(self) -> str | None:
        """The previous page's URL, or None."""
        return self.url(self.previous_cursor())

    def has_more_pages(self) -> bool:
        """True when a next page exists."""
        return self.next_cursor() is not None

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def to_dict(self) -> dict[str, Any]:
        """Laravel's cursor paginator JSON shape."""
        nxt, prev = self.next_cursor(), self.previous_cursor()
        return {
            "data": self._items,
            "path": self._path,
            "per_page": self._per_page,
            "next_cursor": nxt.encode() if nxt else None,
            "next_page_url": self.url(nxt),
            "prev_cursor": prev.encode() if prev else None,
            "prev_page_url": self.url(prev),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as a JSON string."""
        return orjson.dumps(self.to_dict(), default=str).decode()
