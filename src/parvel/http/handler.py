"""The exception handler: report then render every exception. See docs/http.md#errors.

``bootstrap/app.py``'s ``with_exceptions(callback)`` receives this handler::

    .with_exceptions(lambda exceptions: (
        exceptions.report(lambda e: notify(e)),             # type from the hint, else all
        exceptions.render(render_payment_error),            # fn(e, request) -> response | None
        exceptions.dont_report(PaymentDeclined),
    ))
"""

from __future__ import annotations

import inspect
import logging
import typing
from collections.abc import Callable
from typing import Any

from starlette.responses import Response as BaseResponse

from parvel.http._pages import debug_page, error_page
from parvel.http.exceptions import (
    HttpException,
    HttpResponseException,
    status_text,
)
from parvel.http.responses import JsonResponse, Response
from parvel.validation.exceptions import ValidationError

logger = logging.getLogger("parvel.http")

Reporter = Callable[..., Any]
Renderer = Callable[..., Any]


def _exception_type(callback: Callable[..., Any]) -> type[BaseException]:
    try:
        hints = typing.get_type_hints(callback)
        first = next(iter(inspect.signature(callback).parameters))
        hinted = hints.get(first)
    except Exception:
        hinted = None
    if isinstance(hinted, type) and issubclass(hinted, BaseException):
        return hinted
    return Exception


