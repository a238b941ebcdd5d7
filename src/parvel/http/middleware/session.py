"""StartSession: one session per web request, saved after the response is built.

The session cookie holds the session id (encrypted like every cookie); with the ``cookie``
driver a second cookie, ``<name>_data``, holds the session itself. GET pages are remembered
as the previous URL (for ``back()`` and validation redirects), and expired sessions are
collected by the config's lottery.
"""

from __future__ import annotations

import random
from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http._context import scope_test_record
from parvel.http.contracts import Next
from parvel.session import CookieSessionHandler, DatabaseSessionHandler, SessionManager
from parvel.session.context import current_session


class StartSession:
    """Starts ``request.session`` and saves it; sets the session cookie."""

    def __init__(self, container: Container) -> None:
        self.container = container

    async def handle(self, request: Any, next: Next) -> Response:
        """Load the session, run the request, save the session."""
        manager: SessionManager = self.container.make("session")
        config = manager.config
        name = str(config["cookie"])
        store = manager.build(request.cookie(name), request.cookie(f"{name}_data"))
        handler = store.handler
        if isinstance(handler, DatabaseSessionHandler):
            handler.ip_address = request.ip()
            handler.user_agent = request.user_agent()
        await store.start()
        request.scope["session"] = store
        testing = scope_test_record(request.scope)
        if testing is not None:  # the TestClient's hook (with_session, session assertions)
            store.put(testing.pop("with_session", None) or {})
            testing["session"] = store
        token = current_session.set(store)
        try:
            response = await next(request)
        finally:
            current_session.reset(token)
        if request.scope["method"] == "GET" and not request.ajax() and not _prefetch(request):
            store.set_previous_url(request.full_url())
        await store.save()
        self._queue_cookies(manager, store, name)
        await self._collect_garbage(manager)
        return response

    def _queue_cookies(self, manager: SessionManager, store: Any, name: str) -> None:
        config = manager.config
        minutes = None if config.get("expire_on_close") else manager.lifetime
        options = {
            "minutes": minutes,
            "path": config.get("path") or "/",
            "domain": config.get("domain"),
            "secure": bool(config.get("secure")),
            "http_only": bool(config.get("http_only", True)),
            "same_site": config.get("same_site") or "lax",
        }
        jar = self.container.make("cookie")
        jar.queue(name, store.id, **options)
        handler = store.handler
        if isinstance(handler, CookieSessionHandler):
            if handler.outgoing is not None:
                jar.queue(f"{name}_data", handler.outgoing, **options)
            elif handler.destroyed:
                jar.forget(f"{name}_data")

    @staticmethod
    async def _collect_garbage(manager: SessionManager) -> None:
        lottery = manager.config.get("lottery") or [2, 100]
        chances, out_of = int(lottery[0]), int(lottery[1])
        if out_of > 0 and random.randint(1, out_of) <= chances:
            await manager.gc()


def _prefetch(request: Any) -> bool:
    purpose = (request.header("Purpose") or request.header("Sec-Purpose") or "").lower()
    return "prefetch" in purpose
