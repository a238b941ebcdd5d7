"""Read/write split: reads go to the read connection until this task writes (sticky)."""

import asyncio
from pathlib import Path

import pytest

from parvel.database import DatabaseManager, LostConnectionError


async def make(tmp_path: Path, sticky: bool) -> DatabaseManager:
    read_db, write_db = tmp_path / "read.sqlite", tmp_path / "write.sqlite"
    for path, label in ((read_db, "replica"), (write_db, "primary")):
        single = DatabaseManager(
            {"default": "x", "connections": {"x": {"driver": "sqlite", "database": str(path)}}}
        )
        await single.statement("create table origin (label text)")
        await single.insert("insert into origin values (?)", [label])
        await single.disconnect_all()
    return DatabaseManager(
        {
            "default": "sqlite",
            "connections": {
                "sqlite": {
                    "driver": "sqlite",
                    "read": {"database": str(read_db)},
                    "write": {"database": str(write_db)},
                    "sticky": sticky,
                }
            },
        }
    )


async def test_reads_use_replica_writes_use_primary(tmp_path: Path) -> None:
    db = await make(tmp_path, sticky=False)
    assert await db.scalar("select label from origin") == "replica"
    await db.statement("create table t (x integer)")
    assert await db.scalar("select label from origin") == "replica"
    assert await db.table("origin").use_write_connection().value("label") == "primary"
    await db.disconnect_all()


async def test_sticky_reads_follow_writes_in_the_same_task(tmp_path: Path) -> None:
    db = await make(tmp_path, sticky=True)

    async def other_task() -> str:
        db.connection().forget_records_modification()
        return str(await db.scalar("select label from origin"))

    assert await db.scalar("select label from origin") == "replica"
    await db.table("origin").insert({"label": "new"})
    assert await db.table("origin").order_by("label").value("label") == "new"
    assert await asyncio.create_task(other_task()) == "replica"
    await db.disconnect_all()


async def test_lost_connection_is_retried_once(pgsql_service) -> None:
    db = DatabaseManager(
        {
            "default": "pgsql",
            "connections": {
                "pgsql": {
                    "driver": "pgsql",
                    "host": pgsql_service.host,
                    "port": pgsql_service.port,
                    "database": pgsql_service.database,
                    "username": pgsql_service.user,
                    "password": pgsql_service.password,
                    "pool": {"min_size": 1, "max_size": 1},
                }
            },
        }
    )
    pid = await db.scalar("select pg_backend_pid()")
    killer = DatabaseManager({"default": "k", "connections": {"k": {**db.configuration("pgsql")}}})
    await killer.select("select pg_terminate_backend(?)", [pid])
    await killer.disconnect_all()
    assert await db.scalar("select 1") == 1
    assert await db.scalar("select pg_backend_pid()") != pid
    await db.disconnect_all()


async def test_lost_connection_inside_transaction_is_not_retried(pgsql_service) -> None:
    config = {
        "driver": "pgsql",
        "host": pgsql_service.host,
        "port": pgsql_service.port,
        "database": pgsql_service.database,
        "username": pgsql_service.user,
        "password": pgsql_service.password,
    }
    db = DatabaseManager({"default": "pgsql", "connections": {"pgsql": config, "k": config}})

    async def work() -> None:
        async with db.transaction():
            pid = await db.scalar("select pg_backend_pid()")
            await db.connection("k").select("select pg_terminate_backend(?)", [pid])
            await db.scalar("select 1")

    with pytest.raises(LostConnectionError):
        await work()
    assert db.transaction_level() == 0
    assert await db.scalar("select 1") == 1
    await db.disconnect_all()


async def test_postgres_session_survives_unless_reset_session(pgsql_service) -> None:
    base = {
        "driver": "pgsql",
        "host": pgsql_service.host,
        "port": pgsql_service.port,
        "database": pgsql_service.database,
        "username": pgsql_service.user,
        "password": pgsql_service.password,
    }
    db = DatabaseManager(
        {
            "default": "keep",
            "connections": {
                "keep": {**base, "pool": {"min_size": 1, "max_size": 1}},
                "reset": {**base, "pool": {"min_size": 1, "max_size": 1, "reset_session": True}},
            },
        }
    )
    for name, expected in (("keep", "parvel_probe"), ("reset", "")):
        conn = db.connection(name)
        await conn.statement("set application_name = 'parvel_probe'")
        assert await conn.scalar("show application_name") == expected
    await db.disconnect_all()
