"""Turning a resource into a JSON response: wrapping, pagination links and meta, the status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from parvel.database.pagination import CursorPaginator, LengthAwarePaginator, Paginator
from parvel.http.responses import JsonResponse
from parvel.orm import Model

_PAGINATORS = (LengthAwarePaginator, Paginator, CursorPaginator)
_URL_KEYS = ("data", "first_page_url", "last_page_url", "prev_page_url", "next_page_url")


class ResourceResponse(JsonResponse):
    """The JSON response of a resource; ``original`` is the wrapped model (or collection)."""

    original: Any = None

    def set_status_code(self, status: int) -> ResourceResponse:
        """Change the status code (Laravel's ``setStatusCode``)."""
        self.status_code = status
        return self

    def get_status_code(self) -> int:
        """The status code."""
        return self.status_code

    def get_data(self) -> Any:
        """The decoded JSON body."""
        return orjson.loads(self.body)


def is_paginator(value: Any) -> bool:
    """Whether ``value`` is one of the database layer's paginators."""
    return isinstance(value, _PAGINATORS)


def paginated_array(paginator: Any) -> dict[str, Any]:
    """The paginator's JSON shape, without serializing its items."""
    bases: tuple[Any, ...] = _PAGINATORS
    for base in bases:
        if isinstance(paginator, base):
            data: dict[str, Any] = base.to_dict(paginator)
            return data
    raise TypeError(f"{type(paginator).__name__} is not a paginator.")  # pragma: no cover


def pagination_information(paginated: Mapping[str, Any]) -> dict[str, Any]:
    """``links`` (first, last, prev, next) and ``meta`` (the rest of the paginator's shape)."""
    return {
        "links": {
            "first": paginated.get("first_page_url"),
            "last": paginated.get("last_page_url"),
            "prev": paginated.get("prev_page_url"),
            "next": paginated.get("next_page_url"),
        },
        "meta": {k: v for k, v in paginated.items() if k not in _URL_KEYS},
    }


def merge_recursive(target: dict[str, Any], *sources: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``sources`` into ``target``: nested dicts merge, other values replace."""
    for source in sources:
        for key, value in source.items():
            current = target.get(key)
            if isinstance(current, dict) and isinstance(value, Mapping):
                target[key] = merge_recursive(dict(current), value)
            else:
                target[key] = value
    return target


def wrap(
    data: Any, wrapper: str | None, with_: Mapping[str, Any], additional: Mapping[str, Any]
) -> Any:
    """Put ``data`` under ``wrapper`` (unless it holds that key already) and add the meta."""
    if wrapper and not (isinstance(data, Mapping) and wrapper in data):
        data = {wrapper: data}
    elif (with_ or additional) and not (wrapper and isinstance(data, Mapping) and wrapper in data):
        data = {wrapper or "data": data}
    if not with_ and not additional:
        return data
    if not isinstance(data, dict):  # a bare list with no wrapper and meta: wrap it after all
        data = {"data": data}
    return merge_recursive(dict(data), with_, additional)


def status_for(resource: Any) -> int:
    """201 for a model created during this request, else 200."""
    if isinstance(resource, Model) and resource.__dict__.get("was_recently_created"):
        return 201
    return 200
