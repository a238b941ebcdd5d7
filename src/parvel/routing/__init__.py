"""Routing: route definitions, the compiled lookup tree and URL generation (no I/O).

See docs/routing.md.
"""

from parvel.routing.exceptions import (
    RouteDefinitionError,
    RouteNotDefined,
    RoutesAlreadyCompiled,
    RoutingError,
    UrlGenerationError,
)
from parvel.routing.facade import URL, Route
from parvel.routing.matcher import CompiledRoutes, MethodNotAllowed, RouteMatch
from parvel.routing.resource import (
    PendingResourceRegistration,
    PendingSingletonResourceRegistration,
)
from parvel.routing.route import RedirectAction, RouteDefinition, ViewAction
from parvel.routing.router import GroupAttributes, Router, RouteRegistrar
from parvel.routing.url import UrlGenerator, parse_app_key

__all__ = [  # noqa: RUF022 - plain sorted() order, as tests/routing checks
    "CompiledRoutes",
    "GroupAttributes",
    "MethodNotAllowed",
    "PendingResourceRegistration",
    "PendingSingletonResourceRegistration",
    "RedirectAction",
    "Route",
    "RouteDefinition",
    "RouteDefinitionError",
    "RouteMatch",
    "RouteNotDefined",
    "RouteRegistrar",
    "Router",
    "RoutesAlreadyCompiled",
    "RoutingError",
    "URL",
    "UrlGenerationError",
    "UrlGenerator",
    "ViewAction",
    "parse_app_key",
]
