from typing import Any

import pytest

from parvel.http import Controller, NotFoundHttpException, Request
from parvel.routing import RouteDefinitionError, Router


class Clock:
    def now(self) -> str:
        return "noon"


class Counter:
    count = 0


class PostController(Controller):
    built = 0

    def __init__(self, clock: Clock) -> None:
        PostController.built += 1
        self.clock = clock

    async def index(self, request: Request) -> dict[str, Any]:
        return {"time": self.clock.now(), "page": request.integer("page", 1)}

    async def show(self, post: int, clock: Clock) -> dict[str, Any]:
        return {"post": post, "time": clock.now()}

    async def store(self, request: Request) -> dict[str, Any]:
        return {"stored": request.input("title")}

    async def update(self, post: str) -> str:
        return f"updated {post}"

    async def destroy(self, post: str) -> str:
        return f"destroyed {post}"

    async def create(self) -> str:
        return "create form"

    async def edit(self, post: str) -> str:
        return f"edit {post}"


class ShowStats:
    async def __call__(self) -> str:
        return "stats"


class SyncController:
    def index(self) -> dict[str, bool]:
        return {"sync": True}


POSTS: dict[str, dict[str, Any]] = {"1": {"id": 1, "slug": "hello"}, "2": {"id": 2, "slug": "bye"}}


class Post:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def get_route_key(self) -> Any:
        return self.data["id"]

    def to_dict(self) -> dict[str, Any]:
        return self.data

    @classmethod
    async def resolve_route_binding(cls, value: str, field: str | None) -> "Post | None":
        for data in POSTS.values():
            if str(data[field or "id"]) == value:
                return cls(data)
        return None

    async def resolve_child_route_binding(
        self, child_type: type, value: str, field: str | None
    ) -> Any:
        if self.data["id"] == 1 and value == "c1":
            return Comment({"id": "c1", "post": 1})
        return None


class Comment:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @classmethod
    async def resolve_route_binding(cls, value: str, field: str | None) -> "Comment | None":
        return cls({"id": value, "post": None})


async def show_post(post: Post) -> Post:
    return post


async def show_comment(post: Post, comment: Comment) -> dict[str, Any]:
    return {"post": post.data["id"], "comment": comment.data}


async def test_controller_injection_and_reuse(make_app, client) -> None:
    PostController.built = 0

    def routes(router: Router) -> None:
        router.get("/posts", [PostController, "index"])
        router.get("/posts/{post}", [PostController, "show"])
        router.get("/stats", ShowStats)
        router.get("/sync", [SyncController, "index"])

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/posts?page=3")).json() == {"time": "noon", "page": 3}
        assert (await http.get("/posts?page=x")).json() == {"time": "noon", "page": 1}
        assert (await http.get("/posts/7")).json() == {"post": 7, "time": "noon"}
        assert (await http.get("/posts")).status_code == 200
        assert (await http.get("/stats")).text == "stats"
        assert (await http.get("/sync")).json() == {"sync": True}
    assert PostController.built == 2  # one instance per route, reused across requests


async def test_resource_controller_over_http(make_app, client) -> None:
    app = make_app(lambda router: router.resource("posts", PostController))
    async with client(app) as http:
        assert (await http.get("/posts/create")).text == "create form"
        assert (await http.post("/posts", json={"title": "T"})).json() == {"stored": "T"}
        assert (await http.put("/posts/5")).text == "updated 5"
        assert (await http.patch("/posts/5")).text == "updated 5"
        assert (await http.delete("/posts/5")).text == "destroyed 5"
        assert (await http.get("/posts/5/edit")).text == "edit 5"


