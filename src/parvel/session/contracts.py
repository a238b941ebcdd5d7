"""The contract every session driver implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class SessionHandler(Protocol):
    """Stores serialized session payloads by session id (one module per driver)."""

    async def read(self, session_id: str) -> str:
        """The stored payload, or ``""`` when there is none (or it expired)."""
        ...

    async def write(self, session_id: str, payload: str) -> None:
        """Store ``payload`` under ``session_id``."""
        ...

    async def destroy(self, session_id: str) -> None:
        """Forget ``session_id``."""
        ...

    async def gc(self, lifetime_seconds: int) -> int:
        """Delete sessions idle for longer than ``lifetime_seconds``; return how many."""
        ...
