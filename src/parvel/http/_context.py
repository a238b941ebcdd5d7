"""Per-request context: the current request and the running application."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.http.request import Request

current_request: ContextVar[Request | None] = ContextVar("parvel_request", default=None)
current_request_id: ContextVar[str | None] = ContextVar("parvel_request_id", default=None)


class _State:
    app: Any = None


state = _State()


def get_app() -> Any:
    """The application the HTTP provider booted (raises a clear error without one)."""
    if state.app is None:
        from parvel.http.exceptions import HttpConfigurationError

        raise HttpConfigurationError(
            "No Parvel application is running.",
            hint="Create the application (bootstrap/app.py) before using HTTP helpers.",
        )
    return state.app


def request_id() -> str | None:
    """The current request's id (``X-Request-Id``), or ``None`` outside a request."""
    return current_request_id.get()
