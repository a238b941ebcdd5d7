"""HTTP: requests, responses, middleware, the kernel and the exception handler.

See docs/http.md.

The names load lazily (on first use), so booting an application for a console command does
not import the HTTP stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.http._context import request_id
    from parvel.http.api_resources import (
        AnonymousResourceCollection,
        JsonResource,
        MissingValue,
        ResourceCollection,
        ResourceResponse,
    )
    from parvel.http.contracts import Middleware, Next, RateLimiterStore, TerminableMiddleware
    from parvel.http.controller import Controller, ControllerMiddleware
    from parvel.http.exceptions import (
        AccessDeniedHttpException,
        BadRequestHttpException,
        HttpConfigurationError,
        HttpException,
        HttpResponseException,
        InvalidSignatureException,
        MethodNotAllowedHttpException,
        NotFoundHttpException,
        PageExpiredHttpException,
        PayloadTooLargeHttpException,
        ServiceUnavailableHttpException,
        TooManyRequestsHttpException,
        UnauthorizedHttpException,
        UnprocessableEntityHttpException,
        abort,
        abort_if,
        abort_unless,
    )
    from parvel.http.form_request import FormRequest
    from parvel.http.handler import ExceptionHandler
    from parvel.http.helpers import (
        Redirector,
        ResponseFactory,
        asset,
        back,
        cookie,
        redirect,
        report,
        request,
        response,
        route,
        to_route,
        url,
    )
    from parvel.http.kernel import HttpKernel
    from parvel.http.middleware import Limit, MiddlewareConfig, RateLimiter
    from parvel.http.provider import HttpServiceProvider
    from parvel.http.requests import Request
    from parvel.http.responses import (
        FileResponse,
        JsonResponse,
        RedirectResponse,
        Response,
        StreamedEvent,
        StreamedResponse,
    )
    from parvel.http.uploads import UploadedFile

_LAZY: dict[str, str] = {
    "AccessDeniedHttpException": "parvel.http.exceptions",
    "AnonymousResourceCollection": "parvel.http.api_resources",
    "BadRequestHttpException": "parvel.http.exceptions",
    "Controller": "parvel.http.controller",
    "ControllerMiddleware": "parvel.http.controller",
    "ExceptionHandler": "parvel.http.handler",
    "FileResponse": "parvel.http.responses",
    "FormRequest": "parvel.http.form_request",
    "HttpConfigurationError": "parvel.http.exceptions",
    "HttpException": "parvel.http.exceptions",
    "HttpKernel": "parvel.http.kernel",
    "HttpResponseException": "parvel.http.exceptions",
    "HttpServiceProvider": "parvel.http.provider",
    "InvalidSignatureException": "parvel.http.exceptions",
    "JsonResource": "parvel.http.api_resources",
    "JsonResponse": "parvel.http.responses",
    "Limit": "parvel.http.middleware",
    "MethodNotAllowedHttpException": "parvel.http.exceptions",
    "Middleware": "parvel.http.contracts",
    "MiddlewareConfig": "parvel.http.middleware",
    "MissingValue": "parvel.http.api_resources",
    "Next": "parvel.http.contracts",
    "NotFoundHttpException": "parvel.http.exceptions",
    "PageExpiredHttpException": "parvel.http.exceptions",
    "PayloadTooLargeHttpException": "parvel.http.exceptions",
    "RateLimiter": "parvel.http.middleware",
    "RateLimiterStore": "parvel.http.contracts",
    "RedirectResponse": "parvel.http.responses",
    "Redirector": "parvel.http.helpers",
    "Request": "parvel.http.requests",
    "ResourceCollection": "parvel.http.api_resources",
    "ResourceResponse": "parvel.http.api_resources",
    "Response": "parvel.http.responses",
    "ResponseFactory": "parvel.http.helpers",
    "ServiceUnavailableHttpException": "parvel.http.exceptions",
    "StreamedEvent": "parvel.http.responses",
    "StreamedResponse": "parvel.http.responses",
    "TerminableMiddleware": "parvel.http.contracts",
    "TooManyRequestsHttpException": "parvel.http.exceptions",
    "UnauthorizedHttpException": "parvel.http.exceptions",
    "UnprocessableEntityHttpException": "parvel.http.exceptions",
    "UploadedFile": "parvel.http.uploads",
    "abort": "parvel.http.exceptions",
    "abort_if": "parvel.http.exceptions",
    "abort_unless": "parvel.http.exceptions",
    "asset": "parvel.http.helpers",
    "back": "parvel.http.helpers",
    "cookie": "parvel.http.helpers",
    "report": "parvel.http.helpers",
    "redirect": "parvel.http.helpers",
    "request": "parvel.http.helpers",
    "request_id": "parvel.http._context",
    "response": "parvel.http.helpers",
    "route": "parvel.http.helpers",
    "to_route": "parvel.http.helpers",
    "url": "parvel.http.helpers",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parvel.http' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "AccessDeniedHttpException",
    "AnonymousResourceCollection",
    "BadRequestHttpException",
    "Controller",
    "ControllerMiddleware",
    "ExceptionHandler",
    "FileResponse",
    "FormRequest",
    "HttpConfigurationError",
    "HttpException",
    "HttpKernel",
    "HttpResponseException",
    "HttpServiceProvider",
    "InvalidSignatureException",
    "JsonResource",
    "JsonResponse",
    "Limit",
    "MethodNotAllowedHttpException",
    "Middleware",
    "MiddlewareConfig",
    "MissingValue",
    "Next",
    "NotFoundHttpException",
    "PageExpiredHttpException",
    "PayloadTooLargeHttpException",
    "RateLimiter",
    "RateLimiterStore",
    "RedirectResponse",
    "Redirector",
    "Request",
    "ResourceCollection",
    "ResourceResponse",
    "Response",
    "ResponseFactory",
    "ServiceUnavailableHttpException",
    "StreamedEvent",
    "StreamedResponse",
    "TerminableMiddleware",
    "TooManyRequestsHttpException",
    "UnauthorizedHttpException",
    "UnprocessableEntityHttpException",
    "UploadedFile",
    "abort",
    "abort_if",
    "abort_unless",
    "asset",
    "back",
    "cookie",
    "redirect",
    "report",
    "request",
    "request_id",
    "response",
    "route",
    "to_route",
    "url",
]
