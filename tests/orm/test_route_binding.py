"""Route model binding hooks used by the HTTP layer."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from parvel.database import Connection
from parvel.orm import RelationNotFound


async def test_resolve_by_key_and_field(db: Connection, m: SimpleNamespace) -> None:
    post = await m.Post.create(title="Hello", slug="hello")
    assert (await m.Post.resolve_route_binding(str(post.id))).id == post.id
    assert (await m.Post.resolve_route_binding("hello", "slug")).id == post.id
    assert await m.Post.resolve_route_binding("nope", "slug") is None
    assert await m.Post.resolve_route_binding(999) is None


async def test_soft_deleted_excluded_unless_with_trashed(
    db: Connection, m: SimpleNamespace
) -> None:
    post = await m.Post.create(title="Hello", slug="hello")
    await post.delete()
    assert await m.Post.resolve_route_binding(post.id) is None
    assert (await m.Post.resolve_soft_deletable_route_binding(post.id)).id == post.id


async def test_scoped_child_binding(db: Connection, m: SimpleNamespace) -> None:
    ann = await m.User.create(name="Ann")
    bob = await m.User.create(name="Bob")
    mine = await m.Post.create(title="mine", slug="mine", user_id=ann.id)
    theirs = await m.Post.create(title="theirs", slug="theirs", user_id=bob.id)
    assert (await ann.resolve_child_route_binding(m.Post, mine.id)).id == mine.id
    assert await ann.resolve_child_route_binding(m.Post, theirs.id) is None
    assert (await ann.resolve_child_route_binding(m.Post, "mine", "slug")).id == mine.id
    await mine.delete()
    assert await ann.resolve_child_route_binding(m.Post, mine.id) is None
    found = await ann.resolve_child_route_binding(m.Post, mine.id, with_trashed=True)
    assert found.id == mine.id
    with pytest.raises(RelationNotFound, match="has no relation to Tag"):
        await ann.resolve_child_route_binding(m.Tag, 1)


async def test_route_key_feeds_url_generation(db: Connection, m: SimpleNamespace) -> None:
    from parvel.routing.url import route_key

    post = await m.Post.create(title="Hello", slug="hello")
    assert post.get_route_key() == post.id
    assert route_key(post) == str(post.id)
    assert route_key(post, "slug") == "hello"

    class SlugPost(m.Post):  # type: ignore[misc,name-defined]
        table = "posts"

        def get_route_key_name(self) -> str:
            return "slug"

    by_slug = await SlugPost.find(post.id)
    assert by_slug.get_route_key() == "hello"
    assert route_key(by_slug) == "hello"
    assert (await SlugPost.resolve_route_binding("hello")).id == post.id
