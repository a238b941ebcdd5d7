"""URL generation: named routes, paths, and signed URLs (HMAC-SHA256 with the app key).

I/O-free: the current request's root URL and previous URL come from resolvers the HTTP
layer installs. See docs/routing.md#url-generation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from parvel.routing._path import PARAM_RE, matches_slash
from parvel.routing.exceptions import RouteNotDefined, UrlGenerationError
from parvel.routing.matcher import CompiledRoutes
from parvel.routing.route import RouteDefinition
from parvel.support import clock

Expiration = datetime | timedelta | int | float
"""When a temporary signed URL expires: a datetime, a timedelta from now, or seconds."""


def parse_app_key(key: str | bytes | None) -> bytes:
    """Turn ``APP_KEY`` (``base64:...`` or raw text) into bytes.

    Raises:
        UrlGenerationError: no key is configured.
    """
    if not key:
        raise UrlGenerationError(
            "Signed URLs need an application key, but config 'app.key' is empty.",
            hint="Run `parvel key:generate` or set APP_KEY in .env.",
        )
    if isinstance(key, bytes):
        return key
    if key.startswith("base64:"):
        return base64.b64decode(key[7:])
    return key.encode()


def sign(key: bytes, value: str) -> str:
    """The hex HMAC-SHA256 of ``value``."""
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def route_key(value: Any, field: str | None = None) -> str:
    """The URL form of a route parameter: a model's route key (or ``field``), else ``str``."""
    if field is not None and not isinstance(value, str | int | float):
        value = getattr(value, field)
    else:
        getter = getattr(value, "get_route_key", None)
        if callable(getter):
            value = getter()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class UrlGenerator:
    """Builds URLs: ``route("posts.show", post)``, ``to("/about")``, signed URLs."""

    def __init__(
        self,
        routes: CompiledRoutes | Callable[[], CompiledRoutes],
        *,
        root: str = "http://localhost",
        key: str | bytes | None = None,
        root_resolver: Callable[[], str | None] | None = None,
        previous_resolver: Callable[[], str | None] | None = None,
        current_resolver: Callable[[], str | None] | None = None,
        patterns: Mapping[str, str] | None = None,
        asset_root: str | None = None,
    ) -> None:
        self._routes = routes
        self._root = root.rstrip("/")
        self._key = key
        self._root_resolver = root_resolver
        self._previous_resolver = previous_resolver
        self._current_resolver = current_resolver
        self._patterns = dict(patterns or {})
        self._asset_root = asset_root
        self._forced_root: str | None = None
        self._forced_scheme: str | None = None
        self._defaults: dict[str, Any] = {}

    def defaults(self, defaults: Mapping[str, Any]) -> None:
        """Default values for route parameters (``{"locale": "en"}``) used when not given."""
        self._defaults.update(defaults)

    # -- roots -------------------------------------------------------------------------------

    def force_root_url(self, root: str | None) -> None:
        """Always generate URLs on ``root`` (e.g. behind a proxy)."""
        self._forced_root = root.rstrip("/") if root else None

    def force_scheme(self, scheme: str | None) -> None:
        """Always generate ``https`` (or ``http``) URLs."""
        self._forced_scheme = scheme

    def root(self) -> str:
        """The scheme and host URLs are built on: the request's, else ``app.url``."""
        root = self._forced_root
        if root is None and self._root_resolver is not None:
            root = self._root_resolver()
        root = (root or self._root).rstrip("/")
        if self._forced_scheme:
            root = self._forced_scheme + "://" + root.split("://", 1)[-1]
        return root

    def _compiled(self) -> CompiledRoutes:
        return self._routes if isinstance(self._routes, CompiledRoutes) else self._routes()

    # -- plain URLs ------------------------------------------------------------------------

    def to(
        self,
        path: str,
        query: Mapping[str, Any] | Sequence[Any] | None = None,
        secure: bool | None = None,
    ) -> str:
        """An absolute URL for ``path`` (full URLs pass through).

        A dict becomes the query string (``to("/posts", {"page": 2})``); a list adds path
        segments, as Laravel's ``url("user/profile", [1])`` gives ``/user/profile/1``.
        """
        if query is not None and not isinstance(query, Mapping):
            segments = "/".join(quote(route_key(segment), safe="") for segment in query)
            path = path.rstrip("/") + "/" + segments if segments else path
            query = None
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^//|^mailto:|^tel:|^#", path):
            url = path
        else:
            root = self.root()
            if secure is not None:
                root = ("https" if secure else "http") + "://" + root.split("://", 1)[-1]
            url = root + "/" + path.lstrip("/") if path.strip("/") else root
        if query:
            url += ("&" if "?" in url else "?") + urlencode(_flatten(query), doseq=True)
        return url

    def query(self, path: str, query: Mapping[str, Any], secure: bool | None = None) -> str:
        """``path`` with ``query`` merged into its query string (``query`` wins on a clash).

        ``url().query("/posts?sort=new", {"page": 2})`` gives ``.../posts?sort=new&page=2``.
        """
        base, _, existing = path.partition("?")
        merged: dict[str, Any] = dict(parse_qsl(existing, keep_blank_values=True))
        merged.update(query)
        return self.to(base, merged, secure)

    def secure(self, path: str, query: Mapping[str, Any] | None = None) -> str:
        """An ``https`` URL for ``path``."""
        return self.to(path, query, secure=True)

    def asset(self, path: str, secure: bool | None = None) -> str:
        """The URL of a file in ``public/``."""
        if self._asset_root:
            return self._asset_root.rstrip("/") + "/" + path.lstrip("/")
        return self.to(path, secure=secure)

    def current(self) -> str:
        """The current request's URL without query string."""
        current = self._current_resolver() if self._current_resolver else None
        return (current or self.root()).split("?", 1)[0]

    def full(self) -> str:
        """The current request's full URL."""
        current = self._current_resolver() if self._current_resolver else None
        return current or self.root()

    def previous_path(self, fallback: str | None = None) -> str:
        """The path of :meth:`previous` (``"/posts"``)."""
        return urlsplit(self.previous(fallback)).path or "/"

    def previous(self, fallback: str | None = None) -> str:
        """The previous URL (session, else Referer header), else ``fallback`` or the root."""
        previous = self._previous_resolver() if self._previous_resolver else None
        if previous:
            return previous
        return self.to(fallback) if fallback else self.root()

    # -- named routes ----------------------------------------------------------------------

    def route(self, name: str, parameters: Any = None, absolute: bool = True, **kwargs: Any) -> str:
        """The URL of the route named ``name``.

        ``parameters`` is a value, a list (in URI order) or a dict; models give their route
        key. Extra dict entries become the query string.

        Raises:
            RouteNotDefined: no route has that name.
            UrlGenerationError: a required parameter is missing or breaks its constraint.
        """
        route = self._compiled().by_name(name)
        if route is None:
            raise RouteNotDefined(
                f"Route [{name}] not defined.",
                hint="Check the name with `parvel route:list`.",
            )
        return self.to_route(route, parameters, absolute, **kwargs)

    def to_route(
        self, route: RouteDefinition, parameters: Any = None, absolute: bool = True, **kwargs: Any
    ) -> str:
        """The URL of ``route`` itself (see :meth:`route`)."""
        named, positional = _split_parameters(parameters, kwargs)
        for key, value in self._defaults.items():
            if key not in named and key in route.parameter_names():
                named[key] = value
        patterns = {**self._patterns, **route.wheres}
        values: dict[str, str] = {}
        for param_name in route.parameter_names():
            field = route.binding_fields.get(param_name)
            if param_name in named:
                values[param_name] = route_key(named.pop(param_name), field)
            elif positional:
                values[param_name] = route_key(positional.pop(0), field)
            elif param_name in route.defaults_ and route.defaults_[param_name] is not None:
                values[param_name] = route_key(route.defaults_[param_name], field)
        path_parts: list[str] = []
        for segment in route.segments:
            if segment.static is not None:
                path_parts.append(segment.static)
                continue
            text = []
            for part in segment.parts:
                if isinstance(part, str):
                    text.append(part)
                    continue
                value = values.get(part.name)
                if value is None:
                    if part.optional:
                        break
                    raise UrlGenerationError(
                        f"Missing required parameter for [Route: {route.get_name()}] "
                        f"[URI: {route.uri.lstrip('/')}] [Missing parameter: {part.name}].",
                    )
                pattern = patterns.get(part.name)
                if pattern and not re.fullmatch(pattern, value):
                    raise UrlGenerationError(
                        f"The value '{value}' of parameter '{part.name}' does not match "
                        f"'{pattern}' for route [{route.get_name()}].",
                    )
                safe = "/" if pattern and matches_slash(pattern) else ""
                text.append(quote(value, safe=safe + "@:!$&'()*+,;=-._~"))
            else:
                path_parts.append("".join(text))
                continue
            break
        path = "/" + "/".join(path_parts)
        query: list[tuple[str, Any]] = [(k, v) for k, v in _flatten(named).items() if v is not None]
        query.extend((str(i), route_key(v)) for i, v in enumerate(positional))
        url = path
        if query:
            url += "?" + urlencode(query, doseq=True)
        if not absolute:
            return url
        root = self.root()
        if route.domain_:
            scheme = root.split("://", 1)[0] if "://" in root else "http"
            host = PARAM_RE.sub(lambda m: values.get(m.group(1), m.group(0)), route.domain_)
            port = urlsplit(root).port
            root = f"{scheme}://{host}" + (f":{port}" if port else "")
        return root + (url if path != "/" else url[1:])

    def action(self, action: Any, parameters: Any = None, absolute: bool = True) -> str:
        """The URL of the route running ``action`` (``[PostController, "show"]``).

        Raises:
            UrlGenerationError: no route runs that action.
        """
        wanted = list(action) if isinstance(action, list | tuple) else action
        for route in self._compiled().routes:
            current = route.action
            if (list(current) if isinstance(current, list | tuple) else current) == wanted:
                return self.to_route(route, parameters, absolute)
        raise UrlGenerationError(
            f"Action {action!r} not defined.",
            hint="Register a route for it, or check `parvel route:list`.",
        )

    # -- signed URLs -----------------------------------------------------------------------

    def _signing_key(self) -> bytes:
        return parse_app_key(self._key)

    def signed_route(
        self,
        name: str,
        parameters: Any = None,
        expiration: Expiration | None = None,
        absolute: bool = True,
    ) -> str:
        """A route URL carrying a ``signature`` (and ``expires`` when given)."""
        named, positional = _split_parameters(parameters, {})
        for reserved in ("signature", "expires"):
            if reserved in named:
                raise UrlGenerationError(
                    f"'{reserved}' is reserved and cannot be a signed route parameter."
                )
        if expiration is not None:
            named["expires"] = _timestamp(expiration)
        url = self.route(name, [*positional, named] if positional else named, absolute)
        signature = sign(self._signing_key(), url)
        return url + ("&" if "?" in url else "?") + "signature=" + signature

    def temporary_signed_route(
        self, name: str, expiration: Expiration, parameters: Any = None, absolute: bool = True
    ) -> str:
        """A signed route URL valid until ``expiration``."""
        return self.signed_route(name, parameters, expiration, absolute)

    def has_valid_signature(self, url: str, ignore_query: tuple[str, ...] = ()) -> bool:
        """Whether ``url`` carries a correct, unexpired signature."""
        return self.has_correct_signature(url, ignore_query) and self.signature_has_not_expired(url)

    def has_correct_signature(self, url: str, ignore_query: tuple[str, ...] = ()) -> bool:
        """Whether the ``signature`` in ``url`` matches the rest of it."""
        base, _, query = url.partition("?")
        pairs = [p for p in query.split("&") if p] if query else []
        signature = ""
        kept: list[str] = []
        for pair in pairs:
            key = pair.split("=", 1)[0]
            if key == "signature":
                signature = pair.split("=", 1)[1] if "=" in pair else ""
            elif key not in ignore_query:
                kept.append(pair)
        if not signature:
            return False
        original = base + ("?" + "&".join(kept) if kept else "")
        try:
            expected = sign(self._signing_key(), original)
        except UrlGenerationError:
            return False
        return hmac.compare_digest(expected, signature)

    @staticmethod
    def signature_has_not_expired(url: str) -> bool:
        """Whether ``url``'s ``expires`` timestamp (if any) lies in the future."""
        query = url.partition("?")[2]
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            if key == "expires":
                return value.isdigit() and int(value) > clock.timestamp()
        return True


def _timestamp(expiration: Expiration) -> int:
    if isinstance(expiration, datetime):
        return int(expiration.timestamp())
    if isinstance(expiration, timedelta):
        return int(clock.timestamp() + expiration.total_seconds())
    return int(clock.timestamp() + expiration)


def _split_parameters(
    parameters: Any, kwargs: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Any]]:
    named: dict[str, Any] = {}
    positional: list[Any] = []
    if parameters is None:
        pass
    elif isinstance(parameters, Mapping):
        named.update(parameters)
    elif isinstance(parameters, list | tuple):
        for item in parameters:
            if isinstance(item, Mapping):
                named.update(item)
            else:
                positional.append(item)
    else:
        positional.append(parameters)
    named.update(kwargs)
    return named, positional


def _flatten(query: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in query.items():
        if isinstance(value, bool):
            flat[key] = "1" if value else "0"
        elif isinstance(value, list | tuple):
            flat[f"{key}[]"] = [route_key(v) for v in value]
        elif value is not None:
            flat[key] = route_key(value)
    return flat
