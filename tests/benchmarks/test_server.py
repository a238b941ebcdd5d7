"""Server command lines, CPU pinning and the run's bounds (no server is started here)."""

from __future__ import annotations

import argparse

import pytest
from benchmarks.techempower import runner, server
from benchmarks.techempower.frameworks import by_name


def test_granian_command_uses_one_worker_and_the_interface() -> None:
    (flask,) = by_name("flask")
    command = server.server_command(flask, "granian", 8123)
    assert command[command.index("--interface") + 1] == "wsgi"
    assert command[command.index("--workers") + 1] == "1"
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[-1] == flask.target


def test_uvicorn_command_maps_interfaces() -> None:
    (django,) = by_name("django")
    command = server.server_command(django, "uvicorn", 8123)
    assert command[command.index("--interface") + 1] == "asgi3"
    assert command[command.index("--lifespan") + 1] == "off"
    with pytest.raises(ValueError, match="unknown server"):
        server.server_command(django, "gunicorn", 8123)


def test_pinning_prefixes_taskset() -> None:
    pinned = server.pinned(["wrk", "x"], "0")
    assert pinned[-2:] == ["wrk", "x"]
    assert server.pinned(["wrk"], None) == ["wrk"]


def test_free_port_is_on_loopback() -> None:
    assert 1024 <= server.free_port() <= 65535


@pytest.mark.parametrize(("duration", "warmup"), [(0.5, 1), (61, 1), (10, -1), (10, 99)])
def test_unbounded_durations_are_refused(duration: float, warmup: float) -> None:
    with pytest.raises(SystemExit):
        runner.check_bounds(argparse.Namespace(duration=duration, warmup=warmup))


def test_rss_of_a_missing_process_is_zero() -> None:
    assert server.rss_kib(2**22 + 12345) == 0
