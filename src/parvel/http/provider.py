"""The HTTP service provider: router, URL generator, middleware, exception handler, kernel."""

from __future__ import annotations

from typing import Any

from parvel.container import ServiceProvider
from parvel.http import _context
from parvel.http.handler import ExceptionHandler
from parvel.http.middleware._config import MiddlewareConfig
from parvel.http.middleware.cookies import CookieJar
from parvel.http.responses import Response
from parvel.routing.router import GroupAttributes, Router
from parvel.routing.url import UrlGenerator


def _root() -> str | None:
    request = _context.current_request.get()
    if request is None:
        return None
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        return None
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}"


def _current() -> str | None:
    request = _context.current_request.get()
    return str(request.url) if request is not None else None


def _current_route() -> Any:
    request = _context.current_request.get()
    return request.route_definition if request is not None else None


def _previous() -> str | None:
    from parvel.http.helpers import previous_or_none

    return previous_or_none()


class HttpServiceProvider(ServiceProvider):
    """Registers routing and HTTP services and compiles the kernel at the end of boot."""

    def register(self) -> None:
        """Bind the router, URL generator, middleware config, handler, cookie jar, kernel."""
        app = self.app
        router = Router()
        router.base_path = app.base_path()
        router.current_route_resolver = _current_route
        app.instance("router", router)
        app.alias("router", Router)
        app.instance("http.middleware", MiddlewareConfig())
        app.alias("http.middleware", MiddlewareConfig)
        app.singleton("exceptions", lambda c: ExceptionHandler(app))
        app.alias("exceptions", ExceptionHandler)
        app.singleton("url", self._make_url)
        app.alias("url", UrlGenerator)
        app.scoped("cookie", lambda c: CookieJar())
        app.alias("cookie", CookieJar)
        app.singleton("http.kernel", self._make_kernel)
        from parvel.http.console import COMMANDS

        self.commands(COMMANDS)

    def _make_url(self, container: Any) -> UrlGenerator:
        config = self.app.config
        router: Router = self.app.make("router")
        return UrlGenerator(
            router.compile,
            root=str(config.get("app.url", "http://localhost")),
            key=config.get("app.key", None),
            root_resolver=_root,
            current_resolver=_current,
            previous_resolver=_previous,
            patterns=router.patterns_,
            asset_root=config.get("app.asset_url", None),
        )

    def _make_kernel(self, container: Any) -> Any:
        from parvel.http.kernel import HttpKernel

        return HttpKernel(
            self.app,
            self.app.make("router"),
            self.app.make("http.middleware"),
            self.app.make("exceptions"),
        )

    def boot(self) -> None:
        """Apply bootstrap/app.py settings, load route files, compile at the end of boot."""
        app = self.app
        _context.state.app = app
        self.load_routes(app.make("router"))
        middleware: MiddlewareConfig = app.make("http.middleware")
        for callback in app.settings.get("middleware", []):
            callback(middleware)
        handler: ExceptionHandler = app.make("exceptions")
        for callback in app.settings.get("exceptions", []):
            callback(handler)
        app.booted(lambda application: application.make("http.kernel"))

    def load_routes(self, router: Router) -> None:
        """Load ``web`` (group ``web``) and ``api`` (prefix + group ``api``) files, ``/up``."""
        routing = self.app.settings.get("routing") or {}
        health = routing.get("health")
        if health:
            router.get(health, _health).name("health") if not router.has("health") else None
        if routing.get("web"):
            router.load(routing["web"], GroupAttributes(middleware=["web"]))
        if routing.get("api"):
            router.load(
                routing["api"],
                GroupAttributes(prefix=routing.get("api_prefix") or "", middleware=["api"]),
            )
        then = routing.get("then")
        if then is not None:
            then(self.app)


_HEALTH_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Application up</title>'
    '</head><body style="font-family:sans-serif;display:flex;min-height:100vh;align-items:center;'
    'justify-content:center"><div><h1 style="color:#16a34a">Application up</h1>'
    "<p>HTTP request received. Response rendered.</p></div></body></html>"
)


async def _health() -> Response:
    """``/up``: 200 once the application booted."""
    return Response(_HEALTH_PAGE)
