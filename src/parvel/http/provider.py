"""The HTTP service provider: router, URL generator, middleware, exception handler, kernel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parvel.container import ServiceProvider
from parvel.http import _context
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


def _teach_views(blade: Any, views: Path) -> None:
    """Parvel's error pages, and ``route()``, ``url()``, ``asset()`` in every template."""
    from parvel.http.helpers import asset, route, url

    blade.add_namespace("parvel", views)
    blade.share({"route": route, "url": url, "asset": asset})


def _paginate_from_requests() -> None:
    """Paginators read ``?page=``, ``?cursor=`` and the path from the current request."""
    from parvel.database.pagination import AbstractPaginator, CursorPaginator

    def page(name: str) -> int | None:
        request = _context.current_request.get()
        if request is None:
            return None
        value = request.query(name)
        return int(value) if isinstance(value, str) and value.isdigit() else None

    def path() -> str:
        request = _context.current_request.get()
        return str(request.url).split("?", 1)[0] if request is not None else "/"

    def cursor(name: str) -> str | None:
        request = _context.current_request.get()
        value = request.query(name) if request is not None else None
        return value if isinstance(value, str) else None

    def query() -> dict[str, str]:
        request = _context.current_request.get()
        return dict(request.query_params) if request is not None else {}

    AbstractPaginator.current_page_resolver(page)
    AbstractPaginator.current_path_resolver(path)
    AbstractPaginator.query_string_resolver(query)
    CursorPaginator.current_cursor_resolver(cursor)


class HttpServiceProvider(ServiceProvider):
    """Registers routing and HTTP services and compiles the kernel at the end of boot.

    Only routing is imported while registering; the HTTP stack (Starlette, middleware) loads
    when the kernel is built. Under the ``parvel`` command (``app.running_in_console()``), or
    with ``app.settings["defer_http_kernel"] = True``, the kernel compiles on first use instead
    of at boot (routes files still load, so their definition errors still surface).
    """

    def register(self) -> None:
        """Bind the router, URL generator, middleware config, handler, cookie jar, kernel."""
        app = self.app
        router = Router()
        router.base_path = app.base_path()
        router.current_route_resolver = _current_route
        app.instance("router", router)
        app.alias("router", Router)
        app.singleton("http.middleware", self._make_middleware)
        app.singleton("exceptions", self._make_handler)
        app.singleton("url", self._make_url)
        app.alias("url", UrlGenerator)
        app.scoped("cookie", _make_cookie_jar)
        app.singleton("http.kernel", self._make_kernel)
        from parvel.http.console import COMMANDS

        self.commands(COMMANDS)

    def _make_middleware(self, container: Any) -> Any:
        from parvel.http.middleware._config import MiddlewareConfig

        config = MiddlewareConfig()
        self.app.alias("http.middleware", MiddlewareConfig)
        for callback in self.app.settings.get("middleware", []):
            callback(config)
        return config

    def _make_handler(self, container: Any) -> Any:
        from parvel.http.handler import ExceptionHandler

        handler = ExceptionHandler(self.app)
        self.app.alias("exceptions", ExceptionHandler)
        for callback in self.app.settings.get("exceptions", []):
            callback(handler)
        return handler

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
        from parvel.http.middleware.cookies import CookieJar

        self.app.alias("cookie", CookieJar)
        return HttpKernel(
            self.app,
            self.app.make("router"),
            self.app.make("http.middleware"),
            self.app.make("exceptions"),
        )

    def boot(self) -> None:
        """Load route files, then compile the kernel at the end of boot."""
        app = self.app
        _context.state.app = app
        _paginate_from_requests()
        views = Path(__file__).parent / "resources" / "views"  # the default error pages
        if app.resolved("view"):
            _teach_views(app.make("view"), views)
        else:
            app.resolving("view", lambda blade, _: _teach_views(blade, views))
        self.load_routes(app.make("router"))
        deferred = app.settings.get("defer_http_kernel") or app.running_in_console()
        if not deferred:
            app.booted(lambda application: application.make("http.kernel"))

    def load_routes(self, router: Router) -> None:
        """Load ``web`` (group ``web``) and ``api`` (prefix + group ``api``) files, ``/up``."""
        routing = self.app.settings.get("routing") or {}
        health = routing.get("health")
        if health and not router.has("health"):
            router.get(health, _health).name("health")
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


def _make_cookie_jar(container: Any) -> Any:
    from parvel.http.middleware.cookies import CookieJar

    return CookieJar()


_HEALTH_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Application up</title>'
    '</head><body style="font-family:sans-serif;display:flex;min-height:100vh;align-items:center;'
    'justify-content:center"><div><h1 style="color:#16a34a">Application up</h1>'
    "<p>HTTP request received. Response rendered.</p></div></body></html>"
)


async def _health() -> Any:
    """``/up``: 200 once the application booted."""
    from parvel.http.responses import Response

    return Response(_HEALTH_PAGE)
