"""``PreventRequestsDuringMaintenance``: 503 while ``storage/framework/down`` exists.

The file (written by ``parvel down``) holds JSON ``{"secret", "retry", "refresh", "status",
"redirect", "template", "time"}``. Visiting ``/{secret}`` sets the ``parvel_maintenance``
cookie that lets the browser through.
"""

from __future__ import annotations

import fnmatch
import hashlib
import hmac
import json
import os
import time
from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.exceptions import HttpException
from parvel.http.middleware.hooks import HookMiddleware
from parvel.http.responses import RedirectResponse
from parvel.http.responses import Response as HtmlResponse

COOKIE = "parvel_maintenance"
_RECHECK_SECONDS = 1.0


class PreventRequestsDuringMaintenance(HookMiddleware):
    """Serves the maintenance response; bypass with the secret; ``except_`` paths pass."""

    except_: list[str] = []

    def __init__(self, container: Container) -> None:
        app: Any = container
        self.path = str(app.storage_path("framework/down"))
        config = container.make("http.middleware")
        self._except = [*self.except_, *config.options.get("maintenance_except", [])]
        self._checked = -_RECHECK_SECONDS
        self._mtime: float | None = None
        self._data: dict[str, Any] | None = None

    def state(self) -> dict[str, Any] | None:
        """The maintenance payload, or ``None`` when the app is up (checked once a second)."""
        now = time.monotonic()
        if now - self._checked < _RECHECK_SECONDS:
            return self._data
        self._checked = now
        try:
            mtime = os.stat(self.path).st_mtime
        except OSError:
            self._data = self._mtime = None
            return None
        if mtime != self._mtime:
            self._mtime = mtime
            try:
                with open(self.path, encoding="utf-8") as handle:
                    data = json.load(handle)
                self._data = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._data = {}
        return self._data

    def before(self, request: Any) -> Response | None:
        """503 unless bypassed."""
        fresh = time.monotonic() - self._checked < _RECHECK_SECONDS
        data = self._data if fresh else self.state()
        if data is None:
            return None
        path: str = request.scope["path"]
        secret = data.get("secret")
        if secret and path == "/" + str(secret):
            expires = int(time.time()) + 12 * 3600
            response = RedirectResponse("/", 302)
            response.cookie(COOKIE, _cookie_value(str(secret), expires), minutes=12 * 60)
            return response
        if secret and _valid_cookie(request.cookies.get(COOKIE), str(secret)):
            return None
        trimmed = path.strip("/") or "/"
        if any(fnmatch.fnmatchcase(trimmed, p.strip("/") or "/") for p in self._except):
            return None
        redirect = data.get("redirect")
        if redirect and path != redirect:
            return RedirectResponse(redirect, 302)
        headers: dict[str, str] = {}
        if data.get("retry"):
            headers["Retry-After"] = str(data["retry"])
        if data.get("refresh"):
            headers["Refresh"] = str(data["refresh"])
        status = int(data.get("status") or 503)
        template = data.get("template")
        if template:
            return HtmlResponse(str(template), status, headers)
        raise HttpException("Service Unavailable", status_code=status, headers=headers)


def _cookie_value(secret: str, expires: int) -> str:
    mac = hmac.new(secret.encode(), str(expires).encode(), hashlib.sha256).hexdigest()
    return f"{expires}.{mac}"


def _valid_cookie(value: str | None, secret: str) -> bool:
    if not value or "." not in value:
        return False
    expires = value.partition(".")[0]
    if not expires.isdigit() or int(expires) < time.time():
        return False
    return hmac.compare_digest(_cookie_value(secret, int(expires)), value)
