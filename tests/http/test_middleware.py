import json
import time
from typing import Any

import pytest

from parvel.http import (
    Controller,
    ControllerMiddleware,
    HttpConfigurationError,
    Limit,
    MiddlewareConfig,
    RateLimiter,
    Request,
    Response,
)
from parvel.http.middleware import GZip, SecurityHeaders
from parvel.routing import Router

calls: list[str] = []


class Tag:
    async def handle(self, request: Request, next: Any, *params: str) -> Response:
        calls.append("tag:" + ",".join(params))
        response = await next(request)
        response.headers["x-tag"] = ",".join(params) or "none"
        return response


class Terminating:
    async def handle(self, request: Request, next: Any) -> Response:
        return await next(request)

    async def terminate(self, request: Request, response: Any) -> None:
        calls.append(f"terminate:{response.status_code}")


class First:
    async def handle(self, request: Request, next: Any) -> Response:
        calls.append("first")
        return await next(request)


class Second:
    async def handle(self, request: Request, next: Any) -> Response:
        calls.append("second")
        return await next(request)


class Blocker:
    async def handle(self, request: Request, next: Any) -> Response:
        return Response("blocked", 403)


@pytest.fixture(autouse=True)
def _reset() -> None:
    calls.clear()
    RateLimiter.clear_limiters()


async def ok() -> str:
    return "ok"


async def test_aliases_params_groups_priority_and_exclusion(make_app, client) -> None:
    def configure(middleware: MiddlewareConfig) -> None:
        middleware.alias({"tag": Tag, "first": First, "second": Second, "block": Blocker})
        middleware.group("both", ["second", "first"])
        middleware.priority([First, Second])

    def routes(router: Router) -> None:
        router.get("/tagged", ok).middleware("tag:a,b")
        router.get("/ordered", ok).middleware("both")
        with router.middleware("block").group():
            router.get("/blocked", ok)
            router.get("/free", ok).without_middleware("block")

    app = make_app(routes, middleware=configure)
    async with client(app) as http:
        response = await http.get("/tagged")
        assert response.headers["x-tag"] == "a,b"
        await http.get("/ordered")
        assert calls[-2:] == ["first", "second"]
        assert (await http.get("/blocked")).status_code == 403
        assert (await http.get("/free")).text == "ok"


async def test_terminable_middleware_runs_after_response(make_app, client) -> None:
    app = make_app(
        lambda router: router.get("/", ok).middleware(Terminating),
    )
    async with client(app) as http:
        await http.get("/")
    assert calls == ["terminate:200"]


async def test_unknown_alias_is_a_boot_error(make_app) -> None:
    with pytest.raises(HttpConfigurationError, match="Unknown middleware 'nope'"):
        make_app(lambda router: router.get("/", ok).middleware("nope"))


async def test_changing_middleware_after_boot_raises(make_app) -> None:
    app = make_app(lambda router: router.get("/", ok))
    with pytest.raises(HttpConfigurationError, match="after the HTTP kernel compiled"):
        app.make("http.middleware").append(Tag)


class AdminController(Controller):
    @classmethod
    def middleware(cls) -> list[Any]:
        return [First, ControllerMiddleware(Second, only=["store"])]

    async def index(self) -> str:
        return "index"

    async def store(self) -> str:
        return "store"


