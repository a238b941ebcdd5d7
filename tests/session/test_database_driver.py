"""The database session driver on SQLite, PostgreSQL and MariaDB (real servers)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from parvel.database import DatabaseManager
from parvel.database.schema import SchemaBuilder
from parvel.session import SessionManager
from parvel.support import clock

TABLE = "parvel_test_sessions"


def _config(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    if request.param == "sqlite":
        return {"driver": "sqlite", "database": str(tmp_path / "sessions.sqlite")}
    service = request.getfixturevalue(
        "pgsql_service" if request.param == "pgsql" else "mysql_service"
    )
    return {
        "driver": request.param,
        "host": service.host,
        "port": service.port,
        "database": service.database,
        "username": service.user,
        "password": service.password,
    }


@pytest.fixture(params=["sqlite", "pgsql", "mysql"])
async def manager(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SessionManager]:
    db = DatabaseManager({"default": "main", "connections": {"main": _config(request, tmp_path)}})
    schema = SchemaBuilder(db.connection())
    await schema.drop_if_exists(TABLE)
    async with schema.create(TABLE) as table:
        table.string("id").primary()
        table.foreign_id("user_id").nullable().index()
        table.string("ip_address", 45).nullable()
        table.text("user_agent").nullable()
        table.long_text("payload")
        table.integer("last_activity").index()
    yield SessionManager({"driver": "database", "table": TABLE}, database=db)
    await schema.drop_if_exists(TABLE)
    await db.disconnect_all()


async def test_sessions_are_stored_in_the_table(manager: SessionManager) -> None:
    store = manager.build()
    store.handler.ip_address = "127.0.0.1"  # type: ignore[attr-defined]
    await store.start()
    store.put("user_id", 7)
    store.flash("status", "Saved")
    await store.save()
    row = await manager.database.connection().table(TABLE).where("id", store.id).first()
    assert row["ip_address"] == "127.0.0.1"
    assert '"user_id":7' in row["payload"]
    again = manager.build(store.id)
    await again.start()
    assert again.get("user_id") == 7
    assert again.get("status") == "Saved"
    await again.save()  # second write: an update of the same row
    assert await manager.database.connection().table(TABLE).count() == 1


async def test_regenerate_destroys_the_old_row_and_gc_removes_expired(
    manager: SessionManager,
) -> None:
    store = manager.build()
    await store.start()
    await store.save()
    old = store.id
    await store.regenerate(destroy=True)
    await store.save()
    table = manager.database.connection().table(TABLE)
    assert await table.where("id", old).count() == 0
    clock.travel_by(timedelta(minutes=manager.lifetime + 5))
    expired = manager.build(store.id)
    await expired.start()
    assert expired.all().keys() == {"_token"}  # an expired session reads as new
    assert await manager.gc() == 1
    assert await manager.database.connection().table(TABLE).count() == 0
