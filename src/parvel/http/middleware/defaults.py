"""Parvel's default global stack, groups, aliases and priority (like Laravel 11's)."""

from __future__ import annotations

from typing import Any

from parvel.http.middleware.body_limit import ValidatePostSize
from parvel.http.middleware.cookies import AddQueuedCookiesToResponse, EncryptCookies
from parvel.http.middleware.cors import HandleCors
from parvel.http.middleware.csrf import VerifyCsrfToken
from parvel.http.middleware.gzip import GZip
from parvel.http.middleware.input import ConvertEmptyStringsToNull, TrimStrings
from parvel.http.middleware.maintenance import PreventRequestsDuringMaintenance
from parvel.http.middleware.request_id import SetRequestId
from parvel.http.middleware.security import SecurityHeaders
from parvel.http.middleware.session import StartSession
from parvel.http.middleware.signed import ValidateSignature
from parvel.http.middleware.throttle import ThrottleRequests
from parvel.http.middleware.trust_proxies import TrustProxies

GLOBAL: list[Any] = [
    SetRequestId,
    TrustProxies,
    HandleCors,
    PreventRequestsDuringMaintenance,
    ValidatePostSize,
    TrimStrings,
    ConvertEmptyStringsToNull,
]

GROUPS: dict[str, list[Any]] = {
    "web": [
        EncryptCookies,
        AddQueuedCookiesToResponse,
        StartSession,
        VerifyCsrfToken,
        SecurityHeaders,
    ],
    "api": [],
}

ALIASES: dict[str, Any] = {
    "signed": ValidateSignature,
    "throttle": ThrottleRequests,
    "gzip": GZip,
    "cors": HandleCors,
    "security.headers": SecurityHeaders,
    "request.id": SetRequestId,
    "session": StartSession,
    "csrf": VerifyCsrfToken,
}

PRIORITY: list[Any] = [
    EncryptCookies,
    AddQueuedCookiesToResponse,
    StartSession,
    VerifyCsrfToken,
    "auth",
    ThrottleRequests,
    "can",
]
