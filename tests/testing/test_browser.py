from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from parvel.testing.browser import Browser
from parvel.testing.live_server import LiveServer

SITE = """
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route


async def login(request):
    return HTMLResponse(
        "<title>Log in</title><form method=post action=/login>"
        "<input name=email><button type=submit>Log in</button></form><a href=/about>About us</a>"
    )


async def do_login(request):
    form = await request.form()
    return RedirectResponse(f"/home?email={form['email']}", status_code=303)


async def home(request):
    return HTMLResponse(f"<p>Welcome {request.query_params['email']}</p>")


async def about(request):
    return HTMLResponse("<h1>About</h1>")


app = Starlette(routes=[Route("/login", login), Route("/login", do_login, methods=["POST"]),
                        Route("/home", home), Route("/about", about)])
"""


@pytest.fixture
def site(tmp_path: Path) -> LiveServer:
    (tmp_path / "demo_site.py").write_text(SITE)
    return LiveServer("demo_site:app", cwd=tmp_path)


def test_live_server_serves_and_stops(site: LiveServer) -> None:
    with site as server:
        assert httpx.get(server.url + "/about").text == "<h1>About</h1>"
    with pytest.raises(httpx.ConnectError):
        httpx.get(site.url + "/about", timeout=1)


def test_live_server_reports_a_crashing_app(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("raise RuntimeError('boom at import')\n")
    with (
        pytest.raises(RuntimeError, match="exited during start-up"),
        LiveServer("broken:app", cwd=tmp_path),
    ):
        pass


async def test_browser_fills_a_form_and_follows_the_redirect(
    site: LiveServer, browser_page_factory: Callable[[str], Awaitable[Browser]]
) -> None:
    with site as server:
        browser = await browser_page_factory(server.url)
        await browser.visit("/login")
        await browser.assert_title("Log in")
        await browser.type("email", "ann@example.com")
        await browser.assert_input_value("email", "ann@example.com")
        await browser.press("Log in")
        await browser.assert_path_is("/home")
        await browser.assert_see("Welcome ann@example.com")
        await browser.assert_dont_see("Log in")
        shot = await browser.screenshot("home")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        await browser.visit("/login")
        await browser.click_link("About us")
        await browser.assert_path_is("/about")
        with pytest.raises(AssertionError, match=r"Did not see expected text \[Contact\]"):
            await browser.assert_see("Contact")
