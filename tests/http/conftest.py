"""Fixtures: a real Application in tmp_path, routes registered by the test, an httpx client."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from parvel.foundation import Application
from parvel.routing import GroupAttributes, Router

APP_KEY = "base64:" + "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU="


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Application]:
    """Build and boot an app; ``routes(router)`` runs inside the ``web`` group."""

    def factory(
        routes: Callable[[Router], Any] | None = None,
        *,
        api_routes: Callable[[Router], Any] | None = None,
        web: str | None = None,
        api: str | None = None,
        config: dict[str, Any] | None = None,
        middleware: Callable[[Any], Any] | None = None,
        exceptions: Callable[[Any], Any] | None = None,
    ) -> Application:
        app = Application(base_path=tmp_path)
        app.config.set(
            {
                "app.debug": False,
                "app.env": "testing",
                "app.key": APP_KEY,
                "app.url": "http://testserver",
                **(config or {}),
            }
        )
        routing: dict[str, Any] = {"health": "/up", "api_prefix": "api"}
        for name, source in (("web", web), ("api", api)):
            if source is not None:
                (tmp_path / "routes").mkdir(exist_ok=True)
                (tmp_path / "routes" / f"{name}.py").write_text(textwrap.dedent(source))
                routing[name] = f"routes/{name}.py"

        def then(application: Any) -> None:
            router: Router = application.make("router")
            if routes is not None:
                router.group(GroupAttributes(middleware=["web"]), lambda: routes(router))
            if api_routes is not None:
                router.group(
                    GroupAttributes(prefix="api", middleware=["api"]), lambda: api_routes(router)
                )

        routing["then"] = then
        app.settings["routing"] = routing
        if middleware is not None:
            app.settings["middleware"] = [middleware]
        if exceptions is not None:
            app.settings["exceptions"] = [exceptions]
        return app.bootstrap()

    return factory


@pytest.fixture
def client() -> Callable[[Application], httpx.AsyncClient]:
    def factory(app: Application, **options: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver", **options
        )

    return factory
