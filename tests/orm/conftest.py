"""ORM fixtures: the same model tests run on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from parvel.database import Connection, DatabaseManager
from parvel.orm import Model
from parvel.support import clock

ID = {
    "sqlite": "integer primary key autoincrement",
    "pgsql": "serial primary key",
    "mysql": "integer primary key auto_increment",
}
JSON = {"sqlite": "text", "pgsql": "jsonb", "mysql": "json"}
TS = {"sqlite": "timestamp", "pgsql": "timestamp(6)", "mysql": "datetime(6)"}
BOOL = {"sqlite": "boolean", "pgsql": "boolean", "mysql": "tinyint(1)"}

TABLES = [
    "countries", "users", "posts", "comments", "tags", "post_tag", "notes", "images",
    "taggables", "profiles",
]  # fmt: skip


def schema(d: str) -> list[str]:
    """The test tables' DDL for dialect ``d``."""
    ts = f"created_at {TS[d]} null, updated_at {TS[d]} null"
    return [
        f"create table countries (id {ID[d]}, name varchar(100) not null)",
        f"create table users (id {ID[d]}, country_id integer null, name varchar(100) not null, "
        f"email varchar(190) null, votes integer default 0 not null, is_admin {BOOL[d]} "
        f"default false not null, meta {JSON[d]} null, secret text null, {ts})",
        f"create table posts (id {ID[d]}, user_id integer null, title varchar(200) not null, "
        f"slug varchar(200) null, body text null, votes integer default 0 not null, "
        f"status varchar(20) null, price decimal(10,2) null, published_at {TS[d]} null, "
        f"deleted_at {TS[d]} null, {ts})",
        f"create table comments (id {ID[d]}, post_id integer not null, user_id integer null, "
        f"body text not null, approved {BOOL[d]} default false not null, {ts})",
        f"create table tags (id {ID[d]}, name varchar(100) not null)",
        f"create table post_tag (post_id integer not null, tag_id integer not null, "
        f"role varchar(50) null, {ts})",
        f"create table notes (id {ID[d]}, body text not null, notable_type varchar(100) null, "
        f"notable_id integer null)",
        f"create table images (id {ID[d]}, url varchar(200) not null, "
        f"imageable_type varchar(100) null, imageable_id integer null)",
        "create table taggables (tag_id integer not null, taggable_id integer not null, "
        "taggable_type varchar(100) not null)",
        f"create table profiles (id varchar(36) primary key, name varchar(100) not null, {ts})",
    ]


PREFIX = "orm_"
"""Table prefix keeping these tables apart from other suites sharing the test databases."""


