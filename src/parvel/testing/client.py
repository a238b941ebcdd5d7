"""TestClient: in-process HTTP requests against the app, returning TestResponse."""

from __future__ import annotations

import base64
from collections.abc import Mapping, MutableMapping
from typing import Any

import httpx

from parvel.http._context import RAISE_EXCEPTIONS, TESTING_KEY, WITHOUT_MIDDLEWARE
from parvel.http.middleware.cookies import ALWAYS_PLAIN, cookie_purpose
from parvel.testing.response import TestResponse


class TestClient:
    """Sends requests to an ASGI app in-process (no server); cookies persist between calls.

    ``client.with_headers({...})``, ``client.from_(url)`` and ``client.follow_redirects()`` return
    the client, so they chain before a call::

        response = await client.from_("/posts/create").post("/posts", data={"title": ""})
    """

    __test__ = False

    def __init__(self, app: Any, base_url: str = "http://localhost") -> None:
        self.app = app
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self._asgi), base_url=base_url, follow_redirects=False
        )
        self._headers: dict[str, str] = {}
        self._follow = False
        self._record: dict[str, Any] = {}
        self._session_data: dict[str, Any] = {}
        self._raise_exceptions = False
        self._without: tuple[Any, ...] | None = None
        self._client_address: str | None = None

    async def _asgi(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        # The http layer's test hook: the app records the session and the view in this dict.
        if scope["type"] == "http":
            record: dict[str, Any] = {}
            if self._session_data:
                record["with_session"] = self._session_data
                self._session_data = {}
            if self._raise_exceptions:
                record[RAISE_EXCEPTIONS] = True
            if self._without is not None:
                record[WITHOUT_MIDDLEWARE] = self._without
            scope[TESTING_KEY] = record
            if self._client_address is not None:
                scope["client"] = (self._client_address, 50000)
            self._record = record
        await self.app(scope, receive, send)

    # -- configuration ---------------------------------------------------------------------

    def with_headers(self, headers: Mapping[str, str]) -> TestClient:
        """Send these headers with every following request."""
        self._headers.update(headers)
        return self

    def with_header(self, name: str, value: str) -> TestClient:
        """Send one header with every following request."""
        self._headers[name] = value
        return self

    def with_token(self, token: str, kind: str = "Bearer") -> TestClient:
        """Send ``Authorization: Bearer <token>``."""
        return self.with_header("Authorization", f"{kind} {token}")

    def _encrypt_cookie(self, name: str, value: str) -> str:
        app = self.app
        if name in ALWAYS_PLAIN or not hasattr(app, "bound") or not app.bound("encrypter"):
            return value
        encrypted: str = app.make("encrypter").encrypt_string(value, purpose=cookie_purpose(name))
        return encrypted

    def with_server_variables(self, variables: Mapping[str, str]) -> TestClient:
        """Set server variables for the next requests, as PHP names them.

        ``REMOTE_ADDR`` becomes the client address (``request.ip()``); ``HTTP_X_FOO``
        becomes the ``X-Foo`` header.
        """
        for name, value in variables.items():
            if name == "REMOTE_ADDR":
                self._client_address = str(value)
            elif name.startswith("HTTP_"):
                self.with_header(name[5:].replace("_", "-").title(), str(value))
        return self

    def with_basic_auth(self, username: str, password: str) -> TestClient:
        """Send ``Authorization: Basic ...`` with these credentials."""
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        return self.with_token(token, "Basic")

    def with_cookies(self, cookies: Mapping[str, str]) -> TestClient:
        """Send these cookies (they persist like cookies the app sets).

        Values are encrypted the way the ``EncryptCookies`` middleware expects, so the handler
        reads them back with ``request.cookie(name)``; see :meth:`with_unencrypted_cookies`.
        """
        for name, value in cookies.items():
            self._client.cookies.set(name, self._encrypt_cookie(name, str(value)))
        return self

    def with_cookie(self, name: str, value: str) -> TestClient:
        """Send one cookie (encrypted like :meth:`with_cookies`)."""
        return self.with_cookies({name: value})

    def with_unencrypted_cookies(self, cookies: Mapping[str, str]) -> TestClient:
        """Send these cookies as they are (for cookies the app does not encrypt)."""
        for name, value in cookies.items():
            self._client.cookies.set(name, str(value))
        return self

    def with_unencrypted_cookie(self, name: str, value: str) -> TestClient:
        """Send one cookie as it is."""
        return self.with_unencrypted_cookies({name: value})

    def flush_headers(self) -> TestClient:
        """Forget the headers set with :meth:`with_headers` (and ``from_``, ``with_token``)."""
        self._headers.clear()
        return self

    def without_token(self) -> TestClient:
        """Stop sending the ``Authorization`` header."""
        self._headers = {k: v for k, v in self._headers.items() if k.lower() != "authorization"}
        return self

    def without_middleware(self, *middleware: Any) -> TestClient:
        """Skip route middleware in the next requests: all of it, or the given ones.

        Pass classes or aliases (``without_middleware("throttle")``). Laravel's ``withoutMiddleware``. Skipping everything also skips the ``web`` group's
        session and CSRF check; the global middleware still runs.
        """
        self._without = tuple(
            item
            for spec in middleware
            for item in (spec if isinstance(spec, list | tuple) else [spec])
        )
        return self

    def with_middleware(self) -> TestClient:
        """Run the route middleware again (the default)."""
        self._without = None
        return self

    def without_exception_handling(self) -> TestClient:
        """Let exceptions from handlers and middleware reach the test instead of an error page.

        Laravel's ``withoutExceptionHandling``: the request raises the original exception (a
        404 raises ``NotFoundHttpException``), which shows the real failure in the test output.
        """
        self._raise_exceptions = True
        return self

    def with_exception_handling(self) -> TestClient:
        """Render exceptions as responses again (the default)."""
        self._raise_exceptions = False
        return self

    def with_session(self, data: Mapping[str, Any]) -> TestClient:
        """Put these values in the session before the next request (Laravel's ``withSession``)."""
        self._session_data.update(data)
        return self

    def from_(self, url: str) -> TestClient:
        """Make the next requests come from ``url`` (the Referer that ``back()`` uses)."""
        return self.with_header("Referer", str(self._client.base_url.join(url)))

    def follow_redirects(self, follow: bool = True) -> TestClient:
        """Follow redirects and return the final response."""
        self._follow = follow
        return self

    def following_redirects(self) -> TestClient:
        """Follow redirects (Laravel's ``followingRedirects``); same as :meth:`follow_redirects`."""
        return self.follow_redirects()

    @property
    def cookies(self) -> httpx.Cookies:
        """The cookie jar."""
        return self._client.cookies

    # -- requests ----------------------------------------------------------------------------

    async def request(self, method: str, url: str, **kwargs: Any) -> TestResponse:
        """Send any request; keyword arguments are httpx's (``params``, ``data``, ``json``...)."""
        headers = {**self._headers, **(kwargs.pop("headers", None) or {})}
        response = await self._client.request(
            method, url, headers=headers, follow_redirects=self._follow, **kwargs
        )
        record = self._record
        return TestResponse(
            response, session=record.get("session"), view=record.get("view"), app=self.app
        )

    async def call(
        self, method: str, url: str, parameters: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> TestResponse:
        """Send any request (Laravel's ``call``).

        ``parameters`` are the query string of a GET or HEAD, else the form body.
        """
        if parameters:
            key = "params" if method.upper() in ("GET", "HEAD") else "data"
            kwargs[key] = dict(parameters)
        return await self.request(method.upper(), url, **kwargs)

    # Laravel's argument order: get(uri, headers), post(uri, data, headers); ``headers=`` works
    # as a keyword too, and other keywords are httpx's (``params``, ``json``, ``files``...).

    async def get(
        self, url: str, headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> TestResponse:
        """GET ``url``."""
        return await self.request("GET", url, headers=headers, **kwargs)

    async def head(
        self, url: str, headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> TestResponse:
        """HEAD ``url``."""
        return await self.request("HEAD", url, headers=headers, **kwargs)

    async def options(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """OPTIONS ``url``."""
        return await self.request("OPTIONS", url, data=data, headers=headers, **kwargs)

    async def post(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """POST a form (``data``), ``json=``, or ``files=``."""
        return await self.request("POST", url, data=data, headers=headers, **kwargs)

    async def put(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """PUT ``url``."""
        return await self.request("PUT", url, data=data, headers=headers, **kwargs)

    async def patch(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """PATCH ``url``."""
        return await self.request("PATCH", url, data=data, headers=headers, **kwargs)

    async def delete(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """DELETE ``url`` (with a form body when ``data`` is given)."""
        return await self.request("DELETE", url, data=data, headers=headers, **kwargs)

    async def json(
        self,
        method: str,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """Send ``data`` as JSON with ``Accept: application/json`` (Laravel's ``json()``)."""
        merged = {"Accept": "application/json", **(headers or {})}
        return await self.request(method.upper(), url, json=data, headers=merged, **kwargs)

    async def get_json(
        self, url: str, headers: Mapping[str, str] | None = None, **kwargs: Any
    ) -> TestResponse:
        """GET with ``Accept: application/json``."""
        return await self.json("GET", url, None, headers, **kwargs)

    async def post_json(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """POST JSON."""
        return await self.json("POST", url, data, headers, **kwargs)

    async def put_json(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """PUT JSON."""
        return await self.json("PUT", url, data, headers, **kwargs)

    async def patch_json(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """PATCH JSON."""
        return await self.json("PATCH", url, data, headers, **kwargs)

    async def delete_json(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """DELETE with a JSON body."""
        return await self.json("DELETE", url, data, headers, **kwargs)

    async def options_json(
        self,
        url: str,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """OPTIONS with a JSON body."""
        return await self.json("OPTIONS", url, data, headers, **kwargs)

    async def aclose(self) -> None:
        """Close the underlying client."""
        await self._client.aclose()
