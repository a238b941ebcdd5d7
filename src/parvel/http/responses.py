"""Response classes: Starlette's, with Laravel's fluent helpers. See docs/http.md#responses."""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from starlette import datastructures as _s_uploads
from starlette import responses as _s
from starlette.background import BackgroundTask, BackgroundTasks

_JSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_JSONP_CALLBACK = re.compile(r"[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\])*")


def json_default(value: Any) -> Any:
    """Serialize models, collections and other objects orjson does not know."""
    for method in ("to_dict", "to_list", "to_json_data", "model_dump", "dict"):
        fn = getattr(value, method, None)
        if callable(fn):
            return fn()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """Encode ``value`` as JSON with orjson (models and collections included)."""
    return orjson.dumps(value, default=json_default, option=_JSON_OPTIONS)


class _Fluent:
    """Laravel's ``->header()``, ``->withHeaders()``, ``->cookie()`` on any response."""

    status_code: int
    raw_headers: list[tuple[bytes, bytes]]

    def header(self, name: str, value: str, replace: bool = True) -> Any:
        """Set a header (``replace=False`` adds another one)."""
        key = name.lower().encode("latin-1")
        if replace:
            self.raw_headers = [(k, v) for k, v in self.raw_headers if k != key]
        self.raw_headers.append((key, value.encode("latin-1")))
        return self

    def with_headers(self, headers: Mapping[str, str]) -> Any:
        """Set several headers."""
        for name, value in headers.items():
            self.header(name, value)
        return self

    def cookie(
        self,
        name: str | Cookie,
        value: str = "",
        minutes: int | None = None,
        path: str = "/",
        domain: str | None = None,
        secure: bool = False,
        http_only: bool = True,
        same_site: str = "lax",
    ) -> Any:
        """Attach a cookie (``minutes=None``: a session cookie).

        ``name`` may be a :class:`Cookie` made by the ``cookie(name, value, minutes)`` helper.
        """
        if isinstance(name, Cookie):
            return self.cookie(**name.options())
        self.set_cookie(  # type: ignore[attr-defined]
            name,
            value,
            max_age=minutes * 60 if minutes is not None else None,
            path=path,
            domain=domain,
            secure=secure,
            httponly=http_only,
            samesite=same_site,
        )
        return self

    def without_cookie(self, name: str, path: str = "/", domain: str | None = None) -> Any:
        """Expire a cookie in the browser."""
        self.delete_cookie(name, path=path, domain=domain)  # type: ignore[attr-defined]
        return self

    def set_status(self, status: int) -> Any:
        """Change the status code."""
        self.status_code = status
        return self

    def status(self) -> int:
        """The status code."""
        return self.status_code

    def is_ok(self) -> bool:
        """Status 200."""
        return self.status_code == 200

    def is_successful(self) -> bool:
        """Status 2xx."""
        return 200 <= self.status_code < 300

    def is_redirect(self) -> bool:
        """Status 201, 301, 302, 303, 307 or 308 with a Location header."""
        return self.status_code in (201, 301, 302, 303, 307, 308)

    def is_client_error(self) -> bool:
        """Status 4xx."""
        return 400 <= self.status_code < 500

    def is_server_error(self) -> bool:
        """Status 5xx."""
        return 500 <= self.status_code < 600

    def is_not_found(self) -> bool:
        """Status 404."""
        return self.status_code == 404

    def is_forbidden(self) -> bool:
        """Status 403."""
        return self.status_code == 403

    def get_header(self, name: str) -> str | None:
        """A response header's value."""
        key = name.lower().encode("latin-1")
        for k, v in self.raw_headers:
            if k == key:
                return v.decode("latin-1")
        return None


class Response(_Fluent, _s.Response):
    """A plain response (``text/html`` by default, like Laravel)."""

    media_type = "text/html"


