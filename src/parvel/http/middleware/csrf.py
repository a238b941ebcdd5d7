"""VerifyCsrfToken: state-changing web requests must carry the session's CSRF token.

The token comes from the ``_token`` form field (``@csrf``), the ``X-CSRF-TOKEN`` header, or
the ``X-XSRF-TOKEN`` header holding the encrypted ``XSRF-TOKEN`` cookie that every web
response sets (what axios and similar clients send). A missing or wrong token answers 419.
Like Laravel, verification is skipped while running tests (``APP_ENV=testing``).
"""

from __future__ import annotations

import hmac
from typing import Any, ClassVar

from starlette.responses import Response

from parvel.container import Container
from parvel.http.contracts import Next
from parvel.http.exceptions import PageExpiredHttpException
from parvel.http.middleware.cookies import cookie_purpose

_READING = frozenset(("GET", "HEAD", "OPTIONS"))
XSRF_COOKIE = "XSRF-TOKEN"


class VerifyCsrfToken:
    """Checks the CSRF token on POST, PUT, PATCH and DELETE (419 when it does not match).

    URIs in ``except_`` (or the ``csrf_except`` middleware option, set with
    ``middleware.validate_csrf_tokens(except_=[...])``) are not checked; ``*`` wildcards work.
    """

    except_: ClassVar[list[str]] = []

    def __init__(self, container: Container) -> None:
        self.container = container
        config = container.make("http.middleware")
        self._except = [*self.except_, *config.options.get("csrf_except", [])]

    async def handle(self, request: Any, next: Next) -> Response:
        """Verify the token, run the request, then refresh the XSRF-TOKEN cookie."""
        session = request.session
        if session is None:
            return await next(request)
        if (
            request.scope["method"] not in _READING
            and not self._excluded(request)
            and not self._testing()
            and not self._matches(request, session.token())
        ):
            raise PageExpiredHttpException("CSRF token mismatch.")
        response = await next(request)
        self._queue_xsrf_cookie(session)
        return response

    def _excluded(self, request: Any) -> bool:
        return bool(self._except) and bool(request.is_(*self._except))

    def _testing(self) -> bool:
        app: Any = self.container
        running = getattr(app, "running_unit_tests", None)
        return bool(running()) if callable(running) else False

    def _matches(self, request: Any, expected: str) -> bool:
        token = request.input("_token") or request.header("X-CSRF-TOKEN")
        if not token:
            encrypted = request.header("X-XSRF-TOKEN")
            if encrypted and self.container.bound("encrypter"):
                try:
                    token = self.container.make("encrypter").decrypt_string(
                        encrypted, purpose=cookie_purpose(XSRF_COOKIE)
                    )
                except Exception:
                    token = None
        return isinstance(token, str) and hmac.compare_digest(token.encode(), expected.encode())

    def _queue_xsrf_cookie(self, session: Any) -> None:
        manager = self.container.make("session")
        config = manager.config
        self.container.make("cookie").queue(
            XSRF_COOKIE,
            session.token(),
            minutes=None if config.get("expire_on_close") else manager.lifetime,
            path=config.get("path") or "/",
            domain=config.get("domain"),
            secure=bool(config.get("secure")),
            http_only=False,
            same_site=config.get("same_site") or "lax",
        )
