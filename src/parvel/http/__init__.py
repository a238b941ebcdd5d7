"""HTTP: requests, responses, middleware, the kernel and the exception handler.

See docs/http.md.
"""

from parvel.http._context import request_id
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
    redirect,
    request,
    response,
    route,
    to_route,
    url,
)
from parvel.http.kernel import HttpKernel
from parvel.http.middleware import Limit, MiddlewareConfig, RateLimiter
from parvel.http.provider import HttpServiceProvider
from parvel.http.request import Request
from parvel.http.responses import (
    FileResponse,
    JsonResponse,
    RedirectResponse,
    Response,
    StreamedResponse,
)
from parvel.http.uploads import UploadedFile

__all__ = [
    "AccessDeniedHttpException",
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
    "JsonResponse",
    "Limit",
    "MethodNotAllowedHttpException",
    "Middleware",
    "MiddlewareConfig",
    "Next",
    "NotFoundHttpException",
    "PageExpiredHttpException",
    "PayloadTooLargeHttpException",
    "RateLimiter",
    "RateLimiterStore",
    "RedirectResponse",
    "Redirector",
    "Request",
    "Response",
    "ResponseFactory",
    "ServiceUnavailableHttpException",
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
    "redirect",
    "request",
    "request_id",
    "response",
    "route",
    "to_route",
    "url",
]
