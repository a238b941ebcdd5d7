from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from parvel.testing import TestClient


async def posts(_: Request) -> JSONResponse:
    return JSONResponse(
        {
            "data": [
                {"id": 1, "title": "First", "tags": ["a"]},
                {"id": 2, "title": "Second", "tags": []},
            ],
            "meta": {"total": 2},
        },
    )


async def invalid(_: Request) -> JSONResponse:
    return JSONResponse(
        {
            "message": "The title field is required.",
            "errors": {"title": ["The title field is required."]},
        },
        status_code=422,
    )


async def page(_: Request) -> HTMLResponse:
    response = HTMLResponse("<h1>Hello &amp; welcome</h1><p>Tom &lt;3 Jerry</p><p>end</p>")
    response.set_cookie("flavour", "oat")
    return response


async def quotes(_: Request) -> HTMLResponse:
    return HTMLResponse("<p>Post &quot;Doomed&quot; deleted.</p><p>It&#039;s gone</p>")


async def download(_: Request) -> Response:
    return Response(b"x", headers={"Content-Disposition": 'attachment; filename="report.csv"'})


async def moved(_: Request) -> RedirectResponse:
    return RedirectResponse("/page", status_code=302)


async def empty(_: Request) -> Response:
    return Response(status_code=204)


async def echo(request: Request) -> JSONResponse:
    return JSONResponse(
        {"referer": request.headers.get("referer"), "cookie": request.cookies.get("k")}
    )


app = Starlette(
    routes=[
        Route("/posts", posts),
        Route("/quotes", quotes),
        Route("/invalid", invalid, methods=["POST"]),
        Route("/page", page),
        Route("/download", download),
        Route("/moved", moved),
        Route("/empty", empty, methods=["DELETE"]),
        Route("/echo", echo),
    ]
)


@pytest.fixture
async def client() -> TestClient:
    return TestClient(app)


async def test_status_and_json_assertions(client: TestClient) -> None:
    response = await client.get("/posts")
    response.assert_ok().assert_successful().assert_header("content-type", "application/json")
    response.assert_json({"meta": {"total": 2}})
    response.assert_json_path("data.0.title", "First").assert_json_path(
        "data.1.id", lambda v: v > 1
    )
    response.assert_json_count(2, "data").assert_json_count(1, "data.0.tags")
    response.assert_json_structure({"data": {"*": ["id", "title"]}, "meta": ["total"]})
    response.assert_json_fragment({"title": "Second"}).assert_json_missing({"title": "Third"})
    response.assert_json_missing_path("data.5").assert_header_missing("x-nope")
    assert response.json("meta.total") == 2


async def test_failures_show_expected_and_actual(client: TestClient) -> None:
    response = await client.get("/posts")
    with pytest.raises(AssertionError) as caught:
        response.assert_created()
    message = str(caught.value)
    assert "Expected response status code [201] but received 200." in message
    assert 'Body: {"data"' in message
    with pytest.raises(AssertionError, match=r"Unable to find JSON subset"):
        response.assert_json({"meta": {"total": 3}})
    with pytest.raises(AssertionError, match=r"missing the keys \['data.0.body', 'data.1.body'\]"):
        response.assert_json_structure({"data": {"*": ["body"]}})
    with pytest.raises(AssertionError, match=r"has 2 items: it has 2|has 3 items: it has 2"):
        response.assert_json_count(3, "data")


async def test_validation_assertions(client: TestClient) -> None:
    response = await client.post_json("/invalid", {"title": ""})
    response.assert_unprocessable().assert_invalid("title")
    response.assert_json_validation_errors({"title": "is required"})
    response.assert_valid("body")
    with pytest.raises(AssertionError) as caught:
        response.assert_valid()
    assert "Validation errors: {'title': ['The title field is required.']}" in str(caught.value)
    with pytest.raises(AssertionError, match=r"validation error for key \[body\]"):
        response.assert_invalid(["body"])


async def test_see_escapes_like_laravel(client: TestClient) -> None:
    response = await client.get("/page")
    response.assert_see("Hello & welcome").assert_see("Tom <3 Jerry")
    response.assert_see("<h1>", escape=False).assert_dont_see("Goodbye")
    response.assert_see_text("Hello & welcome Tom <3 Jerry").assert_dont_see_text("<h1>")
    response.assert_see_in_order(["Hello", "Jerry", "end"])
    with pytest.raises(AssertionError, match="are seen in order"):
        response.assert_see_in_order(["end", "Hello"])
    response.assert_cookie("flavour", "oat").assert_cookie_missing("other")


async def test_see_escapes_quotes_like_blade(client: TestClient) -> None:
    # Blade's {{ }} escapes as Laravel's e(): " is &quot; and ' is &#039;.
    response = await client.get("/quotes")
    response.assert_see('Post "Doomed" deleted.').assert_see("It's")
    response.assert_see_in_order(['"Doomed"', "It's"]).assert_dont_see('"Other"')


async def test_redirects_downloads_and_empty(client: TestClient) -> None:
    (await client.get("/moved")).assert_redirect("/page").assert_redirect("http://localhost/page")
    with pytest.raises(AssertionError, match=r"Expected a redirect to \[/other\]"):
        (await client.get("/moved")).assert_redirect("/other")
    (await client.follow_redirects().get("/moved")).assert_ok().assert_see("welcome")
    (await client.get("/download")).assert_download("report.csv")
    (await client.delete("/empty")).assert_no_content()


async def test_client_headers_cookies_and_referer(client: TestClient) -> None:
    response = await client.with_cookies({"k": "v"}).from_("/posts/create").get("/echo")
    response.assert_json({"referer": "http://localhost/posts/create", "cookie": "v"})
