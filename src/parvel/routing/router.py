"""The router: where routes/web.py and routes/api.py register routes. See docs/routing.md."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parvel.routing._path import join_uri
from parvel.routing.exceptions import RouteDefinitionError, RoutesAlreadyCompiled
from parvel.routing.matcher import CompiledRoutes
from parvel.routing.resource import (
    PendingResourceRegistration,
    PendingSingletonResourceRegistration,
)
from parvel.routing.route import (
    MiddlewareSpec,
    RedirectAction,
    RouteDefinition,
    ViewAction,
    flatten_middleware,
)

ALL_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

_HERE = os.path.dirname(os.path.abspath(__file__))


@dataclass
class GroupAttributes:
    """What a group applies to the routes inside it."""

    prefix: str = ""
    name: str = ""
    middleware: list[MiddlewareSpec] = field(default_factory=list)
    excluded: list[MiddlewareSpec] = field(default_factory=list)
    domain: str | None = None
    wheres: dict[str, str] = field(default_factory=dict)
    controller: Any = None
    scope_bindings: bool | None = None

    def merged(self, inner: GroupAttributes) -> GroupAttributes:
        """``inner`` nested inside ``self``."""
        return GroupAttributes(
            prefix=join_uri(self.prefix, inner.prefix) if (self.prefix or inner.prefix) else "",
            name=self.name + inner.name,
            middleware=[*self.middleware, *inner.middleware],
            excluded=[*self.excluded, *inner.excluded],
            domain=inner.domain or self.domain,
            wheres={**self.wheres, **inner.wheres},
            controller=inner.controller or self.controller,
            scope_bindings=(
                inner.scope_bindings if inner.scope_bindings is not None else self.scope_bindings
            ),
        )


class Router:
    """Registers routes, groups and resources; compiles them into a lookup tree at boot.

    Usually reached through the ``Route`` facade in routes files::

        Route.get("/posts/{post}", [PostController, "show"]).name("posts.show")
        with Route.prefix("admin").middleware("auth").name("admin.").group():
            Route.get("/stats", StatsController).name("stats")
    """

    def __init__(self) -> None:
        self._entries: list[RouteDefinition | PendingResourceRegistration] = []
        self._groups: list[GroupAttributes] = [GroupAttributes()]
        self.patterns_: dict[str, str] = {}
        self._compiled: CompiledRoutes | None = None
        self.base_path: Path | None = None
        self.resource_verbs_: dict[str, str] = {"create": "create", "edit": "edit"}
        self.current_file: str | None = None
        self.binders: dict[str, Callable[[str], Any]] = {}
        """Explicit bindings: route parameter name → ``resolver(value)`` (sync or async)."""
        self.current_route_resolver: Callable[[], RouteDefinition | None] | None = None
        """Set by the HTTP layer: returns the route matched for the current request."""

    # -- registering ---------------------------------------------------------------------

    def get(self, uri: str, action: Any) -> RouteDefinition:
        """Register a GET route (HEAD is served from it)."""
        return self.add_route(("GET", "HEAD"), uri, action)

    def post(self, uri: str, action: Any) -> RouteDefinition:
        """Register a POST route."""
        return self.add_route(("POST",), uri, action)

    def put(self, uri: str, action: Any) -> RouteDefinition:
        """Register a PUT route."""
        return self.add_route(("PUT",), uri, action)

    def patch(self, uri: str, action: Any) -> RouteDefinition:
        """Register a PATCH route."""
        return self.add_route(("PATCH",), uri, action)

    def delete(self, uri: str, action: Any) -> RouteDefinition:
        """Register a DELETE route."""
        return self.add_route(("DELETE",), uri, action)

    def options(self, uri: str, action: Any) -> RouteDefinition:
        """Register an OPTIONS route."""
        return self.add_route(("OPTIONS",), uri, action)

    def any(self, uri: str, action: Any) -> RouteDefinition:
        """Register a route answering every method."""
        return self.add_route(ALL_METHODS, uri, action)

    def match(self, methods: list[str] | tuple[str, ...], uri: str, action: Any) -> RouteDefinition:
        """Register a route for several methods: ``match(["get", "post"], ...)``."""
        upper = [m.upper() for m in methods]
        if "GET" in upper and "HEAD" not in upper:
            upper.append("HEAD")
        return self.add_route(tuple(upper), uri, action)

    def redirect(self, uri: str, destination: str, status: int = 302) -> RouteDefinition:
        """Redirect ``uri`` to ``destination`` (any method)."""
        return self.any(uri, RedirectAction(destination, status))

    def permanent_redirect(self, uri: str, destination: str) -> RouteDefinition:
        """Redirect with status 301."""
        return self.redirect(uri, destination, 301)

    def view(
        self, uri: str, view: str, data: Mapping[str, Any] | None = None, status: int = 200
    ) -> RouteDefinition:
        """Render ``view`` for GET/HEAD ``uri``."""
        return self.add_route(("GET", "HEAD"), uri, ViewAction(view, dict(data or {}), status))

    def fallback(self, action: Any) -> RouteDefinition:
        """The route run when no other route matches a GET request."""
        route = self.add_route(("GET", "HEAD"), "{fallbackPlaceholder}", action)
        route.where("fallbackPlaceholder", ".*")
        route.is_fallback = True
        return route

    def resource(
        self,
        name: str,
        controller: Any,
        *,
        only: list[str] | None = None,
        except_: list[str] | None = None,
    ) -> PendingResourceRegistration:
        """Register the seven resourceful routes for ``controller`` (``"posts.comments"`` nests)."""
        return self._resource(name, controller, api=False, only=only, except_=except_)

    def api_resource(
        self,
        name: str,
        controller: Any,
        *,
        only: list[str] | None = None,
        except_: list[str] | None = None,
    ) -> PendingResourceRegistration:
        """Like :meth:`resource` without ``create`` and ``edit`` (HTML forms)."""
        return self._resource(name, controller, api=True, only=only, except_=except_)

    def singleton(self, name: str, controller: Any) -> PendingSingletonResourceRegistration:
        """A singleton resource (``/profile``: show, edit, update)."""
        return self._singleton(name, controller, api=False)

    def api_singleton(self, name: str, controller: Any) -> PendingSingletonResourceRegistration:
        """A singleton resource without the HTML form routes (show, update)."""
        return self._singleton(name, controller, api=True)

    def _singleton(
        self, name: str, controller: Any, *, api: bool
    ) -> PendingSingletonResourceRegistration:
        self._ensure_open()
        pending = PendingSingletonResourceRegistration(
            self, name, controller, api=api, group=self._groups[-1], location=self._location()
        )
        self._entries.append(pending)
        return pending

    def resources(self, resources: Mapping[str, Any]) -> None:
        """Register several resource controllers at once."""
        for name, controller in resources.items():
            self.resource(name, controller)

    def api_resources(self, resources: Mapping[str, Any]) -> None:
        """Register several API resource controllers at once."""
        for name, controller in resources.items():
            self.api_resource(name, controller)

    def resource_verbs(self, verbs: Mapping[str, str]) -> None:
        """Localize the ``create``/``edit`` URI verbs: ``{"create": "crear"}``."""
        self.resource_verbs_.update(verbs)

    def _resource(
        self,
        name: str,
        controller: Any,
        *,
        api: bool,
        only: list[str] | None,
        except_: list[str] | None,
    ) -> PendingResourceRegistration:
        self._ensure_open()
        pending = PendingResourceRegistration(
            self, name, controller, api=api, group=self._groups[-1], location=self._location()
        )
        if only is not None:
            pending.only(*only)
        if except_ is not None:
            pending.except_(*except_)
        self._entries.append(pending)
        return pending

    def add_route(self, methods: tuple[str, ...], uri: str, action: Any) -> RouteDefinition:
        """Register a route with the current groups' attributes applied."""
        self._ensure_open()
        return self._register(methods, uri, action, self._groups[-1], self._location())

    def _register(
        self,
        methods: tuple[str, ...],
        uri: str,
        action: Any,
        group: GroupAttributes,
        location: str,
        *,
        append: bool = True,
    ) -> RouteDefinition:
        if isinstance(action, str) and group.controller is not None:
            action = [group.controller, action]
        if isinstance(action, str):
            raise RouteDefinitionError(
                f"The action '{action}' of route '{uri}' is a string outside a controller "
                f"group (at {location}).",
                hint="Pass the function, [Controller, 'method'], or use Route.controller(...).",
            )
        route = RouteDefinition(methods, join_uri(group.prefix, uri), action, location=location)
        route._name_prefix = group.name
        route.middleware_.extend(group.middleware)
        route.excluded_middleware.extend(group.excluded)
        route.wheres.update(group.wheres)
        route.domain_ = group.domain
        route.scoped_bindings = group.scope_bindings
        if append:
            self._entries.append(route)
        return route

    def bind(self, name: str, resolver: Callable[[str], Any]) -> None:
        """Resolve ``{name}`` with ``resolver(value)`` (sync or async); ``None`` means 404."""
        self.binders[name] = resolver

    def model(self, name: str, model: Any) -> None:
        """Resolve ``{name}`` through ``model.resolve_route_binding``, whatever the annotation."""

        async def resolve(value: str) -> Any:
            return await model.resolve_route_binding(value, None)

        self.binders[name] = resolve

    def pattern(self, key: str, pattern: str) -> None:
        """A global constraint for every parameter named ``key``."""
        self.patterns_[key] = pattern

    def patterns(self, patterns: Mapping[str, str]) -> None:
        """Several global constraints."""
        self.patterns_.update(patterns)

    # -- groups ----------------------------------------------------------------------------

    def prefix(self, prefix: str) -> RouteRegistrar:
        """Start a group (or a single route) with a URI prefix."""
        return RouteRegistrar(self).prefix(prefix)

    def name(self, name: str) -> RouteRegistrar:
        """Start a group whose route names get ``name`` prepended."""
        return RouteRegistrar(self).name(name)

    def middleware(self, *middleware: MiddlewareSpec) -> RouteRegistrar:
        """Start a group (or a single route) with middleware."""
        return RouteRegistrar(self).middleware(*middleware)

    def without_middleware(self, *middleware: MiddlewareSpec) -> RouteRegistrar:
        """Start a group excluding middleware."""
        return RouteRegistrar(self).without_middleware(*middleware)

    def domain(self, domain: str) -> RouteRegistrar:
        """Start a group bound to a domain (``{account}.example.com``)."""
        return RouteRegistrar(self).domain(domain)

    def controller(self, controller: Any) -> RouteRegistrar:
        """Start a group whose string actions are methods of ``controller``."""
        return RouteRegistrar(self).controller(controller)

    def where(self, name: str | Mapping[str, str], pattern: str | None = None) -> RouteRegistrar:
        """Start a group with parameter constraints."""
        return RouteRegistrar(self).where(name, pattern)

    def scope_bindings(self) -> RouteRegistrar:
        """Start a group whose nested bindings are scoped."""
        return RouteRegistrar(self).scope_bindings()

    @contextmanager
    def _group(self, attributes: GroupAttributes) -> Iterator[None]:
        self._groups.append(self._groups[-1].merged(attributes))
        try:
            yield
        finally:
            self._groups.pop()

    def group(
        self,
        attributes: GroupAttributes | None = None,
        routes: Callable[[], Any] | str | None = None,
    ) -> Any:
        """Run ``routes`` (a callback or a routes file path) inside a group."""
        with self._group(attributes or GroupAttributes()):
            if callable(routes):
                routes()
            elif isinstance(routes, str):
                self.load(routes)

    # -- loading and compiling -------------------------------------------------------------

    def load(self, path: str | Path, attributes: GroupAttributes | None = None) -> None:
        """Execute a routes file (fresh namespace each time) inside an optional group."""
        file = Path(path)
        if not file.is_absolute() and self.base_path is not None:
            file = self.base_path / file
        source = file.read_text(encoding="utf-8")
        code = compile(source, str(file), "exec")
        namespace = {"__name__": f"routes.{file.stem}", "__file__": str(file)}
        previous = self.current_file
        self.current_file = str(file)
        try:
            with self._group(attributes or GroupAttributes()):
                exec(code, namespace)
        finally:
            self.current_file = previous

    def get_routes(self) -> list[RouteDefinition]:
        """Every route, resources expanded, in registration order."""
        routes: list[RouteDefinition] = []
        for entry in self._entries:
            if isinstance(entry, PendingResourceRegistration):
                routes.extend(entry.routes())
            else:
                routes.append(entry)
        return routes

    def compile(self) -> CompiledRoutes:
        """Build the lookup tree (once); afterwards adding routes raises."""
        if self._compiled is None:
            self._compiled = CompiledRoutes(self.get_routes(), self.patterns_)
        return self._compiled

    @property
    def compiled(self) -> CompiledRoutes:
        """The compiled routes (compiling them now if needed)."""
        return self.compile()

    def is_compiled(self) -> bool:
        """Whether :meth:`compile` ran."""
        return self._compiled is not None

    def has(self, *names: str) -> bool:
        """Whether routes with every one of ``names`` exist."""
        known = {route.get_name() for route in self.get_routes()}
        return all(name in known for name in names)

    def current(self) -> RouteDefinition | None:
        """The route matched for the current request (``None`` outside one)."""
        return self.current_route_resolver() if self.current_route_resolver else None

    def current_route_name(self) -> str | None:
        """The current route's name."""
        route = self.current()
        return route.get_name() if route is not None else None

    def current_route_action(self) -> str | None:
        """The current route's action, as ``route:list`` shows it."""
        route = self.current()
        return route.action_name() if route is not None else None

    def is_(self, *patterns: str) -> bool:
        """Whether the current route's name matches a pattern: ``Route.is_("admin.*")``."""
        route = self.current()
        return route is not None and route.named(*patterns)

    def current_route_named(self, *patterns: str) -> bool:
        """Alias of :meth:`is_`."""
        return self.is_(*patterns)

    def _ensure_open(self) -> None:
        if self._compiled is not None:
            raise RoutesAlreadyCompiled(
                "Routes were added after the application booted.",
                hint="Define routes in routes/*.py or in a provider's boot(), not per request.",
            )

    def _location(self) -> str:
        frame = sys._getframe(1)
        while (
            frame is not None
            and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == _HERE
        ):
            frame = frame.f_back  # type: ignore[assignment]
        if frame is None:
            return "<unknown>"
        filename = frame.f_code.co_filename
        if self.base_path is not None:
            try:
                filename = str(Path(filename).resolve().relative_to(self.base_path.resolve()))
            except ValueError:
                pass
        return f"{filename}:{frame.f_lineno}"


