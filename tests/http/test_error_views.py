"""The default error pages are Blade views; an app's resources/views/errors/{code} wins."""

from __future__ import annotations

from typing import Any

import pytest

from parvel.http import abort


@pytest.mark.parametrize(
    ("code", "text"), [(404, "Not Found"), (403, "Forbidden"), (503, "Service Unavailable")]
)
async def test_default_error_pages_render_from_blade(
    make_app: Any, client: Any, code: int, text: str
) -> None:
    app = make_app(lambda router: router.get("/boom", lambda: abort(code)))
    async with client(app) as http:
        response = await http.get("/boom")
    assert response.status_code == code
    assert f"<title>{text}</title>" in response.text
    assert f'<div class="code">{code}</div>' in response.text
    blade = app.make("view")
    assert blade.exists(f"parvel::errors.{code}")


async def test_an_app_view_overrides_the_default(make_app: Any, client: Any, tmp_path: Any) -> None:
    errors = tmp_path / "resources" / "views" / "errors"
    errors.mkdir(parents=True)
    (errors / "404.blade.html").write_text("<h1>Lost? {{ status }}</h1>")
    app = make_app(lambda router: router.get("/x", lambda: "x"))
    async with client(app) as http:
        response = await http.get("/missing")
    assert response.status_code == 404
    assert response.text == "<h1>Lost? 404</h1>"


async def test_errors_render_as_json_for_api_clients(make_app: Any, client: Any) -> None:
    app = make_app(lambda router: router.get("/x", lambda: "x"))
    async with client(app) as http:
        response = await http.get("/missing", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json() == {"message": "The route missing could not be found."}


async def test_templates_can_call_route_url_and_asset(
    make_app: Any, client: Any, tmp_path: Any
) -> None:
    views = tmp_path / "resources" / "views"
    views.mkdir(parents=True, exist_ok=True)
    (views / "links.blade.html").write_text(
        "{{ route('posts.show', 3) }}|{{ url('/about') }}|{{ asset('app.css') }}"
    )

    def routes(router: Any) -> None:
        from parvel import view

        router.get("/posts/{post}", lambda post: post).name("posts.show")
        router.get("/links", lambda: view("links"))

    app = make_app(routes)
    async with client(app) as http:
        text = (await http.get("/links")).text
    assert text == "http://testserver/posts/3|http://testserver/about|http://testserver/app.css"
