import pytest

from parvel.database import Connection, InvalidIdentifier
from parvel.database import introspection as inspect


async def test_tables_and_columns(connection: Connection) -> None:
    names = await inspect.get_table_names(connection)
    assert {"users", "posts"} <= set(names)
    assert await inspect.has_table(connection, "users")
    assert not await inspect.has_table(connection, "nope")
    columns = await inspect.get_columns(connection, "users")
    assert [c["name"] for c in columns] == ["id", "name", "email", "votes", "meta", "created_at"]
    by_name = {c["name"]: c for c in columns}
    assert by_name["id"]["auto_increment"]
    assert not by_name["name"]["nullable"]
    assert by_name["email"]["nullable"]
    assert await inspect.has_column(connection, "users", "EMAIL")
    assert not await inspect.has_column(connection, "users", "missing")


async def test_indexes_and_foreign_keys(connection: Connection) -> None:
    await connection.statement("drop table if exists comments")
    await connection.statement(
        "create table comments (id integer primary key, post_id integer not null, "
        "foreign key (post_id) references posts (id) on delete cascade)"
    )
    try:
        indexes = await inspect.get_indexes(connection, "users")
        primary = [i for i in indexes if i["primary"]]
        assert primary[0]["columns"] == ["id"]
        unique = [i for i in indexes if i["unique"] and not i["primary"]]
        assert unique[0]["columns"] == ["email"]
        fks = await inspect.get_foreign_keys(connection, "comments")
        assert len(fks) == 1
        assert fks[0]["columns"] == ["post_id"]
        assert fks[0]["foreign_table"] == "posts"
        assert fks[0]["foreign_columns"] == ["id"]
        assert fks[0]["on_delete"] == "cascade"
    finally:
        await connection.statement("drop table if exists comments")


async def test_tables_carry_sizes(connection: Connection) -> None:
    users = next(t for t in await inspect.get_tables(connection) if t["name"] == "users")
    if connection.driver == "sqlite":
        assert users["size"] is None
    else:
        assert users["size"] >= 0


async def test_unsafe_table_name_is_rejected(connection: Connection) -> None:
    with pytest.raises(InvalidIdentifier):
        await inspect.get_columns(connection, "users; drop table users")
