"""Relations: declarations, query entries, loaded data, eager loading and existence queries."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest

from parvel.database import Connection
from parvel.orm import Collection, RelationNotFound, RelationNotLoaded


async def seed(m: SimpleNamespace) -> SimpleNamespace:
    ann = await m.User.create(name="Ann")
    bob = await m.User.create(name="Bob")
    p1 = await m.Post.create(title="One", user_id=ann.id, votes=5)
    p2 = await m.Post.create(title="Two", user_id=ann.id, votes=50)
    p3 = await m.Post.create(title="Three", user_id=bob.id)
    for post, count in ((p1, 2), (p2, 1)):
        for i in range(count):
            await post.comments.create(body=f"c{i}", user_id=bob.id, approved=i == 0)
    return SimpleNamespace(ann=ann, bob=bob, p1=p1, p2=p2, p3=p3)


async def test_has_many_query_entry_and_loaded_sequence(db: Connection, m: SimpleNamespace) -> None:
    s = await seed(m)
    assert await s.p1.comments.count() == 2
    assert await s.p1.comments.where("approved", True).count() == 1
    with pytest.raises(RelationNotLoaded, match=r"await post\.load\('comments'\)"):
        len(s.p1.comments)
    with pytest.raises(RelationNotLoaded, match=r"Post\.with_\('comments'\)"):
        list(s.p1.comments)
    await s.p1.load("comments")
    assert len(s.p1.comments) == 2
    assert [c.body for c in s.p1.comments] == ["c0", "c1"]
    assert s.p1.comments[0].post_id == s.p1.id


async def test_belongs_to_data_and_query_entry(db: Connection, m: SimpleNamespace) -> None:
    s = await seed(m)
    post = await m.Post.find(s.p1.id)
    with pytest.raises(RelationNotLoaded, match=r"Post\.author is not loaded"):
        _ = post.author
    author = await m.Post.author.of(post).first()
    assert author.name == "Ann"
    await post.load("author")
    assert post.author.name == "Ann"
    comment = m.Comment(body="x")
    m.Comment.post.of(comment).associate(post)
    assert comment.post_id == post.id
    assert comment.post is post


async def test_unknown_relation_lists_relations(db: Connection, m: SimpleNamespace) -> None:
    with pytest.raises(
        RelationNotFound, match=r"\[comentz\].*author, comments, labels, notes, tags"
    ):
        m.Post.with_("comentz")
    post = m.Post(title="x")
    with pytest.raises(RelationNotFound, match="comentz"):
        await post.load("comentz")
    with pytest.raises(RelationNotFound, match="User declares"):
        m.Post.with_("author.nope")


async def test_eager_loading_costs_three_queries_whatever_n(
    db: Connection, m: SimpleNamespace, count_queries: Callable[[], list[str]]
) -> None:
    for n in (2, 7):
        await db.table("comments").delete()
        await db.table("posts").delete()
        user = await m.User.create(name=f"u{n}")
        for i in range(n):
            post = await m.Post.create(title=f"p{i}", user_id=user.id)
            await post.comments.create(body="c", user_id=user.id)
            await post.comments.create(body="d", user_id=user.id)
        before = len(count_queries())
        posts = await m.Post.with_("comments", "author").get()
        assert len(count_queries()) - before == 3  # posts, their comments, their authors
        assert all(p.author.name == f"u{n}" for p in posts)
        before = len(count_queries())
        posts = await m.Post.with_("comments.author", "author").get()
        assert len(count_queries()) - before == 4  # posts, comments, comment authors, authors
        before = len(count_queries())
        posts = await m.Post.with_("comments.author").get()
        assert len(count_queries()) - before == 3
        assert len(posts) == n
        assert all(len(p.comments) == 2 for p in posts)
        assert {c.author.name for p in posts for c in p.comments} == {f"u{n}"}


async def test_constrained_eager_loading_and_load_missing(
    db: Connection, m: SimpleNamespace
) -> None:
    s = await seed(m)
    posts = (
        await m.Post.with_({"comments": lambda q: q.where("approved", True)}).order_by("id").get()
    )
    assert [len(p.comments) for p in posts] == [1, 1, 0]
    await posts.load_missing("comments", "author")
    assert [len(p.comments) for p in posts] == [1, 1, 0]  # already loaded: kept
    assert posts[0].author.name == "Ann"
    fresh = await m.Post.order_by("id").get()
    await fresh.load("comments.author")
    assert fresh[0].comments[0].author.id == s.bob.id


async def test_with_count_sum_exists(db: Connection, m: SimpleNamespace) -> None:
    await seed(m)
    posts = await m.Post.with_count("comments").order_by("id").get()
    assert [p.comments_count for p in posts] == [2, 1, 0]
    posts = (
        await m.Post.query()
        .with_count({"comments as approved_count": lambda q: q.where("approved", True)})
        .order_by("id")
        .get()
    )
    assert [p.approved_count for p in posts] == [1, 1, 0]
    users = (
        await m.User.query().with_sum("posts", "votes").with_exists("comments").order_by("id").get()
    )
    assert [int(u.posts_sum_votes or 0) for u in users] == [55, 0]
    assert [bool(u.comments_exists) for u in users] == [False, True]


async def test_has_where_has_doesnt_have_where_relation(db: Connection, m: SimpleNamespace) -> None:
    await seed(m)
    titles = lambda ps: sorted(p.title for p in ps)  # noqa: E731
    assert titles(await m.Post.has("comments").get()) == ["One", "Two"]
    assert titles(await m.Post.has("comments", ">=", 2).get()) == ["One"]
    assert titles(await m.Post.doesnt_have("comments").get()) == ["Three"]
    assert titles(await m.Post.where_has("comments", lambda q: q.where("body", "c1")).get()) == [
        "One"
    ]
    assert titles(await m.Post.where_relation("author", "name", "Bob").get()) == ["Three"]
    assert [u.name for u in await m.User.has("posts.comments").get()] == ["Ann"]


async def test_belongs_to_many_pivot_operations(db: Connection, m: SimpleNamespace) -> None:
    s = await seed(m)
    php, py, js = [await m.Tag.create(name=n) for n in ("php", "py", "js")]
    await s.p1.tags.attach(php.id, {"role": "main"})
    await s.p1.tags.attach([py, js])
    assert await s.p1.tags.count() == 3
    tags = await s.p1.tags.order_by("name").get()
    assert [t.name for t in tags] == ["js", "php", "py"]
    assert tags[1].pivot.role == "main"
    assert tags[1].pivot.created_at is not None
    assert await s.p1.tags.detach(js) == 1
    changes = await s.p1.tags.sync({py.id: {"role": "x"}, js.id: {}})
    assert changes["detached"] == [php.id]
    assert changes["attached"] == [js.id]
    assert changes["updated"] == [py.id]
    toggled = await s.p1.tags.toggle([py.id, php.id])
    assert toggled == {"attached": [php.id], "detached": [py.id]}
    await s.p1.tags.update_existing_pivot(php.id, {"role": "lead"})
    posts = await m.Post.with_("tags").order_by("id").get()
    assert sorted(t.name for t in posts[0].tags) == ["js", "php"]
    assert {t.name: t.pivot.role for t in posts[0].tags}["php"] == "lead"
    assert len(posts[1].tags) == 0
    tag = await m.Tag.with_("posts").find(php.id)
    assert [p.title for p in (await m.Tag.with_("posts").where("id", php.id).first()).posts] == [
        "One"
    ]
    assert tag is not None
    assert sorted(t.name for t in await m.Tag.has("posts").get()) == ["js", "php"]


async def test_has_one_and_through(db: Connection, m: SimpleNamespace) -> None:
    fr = await m.Country.create(name="France")
    ann = await m.User.create(name="Ann", country_id=fr.id)
    await m.Post.create(title="P", user_id=ann.id)
    await m.Post.create(title="Q", user_id=ann.id)
    user = await m.User.with_("latest_post", "country").find(ann.id)
    assert user.latest_post.title in {"P", "Q"}
    assert user.country.name == "France"
    countries = await m.Country.with_("posts").get()
    assert sorted(p.title for p in countries[0].posts) == ["P", "Q"]
    assert "parvel_through_key" not in countries[0].posts[0].to_dict()
    assert await fr.posts.count() == 2
    assert [c.name for c in await m.Country.has("posts").get()] == ["France"]


async def test_morph_relations(db: Connection, m: SimpleNamespace) -> None:
    ann = await m.User.create(name="Ann")
    post = await m.Post.create(title="P", user_id=ann.id)
    await post.notes.create(body="on post")
    img = m.Image(url="a.png")
    m.Image.imageable.of(img).associate(ann)
    await img.save()
    assert img.imageable_type == "User"
    notes = await m.Note.with_("notable").get()
    assert notes[0].notable.title == "P"
    user = await m.User.with_("image").find(ann.id)
    assert user.image.url == "a.png"
    images = await m.Image.with_("imageable").get()
    assert images[0].imageable.name == "Ann"
    tag = await m.Tag.create(name="t")
    await post.labels.attach(tag)
    assert [t.name for t in await post.labels.get()] == ["t"]
    assert [p.title for p in await tag.tagged_posts.get()] == ["P"]
    loaded = await m.Post.with_("labels").get()
    assert [t.name for t in loaded[0].labels] == ["t"]
    assert await db.table("taggables").value("taggable_type") == "Post"


async def test_relation_create_save_and_serialization(db: Connection, m: SimpleNamespace) -> None:
    s = await seed(m)
    comment = m.Comment(body="hello")
    await s.p3.comments.save(comment)
    assert comment.post_id == s.p3.id
    post = await m.Post.with_("comments", "author").find(s.p3.id)
    data = post.to_dict()
    assert data["author"]["name"] == "Bob"
    assert [c["body"] for c in data["comments"]] == ["hello"]
    assert isinstance(post.comments.loaded, Collection)


async def test_has_one_through_and_morph_map(db: Connection, m: SimpleNamespace) -> None:
    from parvel.orm import Model, has_one_through, morph_map

    class CountryWithFirstPost(Model):
        table = "countries"
        timestamps = False
        first_post = has_one_through(lambda: m.Post, lambda: m.User, "country_id", "user_id")

    fr = await m.Country.create(name="France")
    ann = await m.User.create(name="Ann", country_id=fr.id)
    await m.Post.create(title="P", user_id=ann.id)
    country = await CountryWithFirstPost.with_("first_post").first()
    assert country.first_post.title == "P"
    empty = await m.Country.create(name="Empty")
    loaded = await CountryWithFirstPost.with_("first_post").find(empty.id)
    assert loaded.first_post is None
    morph_map({"user": m.User})
    try:
        image = m.Image(url="u.png")
        m.Image.imageable.of(image).associate(ann)
        await image.save()
        assert image.imageable_type == "user"
        assert (await m.Image.with_("imageable").first()).imageable.name == "Ann"
    finally:
        m.User.morph_alias = None


async def test_self_relation_existence_is_refused(db: Connection, m: SimpleNamespace) -> None:
    from parvel.orm import InvalidRelationUse, Model, has_many

    class Category(Model):
        table = "users"
        children = has_many("Category", "country_id")

    with pytest.raises(InvalidRelationUse, match="relates the table 'users' to itself"):
        Category.has("children")


async def test_one_of_many_and_touches(db: Connection, m: SimpleNamespace) -> None:
    from datetime import UTC, datetime

    from parvel.orm import Model, belongs_to, has_one
    from parvel.support import clock

    class Writer(Model):
        table = "users"
        latest = has_one(lambda: m.Post, "user_id").latest_of_many()
        oldest = has_one(lambda: m.Post, "user_id").oldest_of_many()

    class TouchingComment(Model):
        table = "comments"
        guarded = []
        touches = ["post"]
        post = belongs_to(lambda: m.Post)

    ann = await m.User.create(name="Ann")
    bob = await m.User.create(name="Bob")
    for title in ("a", "b", "c"):
        await m.Post.create(title=title, user_id=ann.id)
    await m.Post.create(title="z", user_id=bob.id)
    writers = await Writer.with_("latest", "oldest").order_by("id").get()
    assert [(w.latest.title, w.oldest.title) for w in writers] == [("c", "a"), ("z", "z")]
    assert (await Writer.latest.of(writers[0]).first()).title == "c"
    post = await m.Post.first()
    clock.travel_to(datetime(2031, 1, 1, tzinfo=UTC), freeze=True)
    await TouchingComment.create(body="hi", post_id=post.id)
    assert (await m.Post.find(post.id)).updated_at == datetime(2031, 1, 1, tzinfo=UTC)


async def test_where_pivot_on_bound_relation_and_with_where_has(
    db: Connection, m: SimpleNamespace
) -> None:
    s = await seed(m)
    php, py = [await m.Tag.create(name=n) for n in ("php", "py")]
    await s.p1.tags.attach({php.id: {"role": "main"}, py.id: {"role": "side"}})
    assert [t.name for t in await s.p1.tags.where_pivot("role", "main").get()] == ["php"]
    assert await s.p1.tags.count() == 2  # the declaration was not changed
    posts = (
        await m.Post.query().with_where_has("comments", lambda q: q.where("approved", True)).get()
    )
    assert sorted(p.title for p in posts) == ["One", "Two"]
    assert all(len(p.comments) == 1 for p in posts)
