from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parvel.console.main import run

APP_TEST = """
from parvel.foundation import Application
from parvel.testing import TestClient


async def test_app_fixture(app: Application) -> None:
    assert isinstance(app, Application)
    assert app.environment() == "testing"
    assert app.config.get("app.name") == "Demo"


async def test_client_fixture(client: TestClient) -> None:
    assert isinstance(client, TestClient)
"""


def _pytest(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("APP_", "PYTEST_"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_app_and_client_fixtures_in_a_new_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["new", "demo", "-q"]) == 0
    (tmp_path / "demo/tests/test_fixtures.py").write_text(APP_TEST)
    result = _pytest(tmp_path / "demo", "tests/test_fixtures.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_app_fixture_outside_an_app_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\nasyncio_mode = "auto"\n')
    (tmp_path / "test_outside.py").write_text("async def test_it(app):\n    pass\n")
    result = _pytest(tmp_path)
    assert result.returncode == 1
    assert "The `app` fixture needs a Parvel app: run pytest from the app folder" in result.stdout
