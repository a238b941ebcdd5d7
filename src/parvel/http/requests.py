"""The request: Starlette's Request plus Laravel's input helpers. See docs/http.md#requests.

The kernel reads the body (JSON, form, multipart) before the route handler runs, so input
helpers are plain synchronous calls that never raise on odd input.
"""

from __future__ import annotations

import builtins
import fnmatch
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect
from starlette.requests import Request as StarletteRequest

from parvel.http._input import assign, blank, dig, keys_of, transform_strings
from parvel.http._request_values import CallableURL, HttpMethod, InputString, php_date_format
from parvel.http.exceptions import (
    BadRequestHttpException,
    HttpException,
    PayloadTooLargeHttpException,
)
from parvel.http.uploads import UploadedFile

if TYPE_CHECKING:
    from parvel.orm.collection import Collection

E = TypeVar("E", bound=Enum)


_TRUE = {"1", "true", "on", "yes"}
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_MISSING: Any = object()


class Request(StarletteRequest):
    """An HTTP request. Read input with ``input()``, ``query()``, ``boolean()``...

    Starlette's API (``headers``, ``url``, ``cookies``, ``query_params``, ``stream()``) is
    available unchanged.
    """

    _body_input: dict[str, Any] | None = None
    _files: dict[str, Any] | None = None
    _json_payload: Any = None
    _query_input: dict[str, Any] | None = None
    _merged: dict[str, Any] | None = None
    _transforms: list[Callable[[str, Any], Any]] | None = None
    route_params: dict[str, Any] = {}
    route_definition: Any = None

    # -- body --------------------------------------------------------------------------

    def has_body(self) -> bool:
        """Whether the request may carry a body worth reading."""
        if self.scope["method"] not in _BODY_METHODS:
            return False
        if self.scope.get("http_version") == "2":
            return True  # HTTP/2 bodies need neither Content-Length nor chunked encoding
        for key, value in self.scope["headers"]:
            if key == b"content-length":
                return bool(value != b"0")
            if key == b"transfer-encoding":
                return True
        return False

    async def load(self) -> None:
        """Read and parse the body once (JSON, urlencoded or multipart).

        Input transforms (TrimStrings...) are applied to the parsed body.

        Raises:
            BadRequestHttpException: the JSON is malformed.
            PayloadTooLargeHttpException: the body exceeds ``http.max_body_size``.
        """
        if self._body_input is not None:
            return
        self._body_input = {}
        self._files = {}
        if not self.has_body():
            return
        await self._parse_body()
        self._merged = None
        if self._transforms and self._body_input:
            for transform in self._transforms:
                transform_strings(self._body_input, transform)

    async def _parse_body(self) -> None:
        assert self._body_input is not None
        assert self._files is not None
        limit = self.scope.get("parvel.max_body_size")
        if limit:
            self._limit_receive(int(limit))
        content_type = self.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type.startswith("multipart/") or content_type == (
            "application/x-www-form-urlencoded"
        ):
            if content_type.startswith("multipart/"):
                self._enforce_declared_size(limit)
            else:
                await self._read_limited(limit)
            try:
                form = await self.form(max_files=1000, max_fields=10000)
            except HttpException:
                raise
            except Exception as error:
                raise BadRequestHttpException(f"The form data is malformed: {error}") from None
            root = self.scope.get("parvel.storage_root")
            for key in form:
                values = form.getlist(key)
                converted = [
                    UploadedFile(v, Path(root) if root else None)
                    if isinstance(v, UploadFile)
                    else v
                    for v in values
                ]
                target = self._files if isinstance(values[0], UploadFile) else self._body_input
                assign(target, key, converted)
            return
        body = await self._read_limited(limit)
        if content_type == "application/json" or content_type.endswith("+json"):
            if not body.strip():
                return
            try:
                payload = orjson.loads(body)
            except orjson.JSONDecodeError as error:
                raise BadRequestHttpException(f"Malformed JSON body: {error}") from None
            self._json_payload = payload
            if isinstance(payload, dict):
                self._body_input = payload
            else:
                self._body_input = {}

    def _limit_receive(self, limit: int) -> None:
        """Count body bytes as they arrive (chunked and multipart bodies included)."""
        original = self._receive
        received = 0

        async def limited() -> Any:
            nonlocal received
            message = await original()
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLargeHttpException()
            return message

        self._receive = limited

    def _enforce_declared_size(self, limit: int | None) -> None:
        declared = self.headers.get("content-length")
        if limit and declared and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLargeHttpException()

    async def _read_limited(self, limit: int | None) -> bytes:
        if hasattr(self, "_body"):
            return self._body
        self._enforce_declared_size(limit)
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in self.stream():
                size += len(chunk)
                if limit and size > limit:
                    raise PayloadTooLargeHttpException()
                chunks.append(chunk)
        except ClientDisconnect:
            raise BadRequestHttpException(
                "The client disconnected while sending the body."
            ) from None
        self._body = b"".join(chunks)
        return self._body

    def _input(self) -> dict[str, Any]:
        merged = self._merged
        if merged is None:
            merged = {**self._query(), **(self._body_input or {})}
            self._merged = merged
        return merged

    def _query(self) -> dict[str, Any]:
        if self._query_input is None:
            query: dict[str, Any] = {}
            for key, value in self.query_params.multi_items():
                assign(query, key, [value], append=True)
            for transform in self._transforms or ():
                transform_strings(query, transform)
            self._query_input = query
        return self._query_input

    def add_input_transform(self, transform: Callable[[str, Any], Any]) -> None:
        """Apply ``transform(key, value)`` to string inputs when they are parsed.

        Used by TrimStrings and ConvertEmptyStringsToNull; input parsed already is transformed
        at once.
        """
        if self._transforms is None:
            self._transforms = []
        self._transforms.append(transform)
        if self._query_input is not None or self._body_input is not None:
            self.transform_input(transform)

    def transform_input(self, transform: Callable[[str, Any], Any]) -> None:
        """Apply ``transform(key, value)`` to every string input value (TrimStrings...)."""
        self._merged = None
        if self._query_input is None:
            self._query()
        for target in (self._query_input, self._body_input):
            if target:
                transform_strings(target, transform)

    # -- input -------------------------------------------------------------------------

    def all(self) -> dict[str, Any]:
        """Query and body input with files."""
        return {**self._input(), **(self._files or {})}

    def input(self, key: str | None = None, default: Any = None) -> Any:
        """One input value by dotted key (``"user.name"``), or all input."""
        if key is None:
            return dict(self._input())
        return dig(self._input(), key, default)

    def query(self, key: str | None = None, default: Any = None) -> Any:
        """One query-string value, or all of them."""
        if key is None:
            return dict(self._query())
        return dig(self._query(), key, default)

    def post(self, key: str | None = None, default: Any = None) -> Any:
        """One body value, or the whole body input."""
        body = self._body_input or {}
        return dict(body) if key is None else dig(body, key, default)

    def json(self, key: str | None = None, default: Any = None) -> Any:
        """The decoded JSON body, or one dotted key of it."""
        if key is None:
            return self._json_payload
        if isinstance(self._json_payload, dict):
            return dig(self._json_payload, key, default)
        return default

    def only(self, *keys: str | Iterable[str]) -> dict[str, Any]:
        """The given keys (present ones only)."""
        result: dict[str, Any] = {}
        for key in keys_of(keys):
            value = dig(self.all(), key, _MISSING)
            if value is not _MISSING:
                result[key] = value
        return result

    def except_(self, *keys: str | Iterable[str]) -> dict[str, Any]:
        """Everything but the given keys."""
        excluded = set(keys_of(keys))
        return {k: v for k, v in self.all().items() if k not in excluded}

    def has(self, *keys: str | Iterable[str]) -> bool:
        """Whether every key is present."""
        data = self.all()
        return all(dig(data, key, _MISSING) is not _MISSING for key in keys_of(keys))

    def has_any(self, *keys: str | Iterable[str]) -> bool:
        """Whether any key is present."""
        data = self.all()
        return any(dig(data, key, _MISSING) is not _MISSING for key in keys_of(keys))

    def filled(self, *keys: str | Iterable[str]) -> bool:
        """Whether every key is present and not blank."""
        return all(not blank(dig(self.all(), key, None)) for key in keys_of(keys))

    def any_filled(self, *keys: str | Iterable[str]) -> bool:
        """Whether any key is present and not blank."""
        return any(not blank(dig(self.all(), key, None)) for key in keys_of(keys))

    def is_not_filled(self, *keys: str | Iterable[str]) -> bool:
        """Whether every key is blank or absent."""
        return all(blank(dig(self.all(), key, None)) for key in keys_of(keys))

    def missing(self, *keys: str | Iterable[str]) -> bool:
        """Whether every key is absent."""
        data = self.all()
        return all(dig(data, key, _MISSING) is _MISSING for key in keys_of(keys))

    def string(self, key: str, default: str = "") -> InputString:
        """The value as a string (``default`` when absent).

        It is a ``str`` with some of Laravel's fluent methods: ``string("name").trim()``.
        """
        value = self.input(key)
        if value is None or isinstance(value, dict | list):
            return InputString(default)
        return InputString(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        """``"1"``, ``"true"``, ``"on"``, ``"yes"`` (and JSON ``true``) are true."""
        value = self.input(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in _TRUE

    def integer(self, key: str, default: int = 0) -> int:
        """The value as an int; ``default`` when absent or not a number."""
        value = self.input(key)
        if isinstance(value, bool):
            return int(value)
        try:
            return int(str(value).strip()) if value is not None else default
        except ValueError:
            try:
                return int(float(str(value)))
            except (ValueError, OverflowError):
                return default

    def float(self, key: str, default: float = 0.0) -> float:
        """The value as a float; ``default`` when absent or not a number."""
        try:
            value = self.input(key)
            return (
                float(value)
                if value is not None and not isinstance(value, dict | list)
                else default
            )
        except (TypeError, ValueError):
            return default

    def date(self, key: str, format: str | None = None, tz: Any = None) -> datetime | None:
        """The value as a datetime; ``None`` when absent or invalid.

        ``format`` is a strptime format (``"%d/%m/%Y"``) or a PHP one (``"d/m/Y"``, ``"!H:i"``)
        as in Laravel; without it the value is read as ISO 8601.
        """
        value = self.input(key)
        if not value or not isinstance(value, str):
            return None
        if format is not None and "%" not in format:
            format = php_date_format(format)
        try:
            parsed = datetime.strptime(value, format) if format else datetime.fromisoformat(value)
        except ValueError:
            return None
        if tz is not None:
            parsed = parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)
        return parsed

    def enum(self, key: str, enum_class: type[E]) -> E | None:
        """The value as a member of ``enum_class``, or ``None``."""
        try:
            return enum_class(self.input(key))
        except (ValueError, TypeError):
            return None

    def enums(self, key: str, enum_class: type[E]) -> list[E]:
        """The values of a list input as members of ``enum_class`` (invalid ones dropped)."""
        values = self.input(key)
        if not isinstance(values, list):
            values = [] if values is None else [values]
        members = []
        for value in values:
            try:
                members.append(enum_class(value))
            except (ValueError, TypeError):
                continue
        return members

    def when_has(
        self, key: str, callback: Callable[[Any], Any], default: Callable[[], Any] | None = None
    ) -> Any:
        """Call ``callback(value)`` when ``key`` is present, else ``default()``."""
        if self.has(key):
            return callback(self.input(key))
        return default() if default is not None else None

    def when_filled(
        self, key: str, callback: Callable[[Any], Any], default: Callable[[], Any] | None = None
    ) -> Any:
        """Call ``callback(value)`` when ``key`` is present and not blank, else ``default()``."""
        if self.filled(key):
            return callback(self.input(key))
        return default() if default is not None else None

    def when_missing(
        self, key: str, callback: Callable[[], Any], default: Callable[[], Any] | None = None
    ) -> Any:
        """Call ``callback()`` when ``key`` is absent, else ``default()``."""
        if self.missing(key):
            return callback()
        return default() if default is not None else None

    def merge(self, values: dict[str, Any]) -> Request:
        """Add input values (they win over existing ones); returns the request."""
        self._input().update(values)
        return self

    def merge_if_missing(self, values: dict[str, Any]) -> Request:
        """Add input values only for keys that are absent; returns the request."""
        current = self._input()
        for key, value in values.items():
            current.setdefault(key, value)
        return self

    def replace(self, values: dict[str, Any]) -> Request:
        """Replace the input entirely; returns the request."""
        self._merged = dict(values)
        return self

    def exists(self, *keys: str | Iterable[str]) -> bool:
        """Alias of :meth:`has`."""
        return self.has(*keys)

    def collect(self, key: str | Iterable[str] | None = None) -> Collection[Any]:
        """Input as a :class:`~parvel.orm.Collection`.

        One key gives its items (a scalar is wrapped, a missing key is empty); a list of keys
        gives their values; no key gives all input's values.
        """
        from parvel.orm.collection import Collection

        if key is None:
            return Collection(list(self.all().values()))
        if not isinstance(key, str):
            return Collection([self.input(name) for name in key])
        value = self.input(key)
        if value is None:
            return Collection([])
        if isinstance(value, dict):
            return Collection(list(value.values()))
        return Collection(value if isinstance(value, list) else [value])

    # -- old input and flashing ----------------------------------------------------------

    def old(self, key: str | None = None, default: Any = None) -> Any:
        """Input flashed by the previous request (``with_input()``), or ``default``."""
        store = self.session
        if store is None:
            return default
        return store.get_old_input(key, default)

    def flash(self) -> None:
        """Flash the current input to the session, for :meth:`old` on the next request."""
        store = self.session
        if store is not None:
            store.flash_input(self._flashable(self._input()))

    def flash_only(self, *keys: str | Iterable[str]) -> None:
        """Flash only these input keys."""
        store = self.session
        if store is not None:
            store.flash_input(self._flashable(self.only(*keys)))

    def flash_except(self, *keys: str | Iterable[str]) -> None:
        """Flash the input without these keys (``flash_except("password")``)."""
        store = self.session
        if store is not None:
            store.flash_input(self._flashable(self.except_(*keys)))

    @staticmethod
    def _flashable(values: Mapping[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in values.items() if not isinstance(value, UploadFile)}

    # -- files -------------------------------------------------------------------------

    def file(self, key: str, default: Any = None) -> Any:
        """The :class:`UploadedFile` for ``key`` (a list for ``key[]``), or ``default``."""
        return dig(self._files or {}, key, default)

    def has_file(self, key: str) -> bool:
        """Whether a file was uploaded under ``key``."""
        value = self.file(key)
        files = value if isinstance(value, list) else [value]
        return any(isinstance(f, UploadedFile) and f.is_valid() for f in files)

    # -- request facts -----------------------------------------------------------------

    def path(self) -> str:
        """The path without leading slash (``"posts/1"``; ``"/"`` for the root)."""
        path: str = self.scope["path"].strip("/")
        return path or "/"

    def is_(self, *patterns: str) -> bool:
        """Whether the path matches a pattern: ``request.is_("admin/*")``."""
        path = self.path()
        return any(fnmatch.fnmatchcase(path, p.strip("/") or "/") for p in patterns)

    def route_is(self, *patterns: str) -> bool:
        """Whether the matched route's name matches a pattern."""
        route = self.route_definition
        return route is not None and bool(route.named(*patterns))

    def route(self, param: str | None = None, default: Any = None) -> Any:
        """A route parameter, or (without argument) the matched route definition."""
        if param is None:
            return self.route_definition
        return self.route_params.get(param, default)

    def full_url(self) -> str:
        """The URL with its query string."""
        return str(self.url)

    def full_url_with_query(self, query: dict[str, Any]) -> str:
        """The full URL with ``query`` merged into its query string."""
        from urllib.parse import urlencode

        merged = {**dict(self.query_params), **{k: str(v) for k, v in query.items()}}
        return str(self.url.replace(query=urlencode(merged)))

    def full_url_without_query(self, *keys: str | Iterable[str]) -> str:
        """The full URL without the given query parameters (names, or one list of them)."""
        from urllib.parse import urlencode

        dropped = set(keys_of(keys))
        kept = [(k, v) for k, v in self.query_params.multi_items() if k not in dropped]
        return str(self.url.replace(query=urlencode(kept)))

    def http_host(self) -> str:
        """The host with its port when not the default one."""
        return str(self.url.netloc)

    def scheme_and_http_host(self) -> str:
        """``https://example.com:8080``."""
        return f"{self.url.scheme}://{self.url.netloc}"

    def current_url(self) -> str:
        """The URL without its query string."""
        return str(self.url.replace(query=""))

    @property
    def url(self) -> CallableURL:
        """The URL (Starlette's ``URL``).

        Calling it, ``request.url()``, gives the URL without its query string, as Laravel's
        ``$request->url()``.
        """
        found: CallableURL | None = self.__dict__.get("_url")
        if type(found) is not CallableURL:
            found = CallableURL(scope=self.scope)
            self._url = found
        return found

    @property
    def method(self) -> HttpMethod:
        """The HTTP verb, ``"POST"``; ``request.method()`` works too (Laravel's spelling)."""
        return HttpMethod(self.scope["method"])

    def is_method(self, method: str) -> bool:
        """Whether the method is ``method`` (case-insensitive)."""
        return bool(self.method == method.upper())

    def header(self, name: str, default: str | None = None) -> str | None:
        """A request header."""
        return self.headers.get(name, default)

    def has_header(self, name: str) -> bool:
        """Whether a header is present."""
        return name in self.headers

    def bearer_token(self) -> str | None:
        """The token of an ``Authorization: Bearer ...`` header."""
        value = self.headers.get("authorization", "")
        if value[:7].lower() == "bearer ":
            return value[7:].strip() or None
        return None

    def cookie(self, name: str, default: str | None = None) -> str | None:
        """A cookie's value."""
        return self.cookies.get(name, default)

    def ip(self) -> str | None:
        """The client IP (trusted proxies' forwarded address when configured)."""
        client = self.scope.get("client")
        return client[0] if client else None

    def ips(self) -> list[str]:
        """The client IP chain (forwarded addresses first) when behind trusted proxies."""
        chain = self.scope.get("parvel.forwarded_for")
        return list(chain) if chain else [ip for ip in [self.ip()] if ip]

    def host(self) -> str:
        """The host name without port."""
        return self.url.hostname or ""

    def scheme(self) -> str:
        """``http`` or ``https``."""
        return str(self.url.scheme)

    def secure(self) -> bool:
        """Whether the request came over HTTPS."""
        return self.url.scheme in ("https", "wss")

    def user_agent(self) -> str | None:
        """The User-Agent header."""
        return self.headers.get("user-agent")

    def user(self) -> Any:
        """The authenticated user (set by the auth middleware), or ``None``."""
        resolver = self.scope.get("parvel.user_resolver")
        if resolver is not None:
            return resolver()
        return self.scope.get("user")

    async def validate(
        self,
        rules: Mapping[str, Any],
        messages: Mapping[str, str] | None = None,
        attributes: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Validate the input and files; return the validated data.

        On failure a JSON request gets 422 with the errors and a web request is redirected
        back with the errors and its input flashed (see docs/validation.md).
        """
        from parvel.http.form_request import validate_request

        return await validate_request(self, rules, messages, attributes)

    async def validate_with_bag(
        self,
        error_bag: str,
        rules: Mapping[str, Any],
        messages: Mapping[str, str] | None = None,
        attributes: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Like :meth:`validate`, flashing failures into the named error bag."""
        from parvel.http.form_request import validate_request

        return await validate_request(self, rules, messages, attributes, error_bag=error_bag)

    @property
    def session(self) -> Any:
        """The session when the session middleware runs, else ``None``."""
        return self.scope.get("session")

    def is_json(self) -> bool:
        """Whether the request body is JSON (``Content-Type: application/json``)."""
        content_type = self.headers.get("content-type", "")
        return "/json" in content_type or "+json" in content_type

    def has_valid_signature(self, absolute: bool = True) -> bool:
        """Whether the URL carries a valid, unexpired signature (see signed URLs)."""
        return self._signature_check(absolute, ())

    def has_valid_relative_signature(self) -> bool:
        """Like :meth:`has_valid_signature`, checking path and query only."""
        return self._signature_check(False, ())

    def has_valid_signature_while_ignoring(
        self, *keys: str | Iterable[str], absolute: bool = True
    ) -> bool:
        """Like :meth:`has_valid_signature`, ignoring these query parameters (names or a list)."""
        return self._signature_check(absolute, tuple(keys_of(keys)))

    def _signature_check(self, absolute: bool, ignore: tuple[str, ...]) -> bool:
        from parvel.http._context import get_app

        if absolute:
            url = self.full_url()
        else:
            query = self.scope["query_string"].decode("latin-1")
            url = (
                self.scope.get("root_path", "")
                + self.scope["path"]
                + (f"?{query}" if query else "")
            )
        return bool(get_app().make("url").has_valid_signature(url, ignore))

    def ajax(self) -> bool:
        """Whether ``X-Requested-With: XMLHttpRequest`` is set."""
        return self.headers.get("x-requested-with") == "XMLHttpRequest"

    def pjax(self) -> bool:
        """Whether ``X-PJAX`` is set."""
        return self.headers.get("x-pjax") == "true"

    def wants_json(self) -> bool:
        """Whether the first accepted content type is JSON."""
        accept = self.headers.get("accept", "").split(",", 1)[0]
        return "/json" in accept or "+json" in accept

    def expects_json(self) -> bool:
        """AJAX (not PJAX) accepting anything, or :meth:`wants_json`."""
        accept = self.headers.get("accept", "")
        accepts_any = accept in ("", "*/*", "*")
        return (self.ajax() and not self.pjax() and accepts_any) or self.wants_json()

    def accepts(self, *content_types: str | Iterable[str]) -> bool:
        """Whether any of ``content_types`` is acceptable (strings, or one list of them)."""
        wanted_types = keys_of(content_types)
        accept = [a.split(";", 1)[0].strip() for a in self.headers.get("accept", "*/*").split(",")]
        for accepted in accept:
            if accepted in ("*/*", "*"):
                return True
            for wanted in wanted_types:
                if fnmatch.fnmatchcase(wanted, accepted) or wanted == accepted:
                    return True
        return False

    def get_acceptable_content_types(self) -> list[str]:
        """The Accept header's types, most preferred first (by ``q``)."""
        weighted = []
        for index, item in enumerate(self.headers.get("accept", "").split(",")):
            media, _, params = item.strip().partition(";")
            if not media:
                continue
            quality = 1.0
            for param in params.split(";"):
                name, _, value = param.strip().partition("=")
                if name == "q":
                    try:
                        quality = float(value)
                    except ValueError:
                        quality = 0.0
            weighted.append((-quality, index, media.strip()))
        return [media for _, _, media in sorted(weighted)]

    def prefers(self, *content_types: str | Iterable[str]) -> str | None:
        """Which of ``content_types`` (strings, or one list) the client prefers, or ``None``."""
        wanted_types = keys_of(content_types)
        for accepted in self.get_acceptable_content_types() or ["*/*"]:
            for wanted in wanted_types:
                full = {"json": "application/json", "html": "text/html"}.get(wanted, wanted)
                if accepted in ("*/*", "*") or fnmatch.fnmatchcase(full, accepted):
                    return wanted
        return None

    def accepts_html(self) -> bool:
        """Whether HTML is acceptable."""
        return self.accepts("text/html")

    # Defined last: inside the class body the name ``str`` then means this method.
    def str(self, key: builtins.str, default: builtins.str = "") -> builtins.str:
        """Alias of :meth:`string` (Laravel's ``$request->str()``)."""
        return self.string(key, default)
