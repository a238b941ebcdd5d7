from __future__ import annotations

from typing import Any

import pytest

from parvel.http import redirect, response
from parvel.http.requests import Request
from parvel.routing import Router
from parvel.testing import AssertableJson, TestClient

USER = {
    "id": 1,
    "name": "Victoria Faith",
    "email": "victoria@example.com",
    "tags": ["a", "b"],
    "meta": {"score": 9.5, "admin": False, "team": None},
    "posts": [{"id": 1, "title": "One"}, {"id": 2, "title": "Two"}],
}


def routes(router: Router) -> None:
    router.get("/users/1", lambda: USER)
    router.get("/list", lambda: [{"id": 1}, {"id": 2}])
    router.get("/cookie", lambda: response("hi").cookie("theme", "dark", 60))
    router.get("/forget", lambda: response("bye").without_cookie("theme"))
    router.get("/theme", lambda request: {"theme": request.cookie("theme")})
    router.get("/boom", _boom)
    router.get("/moved", lambda: redirect("/users/1", 301))
    router.get("/secret/{id}", lambda id: id).name("secret")
    router.get("/to-secret", lambda: redirect().signed_route("secret", {"id": 5}))
    router.get("/stream", lambda: response().stream(lambda: iter(["a", "b"])))
    router.get(
        "/auth", lambda request: {"auth": request.header("Authorization"), "ip": request.ip()}
    )

    async def save(request: Request) -> Any:
        await request.validate({"title": "required", "body": "required"})
        return {"ok": True}

    router.post("/posts", save)


async def _boom() -> Any:
    raise RuntimeError("kaput")


@pytest.fixture
async def client(make_app: Any) -> Any:
    test_client = TestClient(make_app(routes))
    yield test_client
    await test_client.aclose()


async def test_fluent_where_has_missing_etc(client: TestClient) -> None:
    response = await client.get("/users/1")
    response.assert_json(
        lambda json: (
            json.where("id", 1)
            .where("name", "Victoria Faith")
            .where("email", lambda email: email.endswith("@example.com"))
            .where_not("name", "Ann")
            .has("tags", 2)
            .where_contains("tags", "a")
            .has("meta", lambda meta: meta.where_type("score", "double").where_null("team").etc())
            .has("posts", 2, lambda post: post.where("id", 1).where("title", "One"))
            .missing("password")
            .etc()
        )
    )


async def test_fluent_requires_every_key_without_etc(client: TestClient) -> None:
    response = await client.get("/users/1")
    with pytest.raises(AssertionError, match=r"Unexpected properties were found on the root"):
        response.assert_json(lambda json: json.where("id", 1))
    with pytest.raises(AssertionError, match=r"Property \[name\] does not match"):
        response.assert_json(lambda json: json.where("name", "Ann").etc())
    with pytest.raises(AssertionError, match=r"Property \[meta.missing\] does not exist"):
        response.assert_json(lambda json: json.has("meta", lambda m: m.has("missing")).etc())
    with pytest.raises(AssertionError, match=r"Property \[tags\] does not have the expected size"):
        response.assert_json(lambda json: json.has("tags", 3).etc())


async def test_fluent_types_lists_each_first(client: TestClient) -> None:
    response = await client.get("/users/1")
    response.assert_json(
        lambda json: (
            json.where_all_type(
                {"id": "integer", "name": "string", "tags": "array", "meta.team": "null|string"}
            )
            .has_all(["email", "meta"])
            .has_any("nope", "posts")
            .etc()
        )
    )
    listing = await client.get("/list")
    listing.assert_json(lambda json: json.has(2).first(lambda item: item.where("id", 1)))
    listing.assert_json(lambda json: json.each(lambda item: item.where_type("id", "integer")))
    with pytest.raises(AssertionError, match=r"Property \[1.id\] does not match"):
        listing.assert_json(lambda json: json.each(lambda item: item.where("id", 1)))


def test_assertable_json_standalone() -> None:
    json = AssertableJson({"a": {"b": 1}})
    json.where("a.b", 1).count("a", 1)
    json.interacted()
    assert json.to_dict() == {"a": {"b": 1}}


async def test_cookies_are_compared_decrypted(client: TestClient) -> None:
    response = await client.get("/cookie")
    response.assert_cookie("theme", "dark").assert_cookie_not_expired("theme")
    with pytest.raises(AssertionError, match=r"does not match \[dark\]"):
        response.assert_plain_cookie("theme", "dark")
    (await client.get("/forget")).assert_cookie_expired("theme")


async def test_with_cookies_are_encrypted_for_the_app(client: TestClient) -> None:
    (await client.with_cookie("theme", "light").get("/theme")).assert_exact_json({"theme": "light"})
    (await client.with_unencrypted_cookie("theme", "raw").get("/theme")).assert_exact_json(
        {"theme": None}
    )


async def test_without_exception_handling_raises(client: TestClient) -> None:
    (await client.get("/boom")).assert_server_error().assert_internal_server_error()
    with pytest.raises(RuntimeError, match="kaput"):
        await client.without_exception_handling().get("/boom")
    (await client.with_exception_handling().get("/boom")).assert_status(500)


async def test_status_and_location_helpers(client: TestClient) -> None:
    moved = await client.get("/moved")
    moved.assert_moved_permanently().assert_location("/users/1")
    assert moved.status() == 301
    (await client.get("/nowhere")).assert_client_error()
    ok = await client.call("GET", "/users/1", {"page": 2})
    ok.assert_ok().assert_json_is_object().assert_json_is_array("tags")
    assert ok.decode_response_json()["id"] == 1


