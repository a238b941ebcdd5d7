"""Laravel's everyday model API as its documentation writes it, on every database."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from parvel.database import Connection
from parvel.orm import (
    Attribute,
    ClassMorphViolation,
    Collection,
    HasVersion4Uuids,
    InvalidRelationUse,
    MassPrunable,
    Model,
    ModelNotFound,
    Pivot,
    Prunable,
    belongs_to,
    belongs_to_many,
    enforce_morph_map,
    has_many,
    has_one,
    observed_by,
    require_morph_map,
    scoped_by,
    set_hasher_resolver,
)
from parvel.support import clock


async def users(m: SimpleNamespace, n: int = 4) -> list[object]:
    return [await m.User.create(name=f"u{i}", email=f"u{i}@x", votes=i * 10) for i in range(n)]


async def test_retrieval_shortcuts(db: Connection, m: SimpleNamespace) -> None:
    await users(m)
    found = await m.User.find([1, 3])
    assert isinstance(found, Collection)
    assert found.model_keys() == [1, 3]
    assert (await m.User.find_or_fail([1, 2])).count() == 2
    with pytest.raises(ModelNotFound, match="9"):
        await m.User.find_or_fail([1, 9])
    assert (await m.User.first_where("name", "u2")).votes == 20
    assert (await m.User.where("votes", ">", 5).first_where("votes", "<", 25)).name == "u1"
    assert (await m.User.where_key([2, 4]).pluck("name")).all() == ["u1", "u3"]
    assert await m.User.where_key_not(1).count() == 3
    names = await m.User.query().pluck("name")
    assert isinstance(names, Collection)
    assert names.implode(",") == "u0,u1,u2,u3"
    assert await m.User.query().pluck("name", "id") == {1: "u0", 2: "u1", 3: "u2", 4: "u3"}


async def test_chunking_with_laravel_shaped_callbacks(db: Connection, m: SimpleNamespace) -> None:
    await users(m, 5)
    seen: list[str] = []
    await m.User.chunk(2, lambda batch: seen.extend(u.name for u in batch))
    assert seen == ["u0", "u1", "u2", "u3", "u4"]

    async def bump(batch: Collection[object]) -> None:
        for user in batch:
            await user.update(votes=user.votes + 1)

    assert await m.User.chunk_by_id(2, bump) is True
    assert await m.User.sum("votes") == 105
    pages: list[int] = []
    await m.User.chunk_by_id(3, lambda batch, page: pages.append(page))
    assert pages == [1, 2]
    ids = [u.id async for u in m.User.lazy_by_id(2)]
    assert ids == [1, 2, 3, 4, 5]
    ids_desc = [u.id async for u in m.User.query().lazy_by_id_desc(2)]
    assert ids_desc == [5, 4, 3, 2, 1]
    names: list[str] = []
    await m.User.where("votes", ">", 20).each_by_id(lambda u: names.append(u.name), 1)
    assert names == ["u2", "u3", "u4"]


async def test_first_or_create_family_on_queries_and_relations(
    db: Connection, m: SimpleNamespace
) -> None:
    author = (await users(m, 1))[0]
    post = await author.posts().create({"title": "Hello"})
    assert post.user_id == author.id
    same = await author.posts.first_or_create({"title": "Hello"}, {"votes": 9})
    assert same.id == post.id
    made = await author.posts.first_or_create({"title": "Other"}, {"votes": 2})
    assert made.user_id == author.id
    assert made.votes == 2
    new = await author.posts.first_or_new({"title": "Draft"})
    assert new.exists is False
    assert new.user_id == author.id
    updated = await author.posts.update_or_create({"title": "Hello"}, {"votes": 7})
    assert updated.id == post.id
    assert (await m.Post.find(post.id)).votes == 7
    assert (await author.posts().where("votes", ">", 5).get()).model_keys() == [post.id]
    assert await author.posts.find_or_fail(post.id)
    with pytest.raises(ModelNotFound):
        await author.posts.find_or_fail(999)
    via_query = await m.Post.where("votes", 7).first_or_create({"title": "Hello"})
    assert via_query.id == post.id
    tag = await (await m.Post.find(post.id)).tags.first_or_create({"name": "news"})
    assert (await m.Post.with_("tags").find(post.id)).tags[0].id == tag.id


async def test_create_or_first_relies_on_a_unique_index(db: Connection, m: SimpleNamespace) -> None:
    await db.statement("create unique index orm_users_email_unique on orm_users (email)")
    first = await m.User.create_or_first({"email": "a@x"}, {"name": "Ann"})
    again = await m.User.create_or_first({"email": "a@x"}, {"name": "Other"})
    assert again.id == first.id
    assert again.name == "Ann"
    async with db.transaction():
        inside = await m.User.query().create_or_first({"email": "a@x"}, {"name": "X"})
        assert inside.id == first.id
        assert await m.User.count() == 1  # the transaction survived the violation


async def test_dirty_tracking_and_attribute_helpers(db: Connection, m: SimpleNamespace) -> None:
    user = (await users(m, 1))[0]
    user.name = "changed"
    user.votes = 99
    assert user.is_dirty(["name", "email"])
    assert not user.is_dirty(["email"])
    assert user.get_raw_original("name") == "u0"
    assert user.get_attribute("name") == "changed"
    assert user.get_attribute("missing") is None
    user.discard_changes()
    assert user.name == "u0"
    assert user.is_clean()
    user.votes = 5
    await user.save()
    assert user.was_changed(["votes"])


async def test_serialization_helpers(db: Connection, m: SimpleNamespace) -> None:
    await users(m, 1)
    user = await m.User.find(1)
    assert user.to_array() == user.to_dict()
    assert json.loads(str(user))["name"] == "u0"
    assert "secret" in user.get_hidden()
    assert set(user.set_visible(["id", "name"]).to_array()) == {"id", "name"}
    user = await m.User.find(1)
    user.set_hidden(["email"])
    assert "email" not in user.to_array()
    assert "secret" in user.to_array()
    user.make_visible("email").make_hidden("email")
    assert "email" not in user.to_array()
    assert user.get_fillable()[0] == "name"
    assert user.get_casts()["votes"] == "int"
    await user.load("posts")
    assert "posts" not in user.attributes_to_array()
    assert user.relations_to_array() == {"posts": []}


async def test_eager_load_columns_and_where_belongs_to(db: Connection, m: SimpleNamespace) -> None:
    author = (await users(m, 2))[1]
    post = await author.posts.create(title="T", body="long body")
    tag = await post.tags.create({"name": "n"})
    loaded = await m.Post.with_("author:id,name").find(post.id)
    assert loaded.author.name == "u1"
    assert "email" not in loaded.author.get_attributes()
    with_tags = await m.Post.with_("tags:id").find(post.id)
    assert with_tags.tags[0].id == tag.id
    assert with_tags.tags[0].pivot.post_id == post.id
    nested = await m.User.with_("posts:id,user_id,title").find(author.id)
    assert "body" not in nested.posts[0].get_attributes()
    assert await m.Post.where_belongs_to(author).count() == 1
    assert await m.Post.where_belongs_to(await m.User.all()).count() == 1
    assert await m.Post.where_belongs_to(author, "author").count() == 1
    with pytest.raises(InvalidRelationUse):
        await m.Post.where_belongs_to(author, "comments").count()


async def test_push_saves_loaded_relations(db: Connection, m: SimpleNamespace) -> None:
    author = (await users(m, 1))[0]
    await author.posts.create(title="old")
    user = await m.User.with_("posts").find(author.id)
    user.name = "new name"
    user.posts[0].title = "new title"
    assert await user.push() is True
    assert (await m.Post.first()).title == "new title"
    assert (await m.User.first()).name == "new name"


async def test_collection_model_helpers(db: Connection, m: SimpleNamespace) -> None:
    await users(m, 4)
    all_users = await m.User.all()
    assert all_users.only([1, 2]).model_keys() == [1, 2]
    assert all_users.except_([1, 2]).model_keys() == [3, 4]
    assert all_users.find_or_fail(3).name == "u2"
    with pytest.raises(ModelNotFound):
        all_users.find_or_fail(99)
    assert await all_users.to_query().where("votes", ">", 10).count() == 2
    assert all_users.diff(all_users.only(1)).model_keys() == [2, 3, 4]
    assert all_users.intersect([all_users[0]]).model_keys() == [1]
    shown = all_users.set_visible(["name"]).to_array()
    assert shown[0] == {"name": "u0"}


async def test_aggregates_on_loaded_models(db: Connection, m: SimpleNamespace) -> None:
    author = (await users(m, 2))[0]
    for votes in (1, 5, 9):
        await author.posts.create(title=f"v{votes}", votes=votes)
    await author.load_sum("posts", "votes")
    await author.load_max("posts", "votes")
    await author.load_exists("posts")
    assert author.posts_sum_votes == 15
    assert author.posts_max_votes == 9
    assert author.posts_exists
    everyone = await m.User.all()
    await everyone.load_count("posts")
    assert [u.posts_count for u in everyone] == [3, 0]
    await everyone.load_min("posts", "votes")
    assert everyone[0].posts_min_votes == 1
    assert everyone[1].posts_min_votes is None
    assert await m.User.with_only("posts").without_global_scopes_except([]).count() == 2


async def test_quiet_writes_and_force_destroy(db: Connection, m: SimpleNamespace) -> None:
    author = (await users(m, 1))[0]
    fired: list[str] = []
    m.Post.created(lambda post: fired.append("created"))
    m.Post.restored(lambda post: fired.append("restored"))
    m.Post.replicating(lambda post: fired.append(f"replicating {post.title}"))
    quiet = await author.posts.create_quietly({"title": "q"})
    await quiet.delete()
    await quiet.restore_quietly()
    assert not quiet.trashed()
    copy = quiet.replicate()
    assert fired == ["replicating q"]
    await copy.save()
    assert fired[-1] == "created"
    result = await m.Post.without_events(lambda: m.Post.create(title="silent"))
    assert result.exists
    assert fired.count("created") == 1
    await copy.force_delete_quietly()
    assert await m.Post.with_trashed().count() == 2
    await quiet.delete()
    assert await m.Post.force_destroy([quiet.id]) == 1
    assert await m.Post.with_trashed().count() == 1


async def test_pivot_filters_and_writes(db: Connection, m: SimpleNamespace) -> None:
    post = await m.Post.create(title="p")
    tags = await post.tags.create_many([{"name": "a"}, {"name": "b"}])
    await post.tags.save_many([m.Tag(name="c")])
    assert await post.tags.count() == 3
    await post.tags.sync_with_pivot_values([t.id for t in tags], {"role": "main"})
    assert await post.tags.count() == 2
    assert await post.tags.where_pivot_in("role", ["main"]).count() == 2
    assert await post.tags.where_pivot_null("role").count() == 0
    await post.tags.update_existing_pivot(tags[1].id, {"role": "aside"})
    ordered = await post.tags.order_by_pivot("role").get()
    assert [t.name for t in ordered] == ["b", "a"]
    assert await post.tags.where_pivot_not_in("role", ["main"]).pluck("name") == ["b"]


async def test_strict_mode_for_missing_attributes(db: Connection, m: SimpleNamespace) -> None:
    await users(m, 1)
    partial = await m.User.query().select("id").first()
    assert partial.name is None
    m.User.should_be_strict()
    try:
        partial = await m.User.query().select("id").first()
        with pytest.raises(AttributeError, match="name"):
            _ = partial.name
    finally:
        m.User.should_be_strict(False)
    m.User.prevent_lazy_loading()  # accepted: Parvel never loads lazily


class Article(Model):
    """Posts seen through Laravel-style configuration: ``$attributes``, ``$with``, format casts."""

    table = "posts"
    guarded: ClassVar[list[str]] = []
    attributes: ClassVar[dict[str, Any]] = {"status": "draft", "votes": 0}
    with_ = ["writer"]
    casts: ClassVar[dict[str, Any]] = {"published_at": "datetime:Y-m-d", "body": "collection"}
    writer = belongs_to(lambda: Writer, "user_id")


class Writer(Model):
    """Users, for :class:`Article`."""

    table = "users"
    guarded: ClassVar[list[str]] = []


async def test_laravel_style_model_configuration(db: Connection, m: SimpleNamespace) -> None:
    writer = await Writer.create(name="Ann")
    article = Article(title="T", user_id=writer.id, body=["a", "b"])
    assert article.status == "draft"
    assert article.votes == 0
    article.published_at = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    await article.save()
    loaded = await Article.find(article.id)
    assert loaded.writer.name == "Ann"  # with_ = [...] eager loads on every query
    assert loaded.body.all() == ["a", "b"]  # the "collection" cast
    assert loaded.to_array()["published_at"] == "2024-05-01"
    assert (await Article.query().without("writer").first()).relation_loaded("writer") is False
    assert callable(Article.with_)  # the query method is still there
    assert (await Article.with_("writer").first()).writer.id == writer.id


class Person(Model):
    """Accessors and mutators declared the Laravel 12 way: methods returning ``Attribute``."""

    table = "users"
    name: str
    email: str | None
    guarded: ClassVar[list[str]] = []
    appends: ClassVar[list[str]] = ["label"]

    def name(self) -> Attribute:  # type: ignore[no-redef]
        """Stored lower-case, read title-cased."""
        return Attribute.make(get=lambda value: value.title(), set=lambda value: value.lower())

    def label(self) -> Attribute:
        """A computed attribute reading the raw attributes."""
        return Attribute.make(
            get=lambda value, attributes: f"{attributes['name']} <{attributes['email']}>"
        )

    def contact(self) -> Attribute:
        """A value spread over two columns."""
        return Attribute.make(
            get=lambda value, attributes: (attributes["name"], attributes["email"]),
            set=lambda value: {"name": value[0], "email": value[1]},
        )


async def test_attribute_accessors_and_mutators(db: Connection, m: SimpleNamespace) -> None:
    person = await Person.create(name="ADA LOVELACE", email="ada@x")
    assert person.get_attributes()["name"] == "ada lovelace"
    assert person.name == "Ada Lovelace"
    loaded = await Person.find(person.id)
    assert loaded.name == "Ada Lovelace"
    assert loaded.to_array()["label"] == "ada lovelace <ada@x>"
    loaded.contact = ("grace", "grace@x")
    assert loaded.get_dirty() == {"name": "grace", "email": "grace@x"}
    await loaded.save()
    assert (await Person.find(person.id)).contact == ("grace", "grace@x")


class Order(Model):
    """Posts as orders, for one-of-many and default relations."""

    table = "posts"
    guarded: ClassVar[list[str]] = []
    buyer = belongs_to(lambda: Buyer, "user_id").with_default({"name": "Guest"})


class Buyer(Model):
    """Users as buyers."""

    table = "users"
    guarded: ClassVar[list[str]] = []
    largest_order = has_many(lambda: Order, "user_id").one().of_many("votes", "max")
    smallest_order = has_one(lambda: Order, "user_id").of_many("votes", "min")


async def test_default_models_and_one_of_many(db: Connection, m: SimpleNamespace) -> None:
    buyer = await Buyer.create(name="B")
    for votes in (5, 9, 1):
        await Order.create(title=f"o{votes}", votes=votes, user_id=buyer.id)
    orphan = await Order.create(title="orphan")
    loaded = await Order.with_("buyer").find(orphan.id)
    assert loaded.buyer.name == "Guest"
    assert loaded.buyer.exists is False
    found = await Buyer.with_("largest_order", "smallest_order").find(buyer.id)
    assert found.largest_order.votes == 9
    assert found.smallest_order.votes == 1


async def test_increment_timestamps_events_and_previous(db: Connection, m: SimpleNamespace) -> None:
    clock.travel_to(datetime(2024, 1, 1, tzinfo=UTC))
    user = (await users(m, 1))[0]
    fired: list[str] = []
    m.User.updating(lambda u: fired.append("updating"))
    m.User.updated(lambda u: fired.append("updated"))
    clock.travel_to(datetime(2024, 2, 1, tzinfo=UTC))
    await user.increment("votes", 5)
    assert fired == ["updating", "updated"]
    assert user.updated_at.month == 2
    assert (await m.User.find(user.id)).updated_at.month == 2
    clock.travel_to(datetime(2024, 3, 1, tzinfo=UTC))
    await m.User.without_timestamps(lambda: user.increment("votes"))
    assert (await m.User.find(user.id)).updated_at.month == 2
    assert (await m.User.find(user.id)).votes == 6
    await user.update(name="renamed")
    assert user.get_previous() == {"name": "u0", "updated_at": user.get_previous("updated_at")}
    assert user.get_previous("name") == "u0"


async def test_random_uuid_keys(db: Connection, m: SimpleNamespace) -> None:
    class Badge(HasVersion4Uuids, Model):
        table = "profiles"
        id: str
        name: str
        guarded: ClassVar[list[str]] = []

    badge = await Badge.create(name="b")
    assert len(badge.id) == 36
    assert badge.id[14] == "4"


class Subscription(Pivot):
    """A custom pivot class."""

    def label(self) -> str:
        """The pivot's role, described."""
        return f"as {self.role}"


