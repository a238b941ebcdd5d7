"""Model core: conventions, casts, dirty tracking, mass assignment, serialization, persistence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from parvel.database import Connection
from parvel.orm import (
    CastError,
    MassAssignmentError,
    Model,
    ModelNotFound,
    UnknownAttribute,
)
from parvel.support import clock


def test_table_name_convention(m: SimpleNamespace) -> None:
    assert m.Post.get_table() == "posts"
    assert m.Country.get_table() == "countries"
    assert m.User.get_foreign_key() == "user_id"

    class BlogCategory(Model):
        pass

    assert BlogCategory.get_table() == "blog_categories"


def test_new_model_fill_and_dirty(m: SimpleNamespace) -> None:
    post = m.Post({"title": "Hello", "votes": "3"})
    assert post.title == "Hello"
    assert post.votes == 3
    assert post.exists is False
    assert post.is_dirty("title")


def test_unknown_attribute_with_no_fillable_names_the_field() -> None:
    class Thing(Model):
        name: str

    with pytest.raises(MassAssignmentError, match=r"Add \[name\] to the fillable property"):
        Thing({"name": "x"})


def test_guarded_attribute_is_rejected_when_not_declared(m: SimpleNamespace) -> None:
    with pytest.raises(MassAssignmentError, match="is_admin2"):
        m.User({"name": "a", "is_admin2": True})


def test_unknown_attribute_read_lists_fields(m: SimpleNamespace) -> None:
    post = m.Post({"title": "x"})
    with pytest.raises(UnknownAttribute, match=r"Declared attributes: .*title"):
        _ = post.titel
    assert post.body is None  # declared but unset


def test_defaults_from_annotations(m: SimpleNamespace) -> None:
    assert m.Post().votes == 0
    assert m.Post.new_from_row({"id": 1}).votes is None  # defaults apply to new models only


def test_cast_error_names_model_attribute_and_value(m: SimpleNamespace) -> None:
    user = m.User.new_from_row({"id": 1, "name": "a", "votes": "lots"})
    with pytest.raises(CastError, match=r"User\.votes.*'lots'"):
        _ = user.votes


async def test_create_find_and_casts(db: Connection, m: SimpleNamespace) -> None:
    clock.travel_to(datetime(2024, 5, 1, 12, 0, tzinfo=UTC), freeze=True)
    user = await m.User.create(name="Ann", meta={"theme": "dark", "n": [1, 2]}, is_admin=True)
    assert isinstance(user.id, int)
    assert user.created_at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    found = await m.User.find(user.id)
    assert found is not None
    assert found.meta == {"theme": "dark", "n": [1, 2]}
    assert found.is_admin is True
    assert found.votes == 0
    assert found.created_at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert found.is_clean()
    post = await m.Post.create(
        title="T", status=m.Status.PUBLISHED, price="9.50", published_at="2024-01-02T03:04:05Z"
    )
    again = await m.Post.find(post.id)
    assert again.status is m.Status.PUBLISHED
    assert again.price == Decimal("9.50")
    assert again.published_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


async def test_dirty_tracking_and_changes(db: Connection, m: SimpleNamespace) -> None:
    user = await m.User.create(name="Ann", meta={"a": 1})
    user = await m.User.find(user.id)
    assert not user.is_dirty()
    user.meta = {"a": 1}
    assert not user.is_dirty("meta")  # same JSON value is not a change
    user.name = "Bob"
    assert user.is_dirty("name")
    assert user.is_dirty()
    assert not user.is_dirty("email")
    assert user.get_original("name") == "Ann"
    await user.save()
    assert user.was_changed("name")
    assert not user.was_changed("email")
    assert user.get_original("name") == "Bob"
    assert not user.is_dirty()


async def test_update_delete_destroy_refresh(db: Connection, m: SimpleNamespace) -> None:
    a = await m.User.create(name="A")
    b = await m.User.create(name="B")
    c = await m.User.create(name="C")
    await a.update({"votes": 5})
    assert (await m.User.find(a.id)).votes == 5
    await db.table("users").where("id", a.id).update({"name": "A2"})
    await a.refresh()
    assert a.name == "A2"
    fresh = await b.fresh()
    assert fresh is not None
    assert fresh is not b
    assert fresh.name == "B"
    assert await c.delete() is True
    assert await m.User.find(c.id) is None
    assert await m.User.destroy(a.id, [b.id]) == 2
    assert await m.User.count() == 0


async def test_find_or_fail_is_404(db: Connection, m: SimpleNamespace) -> None:
    with pytest.raises(ModelNotFound) as info:
        await m.User.find_or_fail(99)
    assert info.value.status_code == 404
    assert "No query results for model [User] 99." in str(info.value)
    with pytest.raises(ModelNotFound):
        await m.User.where("name", "nobody").first_or_fail()


async def test_first_or_create_new_update_or_create(db: Connection, m: SimpleNamespace) -> None:
    a = await m.User.first_or_create({"email": "a@x.io"}, {"name": "A"})
    b = await m.User.first_or_create({"email": "a@x.io"}, {"name": "other"})
    assert a.id == b.id
    assert b.name == "A"
    new = await m.User.first_or_new({"email": "n@x.io"}, {"name": "N"})
    assert not new.exists
    assert new.name == "N"
    c = await m.User.update_or_create({"email": "a@x.io"}, {"votes": 7})
    assert c.id == a.id
    assert c.votes == 7
    d = await m.User.update_or_create({"email": "d@x.io"}, {"name": "D"})
    assert d.exists
    assert d.id != a.id


async def test_upsert_increment_touch_replicate(db: Connection, m: SimpleNamespace) -> None:
    await db.statement("create unique index orm_users_email_unique on orm_users (email)")
    await m.User.upsert(
        [
            {"email": "a@x.io", "name": "A", "votes": 1},
            {"email": "b@x.io", "name": "B", "votes": 2},
        ],
        "email",
        ["name", "votes"],
    )
    await m.User.upsert([{"email": "a@x.io", "name": "A2", "votes": 3}], "email", ["name", "votes"])
    rows = await m.User.order_by("email").get()
    assert [(u.name, u.votes) for u in rows] == [("A2", 3), ("B", 2)]
    user = rows[0]
    await user.increment("votes", 2)
    assert user.votes == 5
    assert (await m.User.find(user.id)).votes == 5
    clock.travel_to(datetime(2030, 1, 1, tzinfo=UTC), freeze=True)
    await user.touch()
    assert (await m.User.find(user.id)).updated_at == datetime(2030, 1, 1, tzinfo=UTC)
    copy = user.replicate()
    assert copy.get_key() is None
    assert copy.name == "A2"
    assert not copy.exists


async def test_uuid_keys(db: Connection, m: SimpleNamespace) -> None:
    profile = await m.Profile.create(name="p")
    assert isinstance(profile.id, str)
    assert len(profile.id) == 36
    assert (await m.Profile.find(profile.id)).name == "p"


async def test_serialization(db: Connection, m: SimpleNamespace) -> None:
    clock.travel_to(datetime(2024, 5, 1, 12, 0, tzinfo=UTC), freeze=True)
    user = await m.User.create(name="Ann", meta={"a": 1})
    user.force_fill({"secret": "s3"})
    data = user.to_dict()
    assert "secret" not in data
    assert data["name"] == "Ann"
    assert data["meta"] == {"a": 1}
    assert data["created_at"] == "2024-05-01T12:00:00.000000Z"
    assert json.loads(user.to_json())["id"] == user.id
    assert "secret" in user.make_visible("secret").to_dict()


def test_accessors_mutators_appends_visible() -> None:
    from parvel.orm import accessor, mutator

    class Person(Model):
        first: str
        last: str
        guarded = []
        appends = ["full_name"]
        visible = ["first", "full_name"]

        @accessor("first")
        def _first(self, value: str) -> str:
            return value.title()

        @mutator("last")
        def _last(self, value: str) -> str:
            return value.upper()

        @property
        def full_name(self) -> str:
            return f"{self.first} {self.last}"

    person = Person(first="ann", last="lee")
    assert person.first == "Ann"
    assert person.get_attributes() == {"first": "ann", "last": "LEE"}
    assert person.to_dict() == {"first": "Ann", "full_name": "Ann LEE"}


def test_custom_and_encrypted_casts() -> None:
    from parvel.orm import set_encrypter_resolver

    class Reverse:
        def encrypt(self, value: str) -> str:
            return value[::-1]

        def decrypt(self, payload: str) -> str:
            return payload[::-1]

    class Money:
        def get(self, model: object, key: str, value: object, attributes: dict) -> Decimal:
            return Decimal(str(value)) / 100

        def set(self, model: object, key: str, value: object, attributes: dict) -> int:
            return int(Decimal(str(value)) * 100)

    class Account(Model):
        guarded = []
        casts = {"secret": "encrypted", "data": "encrypted:json", "balance": Money}

    set_encrypter_resolver(lambda: Reverse())
    try:
        account = Account(secret="abc", data={"k": 1}, balance="1.25")
        raw = account.get_attributes()
        assert raw["secret"] == "cba"
        assert raw["balance"] == 125
        assert account.secret == "abc"
        assert account.data == {"k": 1}
        assert account.balance == Decimal("1.25")
    finally:
        set_encrypter_resolver(None)
    with pytest.raises(CastError, match="No encrypter"):
        _ = account.secret


def test_decimal_places_cast() -> None:
    class Price(Model):
        guarded = []
        casts = {"amount": "decimal:2"}

    assert Price(amount="3.14159").amount == Decimal("3.14")
    assert str(Price(amount=2).get_attributes()["amount"]) == "2.00"

    class Broken(Model):
        guarded = []
        casts = {"amount": "decimal:x"}

    with pytest.raises(ValueError, match="decimal:<places>"):
        Broken(amount=1)


def test_unguard_and_strict_mass_assignment(m: SimpleNamespace) -> None:
    class Secretive(Model):
        name: str
        secret: str
        fillable = ["name"]

    assert Secretive(name="a", secret="s").secret is None  # silently discarded, like Laravel
    with Model.unguarded():
        assert Secretive(name="a", secret="s").secret == "s"
    assert not Model.is_unguarded()
    Model.unguard()
    try:
        assert Secretive(secret="s").secret == "s"
    finally:
        Model.reguard()
    Model.prevent_silently_discarding_attributes()
    try:
        with pytest.raises(MassAssignmentError, match=r"\[secret\]"):
            Secretive(name="a", secret="s")
    finally:
        Model.prevent_silently_discarding_attributes(False)
