"""HTTP exceptions: one class per status, ``abort()``, and configuration errors.

Raising one anywhere in a request renders the matching error page (HTML) or JSON body.
See docs/http.md#errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, NoReturn

from parvel.exceptions import ParvelError


def status_text(status: int) -> str:
    """The standard reason phrase for ``status`` (Laravel's page titles for its error pages)."""
    custom = {419: "Page Expired", 413: "Content Too Large", 422: "Unprocessable Content"}
    if status in custom:
        return custom[status]
    if status == 500:
        return "Server Error"
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class HttpException(ParvelError):
    """An error that becomes an HTTP response with ``status_code`` and ``headers``."""

    code = "http-error"
    status_code: int = 500

    def __init__(
        self,
        message: str = "",
        *,
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        hint: str | None = None,
    ) -> None:
        if status_code is not None:
            self.status_code = status_code
        super().__init__(message or status_text(self.status_code), hint=hint)
        self.headers: dict[str, str] = dict(headers or {})

    @property
    def is_default_message(self) -> bool:
        """Whether the message is the status text (nothing specific was said)."""
        return self.message == status_text(self.status_code)


class BadRequestHttpException(HttpException):
    """400: the request is malformed (bad JSON, bad percent-encoding, overlong path)."""

    code = "http-400"
    status_code = 400


class UnauthorizedHttpException(HttpException):
    """401: authentication is required."""

    code = "http-401"
    status_code = 401


class AccessDeniedHttpException(HttpException):
    """403: the user may not do this."""

    code = "http-403"
    status_code = 403


class NotFoundHttpException(HttpException):
    """404: nothing here (no route, a missing model, a missing file)."""

    code = "http-404"
    status_code = 404


class MethodNotAllowedHttpException(HttpException):
    """405: the URI exists but not for this method; carries the ``Allow`` header."""

    code = "http-405"
    status_code = 405

    def __init__(self, allowed: list[str], message: str = "") -> None:
        super().__init__(
            message
            or "The {} method is not supported for this route. Supported methods: {}.".format(
                "requested", ", ".join(allowed)
            ),
            headers={"Allow": ", ".join(allowed)},
        )
        self.allowed = allowed


class PageExpiredHttpException(HttpException):
    """419: the CSRF token expired or is missing."""

    code = "http-419"
    status_code = 419


class PayloadTooLargeHttpException(HttpException):
    """413: the request body exceeds the configured limit."""

    code = "http-413"
    status_code = 413


class UnprocessableEntityHttpException(HttpException):
    """422: the input is well-formed but invalid."""

    code = "http-422"
    status_code = 422


class TooManyRequestsHttpException(HttpException):
    """429: a rate limit was hit; carries ``Retry-After``."""

    code = "http-429"
    status_code = 429


class InvalidSignatureException(AccessDeniedHttpException):
    """403: a signed URL's signature is wrong or expired."""

    code = "http-invalid-signature"

    def __init__(self) -> None:
        super().__init__("Invalid signature.")


class ServiceUnavailableHttpException(HttpException):
    """503: maintenance mode or an overloaded service."""

    code = "http-503"
    status_code = 503


class HttpConfigurationError(ParvelError):
    """The HTTP layer is configured wrongly (unknown middleware alias, bad handler)."""

    code = "http-configuration"


class HttpResponseException(ParvelError):
    """Carries a ready response out of deep code: the kernel sends ``response`` as is."""

    code = "http-response"

    def __init__(self, response: Any) -> None:
        super().__init__("A response was thrown.")
        self.response = response


_BY_STATUS: dict[int, type[HttpException]] = {
    cls.status_code: cls
    for cls in (
        BadRequestHttpException,
        UnauthorizedHttpException,
        AccessDeniedHttpException,
        NotFoundHttpException,
        PageExpiredHttpException,
        PayloadTooLargeHttpException,
        UnprocessableEntityHttpException,
        TooManyRequestsHttpException,
        ServiceUnavailableHttpException,
    )
}


def abort(status: int, message: str = "", headers: Mapping[str, str] | None = None) -> NoReturn:
    """Stop the request with an HTTP error: ``abort(404)``, ``abort(403, "Nope.")``."""
    cls = _BY_STATUS.get(status)
    if cls is None:
        raise HttpException(message, status_code=status, headers=headers)
    raise cls(message, headers=headers)


def abort_if(
    condition: Any, status: int, message: str = "", headers: Mapping[str, str] | None = None
) -> None:
    """``abort(status)`` when ``condition`` is truthy."""
    if condition:
        abort(status, message, headers)


def abort_unless(
    condition: Any, status: int, message: str = "", headers: Mapping[str, str] | None = None
) -> None:
    """``abort(status)`` unless ``condition`` is truthy."""
    if not condition:
        abort(status, message, headers)
