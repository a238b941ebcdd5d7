"""Offset paginators: length-aware (with a total) and simple (next/previous only)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any, ClassVar
from urllib.parse import urlencode

import orjson


class AbstractPaginator:
    """What both offset paginators share: items, URLs and resolvers for the current request.

    The HTTP layer installs resolvers so ``paginate()`` reads ``?page=`` and the path from the
    current request; without them the page is 1 and the path ``/``.
    """

    _page_resolver: ClassVar[Callable[[str], int | None] | None] = None
    _path_resolver: ClassVar[Callable[[], str] | None] = None
    _query_resolver: ClassVar[Callable[[], dict[str, Any]] | None] = None

    def __init__(
        self,
        items: list[Any],
        per_page: int,
        current_page: int,
        path: str | dict[str, Any] = "/",
        page_name: str = "page",
    ) -> None:
        options: dict[str, Any] = path if isinstance(path, dict) else {"path": path}
        path = str(options.get("path", "/"))
        self._items = list(items)
        self._per_page = int(per_page)
        self._current_page = max(1, int(current_page))
        self._path = path.rstrip("/") if path != "/" else "/"
        self.page_name = str(options.get("page_name", options.get("pageName", page_name)))
        self._query: dict[str, Any] = dict(options.get("query", {}))
        self._fragment: str | None = options.get("fragment")
        self.links_on_each_side = 3

    # -- resolvers ----------------------------------------------------------------------------
    @classmethod
    def current_page_resolver(cls, resolver: Callable[[str], int | None]) -> None:
        """Install ``resolver(page_name) -> page`` (the HTTP layer reads the query string)."""
        AbstractPaginator._page_resolver = resolver

    @classmethod
    def current_path_resolver(cls, resolver: Callable[[], str]) -> None:
        """Install ``resolver() -> path`` for page URLs."""
        AbstractPaginator._path_resolver = resolver

    @classmethod
    def query_string_resolver(cls, resolver: Callable[[], dict[str, Any]]) -> None:
        """Install ``resolver() -> {key: value}`` for :meth:`with_query_string`."""
        AbstractPaginator._query_resolver = resolver

    @classmethod
    def resolve_current_page(cls, page_name: str = "page") -> int:
        """The current page from the installed resolver (1 when none or invalid)."""
        resolver = AbstractPaginator._page_resolver
        page = resolver(page_name) if resolver else None
        try:
            value = int(page) if page is not None else 1
        except (TypeError, ValueError):
            return 1
        return value if value >= 1 else 1

    @classmethod
    def resolve_current_path(cls) -> str:
        """The current path from the installed resolver (``/`` by default)."""
        resolver = AbstractPaginator._path_resolver
        return resolver() if resolver else "/"

    # -- data ---------------------------------------------------------------------------------
    def items(self) -> list[Any]:
        """The rows of this page."""
        return self._items

    def per_page(self) -> int:
        """Rows per page."""
        return self._per_page

    def current_page(self) -> int:
        """The 1-based page number."""
        return self._current_page

    def path(self) -> str:
        """The base path of page URLs."""
        return self._path

    def with_path(self, path: str) -> AbstractPaginator:
        """Use ``path`` as the base of page URLs."""
        self._path = path
        return self

    def appends(self, key: str | dict[str, Any], value: Any = None) -> AbstractPaginator:
        """Add query-string values to every page URL."""
        if isinstance(key, dict):
            self._query.update(key)
        else:
            self._query[key] = value
        return self

    def with_query_string(self) -> AbstractPaginator:
        """Keep the current request's query string (``?tag=python``) in every page URL."""
        resolver = AbstractPaginator._query_resolver
        current = resolver() if resolver else {}
        return self.appends({k: v for k, v in current.items() if k != self.page_name})

    def fragment(self, fragment: str) -> AbstractPaginator:
        """Add ``#fragment`` to every page URL."""
        self._fragment = fragment
        return self

    def through(self, callback: Callable[[Any], Any]) -> AbstractPaginator:
        """Transform every item with ``callback``."""
        self._items = [callback(item) for item in self._items]
        return self

    def url(self, page: int) -> str:
        """The URL of page ``page``."""
        page = max(1, int(page))
        query = {**self._query, self.page_name: page}
        separator = "&" if "?" in self._path else "?"
        fragment = f"#{self._fragment}" if self._fragment else ""
        return f"{self._path}{separator}{urlencode(query)}{fragment}"

    def previous_page_url(self) -> str | None:
        """The previous page's URL, or None on page 1."""
        return self.url(self._current_page - 1) if self._current_page > 1 else None

    def first_item(self) -> int | None:
        """The 1-based number of the first row on this page (None when empty)."""
        return (self._current_page - 1) * self._per_page + 1 if self._items else None

    def last_item(self) -> int | None:
        """The 1-based number of the last row on this page (None when empty)."""
        first = self.first_item()
        return None if first is None else first + len(self._items) - 1

    def on_first_page(self) -> bool:
        """True on page 1."""
        return self._current_page <= 1

    def is_empty(self) -> bool:
        """True when the page has no rows."""
        return not self._items

    def is_not_empty(self) -> bool:
        """True when the page has rows."""
        return bool(self._items)

    def count(self) -> int:
        """How many rows this page holds."""
        return len(self._items)

    def get_page_name(self) -> str:
        """The query-string key of the page number (``page``)."""
        return self.page_name

    def set_page_name(self, name: str) -> AbstractPaginator:
        """Use ``name`` as the query-string key of the page number."""
        self.page_name = name
        return self

    def on_each_side(self, count: int) -> AbstractPaginator:
        """Show ``count`` page links on each side of the current one."""
        self.links_on_each_side = count
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def to_json(self) -> str:
        """:meth:`to_dict` as a JSON string."""
        return orjson.dumps(self.to_dict(), default=str).decode()

    def to_dict(self) -> dict[str, Any]:
        """Laravel's JSON shape of the paginator."""
        raise NotImplementedError  # pragma: no cover - every concrete paginator overrides it


