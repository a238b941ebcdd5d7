"""Paginators of models: Laravel's JSON shapes and ``links()`` HTML.

``await Post.latest().paginate(15)`` returns a :class:`LengthAwarePaginator` whose items are
models; ``posts.links()`` renders accessible pagination HTML. The view layer (or the app) can
take over rendering with :func:`set_links_renderer` so the view ``pagination::default``
overrides the built-in template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from parvel.database.pagination import CursorPaginator as BaseCursorPaginator
from parvel.database.pagination import LengthAwarePaginator as BaseLengthAwarePaginator
from parvel.database.pagination import Paginator as BasePaginator
from parvel.orm.collection import serialize

LinksRenderer = Callable[[Any, str | None, dict[str, Any]], str | None]
_renderer: list[LinksRenderer | None] = [None]


def set_links_renderer(renderer: LinksRenderer | None) -> None:
    """Install ``renderer(paginator, view, data) -> html | None`` for ``links()``.

    Return None to fall back to the built-in template. The view layer installs one that
    renders ``pagination::default`` (or the ``view`` passed to ``links()``).
    """
    _renderer[0] = renderer


def _item(label: str, url: str | None, *, active: bool = False, rel: str | None = None,
          aria: str | None = None) -> str:  # fmt: skip
    if active:
        return (
            '<li class="page-item active" aria-current="page">'
            f'<span class="page-link">{escape(label)}</span></li>'
        )
    aria_attr = f' aria-label="{escape(aria)}"' if aria else ""
    if url is None:
        return (
            f'<li class="page-item disabled" aria-disabled="true"{aria_attr}>'
            f'<span class="page-link" aria-hidden="true">{Markup(label)}</span></li>'
        )
    rel_attr = f' rel="{rel}"' if rel else ""
    return (
        f'<li class="page-item"><a class="page-link" href="{escape(url)}"{rel_attr}{aria_attr}>'
        f"{Markup(label)}</a></li>"
    )


def render_default(paginator: Any) -> str:
    """The built-in pagination HTML (empty when there is only one page)."""
    if not paginator.has_pages():
        return ""
    parts = [
        '<nav role="navigation" aria-label="Pagination Navigation">',
        '<ul class="pagination">',
        _item("&lsaquo;", paginator.previous_page_url(), rel="prev", aria="&laquo; Previous"),
    ]
    if isinstance(paginator, BaseLengthAwarePaginator):
        for element in paginator.elements():
            if isinstance(element, str):
                parts.append(
                    '<li class="page-item disabled" aria-disabled="true">'
                    f'<span class="page-link">{escape(element)}</span></li>'
                )
                continue
            for page, url in element.items():
                if page == paginator.current_page():
                    parts.append(_item(str(page), url, active=True))
                else:
                    parts.append(
                        f'<li class="page-item"><a class="page-link" href="{escape(url)}" '
                        f'aria-label="Go to page {page}">{page}</a></li>'
                    )
    parts.append(_item("&rsaquo;", paginator.next_page_url(), rel="next", aria="Next &raquo;"))
    parts.append("</ul>")
    parts.append("</nav>")
    return "".join(parts)


class _Links:
    """``links()`` and model-aware serialization for the paginators."""

    def links(self, view: str | None = None, data: dict[str, Any] | None = None) -> Markup:
        """The page links as safe HTML (``{!! posts.links() !!}`` / ``{{ posts.links() }}``)."""
        renderer = _renderer[0]
        if renderer is not None:
            html = renderer(self, view, data or {})
            if html is not None:
                return Markup(html)
        return Markup(render_default(self))

    def render(self, view: str | None = None, data: dict[str, Any] | None = None) -> Markup:
        """Alias of :meth:`links`."""
        return self.links(view, data)

    def to_resource_collection(self, resource_class: Any = None) -> Any:
        """The page as an API resource collection (its response adds ``links`` and ``meta``)."""
        from parvel.orm.resources import resource_collection_for

        page: Any = self
        return resource_collection_for(page, page, resource_class)

    def to_dict(self) -> dict[str, Any]:
        """Laravel's JSON shape, with models serialized."""
        data: dict[str, Any] = super().to_dict()  # type: ignore[misc]
        data["data"] = [serialize(item) for item in data["data"]]
        return data


class LengthAwarePaginator(_Links, BaseLengthAwarePaginator):
    """A page of models with the total count."""


class Paginator(_Links, BasePaginator):
    """A page of models without a total."""


class CursorPaginator(_Links, BaseCursorPaginator):
    """A keyset page of models."""

    def has_pages(self) -> bool:
        """True when there is a previous or next page."""
        return self.previous_cursor() is not None or self.next_cursor() is not None


_CLASSES: dict[type, type] = {
    BaseLengthAwarePaginator: LengthAwarePaginator,
    BasePaginator: Paginator,
    BaseCursorPaginator: CursorPaginator,
}


def model_paginator(page: Any) -> Any:
    """Give a database paginator the model-aware ``links()`` / ``to_dict()``."""
    cls = _CLASSES.get(type(page))
    if cls is not None:
        page.__class__ = cls
    return page
