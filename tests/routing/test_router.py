import pytest

import parvel.routing as routing
from parvel.routing import (
    MethodNotAllowed,
    RouteDefinitionError,
    RouteMatch,
    Router,
    RoutesAlreadyCompiled,
)


def show() -> None: ...


class PostController:
    def index(self) -> None: ...


def test_public_names() -> None:
    assert sorted(routing.__all__) == routing.__all__
    for name in routing.__all__:
        assert hasattr(routing, name)


def matched(router: Router, method: str, path: str, host: str = "") -> RouteMatch:
    result = router.compiled.match(method, path, host)
    assert isinstance(result, RouteMatch), result
    return result


def test_static_and_parameters() -> None:
    router = Router()
    router.get("/", show).name("home")
    router.get("/posts/{post}", show).name("posts.show")
    router.get("/posts/create", show).name("posts.create")
    router.get("/users/{user}/posts/{post?}", show)
    found = matched(router, "GET", "/posts/12")
    assert found.route.get_name() == "posts.show"
    assert found.params == {"post": "12"}
    assert matched(router, "GET", "/posts/create").route.get_name() == "posts.create"
    assert matched(router, "GET", "/").route.get_name() == "home"
    assert matched(router, "GET", "/users/3/posts").params == {"user": "3", "post": None}
    assert matched(router, "GET", "/users/3/posts/4/").params == {"user": "3", "post": "4"}
    assert router.compiled.match("GET", "/nope") is None
    assert router.compiled.match("GET", "/posts/1/2") is None


def test_head_from_get_and_405_with_allow() -> None:
    router = Router()
    router.get("/a", show)
    router.post("/a", show)
    assert matched(router, "HEAD", "/a").route.methods[0] == "GET"
    result = router.compiled.match("DELETE", "/a")
    assert isinstance(result, MethodNotAllowed)
    assert result.allowed == ["GET", "HEAD", "POST"]


def test_method_mismatch_falls_through_to_parameter_route() -> None:
    router = Router()
    router.get("/posts/create", show)
    router.put("/posts/{post}", show)
    assert matched(router, "PUT", "/posts/create").params == {"post": "create"}


def test_constraints_and_global_patterns() -> None:
    router = Router()
    router.pattern("id", "[0-9]+")
    router.get("/items/{id}", show).name("by-id")
    router.get("/items/{slug}", show).name("by-slug")
    router.get("/u/{uuid}", show).where_uuid("uuid")
    router.get("/files/{path}", show).where("path", ".*")
    router.get("/f/{name}.{ext}", show)
    assert matched(router, "GET", "/items/5").route.get_name() == "by-id"
    assert matched(router, "GET", "/items/abc").route.get_name() == "by-slug"
    assert router.compiled.match("GET", "/u/xyz") is None
    assert matched(router, "GET", "/u/123e4567-e89b-12d3-a456-426614174000")
    assert matched(router, "GET", "/files/a/b/c.txt").params == {"path": "a/b/c.txt"}
    assert matched(router, "GET", "/f/report.pdf").params == {"name": "report", "ext": "pdf"}


def test_groups_nest_prefix_name_middleware_domain() -> None:
    router = Router()
    with router.prefix("admin").middleware("auth").name("admin.").group():  # noqa: SIM117
        with router.prefix("users").name("users.").middleware("log").group():
            route = router.get("/{user}", show).name("show")
    with router.domain("{account}.example.com").group():
        router.get("/dash", show).name("dash")
    assert route.uri == "/admin/users/{user}"
    assert route.get_name() == "admin.users.show"
    assert route.middleware_ == ["auth", "log"]
    found = matched(router, "GET", "/dash", "acme.example.com:8000")
    assert found.params == {"account": "acme"}
    assert router.compiled.match("GET", "/dash", "other.org") is None


def test_registrar_single_route_and_controller_group() -> None:
    router = Router()
    route = router.middleware("auth").get("/me", show)
    with router.controller(PostController).group():
        index = router.get("/posts", "index")
    assert route.middleware_ == ["auth"]
    assert index.action == [PostController, "index"]
    with pytest.raises(RouteDefinitionError, match="string outside a controller"):
        router.get("/x", "index")