async def test_route_model_binding_hook(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/posts/{post}", show_post)
        router.get("/by-slug/{post:slug}", show_post)
        router.get("/posts/{post}/comments/{comment}", show_comment).scope_bindings()

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/posts/2")).json() == {"id": 2, "slug": "bye"}
        assert (await http.get("/by-slug/hello")).json() == {"id": 1, "slug": "hello"}
        missing = await http.get("/posts/99", headers={"accept": "application/json"})
        assert missing.status_code == 404
        assert "Post" in missing.json()["message"]
        scoped = await http.get("/posts/1/comments/c1")
        assert scoped.json() == {"post": 1, "comment": {"id": "c1", "post": 1}}
        assert (await http.get("/posts/2/comments/c1")).status_code == 404


async def test_bad_handler_definitions_fail_at_boot(make_app) -> None:
    async def needs(mystery) -> None:  # type: ignore[no-untyped-def]
        return None

    with pytest.raises(RouteDefinitionError, match="mystery"):
        make_app(lambda router: router.get("/x", needs))
    with pytest.raises(RouteDefinitionError, match="has no method 'nope'"):
        make_app(lambda router: router.get("/y", [PostController, "nope"]))


def test_not_found_exception_is_http() -> None:
    assert NotFoundHttpException().status_code == 404


async def test_custom_key_scopes_unless_disabled(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.get("/p/{post}/c/{comment:id}", show_comment)
        router.get("/q/{post}/c/{comment:id}", show_comment).without_scoped_bindings()

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/p/2/c/c1")).status_code == 404  # scoped: post 2 has no c1
        unscoped = await http.get("/q/2/c/c1")
        assert unscoped.json() == {"post": 2, "comment": {"id": "c1", "post": None}}


async def test_positional_fallback_for_differently_named_parameters(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.api_resource("tags", PostController).only("update")

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.put("/tags/4")).text == "updated 4"


async def test_missing_callback_replaces_the_404(make_app, client) -> None:
    from parvel.http import redirect

    def routes(router: Router) -> None:
        router.get("/posts/{post}", show_post).missing(lambda request: redirect("/posts"))

    app = make_app(routes)
    async with client(app) as http:
        response = await http.get("/posts/99")
        assert (response.status_code, response.headers["location"]) == (
            302,
            "http://testserver/posts",
        )
        assert (await http.get("/posts/1")).json() == {"id": 1, "slug": "hello"}


async def test_form_requests_validate_after_route_model_binding(make_app, client) -> None:
    from parvel.http import FormRequest

    seen: list[Any] = []

    class RenamePostRequest(FormRequest):
        def rules(self) -> dict[str, Any]:
            seen.append(self.route("post"))
            return {"title": "required"}

    async def rename(request: RenamePostRequest, post: Post) -> dict[str, Any]:
        return {"post": post.data["id"], "title": request.validated("title")}

    def routes(router: Router) -> None:
        router.post("/posts/{post}/rename", rename)

    app = make_app(routes, config={"app.env": "testing"})
    headers = {"Accept": "application/json"}
    async with client(app) as http:
        ok = await http.post("/posts/1/rename", json={"title": "New"}, headers=headers)
        assert ok.json() == {"post": 1, "title": "New"}
        assert isinstance(seen[0], Post)  # the bound model, not the raw "1"
        invalid = await http.post("/posts/1/rename", json={}, headers=headers)
        assert invalid.status_code == 422
        # A missing model is a 404 before any validation runs.
        missing = await http.post("/posts/999/rename", json={}, headers=headers)
        assert missing.status_code == 404
        assert len(seen) == 2


class AnyTypedController(Controller):
    async def show(self, photo: Any) -> Any:
        return f"photo {photo}"

    async def edit(self, photo: object) -> Any:
        return f"edit {photo}"


async def test_any_or_object_annotation_takes_the_route_parameter(make_app, client) -> None:
    def routes(router: Router) -> None:
        router.resource("photos", AnyTypedController).only("show", "edit").parameters(
            {"photos": "admin_photo"}
        )

    app = make_app(routes)
    async with client(app) as http:
        assert (await http.get("/photos/3")).text == "photo 3"
        assert (await http.get("/photos/3/edit")).text == "edit 3"
