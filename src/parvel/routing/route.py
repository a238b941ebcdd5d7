"""A route definition: methods, URI, action, name, middleware and constraints.

Routes are plain data; the HTTP kernel turns each into an invocation plan at boot.
See docs/routing.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from parvel.routing._path import Param, Segment, parse_uri
from parvel.routing.exceptions import RouteDefinitionError

NUMBER = "[0-9]+"
ALPHA = "[a-zA-Z]+"
ALPHA_NUMERIC = "[a-zA-Z0-9]+"
UUID = "[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}"
ULID = "[0-7][0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{25}"

MiddlewareSpec = Any
"""A middleware class, alias (``"auth"``), group name (``"web"``), ``"alias:arg1,arg2"``, or a
class with parameters ``(EnsureUserHasRole, "editor")``."""


def is_parametrized_middleware(item: Any) -> bool:
    """Whether ``item`` is one ``(MiddlewareClass, "param", ...)`` spec (not a list of specs)."""
    return (
        isinstance(item, tuple)
        and len(item) > 1
        and isinstance(item[0], type)
        and all(isinstance(param, str) for param in item[1:])
    )


def flatten_middleware(items: Iterable[Any]) -> list[Any]:
    """Middleware arguments as a flat list.

    Lists and tuples of specs are spread out; a ``(MiddlewareClass, "param")`` tuple stays one
    spec.
    """
    flat: list[Any] = []
    for item in items:
        if is_parametrized_middleware(item) or not isinstance(item, list | tuple):
            flat.append(item)
        else:
            flat.extend(flatten_middleware(item))
    return flat


@dataclass(frozen=True, slots=True)
class RedirectAction:
    """The action of ``RouteDefinition.redirect(from, to, status)``."""

    destination: str
    status: int = 302


@dataclass(frozen=True, slots=True)
class ViewAction:
    """The action of ``RouteDefinition.view(uri, view, data)``."""

    view: str
    data: Mapping[str, Any] = field(default_factory=dict)
    status: int = 200


class RouteDefinition:
    """One registered route, changed fluently: ``Route.get(...).name("x").middleware("auth")``."""

    __slots__ = (
        "_name",
        "_name_prefix",
        "action",
        "binding_fields",
        "controller_middleware",
        "defaults_",
        "domain_",
        "excluded_middleware",
        "handler",
        "is_fallback",
        "location",
        "methods",
        "middleware_",
        "missing_handler",
        "scoped_bindings",
        "segments",
        "trashed_bindings",
        "uri",
        "wheres",
    )

    def __init__(
        self,
        methods: Iterable[str],
        uri: str,
        action: Any,
        *,
        location: str = "<unknown>",
    ) -> None:
        self.methods: tuple[str, ...] = tuple(dict.fromkeys(m.upper() for m in methods))
        self.uri = uri
        self.action = action
        self.location = location
        self._name: str | None = None
        self._name_prefix = ""
        self.middleware_: list[MiddlewareSpec] = []
        self.excluded_middleware: list[MiddlewareSpec] = []
        self.controller_middleware: list[MiddlewareSpec] = []
        self.wheres: dict[str, str] = {}
        self.defaults_: dict[str, Any] = {}
        self.domain_: str | None = None
        self.is_fallback = False
        self.scoped_bindings: bool | None = None
        self.trashed_bindings = False
        self.missing_handler: Callable[[Any], Any] | None = None
        self.handler: Any = None
        """Filled by the HTTP kernel at boot with the route's compiled pipeline."""
        try:
            self.segments: tuple[Segment, ...] = parse_uri(uri)
        except RouteDefinitionError as error:
            raise RouteDefinitionError(
                f"{error.message} (at {location})", hint=error.hint
            ) from None
        self.binding_fields: dict[str, str] = {
            p.name: p.field for p in self.uri_params() if p.field is not None
        }

    # -- fluent definition -------------------------------------------------------------

    def name(self, name: str) -> RouteDefinition:
        """Name the route (prefixed by enclosing groups' ``name(...)``)."""
        self._name = self._name_prefix + name
        return self

    def middleware(self, *middleware: MiddlewareSpec) -> RouteDefinition:
        """Add middleware (classes, aliases, groups, ``"throttle:60,1"``, ``(Class, "arg")``)."""
        self.middleware_.extend(flatten_middleware(middleware))
        return self

    def without_middleware(self, *middleware: MiddlewareSpec) -> RouteDefinition:
        """Exclude middleware that a group would otherwise apply."""
        self.excluded_middleware.extend(middleware)
        return self

    def where(self, name: str | Mapping[str, str], pattern: str | None = None) -> RouteDefinition:
        """Constrain parameters with regular expressions: ``where("id", "[0-9]+")``."""
        items = name.items() if isinstance(name, Mapping) else [(name, pattern or "")]
        for key, value in items:
            self.wheres[key] = value
        return self

    def where_number(self, *names: str) -> RouteDefinition:
        """Parameters made of digits."""
        return self.where(dict.fromkeys(names, NUMBER))

    def where_alpha(self, *names: str) -> RouteDefinition:
        """Parameters made of letters."""
        return self.where(dict.fromkeys(names, ALPHA))

    def where_alpha_numeric(self, *names: str) -> RouteDefinition:
        """Parameters made of letters and digits."""
        return self.where(dict.fromkeys(names, ALPHA_NUMERIC))

    def where_uuid(self, *names: str) -> RouteDefinition:
        """Parameters that are UUIDs."""
        return self.where(dict.fromkeys(names, UUID))

    def where_ulid(self, *names: str) -> RouteDefinition:
        """Parameters that are ULIDs."""
        return self.where(dict.fromkeys(names, ULID))

    def where_in(self, name: str, values: Iterable[str]) -> RouteDefinition:
        """A parameter that is one of ``values``."""
        import re

        return self.where(name, "|".join(re.escape(str(v)) for v in values))

    def defaults(self, name: str, value: Any) -> RouteDefinition:
        """Give a parameter a default value (used when an optional one is absent)."""
        self.defaults_[name] = value
        return self

    def domain(self, domain: str) -> RouteDefinition:
        """Match only requests for ``domain`` (may hold parameters: ``{account}.example.com``)."""
        self.domain_ = domain
        return self

    def missing(self, callback: Callable[[Any], Any]) -> RouteDefinition:
        """What to return when route model binding finds nothing: ``callback(request)``."""
        self.missing_handler = callback
        return self

    def with_trashed(self) -> RouteDefinition:
        """Let route model binding find soft-deleted models too."""
        self.trashed_bindings = True
        return self

    def scope_bindings(self) -> RouteDefinition:
        """Resolve nested model bindings as children of the parent binding."""
        self.scoped_bindings = True
        return self

    def without_scoped_bindings(self) -> RouteDefinition:
        """Never scope nested model bindings."""
        self.scoped_bindings = False
        return self

    # -- introspection -----------------------------------------------------------------

    def get_name(self) -> str | None:
        """The route's name, or ``None``."""
        return self._name

    def named(self, *patterns: str) -> bool:
        """Whether the name matches one of ``patterns`` (``"posts.*"``)."""
        import fnmatch

        return self._name is not None and any(fnmatch.fnmatchcase(self._name, p) for p in patterns)

    def uri_params(self) -> list[Param]:
        """The URI's placeholders, in order."""
        return [p for segment in self.segments for p in segment.params]

    def parameter_names(self) -> list[str]:
        """Domain then URI parameter names, in order."""
        from parvel.routing._path import PARAM_RE

        domain = [m.group(1) for m in PARAM_RE.finditer(self.domain_ or "")]
        return domain + [p.name for p in self.uri_params()]

    def action_name(self) -> str:
        """A readable description of the action for ``route:list``."""
        action = self.action
        if isinstance(action, RedirectAction):
            return f"redirect → {action.destination}"
        if isinstance(action, ViewAction):
            return f"view {action.view}"
        if isinstance(action, list | tuple) and len(action) == 2:
            cls, method = action
            return f"{_qualname(cls)}@{method}"
        if isinstance(action, type):
            return _qualname(action)
        if inspect.isfunction(action) and action.__name__ == "<lambda>":
            return "Closure"
        return _qualname(action)

    def all_middleware(self) -> list[MiddlewareSpec]:
        """RouteDefinition then controller middleware, before groups are expanded."""
        return [*self.middleware_, *self.controller_middleware]

    def __repr__(self) -> str:
        return f"<RouteDefinition {'|'.join(self.methods)} {self.uri} name={self._name!r}>"


def _qualname(target: Any) -> str:
    module = getattr(target, "__module__", "") or ""
    name = getattr(target, "__qualname__", None) or type(target).__qualname__
    return f"{module}.{name}" if module and module not in ("builtins", "__main__") else name


Action = Callable[..., Any] | type | list[Any] | tuple[Any, ...] | RedirectAction | ViewAction
"""What a route runs: a function, a controller class (``__call__``), ``[Controller, "method"]``,
a redirect or a view."""
