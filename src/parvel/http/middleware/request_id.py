"""``X-Request-Id``: reuse a sane incoming id or make one; expose it via ``request_id()``."""

from __future__ import annotations

import itertools
import os
import re
from typing import Any

from starlette.responses import Response

from parvel.http._context import current_request_id
from parvel.http.contracts import Next

_VALID = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")


class SetRequestId:
    """Gives every request an id, sent back as ``X-Request-Id``.

    An incoming ``X-Request-Id`` made of at most 128 safe characters is kept (a proxy set
    it); otherwise a process-unique id is generated.
    """

    def __init__(self) -> None:
        self._prefix = os.urandom(6).hex()
        self._counter = itertools.count(1)

    def generate(self) -> str:
        """A new id: a random per-process prefix and a counter."""
        return f"{self._prefix}-{next(self._counter):010x}"

    async def handle(self, request: Any, next: Next) -> Response:
        """Set the id for the request and on the response."""
        incoming = None
        for key, value in request.scope["headers"]:
            if key == b"x-request-id":
                incoming = value
                break
        if incoming is not None and _VALID.match(incoming):
            raw = incoming
            rid = incoming.decode("latin-1")
        else:
            rid = self.generate()
            raw = rid.encode("latin-1")
        request.scope["parvel.request_id"] = rid
        token = current_request_id.set(rid)
        try:
            response = await next(request)
        finally:
            current_request_id.reset(token)
        response.raw_headers.append((b"x-request-id", raw))
        return response
