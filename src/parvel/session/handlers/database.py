"""The ``database`` session driver: the ``sessions`` table (``parvel session:table``)."""

from __future__ import annotations

from typing import Any

from parvel.support import clock


class DatabaseSessionHandler:
    """Stores sessions in a table with Laravel's columns.

    ``id`` (primary key), ``user_id``, ``ip_address``, ``user_agent``, ``payload``,
    ``last_activity`` (a Unix timestamp). ``connection`` is a Parvel database connection.
    """

    def __init__(
        self, connection: Any, table: str = "sessions", lifetime_minutes: int = 120
    ) -> None:
        self.connection = connection
        self.table = table
        self.lifetime = lifetime_minutes * 60
        self.user_id: Any = None
        self.ip_address: str | None = None
        self.user_agent: str | None = None

    async def read(self, session_id: str) -> str:
        """The payload, or ``""`` when missing or expired."""
        row = await self.connection.table(self.table).where("id", session_id).first()
        if row is None or int(row["last_activity"]) < int(clock.timestamp()) - self.lifetime:
            return ""
        return str(row["payload"] or "")

    async def write(self, session_id: str, payload: str) -> None:
        """Insert or update the row, with who is using the session."""
        await self.connection.table(self.table).upsert(
            [
                {
                    "id": session_id,
                    "user_id": self.user_id,
                    "ip_address": self.ip_address,
                    "user_agent": (self.user_agent or "")[:512] or None,
                    "payload": payload,
                    "last_activity": int(clock.timestamp()),
                }
            ],
            ["id"],
            ["user_id", "ip_address", "user_agent", "payload", "last_activity"],
        )

    async def destroy(self, session_id: str) -> None:
        """Delete the row."""
        await self.connection.table(self.table).where("id", session_id).delete()

    async def gc(self, lifetime_seconds: int) -> int:
        """Delete rows idle for longer than ``lifetime_seconds``."""
        cutoff = int(clock.timestamp()) - lifetime_seconds
        return int(
            await self.connection.table(self.table).where("last_activity", "<", cutoff).delete()
        )
