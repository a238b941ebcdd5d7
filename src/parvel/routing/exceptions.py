"""Errors raised while defining, compiling or generating URLs for routes."""

from __future__ import annotations

from parvel.exceptions import ParvelError


class RoutingError(ParvelError):
    """Base class of the routing component's errors."""

    code = "routing-error"


class RouteDefinitionError(RoutingError):
    """A route is defined wrongly (bad pattern, duplicate name); raised at boot with file:line."""

    code = "route-definition"


class RouteNotDefined(RoutingError):
    """``route("name")`` named a route that does not exist."""

    code = "route-not-defined"


class UrlGenerationError(RoutingError):
    """A URL cannot be generated: a required parameter is missing or does not match."""

    code = "url-generation"


class RoutesAlreadyCompiled(RoutingError):
    """A route was added after the router compiled its lookup tree at boot."""

    code = "routes-compiled"
