"""The framework's clock: ``now()`` that tests can freeze or move.

Everything in Parvel that reads the time (model timestamps, cache TTLs, signed-URL expiry,
sessions) calls :func:`now` or :func:`timestamp`, so ``travel_to()`` in a test moves all of them.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

_offset: float = 0.0
_frozen: float | None = None


def timestamp() -> float:
    """Seconds since the epoch, as the (possibly travelled) clock says."""
    if _frozen is not None:
        return _frozen
    return time.time() + _offset


def now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.fromtimestamp(timestamp(), UTC)


def travel_to(moment: datetime | float, *, freeze: bool = False) -> None:
    """Move the clock to ``moment`` (naive datetimes are UTC); it keeps ticking unless ``freeze``."""
    global _offset, _frozen
    target = moment if isinstance(moment, int | float) else _to_timestamp(moment)
    if freeze:
        _frozen = target
    else:
        _frozen = None
        _offset = target - time.time()


def travel_by(delta: timedelta) -> None:
    """Move the clock by ``delta`` (forwards or backwards), keeping it frozen if it was."""
    global _offset, _frozen
    if _frozen is not None:
        _frozen += delta.total_seconds()
    else:
        _offset += delta.total_seconds()


def freeze() -> datetime:
    """Stop the clock at the current (possibly travelled) time and return it."""
    global _frozen
    _frozen = timestamp()
    return now()


def travel_back() -> None:
    """Return to the real time."""
    global _offset, _frozen
    _offset = 0.0
    _frozen = None


def is_travelling() -> bool:
    """Whether the clock differs from real time."""
    return _frozen is not None or _offset != 0.0


def _to_timestamp(moment: datetime) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