class ExceptionHandler:
    """Reports exceptions (logging, hooks) and renders them as HTML or JSON responses."""

    internal_dont_report: tuple[type[BaseException], ...] = (
        HttpException,
        HttpResponseException,
        ValidationError,
    )

    def __init__(self, app: Any) -> None:
        self.app = app
        self._reporters: list[tuple[type[BaseException], Reporter, bool]] = []
        self._renderers: list[tuple[type[BaseException], Renderer]] = []
        self._dont_report: list[type[BaseException]] = []
        self._json_when: Callable[[Any, BaseException], bool] | None = None
        self._context: list[Callable[[BaseException], dict[str, Any]]] = []
        self._respond: list[Callable[..., Any]] = []
        self._levels: list[tuple[type[BaseException], int]] = []

    # -- configuration ---------------------------------------------------------------

    def report(self, callback: Reporter, *, stop: bool = False) -> ExceptionHandler:
        """Call ``callback(e)`` to report exceptions of its hinted type (``stop`` skips logging)."""
        self._reporters.append((_exception_type(callback), callback, stop))
        return self

    def render(self, callback: Renderer) -> ExceptionHandler:
        """Call ``callback(e, request)``; a non-``None`` result becomes the response."""
        self._renderers.append((_exception_type(callback), callback))
        return self

    def dont_report(self, *types: type[BaseException]) -> ExceptionHandler:
        """Never report these exception types."""
        self._dont_report.extend(types)
        return self

    def stop_ignoring(self, *types: type[BaseException]) -> ExceptionHandler:
        """Report these types even though Parvel ignores them by default."""
        self.internal_dont_report = tuple(t for t in self.internal_dont_report if t not in types)
        return self

    def should_render_json_when(
        self, callback: Callable[[Any, BaseException], bool]
    ) -> ExceptionHandler:
        """Decide JSON vs HTML yourself: ``fn(request, e) -> bool``."""
        self._json_when = callback
        return self

    def context(self, callback: Callable[[BaseException], dict[str, Any]]) -> ExceptionHandler:
        """Extra log context for every reported exception."""
        self._context.append(callback)
        return self

    def respond(self, callback: Callable[..., Any]) -> ExceptionHandler:
        """Adjust every rendered error response: ``callback(response, e, request)``."""
        self._respond.append(callback)
        return self

    def level(self, kind: type[BaseException], level: int | str) -> ExceptionHandler:
        """Log exceptions of ``kind`` at ``level`` (``logging.CRITICAL`` or ``"critical"``)."""
        number = level if isinstance(level, int) else logging.getLevelName(level.upper())
        self._levels.append((kind, int(number)))
        return self

    # -- handling --------------------------------------------------------------------

    async def handle(self, request: Any, exc: BaseException) -> BaseResponse:
        """Report then render ``exc``; a failing report or render hook never escapes."""
        try:
            await self.report_exception(exc)
        except Exception:
            logger.exception("Reporting %s failed.", type(exc).__qualname__)
        try:
            response = await self.render_exception(request, exc)
        except Exception as failure:
            logger.exception("Rendering %s failed.", type(exc).__qualname__)
            status, headers = self._status(exc)
            if self._debug():
                response = await self._html(request, failure, 500, {})
            else:
                response = Response(error_page(status, status_text(status)), status, headers)
        for callback in self._respond:
            changed = callback(response, exc, request)
            if hasattr(changed, "__await__"):
                changed = await changed
            if changed is not None:
                response = changed
        return response

    def should_report(self, exc: BaseException) -> bool:
        """Whether ``exc`` is reported."""
        ignored = (*self.internal_dont_report, *self._dont_report)
        return not isinstance(exc, ignored)

    async def report_exception(self, exc: BaseException) -> None:
        """Run report hooks, then log (unless a hook stopped it)."""
        if not self.should_report(exc):
            return
        own = getattr(exc, "report", None)
        if callable(own):
            result = own()
            if hasattr(result, "__await__"):
                result = await result
            if result is not False and result is not None:
                return
        for kind, callback, stop in self._reporters:
            if isinstance(exc, kind):
                result = callback(exc)
                if hasattr(result, "__await__"):
                    await result
                if stop or result is False:
                    return
        extra: dict[str, Any] = {}
        for context in self._context:
            extra.update(context(exc))
        level = next((lv for kind, lv in self._levels if isinstance(exc, kind)), logging.ERROR)
        logger.log(
            level, "%s: %s", type(exc).__qualname__, exc, exc_info=exc, extra={"context": extra}
        )

    def wants_json(self, request: Any, exc: BaseException) -> bool:
        """JSON for API routes, requests expecting JSON, and requests sending JSON."""
        if self._json_when is not None:
            return bool(self._json_when(request, exc))
        return bool(request.scope.get("parvel.api")) or request.expects_json() or request.is_json()

    async def render_exception(self, request: Any, exc: BaseException) -> BaseResponse:
        """The response for ``exc``."""
        if isinstance(exc, HttpResponseException):
            return exc.response  # type: ignore[no-any-return]
        for kind, callback in self._renderers:
            if isinstance(exc, kind):
                result = callback(exc, request) if _arity(callback) > 1 else callback(exc)
                if hasattr(result, "__await__"):
                    result = await result
                if result is not None:
                    from parvel.http._convert import to_response

                    return await to_response(result, request)
        own = getattr(exc, "render", None)
        if callable(own) and not isinstance(exc, HttpException):
            result = own(request)
            if hasattr(result, "__await__"):
                result = await result
            if result is not None:
                from parvel.http._convert import to_response

                return await to_response(result, request)
        if isinstance(exc, ValidationError) and not self.wants_json(request, exc):
            from parvel.http.form_request import redirect_back_with_errors

            return redirect_back_with_errors(request, exc)
        converted = getattr(exc, "to_http_response", None)
        if callable(converted):
            return converted(request)  # type: ignore[no-any-return]
        status, headers = self._status(exc)
        if self.wants_json(request, exc):
            return self._json(exc, status, headers)
        return await self._html(request, exc, status, headers)

    @staticmethod
    def _status(exc: BaseException) -> tuple[int, dict[str, str]]:
        if isinstance(exc, HttpException):
            return exc.status_code, exc.headers
        status = getattr(exc, "status_code", None)
        if isinstance(status, int) and 400 <= status < 600:
            return status, dict(getattr(exc, "headers", None) or {})
        return 500, {}

    def _debug(self) -> bool:
        return bool(self.app.config.get("app.debug", False))

    def _json(self, exc: BaseException, status: int, headers: dict[str, str]) -> BaseResponse:
        if status >= 500 and not self._debug():
            payload: dict[str, Any] = {"message": "Server Error"}
        else:
            message = getattr(exc, "message", None) or str(exc) or status_text(status)
            payload = {"message": message}
            errors = getattr(exc, "errors", None)
            if status == 422 and errors is not None:
                payload["errors"] = errors() if callable(errors) else errors
        if self._debug():
            import traceback

            frames = traceback.extract_tb(exc.__traceback__)
            payload["exception"] = f"{type(exc).__module__}.{type(exc).__qualname__}"
            if frames:
                payload["file"] = frames[-1].filename
                payload["line"] = frames[-1].lineno
            payload["trace"] = [
                {"file": f.filename, "line": f.lineno, "function": f.name} for f in frames
            ]
        return JsonResponse(payload, status, headers)

    async def _html(
        self, request: Any, exc: BaseException, status: int, headers: dict[str, str]
    ) -> BaseResponse:
        if status >= 500 and self._debug() and not isinstance(exc, HttpException):
            routes = self.app.make("router").get_routes() if self.app.bound("router") else []
            return Response(debug_page(exc, request, routes), status, headers)
        view = self._error_view(status, exc)
        if view is not None:
            if hasattr(view, "__await__"):
                view = await view
            return Response(str(view), status, headers)
        return Response(error_page(status, status_text(status)), status, headers)

    def _error_view(self, status: int, exc: BaseException) -> Any:
        """The app's ``errors/{status}`` (or ``errors/4xx``) view, else Parvel's own Blade page."""
        if not self.app.bound("view"):
            return None
        try:
            factory = self.app.make("view")
            names = (f"errors.{status}", f"errors.{str(status)[0]}xx", f"parvel::errors.{status}")
            for name in names:
                if factory.exists(name):
                    return factory.make(name, {"exception": exc, "status": status}).render()
        except Exception:
            logger.exception("Rendering the error view failed; using the built-in page.")
        return None


def _arity(callback: Callable[..., Any]) -> int:
    try:
        return len(inspect.signature(callback).parameters)
    except (TypeError, ValueError):
        return 1
