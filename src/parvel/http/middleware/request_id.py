"""``X-Request-Id``: reuse a sane incoming id or make one; expose it via ``request_id()``."""

from __future__ import annotations

import itertools
import os
import re
from typing import Any

from starlette.responses import Response

from parvel.http.middleware.hooks import HookMiddleware
from parvel.log.context import request_id as log_request_id

_VALID = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")


class SetRequestId(HookMiddleware):
    """Gives every request an id, sent back as ``X-Request-Id``.

    An incoming ``X-Request-Id`` made of at most 128 safe characters is kept (a proxy set
    it); otherwise a process-unique id is generated (random per-process prefix + counter).
    """

    def __init__(self) -> None:
        self._prefix = os.urandom(6).hex() + "-"
        self._counter = itertools.count(0x10000000)

    def generate(self) -> str:
        """A new id."""
        return self._prefix + format(next(self._counter), "x")

    def before(self, request: Any) -> None:
        """Pick the id and make it current."""
        incoming = None
        for key, value in request.scope["headers"]:
            if key == b"x-request-id":
                incoming = value
                break
        if incoming is not None and _VALID.match(incoming):
            rid = incoming.decode("latin-1")
        else:
            rid = self.generate()
        request.scope["parvel.request_id"] = rid
        log_request_id.set(rid)  # every log line written for this request carries it

    def after(self, request: Any, response: Response) -> Response:
        """Send the id back."""
        response.raw_headers.append(
            (b"x-request-id", request.scope["parvel.request_id"].encode("latin-1"))
        )
        return response
