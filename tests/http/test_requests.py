from datetime import datetime
from enum import Enum
from typing import Any

import pytest

from parvel.http import Request, UploadedFile
from parvel.routing import Router


class Color(Enum):
    RED = "red"


def build(router: Router, seen: dict[str, Any]) -> None:
    async def inspect(request: Request) -> str:
        seen["request"] = request
        return "ok"

    router.any("/inspect/{id?}", inspect).name("inspect")


async def test_input_helpers(make_app, client) -> None:
    seen: dict[str, Any] = {}
    app = make_app(lambda router: build(router, seen))
    async with client(app) as http:
        await http.post(
            "/inspect/9?page=2&tags[]=a&tags[]=b",
            json={
                "user": {"name": "Ann", "age": "41"},
                "agree": "yes",
                "when": "2024-05-01",
                "color": "red",
                "blank": " ",
                "n": "12abc",
            },
        )
    request: Request = seen["request"]
    assert request.input("user.name") == "Ann"
    assert request.input("page") == "2"
    assert request.query("tags") == ["a", "b"]
    assert request.json("user.age") == "41"
    assert request.integer("user.age") == 41
    assert request.integer("n", 7) == 7
    assert request.integer("missing", 5) == 5
    assert request.float("user.name", 1.5) == 1.5
    assert request.boolean("agree") is True
    assert request.boolean("nothing") is False
    assert request.date("when") == datetime(2024, 5, 1)
    assert request.date("user.name") is None
    assert request.enum("color", Color) is Color.RED
    assert request.enum("agree", Color) is None
    assert request.has("user", "page")
    assert not request.has("user", "nope")
    assert request.has_any("nope", "page")
    assert request.filled("user")
    assert not request.filled("blank") or request.input("blank") is None
    assert request.missing("nope")
    assert request.only("page", "agree") == {"page": "2", "agree": "yes"}
    assert "user" not in request.except_("user")
    assert request.route("id") == "9"
    assert request.route().get_name() == "inspect"
    assert request.route_is("insp*")
    assert request.is_("inspect/*")
    assert request.path() == "inspect/9"
    assert request.is_json()
    assert request.string("user.age") == "41"


async def test_form_and_files(make_app, client, tmp_path) -> None:
    seen: dict[str, Any] = {}
    app = make_app(lambda router: build(router, seen))
    async with client(app) as http:
        await http.post(
            "/inspect",
            data={"name": "Bob", "user[city]": "Oslo"},
            files={"avatar": ("me.png", b"\x89PNG data", "image/png")},
        )
    request: Request = seen["request"]
    assert request.input("name") == "Bob"
    assert request.input("user.city") == "Oslo"
    avatar = request.file("avatar")
    assert isinstance(avatar, UploadedFile)
    assert request.has_file("avatar")
    assert avatar.client_original_name() == "me.png"
    assert avatar.extension() == "png"
    path = await avatar.store("avatars")
    assert path.startswith("avatars/")
    assert (tmp_path / "storage" / "app" / path).read_bytes() == b"\x89PNG data"
    named = await avatar.store_as("avatars", "../../escape.png")
    assert named == "avatars/escape.png"
    assert avatar.get_client_original_name() == "me.png"
    assert avatar.get_client_original_extension() == "png"
    assert avatar.get_size() == len(b"\x89PNG data")
    assert avatar.get_mime_type() == "image/png"
    assert (await avatar.store_publicly("public", disk="local")).startswith("public/")
    with pytest.raises(ValueError, match=r"Disk \[s3\] is not available"):
        await avatar.store("avatars", disk="s3")


async def test_negotiation_and_headers(make_app, client) -> None:
    seen: dict[str, Any] = {}
    app = make_app(lambda router: build(router, seen))
    async with client(app) as http:
        await http.get(
            "/inspect",
            headers={
                "accept": "application/json",
                "authorization": "Bearer tok",
                "x-requested-with": "XMLHttpRequest",
            },
        )
    request: Request = seen["request"]
    assert request.wants_json()
    assert request.expects_json()
    assert request.ajax()
    assert request.bearer_token() == "tok"
    assert request.accepts("application/json")
    assert not request.accepts_html()
    assert request.ip() == "127.0.0.1"
    assert request.user() is None
    from parvel.session import Store

    assert isinstance(request.session, Store)  # web routes start a session
    assert request.route("id") is None


async def test_odd_input_never_raises(make_app, client) -> None:
    seen: dict[str, Any] = {}
    app = make_app(lambda router: build(router, seen))
    async with client(app) as http:
        response = await http.post("/inspect", json=[1, 2, 3])
        assert response.status_code == 200
        response = await http.post(
            "/inspect",
            content=b"\xff\xfe",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert response.status_code in (200, 400)
    request: Request = seen["request"]
    assert request.integer("x") == 0
    assert request.date("x") is None
    assert request.boolean("x") is False


async def test_more_laravel_request_helpers(make_app, client) -> None:
    seen: dict[str, Any] = {}
    app = make_app(lambda router: build(router, seen))
    async with client(app) as http:
        await http.get(
            "/inspect?colors[]=red&colors[]=blue&page=2&utm=x&blank=",
            headers={"accept": "text/html;q=0.5, application/json"},
        )
    request: Request = seen["request"]
    assert request.enums("colors", Color) == [Color.RED]
    assert request.when_has("page", lambda v: f"page {v}") == "page 2"
    assert request.when_filled("blank", lambda v: "filled", lambda: "empty") == "empty"
    assert request.when_missing("nope", lambda: "missing") == "missing"
    request.merge_if_missing({"page": "9", "extra": "1"})
    assert (request.input("page"), request.input("extra")) == ("2", "1")
    assert request.full_url_with_query({"page": 3}).endswith("page=3&utm=x&blank=")
    assert "utm" not in request.full_url_without_query("utm")
    assert request.http_host() == "testserver"
    assert request.scheme_and_http_host() == "http://testserver"
    assert request.get_acceptable_content_types() == ["application/json", "text/html"]
    assert request.prefers("text/html", "application/json") == "application/json"
    assert request.prefers("json") == "json"
    assert request.prefers("image/png") is None
