"""Connection scopes: one pooled driver connection per request, on real PostgreSQL and MariaDB."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parvel.database import DatabaseManager

from .conftest import config_for

SESSION_ID = {"pgsql": "select pg_backend_pid()", "mysql": "select connection_id()"}
SLOW_SESSION_ID = {
    "pgsql": "select pg_backend_pid() from pg_sleep(0.02)",
    "mysql": "select connection_id() from (select sleep(0.02)) as s",
}
KILL = {"pgsql": "select pg_terminate_backend({id})", "mysql": "kill {id}"}


@pytest.fixture(params=["pgsql", "mysql"])
def server(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _manager(
    server: str, request: pytest.FixtureRequest, tmp_path: Path, **pool: object
) -> DatabaseManager:
    config = config_for(server, request, tmp_path)
    config["pool"] = {"min_size": 1, "max_size": 1, **pool}
    return DatabaseManager({"default": server, "connections": {server: config}})


@pytest.fixture
async def db(
    server: str, request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[DatabaseManager]:
    """A manager whose pool holds a single connection: a connection never returned hangs."""
    manager = _manager(server, request, tmp_path)
    yield manager
    await manager.disconnect_all()


async def _id(db: DatabaseManager, server: str) -> int:
    return int(await db.scalar(SESSION_ID[server]))


async def test_statements_in_a_scope_share_one_session(db: DatabaseManager, server: str) -> None:
    async with db.connection_scope():
        ids = {await _id(db, server) for _ in range(20)}
        if server == "pgsql":
            await db.statement("set application_name = 'scoped'")
            assert await db.scalar("show application_name") == "scoped"
    assert len(ids) == 1
    # the connection went back to the one-connection pool: this would hang otherwise
    assert await asyncio.wait_for(_id(db, server), 5) in ids


async def test_concurrent_tasks_of_a_scope_take_turns(db: DatabaseManager, server: str) -> None:
    async with db.connection_scope():
        ids = await asyncio.wait_for(
            asyncio.gather(*(db.scalar(SLOW_SESSION_ID[server]) for _ in range(5))), 10
        )
    assert len(set(ids)) == 1


async def test_a_transaction_in_a_scope_runs_on_the_held_connection(
    db: DatabaseManager, server: str
) -> None:
    async with db.connection_scope():
        before = await _id(db, server)
        async with db.transaction():
            inside = await _id(db, server)
        after = await _id(db, server)
    assert before == inside == after
    assert await asyncio.wait_for(_id(db, server), 5) == before


async def test_a_task_outside_the_transaction_does_not_wait_for_it(
    server: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = _manager(server, request, tmp_path, max_size=2)
    try:
        async with db.connection_scope():
            await _id(db, server)

            async def side_query() -> int:
                await asyncio.sleep(0.01)
                return await _id(db, server)

            side = asyncio.create_task(side_query())  # started outside the transaction
            async with db.transaction():
                in_transaction = await _id(db, server)
                # the transaction holds the scope's connection; the task uses another one
                outside = await asyncio.wait_for(side, 5)
        assert outside != in_transaction
    finally:
        await db.disconnect_all()


async def test_a_rolled_back_transaction_frees_the_connection(
    db: DatabaseManager, server: str
) -> None:
    async with db.connection_scope():
        first = await _id(db, server)
        with pytest.raises(RuntimeError):
            async with db.transaction():
                raise RuntimeError("boom")
        assert db.transaction_level() == 0
        assert await asyncio.wait_for(_id(db, server), 5) == first


async def test_a_scope_closing_during_a_query_returns_it_afterwards(
    db: DatabaseManager, server: str
) -> None:
    async with db.connection_scope():
        await _id(db, server)
        late = asyncio.create_task(db.scalar(SLOW_SESSION_ID[server]))
        await asyncio.sleep(0)  # the task starts its statement on the held connection
    assert await asyncio.wait_for(late, 5)
    assert await asyncio.wait_for(_id(db, server), 5)


async def test_a_lost_connection_is_replaced(
    server: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = _manager(server, request, tmp_path, max_size=2)
    killer = _manager(server, request, tmp_path)
    try:
        async with db.connection_scope():
            first = await _id(db, server)
            await killer.statement(KILL[server].format(id=first))
            await asyncio.sleep(0.1)
            second = await _id(db, server)
            assert second != first
            assert await _id(db, server) == second
    finally:
        await db.disconnect_all()
        await killer.disconnect_all()


async def test_a_cancelled_statement_does_not_poison_the_scope(
    db: DatabaseManager, server: str
) -> None:
    async with db.connection_scope():
        slow = {"pgsql": "select pg_sleep(2)", "mysql": "select sleep(2)"}[server]
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(db.scalar(slow), 0.2)
        assert await asyncio.wait_for(db.scalar("select 1 + 1"), 5) == 2
    assert await asyncio.wait_for(db.scalar("select 2 + 2"), 5) == 4


async def test_pin_per_request_false_takes_a_connection_per_statement(
    server: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = _manager(server, request, tmp_path, max_size=2, pin_per_request=False)
    try:
        async with db.connection_scope():
            await _id(db, server)
            holder = asyncio.create_task(db.scalar(SLOW_SESSION_ID[server]))
            await asyncio.sleep(0)
            # with pinning the second statement would wait for the first one's connection
            other = await _id(db, server)
            assert other != await holder
    finally:
        await db.disconnect_all()


async def test_nested_scopes_keep_the_outer_connection(db: DatabaseManager, server: str) -> None:
    async with db.connection_scope():
        outer = await _id(db, server)
        async with db.connection_scope():
            assert await _id(db, server) == outer
        assert await _id(db, server) == outer


async def test_sqlite_holds_nothing(tmp_path: Path) -> None:
    db = DatabaseManager(
        {
            "default": "sqlite",
            "connections": {"sqlite": {"driver": "sqlite", "database": str(tmp_path / "a.db")}},
        }
    )
    from parvel.database._scope import current_scope

    async with db.connection_scope():
        assert await db.scalar("select 1") == 1
        scope = current_scope.get()
        assert scope is not None
        assert scope.held == {}
    await db.disconnect_all()
