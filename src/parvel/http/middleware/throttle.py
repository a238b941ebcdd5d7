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

    async def available_in(self, key: str) -> float:
        """Seconds until ``key``'s window resets (0 when it has none)."""
        _, reset_at = self._windows.get(key, (0, 0.0))
        return max(0.0, reset_at - time.monotonic())

    async def increment(self, key: str, decay_seconds: int, amount: int) -> int:
        """Add ``amount`` hits (may be negative); returns the hits in the window."""
        now = time.monotonic()
        async with self._lock:
            count, reset_at = self._windows.get(key, (0, 0.0))
            if reset_at <= now:
                count, reset_at = 0, now + decay_seconds
            count = max(0, count + amount)
            self._windows[key] = (count, reset_at)
        return count


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
    def per_minutes(cls, decay_minutes: int, attempts: int) -> Limit:
        """``attempts`` per ``decay_minutes`` minutes (Laravel's argument order)."""
        return cls(attempts, 60 * decay_minutes)

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

    # -- counting by hand (Laravel's RateLimiter::attempt(), hit(), tooManyAttempts()...) --

    @staticmethod
    def store() -> RateLimiterStore:
        """The running app's store (``"rate_limiter.store"``; one in memory is bound if none)."""
        from parvel.http._context import get_app

        app = get_app()
        if not app.bound("rate_limiter.store"):
            app.instance("rate_limiter.store", InMemoryRateLimiterStore())
        store: RateLimiterStore = app.make("rate_limiter.store")
        return store

    @classmethod
    async def attempt(
        cls,
        key: str,
        max_attempts: int,
        callback: Callable[[], Any],
        decay_seconds: int = 60,
    ) -> Any:
        """Run ``callback`` unless ``key`` used up ``max_attempts`` in the window.

        Returns the callback's result (``True`` when it returns ``None``; awaited when it is
        a coroutine), or ``False`` when there were too many attempts.
        """
        if await cls.too_many_attempts(key, max_attempts):
            return False
        result = callback()
        if hasattr(result, "__await__"):
            result = await result
        await cls.hit(key, decay_seconds)
        return True if result is None else result

    @classmethod
    async def too_many_attempts(cls, key: str, max_attempts: int) -> bool:
        """Whether ``key`` has ``max_attempts`` hits or more in the current window."""
        return await cls.attempts(key) >= max_attempts

    @classmethod
    async def hit(cls, key: str, decay_seconds: int = 60) -> int:
        """Count one attempt for ``key``; returns the attempts in the window."""
        hits, _ = await cls.store().hit(key, decay_seconds)
        return hits

    @classmethod
    async def increment(cls, key: str, decay_seconds: int = 60, amount: int = 1) -> int:
        """Count ``amount`` attempts at once; returns the attempts in the window."""
        store = cls.store()
        adder = getattr(store, "increment", None)
        if adder is not None:
            total: int = await adder(key, decay_seconds, amount)
            return total
        hits = 0
        for _ in range(amount):
            hits, _ = await store.hit(key, decay_seconds)
        return hits

    @classmethod
    async def decrement(cls, key: str, decay_seconds: int = 60, amount: int = 1) -> int:
        """Take back ``amount`` attempts."""
        return await cls.increment(key, decay_seconds, -amount)

    @classmethod
    async def attempts(cls, key: str) -> int:
        """Attempts counted for ``key`` in the current window."""
        return await cls.store().attempts(key)

    @classmethod
    async def remaining(cls, key: str, max_attempts: int) -> int:
        """Attempts left for ``key`` (``retries_left`` is the same)."""
        return max(0, max_attempts - await cls.attempts(key))

    @classmethod
    async def retries_left(cls, key: str, max_attempts: int) -> int:
        """Alias of :meth:`remaining`."""
        return await cls.remaining(key, max_attempts)

    @classmethod
    async def available_in(cls, key: str) -> int:
        """Seconds until ``key`` may be attempted again (0 when it may now)."""
        reader = getattr(cls.store(), "available_in", None)
        if reader is None:
            return 0
        seconds: float = await reader(key)
        return math.ceil(seconds)

    @classmethod
    async def clear(cls, key: str) -> None:
        """Forget ``key``'s attempts (``reset_attempts`` is the same)."""
        await cls.store().clear(key)

    @classmethod
    async def reset_attempts(cls, key: str) -> None:
        """Alias of :meth:`clear`."""
        await cls.clear(key)


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
