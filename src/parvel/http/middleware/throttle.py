"""Rate limiting: ``throttle:60,1`` and named limiters (``RateLimiter.for_("api", fn)``).

Hits are counted in fixed windows by a :class:`~parvel.http.contracts.RateLimiterStore`;
the default keeps them in process memory (one worker). A cache-backed store can be bound as
``"rate_limiter.store"`` to share counts between workers.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from starlette.responses import Response

from parvel.container import Container
from parvel.http.contracts import Next, RateLimiterStore
from parvel.http.exceptions import HttpConfigurationError, TooManyRequestsHttpException


class InMemoryRateLimiterStore:
    """Fixed-window counters in a dict (per process)."""

    def __init__(self) -> None:
        self._windows: dict[str, tuple[int, float]] = {}
        self._lock = asyncio.Lock()

    async def hit(self, key: str, decay_seconds: int) -> tuple[int, float]:
        """Count a hit; return (hits, seconds until reset)."""
        now = time.monotonic()
        async with self._lock:
            count, reset_at = self._windows.get(key, (0, 0.0))
            if reset_at <= now:
                count, reset_at = 0, now + decay_seconds
            count += 1
            self._windows[key] = (count, reset_at)
            if len(self._windows) > 10000:
                self._windows = {k: v for k, v in self._windows.items() if v[1] > now}
        return count, reset_at - now

    async def attempts(self, key: str) -> int:
        """Hits in the current window."""
        count, reset_at = self._windows.get(key, (0, 0.0))
        return count if reset_at > time.monotonic() else 0

    async def clear(self, key: str) -> None:
        """Forget ``key``."""
        self._windows.pop(key, None)


@dataclass
class Limit:
    """``Limit.per_minute(60).by(user_id)``."""

    max_attempts: int
    decay_seconds: int = 60
    key: str = ""
    responder: Callable[[Any, dict[str, str]], Any] | None = None

    @classmethod
    def per_second(cls, attempts: int, seconds: int = 1) -> Limit:
        """``attempts`` per ``seconds`` seconds."""
        return cls(attempts, seconds)

    @classmethod
    def per_minute(cls, attempts: int, minutes: int = 1) -> Limit:
        """``attempts`` per ``minutes`` minutes."""
        return cls(attempts, 60 * minutes)

    @classmethod
    def per_hour(cls, attempts: int, hours: int = 1) -> Limit:
        """``attempts`` per ``hours`` hours."""
        return cls(attempts, 3600 * hours)

    @classmethod
    def per_day(cls, attempts: int, days: int = 1) -> Limit:
        """``attempts`` per ``days`` days."""
        return cls(attempts, 86400 * days)

    @classmethod
    def none(cls) -> Limit:
        """No limit."""
        return cls(0, 0)

    def by(self, key: Any) -> Limit:
        """Count per ``key`` (user id, IP...)."""
        self.key = str(key)
        return self

    def response(self, callback: Callable[[Any, dict[str, str]], Any]) -> Limit:
        """Build the 429 response yourself: ``callback(request, headers)``."""
        self.responder = callback
        return self


class RateLimiter:
    """Named limiters: ``RateLimiter.for_("api", lambda request: Limit.per_minute(60))``."""

    _limiters: ClassVar[dict[str, Callable[[Any], Limit | list[Limit]]]] = {}

    @classmethod
    def for_(cls, name: str, callback: Callable[[Any], Limit | list[Limit]]) -> None:
        """Define the limiter ``name``."""
        cls._limiters[name] = callback

    @classmethod
    def limiter(cls, name: str) -> Callable[[Any], Limit | list[Limit]] | None:
        """The callback of limiter ``name``."""
        return cls._limiters.get(name)

    @classmethod
    def clear_limiters(cls) -> None:
        """Forget every named limiter (tests)."""
        cls._limiters.clear()


class ThrottleRequests:
    """``throttle:<max>,<minutes>[,<prefix>]`` or ``throttle:<limiter name>``."""

    def __init__(self, container: Container) -> None:
        self.store: RateLimiterStore = (
            container.make("rate_limiter.store")
            if container.bound("rate_limiter.store")
            else InMemoryRateLimiterStore()
        )

    async def handle(self, request: Any, next: Next, *params: str) -> Response:
        """Count the hit; 429 with Retry-After over the limit."""
        if not params:
            raise HttpConfigurationError(
                "throttle needs parameters: throttle:60,1 or throttle:api."
            )
        limits = self._limits(request, params)
        results: list[tuple[Limit, int, float]] = []
        for limit in limits:
            if limit.max_attempts <= 0:
                continue
            key = self._signature(request, params, limit)
            hits, reset = await self.store.hit(key, limit.decay_seconds)
            if hits > limit.max_attempts:
                retry = max(1, math.ceil(reset))
                headers = {
                    "Retry-After": str(retry),
                    "X-RateLimit-Reset": str(int(time.time()) + retry),
                    "X-RateLimit-Limit": str(limit.max_attempts),
                    "X-RateLimit-Remaining": "0",
                }
                if limit.responder is not None:
                    from parvel.http._convert import to_response

                    built = limit.responder(request, headers)
                    if hasattr(built, "__await__"):
                        built = await built
                    return await to_response(built, request)
                raise TooManyRequestsHttpException("Too Many Attempts.", headers=headers)
            results.append((limit, hits, reset))
        response = await next(request)
        if results:
            limit, hits, _ = min(results, key=lambda r: r[0].max_attempts - r[1])
            response.headers["X-RateLimit-Limit"] = str(limit.max_attempts)
            response.headers["X-RateLimit-Remaining"] = str(max(0, limit.max_attempts - hits))
        return response

    def _limits(self, request: Any, params: tuple[str, ...]) -> list[Limit]:
        first = params[0]
        if not first.isdigit():
            callback = RateLimiter.limiter(first)
            if callback is None:
                raise HttpConfigurationError(
                    f"Rate limiter [{first}] is not defined.",
                    hint=f'Define it: RateLimiter.for_("{first}", lambda request: Limit.per_minute(60)).',
                )
            result = callback(request)
            limits = result if isinstance(result, list) else [result]
            for limit in limits:
                limit.key = f"{first}:{limit.key}"
            return limits
        minutes = float(params[1]) if len(params) > 1 and params[1] else 1.0
        return [Limit(int(first), max(1, int(minutes * 60)))]

    @staticmethod
    def _signature(request: Any, params: tuple[str, ...], limit: Limit) -> str:
        if limit.key and not limit.key.endswith(":"):
            return limit.key
        user = request.user()
        identifier = getattr(user, "id", None) if user is not None else None
        who = f"user:{identifier}" if identifier is not None else f"ip:{request.ip()}"
        prefix = params[2] if len(params) > 2 and params[0].isdigit() else ""
        route = request.route_definition
        where = f"{route.domain_ or ''}|{route.uri}" if route is not None else request.scope["path"]
        return f"{limit.key}{prefix}|{where}|{who}"
