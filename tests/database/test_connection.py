import asyncio

import pytest

from parvel.database import (
    Connection,
    DatabaseConnectionError,
    DatabaseManager,
    QueryError,
    TransactionError,
    UniqueConstraintViolation,
)


async def test_insert_select_update_delete(connection: Connection) -> None:
    assert await connection.insert("insert into users (name, votes) values (?, ?)", ["Ann", 3])
    await connection.insert("insert into users (name, votes) values (?, ?)", ["Bob", 5])
    rows = await connection.select("select name, votes from users order by name")
    assert rows == [{"name": "Ann", "votes": 3}, {"name": "Bob", "votes": 5}]
    assert await connection.select_one("select name from users where votes > ?", [4]) == {
        "name": "Bob"
    }
    assert await connection.select_one("select name from users where votes > ?", [40]) is None
    assert await connection.scalar("select count(*) from users") == 2
    assert await connection.update("update users set votes = votes + 1") == 2
    assert await connection.delete("delete from users where name = ?", ["Ann"]) == 1
    assert await connection.scalar("select votes from users") == 6


async def test_question_mark_inside_literal_is_not_a_placeholder(connection: Connection) -> None:
    await connection.insert("insert into users (name, votes) values ('what?', ?)", [1])
    rows = await connection.select("select name from users where name = 'what?' and votes = ?", [1])
    assert rows == [{"name": "what?"}]
    assert await connection.scalar("select count(*) from users where name like ?", ["%?"]) == 1


async def test_insert_get_id(connection: Connection) -> None:
    first = await connection.insert_get_id("insert into users (name) values (?)", ["A"])
    second = await connection.insert_get_id("insert into users (name) values (?)", ["B"])
    assert int(second) == int(first) + 1


async def test_unprepared_runs_several_statements(connection: Connection) -> None:
    await connection.unprepared(
        "insert into users (name) values ('a;b'); insert into users (name) values ('c')"
    )
    assert await connection.scalar("select count(*) from users") == 2


async def test_unique_violation_is_typed(connection: Connection) -> None:
    await connection.insert("insert into users (name, email) values (?, ?)", ["A", "a@x.io"])
    with pytest.raises(UniqueConstraintViolation) as info:
        await connection.insert("insert into users (name, email) values (?, ?)", ["B", "a@x.io"])
    assert info.value.sql.startswith("insert into users")
    assert info.value.bindings == ["B", "a@x.io"]
    assert info.value.connection_name == connection.name
    assert info.value.__cause__ is not None


async def test_bad_sql_raises_query_error(connection: Connection) -> None:
    with pytest.raises(QueryError) as info:
        await connection.select("select * from no_such_table where id = ?", [1])
    assert "no_such_table" in str(info.value)
    assert connection.name in str(info.value)


async def test_cursor_streams_rows(connection: Connection) -> None:
    for i in range(10):
        await connection.insert("insert into users (name, votes) values (?, ?)", [f"u{i}", i])
    seen = [
        row["votes"] async for row in connection.cursor("select votes from users order by votes")
    ]
    assert seen == list(range(10))


async def test_transaction_commits_and_rolls_back(connection: Connection) -> None:
    async with connection.transaction():
        await connection.insert("insert into users (name) values (?)", ["kept"])

    async def failing() -> None:
        async with connection.transaction():
            await connection.insert("insert into users (name) values (?)", ["lost"])
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await failing()
    names = [r["name"] for r in await connection.select("select name from users")]
    assert names == ["kept"]
    assert connection.transaction_level() == 0


async def test_nested_transactions_use_savepoints(connection: Connection) -> None:
    async with connection.transaction():
        await connection.insert("insert into users (name) values (?)", ["outer"])

        async def inner() -> None:
            async with connection.transaction():
                assert connection.transaction_level() == 2
                await connection.insert("insert into users (name) values (?)", ["inner"])
                raise ValueError("inner")

        with pytest.raises(ValueError, match="inner"):
            await inner()
        assert connection.transaction_level() == 1
    names = [r["name"] for r in await connection.select("select name from users")]
    assert names == ["outer"]


async def test_transaction_callback_returns_value(connection: Connection) -> None:
    async def work(conn: Connection) -> int:
        await conn.insert("insert into users (name) values (?)", ["cb"])
        return 42

    assert await connection.transaction(work) == 42
    assert await connection.scalar("select count(*) from users") == 1


async def test_after_commit_runs_only_after_outermost_commit(connection: Connection) -> None:
    ran: list[str] = []
    async with connection.transaction():
        await connection.after_commit(lambda: ran.append("outer"))
        async with connection.transaction():
            await connection.after_commit(lambda: ran.append("inner"))

        async def rolled_back() -> None:
            async with connection.transaction():
                await connection.after_commit(lambda: ran.append("rolled back"))
                raise RuntimeError

        with pytest.raises(RuntimeError):
            await rolled_back()
        assert ran == []
    assert ran == ["outer", "inner"]
    await connection.after_commit(lambda: ran.append("now"))
    assert ran[-1] == "now"


async def test_commit_without_transaction_is_an_error(connection: Connection) -> None:
    with pytest.raises(TransactionError, match="no open transaction"):
        await connection.commit()


async def test_concurrent_tasks_do_not_share_transactions(connection: Connection) -> None:
    started = asyncio.Event()

    async def rolls_back() -> None:
        async with connection.transaction():
            await connection.insert("insert into users (name) values (?)", ["a"])
            started.set()
            await asyncio.sleep(0.05)
            raise RuntimeError("task a")

    async def commits() -> None:
        await started.wait()
        assert connection.transaction_level() == 0
        async with connection.transaction():
            await connection.insert("insert into users (name) values (?)", ["b"])

    results = await asyncio.gather(rolls_back(), commits(), return_exceptions=True)
    assert isinstance(results[0], RuntimeError)
    assert results[1] is None
    names = [r["name"] for r in await connection.select("select name from users")]
    assert names == ["b"]


