"""Global helpers: ``route()``, ``url()``, ``redirect()``, ``back()``, ``response()``, ``request()``."""

from __future__ import annotations

from collections.abc import (
    AsyncIterable,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Mapping,
    Sequence,
)
from pathlib import Path
from typing import Any, ClassVar, overload
from urllib.parse import quote, urlsplit

from parvel.http._context import current_request, get_app, scope_test_record
from parvel.http.exceptions import HttpConfigurationError
from parvel.http.requests import Request
from parvel.http.responses import (
    Cookie,
    FileResponse,
    JsonResponse,
    NoContentResponse,
    RedirectResponse,
    Response,
    StreamedResponse,
    event_stream_body,
    json_stream_body,
    make_stream,
)
from parvel.routing.url import Expiration, UrlGenerator


def request() -> Request:
    """The current request (raises outside a request)."""
    current = current_request.get()
    if current is None:
        raise HttpConfigurationError("request() was called outside an HTTP request.")
    return current


def _urls() -> UrlGenerator:
    generator: UrlGenerator = get_app().make("url")
    return generator


@overload
def url() -> UrlGenerator: ...


@overload
def url(path: str, query: Mapping[str, Any] | Sequence[Any] | None = None) -> str: ...


def url(
    path: str | None = None, query: Mapping[str, Any] | Sequence[Any] | None = None
) -> UrlGenerator | str:
    """``url("/about")`` builds a URL; ``url()`` returns the generator (``url().previous()``).

    A dict second argument is the query string; a list adds path segments
    (``url("user/profile", [1])`` is ``.../user/profile/1``).
    """
    generator = _urls()
    return generator if path is None else generator.to(path, query)


def route(name: str, parameters: Any = None, absolute: bool = True, **kwargs: Any) -> str:
    """The URL of a named route: ``route("posts.show", post)``."""
    return _urls().route(name, parameters, absolute, **kwargs)


def asset(path: str) -> str:
    """The URL of a file in ``public/``."""
    return _urls().asset(path)


def _session() -> Any:
    current = current_request.get()
    return current.session if current is not None else None


class Redirector:
    """Builds redirects: ``redirect().route("home")``, ``redirect().back()``."""

    def _make(
        self, target: str, status: int, headers: Mapping[str, str] | None
    ) -> RedirectResponse:
        response = RedirectResponse(target, status, dict(headers or {}))
        response.session = _session()
        return response

    def to(
        self, path: str, status: int = 302, headers: Mapping[str, str] | None = None
    ) -> RedirectResponse:
        """Redirect to a path or URL of this app."""
        return self._make(_urls().to(path), status, headers)

    def away(
        self, target: str, status: int = 302, headers: Mapping[str, str] | None = None
    ) -> RedirectResponse:
        """Redirect to an external URL as is."""
        return self._make(target, status, headers)

    def route(
        self,
        name: str,
        parameters: Any = None,
        status: int = 302,
        headers: Mapping[str, str] | None = None,
        **params: Any,
    ) -> RedirectResponse:
        """Redirect to a named route; parameters as with ``route()`` (or as keywords)."""
        return self._make(_urls().route(name, parameters, **params), status, headers)

    def signed_route(
        self,
        name: str,
        parameters: Any = None,
        expiration: Expiration | None = None,
        status: int = 302,
    ) -> RedirectResponse:
        """Redirect to a signed route URL."""
        return self._make(_urls().signed_route(name, parameters, expiration), status, None)

    def temporary_signed_route(
        self, name: str, expiration: Expiration, parameters: Any = None, status: int = 302
    ) -> RedirectResponse:
        """Redirect to a temporary signed route URL."""
        return self._make(
            _urls().temporary_signed_route(name, expiration, parameters), status, None
        )

    def back(
        self, status: int = 302, headers: Mapping[str, str] | None = None, fallback: str = "/"
    ) -> RedirectResponse:
        """Redirect to the previous URL of this host (session, then Referer), else ``fallback``."""
        return self._make(previous_url(fallback), status, headers)

    def refresh(self, status: int = 302) -> RedirectResponse:
        """Redirect to the current URL."""
        return self._make(request().full_url(), status, None)

    def intended(self, default: str = "/", status: int = 302) -> RedirectResponse:
        """Redirect to the URL stored as ``url.intended`` in the session, else ``default``."""
        session = _session()
        target = session.pull("url.intended", None) if session is not None else None
        return self._make(target or _urls().to(default), status, None)

    def action(self, action: Any, parameters: Any = None, status: int = 302) -> RedirectResponse:
        """Redirect to the route whose action is ``[Controller, "method"]``."""
        return self._make(_urls().action(action, parameters), status, None)


def previous_or_none() -> str | None:
    """The previous URL on this host, like Laravel: a same-host Referer, else the session's."""
    current = current_request.get()
    if current is None:
        return None
    referer = current.headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        if parts.netloc and parts.netloc == current.url.netloc:
            return referer
    session = current.session
    if session is not None:
        getter = getattr(session, "previous_url", None)
        previous = getter() if callable(getter) else session.get("_previous.url")
        if previous:
            return str(previous)
    return None


