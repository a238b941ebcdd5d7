import asyncio
from typing import Any

from parvel.routing import Router


async def test_static_files_and_traversal(make_app, client, tmp_path) -> None:
    public = tmp_path / "public"
    (public / "css").mkdir(parents=True)
    (public / "css" / "app.css").write_text("body{}")
    (public / ".env").write_text("SECRET=1")
    (tmp_path / "secret.txt").write_text("top secret")
    app = make_app(lambda router: router.get("/", lambda: "home"))
    async with client(app) as http:
        css = await http.get("/css/app.css")
        assert (css.status_code, css.text) == (200, "body{}")
        assert css.headers["content-type"].startswith("text/css")
        assert (await http.get("/../secret.txt")).status_code == 404
        assert (await http.get("/css/../../secret.txt")).status_code == 404
        assert (await http.get("/%2e%2e/secret.txt")).status_code == 404
        assert (await http.get("/.env")).status_code == 404
        assert (await http.get("/css")).status_code == 404
        assert (await http.post("/css/app.css")).status_code == 404


async def test_static_files_off_in_production(make_app, client, tmp_path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "robots.txt").write_text("ok")
    app = make_app(lambda router: router.get("/", lambda: "home"), config={"app.env": "production"})
    async with client(app) as http:
        assert (await http.get("/robots.txt")).status_code == 404


async def test_lifespan_shutdown_terminates_the_app(make_app) -> None:
    terminated: list[bool] = []
    app = make_app(lambda router: router.get("/", lambda: "home"))
    app.terminating(lambda: terminated.append(True))
    messages = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asyncio.wait_for(app({"type": "lifespan"}, receive, send), 5)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert terminated == [True]


async def test_health_route_and_options(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/items", lambda: "list")
        router.post("/items", lambda: "made")

    app = make_app(routes)
    async with client(app) as http:
        up = await http.get("/up")
        assert up.status_code == 200
        assert "Application up" in up.text
        options = await http.options("/items")
        assert options.status_code == 200
        assert options.headers["allow"] == "GET, HEAD, POST"


async def test_websocket_is_refused(make_app) -> None:
    app = make_app(lambda router: router.get("/", lambda: "home"))
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app({"type": "websocket", "path": "/", "headers": []}, receive, send)
    assert sent == [{"type": "websocket.close", "code": 1000}]


async def test_static_files_win_over_the_fallback_route(make_app, client, tmp_path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "robots.txt").write_text("User-agent: *")

    def routes(router: Router) -> None:
        router.get("/", lambda: "home")
        router.fallback(lambda: "fallback")

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/robots.txt")).text == "User-agent: *"
        assert (await http.get("/anything/else")).text == "fallback"
        assert (await http.post("/anything/else")).status_code == 404
