"""Per-route invocation plans, computed at boot: what to pass to the handler and how.

Each handler parameter is filled from, by priority: a route parameter of the same name
(converted to ``int``/``float``/``UUID`` when annotated so, or resolved through
``resolve_route_binding`` for model types), the request (``Request`` or a subclass, or an
unannotated parameter named ``request``), the container (any other class), or its default.
"""

from __future__ import annotations

import inspect
import typing
import uuid
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response as BaseResponse

from parvel.http._convert import to_response
from parvel.http.exceptions import HttpResponseException, NotFoundHttpException
from parvel.http.requests import Request
from parvel.http.responses import JsonResponse, RedirectResponse, Response
from parvel.routing.exceptions import RouteDefinitionError
from parvel.routing.route import RedirectAction, RouteDefinition, ViewAction

Endpoint = Callable[[Request], Awaitable[BaseResponse]]

_RAW, _CONVERT, _REQUEST, _REQUEST_SUBCLASS, _MAKE, _BIND, _EXTRA = range(7)
_BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
_CONVERTERS: dict[Any, Callable[[str], Any]] = {int: int, float: float, uuid.UUID: uuid.UUID}


def resolve_callable(route: RouteDefinition, container: Any) -> tuple[Callable[..., Any], Any]:
    """The function to call for ``route`` and the owning class (for controller middleware)."""
    action = route.action
    if isinstance(action, list | tuple):
        if len(action) != 2 or not isinstance(action[1], str):
            raise RouteDefinitionError(
                f"The action of '{route.uri}' must be [Controller, 'method'] (at {route.location})."
            )
        cls, method = action
        if not callable(getattr(cls, method, None)):
            raise RouteDefinitionError(
                f"{getattr(cls, '__qualname__', cls)} has no method '{method}' for route "
                f"'{route.uri}' (at {route.location}).",
            )
        return _lazy_method(cls, method, container), cls
    if isinstance(action, type):
        if "__call__" not in vars(action) and not any(
            "__call__" in vars(base) for base in action.__mro__[1:-1]
        ):
            raise RouteDefinitionError(
                f"{action.__qualname__} is used as a single-action controller but defines no "
                f"__call__ (at {route.location}).",
            )
        return _lazy_method(action, "__call__", container), action
    if not callable(action):
        raise RouteDefinitionError(
            f"The action of '{route.uri}' is not callable: {action!r} (at {route.location})."
        )
    return action, None


def _lazy_method(cls: type, method: str, container: Any) -> Callable[..., Any]:
    """The controller is built (with constructor injection) on first use, then reused."""
    function = getattr(cls, method)
    holder: list[Any] = []

    def bound(*args: Any, **kwargs: Any) -> Any:
        if holder:
            return holder[0](*args, **kwargs)
        holder.append(getattr(container.make(cls), method))
        return holder[0](*args, **kwargs)

    bound.__wrapped__ = function  # type: ignore[attr-defined]
    bound.__parvel_async__ = inspect.iscoroutinefunction(function)  # type: ignore[attr-defined]
    return bound


def build_endpoint(route: RouteDefinition, container: Any) -> Endpoint:
    """Compile ``route``'s handler into ``async endpoint(request) -> Response``."""
    action = route.action
    if isinstance(action, RedirectAction):
        return _redirect_endpoint(action, container)
    if isinstance(action, ViewAction):
        return _view_endpoint(action)
    function, _owner = resolve_callable(route, container)
    target = getattr(function, "__wrapped__", function)
    is_async = getattr(function, "__parvel_async__", None)
    if is_async is None:
        is_async = inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(
            type(target).__call__
        )
    router = container.make("router") if container.bound("router") else None
    binders = dict(getattr(router, "binders", None) or {})
    plan = _plan(route, target, skip_self=target is not function, binders=binders)
    call: Callable[..., Any]
    if is_async:
        call = function
    else:

        async def call(**kwargs: Any) -> Any:
            return await run_in_threadpool(function, **kwargs)

    if not plan:

        async def endpoint_plain(request: Request) -> BaseResponse:
            if request._body_input is None and request.scope["method"] in _BODY_METHODS:
                await request.load()
            result = await call()
            kind = type(result)
            if kind is str:
                return Response(result)
            if kind is dict or kind is list:
                return JsonResponse(result)
            return await to_response(result, request)

        return endpoint_plain

    scoped = (
        route.scoped_bindings if route.scoped_bindings is not None else bool(route.binding_fields)
    )

    async def endpoint(request: Request) -> BaseResponse:
        if request._body_input is None and request.scope["method"] in _BODY_METHODS:
            await request.load()
        kwargs = await _arguments(
            plan, request, container, scoped, route.missing_handler, route.trashed_bindings
        )
        result = await call(**kwargs)
        kind = type(result)
        if kind is str:
            return Response(result)
        if kind is dict or kind is list:
            return JsonResponse(result)
        return await to_response(result, request)

    return endpoint