def config_for(driver: str, request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """A connection config for ``driver`` against the machine's test services."""
    if driver == "sqlite":
        return {"driver": "sqlite", "database": str(tmp_path / "orm.sqlite"), "prefix": PREFIX}
    service = request.getfixturevalue(f"{driver}_service")
    return {
        "driver": driver,
        "host": service.host,
        "port": service.port,
        "database": service.database,
        "username": service.user,
        "password": service.password,
        "pool": {"min_size": 1, "max_size": 4},
        "prefix": PREFIX,
    }


@pytest.fixture(params=["sqlite", "pgsql", "mysql"])
def driver(request: pytest.FixtureRequest) -> str:
    """The dialect under test."""
    return str(request.param)


async def _drop(conn: Connection) -> None:
    for table in reversed(TABLES):
        await conn.statement(f"drop table if exists {PREFIX}{table}")


@pytest.fixture
async def db(
    driver: str, request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[Connection]:
    """A connection with fresh test tables, installed as the ORM's connection."""
    manager = DatabaseManager(
        {"default": driver, "connections": {driver: config_for(driver, request, tmp_path)}}
    )
    conn = manager.connection()
    await _drop(conn)
    for ddl in schema(conn.grammar.name):
        await conn.statement(ddl.replace("create table ", f"create table {PREFIX}", 1))
    Model.set_connection_resolver(manager)
    try:
        yield conn
    finally:
        clock.travel_back()
        await _drop(conn)
        Model.set_connection_resolver(None)
        await manager.disconnect_all()


@pytest.fixture
def count_queries(db: Connection) -> Callable[[], list[str]]:
    """Start recording queries; call the returned function to read them."""
    queries: list[str] = []
    db.listen(lambda event: queries.append(event.sql))
    return lambda: list(queries)


# -- the test models --------------------------------------------------------------------------
import enum  # noqa: E402
from datetime import datetime  # noqa: E402
from decimal import Decimal  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from parvel.orm import (  # noqa: E402
    HasUuids,
    SoftDeletes,
    belongs_to,
    belongs_to_many,
    has_many,
    has_many_through,
    has_one,
    morph_many,
    morph_one,
    morph_to,
    morph_to_many,
    morphed_by_many,
    scope,
)


class Status(enum.Enum):
    """A post's status."""

    DRAFT = "draft"
    PUBLISHED = "published"


class Country(Model):
    """A country."""

    id: int
    name: str
    timestamps = False
    fillable = ["name"]
    users = has_many(lambda: User)
    posts = has_many_through(lambda: Post, lambda: User)


class User(Model):
    """A user."""

    id: int
    name: str
    email: str | None
    votes: int
    is_admin: bool
    meta: dict[str, Any] | None
    country_id: int | None
    created_at: datetime | None
    fillable = ["name", "email", "votes", "is_admin", "meta", "country_id"]
    hidden = ["secret"]
    posts = has_many(lambda: Post)
    comments = has_many(lambda: Comment)
    latest_post = has_one(lambda: Post)
    country = belongs_to(lambda: Country)
    image = morph_one(lambda: Image, "imageable")


class Post(SoftDeletes, Model):
    """A blog post."""

    id: int
    user_id: int | None
    title: str
    slug: str | None
    body: str | None
    votes: int = 0
    status: Status | None
    price: Decimal | None
    published_at: datetime | None
    fillable = ["title", "slug", "body", "votes", "status", "price", "published_at", "user_id"]
    author = belongs_to(lambda: User, "user_id")
    comments = has_many(lambda: Comment)
    tags = belongs_to_many(lambda: Tag).with_pivot("role").with_timestamps()
    notes = morph_many(lambda: Note, "notable")
    labels = morph_to_many(lambda: Tag, "taggable")

    @scope
    def popular(query: Any, minimum: int = 10) -> None:
        """Posts with at least ``minimum`` votes."""
        query.where("votes", ">=", minimum)

    def get_route_key_name(self) -> str:
        """Bind posts by id (slugs use ``{post:slug}``)."""
        return "id"


class Comment(Model):
    """A comment on a post."""

    id: int
    post_id: int
    user_id: int | None
    body: str
    approved: bool
    fillable = ["body", "approved", "user_id", "post_id"]
    post = belongs_to(lambda: Post)
    author = belongs_to(lambda: User, "user_id")


class Tag(Model):
    """A tag."""

    id: int
    name: str
    timestamps = False
    fillable = ["name"]
    posts = belongs_to_many(lambda: Post)
    tagged_posts = morphed_by_many(lambda: Post, "taggable")


class Note(Model):
    """A polymorphic note."""

    id: int
    body: str
    timestamps = False
    fillable = ["body"]
    notable = morph_to()


class Image(Model):
    """A polymorphic image."""

    id: int
    url: str
    timestamps = False
    fillable = ["url"]
    imageable = morph_to()


class Profile(HasUuids, Model):
    """A model with UUID keys."""

    id: str
    name: str
    fillable = ["name"]


from parvel.orm import Factory  # noqa: E402


class UserFactory(Factory[User]):
    """Users with fake names."""

    model = User

    def definition(self) -> dict[str, Any]:
        """A fake user."""
        return {"name": self.faker.name(), "email": self.faker.unique.email(), "votes": 0}

    def admin(self) -> UserFactory:
        """An administrator."""
        return self.state({"is_admin": True})


class PostFactory(Factory[Post]):
    """Posts belonging to a new user."""

    model = Post

    def definition(self) -> dict[str, Any]:
        """A fake post with its author."""
        return {"title": self.faker.sentence(), "user_id": UserFactory()}


class CommentFactory(Factory[Comment]):
    """Comments (give them a post with for_())."""

    model = Comment

    def definition(self) -> dict[str, Any]:
        """A fake comment."""
        return {"body": self.faker.paragraph()}


class TagFactory(Factory[Tag]):
    """Tags."""

    model = Tag

    def definition(self) -> dict[str, Any]:
        """A fake tag."""
        return {"name": self.faker.word()}


@pytest.fixture
def m() -> SimpleNamespace:
    """The test model classes."""
    for cls in (Country, User, Post, Comment, Tag, Note, Image, Profile):
        cls.flush_event_listeners()
    return SimpleNamespace(
        Country=Country, User=User, Post=Post, Comment=Comment, Tag=Tag, Note=Note,
        Image=Image, Profile=Profile, Status=Status,
    )  # fmt: skip
