"""API resources over HTTP: real models on SQLite, returned from routes, read through JSON."""

from __future__ import annotations

import importlib
import io
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import pytest

from parvel.http import JsonResource, ResourceCollection, ResourceResponse
from parvel.http.console import make_resource
from parvel.orm import Model, belongs_to, belongs_to_many, has_many
from parvel.orm.resources import ResourceNotFound
from parvel.support.console import Output


class User(Model):
    name: str
    email: str | None
    password: str | None
    is_admin: bool = False
    bio: str | None
    created_at: datetime | None
    updated_at: datetime | None
    guarded: ClassVar[list[str]] = []
    hidden: ClassVar[list[str]] = ["password"]
    posts = has_many(lambda: Post)
    roles = belongs_to_many(lambda: Role).with_pivot("expires_at")
    teams = belongs_to_many(lambda: Role, "role_user").with_pivot("expires_at").as_("membership")


class Post(Model):
    title: str
    votes: int = 0
    user_id: int | None
    guarded: ClassVar[list[str]] = []
    timestamps: ClassVar[bool] = False
    author = belongs_to(User, "user_id")
    comments = has_many(lambda: Comment)


class Comment(Model):
    body: str
    post_id: int
    guarded: ClassVar[list[str]] = []
    timestamps: ClassVar[bool] = False


class Role(Model):
    name: str
    guarded: ClassVar[list[str]] = []
    timestamps: ClassVar[bool] = False


class PostResource(JsonResource):
    def to_array(self, request: Any) -> Any:
        return {
            "id": self.id,
            "title": self.title,
            "author": UserResource(self.when_loaded("author")),
            "comments_count": self.when_counted("comments"),
            "comments_votes": self.when_aggregated("comments", "id", "sum"),
            "has_comments": self.when_exists_loaded("comments"),
        }


class UserResource(JsonResource):
    def to_array(self, request: Any) -> Any:
        return {
            "id": self.id,
            "name": self.name,
            "email": self.when_has("email"),
            "secret": self.when(bool(self.is_admin), "admin-only"),
            "bio": self.when_not_null(self.bio),
            "posts": PostResource.collection(self.when_loaded("posts")),
            "expires_at": self.when_pivot_loaded("role_user", lambda: self.pivot.expires_at),
            **self.merge_when(bool(self.is_admin), {"first_secret": 1, "second_secret": 2}),
            "nested": {
                "kept": 1,
                "dropped": self.when(False, 2),
                "list": [1, self.unless(True, 2)],
            },
        }


class RoleResource(JsonResource):
    def to_array(self, request: Any) -> Any:
        return {
            "name": self.name,
            "expires_at": self.when_pivot_loaded("role_user", lambda: self.pivot.expires_at),
            "membership": self.when_pivot_loaded_as(
                "membership", "role_user", lambda: self.membership.expires_at, "none"
            ),
        }


class UserCollection(ResourceCollection):
    """``collects`` is guessed from the name: UserResource in this module."""

    def to_array(self, request: Any) -> Any:
        return {"data": self.collection, "links": {"self": "link-value"}}


class MemberCollection(ResourceCollection):
    collects = UserResource

    def with_(self, request: Any) -> dict[str, Any]:
        return {"meta": {"version": "1.0"}}

    def pagination_information(
        self, request: Any, paginated: dict[str, Any], default: dict[str, Any]
    ) -> dict[str, Any]:
        default["links"]["custom"] = "https://example.com"
        return default


class WrappedUser(JsonResource):
    wrap = "user"


class HeaderResource(JsonResource):
    def with_(self, request: Any) -> dict[str, Any]:
        return {"meta": {"key": "value"}}

    def with_response(self, request: Any, response: ResourceResponse) -> None:
        response.header("X-Value", "True")


class KeyedResource(JsonResource):
    preserve_keys = True


