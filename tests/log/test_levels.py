from __future__ import annotations

import logging

import pytest

from parvel.log import ALERT, EMERGENCY, LEVELS, NOTICE, LogError, parse_level


def test_laravel_levels_in_order() -> None:
    assert list(LEVELS) == [
        "debug",
        "info",
        "notice",
        "warning",
        "error",
        "critical",
        "alert",
        "emergency",
    ]
    values = list(LEVELS.values())
    assert values == sorted(values)
    assert (NOTICE, ALERT, EMERGENCY) == (25, 55, 60)


def test_names_registered_with_stdlib() -> None:
    assert logging.getLevelName(NOTICE) == "NOTICE"
    assert logging.getLevelName(ALERT) == "ALERT"
    assert logging.getLevelName(EMERGENCY) == "EMERGENCY"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("debug", 10), ("INFO", 20), (" Notice ", 25), ("warn", 30), ("emergency", 60), (42, 42)],
)
def test_parse(given: str | int, expected: int) -> None:
    assert parse_level(given) == expected


@pytest.mark.parametrize("given", ["verbose", "", -1, None, True, 1.5])
def test_parse_rejects(given: object) -> None:
    with pytest.raises(LogError, match="Invalid log level") as info:
        parse_level(given)  # type: ignore[arg-type]
    assert "emergency" in str(info.value)
