from __future__ import annotations

from datetime import timedelta

import pytest

from parvel.encryption import Encrypter, generate_key
from parvel.session import (
    CookieSessionHandler,
    SessionError,
    SessionManager,
    SessionValueError,
    Store,
    is_valid_id,
)
from parvel.support import clock


async def roundtrip(manager: SessionManager, store: Store) -> Store:
    """Save ``store`` and load it again as the next request would."""
    await store.save()
    incoming = store.handler.outgoing if isinstance(store.handler, CookieSessionHandler) else None
    again = manager.build(store.id, incoming)
    await again.start()
    return again


async def test_put_get_and_persist(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.put("user", {"id": 7, "name": "Ann"})
    store.put({"theme": "dark", "count": 1})
    store.push("cart", "apple")
    store.push("cart", "pear")
    store.increment("count", 2)
    loaded = await roundtrip(manager, store)
    assert loaded.get("user.name") == "Ann"
    assert loaded.get("cart") == ["apple", "pear"]
    assert loaded.get("count") == 3
    assert loaded.get("missing", "default") == "default"
    assert loaded.get("missing", lambda: "computed") == "computed"
    assert loaded.pull("theme") == "dark"
    assert loaded.missing("theme")
    loaded.put("nothing", None)
    assert loaded.exists("nothing")
    assert not loaded.has("nothing")
    loaded.forget(["user", "cart"])
    assert loaded.only(["user", "count"]) == {"count": 3}
    loaded.flush()
    assert loaded.all() == {}


async def test_flash_lives_for_exactly_the_next_request(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.flash("status", "Saved!")
    store.now("toast", "only now")
    assert store.get("toast") == "only now"
    second = await roundtrip(manager, store)
    assert second.get("status") == "Saved!"
    assert second.get("toast") is None
    third = await roundtrip(manager, second)
    assert third.get("status") is None


async def test_reflash_and_keep(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.flash("a", 1)
    store.flash("b", 2)
    second = await roundtrip(manager, store)
    second.keep("a")
    third = await roundtrip(manager, second)
    assert third.get("a") == 1
    assert third.get("b") is None
    third.reflash()
    fourth = await roundtrip(manager, third)
    assert fourth.get("a") == 1


async def test_old_input(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.flash_input({"title": "Draft", "tags": ["x", "y"]})
    next_request = await roundtrip(manager, store)
    assert next_request.get_old_input("title") == "Draft"
    assert next_request.get_old_input("tags.1") == "y"
    assert next_request.has_old_input("title")
    assert not next_request.has_old_input("body")


async def test_regenerate_kills_the_old_id(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.put("secret", "x")
    token = store.token()
    await store.save()
    old_id = store.id
    incoming = store.handler.outgoing if isinstance(store.handler, CookieSessionHandler) else None
    again = manager.build(old_id, incoming)
    await again.start()
    await again.regenerate(destroy=True)
    assert again.id != old_id
    assert again.token() != token
    assert again.get("secret") == "x"
    await again.save()
    if not isinstance(again.handler, CookieSessionHandler):
        stale = manager.build(old_id)
        await stale.start()
        assert stale.get("secret") is None


async def test_invalidate_clears_everything(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.put("user_id", 1)
    old = store.id
    await store.invalidate()
    assert store.id != old
    assert store.get("user_id") is None
    assert len(store.token()) == 40


async def test_tampered_or_foreign_payload_is_an_empty_session(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.put("role", "admin")
    await store.save()
    if isinstance(store.handler, CookieSessionHandler):
        forged = manager.build(
            store.id, '{"id": "' + store.id + '", "data": "{not json", "expires": 9e12}'
        )
        await forged.start()
        assert forged.get("role") is None
        other = manager.build(None, store.handler.outgoing)
        await other.start()
        assert other.get("role") is None  # a cookie for another id is ignored
    else:
        await store.handler.write(store.id, "garbage{")
        again = manager.build(store.id)
        await again.start()
        assert again.get("role") is None


async def test_expired_sessions_are_empty_and_collected(manager: SessionManager) -> None:
    store = manager.build()
    await store.start()
    store.put("k", "v")
    await store.save()
    if manager.driver_name == "redis":
        return  # Redis expires keys itself; its TTL is checked in test_redis_ttl
    clock.travel_by(timedelta(minutes=manager.lifetime + 1))
    incoming = store.handler.outgoing if isinstance(store.handler, CookieSessionHandler) else None
    expired = manager.build(store.id, incoming)
    await expired.start()
    assert expired.get("k") is None
    if manager.driver_name in ("file", "array"):
        assert await manager.gc() == 1


async def test_redis_ttl(redis_service: object) -> None:
    import redis.asyncio as aioredis

    client = aioredis.Redis(host="127.0.0.1", port=6379, db=15)
    manager = SessionManager({"driver": "redis", "lifetime": 5}, redis=lambda _: client)
    store = manager.build()
    await store.start()
    await store.save()
    assert 0 < await client.ttl(f"parvel_session:{store.id}") <= 300
    await client.delete(f"parvel_session:{store.id}")
    await client.aclose()


def test_malformed_ids_are_replaced(tmp_path: object) -> None:
    manager = SessionManager({"driver": "array"})
    for bad in ("../../etc/passwd", "short", "x" * 41, "", None, "é" * 40):
        store = manager.build(bad)
        assert is_valid_id(store.id)
        assert store.id != bad


async def test_values_must_be_json(tmp_path: object) -> None:
    store = SessionManager({"driver": "array"}).build()
    await store.start()
    store.put("obj", object())
    with pytest.raises(SessionValueError, match="cannot store a value"):
        await store.save()


async def test_token_before_start() -> None:
    store = SessionManager({"driver": "array"}).build()
    with pytest.raises(SessionError, match="has not started"):
        store.token()


async def test_encrypted_payloads(tmp_path: object) -> None:
    encrypter = Encrypter.from_app_key(generate_key())
    manager = SessionManager({"driver": "array", "encrypt": True}, encrypter=encrypter)
    store = manager.build()
    await store.start()
    store.put("card", "4242")
    await store.save()
    raw = await store.handler.read(store.id)
    assert "4242" not in raw
    again = manager.build(store.id)
    await again.start()
    assert again.get("card") == "4242"
    other = SessionManager(
        {"driver": "array", "encrypt": True}, encrypter=Encrypter.from_app_key(generate_key())
    )
    other.handler().storage = store.handler.storage  # type: ignore[attr-defined]
    foreign = other.build(store.id)
    await foreign.start()
    assert foreign.get("card") is None


def test_unknown_driver() -> None:
    with pytest.raises(SessionError, match=r"Session driver \[memcached\] is not supported"):
        SessionManager({"driver": "memcached"}).build()


def test_dotted_keys_nest_like_laravel() -> None:
    from parvel.session import ArraySessionHandler, Store

    store = Store("parvel_session", ArraySessionHandler())
    store.put("user.name", "Taylor")
    store.push("user.teams", "developers")
    assert store.all() == {"user": {"name": "Taylor", "teams": ["developers"]}}
    assert store.get("user") == {"name": "Taylor", "teams": ["developers"]}
    store.forget("user.name")
    assert store.all() == {"user": {"teams": ["developers"]}}
    store.flash("status.message", "Saved")
    store.age_flash_data()
    store.age_flash_data()
    assert store.missing("status.message")


def test_a_flat_dotted_key_from_an_older_payload_is_replaced() -> None:
    from parvel.session import ArraySessionHandler, Store

    store = Store("parvel_session", ArraySessionHandler())
    store._attributes["a.b"] = 1
    store.put("a.b", 2)
    assert store.all() == {"a": {"b": 2}}
    store._attributes["c.d"] = 1
    store.forget("c.d")
    assert "c.d" not in store.all()


def test_has_any_and_the_id_and_name_getters() -> None:
    from parvel.session import ArraySessionHandler, Store

    store = Store("parvel_session", ArraySessionHandler())
    store.put({"a": 1, "n": None})
    assert store.has_any(["zz", "a"])
    assert not store.has_any(["zz", "n"])
    assert store.get_id() == store.id
    assert store.get_name() == "parvel_session"


def test_the_session_helper_stores_a_mapping() -> None:
    from parvel.session import ArraySessionHandler, Store, current_session, session

    store = Store("parvel_session", ArraySessionHandler())
    token = current_session.set(store)
    try:
        assert session({"cart": [], "step": 2}) is None
        assert session("step") == 2
        assert session().get("cart") == []
    finally:
        current_session.reset(token)


def test_calling_the_store_mirrors_request_session() -> None:
    from parvel.session import ArraySessionHandler, Store

    store = Store("parvel_session", ArraySessionHandler())
    assert store() is store
    store({"key": "value"})
    assert store("key") == "value"
    assert store("nope", "default") == "default"


def test_replace_and_remove() -> None:
    from parvel.session import ArraySessionHandler, Store

    store = Store("parvel_session", ArraySessionHandler())
    store.replace({"a": 1, "b": 2})
    assert store.remove("a") == 1
    assert store.missing("a")
    assert store.remove("nope") is None


def test_from_parvel_import_session_is_the_helper_even_after_the_package_loaded() -> None:
    import parvel.session  # the package is loaded: `from parvel import session` finds it
    from parvel import session
    from parvel.session import ArraySessionHandler, Store, current_session

    store = Store("parvel_session", ArraySessionHandler())
    token = current_session.set(store)
    try:
        session({"theme": "dark"})
        assert session("theme") == "dark"
        assert session("missing", "light") == "light"
        assert parvel.session("theme") == "dark"
    finally:
        current_session.reset(token)