def routes(router: Any) -> None:
    async def show(user: User) -> Any:
        await user.load("posts")
        return UserResource(user)

    async def plain(user: User) -> Any:
        return JsonResource(user)

    async def store() -> Any:
        return UserResource(await User.create({"name": "New", "email": "new@example.com"}))

    async def accepted() -> Any:
        user = await User.find_or_fail(1)
        return UserResource(user).response().set_status_code(202).header("X-Res", "yes")

    async def index() -> Any:
        return UserResource.collection(await User.order_by("id").get())

    async def paginated() -> Any:
        return UserResource.collection(await User.order_by("id").paginate(2))

    async def simple() -> Any:
        return UserResource.collection(await User.order_by("id").simple_paginate(2))

    async def cursor() -> Any:
        return UserResource.collection(await User.order_by("id").cursor_paginate(2))

    async def members() -> Any:
        return MemberCollection(await User.order_by("id").paginate(2)).preserve_query()

    async def custom() -> Any:
        return UserCollection(await User.order_by("id").get())

    async def posts() -> Any:
        query = Post.with_("author").with_count("comments").with_sum("comments", "id")
        return PostResource.collection(await query.with_exists("comments").order_by("id").get())

    async def bare_posts() -> Any:
        return PostResource.collection(await Post.order_by("id").get())

    async def roles() -> Any:
        user = await User.find_or_fail(1)
        return {
            "roles": RoleResource.collection(await user.roles.get()),
            "teams": RoleResource.collection(await user.teams.get()),
            "plain": RoleResource.collection(await Role.order_by("id").get()),
        }

    router.get("/users", index)
    router.get("/users/page", paginated)
    router.get("/users/simple", simple)
    router.get("/users/cursor", cursor)
    router.get("/users/members", members)
    router.get("/users/custom", custom)
    router.post("/users", store)
    router.get("/users/accepted", accepted)
    router.get("/users/{user}", show)
    router.get("/plain/{user}", plain)
    router.get("/posts", posts)
    router.get("/bare-posts", bare_posts)
    router.get("/roles", roles)
    router.get("/wrapped", lambda: WrappedUser({"id": 1}))
    router.get("/headers", lambda: HeaderResource({"id": 1}))
    router.get("/none", lambda: JsonResource(None))
    router.get("/nested", lambda: {"user": UserResource(User(id=9, name="Nested"))})


@pytest.fixture
async def app(make_app: Any, tmp_path: Path) -> Any:
    application = make_app(
        api_routes=routes,
        config={
            "database": {
                "default": "sqlite",
                "connections": {
                    "sqlite": {"driver": "sqlite", "database": str(tmp_path / "db.sqlite")}
                },
            }
        },
    )
    schema = application.make("db.schema")
    async with schema.create("users") as table:
        table.id()
        table.string("name")
        table.string("email").nullable()
        table.string("password").nullable()
        table.boolean("is_admin").default(False)
        table.string("bio").nullable()
        table.timestamps()
    async with schema.create("posts") as table:
        table.id()
        table.string("title")
        table.integer("votes").default(0)
        table.integer("user_id").nullable()
    async with schema.create("comments") as table:
        table.id()
        table.string("body")
        table.integer("post_id")
    async with schema.create("roles") as table:
        table.id()
        table.string("name")
    async with schema.create("role_user") as table:
        table.integer("role_id")
        table.integer("user_id")
        table.string("expires_at").nullable()
    await User.create({"name": "Ada", "email": "ada@example.com", "password": "x", "bio": "b"})
    await User.create({"name": "Bob", "is_admin": True})
    await User.create({"name": "Cy", "email": "cy@example.com"})
    first = await Post.create({"title": "Hello", "user_id": 1})
    await Post.create({"title": "Orphan"})
    await Comment.create({"body": "one", "post_id": first.id})
    await Comment.create({"body": "two", "post_id": first.id})
    admin = await Role.create({"name": "admin"})
    await Role.create({"name": "unused"})
    user = await User.find_or_fail(1)
    await user.roles.attach(admin, {"expires_at": "2030-01-01"})
    yield application
    await application.terminate()


async def get(app: Any, client: Any, url: str, method: str = "GET") -> Any:
    async with client(app) as http:
        response = await http.request(method, url)
    assert response.status_code < 500, response.text[:2000]
    return response


async def test_a_resource_shapes_the_model_and_wraps_it_in_data(app: Any, client: Any) -> None:
    response = await get(app, client, "/api/users/1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "data": {
            "id": 1,
            "name": "Ada",
            "email": "ada@example.com",
            "bio": "b",
            "posts": [{"id": 1, "title": "Hello"}],
            "nested": {"kept": 1, "list": [1]},
        }
    }


async def test_conditional_values_and_merges_appear_when_true(app: Any, client: Any) -> None:
    data = (await get(app, client, "/api/users/2")).json()["data"]
    assert data["secret"] == "admin-only"
    assert data["first_secret"] == 1
    assert data["second_secret"] == 2
    assert "bio" not in data  # NULL: when_not_null leaves it out
    assert data["email"] is None  # selected (when_has), even though NULL
    assert data["posts"] == []