class Subscriber(Model):
    """Posts whose tags are read as subscriptions."""

    table = "posts"
    guarded: ClassVar[list[str]] = []
    channels = (
        belongs_to_many("Tag", "post_tag", "post_id", "tag_id")
        .with_pivot("role")
        .as_("subscription")
        .using(Subscription)
    )


async def test_pivot_accessor_custom_pivot_and_where_attached_to(
    db: Connection, m: SimpleNamespace
) -> None:
    post = await m.Post.create(title="p")
    other = await m.Post.create(title="q")
    news = await m.Tag.create(name="news")
    await post.tags.attach(news, {"role": "main"})
    sub = await Subscriber.with_("channels").find(post.id)
    channel = sub.channels[0]
    assert channel.subscription.role == "main"
    assert isinstance(channel.subscription, Subscription)
    assert channel.subscription.label() == "as main"
    assert channel.to_array()["subscription"] == {
        "post_id": post.id,
        "tag_id": news.id,
        "role": "main",
    }
    assert (await m.Post.where_attached_to(news).pluck("id")).all() == [post.id]
    assert await m.Post.where_attached_to([news], "tags").count() == 1
    assert await m.Post.where_key(other.id).where_attached_to(news).count() == 0


class Gossip:
    """An observer counting created models."""

    seen: ClassVar[list[str]] = []

    def created(self, model: Model) -> None:
        """Remember the model's title."""
        Gossip.seen.append(model.title)


