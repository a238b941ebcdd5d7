"""Sessions, CSRF protection and validation working together on web and JSON routes."""

from __future__ import annotations

from typing import Any

import pytest

from parvel.http import FormRequest, Request, back, redirect
from parvel.session import Store
from parvel.testing import TestClient

FORM_VIEW = """
<form method="POST" action="/posts">
@csrf
<input name="title" value="{{ old('title') }}">
@error('title')<p class="error">{{ message }}</p>@enderror
@if(errors.any())<p>{{ errors.count() }} errors</p>@endif
</form>
<p>{{ session('status', '') if False else '' }}</p>
"""


@pytest.fixture
def views(tmp_path: Any) -> Any:
    folder = tmp_path / "resources" / "views"
    folder.mkdir(parents=True)
    (folder / "form.blade.html").write_text(FORM_VIEW)
    (folder / "flash.blade.html").write_text("@session('status')<div>{{ value }}</div>@endsession")
    return folder


class StorePostRequest(FormRequest):
    def rules(self) -> dict[str, Any]:
        return {"title": "required|min:3", "password": "nullable|min:8"}

    def messages(self) -> dict[str, str]:
        return {"title.min": "Titles need :min characters."}


class ForbiddenRequest(FormRequest):
    def authorize(self) -> bool:
        return False


def routes(router: Any) -> None:
    from parvel import view

    router.get("/form", lambda: view("form"))
    router.get("/flash", lambda: view("flash"))

    async def store(request: StorePostRequest) -> Any:
        return redirect("/form").with_("status", f"Saved {request.validated('title')}")

    async def inline(request: Request) -> Any:
        data = await request.validate({"name": "required|string|max:5"})
        return data

    async def put(request: Request) -> dict[str, Any]:
        return {"method": request.method, "title": request.input("title")}

    async def count(request: Request) -> dict[str, Any]:
        session: Store = request.session
        return {"visits": session.increment("visits"), "id_len": len(session.id)}

    async def login(request: Request) -> dict[str, Any]:
        session: Store = request.session
        old = session.id
        await session.regenerate(destroy=True)
        return {"changed": old != session.id}

    router.post("/posts", store)
    router.post("/inline", inline)
    router.put("/posts/1", put)
    router.get("/count", count)
    router.post("/login", login)
    router.post("/webhooks/stripe", lambda: "hooked")
    router.get("/back", lambda: back())

    async def forbidden(request: ForbiddenRequest) -> str:
        return "never"

    router.post("/forbidden", forbidden)


@pytest.fixture
def app(make_app: Any, views: Any) -> Any:
    return make_app(
        routes,
        api_routes=lambda router: router.post("/things", lambda: {"ok": True}),
        config={"app.env": "local", "session.driver": "array"},
        middleware=lambda m: m.validate_csrf_tokens(except_=["webhooks/*"]),
    )


async def token_for(http: Any) -> str:
    page = await http.get("/form")
    text = page.text
    start = text.index('name="_token" value="') + len('name="_token" value="')
    return text[start : text.index('"', start)]


async def test_session_persists_between_requests(app: Any, client: Any) -> None:
    async with client(app) as http:
        first = (await http.get("/count")).json()
        second = (await http.get("/count")).json()
    assert first == {"visits": 1, "id_len": 40}
    assert second["visits"] == 2


async def test_regenerate_changes_the_id_and_the_old_one_is_dead(app: Any, client: Any) -> None:
    async with client(app) as http:
        await http.get("/count")
        old_cookie = http.cookies.get("parvel_session")
        token = await token_for(http)
        assert (await http.post("/login", data={"_token": token})).json() == {"changed": True}
        assert http.cookies.get("parvel_session") != old_cookie
        http.cookies.set("parvel_session", old_cookie)
        assert (await http.get("/count")).json()["visits"] == 1  # the old id starts empty


async def test_csrf_rejects_missing_and_wrong_tokens(app: Any, client: Any) -> None:
    async with client(app) as http:
        token = await token_for(http)
        missing = await http.post("/posts", data={"title": "Hello"})
        assert missing.status_code == 419
        assert "Page Expired" in missing.text
        wrong = await http.post("/posts", data={"title": "Hello", "_token": "x" * 40})
        assert wrong.status_code == 419
        as_json = await http.post(
            "/inline", json={"name": "a"}, headers={"Accept": "application/json"}
        )
        assert as_json.status_code == 419
        assert as_json.json() == {"message": "CSRF token mismatch."}
        ok = await http.post("/posts", data={"title": "Hello", "_token": token})
        assert ok.status_code == 302
        header = await http.post("/inline", json={"name": "ann"}, headers={"X-CSRF-TOKEN": token})
        assert header.json() == {"name": "ann"}
        xsrf = http.cookies.get("XSRF-TOKEN")
        assert xsrf
        assert xsrf != token  # the cookie holds the token encrypted
        via_cookie = await http.post(
            "/inline", json={"name": "bob"}, headers={"X-XSRF-TOKEN": xsrf}
        )
        assert via_cookie.json() == {"name": "bob"}


async def test_csrf_except_list_and_api_routes(app: Any, client: Any) -> None:
    async with client(app) as http:
        assert (await http.post("/webhooks/stripe")).text == "hooked"
        assert (await http.post("/api/things")).json() == {"ok": True}


