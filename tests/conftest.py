"""Shared test settings: which real services the suite talks to.

Backend suites run on SQLite always and on PostgreSQL, MariaDB and Redis when they answer on
127.0.0.1. With ``PARVEL_REQUIRE_SERVICES=1`` (set by ``.ci/run``) an unreachable service fails
the test instead of skipping it.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import pytest


@dataclass(frozen=True)
class Service:
    """Where a test service listens, read from the environment with the machine's defaults."""

    name: str
    host: str
    port: int
    user: str
    password: str
    database: str


def _env(key: str, default: str) -> str:
    return os.environ.get(key, default)


SERVICES: dict[str, Service] = {
    "pgsql": Service(
        "PostgreSQL",
        _env("PARVEL_TEST_PG_HOST", "127.0.0.1"),
        int(_env("PARVEL_TEST_PG_PORT", "5432")),
        _env("PARVEL_TEST_PG_USER", "postgres"),
        _env("PARVEL_TEST_PG_PASSWORD", ""),
        _env("PARVEL_TEST_PG_DATABASE", "test"),
    ),
    "mysql": Service(
        "MariaDB",
        _env("PARVEL_TEST_MYSQL_HOST", "127.0.0.1"),
        int(_env("PARVEL_TEST_MYSQL_PORT", "3306")),
        _env("PARVEL_TEST_MYSQL_USER", "root"),
        _env("PARVEL_TEST_MYSQL_PASSWORD", ""),
        _env("PARVEL_TEST_MYSQL_DATABASE", "test"),
    ),
    "redis": Service(
        "Redis",
        _env("PARVEL_TEST_REDIS_HOST", "127.0.0.1"),
        int(_env("PARVEL_TEST_REDIS_PORT", "6379")),
        "",
        "",
        _env("PARVEL_TEST_REDIS_DB", "15"),
    ),
}


def services_required() -> bool:
    """True when an unreachable service must fail the run (CI)."""
    return os.environ.get("PARVEL_REQUIRE_SERVICES") == "1"


@cache
def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def require_service(key: str) -> Service:
    """Return the service's settings, or skip (fail under PARVEL_REQUIRE_SERVICES=1) if down."""
    service = SERVICES[key]
    if not _reachable(service.host, service.port):
        message = f"{service.name} is not reachable on {service.host}:{service.port}"
        if services_required():
            pytest.fail(f"{message} and PARVEL_REQUIRE_SERVICES=1", pytrace=False)
        pytest.skip(message)
    return service


@pytest.fixture
def pgsql_service() -> Service:
    """The PostgreSQL test server (skips or fails when it is down)."""
    return require_service("pgsql")


@pytest.fixture
def mysql_service() -> Service:
    """The MariaDB/MySQL test server (skips or fails when it is down)."""
    return require_service("mysql")


@pytest.fixture
def redis_service() -> Service:
    """The Redis test server (skips or fails when it is down)."""
    return require_service("redis")


_APP_MODULE_ROOTS = ("app", "bootstrap", "config", "routes", "database", "tests_app")


def forget_app_modules() -> None:
    """Drop an app's modules from sys.modules so the next app in this process imports its own."""
    import sys

    for name in list(sys.modules):
        if name.split(".")[0] in _APP_MODULE_ROOTS:
            module = sys.modules[name]
            if not getattr(module, "__file__", "") or "site-packages" not in str(module.__file__):
                del sys.modules[name]


_ENV_PREFIXES = ("APP_", "DB_", "LOG_", "SESSION_", "CACHE_", "QUEUE_", "MAIL_", "REDIS_")


@pytest.fixture
def isolated_app_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run a test that creates/imports an app folder without leaking its modules or env."""
    import sys

    from parvel.support.facade import Facade

    forget_app_modules()
    monkeypatch.setattr(sys, "path", list(sys.path))
    saved = dict(os.environ)
    for key in [k for k in os.environ if k.startswith(_ENV_PREFIXES)]:
        del os.environ[key]
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
        forget_app_modules()
        Facade.set_application(None)


@pytest.fixture
def forget_modules() -> Callable[[], None]:
    """The function dropping an app's modules from sys.modules (between two CLI runs)."""
    return forget_app_modules
