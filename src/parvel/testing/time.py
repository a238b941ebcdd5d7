"""Time travel for tests: ``travel_to``, ``travel(5).minutes()``, ``freeze_time``, ``travel_back``.

They move :func:`parvel.support.clock.now`, which model timestamps, cache TTLs, sessions and
signed-URL expiry read. The pytest plugin returns to the real time after every test. Each
helper also works as a context manager: ``with freeze_time(): ...``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from types import TracebackType

from parvel.support import clock


class _Travelled:
    """Returned by the helpers: ``with travel_to(...):`` travels back on exit."""

    def __init__(self, moment: datetime | None = None) -> None:
        self.moment = moment

    def __enter__(self) -> datetime | None:
        return self.moment

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        clock.travel_back()


def travel_to(moment: datetime, *, freeze: bool = False) -> _Travelled:
    """Move the clock to ``moment`` (naive means UTC); it keeps ticking unless ``freeze``."""
    clock.travel_to(moment, freeze=freeze)
    return _Travelled(clock.now())


def freeze_time(moment: datetime | None = None) -> _Travelled:
    """Stop the clock, at ``moment`` or now."""
    if moment is not None:
        clock.travel_to(moment, freeze=True)
        return _Travelled(clock.now())
    return _Travelled(clock.freeze())


def travel_back() -> None:
    """Return to the real time."""
    clock.travel_back()


class travel:
    """``travel(5).minutes()``, ``travel(-2).days()``: move the clock by an amount."""

    def __init__(self, amount: float) -> None:
        self.amount = amount

    def _go(self, delta: timedelta) -> _Travelled:
        clock.travel_by(delta)
        return _Travelled(clock.now())

    def milliseconds(self) -> _Travelled:
        """Move by ``amount`` milliseconds."""
        return self._go(timedelta(milliseconds=self.amount))

    def seconds(self) -> _Travelled:
        """Move by ``amount`` seconds."""
        return self._go(timedelta(seconds=self.amount))

    def minutes(self) -> _Travelled:
        """Move by ``amount`` minutes."""
        return self._go(timedelta(minutes=self.amount))

    def hours(self) -> _Travelled:
        """Move by ``amount`` hours."""
        return self._go(timedelta(hours=self.amount))

    def days(self) -> _Travelled:
        """Move by ``amount`` days."""
        return self._go(timedelta(days=self.amount))

    def weeks(self) -> _Travelled:
        """Move by ``amount`` weeks."""
        return self._go(timedelta(weeks=self.amount))

    def years(self) -> _Travelled:
        """Move by ``amount`` years (365 days each)."""
        return self._go(timedelta(days=365 * self.amount))
