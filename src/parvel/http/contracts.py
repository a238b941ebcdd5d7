"""Protocols the HTTP layer talks to: middleware, views, sessions, rate-limiter stores."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from starlette.responses import Response

    from parvel.http.requests import Request

Next = Callable[["Request"], Awaitable["Response"]]
"""What a middleware calls to pass the request on: ``await next(request)``."""


@runtime_checkable
class Middleware(Protocol):
    """``async def handle(self, request, next, *params) -> Response``."""

    def handle(self, request: Request, next: Next, *params: str) -> Awaitable[Response]:
        """Handle the request, usually by awaiting ``next(request)``."""
        ...


@runtime_checkable
class TerminableMiddleware(Protocol):
    """Middleware with ``terminate(request, response)`` run after the response was sent."""

    def terminate(self, request: Request, response: Response) -> Awaitable[None] | None:
        """Work done after the client got the response."""
        ...


class RequestScope(Protocol):
    """Per-request state a component opens before the handler and closes after the response.

    Providers add one with ``app.request_scopes.append(scope)``; the database component uses
    it to keep one pooled connection per request.
    """

    def enter(self) -> object:
        """Open the state for the request that starts now; return a token for :meth:`exit`."""
        ...

    def exit(self, token: Any) -> Awaitable[None]:
        """Close the state once the response is sent (also when the handler raised)."""
        ...


class Renderable(Protocol):
    """A rendered-on-demand view."""

    def render(self) -> str | Awaitable[str]:
        """The HTML."""
        ...


class ViewFactory(Protocol):
    """What the view component binds under ``"view"`` (used for error pages and views)."""

    def exists(self, name: str) -> bool:
        """Whether the view ``name`` (``"errors.404"``) exists."""
        ...

    def make(self, name: str, data: Mapping[str, Any] | None = None) -> Renderable:
        """A view ready to render."""
        ...


class RateLimiterStore(Protocol):
    """Counts hits per key in fixed windows (in-process now; cache-backed later)."""

    async def hit(self, key: str, decay_seconds: int) -> tuple[int, float]:
        """Count one hit; return (hits in the window, seconds until the window resets)."""
        ...

    async def attempts(self, key: str) -> int:
        """Hits counted in the current window."""
        ...

    async def clear(self, key: str) -> None:
        """Forget the key."""
        ...