class JsonResponse(_Fluent, _s.Response):
    """A JSON response encoded with orjson."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        """Encode ``content`` as JSON."""
        return dumps(content)

    def with_callback(self, callback: str | None) -> JsonResponse:
        """Wrap the JSON in a JSONP call of ``callback`` (``None`` leaves it as JSON).

        Raises:
            ValueError: ``callback`` is not a valid JavaScript identifier path.
        """
        if callback is None:
            return self
        if not _JSONP_CALLBACK.fullmatch(callback):
            raise ValueError(f"The callback name [{callback}] is not valid.")
        self.body = b"/**/" + callback.encode() + b"(" + self.body + b");"
        self.headers["content-length"] = str(len(self.body))
        self.headers["content-type"] = "text/javascript; charset=utf-8"
        return self


def _error_messages(errors: Any) -> dict[str, list[str]]:
    """``{field: [messages]}`` from a dict, a ``MessageBag``, a ``ValidationError`` or a str."""
    for method in ("errors", "messages"):  # ValidationError.errors(), MessageBag.messages()
        getter = getattr(errors, method, None)
        if callable(getter):
            errors = getter()
            break
    if isinstance(errors, str):
        return {"0": [errors]}
    if not isinstance(errors, Mapping):
        return {str(index): [str(message)] for index, message in enumerate(errors)}
    return {
        str(key): [value] if isinstance(value, str) else [str(item) for item in value]
        for key, value in errors.items()
    }


class RedirectResponse(_Fluent, _s.RedirectResponse):
    """A redirect; ``with_()`` flashes data to the session when sessions are enabled."""

    session: Any = None

    def with_(self, key: str | Mapping[str, Any], value: Any = None) -> RedirectResponse:
        """Flash ``key`` (or a dict) to the session for the next request.

        Without a session (no session middleware yet), flashing is silently skipped.
        """
        if self.session is not None:
            items = key.items() if isinstance(key, Mapping) else [(key, value)]
            for name, item in items:
                self.session.flash(name, item)
        return self

    def with_input(self, values: Mapping[str, Any] | None = None) -> RedirectResponse:
        """Flash the current request's input (or ``values``) so forms can show ``old()``.

        Uploaded files are left out.
        """
        if self.session is not None:
            if values is None:
                from parvel.http._context import current_request

                request = current_request.get()
                values = request.input() if request is not None else {}
            self.session.flash_input(
                {k: v for k, v in values.items() if not isinstance(v, _s_uploads.UploadFile)}
            )
        return self

    def with_errors(self, errors: Any, bag: str = "default") -> RedirectResponse:
        """Flash validation errors into the ``bag`` error bag.

        ``errors`` is a ``{field: message or [messages]}`` dict, a ``MessageBag``, a
        ``ValidationError`` or a single message string; other bags flashed earlier are kept.
        """
        if self.session is not None:
            bags = dict(self.session.get("errors") or {})
            bags[bag] = _error_messages(errors)
            self.session.flash("errors", bags)
        return self

    def with_fragment(self, fragment: str) -> RedirectResponse:
        """Append ``#fragment`` to the target."""
        location = self.get_header("location") or ""
        self.header("location", location.split("#", 1)[0] + "#" + fragment.lstrip("#"))
        return self

    def target_url(self) -> str:
        """Where the redirect points."""
        return self.get_header("location") or ""


class FileResponse(_Fluent, _s.FileResponse):
    """Serve a file from disk (ranges, ETag, Last-Modified handled by Starlette)."""

    def delete_file_after_send(self, delete: bool = True) -> FileResponse:
        """Remove the file once the response has been sent (a generated export, say)."""
        if delete:
            remove = BackgroundTask(Path(self.path).unlink, missing_ok=True)  # in the threadpool
            previous = self.background
            self.background = BackgroundTasks([previous, remove] if previous else [remove])
        return self


class StreamedResponse(_Fluent, _s.StreamingResponse):
    """A response whose body comes from an (async) iterator."""


class NoContentResponse(Response):
    """``204 No Content``."""

    def __init__(self, status_code: int = 204, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(b"", status_code, headers)


def make_stream(
    content: Iterable[Any] | AsyncIterable[Any],
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    media_type: str | None = None,
    background: BackgroundTask | None = None,
) -> StreamedResponse:
    """A :class:`StreamedResponse` from an iterator of ``str``/``bytes``."""
    return StreamedResponse(content, status, dict(headers or {}), media_type, background)


@dataclass(frozen=True)
class Cookie:
    """A cookie to attach later: ``response("Hi").cookie(cookie("name", "value", 60))``."""

    name: str
    value: str = ""
    minutes: int | None = None
    path: str = "/"
    domain: str | None = None
    secure: bool = False
    http_only: bool = True
    same_site: str = "lax"

    def options(self) -> dict[str, Any]:
        """The keyword arguments of ``Response.cookie`` / ``CookieJar.queue``."""
        return {
            "name": self.name,
            "value": self.value,
            "minutes": self.minutes,
            "path": self.path,
            "domain": self.domain,
            "secure": self.secure,
            "http_only": self.http_only,
            "same_site": self.same_site,
        }


@dataclass(frozen=True)
class StreamedEvent:
    """One server-sent event of ``response().event_stream(...)``: ``event:`` and ``data:``."""

    event: str
    data: Any


async def _aiter(content: Iterable[Any] | AsyncIterable[Any]) -> AsyncIterator[Any]:
    if hasattr(content, "__aiter__"):
        async for item in content:
            yield item
    else:
        for item in content:
            yield item


def _sse_data(data: Any) -> str:
    return data if isinstance(data, str) else dumps(data).decode()


async def event_stream_body(
    content: Iterable[Any] | AsyncIterable[Any], end_stream_with: str | None
) -> AsyncIterator[str]:
    """Server-sent events: each item as ``event: update`` / ``data: ...`` (JSON unless a str)."""
    async for item in _aiter(content):
        if isinstance(item, StreamedEvent):
            yield f"event: {item.event}\ndata: {_sse_data(item.data)}\n\n"
        else:
            yield f"event: update\ndata: {_sse_data(item)}\n\n"
    if end_stream_with is not None:
        yield f"event: update\ndata: {end_stream_with}\n\n"


async def json_stream_body(data: Any) -> AsyncIterator[bytes]:
    """JSON written piece by piece: (async) iterators inside ``data`` become streamed arrays."""
    if isinstance(data, Mapping):
        yield b"{"
        for index, (key, value) in enumerate(data.items()):
            yield (b"," if index else b"") + dumps(str(key)) + b":"
            async for chunk in json_stream_body(value):
                yield chunk
        yield b"}"
    elif (hasattr(data, "__aiter__") or hasattr(data, "__next__")) and not isinstance(
        data, str | bytes
    ):
        yield b"["
        index = 0
        async for item in _aiter(data):
            yield b"," if index else b""
            async for chunk in json_stream_body(item):
                yield chunk
            index += 1
        yield b"]"
    else:
        yield dumps(data)
