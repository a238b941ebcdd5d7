"""The ``cookie`` session driver: the whole session lives in an encrypted cookie.

The session middleware builds one handler per request from the incoming cookie and, after the
session saved, sends :attr:`outgoing` back as the cookie (encrypted like every cookie).
"""

from __future__ import annotations

import orjson

from parvel.support import clock


class CookieSessionHandler:
    """Reads the payload from the request's cookie; writes it for the response's cookie."""

    def __init__(self, incoming: str | None, lifetime_minutes: int = 120) -> None:
        self.incoming = incoming
        self.lifetime = lifetime_minutes * 60
        self.outgoing: str | None = None
        self.destroyed = False

    async def read(self, session_id: str) -> str:
        """The payload in the cookie, or ``""`` when absent, expired or for another id."""
        if not self.incoming:
            return ""
        try:
            envelope = orjson.loads(self.incoming)
        except orjson.JSONDecodeError:
            return ""
        if (
            not isinstance(envelope, dict)
            or envelope.get("id") != session_id
            or not isinstance(envelope.get("expires"), int | float)
            or envelope["expires"] < clock.timestamp()
        ):
            return ""
        payload = envelope.get("data")
        return payload if isinstance(payload, str) else ""

    async def write(self, session_id: str, payload: str) -> None:
        """Keep the payload (with its id and expiry) for the response cookie."""
        envelope = {"id": session_id, "data": payload, "expires": clock.timestamp() + self.lifetime}
        self.outgoing = orjson.dumps(envelope).decode()
        self.destroyed = False

    async def destroy(self, session_id: str) -> None:
        """Empty the cookie."""
        self.outgoing = None
        self.destroyed = True

    async def gc(self, lifetime_seconds: int) -> int:
        """Nothing to collect: expired cookies are ignored when read."""
        return 0