async def test_method_spoofing_with_the_token(app: Any, client: Any) -> None:
    async with client(app) as http:
        token = await token_for(http)
        response = await http.post(
            "/posts/1", data={"_method": "PUT", "_token": token, "title": "x"}
        )
    assert response.json() == {"method": "PUT", "title": "x"}


async def test_failed_web_validation_redirects_back_with_errors_and_old_input(app: Any) -> None:
    http = TestClient(app, base_url="http://testserver")
    token = await token_for(http)
    response = await http.from_("/form").post(
        "/posts", data={"_token": token, "title": "ab", "password": "short"}
    )
    response.assert_redirect("/form")
    response.assert_session_has_errors({"title": "Titles need 3 characters."})
    response.assert_session_has_errors("password").assert_session_has_input("title", "ab")
    page = await http.get("/form")
    page.assert_see('<p class="error">Titles need 3 characters.</p>', escape=False)
    page.assert_see('value="ab"', escape=False).assert_see("2 errors")
    page.assert_dont_see("short")  # passwords are never flashed
    (await http.get("/form")).assert_dont_see("error")  # flash data lives for one request
    await http.aclose()


async def test_successful_form_request_flashes_status(app: Any) -> None:
    http = TestClient(app, base_url="http://testserver")
    token = await token_for(http)
    response = await http.post("/posts", data={"_token": token, "title": "Hello"})
    response.assert_redirect("/form").assert_session_has("status", "Saved Hello")
    response.assert_session_has_no_errors()
    (await http.get("/flash")).assert_view_is("flash").assert_see("<div>Saved Hello</div>", False)
    await http.aclose()


async def test_failed_json_validation_is_a_422(app: Any) -> None:
    http = TestClient(app, base_url="http://testserver")
    token = await token_for(http)
    response = await http.with_header("X-CSRF-TOKEN", token).post_json(
        "/inline", {"name": "far too long"}
    )
    response.assert_unprocessable().assert_exact_json(
        {
            "message": "The name field must not be greater than 5 characters.",
            "errors": {"name": ["The name field must not be greater than 5 characters."]},
        }
    )
    response.assert_json_validation_errors(
        {"name": "The name field must not be greater than 5 characters."}
    )
    await http.aclose()


async def test_unauthorized_form_request_is_a_403(app: Any, client: Any) -> None:
    async with client(app) as http:
        token = await token_for(http)
        response = await http.post(
            "/forbidden", data={"_token": token}, headers={"Accept": "application/json"}
        )
    assert response.status_code == 403
    assert response.json() == {"message": "This action is unauthorized."}


@pytest.mark.parametrize(
    "payload",
    [
        {"name": ["a", "list"]},
        {"name": {"deep": {"er": 1}}},
        {"name": None},
        {"name": 12345678901234567890},
        {"name": "\u0000\udcff" if False else "\u0000\u2028"},
        {},
        [1, 2, 3],
        "just a string",
    ],
)
async def test_odd_json_shapes_never_500(app: Any, client: Any, payload: Any) -> None:
    async with client(app) as http:
        token = await token_for(http)
        response = await http.post(
            "/inline", json=payload, headers={"Accept": "application/json", "X-CSRF-TOKEN": token}
        )
    assert response.status_code in (200, 422), response.text


async def test_csrf_is_not_checked_while_running_tests(make_app: Any, client: Any) -> None:
    app = make_app(
        lambda router: router.post("/save", lambda: "saved"), config={"session.driver": "array"}
    )
    assert app.running_unit_tests()
    async with client(app) as http:
        assert (await http.post("/save")).text == "saved"


async def test_log_lines_carry_the_request_id(make_app: Any, client: Any, tmp_path: Any) -> None:
    from parvel import Log

    def handler() -> str:
        Log.info("inside the request")
        return "ok"

    app = make_app(
        lambda router: router.get("/logged", handler),
        config={
            "logging": {
                "default": "single",
                "channels": {"single": {"driver": "single", "path": str(tmp_path / "app.log")}},
            }
        },
    )
    async with client(app) as http:
        response = await http.get("/logged", headers={"X-Request-Id": "req-42"})
    assert response.headers["x-request-id"] == "req-42"
    await app.terminate()
    line = (tmp_path / "app.log").read_text().strip().splitlines()[-1]
    assert "inside the request" in line
    assert '"request_id":"req-42"' in line


async def test_unresolvable_handler_type_hints_fail_at_boot(make_app: Any) -> None:
    from parvel.routing import RouteDefinitionError

    def routes(router: Any) -> None:
        from parvel.http import Request as LocalRequest

        async def handler(request: LocalRequest) -> str:
            return "never"

        router.get("/x", handler)

    with pytest.raises(
        RouteDefinitionError, match=r"type hints that cannot be resolved: request: LocalRequest"
    ):
        make_app(routes)


async def test_temporary_signed_urls_expire_with_the_travelled_clock(
    make_app: Any, client: Any
) -> None:
    from datetime import timedelta

    from parvel.testing import travel

    app = make_app(
        lambda router: router.get("/download", lambda: "file").name("download").middleware("signed")
    )
    signed = app.make("url").temporary_signed_route("download", timedelta(minutes=30))
    async with client(app) as http:
        assert (await http.get(signed)).status_code == 200
        travel(31).minutes()
        assert (await http.get(signed)).status_code == 403
