"""Resource routes: ``Route.resource("posts", PostController)`` and its options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parvel.routing.exceptions import RouteDefinitionError
from parvel.routing.route import MiddlewareSpec, RouteDefinition, flatten_middleware
from parvel.support.strings import Str

if TYPE_CHECKING:
    from parvel.routing.router import GroupAttributes, Router

RESOURCE_ACTIONS = ("index", "create", "store", "show", "edit", "update", "destroy")
API_ACTIONS = ("index", "store", "show", "update", "destroy")
_SHALLOW = ("show", "edit", "update", "destroy")


def _flat(items: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(flatten_middleware(items))


class PendingResourceRegistration:
    """The routes of one resource, adjustable until boot.

    Chain ``only``, ``except_``, ``names``, ``name``, ``parameters``, ``middleware``,
    ``without_middleware``, ``where``, ``shallow`` and ``scoped``.
    """

    def __init__(
        self,
        router: Router,
        name: str,
        controller: Any,
        *,
        api: bool,
        group: GroupAttributes,
        location: str,
    ) -> None:
        self._router = router
        self.resource_name = name.strip("/")
        self.controller = controller
        self._actions = list(API_ACTIONS if api else RESOURCE_ACTIONS)
        self._group = group
        self._location = location
        self._names: dict[str, str] = {}
        self._name_prefix: str | None = None
        self._parameters: dict[str, str] = {}
        self._middleware: list[MiddlewareSpec] = []
        self._excluded: list[MiddlewareSpec] = []
        self._wheres: dict[str, str] = {}
        self._shallow = False
        self._scoped: dict[str, str] | None = None
        self._missing: Callable[[Any], Any] | None = None
        self._built: list[RouteDefinition] | None = None

    def only(self, *actions: str | list[str]) -> PendingResourceRegistration:
        """Keep only these actions (``only("index", "show")`` or ``only(["index", "show"])``)."""
        names: tuple[str, ...] = _flat(actions)
        self._check(names)
        self._actions = [a for a in self._actions if a in names]
        return self

    def except_(self, *actions: str | list[str]) -> PendingResourceRegistration:
        """Drop these actions."""
        names: tuple[str, ...] = _flat(actions)
        self._check(names)
        self._actions = [a for a in self._actions if a not in names]
        return self

    def names(self, names: dict[str, str] | str) -> PendingResourceRegistration:
        """Rename routes per action, or give a new name prefix (``"photos"``)."""
        if isinstance(names, str):
            self._name_prefix = names
        else:
            self._names.update(names)
        return self

    def name(self, action: str, name: str) -> PendingResourceRegistration:
        """Rename one action's route."""
        self._names[action] = name
        return self

    def parameters(self, parameters: dict[str, str]) -> PendingResourceRegistration:
        """Rename URI parameters: ``{"users": "admin_user"}``."""
        self._parameters.update(parameters)
        return self

    def parameter(self, resource: str, parameter: str) -> PendingResourceRegistration:
        """Rename one URI parameter."""
        self._parameters[resource] = parameter
        return self

    def middleware(self, *middleware: MiddlewareSpec) -> PendingResourceRegistration:
        """Add middleware to every route of the resource."""
        self._middleware.extend(_flat(middleware))
        return self

    def without_middleware(self, *middleware: MiddlewareSpec) -> PendingResourceRegistration:
        """Exclude middleware from every route of the resource."""
        self._excluded.extend(middleware)
        return self

    def where(self, wheres: dict[str, str]) -> PendingResourceRegistration:
        """Constrain the resource's parameters."""
        self._wheres.update(wheres)
        return self

    def shallow(self) -> PendingResourceRegistration:
        """Nested resources: show/edit/update/destroy drop the parent segment."""
        self._shallow = True
        return self

    def scoped(self, fields: dict[str, str] | None = None) -> PendingResourceRegistration:
        """Scope nested bindings (optionally by field: ``{"comment": "slug"}``)."""
        self._scoped = dict(fields or {})
        return self

    def missing(self, callback: Callable[[Any], Any]) -> PendingResourceRegistration:
        """What to return when a binding of the resource finds nothing."""
        self._missing = callback
        return self

    def _finish(self, route: RouteDefinition, action: str, name_prefix: str) -> RouteDefinition:
        route.name(self._names.get(action, f"{name_prefix}.{action}"))
        route.middleware(*self._middleware)
        route.without_middleware(*self._excluded)
        route.where(self._wheres)
        if self._scoped is not None:
            route.scope_bindings()
        if self._missing is not None:
            route.missing(self._missing)
        return route

    def _check(self, actions: tuple[str, ...]) -> None:
        for action in actions:
            if action not in RESOURCE_ACTIONS:
                raise RouteDefinitionError(
                    f"'{action}' is not a resource action (at {self._location}).",
                    hint=f"Resource actions are: {', '.join(RESOURCE_ACTIONS)}.",
                )

    def _param(self, resource: str) -> str:
        name = self._parameters.get(resource) or Str.singular(resource).replace("-", "_")
        if self._scoped and name in self._scoped:
            return f"{name}:{self._scoped[name]}"
        return name

    def routes(self) -> list[RouteDefinition]:
        """Build (once) and return the resource's routes."""
        if self._built is not None:
            return self._built
        parts = self.resource_name.split(".")
        parent_uri = "/".join(f"{p}/{{{self._param(p)}}}" for p in parts[:-1])
        last = parts[-1]
        param = self._param(last)
        base = f"{parent_uri}/{last}" if parent_uri else last
        verbs = self._router.resource_verbs_
        prefix = self._name_prefix or ".".join(parts)
        shallow_prefix = self._name_prefix or last
        uris = {
            "index": (("GET", "HEAD"), base),
            "create": (("GET", "HEAD"), f"{base}/{verbs['create']}"),
            "store": (("POST",), base),
            "show": (("GET", "HEAD"), f"{base}/{{{param}}}"),
            "edit": (("GET", "HEAD"), f"{base}/{{{param}}}/{verbs['edit']}"),
            "update": (("PUT", "PATCH"), f"{base}/{{{param}}}"),
            "destroy": (("DELETE",), f"{base}/{{{param}}}"),
        }
        built: list[RouteDefinition] = []
        for action in self._actions:
            methods, uri = uris[action]
            name_prefix = prefix
            if self._shallow and action in _SHALLOW and parent_uri:
                uri = uri.replace(f"{parent_uri}/", "", 1)
                name_prefix = shallow_prefix
            route = self._router._register(
                methods,
                uri,
                [self.controller, action],
                self._group,
                self._location,
                append=False,
            )
            built.append(self._finish(route, action, name_prefix))
        self._built = built
        return built


