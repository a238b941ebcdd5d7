"""Model events, observers, cancellation and ``without_events``."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from parvel.database import Connection
from parvel.orm import without_events


async def test_lifecycle_events_in_order(db: Connection, m: SimpleNamespace) -> None:
    fired: list[str] = []
    for event in ("saving", "creating", "created", "saved", "updating", "updated",
                  "deleting", "deleted", "restoring", "restored", "retrieved"):  # fmt: skip
        m.Post.on(event, lambda model, e=event: fired.append(e))
    post = await m.Post.create(title="x")
    assert fired == ["saving", "creating", "created", "saved"]
    fired.clear()
    post.title = "y"
    await post.save()
    assert fired == ["saving", "updating", "updated", "saved"]
    fired.clear()
    await post.delete()
    await post.restore()
    assert fired[:2] == ["deleting", "deleted"]
    assert "restoring" in fired
    assert fired[-1] == "restored"
    fired.clear()
    await m.Post.find(post.id)
    await m.Post.all()
    assert fired == ["retrieved", "retrieved"]


async def test_returning_false_cancels(db: Connection, m: SimpleNamespace) -> None:
    m.User.creating(lambda user: user.name != "blocked")

    async def no_delete(user: Any) -> bool:
        return False

    m.User.on("deleting", no_delete)
    assert await m.User.count() == 0
    blocked = m.User(name="blocked")
    assert await blocked.save() is False
    assert not blocked.exists
    ok = await m.User.create(name="fine")
    assert await ok.delete() is False
    assert await m.User.count() == 1


async def test_observer_and_without_events(db: Connection, m: SimpleNamespace) -> None:
    class UserObserver:
        def __init__(self) -> None:
            self.seen: list[str] = []

        def created(self, user: Any) -> None:
            self.seen.append(f"created {user.name}")

        async def updated(self, user: Any) -> None:
            self.seen.append(f"updated {user.name}")

    observer = UserObserver()
    m.User.observe(observer)
    user = await m.User.create(name="a")
    await user.update({"name": "b"})
    with without_events():
        await m.User.create(name="silent")
    with m.User.without_events():
        await user.update({"name": "c"})
    await user.update_quietly({"name": "d"})
    assert observer.seen == ["created a", "updated b"]
