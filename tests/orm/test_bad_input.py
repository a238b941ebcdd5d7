"""Bad input gives the same clear errors on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from parvel.database import Connection, DatabaseManager
from parvel.orm import CastError, HasUlids, MassAssignmentError, Model, RelationNotFound


async def test_unknown_attribute_on_create(db: Connection, m: SimpleNamespace) -> None:
    class Plain(Model):
        table = "users"
        name: str

    with pytest.raises(MassAssignmentError, match=r"Add \[nickname\] to the fillable property"):
        await m.User.create(name="a", nickname="b")
    with pytest.raises(MassAssignmentError, match=r"\[name\].*\[Plain\]"):
        await Plain.create(name="a")
    assert await m.User.count() == 0


async def test_unknown_relation(db: Connection, m: SimpleNamespace) -> None:
    await m.Post.create(title="x")
    with pytest.raises(RelationNotFound, match="Post declares: author, comments, labels"):
        await m.Post.with_("writer").get()
    with pytest.raises(RelationNotFound, match="writer"):
        await m.Post.has("writer").get()
    with pytest.raises(RelationNotFound, match="writer"):
        await (await m.Post.all()).load("writer")


async def test_stored_value_the_cast_cannot_convert(db: Connection, m: SimpleNamespace) -> None:
    class Numbered(Model):
        table = "users"
        name: int

    await m.User.create(name="Ann")
    row = await Numbered.first()
    with pytest.raises(
        CastError, match=r"Numbered\.name: the stored value 'Ann' is not a valid int"
    ):
        _ = row.name


async def test_aware_datetimes_are_stored_in_utc(db: Connection, m: SimpleNamespace) -> None:
    paris = timezone(timedelta(hours=2))
    post = await m.Post.create(title="t", published_at=datetime(2024, 6, 1, 14, 0, tzinfo=paris))
    again = await m.Post.find(post.id)
    assert again.published_at == datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    assert again.published_at.tzinfo is UTC


async def test_ulid_keys_and_collection_extras(db: Connection, m: SimpleNamespace) -> None:
    class Badge(HasUlids, Model):
        table = "profiles"
        name: str
        fillable = ["name"]

    badge = await Badge.create(name="b")
    assert len(badge.id) == 26
    users = [await m.User.create(name=n) for n in ("a", "b", "c")]
    collection = await m.User.order_by("id").get()
    assert collection.model_keys() == [u.id for u in users]
    assert collection.find(users[1].id).name == "b"
    assert collection.find(users[2]).name == "c"
    await m.User.where("id", users[0].id).update({"name": "A"})
    fresh = await collection.fresh()
    assert [u.name for u in fresh] == ["A", "b", "c"]
    post = await m.Post.create(title="p", user_id=users[0].id)
    await post.comments.create(body="x")
    await post.load_count("comments")
    assert post.comments_count == 1


async def test_per_model_connection(tmp_path: Path) -> None:
    manager = DatabaseManager({
        "default": "main",
        "connections": {
            "main": {"driver": "sqlite", "database": str(tmp_path / "main.sqlite")},
            "archive": {"driver": "sqlite", "database": str(tmp_path / "archive.sqlite")},
        },
    })  # fmt: skip

    class Entry(Model):
        connection = "archive"
        timestamps = False
        body: str
        guarded = []

    await manager.connection("archive").statement(
        "create table entries (id integer primary key, body text)"
    )
    Model.set_connection_resolver(manager)
    try:
        await Entry.create(body="old")
        assert await manager.connection("archive").table("entries").count() == 1
        assert Entry.get_connection().name == "archive"
    finally:
        Model.set_connection_resolver(None)
        await manager.disconnect_all()


def test_no_connection_configured() -> None:
    from parvel.orm import ConnectionNotSet

    class Lonely(Model):
        pass

    with pytest.raises(ConnectionNotSet, match="OrmServiceProvider"):
        Lonely.query()