async def test_the_default_to_array_is_the_models_serialization(app: Any, client: Any) -> None:
    data = (await get(app, client, "/api/plain/1")).json()["data"]
    assert data["name"] == "Ada"
    assert "password" not in data  # hidden stays hidden
    assert set(data) >= {"id", "name", "email", "is_admin", "created_at"}


async def test_a_recently_created_model_answers_201(app: Any, client: Any) -> None:
    response = await get(app, client, "/api/users", "POST")
    assert response.status_code == 201
    assert response.json()["data"]["name"] == "New"
    shown = await get(app, client, "/api/users/4")
    assert shown.status_code == 200


async def test_the_response_can_be_changed_before_returning_it(app: Any, client: Any) -> None:
    response = await get(app, client, "/api/users/accepted")
    assert response.status_code == 202
    assert response.headers["x-res"] == "yes"
    assert response.json()["data"]["id"] == 1
    hooked = await get(app, client, "/api/headers")
    assert hooked.headers["x-value"] == "True"
    assert hooked.json() == {"data": {"id": 1}, "meta": {"key": "value"}}


async def test_collection_lists_every_model(app: Any, client: Any) -> None:
    body = (await get(app, client, "/api/users")).json()
    assert list(body) == ["data"]
    assert [u["name"] for u in body["data"]] == ["Ada", "Bob", "Cy"]
    assert "secret" not in body["data"][0]


async def test_a_paginated_collection_adds_links_and_meta(app: Any, client: Any) -> None:
    body = (await get(app, client, "/api/users/page?page=2")).json()
    assert [u["name"] for u in body["data"]] == ["Cy"]
    base = "http://testserver/api/users/page"
    assert body["links"] == {
        "first": f"{base}?page=1",
        "last": f"{base}?page=2",
        "prev": f"{base}?page=1",
        "next": None,
    }
    meta = body["meta"]
    assert list(meta) == [
        "current_page", "from", "last_page", "links", "path", "per_page", "to", "total",
    ]  # fmt: skip
    assert (meta["current_page"], meta["from"], meta["to"], meta["total"]) == (2, 3, 3, 3)
    assert (meta["last_page"], meta["per_page"], meta["path"]) == (2, 2, base)
    assert meta["links"][0]["label"] == "&laquo; Previous"


async def test_simple_and_cursor_pages_have_their_own_meta(app: Any, client: Any) -> None:
    simple = (await get(app, client, "/api/users/simple")).json()
    assert simple["links"]["last"] is None
    assert simple["links"]["next"] == "http://testserver/api/users/simple?page=2"
    assert list(simple["meta"]) == [
        "current_page", "current_page_url", "from", "path", "per_page", "to",
    ]  # fmt: skip
    cursor = (await get(app, client, "/api/users/cursor")).json()
    assert len(cursor["data"]) == 2
    assert cursor["links"]["first"] is None
    assert cursor["links"]["next"].startswith("http://testserver/api/users/cursor?cursor=")
    assert cursor["meta"]["next_cursor"] is not None
    assert cursor["meta"]["per_page"] == 2


async def test_collection_meta_hooks_and_preserved_query(app: Any, client: Any) -> None:
    body = (await get(app, client, "/api/users/members?page=1&sort=name")).json()
    assert [u["name"] for u in body["data"]] == ["Ada", "Bob"]
    assert body["links"]["custom"] == "https://example.com"
    assert "sort=name" in body["links"]["next"]
    assert body["meta"]["version"] == "1.0"
    assert body["meta"]["total"] == 3


async def test_a_custom_collection_with_a_data_key_is_not_wrapped_twice(
    app: Any, client: Any
) -> None:
    body = (await get(app, client, "/api/users/custom")).json()
    assert body["links"] == {"self": "link-value"}
    assert [u["name"] for u in body["data"]] == ["Ada", "Bob", "Cy"]
    assert body["data"][1]["secret"] == "admin-only"  # items went through UserResource


async def test_relation_counts_and_aggregates(app: Any, client: Any) -> None:
    data = (await get(app, client, "/api/posts")).json()["data"]
    assert data[0]["author"]["name"] == "Ada"
    assert data[0]["comments_count"] == 2
    assert data[0]["comments_votes"] == 3
    assert data[0]["has_comments"] is True
    assert data[1]["author"] is None  # loaded, but no author
    assert data[1]["comments_count"] == 0
    assert data[1]["has_comments"] is False
    bare = (await get(app, client, "/api/bare-posts")).json()["data"]
    assert bare[0] == {"id": 1, "title": "Hello"}  # nothing loaded: all left out