def previous_url(fallback: str = "/") -> str:
    """The previous URL on this host (Referer, then session), else ``fallback``."""
    return previous_or_none() or _urls().to(fallback)


@overload
def redirect() -> Redirector: ...


@overload
def redirect(
    to: str, status: int = 302, headers: Mapping[str, str] | None = None
) -> RedirectResponse: ...


def redirect(
    to: str | None = None, status: int = 302, headers: Mapping[str, str] | None = None
) -> Redirector | RedirectResponse:
    """``redirect("/home")`` or ``redirect().route("home")``."""
    redirector = Redirector()
    return redirector if to is None else redirector.to(to, status, headers)


def back(status: int = 302, fallback: str = "/") -> RedirectResponse:
    """Redirect to the previous URL (same host only)."""
    return Redirector().back(status, fallback=fallback)


def to_route(
    name: str,
    parameters: Any = None,
    status: int = 302,
    headers: Mapping[str, str] | None = None,
    **params: Any,
) -> RedirectResponse:
    """Redirect to a named route: ``to_route("users.show", {"user": 1})`` or ``user=1``."""
    return Redirector().route(name, parameters, status, headers, **params)


class ResponseFactory:
    """``response()``: build JSON, downloads, streams, files, views, empty responses.

    ``ResponseFactory.macro("caps", lambda value: Response(value.upper()))`` adds
    ``response().caps("hi")`` (Laravel's response macros; register them in a provider's boot).
    """

    _macros: ClassVar[dict[str, Callable[..., Any]]] = {}

    @classmethod
    def macro(cls, name: str, callback: Callable[..., Any]) -> None:
        """Add the method ``name`` to every ``response()``."""
        cls._macros[name] = callback

    @classmethod
    def has_macro(cls, name: str) -> bool:
        """Whether a macro called ``name`` exists."""
        return name in cls._macros

    @classmethod
    def flush_macros(cls) -> None:
        """Forget every macro (tests)."""
        cls._macros.clear()

    def __getattr__(self, name: str) -> Any:
        macro = type(self)._macros.get(name)
        if macro is None:
            raise AttributeError(f"response() has no method or macro [{name}].")
        return macro

    def make(
        self, content: Any = "", status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Response:
        """A plain response."""
        return Response(content, status, dict(headers or {}))

    def json(
        self, data: Any = None, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> JsonResponse:
        """A JSON response (orjson)."""
        return JsonResponse(data, status, dict(headers or {}))

    def no_content(self, status: int = 204, headers: Mapping[str, str] | None = None) -> Response:
        """An empty response."""
        return NoContentResponse(status, headers)

    def view(
        self,
        name: str,
        data: Mapping[str, Any] | None = None,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Render a view (needs the view component); awaitable.

        Fluent calls chain before it is awaited (the handler may return it as is):
        ``response().view("hello", data).header("Content-Type", "text/plain")``.
        """
        return PendingResponse(lambda: _render_view(name, data, status, headers))

    def download(
        self, path: str | Path, name: str | None = None, headers: Mapping[str, str] | None = None
    ) -> FileResponse:
        """Send a file as an attachment."""
        filename = name or Path(path).name
        response = FileResponse(path, headers=dict(headers or {}), filename=filename)
        return response

    def file(self, path: str | Path, headers: Mapping[str, str] | None = None) -> FileResponse:
        """Show a file inline (images, PDFs)."""
        return FileResponse(
            path,
            headers=dict(headers or {}),
            filename=Path(path).name,
            content_disposition_type="inline",
        )

    def stream(
        self,
        content: Iterable[Any] | AsyncIterable[Any] | Callable[[], Any],
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
    ) -> StreamedResponse:
        """Stream a body from an (async) iterator, or a generator function."""
        return make_stream(_iterable(content), status, headers, media_type)

    def stream_download(
        self,
        content: Iterable[Any] | AsyncIterable[Any] | Callable[[], Any],
        name: str,
        headers: Mapping[str, str] | None = None,
    ) -> StreamedResponse:
        """Stream a body (iterator or generator function) as a download called ``name``."""
        body = _iterable(content)
        merged = {"content-disposition": f"attachment; filename*=utf-8''{quote(name)}"}
        merged.update(headers or {})
        return make_stream(body, 200, merged, "application/octet-stream")

    def stream_json(
        self, data: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> StreamedResponse:
        """Stream ``data`` as JSON; generators inside it are sent as arrays item by item."""
        return make_stream(json_stream_body(data), status, headers, "application/json")

    def event_stream(
        self,
        content: Iterable[Any] | AsyncIterable[Any] | Callable[[], Any],
        headers: Mapping[str, str] | None = None,
        end_stream_with: str | None = "</stream>",
    ) -> StreamedResponse:
        """Server-sent events from an (async) generator (or generator function).

        Each item is sent as ``event: update`` with ``data:`` (JSON unless a str); yield a
        :class:`StreamedEvent` to name the event. The stream ends with ``end_stream_with``.
        """
        merged = {"cache-control": "no-cache", "x-accel-buffering": "no", **(headers or {})}
        body = event_stream_body(_iterable(content), end_stream_with)
        return make_stream(body, 200, merged, "text/event-stream")

    def redirect_to(self, path: str, status: int = 302) -> RedirectResponse:
        """A redirect to ``path``."""
        return Redirector().to(path, status)

    def redirect_to_route(
        self, name: str, parameters: Any = None, status: int = 302
    ) -> RedirectResponse:
        """A redirect to a named route."""
        return Redirector().route(name, parameters, status)


def _iterable(content: Any) -> Any:
    """A generator function (Laravel passes a callback) is called to get its iterator."""
    if callable(content) and not hasattr(content, "__iter__") and not hasattr(content, "__aiter__"):
        return content()
    return content


@overload
def cookie() -> Any: ...


@overload
def cookie(
    name: str,
    value: str = "",
    minutes: int | None = None,
    path: str = "/",
    domain: str | None = None,
    secure: bool = False,
    http_only: bool = True,
    same_site: str = "lax",
) -> Cookie: ...


def cookie(
    name: str | None = None,
    value: str = "",
    minutes: int | None = None,
    path: str = "/",
    domain: str | None = None,
    secure: bool = False,
    http_only: bool = True,
    same_site: str = "lax",
) -> Any:
    """The request's cookie jar, or a new :class:`Cookie`.

    ``cookie().queue("name", "value", minutes)`` queues on the jar;
    ``cookie(name, value, minutes)`` makes a cookie for ``response.cookie(...)``.
    """
    if name is None:
        return get_app().make("cookie")
    return Cookie(name, value, minutes, path, domain, secure, http_only, same_site)


async def report(exception: BaseException) -> None:
    """Report an exception through the handler (hooks, logging) without rendering it."""
    await get_app().make("exceptions").report_exception(exception)


class PendingResponse:
    """A response still to be built (a rendered view): awaitable, with the fluent methods.

    ``header()``, ``with_headers()``, ``cookie()``, ``without_cookie()`` and ``set_status()``
    are recorded and applied to the response once it is built.
    """

    def __init__(self, build: Callable[[], Awaitable[Response]]) -> None:
        self._build = build
        self._calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def _record(self, name: str, *args: Any, **kwargs: Any) -> PendingResponse:
        self._calls.append((name, args, kwargs))
        return self

    def header(self, name: str, value: str, replace: bool = True) -> PendingResponse:
        """Set a header on the response."""
        return self._record("header", name, value, replace)

    def with_headers(self, headers: Mapping[str, str]) -> PendingResponse:
        """Set several headers."""
        return self._record("with_headers", dict(headers))

    def cookie(self, name: str, value: str = "", *args: Any, **kwargs: Any) -> PendingResponse:
        """Attach a cookie (arguments as ``Response.cookie``)."""
        return self._record("cookie", name, value, *args, **kwargs)

    def without_cookie(self, name: str, *args: Any, **kwargs: Any) -> PendingResponse:
        """Expire a cookie."""
        return self._record("without_cookie", name, *args, **kwargs)

    def set_status(self, status: int) -> PendingResponse:
        """Change the status."""
        return self._record("set_status", status)

    async def resolve(self) -> Response:
        """Build the response and apply the recorded calls."""
        response = await self._build()
        for name, args, kwargs in self._calls:
            getattr(response, name)(*args, **kwargs)
        return response

    def __await__(self) -> Generator[Any, None, Response]:
        return self.resolve().__await__()


async def _render_view(
    name: str, data: Mapping[str, Any] | None, status: int, headers: Mapping[str, str] | None
) -> Response:
    app = get_app()
    if not app.bound("view"):
        raise HttpConfigurationError(
            f"Cannot render the view '{name}': no view renderer is registered.",
            hint="Install/enable the view component (it binds 'view').",
        )
    view = app.make("view").make(name, dict(data or {}))
    request = current_request.get()
    testing = scope_test_record(request.scope if request is not None else None)
    if testing is not None:  # the TestClient's hook: assert_view_is / assert_view_has
        testing["view"] = view
    rendered = view.render()
    if hasattr(rendered, "__await__"):
        rendered = await rendered
    return Response(str(rendered), status, dict(headers or {}))


@overload
def response() -> ResponseFactory: ...


@overload
def response(
    content: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response: ...


def response(
    content: Any = None, status: int = 200, headers: Mapping[str, str] | None = None
) -> ResponseFactory | Response:
    """``response("text", 201)`` or ``response().json({...})``."""
    factory = ResponseFactory()
    return factory if content is None else factory.make(content, status, headers)
