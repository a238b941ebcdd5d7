"""``signed``: reject requests whose URL signature is missing, wrong or expired (403)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.contracts import Next
from parvel.http.exceptions import InvalidSignatureException


class ValidateSignature:
    """``signed`` checks the absolute URL; ``signed:relative`` only path and query."""

    def __init__(self, container: Container) -> None:
        self.container = container

    async def handle(self, request: Any, next: Next, *params: str) -> Response:
        """Continue only with a valid signature."""
        urls = self.container.make("url")
        if params and params[0] == "relative":
            query = request.scope["query_string"].decode("latin-1")
            url = request.scope.get("root_path", "") + request.scope["path"]
            url += f"?{query}" if query else ""
        else:
            url = request.full_url()
        if not urls.has_valid_signature(url):
            raise InvalidSignatureException()
        return await next(request)
