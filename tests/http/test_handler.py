from typing import Any

import pytest

from parvel.http import (
    ExceptionHandler,
    HttpException,
    JsonResponse,
    PageExpiredHttpException,
    abort,
    abort_if,
    abort_unless,
)
from parvel.http.exceptions import status_text
from parvel.routing import Router

reported: list[str] = []


class PaymentDeclined(Exception):
    pass


class SelfRendering(Exception):
    def render(self, request: Any) -> JsonResponse:
        return JsonResponse({"custom": True}, 418)


class Quiet(Exception):
    pass


class Invalid(Exception):
    status_code = 422

    def errors(self) -> dict[str, list[str]]:
        return {"email": ["The email field is required."]}


async def declined() -> None:
    raise PaymentDeclined("card declined")


async def self_rendering() -> None:
    raise SelfRendering()


async def quiet() -> None:
    raise Quiet("shh")


async def invalid() -> None:
    raise Invalid("The given data was invalid.")


def routes(router: Router) -> None:
    router.get("/declined", declined)
    router.get("/self", self_rendering)
    router.get("/quiet", quiet)
    router.get("/invalid", invalid)
    for status in (403, 404, 419, 429, 503):
        router.get(f"/abort/{status}", lambda status=status: abort(status))


def configure(exceptions: ExceptionHandler) -> None:
    def on_declined(e: PaymentDeclined) -> None:
        reported.append(f"declined:{e}")

    def render_declined(e: PaymentDeclined, request: Any) -> JsonResponse:
        return JsonResponse({"error": "payment"}, 402)

    exceptions.report(on_declined)
    exceptions.render(render_declined)
    exceptions.dont_report(Quiet)


@pytest.fixture(autouse=True)
def _clear() -> None:
    reported.clear()


async def test_report_and_render_hooks(make_app, client, caplog) -> None:
    app = make_app(routes, exceptions=configure)
    async with client(app) as http:
        response = await http.get("/declined")
        assert (response.status_code, response.json()) == (402, {"error": "payment"})
        assert reported == ["declined:card declined"]
        response = await http.get("/self")
        assert (response.status_code, response.json()) == (418, {"custom": True})
        caplog.clear()
        assert (await http.get("/quiet")).status_code == 500
        assert not [r for r in caplog.records if "shh" in r.getMessage()]
        response = await http.get("/invalid", headers={"accept": "application/json"})
        assert response.status_code == 422
        assert response.json()["errors"] == {"email": ["The email field is required."]}


async def test_html_error_pages(make_app, client) -> None:
    app = make_app(routes)
    async with client(app) as http:
        for status, title in (
            (403, "Forbidden"),
            (404, "Not Found"),
            (419, "Page Expired"),
            (429, "Too Many Requests"),
            (503, "Service Unavailable"),
        ):
            response = await http.get(f"/abort/{status}")
            assert response.status_code == status
            assert title in response.text
            assert response.headers["content-type"].startswith("text/html")


async def test_error_views_override_builtin_pages(make_app, client) -> None:
    class View:
        def __init__(self, name: str, data: dict[str, Any]) -> None:
            self.name, self.data = name, data

        def render(self) -> str:
            return f"custom {self.name} {self.data['status']}"

    class Views:
        def exists(self, name: str) -> bool:
            return name == "errors.404"

        def make(self, name: str, data: Any = None) -> View:
            return View(name, dict(data or {}))

    app = make_app(routes)
    app.instance("view", Views())
    async with client(app) as http:
        assert (await http.get("/missing")).text == "custom errors.404 404"
        assert "Forbidden" in (await http.get("/abort/403")).text


def test_abort_helpers() -> None:
    with pytest.raises(PageExpiredHttpException):
        abort(419)
    with pytest.raises(HttpException) as raised:
        abort(418, "teapot", {"X-T": "1"})
    assert raised.value.status_code == 418
    assert raised.value.headers == {"X-T": "1"}
    abort_if(False, 404)
    abort_unless(True, 404)
    with pytest.raises(HttpException):
        abort_unless(False, 404)
    assert status_text(500) == "Server Error"
    assert status_text(419) == "Page Expired"


async def test_respond_and_level(make_app, client, caplog) -> None:
    import logging

    def configure_more(exceptions: ExceptionHandler) -> None:
        configure(exceptions)
        exceptions.level(RuntimeError, "critical")

        def respond(response: Any, e: BaseException, request: Any) -> Any:
            response.headers["x-handled"] = type(e).__name__
            return response

        exceptions.respond(respond)

    async def crash() -> None:
        raise RuntimeError("meltdown")

    def more_routes(router: Router) -> None:
        routes(router)
        router.get("/crash", crash)

    app = make_app(more_routes, exceptions=configure_more)
    async with client(app) as http:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="parvel.http"):
            response = await http.get("/crash")
        assert response.headers["x-handled"] == "RuntimeError"
        assert [r.levelno for r in caplog.records if "meltdown" in r.getMessage()] == [
            logging.CRITICAL
        ]
        assert (await http.get("/abort/404")).headers["x-handled"] == "NotFoundHttpException"


async def test_failing_hooks_never_escape(make_app, client) -> None:
    def broken(exceptions: ExceptionHandler) -> None:
        def bad_report(e: PaymentDeclined) -> None:
            raise ValueError("reporter broke")

        def bad_render(e: PaymentDeclined, request: Any) -> None:
            raise ValueError("renderer broke")

        exceptions.report(bad_report)
        exceptions.render(bad_render)

    app = make_app(routes, exceptions=broken)
    async with client(app) as http:
        response = await http.get("/declined")
        assert response.status_code == 500
        assert "Server Error" in response.text


async def test_debug_json_carries_the_exception(make_app, client) -> None:
    app = make_app(routes, config={"app.debug": True})
    async with client(app) as http:
        body = (await http.get("/declined", headers={"accept": "application/json"})).json()
        assert body["message"] == "card declined"
        assert body["exception"].endswith("PaymentDeclined")
        assert body["file"].endswith("test_handler.py")
        assert isinstance(body["line"], int)
        assert body["trace"]
