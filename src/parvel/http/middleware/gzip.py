"""``GZip``: compress buffered responses when the client accepts gzip."""

from __future__ import annotations

import gzip
from typing import Any

from starlette.responses import Response, StreamingResponse

from parvel.http.contracts import Next

MINIMUM_SIZE = 500
_COMPRESSIBLE = (b"text/", b"application/json", b"application/javascript", b"image/svg")


class GZip:
    """Compresses text-like bodies of at least 500 bytes (streamed responses pass through)."""

    async def handle(self, request: Any, next: Next) -> Response:
        """Compress the response if worthwhile."""
        response = await next(request)
        if isinstance(response, StreamingResponse) or not hasattr(response, "body"):
            return response
        accept = request.headers.get("accept-encoding", "")
        body = response.body
        if "gzip" not in accept or len(body) < MINIMUM_SIZE:
            return response
        headers = dict(response.raw_headers)
        if b"content-encoding" in headers:
            return response
        content_type = headers.get(b"content-type", b"")
        if not content_type.startswith(_COMPRESSIBLE):
            return response
        compressed = gzip.compress(bytes(body), compresslevel=6)
        response.body = compressed
        response.raw_headers = [
            (k, v) for k, v in response.raw_headers if k not in (b"content-length", b"vary")
        ]
        response.raw_headers += [
            (b"content-encoding", b"gzip"),
            (b"content-length", str(len(compressed)).encode()),
            (b"vary", b"Accept-Encoding"),
        ]
        return response
