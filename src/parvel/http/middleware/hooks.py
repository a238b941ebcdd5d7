"""Hook middleware: synchronous ``before``/``after`` instead of an ``async handle``.

Middleware that only inspects the request or decorates the response can subclass
:class:`HookMiddleware`. The kernel fuses consecutive hook middleware into one step at boot,
which is why Parvel's default global stack costs about as much as a single middleware.
"""

from __future__ import annotations

from typing import Any, ClassVar

from starlette.responses import Response

from parvel.http.contracts import Next


class HookMiddleware:
    """Base for middleware written as ``before(request)`` and ``after(request, response)``.

    ``before`` may return a response to answer early (or raise an HTTP exception);
    ``after`` returns the (possibly replaced) response. Both are synchronous.
    """

    fusable: ClassVar[bool] = True

    def before(self, request: Any) -> Response | None:
        """Inspect or change the request; return a response to stop here."""
        return None

    def after(self, request: Any, response: Response) -> Response:
        """Change the response on its way out."""
        return response

    async def handle(self, request: Any, next: Next) -> Response:
        """Run as ordinary middleware (when not fused by the kernel)."""
        early = self.before(request)
        if early is not None:
            return early
        return self.after(request, await next(request))
