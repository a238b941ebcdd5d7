"""Global scopes and soft deletes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from parvel.database import Connection
from parvel.orm import Model, ModelError


async def test_soft_deletes(db: Connection, m: SimpleNamespace) -> None:
    a = await m.Post.create(title="a")
    b = await m.Post.create(title="b")
    assert await a.delete()
    assert a.trashed()
    assert await m.Post.count() == 1
    assert await m.Post.find(a.id) is None
    assert await m.Post.with_trashed().count() == 2
    assert [p.title for p in await m.Post.only_trashed().get()] == ["a"]
    trashed = await m.Post.only_trashed().first()
    assert await trashed.restore()
    assert await m.Post.count() == 2
    assert await b.force_delete()
    assert await m.Post.with_trashed().count() == 1
    assert await m.Post.where("title", "a").delete() == 1
    assert await m.Post.with_trashed().count() == 1
    assert await m.Post.only_trashed().restore() == 1
    assert await m.Post.count() == 1
    with pytest.raises(ModelError, match="does not use SoftDeletes"):
        await (await m.User.create(name="x")).restore()


async def test_soft_deleted_relations_are_hidden(db: Connection, m: SimpleNamespace) -> None:
    user = await m.User.create(name="u")
    await m.Post.create(title="kept", user_id=user.id)
    gone = await m.Post.create(title="gone", user_id=user.id)
    await gone.delete()
    loaded = await m.User.with_("posts").with_count("posts").find(user.id)
    assert [p.title for p in loaded.posts] == ["kept"]
    assert loaded.posts_count == 1
    assert await user.posts.count() == 1


async def test_global_scopes_callable_and_class(db: Connection, m: SimpleNamespace) -> None:
    class OnlyAdmins:
        def apply(self, query: Any, model: type[Model]) -> None:
            query.where("is_admin", True)

    class Admin(Model):
        table = "users"
        name: str
        guarded = []

        @classmethod
        def booted(cls) -> None:
            cls.add_global_scope(OnlyAdmins)
            cls.add_global_scope("voted", lambda q: q.where("votes", ">", 0))

    await m.User.create(name="a", is_admin=True, votes=1)
    await m.User.create(name="b", is_admin=True)
    await m.User.create(name="c", votes=3)
    assert [u.name for u in await Admin.all()] == ["a"]
    assert await Admin.without_global_scope("voted").count() == 2
    assert await Admin.without_global_scope(OnlyAdmins).count() == 2
    assert await Admin.without_global_scopes().count() == 3
    assert Admin.has_global_scope("voted")


async def test_relation_queries_with_trashed(db: Connection, m: SimpleNamespace) -> None:
    user = await m.User.create(name="u")
    post = await m.Post.create(title="gone", user_id=user.id)
    await post.delete()
    assert await user.posts.count() == 0
    assert await user.posts.with_trashed().count() == 1
    assert await user.posts.only_trashed().count() == 1
    assert await m.Post.with_trashed().without_trashed().count() == 0
    assert await m.Post.query().find_or(post.id, lambda: "missing") == "missing"
    assert (await m.Post.with_trashed().first_or(lambda: None)).id == post.id
    users = await m.User.all()
    assert users.contains(user.id)
    assert users.contains(user)
    assert not users.contains(999)
    assert user.is_(users[0])
    assert user.is_not(post)
    assert await user.delete_quietly()
