"""Per-request context: the current request and the running application."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.http.requests import Request

current_request: ContextVar[Request | None] = ContextVar("parvel_request", default=None)


class _State:
    app: Any = None


state = _State()


def get_app() -> Any:
    """The application serving the current request, else the last one booted."""
    request = current_request.get()
    if request is not None:
        app = request.scope.get("parvel.app")
        if app is not None:
            return app
    if state.app is None:
        from parvel.http.exceptions import HttpConfigurationError

        raise HttpConfigurationError(
            "No Parvel application is running.",
            hint="Create the application (bootstrap/app.py) before using HTTP helpers.",
        )
    return state.app


TESTING_KEY = "parvel.testing"
"""ASGI scope key of the test-client hook: a dict the TestClient puts in the scope.

When present, StartSession stores the request's session under ``"session"`` (after first
putting the ``"with_session"`` values into it) and the response conversion stores a rendered
view under ``"view"``, so test assertions can inspect them. Requests from real servers never
carry the key, so the hook costs one dict lookup.
"""


RAISE_EXCEPTIONS = "raise_exceptions"
"""Key of the test-client hook dict: when true, the kernel re-raises exceptions instead of
rendering them (``TestClient.without_exception_handling()``)."""


WITHOUT_MIDDLEWARE = "without_middleware"
"""Key of the test-client hook dict: route middleware to skip, a tuple of specs (empty: all of
it) (``TestClient.without_middleware()``)."""


def scope_test_record(scope: Any) -> dict[str, Any] | None:
    """The test-client hook dict of an ASGI ``scope`` (``None`` outside tests)."""
    record: dict[str, Any] | None = scope.get(TESTING_KEY) if scope is not None else None
    return record


def request_id() -> str | None:
    """The current request's id (``X-Request-Id``), or ``None`` outside a request."""
    request = current_request.get()
    if request is None:
        return None
    value: str | None = request.scope.get("parvel.request_id")
    return value
