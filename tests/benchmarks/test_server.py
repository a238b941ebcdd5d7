"""Server command lines, CPU pinning and the run's bounds (no server is started here)."""

from __future__ import annotations

import argparse

import pytest
from benchmarks.techempower import common, runner, server, venvs
from benchmarks.techempower.frameworks import by_name


def test_granian_command_uses_one_worker_and_the_interface() -> None:
    (flask,) = by_name("flask")
    command = server.server_command(flask, "granian", 8123)
    assert command[command.index("--interface") + 1] == "wsgi"
    assert command[command.index("--workers") + 1] == "1"
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[-1] == flask.target
    assert command[command.index("--blocking-threads") + 1] == str(common.POOL_SIZE)


def test_a_venv_framework_is_served_by_its_own_python() -> None:
    (masonite,) = by_name("masonite")
    command = server.server_command(masonite, "granian", 8123)
    assert command[0] == str(venvs.python("masonite"))
    assert command[1:3] == ["-m", "granian"]
    assert command[command.index("--blocking-threads") + 1] == "1"


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


@pytest.mark.parametrize(
    ("duration", "warmup", "rounds"),
    [(0.5, 1, 1), (61, 1, 1), (10, -1, 1), (10, 99, 1), (10, 3, 0), (10, 3, 6)],
)
def test_unbounded_runs_are_refused(duration: float, warmup: float, rounds: int) -> None:
    with pytest.raises(SystemExit):
        runner.check_bounds(argparse.Namespace(duration=duration, warmup=warmup, rounds=rounds))
    runner.check_bounds(argparse.Namespace(duration=10, warmup=3, rounds=2))


def _r(name: str, rps: float | None, status: str = "ok") -> dict[str, object]:
    return {"framework": name, "test": "json", "status": status, "rps": rps}


def test_best_of_keeps_the_fastest_valid_run() -> None:
    merged = runner.best_of(
        [[_r("a", 100.0), _r("b", None, "error")], [_r("a", 150.0), _r("b", 90.0)]]
    )
    by_name = {result["framework"]: result for result in merged}
    assert by_name["a"]["rps"] == 150.0
    assert by_name["a"]["runs"] == [100.0, 150.0]
    assert by_name["b"]["status"] == "ok"
    assert by_name["b"]["rps"] == 90.0


def test_best_of_never_prefers_a_failure() -> None:
    merged = runner.best_of([[_r("a", 100.0)], [_r("a", None, "invalid")]])
    assert merged[0]["status"] == "ok"
    assert merged[0]["rps"] == 100.0


def test_rss_of_a_missing_process_is_zero() -> None:
    assert server.rss_kib(2**22 + 12345) == 0
