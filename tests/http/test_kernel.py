from typing import Any

from parvel.http import JsonResponse, Request, abort, request_id
from parvel.routing import Router


async def test_hello_world_text_json_and_params(make_app, client) -> None:
    async def hello() -> str:
        return "Hello"

    async def show(post: int, request: Request) -> dict[str, Any]:
        return {"post": post, "q": request.query("q")}

    def routes(router: Router) -> None:
        router.get("/", hello)
        router.get("/posts/{post}", show).name("posts.show")
        router.get("/sync", lambda: {"sync": True})

    app = make_app(routes)
    async with client(app) as http:
        response = await http.get("/")
        assert response.status_code == 200
        assert response.text == "Hello"
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["x-request-id"]
        response = await http.get("/posts/5?q=x")
        assert response.json() == {"post": 5, "q": "x"}
        assert (await http.get("/posts/abc")).status_code == 404
        assert (await http.get("/sync")).json() == {"sync": True}
        head = await http.head("/")
        assert head.status_code == 200
        assert head.content == b""
        assert (await http.get("/up")).status_code == 200


async def test_405_with_allow_and_404(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.post("/only-post", lambda: "ok")

    app = make_app(routes)
    async with client(app) as http:
        response = await http.get("/only-post")
        assert response.status_code == 405
        assert response.headers["allow"] == "POST"
        response = await http.get("/missing")
        assert response.status_code == 404
        assert "Not Found" in response.text
        response = await http.get("/missing", headers={"accept": "application/json"})
        assert response.json() == {"message": "The route missing could not be found."}
        response = await http.request("BREW", "/only-post")
        assert response.status_code == 405


async def test_errors_json_for_api_html_for_web_and_debug(make_app, client) -> None:
    async def boom() -> None:
        raise RuntimeError("secret detail")

    async def forbidden() -> None:
        abort(403, "No entry.")

    def routes(router: Router) -> None:
        router.get("/boom", boom)
        router.get("/forbidden", forbidden)

    def api(router: Router) -> None:
        router.get("/boom", boom)

    app = make_app(routes, api_routes=api)
    async with client(app) as http:
        response = await http.get("/boom")
        assert response.status_code == 500
        assert "secret detail" not in response.text
        assert "Server Error" in response.text
        response = await http.get("/api/boom")
        assert response.json() == {"message": "Server Error"}
        response = await http.get("/forbidden", headers={"accept": "application/json"})
        assert response.status_code == 403
        assert response.json() == {"message": "No entry."}
    debug = make_app(routes, config={"app.debug": True})
    async with client(debug) as http:
        response = await http.get("/boom")
        assert response.status_code == 500
        assert "secret detail" in response.text
        assert "raise RuntimeError" in response.text


async def test_bad_input(make_app, client) -> None:
    async def store(request: Request) -> dict[str, Any]:
        return request.all()

    def routes(router: Router) -> None:
        router.post("/store", store)

    app = make_app(routes, config={"http.max_body_size": 1024})
    async with client(app) as http:
        response = await http.post(
            "/store", content=b"{bad json", headers={"content-type": "application/json"}
        )
        assert response.status_code == 400
        assert "Malformed JSON" in response.json()["message"]
        response = await http.post("/store", json={"a": " x "})
        assert response.json() == {"a": "x"}
        response = await http.post(
            "/store", content=b"x" * 5000, headers={"content-type": "application/json"}
        )
        assert response.status_code == 413
        response = await http.get("/%E0%A4%A")
        assert response.status_code == 400
        response = await http.get("/" + "a" * 9000)
        assert response.status_code == 400


async def test_request_id_helper(make_app, client) -> None:
    seen: list[str | None] = []

    async def handler() -> JsonResponse:
        seen.append(request_id())
        return JsonResponse({"ok": True})

    app = make_app(lambda router: router.get("/", handler))
    async with client(app) as http:
        response = await http.get("/", headers={"x-request-id": "abc-123"})
        assert response.headers["x-request-id"] == "abc-123"
        assert seen == ["abc-123"]
        response = await http.get("/", headers={"x-request-id": "bad id with spaces"})
        assert response.headers["x-request-id"] != "bad id with spaces"


async def test_client_disconnect_while_reading_body_is_a_400(make_app) -> None:
    async def store(request: Request) -> dict[str, Any]:
        return request.all()

    app = make_app(lambda router: router.post("/store", store))
    messages = [
        {"type": "http.request", "body": b'{"a":', "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/store",
        "raw_path": b"/store",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "http_version": "1.1",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/json"),
            (b"transfer-encoding", b"chunked"),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    assert sent[0]["status"] == 400


async def test_nul_byte_and_unknown_method_on_unknown_path(make_app, client) -> None:
    app = make_app(lambda router: router.get("/", lambda: "home"))
    async with client(app) as http:
        assert (await http.get("/a%00b")).status_code == 400
        assert (await http.request("BREW", "/nowhere")).status_code == 405
        assert (await http.get("/a//b")).status_code == 404


async def test_current_route_through_the_facade(make_app, client) -> None:
    from parvel.routing import Route

    async def where() -> dict[str, Any]:
        return {
            "name": Route.current_route_name(),
            "is_admin": Route.is_("admin.*"),
            "action": Route.current_route_action(),
        }

    app = make_app(lambda router: router.get("/admin/where", where).name("admin.where"))
    async with client(app) as http:
        data = (await http.get("/admin/where")).json()
    assert data["name"] == "admin.where"
    assert data["is_admin"] is True
    assert data["action"].endswith("where")
    assert Route.current() is None
    assert Route.has("admin.where", "health")


async def test_unknown_paths_under_the_api_prefix_get_json_errors(make_app, client) -> None:
    app = make_app(api="from parvel.routing import Route\nRoute.get('/items', lambda: [])\n")
    async with client(app) as http:
        assert (await http.get("/api/items")).json() == []
        missing = await http.get("/api/nothing")
        assert (missing.status_code, missing.json()) == (
            404,
            {"message": "The route api/nothing could not be found."},
        )
        assert "<html" in (await http.get("/nothing")).text


async def test_405_message_names_method_and_route(make_app, client) -> None:
    app = make_app(lambda router: router.post("/photos", lambda: "ok"))
    async with client(app) as http:
        response = await http.get("/photos", headers={"accept": "application/json"})
    assert response.json() == {
        "message": "The GET method is not supported for route photos. Supported methods: POST."
    }


async def test_form_method_spoofing(make_app, client) -> None:
    async def update(request: Request) -> dict[str, Any]:
        return {"method": request.method, "real": request.scope.get("parvel.real_method")}

    app = make_app(lambda router: router.put("/posts/1", update))
    async with client(app) as http:
        response = await http.post("/posts/1", data={"_method": "PUT", "title": "x"})
        assert response.json() == {"method": "PUT", "real": "POST"}
        header = await http.post("/posts/1", headers={"x-http-method-override": "put"})
        assert header.json()["method"] == "PUT"
        assert (await http.post("/posts/1", data={"_method": "TRACE"})).status_code == 405


async def test_enum_and_explicit_bindings(make_app, client) -> None:
    from enum import Enum

    class Category(Enum):
        FRUITS = "fruits"
        PEOPLE = "people"

    async def category(category: Category) -> str:
        return category.name

    async def user(user: Any) -> dict[str, Any]:
        return user

    def routes(router: Router) -> None:
        router.bind("user", lambda value: {"id": value} if value == "7" else None)
        router.get("/categories/{category}", category)
        router.get("/users/{user}", user)

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/categories/fruits")).text == "FRUITS"
        assert (await http.get("/categories/cars")).status_code == 404
        assert (await http.get("/users/7")).json() == {"id": "7"}
        assert (await http.get("/users/8")).status_code == 404


async def test_chunked_multipart_over_the_limit_is_413(make_app) -> None:
    async def store(request: Request) -> dict[str, Any]:
        return {"ok": True}

    app = make_app(
        lambda router: router.post("/upload", store), config={"http.max_body_size": 1000}
    )
    boundary = b"xyz"
    body = (
        b'--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + b"a" * 5000 + b"\r\n--xyz--\r\n"
    )
    chunks = [body[i : i + 512] for i in range(0, len(body), 512)]
    messages = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    messages.append({"type": "http.request", "body": b"", "more_body": False})
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/upload",
        "raw_path": b"/upload",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "http_version": "1.1",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"multipart/form-data; boundary=" + boundary),
            (b"transfer-encoding", b"chunked"),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    assert sent[0]["status"] == 413


async def test_odd_request_shapes_never_500(make_app) -> None:
    async def echo(request: Request) -> dict[str, Any]:
        return {"q": request.query("q"), "all": request.all(), "cookie": request.cookie("a")}

    def routes(router: Router) -> None:
        router.get("/echo", echo)
        router.post("/echo", echo)

    app = make_app(routes)

    async def call(
        method: str, query: bytes, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> int:
        sent: list[dict[str, Any]] = []
        messages = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": method,
            "path": "/echo",
            "raw_path": b"/echo",
            "query_string": query,
            "root_path": "",
            "scheme": "http",
            "http_version": "1.1",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("testserver", 80),
        }
        await app(scope, receive, send)
        return int(sent[0]["status"])

    host = (b"host", b"testserver")
    assert await call("GET", b"q=%zz&%ff=1", [host], b"") == 200
    assert await call("GET", b"", [host, (b"cookie", b"a=\xff; ;;=b")], b"") == 200
    assert await call("GET", b"", [(b"host", b"[")], b"") in (200, 400)
    form = (b"content-type", b"multipart/form-data")  # no boundary
    assert await call("POST", b"", [host, form, (b"content-length", b"3")], b"abc") == 400
    json_type = (b"content-type", b"application/json")
    deep = b"[" * 5000 + b"]" * 5000
    assert await call(
        "POST", b"", [host, json_type, (b"content-length", str(len(deep)).encode())], deep
    ) in (200, 400)
    bad_length = (b"content-length", b"abc")
    assert await call("POST", b"", [host, json_type, bad_length], b"{}") == 400