async def test_pretend_records_without_running(connection: Connection) -> None:
    async with connection.pretend() as log:
        await connection.insert("insert into users (name) values (?)", ["ghost"])
        async with connection.transaction():
            await connection.delete("delete from users")
    assert [entry["query"] for entry in log] == [
        "insert into users (name) values (?)",
        "delete from users",
    ]
    assert log[0]["bindings"] == ["ghost"]
    assert await connection.scalar("select count(*) from users") == 0


async def test_query_log_and_listeners(connection: Connection) -> None:
    events = []
    slow = []
    connection.listen(events.append)
    connection.when_query_takes_longer_than(-1, lambda conn, event: slow.append(event.sql))
    connection.enable_query_log()
    await connection.select("select count(*) from users where votes > ?", [1])
    log = connection.get_query_log()
    assert log[-1]["query"] == "select count(*) from users where votes > ?"
    assert log[-1]["bindings"] == [1]
    assert log[-1]["time"] >= 0
    assert events[-1].connection_name == connection.name
    assert slow == ["select count(*) from users where votes > ?"]
    connection.flush_query_log()
    assert connection.get_query_log() == []


@pytest.mark.parametrize("driver", ["pgsql", "mysql"])
async def test_connection_failure_names_connection_host_and_port(driver: str) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = DatabaseManager(
        {
            "connections": {
                "broken": {
                    "driver": driver,
                    "host": "127.0.0.1",
                    "port": port,
                    "database": "test",
                    "username": "root",
                    "connect_timeout": 2,
                }
            }
        }
    )
    with pytest.raises(DatabaseConnectionError) as info:
        await db.select("select 1")
    message = str(info.value)
    assert "[broken]" in message
    assert f"127.0.0.1:{port}" in message
    await db.disconnect_all()


async def test_transaction_retries_concurrency_errors(connection: Connection) -> None:
    calls: list[int] = []

    async def flaky(conn: Connection) -> str:
        calls.append(1)
        await conn.insert("insert into users (name) values (?)", [f"try{len(calls)}"])
        if len(calls) < 3:
            error = QueryError("simulated deadlock", sql="x", connection_name=conn.name)
            error.__cause__ = _concurrency_cause(conn)
            raise error
        return "ok"

    assert await connection.transaction(flaky, attempts=3) == "ok"
    assert len(calls) == 3
    assert [r["name"] for r in await connection.select("select name from users")] == ["try3"]
    calls.clear()
    with pytest.raises(QueryError, match="simulated deadlock"):
        await connection.transaction(flaky, attempts=2)


def _concurrency_cause(conn: Connection) -> BaseException:
    if conn.driver == "sqlite":
        return RuntimeError("database is locked")
    if conn.driver == "pgsql":
        error = RuntimeError("deadlock detected")
        error.sqlstate = "40P01"  # type: ignore[attr-defined]
        return error
    return RuntimeError(1213, "Deadlock found when trying to get lock")


async def test_pre_ping_option(manager: DatabaseManager) -> None:
    conn = manager.connection()
    conn.config["pre_ping"] = True
    assert await conn.scalar("select 1") == 1


async def test_named_bindings(connection: Connection) -> None:
    await connection.insert(
        "insert into users (name, votes) values (:name, :votes)", {"votes": 4, "name": "Ann"}
    )
    rows = await connection.select(
        "select name from users where votes = :v and name <> ':v'", {"v": 4}
    )
    assert rows == [{"name": "Ann"}]
    if connection.driver == "pgsql":
        assert await connection.scalar("select :n::text", {"n": "5"}) == "5"
    with pytest.raises(QueryError, match="No value for the named binding :missing"):
        await connection.select("select * from users where id = :missing", {"id": 1})


async def test_cumulative_query_time_handler_fires_once(connection: Connection) -> None:
    fired: list[float] = []
    connection.when_querying_for_longer_than(
        0, lambda conn, event: fired.append(conn.total_query_duration())
    )
    await connection.select("select 1")
    await connection.select("select 2")
    assert len(fired) == 1
    assert connection.total_query_duration() >= fired[0] > 0
    connection.reset_total_query_duration()
    connection.allow_query_duration_handlers_to_run_again()
    await connection.select("select 3")
    assert len(fired) == 2


async def test_queries_while_streaming_a_cursor(connection: Connection) -> None:
    for i in range(3):
        await connection.insert("insert into users (name, votes) values (?, ?)", [f"u{i}", i])
    seen = []
    async for row in connection.cursor("select name, votes from users order by votes"):
        total = await connection.scalar(
            "select count(*) from users where votes <= ?", [row["votes"]]
        )
        seen.append((row["name"], total))
    assert seen == [("u0", 1), ("u1", 2), ("u2", 3)]


async def test_aware_datetime_binds_against_a_plain_timestamp(connection: Connection) -> None:
    from datetime import UTC, datetime

    await connection.insert(
        "insert into users (name, votes, created_at) values (?, ?, ?)",
        ["Ann", 1, datetime(2024, 5, 1, 10, 0)],
    )
    before = "select count(*) from users where created_at <= ?"
    assert await connection.scalar(before, [datetime(2024, 5, 1, 12, 0, tzinfo=UTC)]) == 1
    assert await connection.scalar(before, [datetime(2024, 5, 1, 9, 0, tzinfo=UTC)]) == 0
    assert await connection.scalar(before, ["2024-05-01 11:00:00"]) == 1
