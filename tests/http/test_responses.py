from dataclasses import dataclass
from typing import Any

import pytest

from parvel.http import (
    JsonResponse,
    Request,
    back,
    redirect,
    response,
    route,
    url,
)
from parvel.routing import Router


@dataclass
class Point:
    x: int
    y: int


class Model:
    def to_dict(self) -> dict[str, Any]:
        return {"id": 1}


class Collection:
    def to_list(self) -> list[Any]:
        return [{"id": 1}, {"id": 2}]


async def test_return_value_conversion(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/dict", lambda: {"a": 1})
        router.get("/list", lambda: [1, 2])
        router.get("/none", lambda: None)
        router.get("/model", lambda: Model())
        router.get("/collection", lambda: Collection())
        router.get("/dataclass", lambda: Point(1, 2))
        router.get("/bytes", lambda: b"raw")
        router.get("/int", lambda: 42)

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/dict")).json() == {"a": 1}
        assert (await http.get("/list")).json() == [1, 2]
        none = await http.get("/none")
        assert none.status_code == 200
        assert none.content == b""
        assert (await http.get("/model")).json() == {"id": 1}
        assert (await http.get("/collection")).json() == [{"id": 1}, {"id": 2}]
        assert (await http.get("/dataclass")).json() == {"x": 1, "y": 2}
        assert (await http.get("/bytes")).headers["content-type"] == "application/octet-stream"
        assert (await http.get("/int")).text == "42"


async def test_response_builders(make_app, client, tmp_path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("report body")

    async def chunks() -> Any:
        for part in ("a", "b", "c"):
            yield part

    def routes(router: Router) -> None:
        router.get("/made", lambda: response("Created", 201, {"X-A": "1"}))
        router.get("/json", lambda: response().json({"ok": True}, 202))
        router.get("/download", lambda: response().download(report, "r.txt"))
        router.get("/inline", lambda: response().file(report))
        router.get("/stream", lambda: response().stream(chunks(), media_type="text/plain"))
        router.get("/stream-dl", lambda: response().stream_download(chunks(), "abc.txt"))
        router.get("/empty", lambda: response().no_content())
        router.get(
            "/fluent",
            lambda: JsonResponse({"a": 1}).header("X-B", "2").cookie("flavor", "mint", minutes=5),
        )

    app = make_app(routes)
    async with client(app) as http:
        made = await http.get("/made")
        assert (made.status_code, made.text, made.headers["x-a"]) == (201, "Created", "1")
        assert (await http.get("/json")).status_code == 202
        download = await http.get("/download")
        assert download.text == "report body"
        assert 'attachment; filename="r.txt"' in download.headers["content-disposition"]
        assert "inline" in (await http.get("/inline")).headers["content-disposition"]
        assert (await http.get("/stream")).text == "abc"
        assert "abc.txt" in (await http.get("/stream-dl")).headers["content-disposition"]
        assert (await http.get("/empty")).status_code == 204
        fluent = await http.get("/fluent")
        assert fluent.headers["x-b"] == "2"
        assert _cookie_value(app, _set_cookie(fluent, "flavor")) == ("flavor", "mint")
        assert "Max-Age=300" in fluent.headers["set-cookie"]


async def test_redirects_and_urls(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/posts/{post}", lambda post: post).name("posts.show")
        router.get("/go", lambda: redirect().route("posts.show", 3))
        router.get("/to", lambda: redirect("/somewhere").with_("status", "saved"))
        router.get("/back", lambda: back())
        router.get("/away", lambda: redirect().away("https://example.org"))
        router.get(
            "/urls",
            lambda: {
                "route": route("posts.show", 5),
                "url": url("/x"),
                "previous": url().previous(),
                "current": url().current(),
            },
        )
        router.redirect("/old", "/new", 301)
        router.permanent_redirect("/older", "/new")

    app = make_app(routes)
    async with client(app) as http:
        go = await http.get("/go")
        assert (go.status_code, go.headers["location"]) == (302, "http://testserver/posts/3")
        assert (await http.get("/to")).headers["location"] == "http://testserver/somewhere"
        same = await http.get("/back", headers={"referer": "http://testserver/form"})
        assert same.headers["location"] == "http://testserver/form"
        other = await http.get("/back", headers={"referer": "https://evil.test/x"})
        # a foreign Referer is ignored; the session's previous page (the last GET) is used
        assert other.headers["location"] == "http://testserver/back"
        assert (await http.get("/away")).headers["location"] == "https://example.org"
        urls = (await http.get("/urls", headers={"referer": "http://testserver/prev"})).json()
        assert urls == {
            "route": "http://testserver/posts/5",
            "url": "http://testserver/x",
            "previous": "http://testserver/prev",
            "current": "http://testserver/urls",
        }
        old = await http.get("/old")
        assert (old.status_code, old.headers["location"]) == (301, "http://testserver/new")
        assert (await http.post("/older")).status_code == 301


async def test_signed_routes(make_app, client) -> None:
    async def unsubscribe(user: int) -> str:
        return f"unsubscribed {user}"

    def routes(router: Router) -> None:
        router.get("/unsubscribe/{user}", unsubscribe).name("unsubscribe").middleware("signed")
        router.get("/rel/{user}", unsubscribe).name("rel").middleware("signed:relative")

    app = make_app(routes)
    urls = app.make("url")
    async with client(app) as http:
        signed = urls.signed_route("unsubscribe", 4)
        assert (await http.get(signed)).text == "unsubscribed 4"
        assert (await http.get(signed.replace("/4", "/5"))).status_code == 403
        assert (await http.get("/unsubscribe/4")).status_code == 403
        expired = urls.temporary_signed_route("unsubscribe", -5, 4)
        assert (await http.get(expired)).status_code == 403
        relative = urls.signed_route("rel", 4, absolute=False)
        assert (await http.get(relative)).text == "unsubscribed 4"


async def test_queued_cookies(make_app, client) -> None:
    async def set_cookie(request: Request) -> str:
        request_jar = app.make("cookie")
        request_jar.queue("theme", "dark", 60)
        return "ok"

    app = make_app(lambda router: router.get("/", set_cookie))
    async with client(app) as http:
        response_ = await http.get("/")
        theme = _set_cookie(response_, "theme")
        assert _cookie_value(app, theme) == ("theme", "dark")
        assert "dark" not in theme
        assert "Max-Age=3600" in theme
        second = await http.get("/")
        themes = [c for c in second.headers.get_list("set-cookie") if c.startswith("theme=")]
        assert len(themes) == 1  # queued cookies belong to one request


async def test_cookies_are_encrypted_and_bound_to_their_name(make_app, client) -> None:
    async def handler(request: Request) -> dict[str, Any]:
        app.make("cookie").queue("theme", "dark")
        return {
            "theme": request.cookie("theme"),
            "plain": request.cookie("plain"),
            "other": request.cookie("other"),
        }

    app = make_app(
        lambda router: router.get("/", handler),
        middleware=lambda m: m.encrypt_cookies(except_=["plain"]),
    )
    async with client(app) as http:
        first = await http.get("/")
        header = _set_cookie(first, "theme")
        assert "dark" not in header
        assert _cookie_value(app, header) == ("theme", "dark")
        encrypted = header.split("=", 1)[1].split(";", 1)[0]
        http.cookies.set("plain", "visible")
        second = await http.get("/")
        assert second.json() == {"theme": "dark", "plain": "visible", "other": None}
        http.cookies.set("other", encrypted)  # a value moved to another cookie does not decrypt
        assert (await http.get("/")).json()["other"] is None
        http.cookies.set("theme", "tampered")
        assert (await http.get("/")).json()["theme"] is None


def test_status_helpers() -> None:
    from parvel.http import RedirectResponse, Response

    ok = Response("x")
    assert ok.status() == 200
    assert ok.is_ok()
    assert ok.is_successful()
    assert not ok.is_client_error()
    missing = Response("x", 404)
    assert missing.is_not_found()
    assert missing.is_client_error()
    assert Response("x", 403).is_forbidden()
    assert Response("x", 503).is_server_error()
    assert RedirectResponse("/a").is_redirect()
    assert Response("x").set_status(201).status() == 201


class _View:
    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self.name, self.data = name, data

    def render(self) -> str:
        return f"<p>{self.name}: {self.data}</p>"


class _Views:
    def exists(self, name: str) -> bool:
        return True

    def make(self, name: str, data: Any = None) -> _View:
        return _View(name, dict(data or {}))


async def test_views_through_a_bound_renderer(make_app, client) -> None:
    from parvel.http._context import get_app

    def routes(router: Router) -> None:
        get_app().instance("view", _Views())  # what the view component's provider binds
        router.view("/welcome", "welcome", {"name": "Taylor"})
        router.get("/made", lambda: response().view("posts.index", {"n": 1}, 201))

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/welcome")).text == "<p>welcome: {'name': 'Taylor'}</p>"
        made = await http.get("/made")
        assert (made.status_code, made.text) == (201, "<p>posts.index: {'n': 1}</p>")


async def test_view_route_without_renderer_fails_at_boot(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parvel.foundation import application
    from parvel.http import HttpConfigurationError

    monkeypatch.setattr(
        application,
        "CORE_PROVIDERS",
        [p for p in application.CORE_PROVIDERS if "ViewServiceProvider" not in p],
    )
    with pytest.raises(HttpConfigurationError, match="needs a view renderer"):
        make_app(lambda router: router.view("/welcome", "welcome"))


async def test_view_route_renders_blade(make_app, client, tmp_path) -> None:
    views = tmp_path / "resources" / "views"
    views.mkdir(parents=True)
    (views / "welcome.blade.html").write_text("<h1>Hello {{ name }}</h1>")
    app = make_app(lambda router: router.view("/welcome", "welcome", {"name": "Ann"}))
    async with client(app) as http:
        response = await http.get("/welcome")
    assert response.status_code == 200
    assert response.text == "<h1>Hello Ann</h1>"


def _cookie_value(app, header: str) -> tuple[str, str]:
    """Decrypt a Set-Cookie header's value with the app's encrypter (cookies are encrypted)."""
    name, _, rest = header.partition("=")
    value = rest.split(";", 1)[0]
    return name, app.make("encrypter").decrypt_string(value, purpose=f"cookie:{name}")


def _set_cookie(response, name: str) -> str:
    """The Set-Cookie header for ``name``."""
    return next(c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}="))


async def test_url_defaults_action_and_request_signature(make_app, client) -> None:
    class ShowPost:
        async def show(self, locale: str, post: int) -> dict[str, Any]:
            return {"locale": locale, "post": post}

    async def check(request: Request) -> dict[str, bool]:
        return {
            "valid": request.has_valid_signature(),
            "relative": request.has_valid_relative_signature(),
            "ignoring": request.has_valid_signature_while_ignoring("utm"),
        }

    def routes(router: Router) -> None:
        router.get("/{locale}/posts/{post}", [ShowPost, "show"]).name("posts.show")
        router.get("/check", check).name("check")
        router.get("/go", lambda: redirect().action([ShowPost, "show"], {"post": 3}))

    app = make_app(routes)
    urls = app.make("url")
    urls.defaults({"locale": "en"})
    assert urls.route("posts.show", {"post": 5}) == "http://testserver/en/posts/5"
    assert urls.action([ShowPost, "show"], {"post": 2, "locale": "fr"}) == (
        "http://testserver/fr/posts/2"
    )
    async with client(app) as http:
        assert (await http.get("/go")).headers["location"] == "http://testserver/en/posts/3"
        signed = urls.signed_route("check")
        assert (await http.get(signed)).json() == {
            "valid": True,
            "relative": False,
            "ignoring": True,
        }
        tampered = (await http.get(signed + "&utm=x")).json()
        assert tampered == {"valid": False, "relative": False, "ignoring": True}
        relative = urls.signed_route("check", absolute=False)
        assert (await http.get(relative)).json()["relative"] is True


async def test_helpers_use_the_app_serving_the_request(make_app, client, tmp_path) -> None:
    from parvel.foundation import Application

    def routes(router: Router) -> None:
        router.get("/a-home", lambda: "a").name("home")
        router.get("/link", lambda: route("home"))

    first = make_app(routes)
    second = Application(base_path=tmp_path / "second")
    second.config.set({"app.url": "http://second.test"})
    second.settings["routing"] = {
        "then": lambda app: app.make("router").get("/b-home", lambda: "b").name("home")
    }
    second.bootstrap()  # booted last: the module-level fallback now points at it
    async with client(first) as http:
        assert (await http.get("/link")).text == "http://testserver/a-home"


class _Session:
    """What the session component will put at scope["session"] (the contract HTTP uses)."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {"_previous.url": "http://testserver/form"}
        self.flashed: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def pull(self, key: str, default: Any = None) -> Any:
        return self.data.pop(key, default)

    def flash(self, key: str, value: Any) -> None:
        self.flashed[key] = value

    def flash_input(self, values: dict[str, Any]) -> None:
        self.flashed["_old_input"] = values


async def test_redirects_against_a_session(make_app, client) -> None:
    session = _Session()

    class StartSession:
        async def handle(self, request: Request, next: Any) -> Any:
            request.scope["session"] = session
            return await next(request)

    def routes(router: Router) -> None:
        with router.middleware(StartSession).group():
            router.post(
                "/save",
                lambda request: back().with_("status", "Saved!").with_input(request.all()),
            )
            router.get("/intended", lambda: redirect().intended("/home"))
            router.get("/previous", lambda: url().previous())

    app = make_app(routes)
    async with client(app) as http:
        saved = await http.post("/save", data={"title": "x"})
        assert saved.headers["location"] == "http://testserver/form"
        assert session.flashed == {"status": "Saved!", "_old_input": {"title": "x"}}
        session.data["url.intended"] = "http://testserver/secret"
        assert (await http.get("/intended")).headers["location"] == "http://testserver/secret"
        assert (await http.get("/intended")).headers["location"] == "http://testserver/home"
        assert (await http.get("/previous")).text == "http://testserver/form"


async def test_stream_callbacks_cookie_helper_and_report(make_app, client, caplog) -> None:
    from parvel.http import cookie, report

    def generate() -> Any:
        yield "x"
        yield "y"

    async def handler() -> str:
        cookie().queue("seen", "1", 10)
        await report(RuntimeError("noted, not fatal"))
        return "ok"

    def routes(router: Router) -> None:
        router.get("/gen", lambda: response().stream(generate))
        router.get("/dl", lambda: response().stream_download(generate, "xy.txt"))
        router.get("/helper", handler)

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/gen")).text == "xy"
        assert (await http.get("/dl")).text == "xy"
        caplog.clear()
        helper = await http.get("/helper")
        assert helper.text == "ok"
        assert _cookie_value(app, _set_cookie(helper, "seen")) == ("seen", "1")
        assert any("noted, not fatal" in r.getMessage() for r in caplog.records)