Step = tuple[str, int, Any, Any, str]
"""(keyword argument, kind, type/converter, binding field, route parameter it reads)."""

_SCALARS = (str, int, float, bool, bytes, dict, list)


class _Binder:
    """An explicit binding (``Route.bind("user", fn)``) seen as a model class."""

    __name__ = "binding"

    def __init__(self, resolver: Callable[[str], Any]) -> None:
        self.resolver = resolver
        self.__name__ = getattr(resolver, "__qualname__", "binding")

    async def resolve_route_binding(self, value: str, field: str | None) -> Any:
        result = self.resolver(value)
        if hasattr(result, "__await__"):
            result = await result
        return result


def _plan(
    route: RouteDefinition,
    target: Callable[..., Any],
    *,
    skip_self: bool,
    binders: dict[str, Callable[[str], Any]] | None = None,
) -> list[Step]:
    binders = binders or {}
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return []
    try:
        hints = typing.get_type_hints(target)
    except Exception:
        hints = {}
        unresolved = [
            f"{p.name}: {p.annotation}"
            for p in signature.parameters.values()
            if isinstance(p.annotation, str) and p.name not in ("self", "cls")
        ]
        if unresolved:
            raise RouteDefinitionError(
                f"The handler of '{route.uri}' (at {route.location}) has type hints that cannot be "
                f"resolved: {', '.join(unresolved)}.",
                hint="Import the classes they name at module level (not inside a function), "
                "so Parvel can read them.",
            ) from None
    route_names = route.parameter_names()
    parameters = [
        p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_POSITIONAL
    ]
    if skip_self and parameters and parameters[0].name in ("self", "cls"):
        parameters = parameters[1:]
    by_name = {p.name for p in parameters}
    # route parameters no handler parameter names are handed out in order (Laravel passes
    # route parameters positionally): Route.resource("tags", PhotoController) still works
    leftovers = [n for n in route_names if n not in by_name]
    steps: list[Step] = []
    for parameter in parameters:
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            steps.append((parameter.name, _EXTRA, None, None, ""))
            continue
        annotation = _unwrap(hints.get(parameter.name, parameter.annotation))
        if annotation is Any or annotation is object:  # says nothing: treat as untyped
            annotation = inspect.Parameter.empty
        has_default = parameter.default is not inspect.Parameter.empty
        source = parameter.name if parameter.name in route_names else None
        if source is None and _value_like(annotation, parameter.name) and leftovers:
            source = leftovers.pop(0)
        if source is not None:
            if isinstance(annotation, type) and hasattr(annotation, "resolve_route_binding"):
                field = route.binding_fields.get(source)
                steps.append((parameter.name, _BIND, annotation, field, source))
            elif source in binders:
                steps.append((parameter.name, _BIND, _Binder(binders[source]), None, source))
            elif annotation in _CONVERTERS:
                steps.append((parameter.name, _CONVERT, _CONVERTERS[annotation], None, source))
            elif isinstance(annotation, type) and issubclass(annotation, Enum):
                steps.append((parameter.name, _CONVERT, annotation, None, source))
            else:
                steps.append((parameter.name, _RAW, None, None, source))
            continue
        if annotation is inspect.Parameter.empty and parameter.name == "request":
            steps.append((parameter.name, _REQUEST, Request, None, ""))
            continue
        if isinstance(annotation, type) and issubclass(annotation, Request):
            kind = _REQUEST if annotation is Request else _REQUEST_SUBCLASS
            steps.append((parameter.name, kind, annotation, None, ""))
            continue
        if (
            isinstance(annotation, type | str)
            and annotation is not inspect.Parameter.empty
            and annotation not in _SCALARS
        ):
            steps.append((parameter.name, _MAKE, annotation, has_default, ""))
            continue
        if has_default:
            continue
        raise RouteDefinitionError(
            f"The handler of '{route.uri}' (at {route.location}) takes '{parameter.name}', "
            "which is no route parameter and has no injectable type.",
            hint="Name it like a {placeholder}, type it with a class, or give it a default.",
        )
    return steps


