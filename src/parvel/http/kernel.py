"""The HTTP kernel: the one ASGI callable, with every stack compiled at boot.

Request path: global middleware → route lookup (compiled tree) → the route's own compiled
middleware → body loading → handler (plan computed at boot) → return-value conversion.
Exceptions anywhere become responses through the :class:`ExceptionHandler`.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.responses import Response as BaseResponse

from parvel.http._context import (
    RAISE_EXCEPTIONS,
    TESTING_KEY,
    WITHOUT_MIDDLEWARE,
    current_request,
    scope_test_record,
)
from parvel.http._plan import build_endpoint
from parvel.http.controller import controller_middleware
from parvel.http.exceptions import (
    BadRequestHttpException,
    HttpConfigurationError,
    MethodNotAllowedHttpException,
    NotFoundHttpException,
)
from parvel.http.handler import ExceptionHandler
from parvel.http.middleware._config import MiddlewareConfig
from parvel.http.middleware._pipeline import MiddlewareResolver, chain
from parvel.http.middleware.body_limit import DEFAULT_MAX_BODY_SIZE
from parvel.http.requests import Request
from parvel.http.responses import Response
from parvel.http.static import StaticFiles
from parvel.routing.matcher import MethodNotAllowed, RouteMatch
from parvel.routing.route import RouteDefinition, ViewAction
from parvel.routing.router import Router

MAX_PATH_LENGTH = 8192
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
KNOWN_METHODS = frozenset(("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"))

Handler = Callable[[Request], Awaitable[BaseResponse]]


class HttpKernel:
    """Built once at boot from the router, the middleware configuration and the handler."""

    def __init__(
        self,
        app: Any,
        router: Router,
        middleware: MiddlewareConfig,
        handler: ExceptionHandler,
    ) -> None:
        self.app = app
        self.router = router
        self.config = middleware
        self.exceptions = handler
        self.routes = router.compile()
        self.resolver = MiddlewareResolver(middleware, app)
        # the container's scope variable (what ``with app.scope():`` sets), used directly on
        # the hot path to avoid a context manager per request
        self._scope_var = app._scope
        self.max_body_size = int(app.config.get("http.max_body_size", DEFAULT_MAX_BODY_SIZE))
        self.storage_root = str(app.storage_path("app"))
        serve_static = app.config.get("http.serve_static", None)
        if serve_static is None:
            serve_static = not app.is_production()
        self.static = StaticFiles(Path(app.public_path())) if serve_static else None
        self._has_domains = any(r.domain_ for r in self.routes.routes)
        self._api_routes: set[int] = set()
        routing = getattr(app, "settings", {}).get("routing") or {}
        prefix = str(routing.get("api_prefix") or "").strip("/") if routing.get("api") else ""
        self._api_prefix = f"/{prefix}/" if prefix else None
        self._route_terminable: dict[int, list[Any]] = {}
        for route in self.routes.routes:
            route.handler = self._compile_route(route)
        global_stack = [
            (instance, params)
            for instance, params in self.resolver.resolve(middleware.global_, "in the global stack")
            if getattr(instance, "active", True)
        ]
        self.global_middleware = global_stack
        self._pipeline = chain(global_stack, self._dispatch, self._render)
        self._terminable = [m for m, _ in global_stack if callable(getattr(m, "terminate", None))]
        self._any_terminable = bool(self._terminable or self._route_terminable)
        # the app's own list: scopes a provider adds after boot still apply
        self._request_scopes: list[Any] = getattr(app, "request_scopes", [])
        middleware.freeze()

    # -- boot-time compilation -------------------------------------------------------------

    def route_middleware(self, route: RouteDefinition) -> list[Any]:
        """The route's middleware specs: its own, its groups', its controller's."""
        specs = list(route.middleware_)
        action = route.action
        if isinstance(action, list | tuple) and len(action) == 2:
            specs.extend(controller_middleware(action[0], action[1]))
        elif isinstance(action, type):
            specs.extend(controller_middleware(action, "__call__"))
        return specs

    def _handler_without(self, route: RouteDefinition, excluded: tuple[Any, ...]) -> Handler:
        """The route's pipeline without ``excluded`` middleware (all of it when empty).

        Only for ``TestClient.without_middleware()``; built per request.
        """
        resolved: list[Any] = []
        if excluded:
            where = f"on route '{route.uri}' (at {route.location})"
            resolved = self.resolver.resolve(
                self.route_middleware(route), where, [*route.excluded_middleware, *excluded]
            )
        return chain(resolved, build_endpoint(route, self.app), self._render)

    def _compile_route(self, route: RouteDefinition) -> Handler:
        where = f"on route '{route.uri}' (at {route.location})"
        if isinstance(route.action, ViewAction) and not self.app.bound("view"):
            raise HttpConfigurationError(
                f"Route.view('{route.uri}', '{route.action.view}') needs a view renderer, but "
                f"none is registered (at {route.location}).",
                hint="Enable the view component (it binds 'view'), or return a response.",
            )
        specs = self.route_middleware(route)
        if any(isinstance(s, str) and s == "api" for s in route.middleware_):
            self._api_routes.add(id(route))
        resolved = self.resolver.resolve(specs, where, route.excluded_middleware)
        terminable = [m for m, _ in resolved if callable(getattr(m, "terminate", None))]
        if terminable:
            self._route_terminable[id(route)] = terminable
        endpoint = build_endpoint(route, self.app)
        return chain(resolved, endpoint, self._render)

    async def _render(self, request: Request, exc: Exception) -> BaseResponse:
        """Render an exception raised inside a middleware step or a handler."""
        record = scope_test_record(request.scope)
        if record is not None and record.get(RAISE_EXCEPTIONS):
            raise exc  # TestClient.without_exception_handling()
        route = request.route_definition
        if route is not None:
            if id(route) in self._api_routes:
                request.scope["parvel.api"] = True
        elif self._api_prefix is not None and (request.scope["path"] + "/").startswith(
            self._api_prefix
        ):
            request.scope["parvel.api"] = True
        return await self.exceptions.handle(request, exc)

    def describe_middleware(self, route: RouteDefinition) -> list[str]:
        """Readable middleware names of a compiled route (for ``route:list``)."""
        where = f"on route '{route.uri}'"
        names = []
        for instance, params in self.resolver.resolve(
            self.route_middleware(route), where, route.excluded_middleware
        ):
            name = type(instance).__qualname__
            names.append(f"{name}:{','.join(params)}" if params else name)
        return names

    # -- ASGI ------------------------------------------------------------------------------

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Serve one ASGI connection (http, lifespan; websockets are refused for now)."""
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)
        else:
            await send({"type": "websocket.close", "code": 1000})

    async def _http(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        scope["parvel.max_body_size"] = self.max_body_size
        scope["parvel.storage_root"] = self.storage_root
        scope["parvel.app"] = self.app
        token = current_request.set(request)
        # one container scope per request: ``scoped`` bindings get fresh instances
        scope_token = self._scope_var.set({})
        opened = [(s, s.enter()) for s in self._request_scopes] if self._request_scopes else None
        try:
            try:
                response = await self._pipeline(request)
            except Exception as exc:
                response = await self._render(request, exc)
            if scope["method"] == "HEAD":
                await _send_head(response, send)
            else:
                await response(scope, receive, send)
            if self._any_terminable:
                await self._terminate(request, response)
        finally:
            if opened:
                await self._close_scopes(opened)
            self._scope_var.reset(scope_token)
            current_request.reset(token)

    async def _close_scopes(self, opened: list[tuple[Any, object]]) -> None:
        for request_scope, scope_token in reversed(opened):
            try:
                await request_scope.exit(scope_token)
            except Exception as exc:  # closing per-request state must not break the server
                await self.exceptions.report_exception(exc)

    async def _terminate(self, request: Request, response: BaseResponse) -> None:
        route = request.route_definition
        middleware_list = self._terminable + (
            self._route_terminable.get(id(route), []) if route is not None else []
        )
        for middleware in middleware_list:
            try:
                result = middleware.terminate(request, response)
                if result is not None:
                    await result
            except Exception as exc:  # a terminate hook must not break the server
                await self.exceptions.report_exception(exc)

    async def _dispatch(self, request: Request) -> BaseResponse:
        scope = request.scope
        path: str = scope["path"]
        method: str = scope["method"]
        if len(path) > MAX_PATH_LENGTH:
            raise BadRequestHttpException("The request path is too long.")
        raw = scope.get("raw_path")
        if raw and b"%" in raw:
            _check_percent_encoding(raw)
        if "\x00" in path:
            raise BadRequestHttpException("The request path contains a NUL byte.")
        host = ""
        if self._has_domains:
            for key, value in scope["headers"]:
                if key == b"host":
                    host = value.decode("latin-1")
                    break
        if method == "POST":
            spoofed = await _spoofed_method(request)
            if spoofed is not None:
                scope["parvel.real_method"] = "POST"
                scope["method"] = method = spoofed
        found = self.routes.match(method, path, host, False)
        if found is None and (method == "GET" or method == "HEAD"):
            if self.static is not None:
                static = self.static.lookup(path)
                if static is not None:
                    return static
            found = self.routes.match_fallback(method, path)
        if type(found) is RouteMatch:
            request.route_params = found.params
            route = found.route
            request.route_definition = route
            handler = route.handler
            testing = scope.get(TESTING_KEY)
            if testing is not None and WITHOUT_MIDDLEWARE in testing:
                handler = self._handler_without(route, testing[WITHOUT_MIDDLEWARE])
            try:
                return await handler(request)  # type: ignore[no-any-return]
            except Exception as exc:
                return await self._render(request, exc)
        if isinstance(found, MethodNotAllowed):
            if method == "OPTIONS":
                return Response(b"", 200, {"Allow": ", ".join(found.allowed)})
            raise MethodNotAllowedHttpException(
                found.allowed,
                f"The {method} method is not supported for route {path.strip('/') or '/'}. "
                f"Supported methods: {', '.join(found.allowed)}.",
            )
        if method not in KNOWN_METHODS:
            raise MethodNotAllowedHttpException(sorted(KNOWN_METHODS))
        raise NotFoundHttpException(f"The route {path.strip('/') or '/'} could not be found.")

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                # everything built at boot lives as long as the worker: keep it out of the
                # garbage collector's scans (fewer, shorter pauses under load)
                gc.collect()
                gc.freeze()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                try:
                    await self.app.terminate()
                except Exception as exc:
                    await send({"type": "lifespan.shutdown.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.shutdown.complete"})
                return


_SPOOFABLE = frozenset(("PUT", "PATCH", "DELETE"))


async def _spoofed_method(request: Request) -> str | None:
    """Form method spoofing: ``_method`` input or ``X-HTTP-Method-Override`` on a POST."""
    header = request.headers.get("x-http-method-override")
    if header is None:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/")):
            return None
        await request.load()
        value = request.post("_method")
    else:
        value = header
    method = str(value).upper() if value else ""
    return method if method in _SPOOFABLE else None


def _check_percent_encoding(raw: bytes) -> None:
    if _BAD_PERCENT.search(raw):
        raise BadRequestHttpException("The request path has invalid percent-encoding.")
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequestHttpException("The request path is not valid UTF-8.") from None


async def _send_head(response: BaseResponse, send: Any) -> None:
    """HEAD: the GET response's status and headers, without a body."""
    await send(
        {
            "type": "http.response.start",
            "status": response.status_code,
            "headers": response.raw_headers,
        }
    )
    await send({"type": "http.response.body", "body": b""})
    if response.background is not None:
        await response.background()
