from __future__ import annotations

from typing import Any

import pytest

from parvel.http import redirect
from parvel.http.requests import Request
from parvel.routing import Router
from parvel.testing import TestClient
from parvel.view import view


def routes(router: Router) -> None:
    async def remember(request: Request) -> Any:
        request.session.put("visits", int(request.session.get("visits", 0)) + 1)
        return {"visits": request.session.get("visits"), "team": request.session.get("team")}

    async def save(request: Request) -> Any:
        await request.validate({"title": "required|min:3", "body": "required"})
        return redirect("/posts").with_("status", "saved")

    async def index() -> Any:
        return view("posts.index", {"posts": ["a", "b"], "user": {"name": "Ann"}})

    router.get("/remember", remember)
    router.post("/posts", save)
    router.get("/posts", index).name("posts.index")
    router.get("/go", lambda: redirect().route("posts.index"))
    router.view("/about", "about", {"team": "core"})


VIEWS = {
    "posts.index": "@foreach(posts as post)<li>{{ post }}</li>@endforeach",
    "about": "<p>{{ team }}</p>",
}


@pytest.fixture
async def client(make_app: Any) -> Any:
    test_client = TestClient(make_app(routes, views=VIEWS))
    yield test_client
    await test_client.aclose()


async def test_session_has_and_missing(client: TestClient) -> None:
    response = await client.with_session({"team": "blue"}).get("/remember")
    response.assert_ok().assert_json({"visits": 1, "team": "blue"})
    response.assert_session_has("visits", 1).assert_session_has("team")
    response.assert_session_has({"visits": 1, "team": "blue"})
    response.assert_session_has("visits", lambda value: value == 1)
    response.assert_session_missing("cart")
    again = await client.get("/remember")
    again.assert_session_has("visits", 2).assert_session_has("team", "blue")
    with pytest.raises(AssertionError, match=r"Session is missing expected key \[cart\]"):
        again.assert_session_has("cart")
    with pytest.raises(AssertionError, match=r"Expected: 5\nActual: 2"):
        again.assert_session_has("visits", 5)
    with pytest.raises(AssertionError, match=r"Session has unexpected key \[team\]"):
        again.assert_session_missing("team")


async def test_session_errors_and_old_input(client: TestClient) -> None:
    response = await client.from_("/posts/create").post("/posts", data={"title": "ab"})
    response.assert_redirect("/posts/create")
    response.assert_session_has_errors(["title", "body"])
    response.assert_session_has_errors({"body": "The body field is required."})
    response.assert_session_has_errors()
    response.assert_session_has_input("title", "ab")
    response.assert_session_doesnt_have_errors("team")
    with pytest.raises(AssertionError, match=r"Session missing error: \[team\]"):
        response.assert_session_has_errors("team")
    with pytest.raises(AssertionError, match=r"but not the message \[Nope\.\]"):
        response.assert_session_has_errors({"body": "Nope."})
    with pytest.raises(AssertionError, match="Session has unexpected errors"):
        response.assert_session_has_no_errors()
    with pytest.raises(AssertionError, match="missing expected errors in the \\[login\\] bag"):
        response.assert_session_has_errors(bag="login")

    ok = await client.post("/posts", data={"title": "Hello", "body": "text"})
    ok.assert_redirect("/posts").assert_session_has_no_errors()
    ok.assert_session_has("status", "saved")


async def test_view_assertions(client: TestClient) -> None:
    response = await client.get("/posts")
    response.assert_ok().assert_view_is("posts.index")
    response.assert_view_has("posts", ["a", "b"]).assert_view_has("user.name", "Ann")
    response.assert_view_has("posts", lambda posts: len(posts) == 2)
    response.assert_view_missing("secret")
    assert response.view_data("user") == {"name": "Ann"}
    response.assert_see_in_order(["a", "b"])
    with pytest.raises(AssertionError, match=r"Expected view \[home\] but the response is view"):
        response.assert_view_is("home")
    with pytest.raises(AssertionError, match=r"the data contains the key \[missing\]"):
        response.assert_view_has("missing")
    with pytest.raises(AssertionError, match=r"does not contain the key \[posts\]"):
        response.assert_view_missing("posts")
    (await client.get("/about")).assert_view_is("about").assert_view_has("team", "core")
    with pytest.raises(AssertionError, match="The response is not a view"):
        (await client.get("/remember")).assert_view_is("about")


async def test_redirect_to_route(client: TestClient) -> None:
    response = await client.get("/go")
    response.assert_redirect_to_route("posts.index")
    with pytest.raises(AssertionError, match="Expected a redirect to"):
        response.assert_redirect_to_route("posts.index", {"page": 2})