async def test_pivot_values_only_through_the_relation(app: Any, client: Any) -> None:
    body = (await get(app, client, "/api/roles")).json()
    assert body["roles"] == [{"name": "admin", "expires_at": "2030-01-01", "membership": "none"}]
    assert body["teams"] == [{"name": "admin", "membership": "2030-01-01"}]
    assert body["plain"] == [
        {"name": "admin", "membership": "none"},
        {"name": "unused", "membership": "none"},
    ]


async def test_wrapping_options(app: Any, client: Any) -> None:
    assert (await get(app, client, "/api/wrapped")).json() == {"user": {"id": 1}}
    assert (await get(app, client, "/api/none")).json() == {"data": []}
    nested = (await get(app, client, "/api/nested")).json()
    assert nested["user"]["name"] == "Nested"
    assert "data" not in nested["user"]  # a nested resource is never wrapped
    JsonResource.without_wrapping()
    try:
        assert (await get(app, client, "/api/plain/1")).json()["name"] == "Ada"
        assert (await get(app, client, "/api/wrapped")).json() == {"user": {"id": 1}}
        assert (await get(app, client, "/api/headers")).json() == {
            "data": {"id": 1},  # with_() data forces the wrapper back
            "meta": {"key": "value"},
        }
        assert isinstance((await get(app, client, "/api/users")).json(), list)
    finally:
        JsonResource.wrap = "data"


def test_a_data_key_returned_by_to_array_is_not_wrapped_again() -> None:
    class Wrapped(JsonResource):
        def to_array(self, request: Any) -> Any:
            return {"data": {"id": self.id}, "extra": True}

    body = Wrapped({"id": 5}).additional({"meta": {"a": 1}}).response().get_data()
    assert body == {"data": {"id": 5}, "extra": True, "meta": {"a": 1}}


def test_additional_and_with_merge_deeply() -> None:
    class Meta(JsonResource):
        def with_(self, request: Any) -> dict[str, Any]:
            return {"meta": {"a": 1, "b": {"c": 1}}}

    body = Meta({"id": 1}).additional({"meta": {"b": {"d": 2}}}).response().get_data()
    assert body == {"data": {"id": 1}, "meta": {"a": 1, "b": {"c": 1, "d": 2}}}


def test_attribute_access_falls_through_to_the_wrapped_value() -> None:
    user = User(name="Ada", email="a@example.com")
    resource = UserResource(user)
    assert resource.name == "Ada"
    assert resource.resource is user
    assert resource["email"] == "a@example.com"
    assert JsonResource({"x": 1}).x == 1
    with pytest.raises(AttributeError, match="has no key 'y'"):
        _ = JsonResource({"x": 1}).y
    with pytest.raises(AttributeError, match="wraps None"):
        _ = JsonResource(None).id


def test_when_defaults_callables_and_merge_positions() -> None:
    class Conditional(JsonResource):
        def to_array(self, request: Any) -> Any:
            return {
                "a": self.when(True, lambda: "called"),
                "b": self.when(False, "x", "fallback"),
                "c": self.when(False, "x", lambda: "lazy default"),
                "d": self.unless(False, 4),
                "merged": self.merge({"e": 5, "f": self.when(False, 6)}),
                "g": 7,
                "h": self.when_null(None),
                "i": self.merge_unless(True, {"never": 1}),
                "j": self.when_has("missing_key", default="no"),
                "k": self.when_has("x", lambda x: x * 10),
            }

    assert Conditional({"x": 2}).resolve() == {
        "a": "called", "b": "fallback", "c": "lazy default", "d": 4, "e": 5, "g": 7,
        "h": None, "j": "no", "k": 20,
    }  # fmt: skip


def test_when_loaded_variants_and_unknown_relations() -> None:
    post = Post(title="T")
    post.set_relation("author", User(name="Ada"))
    resource = JsonResource(post)
    assert resource.when_loaded("author").name == "Ada"
    assert resource.when_loaded("author", lambda user: user.name) == "Ada"
    assert resource.when_loaded("author", lambda: "no argument") == "no argument"
    assert resource.when_loaded("comments", default="fallback") == "fallback"
    assert resource.when_loaded("nonexistent").is_missing()  # Laravel: missing, no error
    post.set_relation("author", None)
    assert resource.when_loaded("author", lambda user: user.name) is None


