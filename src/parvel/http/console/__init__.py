"""The HTTP component's console commands."""

from parvel.http.console.make import make_controller, make_middleware, make_resource
from parvel.http.console.routes import route_cache, route_clear, route_list

COMMANDS = [
    route_list,
    route_cache,
    route_clear,
    make_controller,
    make_middleware,
    make_resource,
]

__all__ = [
    "COMMANDS",
    "make_controller",
    "make_middleware",
    "make_resource",
    "route_cache",
    "route_clear",
    "route_list",
]
