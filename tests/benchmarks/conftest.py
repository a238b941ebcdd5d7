"""Fixtures for the benchmark suite's tests: the bench database and one peer app at a time.

These tests start real servers (granian, one worker) against the real PostgreSQL
``parvel_bench`` database; deselect them with ``-m "not benchmarks"``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.techempower import server as servers  # noqa: E402
from benchmarks.techempower import venvs  # noqa: E402
from benchmarks.techempower.frameworks import FRAMEWORKS, Framework  # noqa: E402

PEERS = [framework.name for framework in FRAMEWORKS]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "benchmarks: starts benchmark apps (deselect if slow)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.path)).parent == here:
            item.add_marker(pytest.mark.benchmarks)


def _bench_env(monkeypatch: pytest.MonkeyPatch, service: Any) -> None:
    monkeypatch.setenv("BENCH_PG_HOST", service.host)
    monkeypatch.setenv("BENCH_PG_PORT", str(service.port))
    monkeypatch.setenv("BENCH_PG_USER", service.user)
    monkeypatch.setenv("BENCH_PG_PASSWORD", service.password)


_prepared: list[bool] = []


@pytest.fixture
def bench_db(pgsql_service: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The PostgreSQL service, with ``parvel_bench`` created and filled (once per session)."""
    _bench_env(monkeypatch, pgsql_service)
    if not _prepared:
        from benchmarks.techempower import setup_db

        asyncio.run(setup_db.setup())
        _prepared.append(True)
    return pgsql_service


class _OneServer:
    """Keeps at most one app server running, stopping the previous one on a switch."""

    def __init__(self) -> None:
        self.current: servers.Server | None = None

    def get(self, framework: Framework) -> servers.Server:
        if self.current is not None and self.current.framework is framework:
            return self.current
        self.close()
        server = servers.start(framework, cpu=None)
        try:
            server.wait_ready(timeout=30)
        except BaseException:
            server.stop()
            raise
        self.current = server
        return server

    def close(self) -> None:
        if self.current is not None:
            self.current.stop()
            self.current = None


@pytest.fixture(scope="module")
def _one_server() -> Iterator[_OneServer]:
    holder = _OneServer()
    yield holder
    holder.close()


@pytest.fixture(scope="module", params=PEERS)
def framework(request: pytest.FixtureRequest) -> Framework:
    """Each TechEmpower app in turn (skipped when its framework is not installed).

    A framework with its own virtual environment is tested when that environment is ready;
    the tests never install it (``python benchmarks/techempower/venvs.py`` does).
    """
    chosen = next(f for f in FRAMEWORKS if f.name == request.param)
    if chosen.venv is not None:
        if not venvs.is_ready(chosen.venv):
            pytest.skip(
                f"{chosen.name}: its venv is not prepared "
                f"(python benchmarks/techempower/venvs.py {chosen.venv})"
            )
    else:
        for module in chosen.requires:
            pytest.importorskip(module)
    missing = chosen.missing()
    if missing:
        pytest.skip(f"{chosen.name}: {missing}")
    return chosen


@pytest.fixture
def app_server(framework: Framework, bench_db: Any, _one_server: _OneServer) -> servers.Server:
    """The running app of ``framework`` (one server per framework for the whole module)."""
    return _one_server.get(framework)
