"""Browser tests in the spirit of Laravel Dusk, driving headless Chromium through Playwright.

Parvel drives the machine's Chromium (Debian's ``chromium`` package, or ``PARVEL_CHROMIUM``);
it never downloads a browser. ``pip install parvel[browser]`` installs Playwright.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """The Chromium executable: ``PARVEL_CHROMIUM``, else ``chromium`` on PATH."""
    configured = os.environ.get("PARVEL_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One browser page pointed at a base URL, with Dusk-style actions and assertions.

    Every method is ``async``::

        await browser.visit("/login")
        await browser.type("email", "ann@example.com")
        await browser.press("Log in")
        await browser.assert_path_is("/dashboard")
    """

    def __init__(self, page: Any, base_url: str, screenshots: Path) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.screenshots = screenshots

    # -- navigation and input ------------------------------------------------------------

    async def visit(self, path: str) -> Browser:
        """Open ``path`` (relative to the server) or a full URL."""
        url = path if "://" in path else f"{self.base_url}/{path.lstrip('/')}"
        await self.page.goto(url)
        return self

    def _field(self, field: str) -> Any:
        if re.match(r"^[a-zA-Z_][\w\-\[\]]*$", field):
            return self.page.locator(f'[name="{field}"], #{field}').first
        return self.page.locator(field).first

    async def type(self, field: str, value: str) -> Browser:
        """Fill the input named ``field`` (or matched by a CSS selector) with ``value``."""
        await self._field(field).fill(value)
        return self

    async def select(self, field: str, value: str) -> Browser:
        """Choose ``value`` in the select named ``field``."""
        await self._field(field).select_option(value)
        return self

    async def check(self, field: str) -> Browser:
        """Tick the checkbox named ``field``."""
        await self._field(field).check()
        return self

    async def press(self, button: str) -> Browser:
        """Click the button whose text, value or name is ``button``, and wait for the page."""
        locator = self.page.get_by_role("button", name=button)
        if await locator.count() == 0:
            locator = self.page.locator(f'[name="{button}"], input[type=submit][value="{button}"]')
        await locator.first.click()
        await self.page.wait_for_load_state()
        return self

    async def click_link(self, text: str) -> Browser:
        """Click the link with ``text`` and wait for the page."""
        await self.page.get_by_role("link", name=text).first.click()
        await self.page.wait_for_load_state()
        return self

    async def screenshot(self, name: str) -> Path:
        """Save a PNG of the page as ``<screenshots>/<name>.png`` and return its path."""
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{name}.png"
        await self.page.screenshot(path=str(path), full_page=True)
        return path

    # -- assertions ----------------------------------------------------------------------

    async def _text(self) -> str:
        return str(await self.page.inner_text("body"))

    async def assert_see(self, text: str) -> Browser:
        """Assert ``text`` is visible on the page."""
        body = await self._text()
        if text not in body:
            raise AssertionError(
                f"Did not see expected text [{text}] within element [body].\n\n{body[:600]}"
            )
        return self

    async def assert_dont_see(self, text: str) -> Browser:
        """Assert ``text`` is not visible on the page."""
        if text in await self._text():
            raise AssertionError(f"Saw unexpected text [{text}] within element [body].")
        return self

    async def assert_path_is(self, path: str) -> Browser:
        """Assert the current URL's path."""
        actual = urlsplit(self.page.url).path
        if actual != path:
            raise AssertionError(f"Actual path [{actual}] does not equal expected path [{path}].")
        return self

    async def assert_title(self, title: str) -> Browser:
        """Assert the page title."""
        actual = await self.page.title()
        if actual != title:
            raise AssertionError(
                f"Expected title [{title}] does not equal actual title [{actual}]."
            )
        return self

    async def assert_input_value(self, field: str, value: str) -> Browser:
        """Assert the input named ``field`` holds ``value``."""
        actual = await self._field(field).input_value()
        if actual != value:
            raise AssertionError(
                f"Expected value [{value}] for the [{field}] input does not equal the actual value [{actual}]."
            )
        return self
