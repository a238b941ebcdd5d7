"""``ResourceCollection``: a list (or a page) of models shaped by a resource class."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Self

from parvel.http._context import current_request
from parvel.http.api_resources.resource import JsonResource
from parvel.http.api_resources.response import (
    ResourceResponse,
    is_paginator,
    merge_recursive,
    paginated_array,
    pagination_information,
    status_for,
    wrap,
)
from parvel.http.api_resources.values import MissingValue
from parvel.orm.collection import Collection
from parvel.orm.keyed_collection import KeyedCollection
from parvel.orm.resources import set_collection_factory
from parvel.support import Str

_UNSET: Any = object()


class ResourceCollection(JsonResource):
    """Many models at once: ``UserCollection(users)`` or ``UserResource.collection(users)``.

    ``collects`` names the resource class of the items; left out, ``UserCollection`` looks for
    ``User`` or ``UserResource`` next to it (its module, then a sibling ``user_resource``
    module). Built from a paginator, the response adds ``links`` and ``meta``.
    """

    _parvel_collection: ClassVar[bool] = True
    collects: ClassVar[type[JsonResource] | None] = None
    """The resource class each item is wrapped in (None: guessed, else the items as they are)."""

    def __init__(self, resource: Any) -> None:
        super().__init__(resource)
        self._query_parameters: dict[str, Any] | None = None
        self._preserve_query = False
        self.collection: Any = self._collect(resource)

    # -- the items ---------------------------------------------------------------------------
    def _resource_class(self) -> type[JsonResource] | None:
        return type(self).guess_collects()

    @classmethod
    def guess_collects(cls) -> type[JsonResource] | None:
        """``collects``, or the resource class guessed from the collection's name."""
        if cls.collects is not None:
            return cls.collects
        cached = cls.__dict__.get("_parvel_guessed", _UNSET)
        if cached is not _UNSET:
            return cached  # type: ignore[no-any-return]
        found = _guess(cls)
        cls._parvel_guessed = found  # type: ignore[attr-defined]
        return found

    def _collect(self, resource: Any) -> Any:
        if isinstance(resource, MissingValue):
            return Collection([])
        if resource is None:
            items: Any = []
        elif is_paginator(resource):
            items = list(resource.items())
        elif isinstance(resource, Mapping):
            items = dict(resource)
        elif isinstance(resource, Collection):
            items = resource.items
        elif isinstance(resource, list | tuple) or hasattr(resource, "__iter__"):
            items = list(resource)
        else:
            raise TypeError(
                f"{type(self).__name__} needs a list, a collection or a paginator, "
                f"not {type(resource).__name__}."
            )
        cls = self._resource_class()
        if isinstance(items, dict):
            if cls is not None:
                items = {k: v if isinstance(v, cls) else cls(v) for k, v in items.items()}
            return KeyedCollection(items)
        if cls is not None:
            items = [item if isinstance(item, cls) else cls(item) for item in items]
        return Collection(items)

    def _items(self) -> list[Any]:
        collection = self.collection
        return list(collection.values()) if isinstance(collection, dict) else collection.items

    def count(self) -> int:
        """The number of items."""
        return len(self.collection)

    def __len__(self) -> int:
        return len(self.collection)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())

    def is_empty(self) -> bool:
        """Whether there are no items."""
        return len(self.collection) == 0

    def is_not_empty(self) -> bool:
        """Whether there are items."""
        return len(self.collection) > 0

    def is_missing(self) -> bool:
        """Whether the collection wraps a missing value (``when_loaded`` of an unloaded relation)."""
        return isinstance(self.resource, MissingValue)

    # -- output ------------------------------------------------------------------------------
    def to_array(self, request: Any) -> Any:
        """The items, each resolved through its resource."""
        collection = self.collection
        if isinstance(collection, dict):
            return {k: _resolved(v, request) for k, v in collection.items()}
        return [_resolved(v, request) for v in collection.items]

    def resolve(self, request: Any = None) -> Any:
        """The items with missing values removed (keys kept with ``preserve_keys``)."""
        if request is None:
            request = current_request.get()
        self._request = request
        if type(self).to_array is ResourceCollection.to_array and isinstance(
            self.collection, Collection
        ):  # the default shape: each item is resolved once, no second pass
            resolved = (_resolved(v, request) for v in self.collection.items)
            return [r for r in resolved if not isinstance(r, MissingValue)]
        return super().resolve(request)

    def pagination_information(
        self, request: Any, paginated: dict[str, Any], default: dict[str, Any]
    ) -> dict[str, Any]:
        """The ``links`` and ``meta`` of a paginated response; override to change them."""
        return default

    def with_query(self, parameters: Mapping[str, Any]) -> Self:
        """Add ``parameters`` to the pagination links."""
        self._query_parameters = dict(parameters)
        return self

    def preserve_query(self) -> Self:
        """Keep the request's query string in the pagination links."""
        self._preserve_query = True
        return self

    def to_response(self, request: Any = None) -> ResourceResponse:
        """The JSON response; a paginated collection adds ``links`` and ``meta``."""
        if not is_paginator(self.resource):
            return super().to_response(request)
        if request is None:
            request = current_request.get()
        paginator = self.resource
        appends = getattr(paginator, "appends", None)
        if appends is not None:
            if self._preserve_query and request is not None:
                appends(dict(request.query()))
            elif self._query_parameters is not None:
                appends(self._query_parameters)
        paginated = paginated_array(paginator)
        information = self.pagination_information(
            request, paginated, pagination_information(paginated)
        )
        meta = merge_recursive(dict(information), self.with_(request), self.additional_data)
        body = wrap(self.resolve(request), type(self).wrap, meta, {})
        response = ResourceResponse(body, status_code=status_for(paginator))
        response.original = paginator
        self.with_response(request, response)
        return response


class AnonymousResourceCollection(ResourceCollection):
    """What ``UserResource.collection(users)`` returns: items wrapped in ``UserResource``."""

    def __init__(self, resource: Any, collects: type[JsonResource]) -> None:
        self._collects = collects
        super().__init__(resource)

    def _resource_class(self) -> type[JsonResource] | None:
        return self._collects


def _resolved(item: Any, request: Any) -> Any:
    if getattr(type(item), "_parvel_resource", False):
        return item.resolve(request)
    for method in ("to_array", "to_dict"):
        fn = getattr(item, method, None)
        if callable(fn):
            return fn()
    return item


def _namespace(cls: type) -> dict[str, Any]:
    """The globals of the module defining ``cls`` (through its methods, else sys.modules)."""
    for value in vars(cls).values():
        globals_ = getattr(value, "__globals__", None)
        if isinstance(globals_, dict):
            return globals_
    module = sys.modules.get(cls.__module__)
    return vars(module) if module is not None else {}


def _guess(cls: type) -> type[JsonResource] | None:
    """``UserCollection`` → ``User`` or ``UserResource`` in its module or a sibling module."""
    name = cls.__name__
    if not name.endswith("Collection") or cls.__module__ == __name__:
        return None
    base = name[: -len("Collection")]
    candidates = (base, f"{base}Resource")
    namespace = _namespace(cls)
    for candidate in candidates:
        found = namespace.get(candidate)
        if isinstance(found, type) and issubclass(found, JsonResource):
            return found
    package = cls.__module__.rpartition(".")[0]
    for candidate in reversed(candidates):
        module_name = f"{package}.{Str.snake(candidate)}" if package else Str.snake(candidate)
        try:
            sibling = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(sibling, candidate, None)
        if isinstance(found, type) and issubclass(found, JsonResource):
            return found
    return None


set_collection_factory(ResourceCollection)
