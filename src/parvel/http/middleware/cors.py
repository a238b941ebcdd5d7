"""``HandleCors``: Cross-Origin Resource Sharing from config ``cors`` (config/cors.py)."""

from __future__ import annotations

import fnmatch
import re
from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.middleware.hooks import HookMiddleware

DEFAULTS: dict[str, Any] = {
    "paths": ["api/*", "sanctum/csrf-cookie"],
    "allowed_methods": ["*"],
    "allowed_origins": ["*"],
    "allowed_origins_patterns": [],
    "allowed_headers": ["*"],
    "exposed_headers": [],
    "max_age": 0,
    "supports_credentials": False,
}


class HandleCors(HookMiddleware):
    """Answers preflight requests and adds CORS headers for the configured paths."""

    def __init__(self, container: Container) -> None:
        self.options = {**DEFAULTS, **container.make("config").get("cors", {})}
        self.paths = [p.strip("/") or "/" for p in self.options["paths"]]
        self.active = bool(self.paths)
        self.patterns = [re.compile(p) for p in self.options["allowed_origins_patterns"]]

    def _applies(self, path: str) -> bool:
        path = path.strip("/") or "/"
        return any(p == path or fnmatch.fnmatchcase(path, p) for p in self.paths)

    def _origin_allowed(self, origin: str) -> bool:
        origins = self.options["allowed_origins"]
        if "*" in origins or origin in origins:
            return True
        return any(p.fullmatch(origin) for p in self.patterns)

    def _allow_origin(self, origin: str) -> str | None:
        origins = self.options["allowed_origins"]
        if "*" in origins and not self.options["supports_credentials"]:
            return "*"
        return origin if self._origin_allowed(origin) else None

    def before(self, request: Any) -> Response | None:
        """Answer preflight requests (204); remember the origin for :meth:`after`."""
        origin = None
        for key, value in request.scope["headers"]:
            if key == b"origin":
                origin = value.decode("latin-1")
                break
        if origin is None or not self._applies(request.scope["path"]):
            return None
        allow = self._allow_origin(origin)
        if (
            request.scope["method"] == "OPTIONS"
            and "access-control-request-method" in request.headers
        ):
            headers: dict[str, str] = {
                "vary": "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
            }
            if allow is not None:
                headers["access-control-allow-origin"] = allow
                methods = self.options["allowed_methods"]
                headers["access-control-allow-methods"] = (
                    request.headers["access-control-request-method"].upper()
                    if "*" in methods
                    else ", ".join(m.upper() for m in methods)
                )
                allowed_headers = self.options["allowed_headers"]
                headers["access-control-allow-headers"] = (
                    request.headers.get("access-control-request-headers", "")
                    if "*" in allowed_headers
                    else ", ".join(allowed_headers)
                )
                if self.options["max_age"]:
                    headers["access-control-max-age"] = str(self.options["max_age"])
                if self.options["supports_credentials"]:
                    headers["access-control-allow-credentials"] = "true"
            return Response(status_code=204, headers=headers)
        if allow is not None:
            request.scope["parvel.cors"] = allow
        return None

    def after(self, request: Any, response: Response) -> Response:
        """Add Access-Control-* headers to responses for allowed origins."""
        allow = request.scope.get("parvel.cors")
        if allow is not None:
            response.headers["access-control-allow-origin"] = allow
            if allow != "*":
                response.headers.append("vary", "Origin")
            if self.options["supports_credentials"]:
                response.headers["access-control-allow-credentials"] = "true"
            if self.options["exposed_headers"]:
                response.headers["access-control-expose-headers"] = ", ".join(
                    self.options["exposed_headers"]
                )
        return response