def test_resource_routes_only_except_nested_shallow() -> None:
    router = Router()
    router.resource("photos", PostController)
    router.api_resource("tags", PostController).only("index", "show")
    router.resource("posts.comments", PostController).shallow()
    routes = {r.get_name(): r for r in router.get_routes()}
    assert routes["photos.edit"].uri == "/photos/{photo}/edit"
    assert routes["photos.update"].methods == ("PUT", "PATCH")
    assert {n for n in routes if n and n.startswith("tags.")} == {"tags.index", "tags.show"}
    assert routes["posts.comments.index"].uri == "/posts/{post}/comments"
    assert routes["comments.show"].uri == "/comments/{comment}"
    assert matched(router, "GET", "/photos/create").route.get_name() == "photos.create"
    with pytest.raises(RouteDefinitionError, match="not a resource action"):
        Router().resource("x", PostController).only("nope")


def test_redirect_view_fallback() -> None:
    router = Router()
    router.redirect("/here", "/there", 301)
    router.view("/welcome", "welcome", {"a": 1})
    router.fallback(show)
    assert isinstance(matched(router, "POST", "/here").route.action, routing.RedirectAction)
    assert matched(router, "GET", "/deep/missing/page").route.is_fallback
    assert router.compiled.match("POST", "/deep/missing") is None


def test_definition_errors_name_the_location() -> None:
    router = Router()
    router.get("/a", show).name("same")
    router.get("/b", show).name("same")
    with pytest.raises(RouteDefinitionError, match=r"test_router.py:\d+"):
        router.compile()
    with pytest.raises(RouteDefinitionError, match="optional"):
        Router().get("/{a?}/{b}", show)
    with pytest.raises(RouteDefinitionError, match="malformed"):
        Router().get("/{a", show)
    bad = Router()
    bad.get("/x/{id}", show).where("id", "[0-9")
    with pytest.raises(RouteDefinitionError, match="not a valid regular expression"):
        bad.compile()


def test_adding_after_compile_raises() -> None:
    router = Router()
    router.compile()
    with pytest.raises(RoutesAlreadyCompiled):
        router.get("/late", show)


def test_routes_file_errors_point_at_file(tmp_path) -> None:
    routes = tmp_path / "routes"
    routes.mkdir()
    (routes / "web.py").write_text(
        "from parvel.routing import Router\n"
        "router = __router__\n"
        "router.get('/ok', lambda: 'x')\n"
        "router.get('/bad/{a?}/{b}', lambda: 'x')\n"
    )
    router = Router()
    router.base_path = tmp_path
    import builtins

    builtins.__router__ = router  # type: ignore[attr-defined]
    try:
        with pytest.raises(RouteDefinitionError, match=r"routes/web.py:4"):
            router.load("routes/web.py")
    finally:
        del builtins.__router__  # type: ignore[attr-defined]


def test_lookup_with_many_routes() -> None:
    router = Router()
    for i in range(1000):
        router.get(f"/r{i}/{{id}}/x", show).name(f"r{i}")
    assert matched(router, "GET", "/r999/5/x").route.get_name() == "r999"


def test_backtracking_when_the_greedy_walk_fails() -> None:
    router = Router()
    router.get("/a/{x}/c", show).name("param-then-c")
    router.get("/a/b/d", show).name("static-b-d")
    router.post("/a/b/c", show).name("post-static")
    assert matched(router, "GET", "/a/b/c").route.get_name() == "param-then-c"
    assert matched(router, "GET", "/a/b/c").params == {"x": "b"}
    assert matched(router, "POST", "/a/b/c").route.get_name() == "post-static"
    assert matched(router, "GET", "/a/b/d").route.get_name() == "static-b-d"


def test_singleton_resources() -> None:
    router = Router()
    router.singleton("profile", PostController)
    router.singleton("photos.thumbnail", PostController).creatable()
    router.api_singleton("settings", PostController).destroyable()
    routes = {r.get_name(): r for r in router.get_routes()}
    assert routes["profile.show"].uri == "/profile"
    assert routes["profile.edit"].uri == "/profile/edit"
    assert routes["profile.update"].methods == ("PUT", "PATCH")
    assert "profile.destroy" not in routes
    assert routes["photos.thumbnail.create"].uri == "/photos/{photo}/thumbnail/create"
    assert routes["photos.thumbnail.destroy"].methods == ("DELETE",)
    assert {n for n in routes if n and n.startswith("settings.")} == {
        "settings.show",
        "settings.update",
        "settings.destroy",
    }


def test_resource_options_accept_lists() -> None:
    router = Router()
    router.resource("photos", PostController).only(["index", "show"]).middleware(["a", "b"])
    routes = router.get_routes()
    assert [r.get_name() for r in routes] == ["photos.index", "photos.show"]
    assert routes[0].middleware_ == ["a", "b"]
