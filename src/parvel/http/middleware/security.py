"""``SecurityHeaders``: HSTS (over HTTPS), nosniff, frame options, referrer policy, CSP."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.middleware.hooks import HookMiddleware

DEFAULTS: dict[str, Any] = {
    "hsts": "max-age=31536000; includeSubDomains",
    "content_type_options": "nosniff",
    "frame_options": "SAMEORIGIN",
    "referrer_policy": "strict-origin-when-cross-origin",
    "content_security_policy": None,
}


class SecurityHeaders(HookMiddleware):
    """Adds security headers; configure them in config ``http.security_headers``.

    Set a value to ``None`` to leave that header out. Headers the response set itself win.
    """

    def __init__(self, container: Container) -> None:
        options = {**DEFAULTS, **container.make("config").get("http.security_headers", {})}
        pairs = [
            ("x-content-type-options", options["content_type_options"]),
            ("x-frame-options", options["frame_options"]),
            ("referrer-policy", options["referrer_policy"]),
            ("content-security-policy", options["content_security_policy"]),
        ]
        self._headers = [(k.encode(), str(v).encode()) for k, v in pairs if v]
        self._hsts = (
            (b"strict-transport-security", str(options["hsts"]).encode())
            if options["hsts"]
            else None
        )

    def after(self, request: Any, response: Response) -> Response:
        """Add the headers to the response."""
        present = {k for k, _ in response.raw_headers}
        for key, value in self._headers:
            if key not in present:
                response.raw_headers.append((key, value))
        if (
            self._hsts is not None
            and request.scope.get("scheme") == "https"
            and self._hsts[0] not in present
        ):
            response.raw_headers.append(self._hsts)
        return response
