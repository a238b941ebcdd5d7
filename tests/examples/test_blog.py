"""The example blog's own test suite passes, on SQLite, PostgreSQL and MariaDB.

Each run is a subprocess in ``examples/blog`` (``python -m pytest tests`` with
``APP_ENV=testing``), exactly as the blog's developers run it; the database comes from the
environment, so the same suite proves the app works unchanged on every driver.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from parvel.database import DatabaseManager

REPO = Path(__file__).resolve().parents[2]
BLOG = REPO / "examples" / "blog"
DATABASE = f"parvel_blog_test_{os.getpid()}"
_ENV_PREFIXES = ("APP_", "DB_", "LOG_", "SESSION_", "CACHE_", "QUEUE_", "MAIL_", "REDIS_")


def run_blog_suite(
    extra_env: dict[str, str], arguments: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the blog's tests (or pytest ``arguments``) in a clean environment plus ``extra_env``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_ENV_PREFIXES)}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env["APP_ENV"] = "testing"
    env.update(extra_env)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *(arguments or ["tests"]),
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
        ],
        cwd=BLOG,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_passed(result: subprocess.CompletedProcess[str]) -> None:
    """The run passed and really ran tests."""
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert " passed" in output
    assert "skipped" not in output, output[-2000:]


@pytest.fixture
async def server_database(request: pytest.FixtureRequest) -> AsyncIterator[dict[str, str]]:
    """A fresh database on the server named by the test's parameter; dropped afterwards."""
    driver: str = request.param
    service = request.getfixturevalue(f"{driver}_service")
    admin_config: dict[str, Any] = {
        "driver": driver,
        "host": service.host,
        "port": service.port,
        "database": service.database,
        "username": service.user,
        "password": service.password,
    }
    admin = DatabaseManager({"default": "a", "connections": {"a": admin_config}})
    await admin.statement(f"drop database if exists {DATABASE}")
    await admin.statement(f"create database {DATABASE}")
    try:
        yield {
            "DB_CONNECTION": driver,
            "DB_HOST": service.host,
            "DB_PORT": str(service.port),
            "DB_DATABASE": DATABASE,
            "DB_USERNAME": service.user,
            "DB_PASSWORD": service.password,
        }
    finally:
        await admin.statement(f"drop database if exists {DATABASE}")
        await admin.disconnect_all()


def test_the_blog_suite_passes_on_sqlite(tmp_path: Path) -> None:
    result = run_blog_suite(
        {"DB_CONNECTION": "sqlite", "DB_DATABASE": str(tmp_path / "blog.sqlite")}
    )
    assert_passed(result)
    assert (tmp_path / "blog.sqlite").is_file()


@pytest.mark.parametrize(
    "server_database",
    [
        pytest.param("pgsql", marks=pytest.mark.pgsql, id="pgsql"),
        pytest.param("mysql", marks=pytest.mark.mysql, id="mysql"),
    ],
    indirect=True,
)
def test_the_blog_suite_passes_on_a_server(server_database: dict[str, str]) -> None:
    assert_passed(run_blog_suite(server_database))


def test_a_failing_blog_test_fails_the_run(tmp_path: Path) -> None:
    # The harness itself can fail: a broken test run against the blog makes the run red.
    broken = tmp_path / "test_broken.py"
    broken.write_text("async def test_broken(client) -> None:\n    raise AssertionError\n")
    result = run_blog_suite(
        {"DB_CONNECTION": "sqlite", "DB_DATABASE": str(tmp_path / "blog.sqlite")},
        [str(broken), "--rootdir", str(BLOG), "-c", str(BLOG / "pyproject.toml")],
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "1 failed" in result.stdout
