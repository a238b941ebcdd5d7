"""The service providers: request/response, routing, views, and events + exceptions for errors."""

from __future__ import annotations

from masonite.providers import (
    EventProvider,
    ExceptionProvider,
    FrameworkProvider,
    RouteProvider,
    ViewProvider,
)

PROVIDERS = [FrameworkProvider, EventProvider, ExceptionProvider, RouteProvider, ViewProvider]