def test_preserve_keys_keeps_a_keyed_collections_keys() -> None:
    users = [{"id": 3, "name": "C"}, {"id": 7, "name": "G"}]
    keyed = KeyedResource.collection({3: users[0], 7: users[1]}).response().get_data()
    assert keyed == {"data": {"3": {"id": 3, "name": "C"}, "7": {"id": 7, "name": "G"}}}
    listed = JsonResource.collection({3: users[0], 7: users[1]}).response().get_data()
    assert listed == {"data": [{"id": 3, "name": "C"}, {"id": 7, "name": "G"}]}
    by_name = JsonResource.collection({"c": users[0]}).response().get_data()
    assert by_name == {"data": {"c": {"id": 3, "name": "C"}}}  # string keys always stay


def test_collections_of_missing_none_and_bad_input() -> None:
    assert JsonResource.collection(None).resolve() == []
    assert JsonResource.collection([]).response().get_data() == {"data": []}
    holder = JsonResource({"x": 1})
    nested = {"a": JsonResource(None), "b": JsonResource.collection(holder.when_loaded("x"))}
    assert holder.filter(nested) == {"a": None}
    with pytest.raises(TypeError, match="needs a list, a collection or a paginator"):
        JsonResource.collection(42)
    users = UserCollection([User(id=1, name="A")])
    assert len(users) == users.count() == 1
    assert [type(u) for u in users] == [UserResource]


async def test_to_resource_with_a_class_and_by_guessing(
    app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_app_modules: None
) -> None:
    user = await User.find_or_fail(1)
    assert isinstance(user.to_resource(UserResource), UserResource)
    users = await User.order_by("id").get()
    assert (
        type(users.to_resource_collection(UserResource)).__name__ == "AnonymousResourceCollection"
    )
    page = await User.order_by("id").paginate(2)
    paginated = page.to_resource_collection(UserResource).response().get_data()
    assert paginated["meta"]["total"] == 3
    with pytest.raises(ResourceNotFound, match=r"resource class for model \[User\]"):
        user.to_resource()
    out = Output(stream=io.StringIO())
    assert await make_resource("UserResource", app=app, out=out) == 0
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    guessed = user.to_resource()
    assert type(guessed).__name__ == "UserResource"
    assert guessed.resolve()["name"] == "Ada"
    assert type(users.to_resource_collection()).__name__ == "AnonymousResourceCollection"
    assert await make_resource("UserCollection", app=app, out=out) == 0
    importlib.invalidate_caches()
    assert type(users.to_resource_collection()).__name__ == "UserCollection"
    assert users.to_resource_collection().resolve()[0]["name"] == "Ada"
    empty = users.filter(lambda u: False).to_resource_collection().response().get_data()
    assert empty == {"data": []}


async def test_make_resource_generates_resources_and_collections(
    make_app: Any, tmp_path: Path
) -> None:
    app = make_app()
    out = Output(stream=io.StringIO())
    assert await make_resource("UserResource", app=app, out=out) == 0
    text = (tmp_path / "app/http/resources/user_resource.py").read_text()
    assert "class UserResource(JsonResource)" in text
    assert "def to_array(self, request: Request)" in text
    assert await make_resource("UserCollection", app=app, out=out) == 0
    text = (tmp_path / "app/http/resources/user_collection.py").read_text()
    assert "class UserCollection(ResourceCollection)" in text
    assert await make_resource("User", collection=True, app=app, out=out) == 0
    assert "class User(ResourceCollection)" in (tmp_path / "app/http/resources/user.py").read_text()
    assert await make_resource("UserResource", app=app, out=out) == 1  # exists already
    assert await make_resource("UserResource", force=True, app=app, out=out) == 0
    assert await make_resource("Admin/PostResource", app=app, out=out) == 0
    assert (tmp_path / "app/http/resources/admin/post_resource.py").exists()
    for path in (tmp_path / "app/http/resources").rglob("*.py"):
        compile(path.read_text(), str(path), "exec")


def test_a_model_names_its_resource_and_appended_values_show_when_appended() -> None:
    class Badge(Model):
        label: str
        guarded: ClassVar[list[str]] = []

        @property
        def shout(self) -> str:
            return self.label.upper()

    class BadgeResource(JsonResource):
        def to_array(self, request: Any) -> Any:
            return {"label": self.label, "shout": self.when_appended("shout")}

    Badge.use_resource = BadgeResource  # type: ignore[attr-defined]
    badge = Badge(label="hi")
    assert isinstance(badge.to_resource(), BadgeResource)
    assert badge.to_resource().resolve() == {"label": "hi"}
    assert badge.append("shout").to_resource().resolve() == {"label": "hi", "shout": "HI"}
    assert JsonResource.collection([badge]).resolve()[0]["shout"] == "HI"