class PopularScope:
    """A global scope class."""

    def apply(self, query: Any, model: type[Model]) -> None:
        """Only posts with votes."""
        query.where("votes", ">", 0)


@observed_by(Gossip)
@scoped_by(PopularScope)
class Story(Model):
    """Posts with an observer and a global scope declared by decorators."""

    table = "posts"
    guarded: ClassVar[list[str]] = []


async def test_observed_by_and_scoped_by(db: Connection, m: SimpleNamespace) -> None:
    await Story.create(title="quiet", votes=0)
    await Story.create(title="loud", votes=3)
    assert Gossip.seen[-2:] == ["quiet", "loud"]
    assert (await Story.query().pluck("title")).all() == ["loud"]
    assert await Story.without_global_scope(PopularScope).count() == 2


class Account(Model):
    """Users whose ``secret`` column is a hashed password."""

    table = "users"
    guarded: ClassVar[list[str]] = []
    casts: ClassVar[dict[str, Any]] = {"secret": "hashed"}


class FakeHasher:
    """A cheap stand-in hasher (real ones are slow on purpose)."""

    def make(self, value: str) -> str:
        """A bcrypt-shaped string for ``value``."""
        return "$2y$04$" + value.rjust(53, ".")[:53]


async def test_hashed_cast(db: Connection, m: SimpleNamespace) -> None:
    set_hasher_resolver(FakeHasher)
    try:
        account = await Account.create(name="a", secret="hunter2")
        stored = (await Account.find(account.id)).secret
        assert stored.startswith("$2y$04$")
        assert stored.endswith("hunter2")
        account.secret = stored  # already a hash: kept as is
        assert account.secret == stored
    finally:
        set_hasher_resolver(None)


