from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from parvel.log import LogManager


class Clock:
    """A controllable clock for daily files and timestamps."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC))


@pytest.fixture
def make_manager(tmp_path: Path, clock: Clock) -> Iterator[Callable[..., LogManager]]:
    made: list[LogManager] = []

    def make(config: dict[str, Any] | None = None, **options: Any) -> LogManager:
        options.setdefault("environment", "local")
        options.setdefault("clock", clock)
        manager = LogManager(config, tmp_path, **options)
        made.append(manager)
        return manager

    yield make
    for manager in made:
        manager.close()


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def lines() -> Callable[[Path], list[str]]:
    return read_lines
