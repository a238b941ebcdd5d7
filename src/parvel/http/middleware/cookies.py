"""Queued cookies (``cookie().queue(...)``) and cookie encryption.

``EncryptCookies`` encrypts outgoing and decrypts incoming cookie values when an encrypter is
bound as ``"encrypter"``; each value is bound to its cookie's name, so a value copied into
another cookie does not decrypt. Without an encrypter it passes cookies unchanged.
Cookies listed in ``middleware.encrypt_cookies(except_=[...])`` are never encrypted.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.middleware.hooks import HookMiddleware

ALWAYS_PLAIN = ("parvel_maintenance",)


def cookie_purpose(name: str) -> str:
    """The encryption purpose binding a value to its cookie: a value moved to another cookie fails."""
    return f"cookie:{name}"


class CookieJar:
    """Cookies to attach to the current response (one jar per request scope)."""

    def __init__(self) -> None:
        self._queued: dict[str, dict[str, Any]] = {}

    def queue(
        self,
        name: Any,
        value: str = "",
        minutes: int | None = None,
        path: str = "/",
        domain: str | None = None,
        secure: bool = False,
        http_only: bool = True,
        same_site: str = "lax",
    ) -> None:
        """Send a cookie with the response (or queue a ``Cookie`` made by ``cookie(...)``)."""
        options = getattr(name, "options", None)
        if callable(options):
            self.queue(**options())
            return
        self._queued[name] = {
            "value": value,
            "minutes": minutes,
            "path": path,
            "domain": domain,
            "secure": secure,
            "http_only": http_only,
            "same_site": same_site,
        }

    def forever(self, name: str, value: str, **options: Any) -> None:
        """A cookie lasting five years."""
        self.queue(name, value, minutes=5 * 365 * 24 * 60, **options)

    def forget(self, name: str, path: str = "/", domain: str | None = None) -> None:
        """Expire a cookie."""
        self.queue(name, "", minutes=-2628000, path=path, domain=domain)

    def unqueue(self, name: str) -> None:
        """Drop a queued cookie."""
        self._queued.pop(name, None)

    def has_queued(self, name: str) -> bool:
        """Whether ``name`` is queued."""
        return name in self._queued

    def queued(self) -> dict[str, dict[str, Any]]:
        """The queued cookies."""
        return dict(self._queued)


class AddQueuedCookiesToResponse(HookMiddleware):
    """Attaches the request's queued cookies to the response."""

    def __init__(self, container: Container) -> None:
        self.container = container

    def after(self, request: Any, response: Response) -> Response:
        """Add queued cookies."""
        jar: CookieJar = self.container.make("cookie")
        for name, options in jar.queued().items():
            minutes = options["minutes"]
            response.set_cookie(
                name,
                options["value"],
                max_age=minutes * 60 if minutes is not None else None,
                path=options["path"],
                domain=options["domain"],
                secure=options["secure"],
                httponly=options["http_only"],
                samesite=options["same_site"],
            )
        return response


class EncryptCookies(HookMiddleware):
    """Encrypt/decrypt cookie values with the app's encrypter (when one is bound)."""

    except_: list[str] = []

    def __init__(self, container: Container) -> None:
        self.container = container
        config = container.make("http.middleware")
        self._plain = {*ALWAYS_PLAIN, *self.except_, *config.options.get("unencrypted_cookies", [])}

    def _encrypter(self) -> Any:
        return self.container.make("encrypter") if self.container.bound("encrypter") else None

    def before(self, request: Any) -> Response | None:
        """Decrypt incoming cookies (undecryptable ones are dropped)."""
        encrypter = self._encrypter()
        if encrypter is None:
            return None
        decrypted: dict[str, str] = {}
        for name, value in request.cookies.items():
            if name in self._plain:
                decrypted[name] = value
                continue
            try:
                decrypted[name] = encrypter.decrypt_string(value, purpose=cookie_purpose(name))
            except Exception:
                continue
        request._cookies = decrypted
        return None

    def after(self, request: Any, response: Response) -> Response:
        """Encrypt outgoing cookies."""
        encrypter = self._encrypter()
        if encrypter is None:
            return response
        headers: list[tuple[bytes, bytes]] = []
        for key, raw in response.raw_headers:
            if key == b"set-cookie":
                raw = self._encrypt_header(raw.decode("latin-1"), encrypter).encode("latin-1")
            headers.append((key, raw))
        response.raw_headers = headers
        return response

    def _encrypt_header(self, header: str, encrypter: Any) -> str:
        cookie: SimpleCookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if name in self._plain or morsel.value == "":
                return header
            rest = header.partition(";")[2]
            value = encrypter.encrypt_string(morsel.value, purpose=cookie_purpose(name))
            return f"{name}={value}" + (f";{rest}" if rest else "")
        return header