class Diary(Model):
    """Posts with their own date serialization."""

    table = "posts"
    guarded: ClassVar[list[str]] = []

    def serialize_date(self, value: Any) -> str:
        """Day precision."""
        return str(value.strftime("%Y-%m-%d"))


async def test_serialize_date_override(db: Connection, m: SimpleNamespace) -> None:
    clock.travel_to(datetime(2024, 6, 7, 8, 9, tzinfo=UTC))
    diary = await Diary.create(title="d")
    assert diary.to_array()["created_at"] == "2024-06-07"


async def test_enforce_morph_map(db: Connection, m: SimpleNamespace) -> None:
    ann = await m.User.create(name="Ann")
    post = await m.Post.create(title="P")
    enforce_morph_map({"user": m.User})
    try:
        image = m.Image(url="u.png")
        m.Image.imageable.of(image).associate(ann)
        await image.save()
        assert image.imageable_type == "user"
        with pytest.raises(ClassMorphViolation, match="Post"):
            m.Image.imageable.of(m.Image(url="v.png")).associate(post)
    finally:
        require_morph_map(False)
        m.User.morph_alias = None


async def test_or_callbacks_and_model_collection_identity(
    db: Connection, m: SimpleNamespace
) -> None:
    await users(m, 3)
    assert await m.User.find_or(99, lambda: "none") == "none"
    found = await m.User.find_or(1, ["id", "name"], lambda: None)
    assert set(found.get_attributes()) == {"id", "name"}
    assert await m.User.where("votes", ">", 999).first_or(lambda: "empty") == "empty"
    assert (await m.User.query().first_or(["id"], lambda: None)).get_attributes() == {"id": 1}
    twice = Collection([*(await m.User.all()), *(await m.User.all())])
    assert twice.unique().model_keys() == [1, 2, 3]
    assert twice.find([1, 3]).unique().model_keys() == [1, 3]


