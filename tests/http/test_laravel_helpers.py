"""Request, redirect and URL helpers called the way Laravel's documentation shows them."""

from __future__ import annotations

from typing import Any

import pytest

from parvel.http import Request, redirect, to_route, url
from parvel.http._input import dig
from parvel.routing import URL, Router
from parvel.testing import TestClient


def test_input_string_fluent_methods() -> None:
    from parvel.http.requests import InputString

    name = InputString("  Ann Lee ")
    assert name.trim() == "Ann Lee"
    assert name.trim().upper() == "ANN LEE"
    assert name.trim().append("!").prepend("> ") == "> Ann Lee!"
    assert name.trim().length() == 7
    assert name.contains(["Lee", "x"])
    assert not InputString("").is_not_empty()
    assert InputString("12").to_integer() == 12
    assert InputString("x").to_integer(3) == 3
    assert type(name.value()) is str
    assert name.trim().starts_with("Ann")
    assert name.rtrim().ends_with("Lee")


def test_dig_wildcards() -> None:
    data = {"products": [{"name": "A"}, {"name": "B"}, {}], "tags": {"x": 1, "y": 2}}
    assert dig(data, "products.*.name", None) == ["A", "B", None]
    assert dig(data, "tags.*", None) == [1, 2]
    assert dig(data, "missing.*.name", "d") == "d"


def routes(router: Router) -> None:
    async def inspect(request: Request) -> Any:
        request.merge({"votes": 0}).merge_if_missing({"votes": 5, "source": "web"})
        return {
            "url": request.url(),
            "full_url": request.full_url(),
            "without": request.full_url_without_query(["page"]),
            "method": request.method(),
            "is_post": request.method == "POST",
            "names": request.input("products.*.name"),
            "tags": request.collect("tags").all(),
            "none": request.collect("nothing").all(),
            "exists": request.exists("name"),
            "str": request.str("name"),
            "trimmed": request.string("padded").trim().upper(),
            "accepts": request.accepts(["text/html", "application/json"]),
            "prefers": request.prefers(["text/html", "application/json"]),
            "votes": request.input("votes"),
            "source": request.input("source"),
            "cookie": request.cookie("theme"),
        }

    async def store(request: Request) -> Any:
        request.flash_except("password")
        return redirect("/form")

    async def form(request: Request) -> Any:
        return {"title": request.old("title"), "password": request.old("password", "none")}

    router.post("/inspect", inspect)
    router.post("/store", store)
    router.post("/only", lambda request: (request.flash_only(["title"]), redirect("/form"))[1])
    router.post("/again", lambda: redirect("/form").with_input())
    router.get("/form", form)
    router.get("/users/{user}", lambda user: user).name("users.show")
    router.get("/go", lambda: redirect().route("users.show", user=3))
    router.get("/to", lambda: to_route("users.show", user=4, status=303))
    router.get("/bad", lambda: redirect("/form").with_errors({"email": "Wrong email."}))
    router.get("/bag", lambda: redirect("/form").with_errors("Try again.", "login"))
    router.get(
        "/urls",
        lambda: {
            "segments": url("user/profile", [1, "x y"]),
            "query": url().query("/posts?sort=new", {"page": 2}),
        },
    )
    router.get(
        "/unsubscribe/{user}", lambda request: {"valid": request.has_valid_signature()}
    ).name("unsubscribe")


@pytest.fixture
async def client(make_app: Any) -> Any:
    test_client = TestClient(make_app(routes), base_url="http://testserver")
    yield test_client
    await test_client.aclose()


async def test_request_helpers(client: TestClient) -> None:
    response = (
        await client.with_cookie("theme", "dark")
        .with_header("Accept", "application/json")
        .post(
            "/inspect?page=2&q=x",
            data={
                "name": "Ann",
                "padded": " pad ",
                "products[0][name]": "A",
                "products[1][name]": "B",
                "tags[]": ["a", "b"],
            },
        )
    )
    response.assert_exact_json(
        {
            "url": "http://testserver/inspect",
            "full_url": "http://testserver/inspect?page=2&q=x",
            "without": "http://testserver/inspect?q=x",
            "method": "POST",
            "is_post": True,
            "names": ["A", "B"],
            "tags": ["a", "b"],
            "none": [],
            "exists": True,
            "str": "Ann",
            "trimmed": "PAD",
            "accepts": True,
            "prefers": "application/json",
            "votes": 0,
            "source": "web",
            "cookie": "dark",
        }
    )


async def test_flash_and_old_input(client: TestClient) -> None:
    (await client.post("/store", data={"title": "Hi", "password": "secret"})).assert_redirect(
        "/form"
    )
    (await client.get("/form")).assert_exact_json({"title": "Hi", "password": "none"})
    await client.post("/only", data={"title": "Only", "password": "secret"})
    (await client.get("/form")).assert_exact_json({"title": "Only", "password": "none"})
    await client.post("/again", data={"title": "Again"})
    (await client.get("/form")).assert_exact_json({"title": "Again", "password": "none"})


async def test_redirect_helpers_take_route_parameters_as_keywords(client: TestClient) -> None:
    (await client.get("/go")).assert_redirect_to_route("users.show", user=3)
    (await client.get("/to")).assert_status(303).assert_location("/users/4")


