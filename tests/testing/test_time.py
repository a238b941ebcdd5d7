from __future__ import annotations

from datetime import UTC, datetime, timedelta

from parvel.support import clock
from parvel.testing import freeze_time, travel, travel_back, travel_to


def test_travel_helpers_move_the_framework_clock() -> None:
    travel_to(datetime(2031, 5, 1, 9, 30), freeze=True)
    assert clock.now() == datetime(2031, 5, 1, 9, 30, tzinfo=UTC)
    travel(5).minutes()
    assert clock.now() == datetime(2031, 5, 1, 9, 35, tzinfo=UTC)
    travel(-1).days()
    assert clock.now() == datetime(2031, 4, 30, 9, 35, tzinfo=UTC)
    travel_back()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=1)


def test_context_manager_travels_back() -> None:
    with freeze_time(datetime(2020, 1, 1)) as moment:
        assert moment == datetime(2020, 1, 1, tzinfo=UTC)
        assert clock.now() == moment
    assert not clock.is_travelling()


def test_the_plugin_returns_to_real_time_after_a_test_part_one() -> None:
    travel_to(datetime(1999, 12, 31))


def test_the_plugin_returns_to_real_time_after_a_test_part_two() -> None:
    assert not clock.is_travelling()