class LengthAwarePaginator(AbstractPaginator):
    """A page of rows plus the total count (``paginate()``)."""

    def __init__(
        self,
        items: list[Any],
        total: int,
        per_page: int,
        current_page: int = 1,
        path: str | dict[str, Any] = "/",
        page_name: str = "page",
    ) -> None:
        super().__init__(items, per_page, current_page, path, page_name)
        self._total = int(total)
        self._last_page = max(1, math.ceil(self._total / self._per_page)) if self._per_page else 1

    def total(self) -> int:
        """Rows across all pages."""
        return self._total

    def last_page(self) -> int:
        """The number of the last page."""
        return self._last_page

    def has_pages(self) -> bool:
        """True when there is more than one page."""
        return self._last_page > 1

    def has_more_pages(self) -> bool:
        """True when pages follow this one."""
        return self._current_page < self._last_page

    def on_last_page(self) -> bool:
        """True on the last page."""
        return not self.has_more_pages()

    def next_page_url(self) -> str | None:
        """The next page's URL, or None on the last page."""
        return self.url(self._current_page + 1) if self.has_more_pages() else None

    def get_url_range(self, start: int, end: int) -> dict[int, str]:
        """``{page: url}`` for pages ``start`` to ``end``."""
        return {page: self.url(page) for page in range(start, end + 1)}

    def elements(self) -> list[str | dict[int, str]]:
        """Page-number groups with ``"..."`` between them (Laravel's URL window)."""
        side, last, current = self.links_on_each_side, self._last_page, self._current_page
        if last < side * 2 + 8:
            return [self.get_url_range(1, last)]
        window = side * 2
        if current <= window:
            groups: list[dict[int, str] | None] = [
                self.get_url_range(1, window + side),
                None,
                self.get_url_range(last - 1, last),
            ]
        elif current > last - window:
            groups = [
                self.get_url_range(1, 2),
                None,
                self.get_url_range(last - (window + side - 1), last),
            ]
        else:
            groups = [
                self.get_url_range(1, 2),
                self.get_url_range(current - side, current + side),
                self.get_url_range(last - 1, last),
            ]
        out: list[str | dict[int, str]] = []
        for index, group in enumerate(groups):
            if group is None:
                continue
            if index > 0:
                out.append("...")
            out.append(group)
        return out

    def link_collection(self) -> list[dict[str, Any]]:
        """The ``links`` list: previous, numbered pages with ``...`` gaps, next."""
        links: list[dict[str, Any]] = [
            {"url": self.previous_page_url(), "label": "&laquo; Previous", "active": False}
        ]
        for element in self.elements():
            if isinstance(element, str):
                links.append({"url": None, "label": element, "active": False})
            else:
                for page, url in element.items():
                    links.append(
                        {"url": url, "label": str(page), "active": page == self._current_page}
                    )
        links.append({"url": self.next_page_url(), "label": "Next &raquo;", "active": False})
        return links

    def to_dict(self) -> dict[str, Any]:
        """Laravel's JSON shape: ``current_page``, ``data``, ``links``, ``total`` ..."""
        return {
            "current_page": self._current_page,
            "data": self._items,
            "first_page_url": self.url(1),
            "from": self.first_item(),
            "last_page": self._last_page,
            "last_page_url": self.url(self._last_page),
            "links": self.link_collection(),
            "next_page_url": self.next_page_url(),
            "path": self._path,
            "per_page": self._per_page,
            "prev_page_url": self.previous_page_url(),
            "to": self.last_item(),
            "total": self._total,
        }


class Paginator(AbstractPaginator):
    """A page of rows without a total (``simple_paginate()``): give it ``per_page + 1`` rows."""

    def __init__(
        self,
        items: list[Any],
        per_page: int,
        current_page: int = 1,
        path: str | dict[str, Any] = "/",
        page_name: str = "page",
    ) -> None:
        super().__init__(items, per_page, current_page, path, page_name)
        self._has_more = len(self._items) > self._per_page
        self._items = self._items[: self._per_page]

    def has_more_pages(self) -> bool:
        """True when a next page exists."""
        return self._has_more

    def has_pages(self) -> bool:
        """True unless this is the only page."""
        return self._current_page != 1 or self._has_more

    def on_last_page(self) -> bool:
        """True when no page follows."""
        return not self._has_more

    def next_page_url(self) -> str | None:
        """The next page's URL, or None."""
        return self.url(self._current_page + 1) if self._has_more else None

    def to_dict(self) -> dict[str, Any]:
        """Laravel's simple paginator JSON shape."""
        return {
            "current_page": self._current_page,
            "current_page_url": self.url(self._current_page),
            "data": self._items,
            "first_page_url": self.url(1),
            "from": self.first_item(),
            "next_page_url": self.next_page_url(),
            "path": self._path,
            "per_page": self._per_page,
            "prev_page_url": self.previous_page_url(),
            "to": self.last_item(),
        }
