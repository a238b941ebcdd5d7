"""The ``redis`` session driver: one key per session with the lifetime as TTL."""

from __future__ import annotations

from typing import Any


class RedisSessionHandler:
    """Stores sessions in Redis (``redis.asyncio``) under ``<prefix><id>`` with a TTL."""

    def __init__(
        self, client: Any, lifetime_minutes: int = 120, prefix: str = "parvel_session:"
    ) -> None:
        self.client = client
        self.lifetime = lifetime_minutes * 60
        self.prefix = prefix

    async def read(self, session_id: str) -> str:
        """The payload, or ``""``."""
        value = await self.client.get(self.prefix + session_id)
        if value is None:
            return ""
        return value.decode() if isinstance(value, bytes) else str(value)

    async def write(self, session_id: str, payload: str) -> None:
        """Store the payload; the TTL restarts at every write."""
        await self.client.set(self.prefix + session_id, payload, ex=self.lifetime)

    async def destroy(self, session_id: str) -> None:
        """Delete the key."""
        await self.client.delete(self.prefix + session_id)

    async def gc(self, lifetime_seconds: int) -> int:
        """Nothing to do: Redis expires keys itself."""
        return 0
