"""Errors raised by the session component."""

from __future__ import annotations

from parvel.exceptions import ParvelError


class SessionError(ParvelError):
    """The session is misconfigured or was used before it started."""

    code = "session-error"


class SessionValueError(SessionError, TypeError):
    """A value put in the session cannot be stored (it must be JSON-serializable)."""

    code = "session-value"
