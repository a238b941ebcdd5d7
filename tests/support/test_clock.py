from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from parvel.support import clock


@pytest.fixture(autouse=True)
def _back() -> Iterator[None]:
    yield
    clock.travel_back()


def test_now_is_real_time_by_default() -> None:
    assert abs(clock.timestamp() - time.time()) < 1
    assert clock.now().tzinfo is UTC
    assert not clock.is_travelling()


def test_travel_to_keeps_ticking_and_freeze_stops() -> None:
    clock.travel_to(datetime(2030, 1, 1, 12, 0))
    assert clock.now().year == 2030
    assert clock.is_travelling()
    frozen = clock.freeze()
    time.sleep(0.01)
    assert clock.now() == frozen
    clock.travel_by(timedelta(minutes=5))
    assert clock.now() == frozen + timedelta(minutes=5)
    clock.travel_back()
    assert clock.now().year == datetime.now(UTC).year


def test_travel_to_frozen_timestamp() -> None:
    clock.travel_to(1_000_000_000.0, freeze=True)
    assert clock.timestamp() == 1_000_000_000.0
    assert clock.now() == datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC)