async def test_assert_invalid_reads_session_errors_for_forms(client: TestClient) -> None:
    form = await client.from_("/posts/create").post("/posts", data={"title": "x"})
    form.assert_redirect("/posts/create").assert_invalid(["body"]).assert_valid(["title"])
    form.assert_invalid({"body": "The body field is required."})
    form.assert_invalid({"body": "is required"})  # part of the message, as in Laravel
    with pytest.raises(AssertionError, match=r"validation error \[too short\] for key \[body\]"):
        form.assert_invalid({"body": "too short"})
    with pytest.raises(AssertionError):
        form.assert_invalid(["title"])
    api = await client.post_json("/posts", {"title": "x"})
    api.assert_unprocessable().assert_invalid("body").assert_valid("title")


class Blocker:
    async def handle(self, request: Any, next: Any) -> Any:
        return response("blocked", 403)


async def test_without_middleware_skips_route_middleware(make_app: Any) -> None:
    def guarded(router: Router) -> None:
        router.get("/guarded", lambda: "inside").middleware([Blocker])
        router.get("/limited", lambda: "inside").middleware(["throttle:1,1"])

    test_client = TestClient(make_app(guarded))
    (await test_client.get("/guarded")).assert_forbidden()
    (await test_client.without_middleware().get("/guarded")).assert_ok().assert_content("inside")
    (await test_client.with_middleware().get("/guarded")).assert_forbidden()
    (await test_client.without_middleware(Blocker).get("/guarded")).assert_ok()
    test_client.with_middleware().without_middleware("throttle")
    for _ in range(3):
        (await test_client.get("/limited")).assert_ok()
    await test_client.aclose()


async def test_exact_json_structure_and_redirect_back(client: TestClient) -> None:
    response = await client.get("/users/1")
    response.assert_exact_json_structure(
        [
            "id",
            "name",
            "email",
            "tags",
            {"meta": ["score", "admin", "team"]},
            {"posts": {"*": ["id", "title"]}},
        ]
    )
    with pytest.raises(AssertionError, match=r"outside the expected structure: \['email'"):
        response.assert_exact_json_structure(["id", "name", "tags", "meta", "posts"])
    with pytest.raises(AssertionError, match=r"\['posts.0.title', 'posts.1.title'\]"):
        response.assert_exact_json_structure(
            {
                "id": None,
                "name": None,
                "email": None,
                "tags": None,
                "meta": None,
                "posts": {"*": ["id"]},
            }
        )
    back = await client.from_("/users/1").post("/posts", data={})
    back.assert_redirect_back()


async def test_more_laravel_assertions(client: TestClient, capsys: Any) -> None:
    (await client.get("/to-secret")).assert_redirect_to_signed_route("secret", {"id": 5})
    with pytest.raises(AssertionError, match="Expected a signed redirect"):
        (await client.get("/to-secret")).assert_redirect_to_signed_route("secret", id=6)
    with pytest.raises(AssertionError, match="valid signature"):
        (await client.get("/moved")).assert_redirect_to_signed_route()
    (await client.get("/stream")).assert_streamed().assert_streamed_content("ab")
    (await client.get("/users/1")).assert_not_streamed().assert_header_contains(
        "Content-Type", "json"
    )
    basic = await client.with_basic_auth("ann", "pw").get("/auth")
    basic.assert_json_path("auth", "Basic YW5uOnB3").assert_json_path("ip", "127.0.0.1")
    client.flush_headers()
    back = await client.from_("/posts/create").post("/posts", data={"title": "x"})
    back.assert_redirect_back_with_errors(["body"]).assert_session_has_errors_in("default", "body")
    back.dump_session("errors")
    assert "body" in capsys.readouterr().out
    api = await client.post_json("/posts", {"title": "x"})
    api.assert_json_validation_error_for("body")


async def test_with_server_variables(client: TestClient) -> None:
    response = await client.with_server_variables(
        {"REMOTE_ADDR": "10.1.0.1", "HTTP_AUTHORIZATION": "Bearer t"}
    ).get("/auth")
    response.assert_exact_json({"auth": "Bearer t", "ip": "10.1.0.1"})


async def test_json_path_wildcards(client: TestClient) -> None:
    response = await client.get("/users/1")
    response.assert_json_path("posts.*.id", [1, 2]).assert_json_path(
        "posts.*.title", ["One", "Two"]
    )
    response.assert_json_count(2, "posts.*.id")


async def test_response_reads_like_an_array(client: TestClient) -> None:
    response = await client.get("/users/1")
    assert response["name"] == "Victoria Faith"
    assert response["posts.1.id"] == 2
    assert response.collect("tags").all() == ["a", "b"]
    assert response.json("meta.score") == 9.5


async def test_laravel_argument_order_for_headers(client: TestClient) -> None:
    (await client.get("/auth", {"Authorization": "Bearer a"})).assert_json_path("auth", "Bearer a")
    (await client.get_json("/auth", {"Authorization": "Bearer b"})).assert_json_path(
        "auth", "Bearer b"
    )
    posted = await client.post_json("/posts", {"title": "x"}, {"Authorization": "Bearer c"})
    posted.assert_unprocessable()
    form = await client.post("/posts", {"title": "x"}, {"Referer": "http://localhost/form"})
    form.assert_redirect("/form")
    (await client.delete("/users/1")).assert_method_not_allowed()
