"""Factories: count, states, sequences, relations, recycle, make vs create, hooks."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from parvel.database import Connection
from parvel.orm import Collection, Model, ModelError, Sequence


async def test_make_vs_create_and_count(db: Connection, m: SimpleNamespace) -> None:
    user = await m.User.factory().make()
    assert isinstance(user, m.User)
    assert not user.exists
    assert await m.User.count() == 0
    users = await m.User.factory().count(3).create()
    assert isinstance(users, Collection)
    assert len(users) == 3
    assert all(u.exists for u in users)
    assert await m.User.count() == 3
    one = await m.User.factory().create({"name": "Fixed"})
    assert one.name == "Fixed"
    raw = await m.User.factory().raw()
    assert set(raw) == {"name", "email", "votes"}


async def test_states_and_sequences(db: Connection, m: SimpleNamespace) -> None:
    admin = await m.User.factory().admin().create()
    assert admin.is_admin is True
    users = await m.User.factory(4).sequence({"votes": 1}, {"votes": 2}).create()
    assert [u.votes for u in users] == [1, 2, 1, 2]
    named = await m.User.factory(2).state(Sequence(lambda s: {"name": f"User {s.index}"})).make()
    assert [u.name for u in named] == ["User 0", "User 1"]
    computed = await m.User.factory().state(lambda attrs: {"email": attrs["name"] + "@x.io"}).make()
    assert computed.email.endswith("@x.io")


async def test_nested_factory_attribute_creates_parent(db: Connection, m: SimpleNamespace) -> None:
    post = await m.Post.factory().create()
    assert post.user_id is not None
    assert await m.User.count() == 1


async def test_has_for_and_recycle(db: Connection, m: SimpleNamespace) -> None:
    user = await m.User.factory().has(m.Post.factory().count(2), "posts").create()
    assert await user.posts.count() == 2
    post = await m.Post.factory().has(m.Comment.factory().count(3)).create()
    assert await post.comments.count() == 3
    tagged = await m.Post.factory().has(m.Tag.factory().count(2), "tags").create()
    assert await tagged.tags.count() == 2
    author = await m.User.factory().create()
    comments = await m.Comment.factory().count(2).for_(post).for_(author, "author").create()
    assert {c.post_id for c in comments} == {post.id}
    assert {c.user_id for c in comments} == {author.id}
    comment = await m.Comment.factory().for_(m.Post.factory()).create()
    assert comment.post_id not in {None, post.id}
    before = await m.User.count()
    posts = await m.Post.factory().count(3).recycle(author).create()
    assert {p.user_id for p in posts} == {author.id}
    assert await m.User.count() == before
    with pytest.raises(ModelError, match="belongs_to"):
        await m.Post.factory().for_(post, "comments").create()


async def test_after_hooks(db: Connection, m: SimpleNamespace) -> None:
    made: list[Any] = []
    created: list[Any] = []
    await (
        m.User.factory().after_making(made.append).after_creating(created.append).count(2).create()
    )
    assert len(made) == 2
    assert all(u.exists for u in created)


def test_missing_factory_error() -> None:
    class Widget(Model):
        pass

    with pytest.raises(ModelError, match="Widget has no factory"):
        Widget.factory()


async def test_magic_relationship_methods_and_has_attached(
    db: Connection, m: SimpleNamespace
) -> None:
    user = await m.User.factory().has_posts(3).create()
    assert await user.posts.count() == 3
    titled = await m.User.factory().has_posts(2, {"title": "Same"}).create()
    assert await titled.posts.where("title", "Same").count() == 2
    post = await m.Post.factory().for_author({"name": "Writer"}).create()
    assert (await m.User.find(post.user_id)).name == "Writer"
    tagged = await m.Post.factory().has_attached(m.Tag.factory().count(2), {"role": "x"}).create()
    assert await tagged.tags.where_pivot_in("role", ["x"]).count() == 2
    existing = await m.Tag.factory().create()
    again = await m.Post.factory().has_attached([existing], {"role": "y"}, "tags").create()
    assert (await again.tags.first()).id == existing.id
    gone = await m.Post.factory().trashed().create()
    assert gone.trashed()
    fired: list[str] = []
    m.User.created(lambda u: fired.append(u.name))
    await m.User.factory().create_quietly()
    assert fired == []
    with pytest.raises(AttributeError):
        m.User.factory().unknown_method()