class Draft(Prunable, Model):
    """Posts pruned one by one (``pruning()`` runs first)."""

    table = "posts"
    guarded: ClassVar[list[str]] = []
    pruned: ClassVar[list[str]] = []

    def prunable(self) -> Any:  # Laravel's instance-method form
        """Posts without votes."""
        return Draft.where("votes", 0)

    def pruning(self) -> None:
        """Remember the title."""
        Draft.pruned.append(self.title)


class Scratch(MassPrunable, Model):
    """Posts pruned with one DELETE."""

    table = "posts"
    guarded: ClassVar[list[str]] = []

    @classmethod
    def prunable(cls) -> Any:
        """Posts titled 'tmp'."""
        return cls.where("title", "tmp")


async def test_prunable_and_mass_prunable(db: Connection, m: SimpleNamespace) -> None:
    Draft.pruned.clear()
    await Draft.create(title="empty", votes=0)
    await Draft.create(title="kept", votes=2)
    await Scratch.create(title="tmp", votes=5)
    assert await Draft.prune_all() == 1
    assert Draft.pruned == ["empty"]
    assert await Scratch.prune_all() == 1
    assert (await m.Post.with_trashed().pluck("title")).all() == ["kept"]


async def test_query_time_casts(db: Connection, m: SimpleNamespace) -> None:
    author = (await users(m, 1))[0]
    await author.posts.create(title="a", votes=3)
    latest = m.Post.select("created_at").where_column("user_id", "users.id").latest().limit(1)
    found = (
        await m.User.query()
        .select("users.*")
        .add_select({"last_posted_at": latest, "votes_text": m.Post.select("votes").limit(1)})
        .with_casts({"last_posted_at": "datetime", "votes_text": "string"})
        .first()
    )
    assert isinstance(found.last_posted_at, datetime)
    assert found.votes_text == "3"