async def test_with_errors_accepts_messages_and_bags(client: TestClient) -> None:
    (await client.get("/bad")).assert_session_has_errors({"email": "Wrong email."})
    (await client.get("/bag")).assert_session_has_errors(None, "login")


async def test_url_segments_query_and_url_facade(client: TestClient) -> None:
    (await client.get("/urls")).assert_exact_json(
        {
            "segments": "http://testserver/user/profile/1/x%20y",
            "query": "http://testserver/posts?sort=new&page=2",
        }
    )
    signed = URL.signed_route("unsubscribe", {"user": 1})
    (await client.get(signed)).assert_exact_json({"valid": True})
    (await client.get(signed + "0")).assert_exact_json({"valid": False})


async def test_date_takes_php_formats(make_app: Any, tmp_path: Any) -> None:
    from parvel.http import response

    views = tmp_path / "resources" / "views"
    views.mkdir(parents=True)
    (views / "hello.blade.html").write_text("Hello, {{ name }}")

    def dates(router: Router) -> None:
        router.get(
            "/date",
            lambda request: {
                "php": str(request.date("at", "Y-m-d H:i")),
                "time": str(request.date("time", "!H:i")),
                "python": str(request.date("day", "%d/%m/%Y")),
                "bad": request.date("day", "Y-m-d"),
            },
        )
        router.get(
            "/hello",
            lambda: (
                response().view("hello", {"name": "Ann"}, 201).header("Content-Type", "text/plain")
            ),
        )

    test_client = TestClient(make_app(dates), base_url="http://testserver")
    (
        await test_client.get(
            "/date", params={"at": "2024-01-02 10:30", "time": "09:15", "day": "03/04/2024"}
        )
    ).assert_exact_json(
        {
            "php": "2024-01-02 10:30:00",
            "time": "1900-01-01 09:15:00",
            "python": "2024-04-03 00:00:00",
            "bad": None,
        }
    )
    hello = await test_client.get("/hello")
    hello.assert_created().assert_header("Content-Type", "text/plain").assert_content("Hello, Ann")
    await test_client.aclose()


async def test_jsonp_stream_json_and_event_stream(make_app: Any) -> None:
    from parvel.http import StreamedEvent, response

    async def users() -> Any:
        for name in ("Ann", "Bob"):
            yield {"name": name}

    def streams(router: Router) -> None:
        router.get(
            "/jsonp",
            lambda request: response().json({"a": 1}).with_callback(request.input("callback")),
        )
        router.get("/stream-json", lambda: response().stream_json({"total": 2, "users": users()}))

        def events() -> Any:
            yield "hello"
            yield {"n": 1}
            yield StreamedEvent(event="done", data="bye")

        router.get("/events", lambda: response().event_stream(events))

    test_client = TestClient(make_app(streams), base_url="http://testserver")
    jsonp = await test_client.get("/jsonp", params={"callback": "app.cb"})
    jsonp.assert_content('/**/app.cb({"a":1});').assert_header_contains(
        "Content-Type", "javascript"
    )
    (await test_client.get("/jsonp")).assert_exact_json({"a": 1})
    streamed = await test_client.get("/stream-json")
    streamed.assert_streamed().assert_exact_json(
        {"total": 2, "users": [{"name": "Ann"}, {"name": "Bob"}]}
    )
    sse = await test_client.get("/events")
    sse.assert_header_contains("Content-Type", "text/event-stream").assert_streamed_content(
        "event: update\ndata: hello\n\n"
        'event: update\ndata: {"n":1}\n\n'
        "event: done\ndata: bye\n\n"
        "event: update\ndata: </stream>\n\n"
    )
    await test_client.aclose()


async def test_cookie_helper_makes_cookies(make_app: Any) -> None:
    from parvel.http import cookie, response

    def routes_(router: Router) -> None:
        router.get("/made", lambda: response("Hi").cookie(cookie("name", "value", 60)))

        def queue() -> Any:
            cookie().queue(cookie("queued", "yes", 10))
            return "queued"

        router.get("/queued", queue)

    test_client = TestClient(make_app(routes_))
    (await test_client.get("/made")).assert_cookie("name", "value").assert_cookie_not_expired(
        "name"
    )
    (await test_client.get("/queued")).assert_cookie("queued", "yes")
    await test_client.aclose()


async def test_download_can_delete_the_file_after_send(make_app: Any, tmp_path: Any) -> None:
    from parvel.http import response

    export = tmp_path / "export.csv"
    export.write_text("a,b\n")

    def routes_(router: Router) -> None:
        router.get("/export", lambda: response().download(export).delete_file_after_send())

    test_client = TestClient(make_app(routes_))
    (await test_client.get("/export")).assert_download("export.csv").assert_content("a,b\n")
    assert not export.exists()
    await test_client.aclose()


async def test_response_macros(make_app: Any) -> None:
    from parvel.http import Response, ResponseFactory, response

    ResponseFactory.macro("caps", lambda value: Response(value.upper()))
    try:
        test_client = TestClient(
            make_app(lambda router: router.get("/caps", lambda: response().caps("foo")))
        )
        (await test_client.get("/caps")).assert_content("FOO")
        assert ResponseFactory.has_macro("caps")
        with pytest.raises(AttributeError, match=r"no method or macro \[nope\]"):
            response().nope()
        await test_client.aclose()
    finally:
        ResponseFactory.flush_macros()
