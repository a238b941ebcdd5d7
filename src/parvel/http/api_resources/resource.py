"""``JsonResource``: shapes one model (or any object or dict) as the JSON an API returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

import orjson

from parvel.http._context import current_request
from parvel.http.api_resources.conditional import ConditionallyLoadsAttributes
from parvel.http.api_resources.response import ResourceResponse, status_for, wrap
from parvel.http.api_resources.values import MissingValue
from parvel.http.responses import dumps

if TYPE_CHECKING:
    from parvel.http.api_resources.collection import AnonymousResourceCollection


class JsonResource(ConditionallyLoadsAttributes):
    """A resource: override :meth:`to_array` to choose what the API shows of a model.

    Attribute reads fall through to the wrapped model (``self.name``); ``self.resource`` is
    the model itself. Returned from a route, the resource becomes the JSON response.
    """

    _parvel_resource: ClassVar[bool] = True

    wrap: ClassVar[str | None] = "data"
    """The key the output is put under (None: no wrapping); see :meth:`without_wrapping`."""

    preserve_keys: bool = False
    """Keep a keyed collection's keys (``UserResource.collection(...)`` honours it)."""

    def __init__(self, resource: Any) -> None:
        self.resource: Any = resource
        self.additional_data: dict[str, Any] = {}

    @classmethod
    def make(cls, resource: Any) -> Self:
        """A new resource wrapping ``resource`` (Laravel's ``make``)."""
        return cls(resource)

    @classmethod
    def collection(cls, resource: Any) -> AnonymousResourceCollection:
        """A collection of this resource: a list, a model collection or a paginator."""
        from parvel.http.api_resources.collection import AnonymousResourceCollection

        collection = AnonymousResourceCollection(resource, cls)
        collection.preserve_keys = cls.preserve_keys is True
        return collection

    @classmethod
    def without_wrapping(cls) -> None:
        """Turn off the ``data`` wrapper.

        Called on ``JsonResource``, it applies to every resource that does not set ``wrap``.
        """
        cls.wrap = None

    @classmethod
    def set_wrap(cls, key: str | None) -> None:
        """Use ``key`` as the wrapper (Laravel's static ``wrap('key')``)."""
        cls.wrap = key

    # -- what subclasses override ------------------------------------------------------------
    def to_array(self, request: Any) -> Any:
        """The resource's data; by default the wrapped model's own serialization.

        A resource wrapping None gives an empty list, as Laravel's empty array.
        """
        resource = self.resource
        if resource is None:
            return []
        if isinstance(resource, Mapping):
            return dict(resource)
        if isinstance(resource, list | tuple):
            return list(resource)
        for method in ("to_array", "to_dict"):
            fn = getattr(resource, method, None)
            if callable(fn):
                return fn()
        return vars(resource) if hasattr(resource, "__dict__") else resource

    def with_(self, request: Any) -> dict[str, Any]:
        """Top-level data added next to the wrapped data (Laravel's ``with``).

        Only added when this resource is the response, not when it is nested in another.
        """
        return {}

    def with_response(self, request: Any, response: ResourceResponse) -> None:
        """Adjust the response (headers, status) before it is sent."""

    # -- building the output -----------------------------------------------------------------
    def additional(self, data: Mapping[str, Any]) -> Self:
        """Add top-level data to this resource's response."""
        self.additional_data = {**self.additional_data, **data}
        return self

    def resolve(self, request: Any = None) -> Any:
        """:meth:`to_array` with missing values removed and nested resources resolved."""
        if request is None:
            request = current_request.get()
        self._request = request
        data = self.to_array(request)
        if not isinstance(data, dict | list | tuple):
            for method in ("to_array", "to_dict"):
                fn = getattr(data, method, None)
                if callable(fn):
                    data = fn()
                    break
        return self.filter(data)

    def to_response(self, request: Any = None) -> ResourceResponse:
        """The JSON response (what returning the resource from a route produces)."""
        if request is None:
            request = current_request.get()
        body = wrap(
            self.resolve(request), type(self).wrap, self.with_(request), self.additional_data
        )
        response = ResourceResponse(body, status_code=status_for(self.resource))
        response.original = self.resource
        self.with_response(request, response)
        return response

    def response(self, request: Any = None) -> ResourceResponse:
        """The JSON response, to change before returning it.

        ``UserResource(user).response().set_status_code(202).header("X-Value", "True")``.
        """
        return self.to_response(request)

    def is_missing(self) -> bool:
        """Whether the wrapped value is missing (``UserResource(self.when_loaded("user"))``)."""
        return isinstance(self.resource, MissingValue)

    def to_dict(self) -> Any:
        """The resolved data (without wrapper): used when a resource is nested in other JSON."""
        return self.resolve()

    def to_json(self, option: int = 0) -> str:
        """The resolved data as JSON."""
        if option:
            return orjson.dumps(orjson.loads(dumps(self.resolve())), option=option).decode()
        return dumps(self.resolve()).decode()

    # -- reaching the wrapped model ----------------------------------------------------------
    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        resource = self.__dict__.get("resource")
        if isinstance(resource, Mapping):
            if key in resource:
                return resource[key]
            raise AttributeError(f"{type(self).__name__}: the wrapped dict has no key {key!r}.")
        if resource is None or isinstance(resource, MissingValue):
            raise AttributeError(
                f"{type(self).__name__} wraps {resource!r}, which has no attribute {key!r}."
            )
        return getattr(resource, key)

    def __getitem__(self, key: Any) -> Any:
        return self.resource[key]

    def __contains__(self, key: object) -> bool:
        return key in self.resource

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.resource!r})"
