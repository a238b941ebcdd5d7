"""The pytest plugin (entry point ``pytest11``): fixtures for testing a Parvel app.

Loaded automatically wherever Parvel is installed; its fixtures only do something when a test
asks for them. In an app folder (``bootstrap/app.py``):

- ``app``: a fresh, booted :class:`~parvel.foundation.Application` per test, with
  ``APP_ENV=testing``; terminated (pools closed) afterwards.
- ``client``: a :class:`~parvel.testing.TestClient` against ``app``.
- ``artisan``: ``await artisan("cmd", {...}).expects_output(...).assert_exit_code(0)`` runs a
  console command in ``app`` (:class:`~parvel.testing.console.PendingCommand`).
- ``db``: a :class:`~parvel.testing.DatabaseTester` for ``app``. Tests marked
  ``@pytest.mark.refresh_database`` run in a transaction rolled back afterwards (the database
  migrated once per run); ``@pytest.mark.database_truncation`` empties the tables afterwards.
  Under pytest-xdist each worker uses its own database (``<name>_test_<worker>``).

Every test ends at the real time, whatever it did with ``travel_to`` / ``freeze_time``, and
with every service a fake replaced put back.
See docs/testing.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from parvel.support import clock

if TYPE_CHECKING:
    from parvel.foundation.application import Application
    from parvel.testing.client import TestClient
    from parvel.testing.console import PendingCommand
    from parvel.testing.database import DatabaseTester

try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - parvel[dev] installs it
    pytest_asyncio = None  # type: ignore[assignment]


def pytest_configure(config: pytest.Config) -> None:
    """Register Parvel's markers."""
    config.addinivalue_line("markers", "parvel: a test using the Parvel app fixtures")
    config.addinivalue_line(
        "markers",
        "refresh_database(*connections): migrate once per run, run the test in a rolled-back "
        "transaction",
    )
    config.addinivalue_line(
        "markers", "database_truncation(*connections): truncate every table after the test"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give tests marked ``refresh_database`` / ``database_truncation`` the ``db`` fixture.

    So a test that only asks for ``client`` still runs inside the rolled-back transaction.
    """
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is None or "db" in names:
            continue
        if item.get_closest_marker("refresh_database") or item.get_closest_marker(
            "database_truncation"
        ):
            names.append("db")


@pytest.fixture(autouse=True)
def _parvel_travel_back() -> Iterator[None]:
    yield
    if clock.is_travelling():
        clock.travel_back()
    fakes = sys.modules.get("parvel.testing.fakes.base")
    if fakes is not None:  # only loaded once a test used a fake
        fakes.restore_all()


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
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        try:
            if worker:
                from parvel.testing.database import use_worker_database

                await use_worker_database(application, worker)
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


@pytest.fixture
def artisan(app: Any) -> Callable[..., PendingCommand]:
    """Console commands run in the test's app; await what it returns to run one.

    ``await artisan("greet Ada").expects_output("Hello, Ada!").assert_successful()``.
    """
    from parvel.testing.console import PendingCommand

    def pending(command: str, parameters: Mapping[str, Any] | None = None) -> PendingCommand:
        return PendingCommand(app, command, parameters)

    return pending


if pytest_asyncio is not None:

    @pytest_asyncio.fixture
    async def db(app: Any, request: pytest.FixtureRequest) -> AsyncIterator[DatabaseTester]:
        """Database helpers and assertions for ``app``; honours the database markers."""
        from parvel.testing.database import DatabaseTester

        tester = DatabaseTester(app)
        refresh = request.node.get_closest_marker("refresh_database")
        truncation = request.node.get_closest_marker("database_truncation")
        if refresh is not None:
            await tester.refresh(tuple(refresh.args) or (None,))
        elif truncation is not None:
            for name in tuple(truncation.args) or (None,):
                await tester.migrate(name)
        try:
            yield tester
        finally:
            if refresh is not None:
                await tester.end()
            elif truncation is not None:
                for name in tuple(truncation.args) or (None,):
                    await tester.truncate(name)


@pytest.fixture
def live_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The app served by granian on a free 127.0.0.1 port, for browser tests."""
    from parvel.testing.live_server import LiveServer

    root = find_app_root(request.config)
    if root is None:
        pytest.fail(
            "The `live_server` fixture needs a Parvel app: run pytest from the app folder.",
            pytrace=False,
        )
    with LiveServer("bootstrap.app:app", cwd=root) as server:
        yield server


def browser_unavailable_reason() -> str | None:
    """Why browser tests cannot run here, or ``None``."""
    from parvel.testing.browser import find_chromium

    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install parvel[browser]"
    if find_chromium() is None:
        return "Chromium is not installed: apt-get install chromium (or set PARVEL_CHROMIUM)"
    return None


if pytest_asyncio is not None:

    @pytest_asyncio.fixture
    async def browser_page_factory(
        request: pytest.FixtureRequest, tmp_path: Path
    ) -> AsyncIterator[Any]:
        """Opens :class:`~parvel.testing.browser.Browser` pages on a base URL (headless Chromium)."""
        reason = browser_unavailable_reason()
        if reason is not None:
            if os.environ.get("PARVEL_REQUIRE_SERVICES") == "1":
                pytest.fail(f"{reason} (PARVEL_REQUIRE_SERVICES=1)", pytrace=False)
            pytest.skip(reason)
        from playwright.async_api import async_playwright

        from parvel.testing.browser import CHROMIUM_ARGS, Browser, find_chromium

        playwright = await async_playwright().start()
        chromium = await playwright.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        contexts: list[Any] = []

        async def open_page(base_url: str) -> Browser:
            context = await chromium.new_context()
            contexts.append(context)
            return Browser(await context.new_page(), base_url, tmp_path / "screenshots")

        try:
            yield open_page
        finally:
            for context in contexts:
                await context.close()
            await chromium.close()
            await playwright.stop()

    @pytest_asyncio.fixture
    async def browser(browser_page_factory: Any, live_server: Any) -> Any:
        """A headless Chromium page pointed at the ``live_server`` (Laravel Dusk's role)."""
        return await browser_page_factory(live_server.url)