async def test_controller_middleware(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/admin", [AdminController, "index"])
        router.post("/admin", [AdminController, "store"])

    app = make_app(routes)
    async with client(app) as http:
        await http.get("/admin")
        assert calls == ["first"]
        calls.clear()
        await http.post("/admin")
        assert calls == ["first", "second"]


async def test_security_headers_and_gzip(make_app, client) -> None:
    async def big() -> str:
        return "x" * 2000

    def routes(router: Router) -> None:
        router.get("/big", big).middleware(GZip)

    app = make_app(
        routes, config={"http.security_headers": {"content_security_policy": "default-src 'self'"}}
    )
    async with client(app) as http:
        response = await http.get("/big", headers={"accept-encoding": "gzip"})
        assert response.headers["content-encoding"] == "gzip"
        assert response.text == "x" * 2000
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == "default-src 'self'"
        assert "strict-transport-security" not in response.headers
    secure = make_app(routes)
    async with client(secure) as http:
        http.base_url = "https://testserver"
        response = await http.get("https://testserver/big")
        assert "max-age" in response.headers["strict-transport-security"]
    assert SecurityHeaders


async def test_cors_preflight_and_simple(make_app, client) -> None:
    def api(router: Router) -> None:
        router.get("/items", ok)

    app = make_app(api_routes=api, config={"cors": {"allowed_origins": ["https://front.test"]}})
    async with client(app) as http:
        response = await http.options(
            "/api/items",
            headers={"origin": "https://front.test", "access-control-request-method": "GET"},
        )
        assert response.status_code == 204
        assert response.headers["access-control-allow-origin"] == "https://front.test"
        response = await http.get("/api/items", headers={"origin": "https://front.test"})
        assert response.headers["access-control-allow-origin"] == "https://front.test"
        response = await http.get("/api/items", headers={"origin": "https://evil.test"})
        assert "access-control-allow-origin" not in response.headers


async def test_throttle(make_app, client) -> None:
    RateLimiter.for_("tight", lambda request: Limit.per_minute(1).by(request.ip()))

    def routes(router: Router) -> None:
        router.get("/limited", ok).middleware("throttle:2,1")
        router.get("/named", ok).middleware("throttle:tight")

    app = make_app(routes)
    async with client(app) as http:
        first = await http.get("/limited")
        assert first.headers["x-ratelimit-remaining"] == "1"
        assert (await http.get("/limited")).status_code == 200
        blocked = await http.get("/limited")
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) > 0
        assert (await http.get("/named")).status_code == 200
        assert (await http.get("/named")).status_code == 429


def test_limit_constructors() -> None:
    assert Limit.per_minutes(5, 10).decay_seconds == 300
    assert Limit.per_minutes(5, 10).max_attempts == 10
    assert Limit.per_hour(100).decay_seconds == 3600


async def test_rate_limiter_by_hand(make_app) -> None:
    make_app(lambda router: None)  # the running app holds the store
    sent: list[str] = []

    async def send() -> None:
        sent.append("message")

    key = "send-message:7"
    assert await RateLimiter.attempt(key, 2, send) is True
    assert await RateLimiter.attempt(key, 2, lambda: "sent") == "sent"
    assert await RateLimiter.attempt(key, 2, send) is False
    assert sent == ["message"]
    assert await RateLimiter.too_many_attempts(key, 2)
    assert await RateLimiter.remaining(key, 5) == 3
    assert 0 < await RateLimiter.available_in(key) <= 60
    await RateLimiter.clear(key)
    assert await RateLimiter.attempts(key) == 0
    assert await RateLimiter.hit(key) == 1
    assert await RateLimiter.increment(key, amount=3) == 4
    assert await RateLimiter.decrement(key) == 3
    await RateLimiter.reset_attempts(key)
    assert await RateLimiter.retries_left(key, 1) == 1


async def test_undefined_named_limiter_is_reported(make_app, client) -> None:
    app = make_app(lambda router: router.get("/x", ok).middleware("throttle:missing"))
    async with client(app) as http:
        assert (await http.get("/x")).status_code == 500


async def test_maintenance_mode(make_app, client, tmp_path) -> None:
    app = make_app(lambda router: router.get("/", ok))
    down = tmp_path / "storage" / "framework" / "down"
    down.parent.mkdir(parents=True)
    down.write_text(
        json.dumps(
            {
                "secret": "let-me-in",
                "retry": 60,
                "refresh": 15,
                "status": 503,
                "redirect": None,
                "template": None,
                "time": int(time.time()),
            }
        )
    )
    kernel = app.make("http.kernel")
    for instance, _ in kernel.global_middleware:
        if hasattr(instance, "_checked"):
            instance._checked = -10.0
    async with client(app) as http:
        response = await http.get("/")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "60"
        assert response.headers["refresh"] == "15"
        assert "Service Unavailable" in response.text
        bypass = await http.get("/let-me-in")
        assert bypass.status_code == 302
        assert "parvel_maintenance" in bypass.headers["set-cookie"]
        assert (await http.get("/")).text == "ok"
        http.cookies.clear()
        http.cookies.set("parvel_maintenance", "123.forged")
        assert (await http.get("/")).status_code == 503