def _value_like(annotation: Any, name: str) -> bool:
    """Whether a parameter can take a route parameter's value (not a service)."""
    if annotation is inspect.Parameter.empty:
        return name != "request"
    if annotation in _SCALARS or annotation in _CONVERTERS:
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return True
    return isinstance(annotation, type) and hasattr(annotation, "resolve_route_binding")


def _unwrap(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


async def _arguments(
    plan: list[Step],
    request: Request,
    container: Any,
    scoped: bool,
    missing: Callable[[Any], Any] | None = None,
    trashed: bool = False,
) -> dict[str, Any]:
    params = request.route_params
    kwargs: dict[str, Any] = {}
    parent: Any = None
    # Form requests validate after route model binding, as in Laravel: their rules() see
    # the bound models through request.route("post"), and a missing model is a 404 first.
    form_requests: list[tuple[str, Any]] = []
    for name, kind, extra, field, source in plan:
        if kind == _RAW:
            kwargs[name] = params.get(source)
        elif kind == _CONVERT:
            value = params.get(source)
            if value is None:
                kwargs[name] = None
                continue
            try:
                kwargs[name] = extra(value)
            except (ValueError, TypeError, OverflowError):
                raise NotFoundHttpException() from None
        elif kind == _REQUEST:
            kwargs[name] = request
        elif kind == _REQUEST_SUBCLASS:
            form_requests.append((name, extra))
        elif kind == _MAKE:
            try:
                kwargs[name] = container.make(extra)
            except Exception:
                if not field:
                    raise
        elif kind == _BIND:
            value = params.get(source)
            if value is None:
                kwargs[name] = None
                continue
            if parent is not None and scoped and hasattr(parent, "resolve_child_route_binding"):
                if trashed:
                    bound = await parent.resolve_child_route_binding(
                        extra, value, field, with_trashed=True
                    )
                else:
                    bound = await parent.resolve_child_route_binding(extra, value, field)
            elif trashed and hasattr(extra, "resolve_soft_deletable_route_binding"):
                bound = await extra.resolve_soft_deletable_route_binding(value, field)
            else:
                bound = await extra.resolve_route_binding(value, field)
            if bound is None:
                if missing is not None:
                    result = missing(request)
                    if hasattr(result, "__await__"):
                        result = await result
                    raise HttpResponseException(await to_response(result, request))
                raise NotFoundHttpException(
                    f"No query results for model [{extra.__name__}] {value}"
                )
            params[source] = bound
            kwargs[name] = parent = bound
        else:
            used = {step[4] or step[0] for step in plan}
            kwargs.update({k: v for k, v in params.items() if k not in used})
    for name, cls in form_requests:
        kwargs[name] = await _specialize(request, cls)
    return kwargs


async def _specialize(request: Request, cls: type[Request]) -> Request:
    """Re-type the request as a subclass (form requests), sharing its state, then validate."""
    special = cls.__new__(cls)
    special.__dict__.update(request.__dict__)
    hook = getattr(special, "validate_resolved", None)
    if callable(hook):
        result = hook()
        if hasattr(result, "__await__"):
            await result
    return special


def _redirect_endpoint(action: RedirectAction, container: Any) -> Endpoint:
    async def endpoint(request: Request) -> BaseResponse:
        return RedirectResponse(container.make("url").to(action.destination), action.status)

    return endpoint


def _view_endpoint(action: ViewAction) -> Endpoint:
    async def endpoint(request: Request) -> BaseResponse:
        from parvel.http.helpers import _render_view

        return await _render_view(action.view, action.data, action.status, None)

    return endpoint
