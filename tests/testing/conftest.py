"""Fixtures: a real Parvel app in tmp_path with routes and views registered by the test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parvel.foundation import Application
from parvel.routing import GroupAttributes, Router

APP_KEY = "base64:" + "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU="


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Application]:
    """Build and boot an app: ``routes(router)`` runs in the ``web`` group; ``views`` are files."""

    def factory(
        routes: Callable[[Router], Any], *, views: dict[str, str] | None = None
    ) -> Application:
        for name, source in (views or {}).items():
            path = tmp_path / "resources/views" / (name.replace(".", "/") + ".blade.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(source)
        app = Application(base_path=tmp_path)
        app.config.set(
            {
                "app.debug": False,
                "app.env": "testing",
                "app.key": APP_KEY,
                "app.url": "http://localhost",
            }
        )

        def then(application: Any) -> None:
            router: Router = application.make("router")
            router.group(GroupAttributes(middleware=["web"]), lambda: routes(router))

        app.settings["routing"] = {"health": "/up", "then": then}
        return app.bootstrap()

    return factory