async def test_trusted_proxies(make_app, client) -> None:
    async def who(request: Request) -> dict[str, Any]:
        return {"ip": request.ip(), "secure": request.secure(), "host": request.host()}

    headers = {
        "x-forwarded-for": "203.0.113.9, 10.0.0.2",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "example.com",
    }
    untrusted = make_app(lambda router: router.get("/who", who))
    async with client(untrusted) as http:
        assert (await http.get("/who", headers=headers)).json()["ip"] == "127.0.0.1"
    trusted = make_app(
        lambda router: router.get("/who", who),
        middleware=lambda m: m.trust_proxies(at=["127.0.0.1", "10.0.0.0/8"]),
    )
    async with client(trusted) as http:
        data = (await http.get("/who", headers=headers)).json()
        assert data == {"ip": "203.0.113.9", "secure": True, "host": "example.com"}


async def test_trim_strings_and_empty_to_null(make_app, client) -> None:
    async def echo(request: Request) -> dict[str, Any]:
        return request.all()

    app = make_app(lambda router: router.post("/echo", echo))
    async with client(app) as http:
        data = (
            await http.post("/echo?q=+hi+", data={"name": "  Ann ", "empty": "", "password": " p "})
        ).json()
        assert data == {"q": "hi", "name": "Ann", "empty": None, "password": " p "}


async def test_fused_hooks_order_and_early_exit() -> None:
    from parvel.http.middleware._pipeline import chain
    from parvel.http.middleware.hooks import HookMiddleware

    log: list[str] = []

    class Hook(HookMiddleware):
        def __init__(self, name: str, stop: bool = False, fail: bool = False) -> None:
            self.name, self.stop, self.fail = name, stop, fail

        def before(self, request: Any) -> Response | None:
            log.append(f"before {self.name}")
            if self.fail:
                raise RuntimeError(self.name)
            return Response("early") if self.stop else None

        def after(self, request: Any, response: Response) -> Response:
            log.append(f"after {self.name}")
            return response

    async def core(request: Any) -> Response:
        log.append("core")
        return Response("core")

    async def render(request: Any, exc: Exception) -> Response:
        log.append(f"render {exc}")
        return Response("error", 500)

    pipeline = chain([(Hook("a"), ()), (Hook("b"), ())], core, render)
    assert (await pipeline(None)).body == b"core"
    assert log == ["before a", "before b", "core", "after b", "after a"]
    log.clear()
    pipeline = chain([(Hook("a"), ()), (Hook("b", stop=True), ()), (Hook("c"), ())], core, render)
    assert (await pipeline(None)).body == b"early"
    assert log == ["before a", "before b", "after a"]
    log.clear()
    pipeline = chain([(Hook("a"), ()), (Hook("b", fail=True), ()), (Hook("c"), ())], core, render)
    assert (await pipeline(None)).status_code == 500
    assert log == ["before a", "before b", "render b", "after a"]


async def test_terminate_runs_only_for_routes_using_the_middleware(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/with", ok).middleware(Terminating)
        router.get("/without", ok)

    app = make_app(routes)
    async with client(app) as http:
        await http.get("/without")
        assert calls == []
        await http.get("/with")
        assert calls == ["terminate:200"]


class EnsureUserHasRole:
    async def handle(self, request, next, role, *more):  # type: ignore[no-untyped-def]
        if request.header("X-Role") not in (role, *more):
            return Response("forbidden", 403)
        return await next(request)


async def test_class_middleware_with_parameters(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/edit", ok).middleware((EnsureUserHasRole, "editor"))
        router.get("/publish", ok).middleware([(EnsureUserHasRole, "editor", "publisher"), "web"])
        router.middleware((EnsureUserHasRole, "admin")).group(lambda: router.get("/admin", ok))

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/edit", headers={"x-role": "editor"})).status_code == 200
        assert (await http.get("/edit", headers={"x-role": "guest"})).status_code == 403
        assert (await http.get("/publish", headers={"x-role": "publisher"})).status_code == 200
        assert (await http.get("/admin", headers={"x-role": "editor"})).status_code == 403
        assert (await http.get("/admin", headers={"x-role": "admin"})).status_code == 200