class RouteRegistrar:
    """Pending group attributes: ``Route.prefix("admin").middleware("auth").group()``."""

    def __init__(self, router: Router) -> None:
        self._router = router
        self._attributes = GroupAttributes()

    def prefix(self, prefix: str) -> RouteRegistrar:
        """Prepend ``prefix`` to the URIs."""
        self._attributes.prefix = join_uri(self._attributes.prefix, prefix)
        return self

    def name(self, name: str) -> RouteRegistrar:
        """Prepend ``name`` to the route names."""
        self._attributes.name += name
        return self

    def as_(self, name: str) -> RouteRegistrar:
        """Alias of :meth:`name`."""
        return self.name(name)

    def middleware(self, *middleware: MiddlewareSpec) -> RouteRegistrar:
        """Add middleware."""
        self._attributes.middleware.extend(flatten_middleware(middleware))
        return self

    def without_middleware(self, *middleware: MiddlewareSpec) -> RouteRegistrar:
        """Exclude middleware."""
        self._attributes.excluded.extend(middleware)
        return self

    def domain(self, domain: str) -> RouteRegistrar:
        """Bind to a domain."""
        self._attributes.domain = domain
        return self

    def controller(self, controller: Any) -> RouteRegistrar:
        """String actions name methods of ``controller``."""
        self._attributes.controller = controller
        return self

    def where(self, name: str | Mapping[str, str], pattern: str | None = None) -> RouteRegistrar:
        """Constrain parameters."""
        items = name.items() if isinstance(name, Mapping) else [(name, pattern or "")]
        self._attributes.wheres.update(items)
        return self

    def scope_bindings(self) -> RouteRegistrar:
        """Scope nested bindings."""
        self._attributes.scope_bindings = True
        return self

    def group(self, routes: Callable[[], Any] | str | None = None) -> Any:
        """With ``routes`` (callback or file), register them now; without, a context manager."""
        if routes is None:
            return self._router._group(replace(self._attributes))
        self._router.group(replace(self._attributes), routes)
        return None

    def _single(self, methods: tuple[str, ...], uri: str, action: Any) -> RouteDefinition:
        with self._router._group(replace(self._attributes)):
            return self._router._register(
                methods, uri, action, self._router._groups[-1], self._router._location()
            )

    def get(self, uri: str, action: Any) -> RouteDefinition:
        """Register a GET route with these attributes."""
        self._router._ensure_open()
        return self._single(("GET", "HEAD"), uri, action)

    def post(self, uri: str, action: Any) -> RouteDefinition:
        """Register a POST route with these attributes."""
        self._router._ensure_open()
        return self._single(("POST",), uri, action)

    def put(self, uri: str, action: Any) -> RouteDefinition:
        """Register a PUT route with these attributes."""
        self._router._ensure_open()
        return self._single(("PUT",), uri, action)

    def patch(self, uri: str, action: Any) -> RouteDefinition:
        """Register a PATCH route with these attributes."""
        self._router._ensure_open()
        return self._single(("PATCH",), uri, action)

    def delete(self, uri: str, action: Any) -> RouteDefinition:
        """Register a DELETE route with these attributes."""
        self._router._ensure_open()
        return self._single(("DELETE",), uri, action)

    def resource(self, name: str, controller: Any) -> PendingResourceRegistration:
        """Register a resource with these attributes."""
        with self._router._group(replace(self._attributes)):
            return self._router.resource(name, controller)

    def api_resource(self, name: str, controller: Any) -> PendingResourceRegistration:
        """Register an API resource with these attributes."""
        with self._router._group(replace(self._attributes)):
            return self._router.api_resource(name, controller)
