import io
import json

from parvel.http.console import COMMANDS, make_controller, make_middleware, route_list
from parvel.support.console import Output, spec_of


class PostController:
    async def index(self) -> str:
        return "x"


def routes(router) -> None:  # type: ignore[no-untyped-def]
    router.get("/posts", [PostController, "index"]).name("posts.index").middleware("throttle:60,1")
    router.post("/posts", [PostController, "index"]).name("posts.store")
    router.get("/about", lambda: "about")


def test_commands_are_declared() -> None:
    names = {spec_of(c).name for c in COMMANDS}  # type: ignore[union-attr]
    assert names == {
        "route:list",
        "route:cache",
        "route:clear",
        "make:controller",
        "make:middleware",
        "make:resource",
    }


async def test_route_list_json_and_filters(make_app) -> None:
    app = make_app(routes)
    stream = io.StringIO()
    assert await route_list(json_=True, app=app, out=Output(stream=stream)) == 0
    rows = json.loads(stream.getvalue())
    by_name = {r["name"]: r for r in rows}
    assert by_name["posts.index"]["method"] == "GET|HEAD"
    assert by_name["posts.index"]["action"].endswith("PostController@index")
    assert "ThrottleRequests:60,1" in by_name["posts.index"]["middleware"]
    assert any(m.startswith("EncryptCookies") for m in by_name["posts.index"]["middleware"])
    stream = io.StringIO()
    await route_list(method="POST", json_=True, app=app, out=Output(stream=stream))
    assert [r["name"] for r in json.loads(stream.getvalue())] == ["posts.store"]
    stream = io.StringIO()
    assert await route_list(name="posts", app=app, out=Output(stream=stream)) == 0
    table = stream.getvalue()
    assert "posts.index" in table
    assert "Showing [2] routes" in table
    stream = io.StringIO()
    assert await route_list(path="nothing-here", app=app, out=Output(stream=stream)) == 1


async def test_make_controller_variants(make_app, tmp_path) -> None:
    app = make_app()
    out = Output(stream=io.StringIO())
    assert await make_controller("PostController", resource=True, app=app, out=out) == 0
    text = (tmp_path / "app/http/controllers/post_controller.py").read_text()
    assert "class PostController(Controller)" in text
    assert "async def edit" in text
    assert await make_controller("PostController", app=app, out=out) == 1
    assert await make_controller("PostController", api=True, force=True, app=app, out=out) == 0
    text = (tmp_path / "app/http/controllers/post_controller.py").read_text()
    assert "async def edit" not in text
    assert await make_controller("Admin/UserController", model="User", app=app, out=out) == 0
    text = (tmp_path / "app/http/controllers/admin/user_controller.py").read_text()
    assert "from app.models.user import User" in text
    assert "user: User" in text
    compile(text, "user_controller.py", "exec")
    assert (tmp_path / "app/http/controllers/admin/__init__.py").exists()
    assert await make_controller("ShowStats", invokable=True, app=app, out=out) == 0
    assert "__call__" in (tmp_path / "app/http/controllers/show_stats.py").read_text()


async def test_make_controller_singleton_and_requests(make_app, tmp_path) -> None:
    app = make_app()
    out = Output(stream=io.StringIO())
    assert await make_controller("ProfileController", singleton=True, app=app, out=out) == 0
    text = (tmp_path / "app/http/controllers/profile_controller.py").read_text()
    assert "async def show(self)" in text
    assert "async def edit(self)" in text
    assert "async def index" not in text
    compile(text, "profile_controller.py", "exec")
    assert (
        await make_controller(
            "ProfileController", singleton=True, api=True, force=True, app=app, out=out
        )
        == 0
    )
    assert (
        "async def edit"
        not in (tmp_path / "app/http/controllers/profile_controller.py").read_text()
    )
    assert (
        await make_controller("PhotoController", model="Photo", requests=True, app=app, out=out)
        == 0
    )
    text = (tmp_path / "app/http/controllers/photo_controller.py").read_text()
    assert "from app.http.requests.store_photo_request import StorePhotoRequest" in text
    assert "async def store(self, request: StorePhotoRequest)" in text
    assert "async def update(self, request: UpdatePhotoRequest, photo: Photo)" in text
    compile(text, "photo_controller.py", "exec")
    request_text = (tmp_path / "app/http/requests/update_photo_request.py").read_text()
    assert "class UpdatePhotoRequest" in request_text
    assert (
        await make_controller(
            "PhotoController", model="Photo", requests=True, force=False, app=app, out=out
        )
        == 1
    )


async def test_make_middleware(make_app, tmp_path) -> None:
    app = make_app()
    out = Output(stream=io.StringIO())
    assert await make_middleware("EnsureTokenIsValid", app=app, out=out) == 0
    path = tmp_path / "app/http/middleware/ensure_token_is_valid.py"
    text = path.read_text()
    assert "class EnsureTokenIsValid" in text
    assert "async def handle(self, request: Request, next: Next)" in text
    compile(text, str(path), "exec")
    assert await make_middleware("EnsureTokenIsValid", app=app, out=out) == 1


async def test_route_list_sort_and_vendor_filters(make_app) -> None:
    app = make_app(routes)
    stream = io.StringIO()
    await route_list(
        sort="name", json_=True, except_vendor=True, app=app, out=Output(stream=stream)
    )
    names = [r["name"] for r in json.loads(stream.getvalue())]
    assert names == sorted(names, key=lambda n: n or "")
    assert "health" not in names  # /up is registered by Parvel itself
    stream = io.StringIO()
    await route_list(only_vendor=True, json_=True, app=app, out=Output(stream=stream))
    assert [r["name"] for r in json.loads(stream.getvalue())] == ["health"]
    assert await route_list(sort="nope", app=app, out=Output(stream=io.StringIO())) == 1


async def test_route_list_action_and_middleware_filters(make_app) -> None:
    app = make_app(routes)

    async def names(**filters: object) -> list[str]:
        stream = io.StringIO()
        await route_list(json_=True, app=app, out=Output(stream=stream), **filters)  # type: ignore[arg-type]
        return sorted(r["name"] or r["uri"] for r in json.loads(stream.getvalue() or "[]"))

    assert await names(action="PostController") == ["posts.index", "posts.store"]
    assert await names(middleware="throttle") == ["posts.index"]
    assert await names(middleware="ThrottleRequests") == ["posts.index"]
    assert await names(domain="example.com") == []


def test_route_list_flags_read_like_artisan() -> None:
    from parvel.console.params import cli_parameters

    params, _ = cli_parameters(route_list)
    flags = {opt for p in params for opt in p.opts}
    assert {"--json", "--action", "--middleware", "--domain", "-r"} <= flags
    assert "--json-" not in flags
