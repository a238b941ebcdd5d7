"""The pytest plugin (entry point ``pytest11``): fixtures for testing a Parvel app.

Loaded automatically wherever Parvel is installed; its fixtures only do something when a test
asks for them. In an app folder (``bootstrap/app.py``):

- ``app``: a fresh, booted :class:`~parvel.foundation.Application` per test, with
  ``APP_ENV=testing``; terminated (pools closed) afterwards.
- ``client``: a :class:`~parvel.testing.TestClient` against ``app``.

Every test ends at the real time, whatever it did with ``travel_to`` / ``freeze_time``.
See docs/testing.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from parvel.support import clock

if TYPE_CHECKING:
    from parvel.foundation.application import Application
    from parvel.testing.client import TestClient

try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - parvel[dev] installs it
    pytest_asyncio = None  # type: ignore[assignment]


def pytest_configure(config: pytest.Config) -> None:
    """Register Parvel's markers."""
    config.addinivalue_line("markers", "parvel: a test using the Parvel app fixtures")


@pytest.fixture(autouse=True)
def _parvel_travel_back() -> Iterator[None]:
    yield
    if clock.is_travelling():
        clock.travel_back()


def find_app_root(config: pytest.Config) -> Path | None:
    """The app folder for this run: pytest's rootdir or the current folder, searched upwards."""
    from parvel.console.discovery import find_app_root as find

    return find(Path(str(config.rootpath))) or find(Path.cwd())


def boot_test_app(root: Path) -> Application:
    """Import ``bootstrap/app.py`` afresh with ``APP_ENV=testing`` and return the booted app."""
    from parvel.console.discovery import load_application

    os.environ["APP_ENV"] = os.environ.get("PARVEL_TEST_ENV", "testing")
    sys.modules.pop("bootstrap.app", None)
    return load_application(root)


if pytest_asyncio is not None:

    @pytest_asyncio.fixture
    async def app(request: pytest.FixtureRequest) -> AsyncIterator[Application]:
        """A fresh, booted application for one test (``APP_ENV=testing``)."""
        root = find_app_root(request.config)
        if root is None:
            pytest.fail(
                "The `app` fixture needs a Parvel app: run pytest from the app folder "
                "(the one with bootstrap/app.py).",
                pytrace=False,
            )
        saved = os.environ.get("APP_ENV")
        application = boot_test_app(root)
        try:
            yield application
        finally:
            await application.terminate()
            if saved is None:
                os.environ.pop("APP_ENV", None)
            else:
                os.environ["APP_ENV"] = saved

    @pytest_asyncio.fixture
    async def client(app: Any) -> AsyncIterator[TestClient]:
        """An in-process HTTP client for ``app``; cookies persist within the test."""
        from parvel.testing.client import TestClient

        test_client = TestClient(app)
        try:
            yield test_client
        finally:
            await test_client.aclose()
