"""The fluent builder used in ``bootstrap/app.py`` (Laravel 11+ style)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.foundation.application import Application, ProviderSpec


class ApplicationBuilder:
    """Collects routing files, middleware and exception settings, then creates the app.

    Example::

        app = (
            Application.configure(base_path=Path(__file__).resolve().parent.parent)
            .with_routing(web="routes/web.py", api="routes/api.py",
                          commands="routes/console.py", health="/up")
            .with_middleware(lambda middleware: middleware.append(MyMiddleware))
            .create()
        )
    """

    def __init__(self, app: Application) -> None:
        self.app = app

    def with_routing(
        self,
        *,
        web: str | None = None,
        api: str | None = None,
        commands: str | None = None,
        health: str | None = None,
        api_prefix: str = "api",
        then: Callable[[Application], None] | None = None,
    ) -> ApplicationBuilder:
        """Name the route files (relative to the base path) and the health-check URI."""
        self.app.settings["routing"] = {
            "web": web,
            "api": api,
            "commands": commands,
            "health": health,
            "api_prefix": api_prefix,
            "then": then,
        }
        return self

    def with_middleware(self, callback: Callable[[Any], None]) -> ApplicationBuilder:
        """Register ``callback(middleware)`` to adjust the global stack and groups at boot."""
        self.app.settings.setdefault("middleware", []).append(callback)
        return self

    def with_exceptions(self, callback: Callable[[Any], None]) -> ApplicationBuilder:
        """Register ``callback(exceptions)`` to add report/render hooks to the handler."""
        self.app.settings.setdefault("exceptions", []).append(callback)
        return self

    def with_providers(self, providers: list[ProviderSpec]) -> ApplicationBuilder:
        """Register extra providers besides config ``app.providers``."""
        self.app.settings.setdefault("providers", []).extend(providers)
        return self

    def with_commands(self, paths: list[str]) -> ApplicationBuilder:
        """Extra modules or folders to discover console commands in."""
        self.app.settings.setdefault("commands", []).extend(paths)
        return self

    def create(self) -> Application:
        """Bootstrap the application (env, config, providers) and return it."""
        return self.app.bootstrap()
