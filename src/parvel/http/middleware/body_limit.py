"""``ValidatePostSize``: reject bodies larger than ``http.max_body_size`` with 413."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.exceptions import BadRequestHttpException, PayloadTooLargeHttpException
from parvel.http.middleware.hooks import HookMiddleware

DEFAULT_MAX_BODY_SIZE = 10 * 1024 * 1024
_BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


class ValidatePostSize(HookMiddleware):
    """Checks ``Content-Length`` up front.

    The body reader enforces the same limit while streaming (chunked uploads).
    """

    def __init__(self, container: Container) -> None:
        self.limit = int(container.make("config").get("http.max_body_size", DEFAULT_MAX_BODY_SIZE))

    def before(self, request: Any) -> Response | None:
        """Reject oversized requests (bodies are only read for POST, PUT, PATCH, DELETE)."""
        if request.scope["method"] not in _BODY_METHODS:
            return None
        for key, value in request.scope["headers"]:
            if key == b"content-length":
                if not value.isdigit():
                    raise BadRequestHttpException("Invalid Content-Length header.")
                if int(value) > self.limit:
                    raise PayloadTooLargeHttpException()
                break
        return None
