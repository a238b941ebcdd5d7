"""Middleware: the configuration object, the compiled pipeline and the built-ins."""

from parvel.http.middleware._config import MiddlewareConfig
from parvel.http.middleware.body_limit import ValidatePostSize
from parvel.http.middleware.cookies import AddQueuedCookiesToResponse, CookieJar, EncryptCookies
from parvel.http.middleware.cors import HandleCors
from parvel.http.middleware.csrf import VerifyCsrfToken
from parvel.http.middleware.gzip import GZip
from parvel.http.middleware.hooks import HookMiddleware
from parvel.http.middleware.input import ConvertEmptyStringsToNull, TrimStrings
from parvel.http.middleware.maintenance import PreventRequestsDuringMaintenance
from parvel.http.middleware.request_id import SetRequestId
from parvel.http.middleware.security import SecurityHeaders
from parvel.http.middleware.session import StartSession
from parvel.http.middleware.signed import ValidateSignature
from parvel.http.middleware.throttle import (
    InMemoryRateLimiterStore,
    Limit,
    RateLimiter,
    ThrottleRequests,
)
from parvel.http.middleware.trust_proxies import TrustProxies

__all__ = [
    "AddQueuedCookiesToResponse",
    "ConvertEmptyStringsToNull",
    "CookieJar",
    "EncryptCookies",
    "GZip",
    "HandleCors",
    "HookMiddleware",
    "InMemoryRateLimiterStore",
    "Limit",
    "MiddlewareConfig",
    "PreventRequestsDuringMaintenance",
    "RateLimiter",
    "SecurityHeaders",
    "SetRequestId",
    "StartSession",
    "ThrottleRequests",
    "TrimStrings",
    "TrustProxies",
    "ValidatePostSize",
    "ValidateSignature",
    "VerifyCsrfToken",
]