class PendingSingletonResourceRegistration(PendingResourceRegistration):
    """``Route.singleton("profile", ProfileController)``: one resource, no identifier.

    Routes: show ``GET /profile``, edit ``GET /profile/edit``, update ``PUT/PATCH /profile``;
    ``creatable()`` adds create, store and destroy, ``destroyable()`` adds destroy. The API
    flavour leaves out create and edit.
    """

    def __init__(
        self,
        router: Router,
        name: str,
        controller: Any,
        *,
        api: bool,
        group: GroupAttributes,
        location: str,
    ) -> None:
        super().__init__(router, name, controller, api=api, group=group, location=location)
        self._api = api
        self._actions = ["show", "update"] if api else ["show", "edit", "update"]

    def creatable(self) -> PendingSingletonResourceRegistration:
        """Also register create (not for APIs), store and destroy."""
        extra = ["store", "destroy"] if self._api else ["create", "store", "destroy"]
        self._actions += [a for a in extra if a not in self._actions]
        return self

    def destroyable(self) -> PendingSingletonResourceRegistration:
        """Also register destroy."""
        if "destroy" not in self._actions:
            self._actions.append("destroy")
        return self

    def routes(self) -> list[RouteDefinition]:
        """Build (once) and return the singleton's routes."""
        if self._built is not None:
            return self._built
        parts = self.resource_name.split(".")
        parent_uri = "/".join(f"{p}/{{{self._param(p)}}}" for p in parts[:-1])
        base = f"{parent_uri}/{parts[-1]}" if parent_uri else parts[-1]
        verbs = self._router.resource_verbs_
        uris = {
            "show": (("GET", "HEAD"), base),
            "create": (("GET", "HEAD"), f"{base}/{verbs['create']}"),
            "store": (("POST",), base),
            "edit": (("GET", "HEAD"), f"{base}/{verbs['edit']}"),
            "update": (("PUT", "PATCH"), base),
            "destroy": (("DELETE",), base),
        }
        prefix = self._name_prefix or ".".join(parts)
        built = []
        for action in self._actions:
            methods, uri = uris[action]
            route = self._router._register(
                methods, uri, [self.controller, action], self._group, self._location, append=False
            )
            built.append(self._finish(route, action, prefix))
        self._built = built
        return built
