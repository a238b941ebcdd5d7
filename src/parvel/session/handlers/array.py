"""The ``array`` session driver: in memory, for tests and API-only apps."""

from __future__ import annotations

from parvel.support import clock


class ArraySessionHandler:
    """Keeps payloads in a dict for the life of the process."""

    def __init__(self, lifetime_minutes: int = 120) -> None:
        self.lifetime = lifetime_minutes * 60
        self.storage: dict[str, tuple[str, float]] = {}

    async def read(self, session_id: str) -> str:
        """The payload, or ``""`` if missing or expired."""
        item = self.storage.get(session_id)
        if item is None or item[1] < clock.timestamp() - self.lifetime:
            return ""
        return item[0]

    async def write(self, session_id: str, payload: str) -> None:
        """Store the payload with the current time."""
        self.storage[session_id] = (payload, clock.timestamp())

    async def destroy(self, session_id: str) -> None:
        """Forget the session."""
        self.storage.pop(session_id, None)

    async def gc(self, lifetime_seconds: int) -> int:
        """Drop sessions idle for longer than ``lifetime_seconds``."""
        cutoff = clock.timestamp() - lifetime_seconds
        stale = [key for key, (_, touched) in self.storage.items() if touched < cutoff]
        for key in stale:
            del self.storage[key]
        return len(stale)
